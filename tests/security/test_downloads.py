"""Staff downloads are not reachable by their address alone (issue #25): Streamlit serves a
download button's file at `/media/<hash of the content>` for as long as the session lives,
and the same export has the same address in every session."""

from __future__ import annotations

import pytest

from feedback.staff import auth
from tests.support.attack import request, staff_page
from tests.support.browser import settle

pytestmark = pytest.mark.browser

PLAN = "kymenlaakso"


def test_a_staff_download_is_refused_without_a_live_session_cookie(target, browser):
    page = staff_page(browser, target, "staff-download", plan=PLAN)
    try:
        page.goto(f"{target.url}/overview?plan={PLAN}&section=files")
        button = page.get_by_role("button", name="Yhteenveto (CSV)")
        button.wait_for(timeout=60_000)
        settle(page)
        with page.expect_download(timeout=60_000) as download:
            button.click()
        address = download.value.url
        cookie = {c["name"]: c["value"] for c in page.context.cookies()}[auth.COOKIE_NAME]
        assert "/media/" in address
        without = request(address)
        forged = request(address, headers={"Cookie": f"{auth.COOKIE_NAME}=forged"})
        with_cookie = request(address, headers={"Cookie": f"{auth.COOKIE_NAME}={cookie}"})
    finally:
        page.context.close()
    assert (without.status, forged.status) == (403, 403)
    assert "Tavoite" not in without.body + forged.body
    assert with_cookie.status == 200 and with_cookie.headers["cache-control"] == "no-store"

"""Uploads go over Streamlit's HTTP upload endpoint, not over the websocket: with websocket
messages limited to 1 MB (`server.maxMessageSize`), an admin still imports a plan file of
almost 2 MB (the upload limit, `server.maxUploadSize`) on /plans, in real chromium. The
recording upload on /rounds is tests/browser/test_subject_browser.py's."""

import pytest

from feedback import i18n, plans, settings
from tests.support.browser import signed_in_page, still
from tests.support.users import make_user

pytestmark = pytest.mark.browser

PLAN_ID = "testplan-upload"  # sorts after the real plans, which other tests open first


def test_an_admin_imports_a_plan_file_of_almost_two_megabytes(server, browser, tmp_path):
    text = (settings.PLANS_DIR / "kymenlaakso.yaml").read_text(encoding="utf-8")
    text = text.replace("id: kymenlaakso", f"id: {PLAN_ID}", 1)
    padding = "# " + "x" * 97 + "\n"  # comments: the plan stays the same
    path = tmp_path / f"{PLAN_ID}.yaml"
    path.write_text(text + padding * ((1_950_000 - len(text.encode())) // 100), "utf-8")
    assert 1_900_000 < path.stat().st_size < 2_000_000
    make_user(server, "uploader", role="admin")
    page = signed_in_page(browser, server, "uploader")
    page.goto(f"{server.url}/plans")
    # As a person would, once the page is drawn: a file given to the uploader while the first
    # run still draws the page was lost now and then (the widget drawn anew without it).
    still(page)
    upload = page.locator('[data-testid="stFileUploaderDropzoneInput"]').first
    upload.set_input_files(str(path))
    page.get_by_text(i18n.t("plans.imported", "fi")).wait_for(timeout=60_000)
    still(page)
    assert PLAN_ID in {plan.id for plan in plans.list_plans(server.db_path)}

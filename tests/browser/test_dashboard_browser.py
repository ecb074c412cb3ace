"""The staff dashboard in real chromium, with synthetic answers across the real plans."""

import pytest

from feedback import demo
from tests.browser.conftest import make_user, screenshot, settle, sign_in

pytestmark = pytest.mark.browser


def test_the_dashboard_charts_goals_trend_and_times_with_small_groups_hidden(server, browser):
    demo.fill(server.db_path, responses=6000, seed=5)
    make_user(server, "kojelauta", role="admin")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, server, "kojelauta")
    page.get_by_text("Olet kirjautunut").first.wait_for()
    page.wait_for_function("document.cookie.includes('feedback_session=')")
    page.goto(f"{server.url}/overview")
    page.get_by_role("heading", name="Yhteenveto tavoitteittain").wait_for(timeout=30_000)
    page.locator('[data-testid="stVegaLiteChart"]').first.wait_for(timeout=30_000)
    settle(page)
    assert page.locator('[data-testid="stVegaLiteChart"]').count() >= 3
    assert page.get_by_text("Alle 10 vastauksen ryhmien tuloksia ei näytetä").count() == 1
    screenshot(page, "dashboard-fi-desktop")
    context.close()

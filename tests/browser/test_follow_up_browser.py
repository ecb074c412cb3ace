"""The yearly follow-up on /follow_up in real chromium: an actor's staff upload the filled-in
workbook, see the preview, store it, and find the statuses in the list and on the dashboard's
sub-goal screen beside the children's figures and the indicators."""

import io

import openpyxl
import pytest

from feedback.figures import exports
from feedback.plans import follow_up, follow_up_sheet
from tests.support.accessibility import serious_violations
from tests.support.browser import screenshot, settle, signed_in_page, still
from tests.support.users import make_user

pytestmark = pytest.mark.browser

PLAN = "kymenlaakso"  # its indicators have values: the sub-goal screen shows all three
ACTOR = "kymenlaakso:kotka"


def _filled(db_path, year: int) -> bytes:
    """The actor's template with every action carried out and one started, for `year`."""
    sheets = follow_up_sheet.template(db_path, PLAN, year=year, actors=(ACTOR,), lang="fi")
    book = openpyxl.load_workbook(io.BytesIO(exports.to_xlsx(sheets)))
    sheet = book[follow_up_sheet.SHEET]
    header = [c.value for c in sheet[1]]
    for number, row in enumerate(sheet.iter_rows(min_row=2)):
        row[header.index("status")].value = "started" if number == 0 else "carried-out"
        row[header.index("note")].value = "Tehty kaikissa kouluissa."
        if number == 0:  # shown on the list as a link whose text is the address
            row[header.index("evidence")].value = "https://www.kotka.fi/raportti?osa=<b>1</b>"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_staff_upload_the_yearly_follow_up_and_see_it_beside_the_feedback(
    server, browser, tmp_path
):
    # One size in the suite (it is near its time budget); the dashboard's action table at
    # 360x640 is checked in test_dashboard_browser.py.
    viewport, name, year = {"width": 768, "height": 1024}, "tablet", 2024
    user = f"follow-up-{name}"
    make_user(server, user, role="staff", actors=(ACTOR,))
    listed = follow_up.year_list(server.db_path, PLAN, year=year, actors=(ACTOR,))
    upload_file = tmp_path / f"kotka-{year}.xlsx"
    upload_file.write_bytes(_filled(server.db_path, year))
    page = signed_in_page(browser, server, user, viewport=viewport)
    page.goto(f"{server.url}/follow_up?plan={PLAN}")
    page.get_by_text("Kaikki kerralla (Excel)").click()
    still(page)  # a file given while the page is still drawn can be lost with the old widget
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(upload_file))
    page.get_by_text(f"{len(listed)} uutta, 0 muuttunutta, 0 ennallaan.").wait_for(timeout=30_000)
    still(page)
    assert serious_violations(page) == []
    screenshot(page, f"follow-up-preview-{name}")
    page.get_by_role("button", name=f"Tallenna {len(listed)} toimenpiteen tila").click()
    page.get_by_text(f"Tallennettu: {len(listed)} toimenpidettä.").wait_for(timeout=30_000)
    settle(page)
    kept = follow_up.of_year(server.db_path, PLAN, year=year)
    assert sorted(kept) == sorted(a.action.id for a in listed)
    assert {f.recorded_by for f in kept.values()} == {user}
    screenshot(page, f"follow-up-stored-{name}")
    sub_goal = listed[0].action.sub_goal_id
    page.goto(f"{server.url}/overview?plan={PLAN}&section=sub_goals&sub_goal={sub_goal}")
    page.get_by_text("Välitavoitteen viralliset indikaattorit").wait_for(timeout=30_000)
    still(page)
    assert serious_violations(page) == []
    page.get_by_text("Toimenpiteet", exact=True).scroll_into_view_if_needed()
    screenshot(page, f"follow-up-dashboard-{name}")
    page.context.close()

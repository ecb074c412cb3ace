"""Importing official indicator values from a Sotkanet answer on /plans, in real chromium, and
the values on the dashboard beside the feedback, each group side by side (tests/data/sotkanet/
holds answers built in the real shapes)."""

import pytest

from feedback import plans
from feedback.plans import sotkanet
from tests.support.accessibility import serious_violations
from tests.support.browser import screenshot, settle, signed_in_page, still
from tests.support.sotkanet import DATA, POPULATION_PLAN
from tests.support.users import make_user

pytestmark = pytest.mark.browser

PLAN_ID = "testplan-sotkanet"  # sorts after the real plans, which other tests open first


@pytest.fixture(scope="module")
def mapped_plan(server, tmp_path_factory):
    path = tmp_path_factory.mktemp("sotkanet") / f"{PLAN_ID}.yaml"
    path.write_text(POPULATION_PLAN.replace("id: mini", f"id: {PLAN_ID}", 1), encoding="utf-8")
    plans.import_file(server.db_path, path)
    population = (DATA / "population.json").read_bytes()
    checked = sotkanet.check(server.db_path, PLAN_ID, population, name="population.json")
    sotkanet.store(server.db_path, *checked)
    return path


# The tablet imports the old export (a note: the county's old id), the phone a whole answer of
# every region (the other regions' rows set aside and counted, two series of one indicator).
CASES = {
    "tablet": ("mini.csv", "Uusia 2, muuttuneita 0, ennallaan 1.", 2),
    "phone": ("all-regions.json", "Uusia 3, muuttuneita 0, ennallaan 0.", 3),
}


@pytest.mark.parametrize(
    ("viewport", "name"),
    [({"width": 768, "height": 1024}, "tablet"), ({"width": 390, "height": 844}, "phone")],
)
def test_an_admin_previews_and_stores_a_sotkanet_export_and_sees_it_on_the_dashboard(
    server, browser, mapped_plan, viewport, name
):
    file, summary_text, stored = CASES[name]
    user = f"sotkanet-{name}"
    make_user(server, user, role="admin")
    page = signed_in_page(browser, server, user, viewport=viewport)
    page.goto(f"{server.url}/plans?plan={PLAN_ID}")
    page.get_by_role("tab", name="Indikaattorit Sotkanetista").click()
    still(page)  # a file given while the page is still drawn can be lost with the old widget
    upload = page.locator('[data-testid="stFileUploaderDropzoneInput"]').last
    upload.set_input_files(str(DATA / file))
    summary = page.get_by_text(summary_text)
    if summary.count() == 0:
        summary.wait_for(timeout=30_000)
    still(page)
    assert serious_violations(page) == []
    if name == "tablet":
        note = page.get_by_text("alue 887 on Sotkanetin vanha tunnus (ennen vuotta 2023)")
    else:
        note = page.get_by_text("sivuun jätetyt rivit muilta alueilta (43 aluetta): 516")
    assert note.count() == 1
    note.scroll_into_view_if_needed()
    screenshot(page, f"sotkanet-preview-{name}")
    still(page)  # a click while the preview is redrawn is lost on a loaded machine
    page.get_by_role("button", name=f"Tallenna {stored} arvoa").click()
    page.get_by_text(f"{stored} arvoa tallennettu.").wait_for(timeout=30_000)
    settle(page)
    screenshot(page, f"sotkanet-stored-{name}")
    page.goto(f"{server.url}/overview?plan={PLAN_ID}&section=sub_goals&sub_goal={PLAN_ID}:i-1")
    page.get_by_text("Kehitys vuosittain").wait_for(timeout=30_000)
    still(page)
    years = page.get_by_text("2021 85,5 (koko maa 87,0) → 2023 86,1 (koko maa 86,4)")
    assert years.count() == 1
    eighth = page.get_by_text("8.–9. lk: 2023 71,2 (koko maa 73,9)")
    assert eighth.count() == (1 if name == "phone" else 0)  # the second series beside the first
    assert serious_violations(page) == []
    page.get_by_text("Välitavoitteen viralliset indikaattorit").scroll_into_view_if_needed()
    screenshot(page, f"sotkanet-dashboard-{name}")
    # Whose voice is missing: the answers per 1,000 children of each municipality and band.
    reach = page.get_by_role("heading", name="Vastauksia 1 000 lasta kohden")
    assert reach.count() == 1
    reach.scroll_into_view_if_needed()
    screenshot(page, f"sotkanet-reach-{name}")
    # The next viewport's run starts from the plan file as it was.
    plans.import_file(server.db_path, mapped_plan)
    page.context.close()

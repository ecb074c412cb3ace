import io
from datetime import date, datetime

import openpyxl

from feedback.figures import participation, report
from feedback.plans import follow_up
from feedback.rounds import changes
from tests.support.documents import pages_of, text_of
from tests.support.rounds import answered, open_round


def test_the_yearly_report_has_each_sub_goal_with_figures_participation_and_indicators(plan_db):
    big = open_round(plan_db, action_id="mini:a1")
    answered(plan_db, big, *[5] * 8, *[4] * 4, now=datetime(2025, 3, 1, 10))
    answered(plan_db, big, *[1] * 30, now=datetime(2024, 3, 1, 10))  # another year: not in it
    participation.record(plan_db, action_id="mini:a1", month="2025-04", participants=14, visits=40)
    text = text_of(report.council_report(plan_db, "mini", year=2025, lang="fi", k=10))
    assert "Vuosiraportti valtuustolle 2025" in text
    assert "Vastauksia 12, keskiarvo 4,7 (asteikko 1–5), myönteisiä 100" in text
    assert "osallistujia 14, käyntikertoja 40" in text
    assert "Tyytyväinen elämäänsä, 2019, 4.–5. lk: 88,0 / koko maa 89,5 (neutraali)" in text
    assert "Harrastukset kaikille" in text


def test_the_report_hides_small_groups_and_prints_no_comment(plan_db):
    small = open_round(plan_db, action_id="mini:a4", free_text=True)
    answered(plan_db, small, 2, 2, 2, text="Minun nimeni on Ville", now=datetime(2025, 5, 5, 12))
    text = text_of(report.council_report(plan_db, "mini", year=2025, lang="sv", k=10))
    assert "Årsrapport till fullmäktige 2025" in text
    assert "Svar < 10: siffrorna visas inte eftersom gruppen är liten." in text
    assert "Ville" not in text


def test_the_reports_totals_hold_no_answer_of_a_small_group(plan_db):
    # Main goal I: sub-goal i-1 has a withheld group of 3, i-2 a block of 12. Printed, the main
    # goal's figures are exactly i-2's: the main goal minus i-2 gives nothing away. (The main
    # goal's figures are printed twice: on the summary page and at the goal.)
    answered(plan_db, open_round(plan_db, action_id="mini:a1"), 1, 1, 2, now=datetime(2025, 5, 5))
    answered(plan_db, open_round(plan_db, action_id="mini:a3"), *[4] * 12, now=datetime(2025, 5, 5))
    text = text_of(report.council_report(plan_db, "mini", year=2025, lang="fi", k=10))
    assert text.count("Vastauksia 12, keskiarvo 4,0 (asteikko 1–5), myönteisiä 100") == 3
    assert "Vastauksia 15" not in text
    assert "Vastauksia < 10" in text


def test_the_realisation_report_opens_with_a_summary_and_says_what_was_done(plan_db):
    answered(plan_db, open_round(plan_db, action_id="mini:a1"), *[5] * 12, now=datetime(2025, 3, 1))
    kept = {
        "mini:a1": follow_up.entry(status="carried-out", progress=100, note="Kuusi istuntoa"),
        "mini:a4": follow_up.entry(status="dropped", detail="Ei tiloja"),
    }
    follow_up.record_all(
        plan_db, [(a, 2025, e) for a, e in kept.items()], language="fi", by="hanna"
    )
    changes.record(
        plan_db, action_id="mini:a1", you_said="Liian lyhyt", we_did="Kaksi tuntia",
        status="done", language="fi", today=date(2025, 6, 1),
    )  # fmt: skip
    document = report.council_report(plan_db, "mini", year=2025, lang="fi", k=10)
    first, *rest = pages_of(document)
    assert "Toteutumisraportti · Minisuunnitelma" in first
    assert "Toimenpiteitä 4: 1 toteutettu · 1 luovuttu · 2 merkitsemättä." in first
    assert "Sanoit, teimme – muutoksia palautteen perusteella: 1." in first
    assert "Nuorisovaltuusto ei arvioinut tätä vuotta" in first
    body = "\n".join(rest)
    assert "Toimenpiteiden toteutus 2025: 1 toteutettu · 1 merkitsemättä" in body  # sub-goal i-1
    assert "Toteutettu (100 %) – Kuusi istuntoa" in body
    assert "Luovuttu – Ei tiloja" in body
    assert "Te sanoitte: Liian lyhyt Siksi me: Kaksi tuntia" in body
    # Hamina's staff get Hamina's actions only, in the workbook too.
    book = openpyxl.load_workbook(
        io.BytesIO(
            report.realisation_workbook(
                plan_db, "mini", year=2025, lang="fi", k=10, actors=("mini:hamina",)
            )
        )
    )
    actions = list(book["Toimenpiteet"].iter_rows(values_only=True))
    assert [r[:3] for r in actions] == [
        ("Toimenpide", "Tila", "Mihin muuttui / miksi luovuttiin"),
        ("Lasten parlamentti", "Toteutettu", None),
        ("Maksuton kerhotoiminta", "Merkitsemättä", None),
    ]
    goals = list(book["Tavoitteet"].iter_rows(values_only=True))
    assert goals[1][:2] == ("I. Osallisuus", "1 toteutettu · 1 merkitsemättä")


def test_the_report_has_the_years_own_questions_with_small_groups_withheld(plan_db):
    from datetime import date

    from feedback.rounds import answers
    from tests.support.rounds import own_questions

    liked = own_questions()[2]
    round_ = open_round(plan_db, action_id="mini:a1", own=(liked,), today=date(2025, 2, 1))
    for choice in ["games"] * 9 + ["music"] * 3:
        answers.record(
            plan_db,
            round_,
            answers.Answer(scores=(4,), own={0: (choice,)}),
            submission_id=answers.new_submission_id(),
            now=datetime(2025, 3, 1, 10),
        )
    text = text_of(report.council_report(plan_db, "mini", year=2025, lang="fi", k=10))
    assert "Kierrosten omat kysymykset" in text
    assert f"Mistä pidit? ({round_.code}; vastaajia: 12)" in text
    # 9 and 3 are both under 10: withheld; nobody chose snacks.
    assert "• Pelit: –" in text and "• Musiikki: –" in text and "• Välipala: 0 (0" in text
    assert "Kierrosten omat" not in text_of(
        report.council_report(plan_db, "mini", year=2024, lang="fi", k=10)
    )


def test_the_report_counts_alerts_per_category_small_counts_hidden_and_no_words(plan_db):
    round_ = open_round(plan_db, action_id="mini:a1", free_text=True)
    answered(plan_db, round_, 2, 2, 2, text="isä lyö mua", now=datetime(2025, 5, 5, 12))
    answered(plan_db, round_, 2, text="haluun kuolla", now=datetime(2025, 5, 6, 12))
    text = text_of(report.council_report(plan_db, "mini", year=2025, lang="fi", k=3))
    assert "Huolta herättäneet kommentit" in text
    assert "• väkivalta kotona: 3" in text
    assert "• itsensä vahingoittaminen tai itsemurha: < 3" in text
    assert "• kiusaaminen: 0" in text
    assert "lyö" not in text and "kuolla" not in text
    book = openpyxl.load_workbook(
        io.BytesIO(report.realisation_workbook(plan_db, "mini", year=2025, lang="fi", k=3))
    )
    rows = list(book["Huolet"].iter_rows(values_only=True))
    assert rows[0] == ("Huolta herättäneet kommentit", "Määrä")
    assert ("väkivalta kotona", "3") in rows and ("kiusaaminen", "0") in rows
    assert ("itsensä vahingoittaminen tai itsemurha", "< 3") in rows


def test_the_report_has_the_councils_own_evaluation_per_question_small_numbers_withheld(plan_db):
    from feedback.rounds import council
    from feedback.staff import auth
    from tests.support.users import signed_in

    for number, heard in enumerate((5, 4, 4, 3)):
        name = f"nuva{number}"
        signed_in(plan_db, name, role=auth.Role.COUNCIL)
        scores = {"heard": heard, "influence": 3} | ({"organised": 2} if number < 2 else {})
        council.submit(
            plan_db, username=name, plan_id="mini", ratings=[], self_scores=scores,
            now=datetime(2025, 4, 1),
        )  # fmt: skip
    first = pages_of(report.council_report(plan_db, "mini", year=2025, lang="fi", k=3))[0]
    lines = first.split("Nuorisovaltuuston arvio omasta toiminnastaan", 1)[1].splitlines()
    # In the form's order, after the actions the council rated; 2 answers are fewer than 3.
    assert [line for line in lines if line.startswith("- ")] == [
        "- Äänemme kuului päätöksissä: keskiarvo 1–5 4,0 (vastauksia 4)",
        "- Saimme vaikuttaa asioihin: keskiarvo 1–5 3,0 (vastauksia 4)",
        "- Toimintamme oli hyvin järjestetty: alle 3 vastasi, ei näytetä",
    ]
    book = openpyxl.load_workbook(
        io.BytesIO(report.realisation_workbook(plan_db, "mini", year=2025, lang="sv", k=3))
    )
    assert list(book["Ungdomsfullmäktige"].iter_rows(values_only=True))[2:] == [
        ("Vi fick påverka saker", "medelvärde 1–5 3,0 (svar 4)"),
        ("Vår verksamhet var väl organiserad", "färre än 3 svarade, visas inte"),
    ]
    assert "arvio omasta" not in text_of(
        report.council_report(plan_db, "mini", year=2024, lang="fi", k=3)
    )

from datetime import datetime

from feedback.figures import participation, report
from tests.support.documents import text_of
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
    # goal's figures are exactly i-2's: the main goal minus i-2 gives nothing away.
    answered(plan_db, open_round(plan_db, action_id="mini:a1"), 1, 1, 2, now=datetime(2025, 5, 5))
    answered(plan_db, open_round(plan_db, action_id="mini:a3"), *[4] * 12, now=datetime(2025, 5, 5))
    text = text_of(report.council_report(plan_db, "mini", year=2025, lang="fi", k=10))
    assert text.count("Vastauksia 12, keskiarvo 4,0 (asteikko 1–5), myönteisiä 100") == 2
    assert "Vastauksia 15" not in text
    assert "Vastauksia < 10" in text


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

"""The entry page (/entry): paper answers and participation counts."""

from feedback import storage
from tests.support.pages import page, press


def test_paper_answers_are_entered_as_staff_entered_answers(app_env, round_, admin):
    at = page("entry", session=admin, lang="en")
    inputs = {n.label: n for n in at.number_input}
    inputs["Very good"].set_value(4)
    inputs["Bad"].set_value(1)
    press(at, "Save the answers")
    assert at.success[0].value == "5 answers saved."
    with storage.reading(app_env) as db:
        rows = db.execute("SELECT score, channel FROM answers ORDER BY score").fetchall()
    assert rows == [(2, "staff-entered")] + [(5, "staff-entered")] * 4


def test_participation_counts_are_entered_per_action_and_month(app_env, admin):
    at = page("entry", session=admin, lang="en")
    at.text_input[0].set_value("2026-02")
    inputs = {n.label: n for n in at.number_input}
    inputs["Participants"].set_value(12)
    inputs["Visits"].set_value(30)
    press(at, "Save the counts")
    assert at.success[0].value == "Counts saved for 2026-02."
    assert at.dataframe[0].value.iloc[0].tolist() == ["mini:a1", "2026-02", 12, 30]


def test_a_badly_written_month_gets_a_clear_error_and_nothing_is_saved(app_env, admin):
    at = page("entry", session=admin, lang="fi")
    at.text_input[0].set_value("helmikuu")
    press(at, "Tallenna luvut")
    assert at.error[0].value.startswith("Kirjoita kuukausi muodossa VVVV-KK")
    assert not at.dataframe and not at.table

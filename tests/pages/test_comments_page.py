"""The comments page (/comments): children's words as literal text, too-fast answers, retention."""

from datetime import UTC, datetime

from feedback import retention
from feedback.rounds import answers
from feedback.ui.escaping import plain
from tests.support.pages import page, press
from tests.support.rounds import answered, open_round


def test_comments_are_reviewed_as_literal_text(app_env, admin):
    round_ = open_round(app_env, action_id="mini:a1", free_text=True)
    payload = "<script>alert(1)</script> **bold** [link](http://x.example)"
    for i in range(10):
        answers.record(
            app_env,
            round_,
            answers.Answer(scores=(4,), text=payload if i == 0 else ""),
            submission_id=answers.new_submission_id(),
        )
    at = page("comments", session=admin, lang="en")
    assert [t.value for t in at.text] == [payload]
    press(at, "Contains personal data")
    assert "contains personal data" in at.caption[1].value


def test_the_comments_page_names_each_round_with_answers_flagged_as_too_fast(app_env, admin):
    quiet = open_round(app_env, action_id="mini:a1")
    busy = open_round(
        app_env, action_id="mini:a1", subjects={"fi": "Kerho", "sv": "Klubb", "en": "*Club*"}
    )
    answered(app_env, quiet, 4, 4)
    answered(app_env, busy, 1, 1, 1, flagged=True)
    answered(app_env, busy, 5)
    at = page("comments", session=admin, lang="en")
    assert [w.value for w in at.warning] == [
        f"Round {plain(f'{busy.code} (*Club*)')}: 3 answers came unusually fast, so they are "
        "flagged as possible misuse. They are kept but left out of every figure."
    ]


def test_the_comments_page_says_how_long_comments_are_kept_and_when_old_ones_went(
    app_env, admin, monkeypatch
):
    monkeypatch.setenv("FEEDBACK_COMMENT_MONTHS", "18")
    at = page("comments", session=admin, lang="sv")
    assert [i.value for i in at.info if "sparas" in i.value] == [
        "Kommentarerna sparas i 18 månader och raderas sedan. Siffrorna finns kvar. Gamla "
        "kommentarer har inte raderats än: driften ska köra `feedback retention` regelbundet."
    ]
    retention.run(app_env, now=datetime(2026, 12, 3, tzinfo=UTC))
    at = page("comments", session=admin, lang="fi")
    assert (
        "Kommentit säilytetään 18 kuukautta, sitten ne poistetaan. Luvut säilyvät. Viimeksi "
        "poistettu 3.12.2026: 0 kommenttia ennen päivää 3.6.2025."
    ) in [c.value for c in at.caption]
    assert not [i for i in at.info if "retention" in i.value]

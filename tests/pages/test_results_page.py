"""The public results page (/results): shares, what was done, small rounds hidden."""

import re
from datetime import datetime, timedelta

from streamlit.testing.v1 import AppTest

from feedback import rounds
from feedback.plans import follow_up
from feedback.ui.escaping import plain
from tests.support.pages import markdown_text, page
from tests.support.rounds import answered, open_round


def test_the_results_page_hides_a_small_round_kindly(app_env, round_):
    answered(app_env, round_, 5, 5, 5, 5, now=datetime.now() - timedelta(days=1))
    at = page("results", s=round_.code)
    assert not at.exception
    assert at.info[0].value.startswith("Tuloksia ei näytetä vielä. Ne näytetään, kun")
    assert "Aikuiset käyvät vastaukset läpi" in markdown_text(at)


def test_the_results_page_of_a_round_with_a_subject_has_it_as_the_heading(app_env):
    round_ = rounds.create(
        app_env,
        action_id="mini:a1",
        languages=("fi", "sv"),
        subjects={"fi": "Nuorisotalon kerho", "sv": "Ungdomsgårdens klubb"},
    )
    at = page("results", s=round_.code, lang="sv")
    assert not at.exception
    assert at.subheader[0].value == "Ungdomsgårdens klubb"
    # The action, small; the plan has no Swedish, so its Finnish words are marked Finnish.
    shown = "\n".join(str(h.proto.body) for h in at.get("html"))
    assert '<p class="plan-caption"><span lang="fi" dir="ltr">Lasten parlamentti</span>' in shown


def results_faces(at: AppTest) -> list[tuple[str, str]]:
    """The results page's faces as a child reads them, in order: (name, share)."""
    html = "\n".join(str(h.proto.body) for h in at.get("html"))
    return [
        (name, share.replace("\u00a0", " "))
        for share, name in re.findall(r"<figcaption><strong>(.*?)</strong>(.*?)</figcaption>", html)
    ]


def test_the_results_page_shows_shares_and_what_was_done(app_env, round_):
    from feedback.rounds import changes

    answered(app_env, round_, *[5] * 6, *[4] * 3, 2, now=datetime.now() - timedelta(days=1))
    changes.record(
        app_env,
        action_id=round_.action_id,
        round_id=round_.id,
        you_said="Kerho on liian lyhyt",
        we_did="Kerho kestää nyt kaksi tuntia",
        status="done",
        language="fi",
    )
    at = page("results", s=round_.code, lang="fi")
    assert results_faces(at) == [
        ("Tosi huono", "0 %"),
        ("Huono", "10 %"),
        ("Ihan ok", "0 %"),
        ("Hyvä", "30 %"),
        ("Tosi hyvä", "60 %"),
    ]
    text = markdown_text(at)
    assert "Tehty" in text and "Kerho kestää nyt kaksi tuntia" in text


def test_the_results_page_of_an_action_adds_up_its_published_rounds(app_env):
    yesterday = datetime.now() - timedelta(days=1)
    first, second, small = (open_round(app_env, action_id="mini:a3") for _ in range(3))
    answered(app_env, first, 5, 5, 5, 4, 3, 5, 5, 5, 5, 4, 3, 5, now=yesterday)
    answered(app_env, second, 5, 5, 5, 4, 3, 1, 5, 5, 5, 4, 3, 1, now=yesterday)
    answered(app_env, small, 1, 1, 1, now=yesterday)  # not shown on its own, so not in the sum
    at = page("results", a="mini:a3", lang="en")
    assert not at.exception
    assert "24 answers came in." in markdown_text(at)
    shown = "\n".join(str(h.proto.body) for h in at.get("html"))
    assert '<h3 lang="fi" dir="ltr" class="plan-action">Maksuton kerhotoiminta</h3>' in shown
    assert [share for _, share in results_faces(at)] == ["8%", "0%", "17%", "17%", "58%"]


def test_the_results_page_of_an_unknown_action_says_so(app_env):
    at = page("results", a="mini:zzz", lang="sv")
    assert at.info[0].value == "Resultaten hittades inte. Kontrollera länken."


def test_the_results_page_says_what_was_done_only_when_staff_made_it_public(app_env):
    def mark(year, public, detail, note):
        kept = follow_up.entry(status="changed", detail=detail, note=note, public=public)
        follow_up.record(
            app_env, action_id="mini:a3", year=year, kept=kept, language="en", by="hanna"
        )

    mark(2024, True, "Free clubs on Saturdays", "**Open** [to all](javascript:alert(1))")
    mark(2025, False, "Staff only: the budget was cut", "not for children")
    at = page("results", a="mini:a3", lang="en")
    shown = markdown_text(at)
    assert "**What was done in 2024**" in shown
    assert plain("This was changed: Free clubs on Saturdays") in shown
    assert plain("**Open** [to all](javascript:alert(1))") in shown  # as text, not a link
    assert "budget" not in shown and "not for children" not in shown


def test_the_results_page_shows_the_public_choice_questions_as_text(app_env):
    from dataclasses import replace

    from feedback.rounds import answers
    from tests.support.rounds import own_questions

    liked = own_questions()[2]  # public, a multiple choice with emoji
    hostile = replace(liked, texts={**liked.texts, "en": "**What** <b>did</b> you like?"})
    secret = replace(own_questions()[1], groups=(), public=False, name="often")
    round_ = open_round(app_env, action_id="mini:a1", own=(hostile, secret))
    for n in range(12):
        own = {0: ("games", *(("music",) if n < 2 else ())), 1: ("weekly",)}
        answers.record(
            app_env,
            round_,
            answers.Answer(scores=(4,), own=own),
            submission_id=answers.new_submission_id(),
            now=datetime.now() - timedelta(days=1),
        )
    at = page("results", s=round_.code, lang="en")
    assert not at.exception
    shown = markdown_text(at)
    assert plain("**What** <b>did</b> you like?") in shown
    assert plain("🎲 Games: 100%") in shown.replace("\u00a0", " ")
    assert plain("🎵 Music: –") in shown and "Answered: 12" in [c.value for c in at.caption]
    assert "Every week" not in shown  # not marked public

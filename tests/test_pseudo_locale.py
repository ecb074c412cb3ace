"""The pseudo-locale (tests/support/pseudo.py) on the screens a child meets: every text comes
through the catalogues."""

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from feedback import i18n
from feedback.rounds import helplines
from feedback.ui import answer_page
from tests.support import pseudo
from tests.support.pages import page
from tests.support.rounds import SUBJECTS, open_round


@pytest.fixture
def pseudo_locale(monkeypatch):
    monkeypatch.setattr(i18n, "catalogue", pseudo.catalogue())
    answer_page._first_pages.clear()  # pages kept rendered in the real texts
    answer_page._message_page.cache_clear()
    yield
    answer_page._first_pages.clear()
    answer_page._message_page.cache_clear()


def test_the_answer_page_shows_no_text_outside_the_catalogues(app_env, pseudo_locale):
    round_ = open_round(
        app_env,
        action_id="mini:a1",
        audiences=("grades-1-3", "guardians"),
        extra_questions=("heard",),
        follow_up=("friends", "fun"),
        free_text=True,
    )
    own = {*SUBJECTS.values(), *i18n.LANGUAGE_NAMES.values(), *round_.action_text.values()}
    own |= {line.shown for line in helplines.for_child("en").lines}  # numbers and addresses
    with TestClient(Starlette(routes=answer_page.routes())) as client:
        first = client.get(f"/answer/{round_.code}?lang=en").text
        questions = client.post(
            f"/answer/{round_.code}?lang=en", data={"group": "guardians", "next": "1"}
        ).text
        missing = client.get("/answer/nosuchround?lang=en").text
    assert pseudo.OPEN in questions and pseudo.OPEN in missing
    for shown in (first, questions, missing):
        assert pseudo.untranslated(shown, allowed=own) == []


def test_the_streamlit_answer_page_and_the_privacy_notice_show_no_text_outside_the_catalogues(
    app_env, pseudo_locale
):
    round_ = open_round(app_env, action_id="mini:a1")
    at = page("respond", s=round_.code, lang="en")
    assert not at.exception
    seen = [at.radio[0].label, *at.radio[0].options, *(b.label for b in at.button)]
    seen += [e.label for e in at.expander]
    privacy = page("privacy", lang="en")
    seen += [h.value for h in privacy.subheader] + [m.value for m in privacy.markdown]
    assert seen and all(pseudo.OPEN in text for text in seen), seen

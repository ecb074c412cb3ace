"""Hostile input, generated: whatever arrives in a link or a comment, nothing breaks or leaks.

Hypothesis draws the inputs; the examples are few (each page run takes a Streamlit rerun), so
this file stays fast while still trying control characters, very long and exotic text, lists
where one value is expected, and near misses of valid values.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import HealthCheck, assume, event, example, given, settings
from hypothesis import strategies as st
from starlette.applications import Starlette
from starlette.testclient import TestClient

from feedback import i18n, storage
from feedback.rounds import answers, questions
from feedback.rounds.answers import Answer
from feedback.ui import answer_page
from feedback.ui.escaping import in_language
from tests.support.pages import page
from tests.support.rounds import open_round

# The fixtures are set up once per test, not per example: fine here, as each example looks only
# at what it stored itself (under its own submission id) or stores nothing.
FEW = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text as it may arrive in a query string: any code point but lone surrogates, which no URL
# can carry, with control, format (bidi) and combining characters drawn often.
any_text = st.one_of(
    st.text(max_size=30),
    st.text(st.characters(categories=["Cc", "Cf", "Mn", "Zs", "Zl", "Zp"]), max_size=30),
    st.text(st.sampled_from("<>&\"'`*_[]()#=\\%\n\r\t\x00\u202e\u2066"), max_size=30),
    st.text(max_size=5).map(lambda s: s * 2000),  # a very long value
)


def near(valid: list[str]) -> st.SearchStrategy[str]:
    """A valid value, or one spoilt by case, spaces, a newline or a character more or less."""
    return st.sampled_from(valid).flatmap(
        lambda v: st.sampled_from(
            [v, v.upper(), f" {v} ", f"{v}\n", f"\n{v}", v[:-1], f"{v}x", f"{v}\x00"]
        )
    )


def value(valid: list[str]) -> st.SearchStrategy:
    one = st.one_of(near(valid), any_text)
    return st.one_of(one, st.lists(one, min_size=2, max_size=3))  # ?lang=fi&lang=xx


CODE = "testcase"
query = st.fixed_dictionaries(
    {},
    optional={
        "s": st.one_of(st.just(CODE), value([CODE, "abcdefgh"])),
        "lang": value(list(i18n.LANGUAGES)),
        "plain": value(["1", "0"]),
        "kiosk": value(["1", "0"]),
        "ch": value(["qr", "link"]),
        "preview": value(["1", "0"]),
    },
)


def last(raw: str | list[str] | None) -> str | None:
    """What the app reads for a parameter given several times: the last value."""
    return raw[-1] if isinstance(raw, list) else raw


@FEW
@given(params=query)
def test_any_query_string_shows_the_round_or_a_kind_not_found_in_a_real_language(
    app_env, round_, params
):
    assert round_.code == CODE
    at = page("respond", **params)
    assert not at.exception, at.exception
    lang = i18n.normalise_language(last(params.get("lang"))) or i18n.DEFAULT_LANGUAGE
    found = last(params.get("s")) == CODE
    event("round found" if found else "round not found")
    if found:
        # The action's own text, in the page's language where the plan has it, behind a
        # disclosure (English here: "Children's parliament", escaped as text, marked with its
        # language).
        text, _translated = i18n.pick(round_.action_text, lang, original=round_.plan_language)
        code = i18n.picked_language(round_.action_text, lang, original=round_.plan_language)
        shown = "".join(str(h.proto.body) for h in at.expander[0].get("html"))
        assert shown == in_language(text, code)
        assert len(at.radio[0].options) == 5
        assert [b.label for b in at.button] == [i18n.t("respond.send", lang)]
    else:
        assert [h.value for h in at.header] == [i18n.t("respond.not_found_title", lang)]
        assert not at.radio and not at.button


# Free text as a Python string may hold anything, lone surrogates included (which no browser
# sends, but the domain must not trust its callers for that).
comment_text = st.one_of(
    st.text(st.characters(codec=None, exclude_categories=()), max_size=600),
    st.text(st.characters(categories=["Cc", "Cf", "Cs", "Mn", "Zl", "Zp"]), max_size=50),
    st.text(st.sampled_from("a\u0308\u202e\u2066\u200f\x00\x1b\x7f\n\t\r "), max_size=60),
    st.text(st.sampled_from("aä\u0958\ufb2c\u2126"), min_size=450, max_size=520),  # NFC grows
)
BIDI_CONTROLS = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
SAFE_TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cc", "Cs", "Zl", "Zp"]).filter(
        lambda c: ord(c) not in BIDI_CONTROLS
    ),
    max_size=500,
).map(lambda s: unicodedata.normalize("NFC", s).strip())


@pytest.fixture
def commented(plan_db):
    """A round that offers a comment."""
    return open_round(plan_db, action_id="mini:a2", free_text=True)


def send(db_path, round_, text):
    submission = answers.new_submission_id()
    try:
        answers.record(db_path, round_, Answer(scores=(4,), text=text), submission_id=submission)
    except answers.InvalidAnswer:
        return submission, False
    return submission, True


def stored(db_path, submission):
    with storage.reading(db_path) as db:
        stored_answers = db.execute(
            "SELECT count(*) FROM answers WHERE submission_id = ?", [submission]
        ).fetchone()[0]
        comment = db.execute(
            "SELECT text FROM comments WHERE submission_id = ?", [submission]
        ).fetchone()
    return stored_answers, comment[0] if comment else None


@settings(max_examples=300, deadline=None, suppress_health_check=FEW.suppress_health_check)
@given(text=comment_text)
def test_any_comment_is_stored_clean_or_refused_whole(plan_db, commented, text):
    submission, accepted = send(plan_db, commented, text)
    n_answers, comment = stored(plan_db, submission)
    event("accepted" if accepted else "refused")
    if not accepted:
        assert (n_answers, comment) == (0, None), "a refused answer leaves nothing behind"
        return
    assert n_answers == 1
    if comment is None:  # nothing left to keep once cleaned: the answer is kept without one
        assert not text.strip() or all(unicodedata.category(c)[0] in "CZ" for c in text)
        return
    assert 0 < len(comment) <= questions.FREE_TEXT_MAX
    assert unicodedata.is_normalized("NFC", comment)
    assert comment == comment.strip()
    assert "\n\n\n" not in comment
    for char in comment:
        assert char == "\n" or unicodedata.category(char) not in ("Cc", "Cs"), repr(char)
        assert ord(char) not in BIDI_CONTROLS, repr(char)


@settings(max_examples=100, deadline=None, suppress_health_check=FEW.suppress_health_check)
@given(text=SAFE_TEXT)
def test_an_ordinary_comment_is_stored_exactly_as_written(plan_db, commented, text):
    assume(len(text) <= questions.FREE_TEXT_MAX)  # NFC may have made it longer
    submission, accepted = send(plan_db, commented, text)
    assert accepted
    assert stored(plan_db, submission) == (1, text or None)


@settings(max_examples=100, deadline=None, suppress_health_check=FEW.suppress_health_check)
@given(
    submission=st.one_of(
        st.text(max_size=40),
        st.text("0123456789abcdefABCDEF\n ", min_size=31, max_size=34),
        st.builds(  # a valid id spoilt at one end
            lambda hex_id, before, after: before + hex_id + after,
            st.from_regex(r"[0-9a-f]{32}", fullmatch=True),
            st.sampled_from(["", " ", "\n", "0"]),
            st.sampled_from(["", " ", "\n", "\r\n", "F", "\x00"]),
        ),
    )
)
def test_a_submission_id_is_32_lowercase_hex_digits_or_refused(plan_db, round_, submission):
    assume(re.fullmatch("[0-9a-f]{32}", submission) is None)
    with pytest.raises(answers.InvalidAnswer):
        answers.record(plan_db, round_, Answer(scores=(3,)), submission_id=submission)
    assert stored(plan_db, submission) == (0, None)


@FEW
@given(
    # A URL longer than a test client sends (64 KB) never arrives; the body may be any size.
    query=st.dictionaries(
        st.sampled_from(["lang", "plain", "ch", "s"]),
        st.one_of(
            any_text.filter(lambda text: len(text) <= 30),
            st.text(max_size=5).map(lambda s: s * 200),
        ),
        max_size=4,
    ),
    form=st.dictionaries(
        st.sampled_from(["sid", "q0", "q1", "group", "best", "comment", "send", "next"]),
        st.one_of(any_text, st.sampled_from(["1", "4", "grades-4-6", "fun", "a" * 32])),
        max_size=8,
    ),
)
@example(query={"ch": "qr"}, form={"sid": "b" * 32, "q0": "4", "send": "1"})
@example(query={"lang": "sv"}, form={"sid": "b" * 32 + "\n", "q0": "4", "send": "1"})
def test_the_featherweight_page_answers_any_form_kindly_and_stores_only_what_it_thanks(
    app_env, round_, query, form
):
    before = answers.count(app_env, round_)
    with TestClient(Starlette(routes=answer_page.routes())) as client:
        reply = client.post(f"/answer/{round_.code}", params=query, data=form)
    assert reply.status_code in (200, 413, 422), reply.text[:200]
    assert reply.headers["content-type"].startswith("text/html")
    thanked = any(i18n.t("respond.thanks_body", lang) in reply.text for lang in i18n.LANGUAGES)
    grew = answers.count(app_env, round_) - before
    if thanked:  # stored now, or already under the same submission id
        assert grew in (0, 1)
        with storage.reading(app_env) as db:
            assert db.execute(
                "SELECT 1 FROM answers WHERE submission_id = ?", [form["sid"]]
            ).fetchone()
    else:
        assert grew == 0, "stored without a thank-you"
    assert "<script" not in reply.text

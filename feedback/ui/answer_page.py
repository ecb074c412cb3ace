"""The featherweight answer page for link and QR answering: plain HTML, no JavaScript.

A child who scans a poster with an old phone on a weak connection gets a page of a few kilobytes
instead of Streamlit's megabytes (issue #8). It is a route of the same server process and uses
the same domain code as the Streamlit respondent page: the round from `rounds`, its steps and
wording from `Round` and `questions`, validation and storage from `answers`, every text from
the catalogues. Kiosk tablets and staff preview keep the Streamlit page.

One request per screen: a round open to several groups first asks "Who are you?" (so that the
questions are worded for that group), then shows all of its questions on one page. The
submission id is made when the questions are shown and sent back with them, so a repeated send
is stored once, and the thank-you is the reply to the committed POST.

Against a stranger filling a round with answers (issue #24): only ids this server issued are
taken (`rounds.submissions`: signed, bound to the round, expiring), a form sent from another
site is refused (`forms.from_another_site`), and answers beyond the round's pace are stored
flagged (`rounds.pace`). A round with one-time codes asks for the slip's code as well.
"""

from __future__ import annotations

import hashlib
import logging
from base64 import b64encode
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, QueryParams
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from feedback import i18n, rounds, settings
from feedback.rounds import (
    Round,
    answers,
    codes,
    helplines,
    pictures,
    questions,
    respondent,
    submissions,
)
from feedback.rounds.scales import Scale
from feedback.staff import auth
from feedback.ui import forms

log = logging.getLogger(__name__)

PATH = "/answer/{code}"
#: A form of a few questions and a 500-character comment is far below this (bytes, encoded).
MAX_BODY = 16_384
#: A 500-character text answer, each character up to 4 bytes and percent-encoded.
TEXT_ANSWER_BYTES = 6_144
TEMPLATES = Path(__file__).parent / "templates"
_ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
_CSS = (TEMPLATES / "answer.css").read_text(encoding="utf-8")
#: The help box's own rules, also for the Streamlit pages (`help_box`).
_HELP_CSS = "".join(line for line in _CSS.splitlines() if line.startswith(".help"))
#: Seconds for which a round this process has read is shown without reading it again
#: (`rounds.recently_read`); storing an answer always checks the round in its transaction.
ROUND_MAX_AGE = 2.0
#: Seconds after which a browser shown the busy page asks again.
BUSY_RETRY = 15


@dataclass
class Choice:
    value: str
    label: str
    picture: str | None = None  # CSS class of the picture beside the label
    icon: str = ""
    checked: bool = False


@dataclass
class Fieldset:
    """One question as the template draws it: a legend, choices, and an error if unanswered."""

    name: str
    legend: str
    kind: str  # "pictures", "stars", "numbers", "groups", "best", "text" or "note"
    choices: list[Choice]
    multiple: bool = False
    error: str | None = None
    progress: str | None = None
    required: bool = True
    #: A short text answer's text so far (kind "text").
    text: str = ""


@dataclass
class Screen:
    """Everything one page shows; the template only lays it out."""

    lang: str
    title: str
    round_: Round | None = None
    query: str = ""
    fieldsets: list[Fieldset] = field(default_factory=list)
    comment: str | None = None  # the comment box's text, None when the round asks for none
    comment_error: str | None = None
    group: str | None = None
    submission_id: str | None = None
    alert: str | None = None
    button: str = ""
    button_name: str = "send"
    #: The one-time code typed or taken from the slip's link; None for a round without codes.
    slip_code: str | None = None
    slip_error: str | None = None
    #: Signs the submission ids this page hands out (`auth.submission_key`); never shown.
    key: bytes = field(default=b"", repr=False)
    #: A round asking more than one own question is answered a screen at a time (POST steps,
    #: no script): the screen shown (0-based) of how many, and what the other screens hold,
    #: carried in hidden fields as (name, value).
    page: int = 0
    pages: int = 1
    kept: list[tuple[str, str]] = field(default_factory=list)


def routes() -> list[Route]:
    """The page's routes, to be mounted on the app server."""
    return [Route(PATH, answer, methods=["GET", "POST"])]


async def answer(request: Request) -> Response:
    """Show the round's next screen, or store the answer and thank the respondent."""
    params = request.query_params
    lang = i18n.normalise_language(params.get("lang")) or i18n.DEFAULT_LANGUAGE
    code = request.path_params["code"]
    try:
        round_ = await _open_round(code)
    except rounds.Unavailable:
        log.exception("the answer page cannot read round %s", code)
        return _message(lang, "respond.unavailable_title", "respond.unavailable_body", status=503)
    if round_ is None:
        return _message(lang, "respond.not_found_title", "respond.not_found_body", status=404)
    lang = respondent.language(round_, lang)
    try:
        key = auth.submission_key()
    except auth.NotConfigured:
        log.exception("the answer page cannot sign submission ids")
        return _message(lang, "respond.unavailable_title", "respond.unavailable_body", status=503)
    screen = Screen(lang=lang, title=i18n.t("respond.page_title", lang), round_=round_, key=key)
    screen.query = urlencode({k: v for k, v in params.items() if k in _KEPT_IN_LINKS})
    form = FormData()
    from_another_site = False
    if request.method == "POST":
        form = await forms.read_small(request, max_bytes=_max_body(round_))
        if form is None:
            return _message(lang, "respond.too_big_title", "respond.too_big_body", status=413)
        from_another_site = forms.from_another_site(request)
    group = respondent.group(round_, form.get("group"))
    if from_another_site:  # told kindly: a child sent here by another site may press again
        if group is None:
            screen = _group_screen(screen, round_, FormData())
        else:
            screen = _questions_screen(screen, round_, params, group, form=form)
        screen.alert = i18n.t("respond.other_site", lang)
        return _render(screen, status=403)
    if group is None:
        return _render(_group_screen(screen, round_, form))
    if "go" in form:  # Next or Back between screens: nothing is stored yet
        return _step(screen, round_, params, group, form)
    if "send" not in form:
        return _first_questions(screen, round_, params, group)
    return await _send(screen, round_, params, group, form)


def _step(
    screen: Screen, round_: Round, params: QueryParams, group: str, form: FormData
) -> Response:
    """The next screen (its questions checked first: a required one left out keeps the
    screen, with every choice), or the one before (nothing checked)."""
    page = _page_number(form)
    forward = form.get("go") == "next"
    if forward:
        left = _questions_screen(
            replace(screen, fieldsets=[]), round_, params, group, form=form, page=page, check=True
        )
        if any(f.error for f in left.fieldsets):
            left.alert = i18n.t("respond.choose_one", screen.lang)
            return _render(left, status=422)
    return _render(
        _questions_screen(
            screen, round_, params, group, form=form, page=page + (1 if forward else -1)
        )
    )


def _page_number(form: FormData) -> int:
    raw = form.get("page")  # at most 16 screens: a longer number is no screen of the round
    if isinstance(raw, str) and raw.isascii() and raw.isdigit() and len(raw) <= 2:
        return int(raw)
    return 0


def _pages(round_: Round, group: str) -> list[int]:
    """For each own question `group` is asked (in order), the screen it is on: the main
    questions are screen 0, then each own question a screen of its own (those of one
    XLSForm field-list group together); all on one screen for a round with one at most."""
    own = _own_asked(round_, group)
    if len([p for p in own if round_.own_questions[p].answered]) <= 1:
        return [0 for _ in own]
    screens = enumerate(round_.own_screens(group), start=1)
    return [page for page, screen in screens for _ in screen]


async def _open_round(code: str) -> Round | None:
    """The open round: this process's recent copy without leaving the event loop, else read in
    a worker thread."""
    kept = rounds.recently_read(settings.store(), code, max_age=ROUND_MAX_AGE)
    if kept is not None:
        return kept if kept.is_open else None
    return await run_in_threadpool(rounds.open_by_code, settings.store(), code)


def _group_screen(screen: Screen, round_: Round, form: FormData) -> Screen:
    lang = screen.lang
    screen.fieldsets = [
        Fieldset(
            name="group",
            legend=i18n.t("respond.who", lang),
            kind="groups",
            choices=[
                Choice(g, i18n.t(f"group.{g}", lang), icon=questions.GROUP_ICONS[g])
                for g in round_.audiences
            ],
            error=i18n.t("respond.choose_one", lang) if "next" in form else None,
        )
    ]
    screen.button, screen.button_name = i18n.t("respond.next", lang), "next"
    return screen


def _questions_screen(
    screen: Screen,
    round_: Round,
    params: QueryParams,
    group: str,
    *,
    form: FormData,
    page: int | None = None,
    check: bool | None = None,
) -> Screen:
    """The round's questions, worded for `group`, with what `form` already chose kept: those
    of screen `page` (the form's own screen for None; the first for a new form), the others'
    answers carried along unseen. With `check` (by default when the form was sent), a
    required question left out says so."""
    lang = screen.lang
    checking = "send" in form if check is None else check
    visit = respondent.Visit.from_link(params.get, featherweight=True)
    asked = round_.questions
    own = _own_asked(round_, group)
    steps = len(asked) + len(own)
    for number, question in enumerate(asked):
        name = f"q{number}"
        scale = question.scale
        screen.fieldsets.append(
            Fieldset(
                name=name,
                legend=respondent.question_text(round_, number, group, visit, lang),
                kind=_kind(scale),
                choices=[
                    Choice(
                        str(value),
                        i18n.t(scale.label_key(value), lang),
                        picture=f"pic-{scale.value}-{value}" if scale.has_pictures else None,
                        checked=form.get(name) == str(value),
                    )
                    for value in scale.values
                ],
                error=(
                    i18n.t("respond.choose_one", lang)
                    if checking and _score(form, number) is None
                    else None
                ),
                progress=_progress(number, steps, lang),
            )
        )
    for number, position in enumerate(own, start=len(asked)):
        screen.fieldsets.append(
            _own_fieldset(
                round_,
                position,
                group,
                visit,
                form,
                _progress(number, steps, lang),
                lang,
                check=checking,
            )
        )
    if round_.follow_up:
        picked = form.getlist("best")
        screen.fieldsets.append(
            Fieldset(
                name="best",
                legend=i18n.t("respond.best", lang),
                kind="best",
                multiple=True,
                choices=[
                    Choice(
                        c,
                        i18n.t(f"choice.{c}", lang),
                        icon=questions.BEST_CHOICES[c],
                        checked=c in picked,
                    )
                    for c in round_.follow_up
                ],
            )
        )
    if round_.free_text:
        screen.comment = str(form.get("comment") or "")
    if round_.uses_codes:
        screen.slip_code = str(form.get("k") or params.get("k") or "")[:_SLIP_FIELD_MAX]
    screen.group = group if round_.asks_group else None
    screen.submission_id = _submission_id(form, round_, key=screen.key)
    screen.button, screen.button_name = i18n.t("respond.send", lang), "send"
    return _on_page(screen, round_, group, form, page)


def _on_page(screen: Screen, round_: Round, group: str, form: FormData, page: int | None) -> Screen:
    """`screen` narrowed to one of its screens, the rest kept in hidden fields; the last
    screen has what follows the questions (the choices of what was best, the comment)."""
    placed = [0] * len(round_.questions) + _pages(round_, group)
    screen.pages = max(placed, default=0) + 1
    if screen.pages == 1:
        return screen
    page = _page_number(form) if page is None else page
    screen.page = min(max(page, 0), screen.pages - 1)
    shown, kept = [], []
    for fieldset, on in zip(screen.fieldsets, [*placed, screen.pages - 1], strict=False):
        if on == screen.page:
            shown.append(fieldset)
        else:
            kept += [(fieldset.name, str(v)) for v in form.getlist(fieldset.name)]
    screen.fieldsets = shown
    if screen.page < screen.pages - 1 and screen.comment is not None:
        kept.append(("comment", screen.comment))
        screen.comment = None
    if screen.page > 0 and screen.slip_code is not None:
        kept.append(("k", screen.slip_code))
        screen.slip_code = None
    screen.kept = [(name, value) for name, value in kept if value]
    if screen.page < screen.pages - 1:
        screen.button, screen.button_name = i18n.t("respond.next", screen.lang), "go"
    return screen


async def _send(
    screen: Screen, round_: Round, params: QueryParams, group: str, form: FormData
) -> Response:
    lang = screen.lang
    scores = tuple(_score(form, number) for number in range(len(round_.questions)))
    own = {p: _own_values(round_, p, form) for p in _own_asked(round_, group)}
    missing = [p for p, values in own.items() if round_.own_questions[p].required and not values]
    if None in scores or missing:
        pages = dict(zip(_own_asked(round_, group), _pages(round_, group), strict=True))
        first = 0 if None in scores else pages[missing[0]]
        screen = _questions_screen(screen, round_, params, group, form=form, page=first)
        screen.alert = i18n.t("respond.choose_one", lang)
        return _render(screen, status=422)
    submission_id = submissions.check(form.get("sid"), round_.id, key=screen.key)
    if submission_id is None:  # made up, altered, expired or another round's: a fresh form
        screen = _questions_screen(screen, round_, params, group, form=form)
        screen.alert = i18n.t("respond.form_expired", lang)
        return _render(screen, status=422)
    answer = answers.Answer(
        scores=scores,  # type: ignore[arg-type]
        choices=tuple(form.getlist("best")),
        text=str(form.get("comment") or ""),
        group=group,
        own={p: values for p, values in own.items() if values},
    )
    sent = await run_in_threadpool(
        respondent.send,
        settings.store(),
        round_,
        answer,
        submission_id=submission_id,
        visit=respondent.Visit.from_link(params.get, featherweight=True),
        one_time_code=str(form.get("k") or "") if round_.uses_codes else None,
    )
    Outcome = respondent.Outcome
    if sent.outcome is Outcome.CLOSED:
        return _message(lang, "respond.thanks_title", "respond.closed", status=409)
    if sent.outcome is not Outcome.STORED:  # the questions again, with what was chosen
        screen = _questions_screen(screen, round_, params, group, form=form)
        screen.alert = sent.says(lang)
        if sent.outcome is Outcome.TOO_LONG:
            screen.comment_error = screen.alert
        if sent.outcome is Outcome.CODE_REFUSED:
            screen.slip_error = screen.alert
        return _render(screen, status=503 if sent.outcome is Outcome.FAILED else 422)
    change = sent.last_time
    last_time = (
        i18n.t("results.last_time", lang, you_said=change.you_said, we_did=change.we_did)
        if change
        else None
    )
    page = _message_page(
        lang,
        i18n.t("respond.thanks_title", lang),
        i18n.t("respond.thanks_body", lang),
        last_time,
        f'.thanks-face{{background-image:url("{pictures.data_uri(Scale.FACES5, 5)}")}}',
        helplines.for_child(lang, after_comment=True) if sent.needs_help else None,
    )
    return page.reply()


def _progress(number: int, steps: int, lang: str) -> str | None:
    """ "2/5" above each question of a round that asks more than one."""
    return i18n.t("respond.progress", lang, step=number + 1, steps=steps) if steps > 1 else None


def _own_asked(round_: Round, group: str) -> list[int]:
    """The positions of the round's own questions that `group` is asked (notes too)."""
    return [p for p, q in enumerate(round_.own_questions) if q.asks(group)]


def _own_values(round_: Round, position: int, form: FormData) -> tuple[str, ...]:
    """What the form holds for an own question: the chosen values, or the text written."""
    name = f"o{position}"
    if not round_.own_questions[position].answered:
        return ()
    # Every value sent, for one choice too: two for a single choice are refused when stored
    # (`own_questions.check_answer`), not quietly cut to one.
    return tuple(str(v) for v in form.getlist(name) if str(v).strip())


def _own_fieldset(
    round_: Round,
    position: int,
    group: str,
    visit: respondent.Visit,
    form: FormData,
    progress: str | None,
    lang: str,
    *,
    check: bool,
) -> Fieldset:
    """An own question as the template draws it, with what `form` already holds kept."""
    question = round_.own_questions[position]
    chosen = _own_values(round_, position, form)
    legend = respondent.own_question_text(question, group, visit, lang)
    if question.kind == "scale" and question.scale:
        scale = question.scale
        choices = [
            Choice(
                str(v),
                i18n.t(scale.label_key(v), lang),
                picture=f"pic-{scale.value}-{v}" if scale.has_pictures else None,
                checked=str(v) in chosen,
            )
            for v in scale.values
        ]
        kind = _kind(scale)
    else:
        choices = [
            Choice(c.name, c.labels.get(lang, ""), icon=c.emoji, checked=c.name in chosen)
            for c in question.choices
        ]
        kind = {"single": "groups", "multiple": "best"}.get(question.kind, question.kind)
    unanswered = check and question.required and not chosen
    return Fieldset(
        name=f"o{position}",
        legend=legend,
        kind=kind,
        choices=choices,
        multiple=question.kind == "multiple",
        error=i18n.t("respond.choose_one", lang) if unanswered else None,
        progress=progress,
        required=question.required,
        text=chosen[0] if question.kind == "text" and chosen else "",
    )


def _max_body(round_: Round) -> int:
    """The largest form the round's page takes: room for each short text answer too."""
    texts = sum(1 for q in round_.own_questions if q.kind == "text")
    return MAX_BODY + texts * TEXT_ANSWER_BYTES


def _kind(scale: Scale) -> str:
    """How a scale's choices are laid out: a row of pictures, a list of stars, or numbers."""
    if scale is Scale.STARS:
        return "stars"
    return "pictures" if scale.has_pictures else "numbers"


def _score(form: FormData, number: int) -> int | None:
    raw = form.get(f"q{number}")
    return int(raw) if isinstance(raw, str) and raw.isascii() and raw.isdigit() else None


def _submission_id(form: FormData, round_: Round, *, key: bytes) -> str:
    """The id sent with the form if this server issued it for the round and it is still
    valid, else a fresh one (as when the questions are first shown)."""
    sent = form.get("sid")
    if isinstance(sent, str) and submissions.check(sent, round_.id, key=key):
        return sent
    return submissions.issue(round_.id, key=key)


#: The link's parameters kept in the form's address and the language links: the language,
#: plain wording, the QR channel and a slip's one-time code.
_KEPT_IN_LINKS = ("lang", "plain", "ch", "k")
#: A one-time code with spaces or dashes typed between its letters fits in this.
_SLIP_FIELD_MAX = 3 * codes.LENGTH


def _first_questions(screen: Screen, round_: Round, params: QueryParams, group: str) -> Response:
    """The questions as first shown, nothing chosen yet: rendered once per round, language, link
    settings and group, and only the new submission id put in each time it is shown. A round
    with one-time codes is drawn each time: its slips' links fill in their own codes."""
    if round_.uses_codes:
        return _render(_questions_screen(screen, round_, params, group, form=FormData()))
    key = (round_.id, screen.lang, screen.query, params.get("plain") == "1", group)
    kept = _first_pages.get(key)
    if kept is None or kept[0] != round_:  # not rendered yet, or the round has changed since
        screen = _questions_screen(screen, round_, params, group, form=FormData())
        screen.submission_id = _SID_MARK
        page = _render(screen)
        parts = page.body.split(_SID_MARK.encode())
        if len(parts) != 2:  # cannot happen: no text of a page holds the mark; if it did,
            screen.submission_id = submissions.issue(round_.id, key=screen.key)
            return _render(screen)  # the page would be drawn each time as before
        kept = (round_, parts[0], parts[1], page.headers["content-security-policy"])
        _first_pages[key] = kept
        if len(_first_pages) > PAGES_KEPT:
            _first_pages.popitem(last=False)
    _first_pages.move_to_end(key)
    _, before, after, policy = kept
    return _reply(before + submissions.issue(round_.id, key=screen.key).encode() + after, policy)


#: Stands for the submission id in a kept page: no catalogue text holds a NUL character (a
#: plan's text that held the mark would only make its page be drawn each time).
_SID_MARK = "\x00submission-id\x00"
#: Pages kept rendered, at most: first question screens and messages, each.
PAGES_KEPT = 256
# Used on the event loop's thread only, so without a lock.
_first_pages: OrderedDict[tuple, tuple[Round, bytes, bytes, str]] = OrderedDict()


def _render(screen: Screen, *, status: int = 200) -> Response:
    round_ = screen.round_
    assert round_ is not None
    heading = respondent.heading(round_, screen.lang)
    return _html(
        "answer.html",
        status=status,
        screen=screen,
        lang=screen.lang,
        title=heading.subject or screen.title,
        heading=heading,
        pictures=_picture_css(round_),
        t=lambda key, **values: i18n.t(key, screen.lang, fallback=round_.languages[0], **values),
        languages=[
            (code, name, urlencode({"lang": code, **_kept(screen.query)}))
            for code, name in i18n.LANGUAGE_NAMES.items()
            if code in round_.languages  # only those the round has its words in
        ],
        max_comment=questions.FREE_TEXT_MAX,
        help=helplines.for_child(screen.lang),
    )


def _kept(query: str) -> dict[str, str]:
    """The link's other settings (plain language, QR channel) kept when switching language."""
    return {k: v for k, v in QueryParams(query).items() if k != "lang"}


def _message(lang: str, title_key: str, body_key: str, *, status: int) -> Response:
    page = _message_page(lang, i18n.t(title_key, lang), i18n.t(body_key, lang), None, "", None)
    return page.reply(status=status)


@dataclass(frozen=True)
class _Page:
    """A page rendered once and sent as often as it is asked for."""

    body: bytes
    policy: str

    def reply(self, *, status: int = 200) -> Response:
        return _reply(self.body, self.policy, status=status)


@lru_cache(maxsize=PAGES_KEPT)
def _message_page(
    lang: str,
    title: str,
    body: str,
    last_time: str | None,
    pictures: str,
    help: helplines.Help | None,
) -> _Page:
    """A thank-you or another message: the same for everyone who gets it, so rendered once
    (the thank-you after a comment with a signal once more, with where to find help)."""
    page = _html(
        "thanks.html",
        lang=lang,
        title=title,
        body=body,
        last_time=last_time,
        pictures=pictures,
        help=help,
    )
    return _Page(page.body, page.headers["content-security-policy"])


def _picture_css(round_: Round) -> str:
    """Backgrounds for the pictures of the scales this round asks, and no others."""
    rules = {}
    scales = [q.scale for q in round_.questions] + [q.scale for q in round_.own_questions]
    for scale in dict.fromkeys(s for s in scales if s):
        for value in scale.values:
            uri = pictures.data_uri(scale, value)
            if uri:
                rules[f"pic-{scale.value}-{value}"] = uri
    return "".join(f'.{name}{{background-image:url("{uri}")}}' for name, uri in rules.items())


def help_box(help: helplines.Help) -> str:
    """The help box as HTML with its style, for the Streamlit pages: the same markup as here."""
    return f"<style>{_HELP_CSS}</style>" + _ENV.get_template("help.html").render(help=help)


def busy(lang: str) -> Response:
    """ "Busy, try again in a moment" (503), which the browser loads again by itself after
    `BUSY_RETRY` seconds: the process holds as many sessions as it may
    (feedback.ui.websocket_guard)."""
    reply = _html(
        "busy.html",
        status=503,
        lang=lang,
        title=i18n.t("busy.title", lang),
        body=i18n.t("busy.body", lang),
    )
    reply.headers["Retry-After"] = reply.headers["Refresh"] = str(BUSY_RETRY)
    return reply


def _html(template: str, *, status: int = 200, **context: object) -> Response:
    """The page, with a content security policy that allows only its own inline style."""
    css = _CSS + str(context.get("pictures", ""))
    lang = str(context["lang"])
    body = _ENV.get_template(template).render(
        css=css, footer=_footer(lang), **_language(lang), **context
    )
    return _reply(body, _policy(css), status=status)


def _language(lang: str) -> dict[str, str | None]:
    """The page's direction, and the notice that its language is a draft nobody reviewed."""
    language = i18n.REGISTRY[lang]
    return {
        "direction": language.direction,
        "draft": None if language.reviewed else i18n.t("language.draft", lang),
    }


def _footer(lang: str) -> list[tuple[str, str]]:
    """The links at the end of every page, as on the Streamlit pages (`page.footer`): the
    accessibility statement and the privacy notice, in the page's language."""
    query = urlencode({"lang": lang})
    return [
        (f"/accessibility?{query}", i18n.t("footer.accessibility", lang)),
        (f"/privacy?{query}", i18n.t("footer.privacy", lang)),
    ]


@lru_cache(maxsize=64)
def _policy(css: str) -> str:
    digest = b64encode(hashlib.sha256(css.encode()).digest()).decode()
    return (
        f"default-src 'none'; style-src 'sha256-{digest}'; img-src data:; media-src 'self'; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )


def _reply(body: str | bytes, policy: str, *, status: int = 200) -> Response:
    return HTMLResponse(
        body,
        status_code=status,
        headers={
            "Content-Security-Policy": policy,
            # A new submission id each time the questions are shown, also after Back.
            "Cache-Control": "no-store",
        },
    )

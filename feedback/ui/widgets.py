"""Respondent and staff widgets built from Streamlit parts, styled for small children."""

from __future__ import annotations

import base64
import html
from collections.abc import Callable

import altair as alt
import pandas as pd
import streamlit as st

from feedback import i18n, rounds
from feedback.figures import charts, measures
from feedback.rounds import Round, helplines, pictures, questions, respondent
from feedback.rounds.kiosk import ENROLMENT_MINUTES, Kiosk
from feedback.rounds.own_questions import OwnQuestion
from feedback.rounds.questions import Question
from feedback.rounds.scales import Scale
from feedback.staff import auth
from feedback.ui import answer_page
from feedback.ui.escaping import in_language, plain
from feedback.ui.page import PageContext

# Choices are real radio buttons (and the follow-up real toggle buttons), restyled as large
# targets: the picture is a CSS background, so each choice's accessible name stays its label.
OPTION_CSS = """
<style>
.st-key-{key} [data-testid="stWidgetLabel"] p {{ font-size: 1.4rem; font-weight: 600; }}
.st-key-{key} [role="radiogroup"] {{ gap: 0.5rem; flex-wrap: wrap; justify-content: center; }}
.st-key-{key} label[data-testid="stRadioOption"] {{
  flex-direction: column; align-items: center; min-width: 64px; min-height: 48px;
  padding: 0.4rem 0.6rem; margin: 0; border: 3px solid #9ca3af; border-radius: 1rem;
  cursor: pointer; justify-content: center;
}}
.st-key-{key} label[data-testid="stRadioOption"] > div {{ justify-content: center; width: 100%; }}
/* The whole choice is the target: the small radio dot would only confuse. */
.st-key-{key} label[data-testid="stRadioOption"] > div > div:first-child {{ display: none; }}
.st-key-{key} label[data-testid="stRadioOption"] p {{
  font-size: 1.1rem; text-align: center; max-width: 9rem; margin: 0.25rem 0 0;
}}
.st-key-{key} label[data-testid="stRadioOption"]:has(input:checked) {{
  border-color: #1d4ed8; background: #dbeafe; box-shadow: inset 0 0 0 2px #1d4ed8;
}}
.st-key-{key} label[data-testid="stRadioOption"]:has(input:checked) p {{ font-weight: 700; }}
.st-key-{key} label[data-testid="stRadioOption"]:has(input:focus-visible) {{
  outline: 4px solid #111827; outline-offset: 2px;
}}
{extra}
</style>
"""
# Several may be chosen: each choice a pill a child's finger hits (at least 48 px high).
PILLS_CSS = """
.st-key-{key} button {{ min-height: 3rem; padding: 0.5rem 1rem; }}
.st-key-{key} button p {{ font-size: 1.2rem; }}
"""
PICTURE_CSS = """
.st-key-{key} label[data-testid="stRadioOption"] {{ border-color: transparent; }}
.st-key-{key} label[data-testid="stRadioOption"]::before {{
  content: ""; display: block; width: {width}; aspect-ratio: {ratio};
  background: center / contain no-repeat;
}}
"""
#: Faces in one row of equal columns, each as large as its column allows (≥ 64 px at 360 px).
FACES_CSS = """
.st-key-{key}, .st-key-{key} [data-testid="stRadio"] {{ width: 100%; }}
.st-key-{key} [role="radiogroup"] {{
  display: grid; grid-auto-flow: column; grid-auto-columns: 1fr; gap: 0.25rem;
  width: 100%; max-width: 40rem; margin: 0 auto; align-items: start;
}}
.st-key-{key} [role="radiogroup"] > div {{ display: flex; justify-content: center; }}
.st-key-{key} label[data-testid="stRadioOption"] {{
  border: 0; padding: 0; min-width: 0; justify-content: flex-start;
}}
.st-key-{key} label[data-testid="stRadioOption"]:has(input:checked)::before {{
  outline: 4px solid #1d4ed8; outline-offset: 3px; border-radius: 50%;
}}
.st-key-{key} label[data-testid="stRadioOption"]:has(input:checked) {{ background: none; }}
"""
RESPONDENT_CSS = """
<style>
/* Room for the faces on a phone: a fifth of a 360 px screen each (issue #18). */
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding: 1.5rem 0.5rem 2rem; }
}
.round-subject { font-size: 1.75rem; font-weight: 700; line-height: 1.25; text-align: center;
  margin: 0 0 0.5rem; padding: 0; }
</style>
"""
BUTTON_CSS = """
<style>
.st-key-{key} button {{ min-height: 3.25rem; min-width: 8rem; }}
.st-key-{key} button p {{ font-size: 1.3rem; font-weight: 600; }}
</style>
"""


def action_intro(round_: Round, lang: str, *, compact: bool = False) -> None:
    """What the round asks about: its subject as the heading and the action's text small, or
    for a round without a subject the action as before (results, council pages)."""
    subject = round_.subject(lang)
    if subject is None:
        _action(round_.action_text, round_.plan_language, lang, compact=compact)
        return
    st.subheader(plain(subject), anchor=False)
    text, translated = i18n.pick(round_.action_text, lang, original=round_.plan_language)
    code = i18n.picked_language(round_.action_text, lang, original=round_.plan_language)
    note = f" ({html.escape(i18n.t('respond.translation_note', lang))})" if translated else ""
    st.html(f'<p class="plan-caption">{in_language(text, code, tag="span")}{note}</p>')


def round_subject(heading: respondent.Heading, lang: str) -> None:
    """The top of a question screen: what the child rates, and the question read aloud."""
    subject = heading.subject
    st.html(
        RESPONDENT_CSS
        + (f'<h1 class="round-subject">{html.escape(subject)}</h1>' if subject else "")
    )
    if heading.recording:
        recording_player(heading.recording, lang)


def recording_player(path: str, lang: str) -> None:
    """A plain player of the browser's own, as on the featherweight page."""
    st.html(
        f'<audio controls preload="none" src="{html.escape(path)}" '
        f'aria-label="{html.escape(i18n.t("respond.listen", lang))}" '
        'style="width:100%;max-width:24rem"></audio>'
    )


def child_preview(*, subject: str, scale: Scale, group: str | None, action, lang: str) -> None:
    """The child's first screen as it will look (staff, beside the form that opens a round):
    the subject, the question, the faces, and the action's own text behind the disclosure."""
    question = Question(questions.MAIN_QUESTION[scale], scale)
    choices = "".join(
        '<div style="flex:1 1 0;min-width:0;text-align:center">'
        + (
            f'<img src="{uri}" alt="" style="width:100%;max-width:5rem;aspect-ratio:1">'
            if (uri := pictures.data_uri(scale, value))
            else ""
        )
        + '<div style="font-size:.75rem;line-height:1.2;overflow-wrap:anywhere;hyphens:auto">'
        + html.escape(i18n.t(scale.label_key(value), lang))
        + "</div></div>"
        for value in scale.values
    )
    text, _ = i18n.pick(action.text, lang, original=action.language)
    heading = (
        f'<div role="heading" aria-level="3" style="font-size:1.5rem;font-weight:700;'
        f'text-align:center">{html.escape(subject)}</div>'
        if subject
        else '<p style="color:#991b1b;font-weight:700;text-align:center">'
        + html.escape(i18n.t("rounds.subject_missing", lang, language=i18n.LANGUAGE_NAMES[lang]))
        + "</p>"
    )
    st.html(
        f'<section lang="{lang}" aria-label="{html.escape(i18n.t("rounds.child_preview", lang))}"'
        ' style="border:2px solid #9ca3af;border-radius:1rem;padding:1rem;max-width:24rem">'
        + heading
        + '<p style="font-size:1.2rem;font-weight:700;text-align:center;margin:.5rem 0">'
        + html.escape(i18n.t(question.text_key_for(group), lang))
        + "</p>"
        + f'<div style="display:flex;gap:.25rem">{choices}</div>'
        + '<div style="margin:1rem auto;width:8rem;padding:.5rem;border-radius:.75rem;'
        'background:#1d4ed8;color:#fff;font-weight:700;text-align:center">'
        + html.escape(i18n.t("respond.send", lang))
        + "</div>"
        + f"<details open><summary>{html.escape(i18n.t('respond.what_is_this', lang))}"
        f'</summary><p style="font-size:.9rem;color:#374151">{html.escape(text)}</p>'
        "</details></section>"
    )


def round_about(heading: respondent.Heading, lang: str, *, expanded: bool) -> None:
    """The action's own text behind "What is this about?", for those who want to know."""
    if not heading.action:
        return
    with st.expander(i18n.t("respond.what_is_this", lang), expanded=expanded):
        st.html(in_language(heading.action, heading.action_lang))
        if heading.translated:
            st.caption(i18n.t("respond.translation_note", lang))


def action_text(action, lang: str) -> None:
    """An action of the plan (not tied to a round), in the reader's language where possible."""
    _action(action.text, action.language, lang, compact=False)


def _action(texts: dict[str, str], original: str, lang: str, *, compact: bool) -> None:
    """An action's words, marked with their language where the plan has none in `lang`."""
    text, translated = i18n.pick(texts, lang, original=original)
    code = i18n.picked_language(texts, lang, original=original)
    if compact:
        st.html(in_language(text, code, css_class="plan-caption"))
        return
    st.caption(i18n.t("respond.about", lang))
    st.html(in_language(text, code, tag="h3", css_class="plan-action"))
    if translated:
        st.caption(i18n.t("respond.translation_note", lang))


def progress(step: int, steps: int, lang: str) -> None:
    """Where the respondent is in a quick survey (shown only when there is more than one step)."""
    label = i18n.t("respond.progress", lang, step=step + 1, steps=steps)
    st.progress(step / steps, text=label)


def scale_question(
    question: Question, *, key: str, label: str, lang: str, default: int | None
) -> int | None:
    """One question on its scale: large pictures or large numbers, nothing chosen at first."""
    scale = question.scale
    values = list(scale.values)
    if scale.has_pictures:
        wide = scale is Scale.STARS
        extra = (
            PICTURE_CSS.format(
                key=key,
                width="clamp(120px, 30vw, 220px)" if wide else "min(100%, 7.5rem)",
                ratio="5 / 1" if wide else "1",
            )
            + ("" if wide else FACES_CSS.format(key=key))
            + "\n".join(
                f'.st-key-{key} [role="radiogroup"] > div:nth-child({i}) '
                f'label[data-testid="stRadioOption"]::before '
                f'{{ background-image: url("{pictures.data_uri(scale, v)}"); }}'
                for i, v in enumerate(values, start=1)
            )
        )
    else:
        extra = f'.st-key-{key} label[data-testid="stRadioOption"] p {{ font-size: 1.4rem; }}'
    st.html(OPTION_CSS.format(key=key, extra=extra))
    return st.radio(
        label,
        options=values,
        index=values.index(default) if default in values else None,
        format_func=lambda value: i18n.t(scale.label_key(value), lang),
        horizontal=True,
        key=key,
    )


def group_question(round_: Round, *, key: str, lang: str, default: str | None) -> str | None:
    """'Who are you?' for a round open to several groups, each group with an icon."""
    options = list(round_.audiences)
    icons = "\n".join(
        f'.st-key-{key} [role="radiogroup"] > div:nth-child({i}) '
        f'label[data-testid="stRadioOption"] p::before '
        f"{{ {_icon_before(questions.GROUP_ICONS[group])} }}"
        for i, group in enumerate(options, start=1)
    )
    st.html(OPTION_CSS.format(key=key, extra=icons))
    return st.radio(
        i18n.t("respond.who", lang),
        options=options,
        index=options.index(default) if default in options else None,
        format_func=lambda group: i18n.t(f"group.{group}", lang),
        key=key,
    )


def _icon_before(icon: str) -> str:
    """CSS that shows `icon` before a label; the empty alternative text keeps it out of the
    accessible name, which stays the translated label alone."""
    # Every character as a CSS escape: whatever the text, it cannot end the string or the
    # <style> element it is written into.
    escaped = "".join(f"\\{ord(c):x} " for c in icon + " ")
    return f'content: "{escaped}" / "";'


def best_question(round_: Round, *, key: str, lang: str, default: list[str]) -> list[str]:
    """'What was best?': several may be picked; icons beside the names, not inside them."""
    icons = "\n".join(
        f".st-key-{key} button:nth-of-type({i}) p::before "
        f"{{ {_icon_before(questions.BEST_CHOICES[choice])} }}"
        for i, choice in enumerate(round_.follow_up, start=1)
    )
    st.html(
        f"<style>{PILLS_CSS.format(key=key)}"
        f'.st-key-{key} [data-testid="stWidgetLabel"] p {{ font-size: 1.4rem; font-weight: 600; }}'
        f"{icons}</style>"
    )
    chosen = st.pills(
        i18n.t("respond.best", lang),
        options=list(round_.follow_up),
        selection_mode="multi",
        default=[c for c in default if c in round_.follow_up],
        format_func=lambda choice: i18n.t(f"choice.{choice}", lang),
        key=key,
    )
    return list(chosen or [])


def comment_question(*, key: str, lang: str, default: str, label: str | None = None) -> str:
    """An optional short comment (or an own question's short text answer, `label` its
    escaped question), with the visible "don't write names" hint."""
    st.html(
        f'<style>.st-key-{key} [data-testid="stWidgetLabel"] p '
        "{ font-size: 1.4rem; font-weight: 600; }</style>"
    )
    text = st.text_area(
        label or i18n.t("respond.comment", lang),
        value=default,
        max_chars=questions.FREE_TEXT_MAX,
        key=key,
    )
    st.caption(i18n.t("respond.comment_hint", lang))
    child_help(lang)
    return text or ""


def child_help(lang: str, *, after_comment: bool = False) -> None:
    """Where to talk to someone now (`helplines`), as on the answer page."""
    st.html(answer_page.help_box(helplines.for_child(lang, after_comment=after_comment)))


def own_question(
    question: OwnQuestion, *, key: str, label: str, lang: str, default: tuple[str, ...]
) -> tuple[str, ...] | None:
    """One of the round's own questions (staff's words, shown as text, never Markdown): the
    values chosen or written, () for none; None for a note, which asks nothing."""
    shown = plain(label)
    if question.kind == "note":
        st.html(f'<p style="font-size: 1.4rem">{html.escape(label)}</p>')
        return None
    if question.kind == "scale" and question.scale:
        score = scale_question(
            Question(question.name, question.scale),
            key=key,
            label=shown,
            lang=lang,
            default=int(default[0]) if default else None,
        )
        return (str(score),) if score is not None else ()
    if question.kind == "text":
        comment = comment_question(
            key=key, lang=lang, default=default[0] if default else "", label=shown
        )
        return (comment,) if comment.strip() else ()
    names = [c.name for c in question.choices]
    labels = {c.name: plain(c.labels.get(lang, "")) for c in question.choices}
    icons = "\n".join(
        f'.st-key-{key} [role="radiogroup"] > div:nth-child({i}) '
        f'label[data-testid="stRadioOption"] p::before {{ {_icon_before(c.emoji)} }}'
        f".st-key-{key} button:nth-of-type({i}) p::before {{ {_icon_before(c.emoji)} }}"
        for i, c in enumerate(question.choices, start=1)
        if c.emoji
    )
    if question.kind == "multiple":
        icons += PILLS_CSS.format(key=key)
    st.html(OPTION_CSS.format(key=key, extra=icons))
    if question.kind == "multiple":
        chosen = st.pills(
            shown,
            options=names,
            selection_mode="multi",
            default=[v for v in default if v in names],
            format_func=labels.get,
            key=key,
        )
        return tuple(chosen or ())
    picked = st.radio(
        shown,
        options=names,
        index=names.index(default[0]) if default and default[0] in names else None,
        format_func=labels.get,
        key=key,
    )
    return (picked,) if picked else ()


def nav_buttons(*, key: str, lang: str, back: bool, last: bool) -> tuple[bool, bool]:
    """Back (when there is somewhere to go back to) and Next or Send; returns (back, forward)."""
    st.html(BUTTON_CSS.format(key=f"{key}-forward") + BUTTON_CSS.format(key=f"{key}-back"))
    columns = st.columns([1, 1, 2] if back else [1, 3])
    went_back = False
    if back:
        with columns[0]:
            went_back = st.form_submit_button(i18n.t("respond.back", lang), key=f"{key}-back")
    with columns[1 if back else 0]:
        forward = st.form_submit_button(
            i18n.t("respond.send" if last else "respond.next", lang),
            type="primary",
            key=f"{key}-forward",
        )
    return went_back, forward


def thank_you(lang: str, *, needs_help: bool = False) -> None:
    """The saved message; shown only after the answer is committed, and announced; with where
    to find help when the comment carried a signal of harm."""
    st.html(f'<img src="{pictures.data_uri(Scale.FACES5, 5)}" alt="" width="120" height="120">')
    st.header(i18n.t("respond.thanks_title", lang), anchor=False)
    st.success(i18n.t("respond.thanks_body", lang))
    if needs_help:
        child_help(lang, after_comment=True)


def not_found(lang: str) -> None:
    st.header(i18n.t("respond.not_found_title", lang), anchor=False)
    st.info(i18n.t("respond.not_found_body", lang))


def unavailable(lang: str) -> None:
    """The store cannot be read just now: a kind word, not a traceback."""
    st.header(i18n.t("respond.unavailable_title", lang), anchor=False)
    st.info(i18n.t("respond.unavailable_body", lang))


def chart(
    kind: Callable[..., alt.Chart | None],
    frame: pd.DataFrame,
    *,
    lang: str,
    alt_text: str,
    empty_text: str,
) -> None:
    """The chart that `kind` (a function of feedback.figures.charts) makes of `frame`, with its text
    alternative (the same figures are always in a table too)."""
    spec = _chart_spec(kind.__name__, frame, lang)
    if spec is None:
        st.info(empty_text)
        return
    st.vega_lite_chart(spec, width="stretch")
    st.caption(alt_text)


@st.cache_data(max_entries=256, show_spinner=False)
def _chart_spec(kind: str, frame: pd.DataFrame, lang: str) -> dict | None:
    """The Vega-Lite spec of a chart, kept for the same figures: building it with Altair is a
    third of a dashboard run, and the figures change far less often than pages are opened.
    Sent without Altair's schema check; tests/test_charts.py checks every chart instead."""
    made = getattr(charts, kind)(frame, lang=lang)
    return None if made is None else made.to_dict(validate=False)


def goal_table(
    overview: pd.DataFrame, lang: str, *, done: tuple[str, dict[str, str]] | None = None
) -> None:
    """Goals (sub-goals indented under their main goal) or actions with their figures; hidden
    figures read "< k". A static table (a real <table>, light to draw and read aloud), whose
    cells are Markdown: the plan's own words are escaped to show as text. `done` (its title and
    what was done, by goal or action id: follow_up.done_texts) is said after each label, in
    italics: a column more would not fit a phone's width."""
    indent = "\u2003\u2003"
    actions = bool((overview["level"] == "action").all())
    table = pd.DataFrame(
        {
            i18n.t("overview.col.action" if actions else "overview.col.goal", lang): [
                (indent if level == "sub" else "") + plain(label) + _done(done, goal_id)
                for level, label, goal_id in zip(
                    overview["level"], overview["label"], overview["id"], strict=True
                )
            ],
            i18n.t("overview.col.answers", lang): overview["answers_text"],
            i18n.t("overview.col.mean", lang): overview["mean_text"],
            i18n.t("overview.col.positive", lang): overview["positive_text"],
        }
    )
    st.table(table, hide_index=True)


def _done(done: tuple[str, dict[str, str]] | None, goal_id: str) -> str:
    said = done and done[1].get(goal_id)
    return f" — _{plain(said)}_" if said else ""


def round_card(round_: Round, *, lang: str, qr_png: bytes, poster_pdf: Callable[[], bytes]) -> None:
    """A round's links, QR code and poster, for staff to print or share."""
    qr_link = rounds.link(round_.code, channel="qr")
    if round_.opens_on or round_.closes_on:
        st.caption(
            i18n.t(
                "rounds.dates",
                lang,
                opens=round_.opens_on.isoformat() if round_.opens_on else "…",
                closes=round_.closes_on.isoformat() if round_.closes_on else "…",
            )
        )
    left, right = st.columns([2, 1])
    with left:
        st.markdown(f"**{i18n.t('rounds.link', lang)}**")
        # Wrapped, so that staff can read the whole link on a phone too.
        st.code(rounds.link(round_.code), language=None, wrap_lines=True)
        st.link_button(
            i18n.t("rounds.preview", lang), rounds.app_link(round_.code, lang=lang, preview=True)
        )
        st.download_button(
            i18n.t("rounds.poster", lang),
            poster_pdf,
            file_name=f"poster-{round_.code}.pdf",
            mime="application/pdf",
        )
        st.download_button(
            i18n.t("rounds.qr_png", lang),
            qr_png,
            file_name=f"qr-{round_.code}.png",
            mime="image/png",
        )
    with right:
        qr_image(qr_png, alt=i18n.t("rounds.qr_alt", lang, url=qr_link))


def qr_image(png: bytes, *, alt: str) -> None:
    """A QR code with its alternative text (st.image gives none), at most its column's width:
    beside the sidebar a third of a tablet is under 240 px."""
    source = "data:image/png;base64," + base64.b64encode(png).decode()
    st.html(
        f'<img src="{source}" alt="{html.escape(alt, quote=True)}" width="240" height="240" '
        'style="max-width: 100%; height: auto">'
    )


def enrolment_link(link: str, *, label: str, qr_png: bytes, lang: str) -> None:
    """A new kiosk's single-use enrolment link, to open on the tablet or scan with it."""
    st.markdown(i18n.t("kiosks.enrolment_link", lang, minutes=ENROLMENT_MINUTES))
    st.code(link, language=None, wrap_lines=True)
    qr_image(qr_png, alt=i18n.t("kiosks.enrolment_qr_alt", lang, label=label))


def kiosk_row(kiosk: Kiosk, *, lang: str) -> bool:
    """One of a round's kiosks: its name, who enrolled it and when, its too-fast answers, and
    a Revoke button while it is in use; True when that was pressed."""
    row = st.container(horizontal=True, vertical_alignment="center")
    said = i18n.t(
        "kiosks.row",
        lang,
        label=plain(kiosk.label),
        by=plain(kiosk.enrolled_by),
        day=kiosk.enrolled_on.isoformat(),
        flagged=kiosk.flagged,
    )
    if kiosk.revoked:
        row.markdown(f"{said} · {i18n.t('kiosks.revoked', lang)}")
        return False
    row.markdown(said)
    return row.button(i18n.t("kiosks.revoke", lang), key=f"revoke-kiosk-{kiosk.id}")


def plan_picker(ctx: PageContext, available: list):
    """Choose one of `available` plans by its name. The choice is in the link (`?plan=ID`, so
    a view can be shared) and remembered for the user: a page opened without `?plan=` starts
    on the plan they chose last."""
    by_id = {p.id: p for p in available}

    def remember() -> None:
        if ctx.user:
            auth.remember_plan(ctx.db_path, ctx.user.username, st.session_state[_PLAN])

    if st.session_state.get(_PLAN) not in by_id:
        asked = ctx.query("plan")
        remembered = ctx.user and auth.remembered_plan(ctx.db_path, ctx.user.username)
        if asked is not None and asked not in by_id:
            st.warning(i18n.t("overview.unknown_plan", ctx.lang, plan=plain(asked[:80])))
        start = asked if asked in by_id else remembered if remembered in by_id else None
        st.session_state[_PLAN] = start or next(iter(by_id))
        if start and start != remembered:
            remember()  # a plan opened from a link is chosen as much as one picked here

    chosen = st.selectbox(
        i18n.t("overview.plan", ctx.lang),
        list(by_id),
        format_func=lambda ident: plan_label(by_id[ident], ctx.lang),
        key=_PLAN,
        on_change=remember,
    )
    link(plan=chosen)
    return by_id[chosen]


#: The plan chooser's key, which is also its name in the link.
_PLAN = "plan"


def from_link(ctx: PageContext, key: str, name: str, options: list, *, many: bool) -> None:
    """Before the widget `key` is first drawn in this session, start it on the link's `name`
    (comma-separated ids for `many`); values that are not among `options` are left out."""
    raw = ctx.query(name)
    if key in st.session_state or raw is None:
        return
    chosen = [value for value in raw.split(",") if value in options]
    if many:
        st.session_state[key] = chosen
    elif chosen:
        st.session_state[key] = chosen[0]


def link(**values: str | list | None) -> None:
    """Put these choices in the page's link (a list as comma-separated ids); an empty one is
    taken out, so that the link holds only what narrows the view."""
    for name, value in values.items():
        text = ",".join(value) if isinstance(value, list | tuple) else value
        if text:
            if st.query_params.get(name) != text:
                st.query_params[name] = text
        elif name in st.query_params:
            del st.query_params[name]


def action_picker(label: str, actions: list, lang: str):
    """Choose one of `actions` by its id and the start of its text in the reader's language."""
    return st.selectbox(
        label,
        actions,
        format_func=lambda a: f"{a.id} · {i18n.pick(a.text, lang, original=a.language)[0][:90]}",
    )


def plan_label(plan, lang: str) -> str:
    """A plan's name in the reader's language, with its period unless the name says it."""
    name = i18n.pick(plan.name, lang, original=plan.language)[0]
    period = f"{plan.period_start}–{plan.period_end}"
    return name if period in name else f"{name} {period}"


def indicator_table(rows: pd.DataFrame, lang: str) -> None:
    """Indicator values beside the national value, the comparison said in words."""
    st.dataframe(
        measures.indicator_frame(rows, lang, marks=_COLOUR_MARK),
        # The name would otherwise take the whole width and push the figures out of sight.
        column_config={
            i18n.t("dashboard.col.indicator", lang): st.column_config.TextColumn(width="medium")
        },
        hide_index=True,
        width="stretch",
    )


# A shape beside the word, so the comparison never relies on colour alone.
_COLOUR_MARK = {"good": "▲ ", "neutral": "● ", "worrying": "▼ "}

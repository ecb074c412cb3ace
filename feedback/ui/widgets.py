"""Respondent and staff widgets built from Streamlit parts, styled for small children."""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import pandas as pd
import streamlit as st

from feedback import faces, i18n
from feedback.scales import Scale
from feedback.surveys import Survey
from feedback.ui.text import plain

FACE_CSS = """
<style>
.st-key-{key} [role="radiogroup"] {{ gap: 0.5rem; flex-wrap: wrap; justify-content: center; }}
.st-key-{key} label[data-testid="stRadioOption"] {{
  flex-direction: column; align-items: center; min-width: 64px; min-height: 44px;
  padding: 0.4rem; margin: 0; border: 3px solid transparent; border-radius: 1rem; cursor: pointer;
}}
.st-key-{key} label[data-testid="stRadioOption"]::before {{
  content: ""; display: block; width: clamp(56px, 11vw, 104px); aspect-ratio: 1;
  background: center / contain no-repeat;
}}
.st-key-{key} [data-testid="stWidgetLabel"] p {{ font-size: 1.4rem; font-weight: 600; }}
.st-key-send-{key} button {{ min-height: 3.25rem; min-width: 9rem; }}
.st-key-send-{key} button p {{ font-size: 1.3rem; font-weight: 600; }}
/* The face is the target: the small radio dot would only confuse. */
.st-key-{key} label[data-testid="stRadioOption"] > div > div:first-child {{ display: none; }}
.st-key-{key} label[data-testid="stRadioOption"] > div {{ justify-content: center; width: 100%; }}
.st-key-{key} label[data-testid="stRadioOption"] p {{
  font-size: 1.05rem; text-align: center; max-width: 7.5rem; margin: 0.25rem 0 0;
}}
.st-key-{key} label[data-testid="stRadioOption"]:has(input:checked) {{
  border-color: #1d4ed8; background: #dbeafe;
}}
.st-key-{key} label[data-testid="stRadioOption"]:has(input:checked) p {{ font-weight: 700; }}
.st-key-{key} label[data-testid="stRadioOption"]:has(input:focus-visible) {{
  outline: 4px solid #111827; outline-offset: 2px;
}}
{faces}
</style>
"""


@dataclass(frozen=True)
class Answer:
    """What the respondent chose on screen, and whether they pressed Send."""

    score: int | None
    sent: bool


def action_intro(survey: Survey, lang: str) -> None:
    """What the round asks about, in the respondent's language where the plan has it."""
    text, translated = i18n.pick(survey.action_text, lang, original=survey.plan_language)
    st.caption(i18n.t("respond.about", lang))
    st.subheader(plain(text), anchor=False)
    if translated:
        st.caption(i18n.t("respond.translation_note", lang))


def smiley_question(survey: Survey, lang: str) -> Answer:
    """The question with large faces in a form: choosing a face never sends by itself."""
    key = f"faces-{survey.code}"
    face_rules = "\n".join(
        f'.st-key-{key} [role="radiogroup"] > div:nth-child({i}) '
        f'label[data-testid="stRadioOption"]::before '
        f'{{ background-image: url("{faces.data_uri(v)}"); }}'
        for i, v in enumerate(survey.scale.values, start=1)
    )
    st.html(FACE_CSS.format(key=key, faces=face_rules))
    with st.form(f"answer-{survey.code}", border=False, enter_to_submit=False):
        score = st.radio(
            i18n.t("respond.question", lang),
            options=list(survey.scale.values),
            index=None,
            format_func=lambda value: i18n.t(Scale(survey.scale).label_key(value), lang),
            horizontal=True,
            key=key,
        )
        sent = st.form_submit_button(
            i18n.t("respond.send", lang), type="primary", key=f"send-{key}"
        )
    return Answer(score=score, sent=sent)


def thank_you(lang: str) -> None:
    """The saved message; shown only after the answer is committed."""
    st.html(f'<img src="{faces.data_uri(5)}" alt="" width="120" height="120">')
    st.header(i18n.t("respond.thanks_title", lang), anchor=False)
    st.success(i18n.t("respond.thanks_body", lang))


def not_found(lang: str) -> None:
    st.header(i18n.t("respond.not_found_title", lang), anchor=False)
    st.info(i18n.t("respond.not_found_body", lang))


def chart(chart: alt.Chart | None, *, alt_text: str, empty_text: str) -> None:
    """A chart with its text alternative (the same figures are always in a table too)."""
    if chart is None:
        st.info(empty_text)
        return
    st.altair_chart(chart, width="stretch")
    st.caption(alt_text)


def goal_table(overview: pd.DataFrame, lang: str) -> None:
    """Main goals and sub-goals with their figures; hidden figures read "< k"."""
    indent = "\u2003\u2003"
    table = pd.DataFrame(
        {
            i18n.t("overview.col.goal", lang): [
                label if level == "main" else indent + label
                for level, label in zip(overview["level"], overview["label"], strict=True)
            ],
            i18n.t("overview.col.answers", lang): overview["answers_text"],
            i18n.t("overview.col.mean", lang): overview["mean_text"],
            i18n.t("overview.col.positive", lang): overview["positive_text"],
        }
    )
    st.dataframe(table, hide_index=True, width="stretch")

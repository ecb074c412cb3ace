"""What children see of the results: a large smiley summary (or why not yet), and "we did"."""

from __future__ import annotations

import html
from dataclasses import replace

import streamlit as st

from feedback import i18n, settings
from feedback.figures import disclosure, published
from feedback.figures.disclosure import Cell
from feedback.plans import follow_up
from feedback.rounds import Round, changes, pictures
from feedback.rounds.scales import Scale
from feedback.ui.escaping import plain
from feedback.ui.page import PageContext

PRINT_CSS = """
<style>
@media print {
  [data-testid="stButtonGroup"], header, [data-testid="stSidebar"] { display: none !important; }
}
.results-faces { display: flex; flex-wrap: wrap; gap: 1rem; justify-content: center; }
.results-faces figure { margin: 0; text-align: center; width: 7.5rem; }
.results-faces figcaption { font-size: 1.1rem; }
.results-faces strong { display: block; font-size: 1.6rem; }
</style>
"""


def summary(ctx: PageContext, round_: Round) -> None:
    """A round's faces with the share that chose each, or a kind word that there are too few."""
    k = settings.min_group_size()
    if not round_.scale.on_five:  # nothing is published for it: shown as too few
        _faces(ctx, replace(disclosure.cell(str(round_.id), {}), hidden=True), round_.scale, k=k)
        return
    _faces(ctx, published.round_figure(ctx.db_path, round_.id, k=k), round_.scale, k=k)
    public_questions(ctx, round_, k=k)


def public_questions(ctx: PageContext, round_: Round, *, k: int) -> None:
    """The choice questions staff marked public, as published: each choice's share, "–" for
    one too few chose (or all but too few). Staff's words are shown as text, never markup."""
    lang = ctx.lang
    found = published.public_questions(ctx.db_path, round_, k=k)
    for figure in found:
        question = figure.question
        labels = {
            c.name: f"{c.emoji} {c.labels.get(lang, c.name)}".strip() for c in question.choices
        }
        with st.container(border=True):
            st.markdown(f"**{plain(question.text(lang, plain=True))}**")
            st.caption(i18n.t("results.own_answered", lang, n=figure.respondents))
            for choice in figure.choices:
                share = "–" if choice.share is None else i18n.percent(choice.share, lang)
                st.markdown(plain(f"{labels[choice.value]}: {share}"))
    if any(c.share is None for figure in found for c in figure.choices):
        st.caption(i18n.t("results.own_few", lang))


def action_summary(ctx: PageContext, action_id: str) -> None:
    """All of an action's rounds together, shown on the five faces."""
    k = settings.min_group_size()
    _faces(ctx, published.action_figure(ctx.db_path, action_id, k=k), Scale.FACES5, k=k)


def _faces(ctx: PageContext, cell: Cell, scale: Scale, *, k: int) -> None:
    st.html(PRINT_CSS)
    if cell.hidden:
        st.info(i18n.t("results.too_few", ctx.lang, k=k))
        return
    st.markdown(i18n.tn("results.answers", cell.n, ctx.lang))
    figures_html = []
    for value in scale.values:
        count = cell.distribution[value - 1]
        share = i18n.percent(count / cell.n, ctx.lang)
        label = i18n.t(scale.label_key(value), ctx.lang)
        picture = pictures.data_uri(scale, value) or pictures.data_uri(Scale.FACES5, value)
        figures_html.append(
            f'<figure><img src="{picture}" alt="" width="96" height="96">'
            f"<figcaption><strong>{html.escape(share)}</strong>{html.escape(label)}"
            "</figcaption></figure>"
        )
    # Only our own labels and numbers go into this markup, never user text; they are escaped
    # all the same, as the labels now come from catalogues that translators edit.
    st.html(f'<div class="results-faces">{"".join(figures_html)}</div>')
    st.caption(i18n.t("results.steps", ctx.lang, k=k))


def we_did(ctx: PageContext, action_id: str) -> None:
    """What was changed because of the feedback, newest first."""
    st.subheader(i18n.t("results.we_did", ctx.lang), anchor=False)
    found = changes.for_action(ctx.db_path, action_id)
    done = follow_up.public_status(ctx.db_path, action_id)
    if done is not None:  # only what staff marked for children to see
        with st.container(border=True):
            st.markdown(f"**{i18n.t('followup.children.title', ctx.lang, year=done.year)}**")
            said = i18n.t(f"followup.children.{done.status}", ctx.lang, detail=done.detail)
            st.markdown(plain(said))
            if done.note:
                st.markdown(plain(done.note))
    if not found and done is None:
        st.write(i18n.t("results.nothing_yet", ctx.lang))
        return
    for change in found:
        with st.container(border=True):
            st.markdown(f"**{i18n.t(f'results.status.{change.status}', ctx.lang)}**")
            st.markdown(f"{i18n.t('results.you_said', ctx.lang)} {plain(change.you_said)}")
            st.markdown(f"{i18n.t('results.so_we', ctx.lang)} {plain(change.we_did)}")


def last_time(ctx: PageContext, change: changes.Change | None) -> None:
    """On the thank-you screen: "last time you said …, so we …", if something was changed."""
    if change:
        st.info(
            i18n.t(
                "results.last_time",
                ctx.lang,
                you_said=plain(change.you_said),
                we_did=plain(change.we_did),
            )
        )

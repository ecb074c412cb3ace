"""One comment for review: its text shown literally, its status, and the review buttons; how
long comments are kept."""

from __future__ import annotations

from datetime import date

import streamlit as st

from feedback import i18n, retention, settings
from feedback.rounds import comments, pace
from feedback.ui import escaping, page
from feedback.ui.page import PageContext


def flagged_alerts(ctx: PageContext, flagged: list[pace.Flagged]) -> None:
    """A warning per round whose answers came too fast (`rounds.pace`), naming it."""
    for found in flagged:
        subject = found.subjects.get(ctx.lang) or next(iter(found.subjects.values()), "")
        name = f"{found.code} ({subject})" if subject else found.code
        st.warning(i18n.tn("comments.flagged", found.answers, ctx.lang, round=escaping.plain(name)))


def comment_card(ctx: PageContext, comment: comments.Comment) -> None:
    lang = ctx.lang
    with st.container(border=True):
        status = i18n.t(f"comments.status.{comment.status}", lang)
        st.caption(f"{comment.round_code} · {comment.action_id} · {comment.month} · {status}")
        st.text(comment.text)  # as text: never Markdown, never HTML
        # A row that wraps: in three columns a longer label ("Innehåller personuppgifter")
        # would be cut short on a tablet.
        row = st.container(horizontal=True)
        for target, label in (
            ("ok", "comments.mark_ok"),
            ("hidden", "comments.hide"),
            ("personal", "comments.personal"),
        ):
            if row.button(
                i18n.t(label, lang),
                key=f"comment-{comment.id}-{target}",
                disabled=comment.status == target,
            ):
                with page.within_scope(ctx):
                    comments.set_status(ctx.db_path, comment.id, target, actors=ctx.scope)
                st.rerun()


def retention_note(ctx: PageContext, last: retention.Run | None) -> None:
    """How long comments are kept, and when old ones were last deleted (or that they never
    were: then someone has to set up `feedback retention`)."""
    lang = ctx.lang
    kept = i18n.t("comments.kept", lang, months=settings.comment_retention_months())
    if last is None:
        st.info(f"{kept} {i18n.t('comments.never_deleted', lang)}")
        return
    ran_on = date.fromisoformat(last.ran_on)
    since = retention.oldest_kept(ran_on, last.kept_months)
    deleted = i18n.t(
        "comments.last_deleted",
        lang,
        day=i18n.day(ran_on, lang),
        n=last.comments,
        since=i18n.day(since, lang),
    )
    st.caption(f"{kept} {deleted}")

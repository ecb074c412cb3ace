"""One comment for review: its text shown literally, its status, and the review buttons."""

from __future__ import annotations

import streamlit as st

from feedback import comments, i18n
from feedback.ui.page import PageContext


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
                comments.set_status(ctx.db_path, comment.id, target, actors=ctx.scope)
                st.rerun()

"""One comment for review: its text shown literally, its status, and the review buttons; how
long comments are kept."""

from __future__ import annotations

from datetime import date

import streamlit as st

from feedback import i18n, retention, settings
from feedback.rounds import alerts, comments, pace
from feedback.ui import escaping, page
from feedback.ui.page import PageContext


def flagged_alerts(ctx: PageContext, flagged: list[pace.Flagged]) -> None:
    """A warning per round whose answers came too fast (`rounds.pace`), naming it."""
    for found in flagged:
        subject = found.subjects.get(ctx.lang) or next(iter(found.subjects.values()), "")
        name = f"{found.code} ({subject})" if subject else found.code
        st.warning(i18n.tn("comments.flagged", found.answers, ctx.lang, round=escaping.plain(name)))


def alert_list(ctx: PageContext, found: list[alerts.Alert]) -> None:
    """The alerts of the user's actors, before every other comment: the one a mail linked to
    (`?alert=ID`) first, then those nobody has handled."""
    if not found:
        return
    lang = ctx.lang
    st.subheader(i18n.t("comments.alerts", lang), anchor=False)
    st.caption(i18n.t("comments.alerts_note", lang))
    linked = ctx.query("alert")
    for alert in sorted(found, key=lambda a: str(a.id) != linked):
        _alert_card(ctx, alert)


def _alert_card(ctx: PageContext, alert: alerts.Alert) -> None:
    lang = ctx.lang
    with st.container(border=True):
        about = ", ".join(i18n.t(f"alert.category.{c}", lang) for c in alert.categories)
        subject = alert.subjects.get(lang) or next(iter(alert.subjects.values()), "")
        mail = i18n.t(
            "comments.alert_escalated"
            if alert.escalated
            else "comments.alert_sent"
            if alert.sent
            else "comments.alert_waiting",
            lang,
        )
        group = i18n.t(f"group.{alert.group}", lang)
        st.markdown(f"**{escaping.plain(about)}**")
        st.caption(
            f"{alert.round_code} ({subject}) · {alert.action_id} · {group} · {alert.day} · {mail}"
        )
        st.text(alert.text if alert.text is not None else i18n.t("comments.alert_deleted", lang))
        if alert.handling:
            st.success(
                i18n.t(
                    "comments.alert_handled",
                    lang,
                    handling=i18n.t(f"comments.handling.{alert.handling}", lang),
                    who=alert.handled_by,
                    when=alert.handled_at,
                )
            )
        row = st.container(horizontal=True)
        for handling in alerts.HANDLINGS:
            if row.button(
                i18n.t(f"comments.handling.{handling}", lang),
                key=f"alert-{alert.id}-{handling}",
                disabled=alert.handling == handling,
            ):
                with page.within_scope(ctx):
                    alerts.handle(
                        ctx.db_path,
                        alert.id,
                        handling,
                        by=ctx.user.username if ctx.user else "",
                        actors=ctx.scope,
                    )
                st.rerun()


def comment_card(ctx: PageContext, comment: comments.Comment) -> None:
    lang = ctx.lang
    with st.container(border=True):
        status = i18n.t(f"comments.status.{comment.status}", lang)
        st.caption(f"{comment.round_code} · {comment.action_id} · {comment.month} · {status}")
        if comment.question:  # a text answer: the question it answers, staff's words as text
            asked = comment.question.get(lang) or next(iter(comment.question.values()))
            st.text(i18n.t("comments.answer_to", lang, question=asked))
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

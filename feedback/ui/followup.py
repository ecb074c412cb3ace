"""The yearly follow-up for staff: per actor the year's actions, editable in place, the
workbook template and its upload, and an action's earlier years.

Every save goes through the domain (feedback.plans.follow_up), which checks the fields and the
user's actors; a problem is shown per action, and what was typed stays in the table.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from feedback import i18n, plans
from feedback.figures import exports
from feedback.plans import follow_up, follow_up_sheet
from feedback.plans.file_format import PlanFileError
from feedback.ui import page
from feedback.ui.escaping import plain
from feedback.ui.page import PageContext

_SAVED = "follow-up-saved"
_FIELDS = ("status", "detail", "progress", "note", "evidence", "public")


def year_picker(ctx: PageContext, plan) -> int:
    """The year to follow up: this year, or the plan's years before it."""
    last = follow_up.default_year(ctx.db_path, plan.id)
    years = list(range(last, plan.period_start - 1, -1))
    return st.selectbox(i18n.t("followup.year", ctx.lang), years, key=f"follow-up-year-{plan.id}")


def _labels(lang: str) -> dict[str, str]:
    """Each status in words; MISSING last, as the list shows an action without one."""
    return {s: follow_up.status_words(s, lang) for s in (*follow_up.STATUSES, follow_up.MISSING)}


def _local(element_id: str) -> str:
    return element_id.split(":", 1)[-1]


def actions_of_year(ctx: PageContext, plan, year: int) -> None:
    """Per actor a table of the year's actions, those still missing first, edited in place
    and saved all or nothing."""
    lang = ctx.lang
    listed = follow_up.year_list(ctx.db_path, plan.id, year=year, actors=ctx.scope)
    if not listed:
        st.info(i18n.t("followup.no_actions", lang))
        return
    saved = st.session_state.pop(_SAVED, None)
    if saved is not None:
        st.success(i18n.t("followup.saved", lang, n=saved))
    missing = sum(item.follow_up is None for item in listed)
    st.markdown(i18n.t("followup.intro", lang, year=year))
    st.caption(
        i18n.t("followup.missing_count", lang, missing=missing, total=len(listed), year=year)
    )
    by_actor: dict[str, list[follow_up.ActionYear]] = {}
    for item in listed:
        by_actor.setdefault(item.action.actor_id, []).append(item)
    for actor_id, items in by_actor.items():
        name = i18n.pick(items[0].action.actor_name, lang, original=items[0].action.language)[0]
        st.subheader(plain(name), anchor=False)  # a plan's words, never Markdown
        _actor_table(ctx, plan, year, actor_id, items)


def _actor_table(ctx: PageContext, plan, year: int, actor_id: str, items) -> None:
    lang = ctx.lang
    labels = _labels(lang)
    codes = {word: status for status, word in labels.items()}
    rows = []
    for item in items:
        kept = item.follow_up
        text = i18n.pick(item.action.text, lang, original=item.action.language)[0]
        rows.append(
            {
                "action": f"{_local(item.action.id)} · {' '.join(text.split())}",
                "status": labels[kept.status if kept else follow_up.MISSING],
                "detail": kept.detail if kept else "",
                "progress": kept.progress if kept else None,
                "note": kept.note if kept else "",
                "evidence": kept.evidence if kept else "",
                "public": kept.public if kept else False,
                "recorded": f"{kept.recorded_by}, {kept.recorded_on}" if kept else "",
            }
        )
    shown = pd.DataFrame(rows)
    key = f"follow-up-{plan.id}-{year}-{actor_id}"
    column = st.column_config
    with st.form(f"{key}-form", border=False):
        edited = st.data_editor(
            shown,
            key=key,
            hide_index=True,
            width="stretch",
            num_rows="fixed",
            disabled=("action", "recorded"),
            column_config={
                "action": column.TextColumn(i18n.t("followup.col.action", lang), width="large"),
                "status": column.SelectboxColumn(
                    i18n.t("followup.col.status", lang), options=list(labels.values())
                ),
                "detail": column.TextColumn(
                    i18n.t("followup.col.detail", lang), max_chars=follow_up.MAX_DETAIL
                ),
                "progress": column.NumberColumn(
                    i18n.t("followup.col.progress", lang), min_value=0, max_value=100, step=1
                ),
                "note": column.TextColumn(
                    i18n.t("followup.col.note", lang), max_chars=follow_up.MAX_NOTE
                ),
                "evidence": _evidence_column(lang),
                "public": column.CheckboxColumn(i18n.t("followup.col.public", lang)),
                "recorded": column.TextColumn(i18n.t("followup.col.recorded", lang)),
            },
        )
        sent = st.form_submit_button(i18n.t("followup.save", lang), type="primary")
    if not sent:
        return
    entries, problems = [], []
    for item, before, after in zip(
        items, shown.to_dict("records"), edited.to_dict("records"), strict=True
    ):
        status = codes.get(after["status"], after["status"])
        if _same(before, after) or status in (None, follow_up.MISSING):
            continue
        try:
            kept = follow_up.entry(
                status=status,
                detail=_text(after["detail"]),
                progress=None if pd.isna(after["progress"]) else after["progress"],
                note=_text(after["note"]),
                evidence=_text(after["evidence"]),
                public=bool(after["public"]),
            )
        except follow_up.InvalidFollowUp as error:
            field = i18n.t(f"followup.col.{error.field}", lang)
            problems.append(f"{_local(item.action.id)}: {field}: {error}")
            continue
        entries.append((item.action.id, year, kept))
    if problems:
        st.error(i18n.t("followup.problems", lang))
        st.code("\n".join(problems), language=None)
        return
    if not entries:
        st.info(i18n.t("followup.nothing_changed", lang))
        return
    with page.within_scope(ctx):
        count = follow_up.record_all(
            ctx.db_path, entries, language=lang, by=ctx.user.username, actors=ctx.scope
        )
    st.session_state[_SAVED] = count
    del st.session_state[key]  # the table starts again from what is stored
    st.rerun()


#: Marks a typed address that is not http(s) while it is typed (an empty cell is none);
#: follow_up.safe_link decides.
_LINK_HINT = r"^(https?://\S+)?$"


def _evidence_column(lang: str):
    """The evidence as a link whose text is the address itself, drawn by the table (never
    HTML): only http(s) addresses are ever kept (follow_up.entry), and Streamlit opens no
    javascript: link."""
    return st.column_config.LinkColumn(
        i18n.t("followup.col.evidence", lang), max_chars=follow_up.MAX_LINK, validate=_LINK_HINT
    )


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _same(before: dict, after: dict) -> bool:
    def norm(row: dict) -> tuple:
        return tuple(
            None if (v is None or (isinstance(v, float) and pd.isna(v)) or v == "") else v
            for v in (row[f] for f in _FIELDS)
        )

    return norm(before) == norm(after)


def bulk(ctx: PageContext, plan, year: int) -> None:
    """The workbook template of the user's actions, and its upload: every problem, or what
    would change and a button that stores it all or nothing."""
    lang = ctx.lang
    with st.expander(i18n.t("followup.bulk", lang)):
        st.download_button(
            i18n.t("followup.template", lang),
            lambda: exports.to_xlsx(
                follow_up_sheet.template(
                    ctx.db_path, plan.id, year=year, actors=ctx.scope, lang=lang
                )
            ),
            file_name=f"{plan.id}-follow-up-{year}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            on_click="ignore",
        )
        upload = st.file_uploader(
            i18n.t("followup.upload", lang), type=["xlsx"], key=f"follow-up-upload-{plan.id}"
        )
        if upload is None:
            return
        try:
            result = follow_up_sheet.check(
                ctx.db_path, plan.id, upload.getvalue(), name=upload.name, actors=ctx.scope
            )
        except PlanFileError as error:
            st.error(i18n.t("followup.problems", lang))
            st.code("\n".join(error.problems), language=None)
            return
        st.markdown(
            i18n.t(
                "followup.preview",
                lang,
                new=result.count("new"),
                changed=result.count("changed"),
                unchanged=result.count("unchanged"),
            )
        )
        labels = _labels(lang)
        st.dataframe(
            pd.DataFrame(
                {
                    i18n.t("followup.col.action", lang): [
                        _local(c.action_id) for c in result.to_store
                    ],
                    i18n.t("followup.year", lang): [c.year for c in result.to_store],
                    i18n.t("followup.col.status", lang): [
                        f"{labels[c.old.status] + ' → ' if c.old else ''}{labels[c.entry.status]}"
                        for c in result.to_store
                    ],
                }
            ),
            hide_index=True,
        )
        if not result.to_store:
            st.info(i18n.t("followup.nothing_changed", lang))
            return
        confirm = i18n.t("followup.confirm", lang, n=len(result.to_store))
        if st.button(confirm, type="primary", key=f"follow-up-store-{plan.id}"):
            with page.within_scope(ctx):
                count = follow_up_sheet.store(
                    ctx.db_path, result, language=lang, by=ctx.user.username, actors=ctx.scope
                )
            st.session_state[_SAVED] = count
            st.rerun()


def earlier_years(ctx: PageContext, plan) -> None:
    """One action's status in every year recorded, the latest first."""
    lang = ctx.lang
    actions = plans.list_actions(ctx.db_path, plan_id=plan.id, actors=ctx.scope)
    if not actions:
        return
    with st.expander(i18n.t("followup.earlier", lang)):
        action = st.selectbox(
            i18n.t("followup.col.action", lang),
            actions,
            format_func=lambda a: (
                f"{_local(a.id)} · {i18n.pick(a.text, lang, original=a.language)[0][:80]}"
            ),
            key=f"follow-up-history-{plan.id}",
        )
        found = follow_up.history(ctx.db_path, action.id)
        if not found:
            st.caption(i18n.t("followup.no_earlier", lang))
            return
        labels = _labels(lang)
        column = st.column_config
        st.dataframe(
            pd.DataFrame(
                {
                    "year": [f.year for f in found],
                    "status": [labels[f.status] for f in found],
                    "detail": [f.detail for f in found],
                    "progress": [f.progress for f in found],
                    "note": [f.note for f in found],
                    "evidence": [f.evidence or None for f in found],
                    "recorded": [f"{f.recorded_by}, {f.recorded_on}" for f in found],
                }
            ),
            hide_index=True,
            width="stretch",
            column_config={
                "year": column.NumberColumn(i18n.t("followup.year", lang), format="%d"),
                "status": i18n.t("followup.col.status", lang),
                "detail": i18n.t("followup.col.detail", lang),
                "progress": i18n.t("followup.col.progress", lang),
                "note": i18n.t("followup.col.note", lang),
                "evidence": _evidence_column(lang),
                "recorded": i18n.t("followup.col.recorded", lang),
            },
        )

"""Admin forms for plans: file import and export, goal and action edits, indicator values.

Every change is validated exactly like a plan file and imported all or nothing
(feedback.plans.editing); a problem is shown under the field it concerns.
"""

from __future__ import annotations

import copy
import hashlib
import re

import pandas as pd
import streamlit as st

from feedback import i18n, plaintext, plans, settings
from feedback.figures import measures, reach
from feedback.plans import editing, file_format, sotkanet
from feedback.plans.file_format import PlanFileError
from feedback.rounds import alerts
from feedback.ui.escaping import plain
from feedback.ui.page import PageContext

_PROBLEM = re.compile(r"^.*?:\d+: (?P<place>\S+): (?P<problem>.*)$")


def file_import(ctx: PageContext) -> None:
    """Upload a plan file; show every problem, or import it."""
    upload = st.file_uploader(i18n.t("plans.upload", ctx.lang), type=["yaml", "yml"])
    if upload is None:
        return
    try:
        plan = file_format.parse(
            upload.getvalue().decode("utf-8", errors="replace"), name=upload.name
        )
        changed = plans.import_plan(
            ctx.db_path, plan, content_hash=_hash(upload.getvalue()), name=upload.name
        )
    except PlanFileError as error:
        st.error(i18n.t("plans.problems", ctx.lang))
        st.code("\n".join(error.problems), language=None)
        return
    st.success(i18n.t("plans.imported" if changed else "plans.unchanged", ctx.lang))


def file_export(ctx: PageContext, plan: dict) -> None:
    st.download_button(
        i18n.t("plans.download", ctx.lang),
        editing.to_yaml(plan).encode(),
        file_name=f"{plan['id']}.yaml",
        mime="application/yaml",
    )


def action_form(ctx: PageContext, stored: dict, *, new: bool) -> None:
    """Edit an action's texts, actor, schedule and kind, or add one to a sub-goal."""
    lang = ctx.lang
    plan = copy.deepcopy(stored)
    form = f"action-{'new' if new else 'edit'}"
    errors = st.session_state.pop(f"{form}-errors", {})
    actors = [a["id"] for a in plan["actors"]]
    actor_names = {
        a["id"]: i18n.pick(a["name"], lang, original=plan["language"])[0] for a in plan["actors"]
    }
    if new:
        sub_goals = [s for m in plan["main_goals"] for s in m["sub_goals"]]
        if not sub_goals:  # a partial plan: its sub-goals are added first, under Goals
            st.info(i18n.t("plans.no_sub_goals", lang))
            return
        target = st.selectbox(
            i18n.t("plans.sub_goal", lang),
            sub_goals,
            format_func=lambda s: (
                f"{s['id']} · {i18n.pick(s['title'], lang, original=plan['language'])[0]}"
            ),
            key=f"{form}-target",
        )
        action = {"text": {}, "actor": actors[0]}
    else:
        all_actions = [
            a for m in plan["main_goals"] for s in m["sub_goals"] for a in s.get("actions", [])
        ]
        if not all_actions:
            return
        action = st.selectbox(
            i18n.t("plans.action", lang),
            all_actions,
            format_func=lambda a: (
                f"{a['id']} · {i18n.pick(a['text'], lang, original=plan['language'])[0][:80]}"
            ),
            key=f"{form}-target",
        )
    with st.form(form):
        texts = _texts_in_every_language(
            ctx,
            plan,
            action.get("text", {}),
            key=f"{form}-{action.get('id', 'new')}-text",
            field=st.text_area,
        )
        _field_error(errors, "text", lang)
        actor = st.selectbox(
            i18n.t("plans.actor", lang),
            actors,
            index=actors.index(action["actor"]) if action["actor"] in actors else 0,
            format_func=actor_names.get,
        )
        _field_error(errors, "actor", lang)
        schedule = st.text_input(
            i18n.t("plans.schedule", lang),
            value=(action.get("schedule") or {}).get(plan["language"], ""),
        )
        kinds = [None, "pilot", "permanent"]
        kind = st.selectbox(
            i18n.t("plans.kind", lang),
            kinds,
            index=kinds.index(action.get("kind")),
            format_func=lambda k: i18n.t(f"plans.kind.{k or 'none'}", lang),
        )
        sent = st.form_submit_button(i18n.t("plans.save", lang), type="primary")
    if not sent:
        return
    changes = {
        "text": texts,
        "actor": actor,
        "kind": kind,
    }
    if schedule.strip():
        changes["schedule"] = {**(action.get("schedule") or {}), plan["language"]: schedule.strip()}
    if new:
        editing.add_action(plan, target["id"], {k: v for k, v in changes.items() if v is not None})
    else:
        # The select box may hand back a copy: change the action inside `plan` itself.
        edited = editing.find_action(plan, action["id"])
        edited.update(changes)
        if kind is None:
            edited.pop("kind", None)
        if not schedule.strip():
            edited.pop("schedule", None)
    _save(ctx, plan, form)


def goal_form(ctx: PageContext, stored: dict) -> None:
    """Edit a main goal's or sub-goal's number and titles, or add a sub-goal or a main goal."""
    lang = ctx.lang
    plan = copy.deepcopy(stored)
    form = "goal"
    errors = st.session_state.pop(f"{form}-errors", {})

    def title(goal: dict) -> str:
        text = i18n.pick(goal["title"], lang, original=plan["language"])[0]
        return f"{goal.get('number', '')} {text}".strip()

    # What to do: ("edit", goal) for every goal, ("sub", main goal) to add a sub-goal to it,
    # ("main", None) to add a main goal.
    choices = []
    for main in plan["main_goals"]:
        choices.append(("edit", main))
        choices += [("edit", s) for s in main["sub_goals"]]
        choices.append(("sub", main))
    choices.append(("main", None))
    labels = {
        "edit": lambda g: title(g) if g in plan["main_goals"] else f"— {title(g)}",
        "sub": lambda g: f"+ {i18n.t('plans.new_sub_goal', lang, goal=title(g))}",
        "main": lambda g: f"+ {i18n.t('plans.new_main_goal', lang)}",
    }
    what, goal = st.selectbox(
        i18n.t("plans.goal", lang),
        choices,
        format_func=lambda c: labels[c[0]](c[1])[:100],
        key=f"{form}-target",
    )
    current = goal if what == "edit" else {"title": {}}
    with st.form(form):
        number = st.text_input(i18n.t("plans.number", lang), value=current.get("number", ""))
        titles = _texts_in_every_language(
            ctx, plan, current["title"], key=f"{form}-{what}", label="plans.title_in"
        )
        _field_error(errors, "title", lang)
        first = None
        if what == "main":
            first = st.text_input(
                i18n.t(
                    "plans.first_sub_goal",
                    lang,
                    language=i18n.LANGUAGE_NAMES[plan["language"]],
                )
            )
        sent = st.form_submit_button(i18n.t("plans.save_goal", lang), type="primary")
    if not sent:
        return
    changes = {"title": titles}
    if number.strip():
        changes["number"] = number.strip()
    if what == "edit":
        edited = editing.find_goal(plan, goal["id"])
        edited.update(changes)
        if not number.strip():
            edited.pop("number", None)
    elif what == "sub":
        editing.add_sub_goal(plan, goal["id"], changes)
    else:
        editing.add_main_goal(plan, changes, {"title": {plan["language"]: (first or "").strip()}})
    _save(ctx, plan, form)


def _texts_in_every_language(
    ctx: PageContext,
    plan: dict,
    texts: dict,
    *,
    key: str,
    field=st.text_input,
    label: str = "plans.text_in",
) -> dict:
    """One text field per language, the plan's own first; only the filled-in ones returned."""
    filled = {}
    for code in (plan["language"], *[c for c in i18n.LANGUAGES if c != plan["language"]]):
        value = field(
            i18n.t(label, ctx.lang, language=i18n.LANGUAGE_NAMES[code]),
            value=texts.get(code, ""),
            key=f"{key}-{code}",
        )
        if value.strip():
            filled[code] = value.strip()
    return filled


def indicator_value_form(ctx: PageContext, stored: dict) -> None:
    """Add or correct one yearly value of an indicator, with the national comparison."""
    lang = ctx.lang
    plan = copy.deepcopy(stored)
    if not plan["indicators"]:
        st.info(i18n.t("plans.no_indicators", lang))
        return
    errors = st.session_state.pop("indicator-value-errors", {})
    with st.form("indicator-value"):
        indicator = st.selectbox(
            i18n.t("plans.indicator", lang),
            plan["indicators"],
            format_func=lambda n: (
                f"{n.get('number', '')} {i18n.pick(n['name'], lang, original=plan['language'])[0]}"
            ),
        )
        year = st.number_input(
            i18n.t("plans.year", lang), min_value=1990, max_value=2100, value=2025
        )
        group = st.selectbox(i18n.t("plans.group", lang), file_format.GROUPS, index=0)
        value = st.number_input(i18n.t("plans.value", lang), value=0.0, format="%.1f")
        _field_error(errors, "value", lang)
        national = st.number_input(i18n.t("plans.national", lang), value=None, format="%.1f")
        colour = st.selectbox(
            i18n.t("plans.colour", lang),
            [None, "good", "neutral", "worrying"],
            format_func=lambda c: i18n.t(f"colour.{c or 'none'}", lang),
        )
        sent = st.form_submit_button(i18n.t("plans.save", lang), type="primary")
    if not sent:
        return
    editing.set_indicator_value(
        plan,
        indicator["id"],
        {
            "year": int(year),
            "group": group,
            "value": float(value),
            "national": national,
            "colour": colour,
        },
    )
    _save(ctx, plan, "indicator-value")


def sotkanet_import(ctx: PageContext, plan_id: str) -> None:
    """Upload a Sotkanet export; show every problem, or what would change and a button that
    stores it (all or nothing)."""
    lang = ctx.lang
    st.caption(i18n.t("plans.sotkanet_help", lang))
    upload = st.file_uploader(
        i18n.t("plans.sotkanet_upload", lang), type=["csv", "json"], key=f"sotkanet-{plan_id}"
    )
    stored = st.session_state.pop("sotkanet-stored", None)
    if stored is not None:
        st.success(i18n.t("plans.sotkanet_stored", lang, n=stored))
    if upload is None:
        return
    try:
        plan, result = sotkanet.check(ctx.db_path, plan_id, upload.getvalue(), name=upload.name)
    except sotkanet.SotkanetFileError as error:
        st.error(i18n.t("plans.sotkanet_problems", lang))
        st.code("\n".join(error.lines(lang)), language=None)
        return
    st.markdown(
        i18n.t(
            "plans.sotkanet_summary",
            lang,
            new=result.count("new"),
            changed=result.count("changed"),
            unchanged=result.count("unchanged"),
        )
    )
    st.dataframe(_preview_table(result, plan["language"], lang), hide_index=True, width="stretch")
    for note in result.notes:
        st.info(plain(note.line(upload.name, lang)))
    aside = result.set_aside()
    if aside:
        st.caption("  \n".join(plain(line.text(lang)) for line in aside))
    if not result.to_store:
        st.info(i18n.t("plans.sotkanet_nothing", lang))
        return
    confirm = i18n.t("plans.sotkanet_confirm", lang, n=len(result.to_store))
    if st.button(confirm, type="primary", key=f"sotkanet-store-{plan_id}"):
        try:
            count = sotkanet.store(ctx.db_path, plan, result)
        except PlanFileError as error:
            st.error(i18n.t("plans.sotkanet_problems", lang))
            st.code("\n".join(error.problems), language=None)
            return
        st.session_state["sotkanet-stored"] = count
        st.rerun()


def _preview_table(result: sotkanet.Preview, original: str, lang: str) -> pd.DataFrame:
    """The values as the dashboard shows them, with what each would replace, then the numbers
    of children. A data frame shows text as text, so the plan's words need no escaping here."""

    def number(value: float | None, unit: str, decimals: int | None) -> str:
        if value is None:
            return ""
        return measures.value_text(
            value, unit, lang, measures.DECIMALS if decimals is None else decimals
        )

    rows = [
        (
            c.status,
            i18n.pick(c.indicator, lang, original=original)[0],
            c.year,
            measures.group_text(c.group, c.area, lang),
            number(c.value, c.unit, c.decimals),
            number(c.national, c.unit, c.decimals),
            number(c.old_value, c.unit, c.decimals),
        )
        for c in result.changes
    ]
    rows += [
        (
            p.status,
            i18n.t("reach.children_in", lang, band=reach.band_text(p.band, lang)),
            p.year,
            measures.group_text("all", p.area, lang),
            str(p.children),
            "",
            "" if p.old_children is None else str(p.old_children),
        )
        for p in result.population
    ]
    columns = [
        i18n.t("plans.col.status", lang),
        i18n.t("dashboard.col.indicator", lang),
        i18n.t("dashboard.col.year", lang),
        i18n.t("dashboard.col.group", lang),
        i18n.t("dashboard.col.value", lang),
        i18n.t("dashboard.col.national", lang),
        i18n.t("plans.col.was", lang),
    ]
    frame = pd.DataFrame.from_records(rows, columns=columns)
    frame[columns[0]] = [i18n.t(f"plans.status.{status}", lang) for status in frame[columns[0]]]
    frame[columns[2]] = frame[columns[2]].astype(str)
    return frame


def _save(ctx: PageContext, plan: dict, form: str) -> None:
    try:
        editing.save(ctx.db_path, plan, name=plan["id"])
    except PlanFileError as error:
        st.session_state[f"{form}-errors"] = _by_field(error)
        st.rerun()
    st.success(i18n.t("plans.saved", ctx.lang))


def _by_field(error: PlanFileError) -> dict[str, str]:
    """Problems keyed by the field they concern (the last part of their place)."""
    fields: dict[str, str] = {}
    for line in error.problems:
        match = _PROBLEM.match(line)
        if match:
            field = re.sub(r"\[\d+\]$", "", match["place"].rsplit(".", 1)[-1])
            fields.setdefault(field, match["problem"])
    return fields


def _field_error(errors: dict[str, str], field: str, lang: str) -> None:
    if field in errors:
        st.error(i18n.t("plans.field_problem", lang, problem=plain(errors[field])))


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def safeguarding_contacts(ctx: PageContext, plan_id: str, stored: dict) -> None:
    """Who each actor of the plan names to be told when a child's comment signals harm."""
    lang = ctx.lang
    st.caption(i18n.t("plans.contacts_note", lang))
    names = {
        f"{plan_id}:{a['id']}": i18n.pick(a["name"], lang, original=stored["language"])[0]
        for a in stored["actors"]
    }
    if not names:
        return
    named = [c for c in alerts.contacts(ctx.db_path) if c.actor_id in names]
    for contact in named:
        row = st.container(horizontal=True)
        actor, email = names[contact.actor_id], contact.email
        row.text(  # as text, never Markdown
            i18n.t("plans.contact_is_next", lang, actor=actor, email=email)
            if contact.escalation
            else f"{actor}: {email}"
        )
        if row.button(
            i18n.t("plans.contact_remove", lang), key=f"contact-{contact.actor_id}-{contact.email}"
        ):
            alerts.remove_contact(ctx.db_path, contact.actor_id, contact.email)
            st.rerun()
    with st.form("safeguarding-contact"):
        actor = st.selectbox(
            i18n.t("plans.actor", lang),
            list(names),
            format_func=lambda a: names[a],
            key="contact-actor",
        )
        email = st.text_input(i18n.t("plans.contact_email", lang), key="contact-email")
        hours = f"{settings.escalation_hours():g}"
        escalation = st.checkbox(
            i18n.t("plans.contact_next", lang, hours=hours), key="contact-next"
        )
        sent = st.form_submit_button(i18n.t("plans.contact_add", lang), type="primary")
    if sent:
        try:
            alerts.add_contact(
                ctx.db_path, actor, email, added_by=ctx.user.username, escalation=escalation
            )
        except plaintext.InvalidEmail:  # what was typed stays, to be corrected
            st.error(i18n.t("plans.contact_invalid", lang))
            return
        del st.session_state["contact-email"]  # an empty field for the next one
        st.rerun()

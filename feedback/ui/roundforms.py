"""Staff widgets for feedback rounds: open a new one, change a round's status, enrol and
revoke its kiosks."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from feedback import i18n, plaintext, plans, rounds, settings
from feedback.figures import exports, published
from feedback.rounds import (
    Round,
    changes,
    codes,
    kiosk,
    notices,
    own_questions,
    posters,
    questions,
    recordings,
    respondent,
    slips,
    xlsform,
)
from feedback.rounds.own_questions import Choice, OwnQuestion
from feedback.rounds.scales import Scale
from feedback.staff import auth
from feedback.ui import page, widgets
from feedback.ui.escaping import plain
from feedback.ui.page import PageContext


def new_round_form(ctx: PageContext) -> None:
    """Open a round for one of the user's own actors' actions, with what the child rates in
    each of its languages, and beside the form the child's screen as it will look.

    Not an `st.form`: the preview follows each change (every change reruns the page)."""
    actions = plans.list_actions(ctx.db_path, actors=ctx.scope)
    if not actions:
        st.info(i18n.t("rounds.no_actions", ctx.lang))
        return
    lang = ctx.lang
    form, preview = st.columns([3, 2], gap="large")
    with form:
        action = widgets.action_picker(i18n.t("rounds.action", lang), actions, lang)
        scale = st.selectbox(
            i18n.t("rounds.scale", lang),
            [None, *Scale],
            format_func=lambda s: i18n.t("rounds.scale_auto" if s is None else f"scale.{s}", lang),
            key="new-round-scale",
        )
        audiences = st.multiselect(
            i18n.t("rounds.audiences", lang),
            questions.AUDIENCES,
            default=[questions.DEFAULT_AUDIENCE],
            format_func=lambda g: i18n.t(f"group.{g}", lang),
            key="new-round-audiences",
        )
        languages = st.multiselect(
            i18n.t("rounds.languages", lang),
            i18n.ROUND_LANGUAGES,  # a draft language only when staff choose it
            default=list(i18n.LANGUAGES),
            format_func=lambda code: i18n.language_label(code, lang),
            key="new-round-languages",
        )
        subjects = {
            code: st.text_input(
                i18n.t("rounds.subject", lang, language=i18n.LANGUAGE_NAMES[code]),
                max_chars=rounds.SUBJECT_MAX,
                help=i18n.t("rounds.subject_help", lang, max=rounds.SUBJECT_MAX),
                key=f"new-round-subject-{code}",
            )
            for code in languages
        }
        extra = st.multiselect(
            i18n.t("rounds.extra", lang),
            list(questions.EXTRA_QUESTIONS),
            format_func=lambda q: i18n.t(f"extra.{q}", lang),
            max_selections=questions.MAX_EXTRA_QUESTIONS,
            key="new-round-extra",
        )
        opens_on = st.date_input(i18n.t("rounds.opens_on", lang), value=None, key="new-round-opens")
        closes_on = st.date_input(
            i18n.t("rounds.closes_on", lang), value=None, key="new-round-closes"
        )
        follow_up = st.checkbox(i18n.t("rounds.follow_up", lang), key="new-round-follow-up")
        free_text = st.checkbox(i18n.t("rounds.free_text", lang), key="new-round-free-text")
        every_comment = st.checkbox(
            i18n.t("rounds.alert_every_comment", lang),
            help=i18n.t("rounds.alert_every_comment_help", lang),
            disabled=not free_text,
            key="new-round-every-comment",
        )
        bank = own_questions.bank(ctx.db_path)
        picked = st.multiselect(
            i18n.t("rounds.own_bank", lang),
            range(len(bank)),
            format_func=lambda i: bank[i].text(lang) or bank[i].name,
            help=i18n.t("rounds.own_bank_help", lang),
            key="new-round-bank",
        )
        written = _written_questions(languages, lang)
        form_file = st.file_uploader(
            i18n.t("rounds.own_form", lang),
            type=["xlsx"],
            help=i18n.t("rounds.own_form_help", lang),
            key="new-round-form",
        )
        slips = st.number_input(
            i18n.t("rounds.codes", lang),
            min_value=0,
            max_value=codes.MAX_CODES,
            value=0,
            step=1,
            help=i18n.t("rounds.codes_help", lang),
            key="new-round-codes",
        )
        sent = st.button(i18n.t("rounds.create", lang), type="primary", key="new-round-create")
    from_form = _read_form(form_file, lang) if form_file is not None else ()
    own = (*(bank[i] for i in picked), *written, *(from_form or ()))
    with preview:
        st.markdown(f"**{i18n.t('rounds.child_preview', lang)}**")
        shown = [code for code in languages if code == lang] or languages[:1]
        for code in shown:
            widgets.child_preview(
                subject=subjects.get(code, "").strip(),
                scale=scale or questions.default_scale((audiences or [None])[0] or ""),
                group=audiences[0] if len(audiences) == 1 else None,
                action=action,
                lang=code,
            )
        _own_preview(own, shown[0] if shown else lang)
    if not sent:
        return
    if from_form is None:  # a refused form opens nothing; its problems are on screen
        st.error(i18n.t("rounds.own_form_refused", lang))
        return
    if not audiences or not languages:
        st.error(i18n.t("rounds.choose_some", lang))
        return
    if opens_on and closes_on and closes_on < opens_on:
        st.error(i18n.t("rounds.dates_backwards", lang))
        return
    try:
        with page.within_scope(ctx):
            created = rounds.create(
                ctx.db_path,
                action_id=action.id,
                scale=scale,
                audiences=tuple(audiences),
                languages=tuple(languages),
                extra_questions=tuple(extra),
                follow_up=questions.DEFAULT_BEST_CHOICES if follow_up else (),
                free_text=free_text,
                opens_on=opens_on,
                closes_on=closes_on,
                actors=ctx.scope,
                subjects=subjects,
                codes=int(slips),
                alert_every_comment=free_text and every_comment,
                own=own,
            )
    except own_questions.InvalidQuestion as refused:  # named in the user's language
        st.error(plain(refused.message(lang)))
        return
    except rounds.InvalidSubject as refused:  # what was typed stays in the form
        st.error(
            i18n.t(
                f"rounds.subject_{refused.problem}",
                lang,
                language=i18n.LANGUAGE_NAMES[refused.language],
                max=rounds.SUBJECT_MAX,
            )
        )
        return
    except ValueError:  # the form offers only valid choices; this is a bug, not the user
        st.error(i18n.t("rounds.choose_some", lang))
        return
    st.success(i18n.t("rounds.created", lang, code=created.code))


def _written_questions(languages: list[str], lang: str) -> tuple[OwnQuestion, ...]:
    """Questions staff write here, each with its text in every language of the round; what
    is typed stays on the form when the round is refused (the keys stay the same)."""
    count = st.number_input(
        i18n.t("rounds.own_count", lang),
        min_value=0,
        max_value=own_questions.MAX_QUESTIONS,
        value=0,
        step=1,
        key="new-round-own-count",
    )
    written = []
    for n in range(int(count)):
        with st.container(border=True):
            kind = st.selectbox(
                i18n.t("rounds.own_kind", lang, number=n + 1),
                own_questions.KINDS,
                format_func=lambda k: i18n.t(f"rounds.own_kind.{k}", lang),
                key=f"new-round-own-{n}-kind",
            )
            texts = {
                code: st.text_input(
                    i18n.t("rounds.own_text", lang, language=i18n.LANGUAGE_NAMES[code]),
                    max_chars=own_questions.TEXT_MAX,
                    key=f"new-round-own-{n}-text-{code}",
                )
                for code in languages
            }
            scale = None
            choices: tuple[Choice, ...] = ()
            if kind == "scale":
                scale = st.selectbox(
                    i18n.t("rounds.scale", lang),
                    list(Scale),
                    format_func=lambda s: i18n.t(f"scale.{s}", lang),
                    key=f"new-round-own-{n}-scale",
                )
            elif kind in own_questions.CHOICE_KINDS:
                choices = _written_choices(n, languages, lang)
            required = st.checkbox(
                i18n.t("rounds.own_required", lang),
                key=f"new-round-own-{n}-required",
                disabled=kind == "note",
            )
        written.append(
            OwnQuestion(
                name=f"q{n + 1}",
                kind=kind,
                texts=texts,
                choices=choices,
                scale=scale,
                required=required,
            )
        )
    return tuple(written)


def _written_choices(n: int, languages: list[str], lang: str) -> tuple[Choice, ...]:
    """A choice question's choices as a table: a row per choice, a column per language and
    one for an emoji."""
    columns = [i18n.LANGUAGE_NAMES[code] for code in languages] + ["emoji"]
    st.markdown(
        i18n.t(
            "rounds.own_choices",
            lang,
            min=own_questions.MIN_CHOICES,
            max=own_questions.MAX_CHOICES,
        )
    )
    table = st.data_editor(
        pd.DataFrame([[""] * len(columns)] * 2, columns=columns),
        num_rows="dynamic",
        hide_index=True,
        key=f"new-round-own-{n}-choices",
    )
    return tuple(
        Choice(
            f"c{number}",
            {code: str(row[i18n.LANGUAGE_NAMES[code]] or "") for code in languages},
            str(row["emoji"] or ""),
        )
        for number, (_, row) in enumerate(table.iterrows(), start=1)
    )


def _read_form(upload, lang: str) -> tuple[OwnQuestion, ...] | None:
    """The questions of an uploaded XLSForm, or None once every problem is on screen."""
    try:
        form = xlsform.read(upload.getvalue())
    except xlsform.FormRefused as refused:
        st.error("\n\n".join(plain(line) for line in refused.lines(upload.name, lang)))
        return None
    return form.questions


def _own_preview(own: tuple[OwnQuestion, ...], lang: str) -> None:
    """The own questions as the child will get them, one after another (staff's words shown
    as text)."""
    if not own:
        return
    st.markdown(f"**{i18n.t('rounds.own_preview', lang)}**")
    for number, question in enumerate(own, start=1):
        choices = [c.labels.get(lang, "") for c in question.choices]
        if question.scale:
            choices = [i18n.t(question.scale.label_key(v), lang) for v in question.scale.values]
        line = f"{number}. {question.text(lang)}" + (f" ({' · '.join(choices)})" if choices else "")
        st.markdown(plain(line))


def form_download(ctx: PageContext, round_: Round) -> None:
    """A round's own questions as an XLSForm workbook, to keep, edit and bring in again."""
    if not round_.own_questions:
        return
    st.download_button(
        i18n.t("rounds.own_form_download", ctx.lang),
        lambda: exports.to_xlsx(
            xlsform.sheets(round_.own_questions, round_.languages, title=round_.title or "")
        ),
        file_name=f"form-{round_.code}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
    )


def slips_download(ctx: PageContext, round_: Round) -> None:
    """The printable slips of a round answered with one-time codes, those not used yet."""
    if not round_.uses_codes or ctx.user is None or not ctx.user.may_see_actor(round_.actor_id):
        return
    unused = codes.unused(ctx.db_path, round_.id)
    if not unused:
        st.info(i18n.t("rounds.slips_used", ctx.lang))
        return
    st.download_button(
        i18n.t("rounds.slips", ctx.lang),
        lambda: slips.slips_pdf(round_, unused),  # drawn when downloaded, not at each rerun
        file_name=f"slips-{round_.code}.pdf",
        mime="application/pdf",
    )


def recording_form(ctx: PageContext, round_: Round) -> None:
    """A recording of the question per language, for a round whose audience includes
    children who do not read yet; the answer pages play it."""
    if not recordings.offered(round_):
        return
    lang = ctx.lang
    if ctx.user is None or not ctx.user.may_see_actor(round_.actor_id):
        return
    for code in round_.languages:
        label = i18n.t("rounds.recording", lang, language=i18n.LANGUAGE_NAMES[code])
        with st.expander(label):
            if code in round_.recordings:
                widgets.recording_player(respondent.recording_path(round_.code, code), lang)
            with st.form(f"recording-{round_.code}-{code}", clear_on_submit=True):
                upload = st.file_uploader(
                    label,
                    type=["mp3", "ogg", "oga", "wav"],
                    help=i18n.t("rounds.recording_help", lang),
                )
                sent = st.form_submit_button(i18n.t("rounds.recording_save", lang))
            if not sent or upload is None:
                continue
            try:
                with page.within_scope(ctx):
                    recordings.save(ctx.db_path, round_, code, upload.getvalue(), actors=ctx.scope)
            except recordings.Refused as refused:
                st.error(i18n.t(f"rounds.recording_{refused.problem}", lang))
            else:
                st.success(
                    i18n.t("rounds.recording_saved", lang, language=i18n.LANGUAGE_NAMES[code])
                )
                widgets.recording_player(respondent.recording_path(round_.code, code), lang)


def status_buttons(ctx: PageContext, round_: Round) -> None:
    """Close, reopen or archive the round; checked against the user's actors every time."""
    if ctx.user is None or not ctx.user.may_see_actor(round_.actor_id):
        st.error(i18n.t("login.forbidden", ctx.lang))
        return
    targets = {
        "open": ("closed", "archived"),
        "closed": ("open", "archived"),
        "archived": ("closed",),
    }[round_.status]
    labels = {"closed": "rounds.close", "open": "rounds.reopen", "archived": "rounds.archive"}
    row = st.container(horizontal=True)  # wraps where the labels do not fit in one row
    for target in targets:
        if row.button(i18n.t(labels[target], ctx.lang), key=f"status-{round_.code}-{target}"):
            with page.within_scope(ctx):
                rounds.set_status(ctx.db_path, round_.code, target, actors=ctx.scope)
            if target == "closed":  # no more answers come: publish what children may see
                published.publish(ctx.db_path, round_.id, k=settings.min_group_size(), closing=True)
            st.session_state["status_changed"] = target
            st.rerun()
    if changed := st.session_state.pop("status_changed", None):
        st.success(
            i18n.t(
                "rounds.status_changed",
                ctx.lang,
                status=i18n.t(f"rounds.status.{changed}", ctx.lang),
            )
        )


def change_form(ctx: PageContext, round_: Round) -> None:
    """Record what was changed because of this round's feedback ("you said, we did")."""
    lang = ctx.lang
    if ctx.user is None or not ctx.user.may_see_actor(round_.actor_id):
        return
    with st.expander(i18n.t("changes.title", lang)):
        st.link_button(
            i18n.t("changes.results_link", lang),
            rounds.results_link(round_.code, lang=lang),
        )
        with st.form(f"change-{round_.code}", clear_on_submit=True):
            you_said = st.text_area(i18n.t("changes.you_said", lang), max_chars=changes.MAX_TEXT)
            we_did = st.text_area(i18n.t("changes.we_did", lang), max_chars=changes.MAX_TEXT)
            status = st.selectbox(
                i18n.t("changes.status", lang),
                changes.STATUSES,
                format_func=lambda s: i18n.t(f"results.status.{s}", lang),
            )
            sent = st.form_submit_button(i18n.t("changes.save", lang), type="primary")
        if not sent:
            return
        try:
            with page.within_scope(ctx):
                changes.record(
                    ctx.db_path,
                    action_id=round_.action_id,
                    round_id=round_.id,
                    you_said=you_said,
                    we_did=we_did,
                    status=status,
                    language=lang,
                    actors=ctx.scope,
                )
        except changes.InvalidChange:
            st.error(i18n.t("changes.invalid", lang))
        else:
            st.success(i18n.t("changes.saved", lang))


def alerting_form(ctx: PageContext, round_: Round) -> None:
    """Change the round's alerting while it runs (alert on every comment, the daily digest,
    the drop alert), and who changed it when. A wrong address stays in its field."""
    lang = ctx.lang
    if ctx.user is None or not ctx.user.may_see_actor(round_.actor_id):
        return
    with st.expander(i18n.t("rounds.alerting", lang)):
        with st.form(f"alerting-{round_.code}"):
            chosen = {
                "alert_every_comment": st.checkbox(
                    i18n.t("rounds.alert_every_comment", lang),
                    value=round_.alert_every_comment,
                    key=f"alerting-{round_.code}-every-comment",
                    help=i18n.t("rounds.alert_every_comment_help", lang),
                    disabled=not round_.free_text,
                ),
                "digest_to": st.text_input(
                    i18n.t("rounds.digest_to", lang),
                    value=round_.digest_to or "",
                    key=f"alerting-{round_.code}-digest",
                ),
                "drop_alert_to": st.text_input(
                    i18n.t("rounds.drop_alert_to", lang),
                    value=round_.drop_alert_to or "",
                    key=f"alerting-{round_.code}-drop",
                ),
            }
            sent = st.form_submit_button(i18n.t("rounds.alerting_save", lang), type="primary")
        if sent:
            if not round_.free_text:
                del chosen["alert_every_comment"]
            try:
                with page.within_scope(ctx):
                    notices.change(
                        ctx.db_path, round_.code, chosen, by=ctx.user.username, actors=ctx.scope
                    )
            except plaintext.InvalidEmail as wrong:
                st.error(i18n.t("rounds.alerting_invalid", lang, email=plain(str(wrong))))
            else:
                st.success(i18n.t("rounds.alerting_saved", lang))
        for made in notices.changes(ctx.db_path, round_.code):
            value = (
                i18n.t(f"rounds.alerting.{made.value}", lang)
                if made.value in ("on", "off")
                else made.value
            )
            label = (
                i18n.t("rounds.alert_every_comment", lang)
                if made.setting == "alert_every_comment"
                else i18n.t(f"rounds.alerting.{made.setting}", lang)
            )
            st.caption(
                plain(
                    i18n.t(
                        "rounds.alerting_change",
                        lang,
                        when=made.changed_at.replace("T", " "),
                        who=made.changed_by,
                        setting=label,
                        value=value,
                    )
                )
            )


def kiosks_form(ctx: PageContext, round_: Round) -> None:
    """Enrol a shared tablet as a kiosk of the round (a single-use link to open on it), and
    the round's kiosks with their too-fast answers, each revocable."""
    lang = ctx.lang
    if ctx.user is None or not ctx.user.may_see_actor(round_.actor_id):
        return
    with st.expander(i18n.t("kiosks.title", lang)):
        st.caption(i18n.t("kiosks.help", lang, minutes=kiosk.ENROLMENT_MINUTES))
        with st.form(f"kiosk-{round_.code}", clear_on_submit=True):
            label = st.text_input(i18n.t("kiosks.label", lang), max_chars=kiosk.LABEL_MAX)
            sent = st.form_submit_button(i18n.t("kiosks.enrol", lang), type="primary")
        if sent:
            try:
                with page.within_scope(ctx):
                    made = kiosk.enrol(
                        ctx.db_path,
                        round_.code,
                        label=label,
                        enrolled_by=ctx.user.username,
                        key=auth.cookie_key(),
                        actors=ctx.scope,
                    )
            except kiosk.InvalidLabel:
                st.error(i18n.t("kiosks.label_invalid", lang, max=kiosk.LABEL_MAX))
            else:
                widgets.enrolment_link(
                    made.link, label=made.kiosk.label, qr_png=posters.qr_png(made.link), lang=lang
                )
        listed = kiosk.list_kiosks(ctx.db_path, code=round_.code, actors=ctx.scope)
        if not listed:
            st.caption(i18n.t("kiosks.none", lang))
        for shown in listed:
            if widgets.kiosk_row(shown, lang=lang):
                with page.within_scope(ctx):
                    kiosk.revoke(ctx.db_path, shown.id, actors=ctx.scope)
                st.session_state["kiosk_revoked"] = shown.label
                st.rerun()
        if revoked := st.session_state.pop("kiosk_revoked", None):
            st.success(i18n.t("kiosks.revoked_now", lang, label=plain(revoked)))

"""Staff: open feedback rounds, and each round's links, QR code, poster, status and kiosks."""

import streamlit as st

from feedback import figures, i18n, rounds, settings
from feedback.rounds import posters
from feedback.ui import page, roundforms, widgets

ctx = page.setup("rounds")
st.title(i18n.t("rounds.title", ctx.lang), anchor=False)

with st.expander(i18n.t("rounds.new", ctx.lang)):
    roundforms.new_round_form(ctx)

listed = rounds.list_rounds(ctx.db_path, actors=ctx.scope)
k = settings.min_group_size()
answered = figures.round_answers(ctx.db_path, k=k, actors=ctx.scope)
if not listed:
    st.info(i18n.t("rounds.none", ctx.lang))
    page.stop(ctx)


def _label(round_: rounds.Round) -> str:
    answers = answered.get(round_.code, "0")
    count = int(answers) if answers.isdigit() else k  # "< 10" answers: the plural form of 10
    status = i18n.t(f"rounds.status.{round_.status}", ctx.lang)
    words = i18n.tn("rounds.answers", count, ctx.lang, n=answers)
    return f"{round_.code} · {round_.action_id} · {status} · {words}"


chosen = st.selectbox(i18n.t("rounds.choose", ctx.lang), listed, format_func=_label)
round_ = rounds.get_by_code(ctx.db_path, chosen.code)
roundforms.status_buttons(ctx, round_)
roundforms.change_form(ctx, round_)
roundforms.alerting_form(ctx, round_)
roundforms.recording_form(ctx, round_)
roundforms.slips_download(ctx, round_)
roundforms.form_download(ctx, round_)
roundforms.kiosks_form(ctx, round_)
qr_link = rounds.link(round_.code, channel="qr")
widgets.round_card(
    round_,
    lang=ctx.lang,
    qr_png=posters.qr_png(qr_link),
    poster_pdf=lambda: posters.poster_pdf(round_, url=qr_link, languages=round_.languages),
)
page.footer(ctx)

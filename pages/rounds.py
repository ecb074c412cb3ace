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
answered = figures.round_answers(ctx.db_path, k=settings.min_group_size(), actors=ctx.scope)
if not listed:
    st.info(i18n.t("rounds.none", ctx.lang))
    page.stop(ctx)
chosen = st.selectbox(
    i18n.t("rounds.choose", ctx.lang),
    listed,
    format_func=lambda r: (
        f"{r.code} · {r.action_id} · "
        f"{i18n.t(f'rounds.status.{r.status}', ctx.lang)} · "
        f"{i18n.t('rounds.answers', ctx.lang, n=answered.get(r.code, '0'))}"
    ),
)
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

"""Staff: open feedback rounds, and each round's links, QR code, poster and status."""

import streamlit as st

from feedback import i18n, posters, surveys
from feedback.ui import page, rounds, widgets

ctx = page.setup(access=page.Access.STAFF, title_key="rounds.title", wide=True)
st.title(i18n.t("rounds.title", ctx.lang), anchor=False)

with st.expander(i18n.t("rounds.new", ctx.lang)):
    rounds.new_round_form(ctx)

listed = surveys.list_surveys(ctx.db_path, actors=ctx.scope)
if not listed:
    st.info(i18n.t("rounds.none", ctx.lang))
    page.stop(ctx)
chosen = st.selectbox(
    i18n.t("rounds.choose", ctx.lang),
    listed,
    format_func=lambda r: (
        f"{r.code} · {r.action_id} · "
        f"{i18n.t(f'rounds.status.{r.status}', ctx.lang)} · "
        f"{i18n.t('rounds.answers', ctx.lang, n=r.answers)}"
    ),
)
survey = surveys.get_by_code(ctx.db_path, chosen.code)
rounds.status_buttons(ctx, survey)
rounds.change_form(ctx, survey)
rounds.recording_form(ctx, survey)
qr_link = surveys.link(survey.code, channel="qr")
widgets.round_card(
    survey,
    lang=ctx.lang,
    qr_png=posters.qr_png(qr_link),
    poster_pdf=lambda: posters.poster_pdf(survey, url=qr_link, languages=survey.languages),
)
page.footer(ctx)

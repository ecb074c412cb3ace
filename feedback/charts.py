"""Charts as Altair objects built from the domain's DataFrames; pages only display them."""

from __future__ import annotations

import altair as alt
import pandas as pd

from feedback import i18n


def sub_goal_means(overview: pd.DataFrame, *, lang: str) -> alt.Chart | None:
    """Horizontal bars of each shown sub-goal's mean on 1–5; None when nothing can be shown."""
    shown = overview[(overview["level"] == "sub") & overview["mean"].notna()].copy()
    if shown.empty:
        return None
    mean_title = i18n.t("overview.col.mean", lang)
    answers_title = i18n.t("overview.col.answers", lang)
    positive_title = i18n.t("overview.col.positive", lang)
    return (
        alt.Chart(shown, title=i18n.t("overview.chart_title", lang))
        .mark_bar(color="#1d4ed8")
        .encode(
            x=alt.X("mean:Q", title=mean_title, scale=alt.Scale(domain=[1, 5])),
            y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=360)),
            tooltip=[
                alt.Tooltip("label:N", title=i18n.t("overview.col.goal", lang)),
                alt.Tooltip("answers_text:N", title=answers_title),
                alt.Tooltip("mean_text:N", title=mean_title),
                alt.Tooltip("positive_text:N", title=positive_title),
            ],
        )
        .properties(height=alt.Step(28))
    )

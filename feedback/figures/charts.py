"""Charts as Altair objects built from the domain's DataFrames; pages only display them.

A chart's data goes to the browser whole (Altair writes it into the spec), so each chart keeps
only the shown rows and the columns it draws: nothing reaches the page that it does not show.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from feedback import i18n

# A goal's name may take 40 % of the chart's width, at most 320 px: on a phone a longer name
# would leave its bar no room. The full names are in the tooltips and in the table below.
# The `width` signal changes when the window does (a turned tablet or phone): naming it makes
# Vega work the limit out again then; containerSize() alone is read once.
GOAL_LABEL_LIMIT = alt.ExprRef("width >= 0 ? clamp(containerSize()[0] * 0.4, 80, 320) : 80")


def sub_goal_means(overview: pd.DataFrame, *, lang: str) -> alt.Chart | None:
    """Horizontal bars of each shown sub-goal's mean on 1–5; None when nothing can be shown."""
    drawn = ["label", "mean", "answers_text", "mean_text", "positive_text"]
    shown = overview.loc[(overview["level"] == "sub") & overview["mean"].notna(), drawn]
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
            x2=alt.datum(1),  # bars start at the scale's floor, 1, not at 0
            y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=GOAL_LABEL_LIMIT)),
            tooltip=[
                alt.Tooltip("label:N", title=i18n.t("overview.col.goal", lang)),
                alt.Tooltip("answers_text:N", title=answers_title),
                alt.Tooltip("mean_text:N", title=mean_title),
                alt.Tooltip("positive_text:N", title=positive_title),
            ],
        )
        .properties(height=alt.Step(28))
    )


def monthly_trend(trend: pd.DataFrame, *, lang: str) -> alt.Chart | None:
    """Answers per month as bars, with the month's mean as a line; hidden months left out."""
    shown = trend.loc[~trend["hidden"], ["month", "answers", "mean"]].copy()
    if shown.empty:
        return None
    shown["month"] = [i18n.month(m, lang) for m in shown["month"]]
    base = alt.Chart(shown, title=i18n.t("dashboard.trend_title", lang)).encode(
        x=alt.X("month:O", sort=list(shown["month"]), title=i18n.t("dashboard.month", lang))
    )
    bars = base.mark_bar(color="#93c5fd").encode(
        y=alt.Y("answers:Q", title=i18n.t("overview.col.answers", lang))
    )
    line = base.mark_line(color="#1e3a8a", point=True, strokeWidth=3).encode(
        y=alt.Y("mean:Q", title=i18n.t("overview.col.mean", lang), scale=alt.Scale(domain=[1, 5]))
    )
    return alt.layer(bars, line).resolve_scale(y="independent")


def weekday_hour(cells: pd.DataFrame, *, lang: str) -> alt.Chart | None:
    """A heat map of answers by weekday and hour; hidden cells are not drawn."""
    shown = cells.loc[~cells["hidden"], ["weekday", "hour", "answers"]].copy()
    if shown.empty:
        return None
    shown["day"] = [i18n.weekday(d, lang) for d in shown["weekday"]]
    order = [i18n.weekday(d, lang) for d in range(7)]
    return (
        alt.Chart(shown, title=i18n.t("dashboard.heatmap_title", lang))
        .mark_rect()
        .encode(
            x=alt.X("hour:O", title=i18n.t("dashboard.hour", lang)),
            y=alt.Y("day:O", sort=order, title=None),
            color=alt.Color(
                "answers:Q",
                title=i18n.t("overview.col.answers", lang),
                scale=alt.Scale(scheme="blues"),
            ),
            tooltip=[
                alt.Tooltip("day:O", title=i18n.t("dashboard.weekday", lang)),
                alt.Tooltip("hour:O", title=i18n.t("dashboard.hour", lang)),
                alt.Tooltip("answers:Q", title=i18n.t("overview.col.answers", lang)),
            ],
        )
    )


def distribution(overview: pd.DataFrame, *, lang: str, level: str = "sub") -> alt.Chart | None:
    """How the answers spread over the five faces, per shown row of `level`, as stacked shares."""
    shown = overview[(overview["level"] == level) & ~overview["hidden"] & (overview["answers"] > 0)]
    shown = shown[["label", *(f"dist_{s}" for s in range(1, 6))]]
    if shown.empty:
        return None
    long = shown.melt(
        id_vars=["label"],
        value_vars=[f"dist_{s}" for s in range(1, 6)],
        var_name="score",
        value_name="n",
    )
    long["score"] = long["score"].str[-1].astype(int)
    long["face"] = [i18n.t(f"face.{s}", lang) for s in long["score"]]
    return (
        alt.Chart(long, title=i18n.t("dashboard.distribution_title", lang))
        .mark_bar()
        .encode(
            x=alt.X("n:Q", stack="normalize", title=i18n.t("dashboard.share", lang)),
            y=alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=GOAL_LABEL_LIMIT)),
            color=alt.Color(
                "face:N",
                sort=[i18n.t(f"face.{s}", lang) for s in range(1, 6)],
                scale=alt.Scale(range=["#b91c1c", "#f97316", "#facc15", "#84cc16", "#15803d"]),
                title=None,
                # Below the bars, not beside them, where it would take a phone's bars their
                # room; as a list, since in a row it would be wider than a phone's bars.
                legend=alt.Legend(orient="bottom", direction="vertical"),
            ),
            order=alt.Order("score:Q"),
            tooltip=[
                alt.Tooltip("label:N", title=i18n.t("overview.col.goal", lang)),
                alt.Tooltip("face:N", title=i18n.t("dashboard.answer", lang)),
                alt.Tooltip("n:Q", title=i18n.t("overview.col.answers", lang)),
            ],
        )
        .properties(height=alt.Step(26))
    )

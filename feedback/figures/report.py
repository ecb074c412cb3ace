"""The yearly report to the council, per plan and year, as a PDF a council secretary attaches.

Per sub-goal: its actions, what children and families said (answers, mean, positive share, a bar
with the figure written beside it — the text alternative), participation, and the official
indicators; then how many safeguarding alerts children's comments raised, per category. Small
groups are hidden exactly as on screen; no comment text is ever printed.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from feedback import figures, i18n, pdftext, plans
from feedback.figures import Filters, disclosure, measures
from feedback.rounds import alerts

MARGIN = 18.0
WIDTH = 210.0 - 2 * MARGIN
INK = (31, 41, 55)
MUTED = (75, 85, 99)
BAR = (29, 78, 216)
BAR_TRACK = (219, 234, 254)
CREATION_DATE = datetime(2000, 1, 1, tzinfo=UTC)  # the same report is the same file


def council_report(
    db_path: str | Path,
    plan_id: str,
    *,
    year: int,
    lang: str,
    k: int,
    actors: tuple[str, ...] | None = None,
) -> bytes:
    """The report of `plan_id` for `year` in `lang` (fi or sv; the council's languages),
    covering all actors or only `actors`."""
    summary = next(p for p in plans.list_plans(db_path) if p.id == plan_id)
    chosen = Filters(months=(f"{year}-01", f"{year}-12"), actors=actors)
    overview = figures.goal_overview(db_path, plan_id, k=k, lang=lang, filters=chosen)
    process = measures.sub_goal_measures(db_path, plan_id, chosen, k=k, lang=lang).set_index(
        "sub_goal_id"
    )
    indicator_rows = measures.indicators(db_path, plan_id, lang=lang)
    name = i18n.pick(summary.name, lang, original=summary.language)[0]

    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.core_fonts_encoding = pdftext.FONT_ENCODING
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(auto=True, margin=MARGIN)
    pdf.set_title(pdftext.printable(f"{i18n.t('report.title', lang)} {year}: {name}"))
    pdf.set_lang(lang)
    pdf.set_creation_date(CREATION_DATE)
    pdf.add_page()

    _text(pdf, i18n.t("report.title", lang) + f" {year}", size=20, style="B")
    _text(pdf, name, size=13, style="B")
    _text(pdf, i18n.t("report.intro", lang, k=k), size=10, colour=MUTED)
    for row in overview.itertuples():
        if row.level == "main":
            pdf.ln(4)
            _text(pdf, row.label, size=14, style="B")
            _figures(pdf, row, lang)
        elif row.level == "sub":
            pdf.ln(2)
            _text(pdf, row.label, size=12, style="B")
            _figures(pdf, row, lang)
            _process_measures(pdf, process.loc[row.id] if row.id in process.index else None, lang)
            _indicators(pdf, indicator_rows[indicator_rows["sub_goal_id"] == row.id], lang)
            actions = overview[overview["parent"] == row.id]
            if not actions.empty:
                _text(pdf, i18n.t("dashboard.actions_title", lang), size=10, style="B")
                for action in actions.itertuples():
                    text = " ".join(action.label.split())  # one line per action, however long
                    text = text if len(text) <= 180 else text[:179] + "…"
                    answers = i18n.t("overview.col.answers", lang).lower()
                    _text(pdf, f"• {text} ({answers}: {action.answers_text})", size=9)
    _alert_counts(pdf, alerts.yearly_counts(db_path, plan_id, year, actors=actors), lang, k)
    return bytes(pdf.output())


def _alert_counts(pdf: FPDF, counts: dict, lang: str, k: int) -> None:
    """The year's safeguarding alerts per category: a count under k is "< k", as any figure
    (the report is public, and a handful of alerts of one kind could point at a child)."""
    pdf.ln(4)
    _text(pdf, i18n.t("report.alerts_title", lang), size=12, style="B")
    _text(pdf, i18n.t("report.alerts_note", lang, k=k), size=9, colour=MUTED)
    for category, n in counts.items():
        shown = f"< {k}" if disclosure.withheld(n, n if n >= k else 0) else str(n)
        _text(pdf, f"• {i18n.t(f'alert.category.{category}', lang)}: {shown}", size=9)


def _text(pdf: FPDF, text: str, *, size: float, style: str = "", colour=INK) -> None:
    pdf.set_font(pdftext.FONT, style, size)
    pdf.set_text_color(*colour)
    pdf.multi_cell(WIDTH, size * 0.5, pdftext.printable(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _figures(pdf: FPDF, row, lang: str) -> None:
    """Answers, mean and positive share in words, with a bar of the positive share."""
    if row.hidden:
        words = i18n.t("report.hidden", lang, answers=row.answers_text)
    elif not row.answers:
        words = i18n.t("report.no_answers", lang)
    else:
        words = i18n.t(
            "report.figures",
            lang,
            answers=row.answers_text,
            mean=row.mean_text,
            positive=row.positive_text,
        )
    _text(pdf, words, size=10)
    if not row.hidden and row.answers and row.positive_share is not None:
        y = pdf.get_y() + 0.5
        pdf.set_fill_color(*BAR_TRACK)
        pdf.rect(MARGIN, y, 100, 3.5, style="F")
        pdf.set_fill_color(*BAR)
        pdf.rect(MARGIN, y, 100 * row.positive_share, 3.5, style="F")
        pdf.set_y(y + 5)


def _process_measures(pdf: FPDF, sub_goal, lang: str) -> None:
    if sub_goal is None:
        return
    parts = [i18n.t("report.rounds", lang, n=sub_goal["rounds"])]
    if sub_goal["nps_text"]:
        parts.append(f"{i18n.t('dashboard.col.nps', lang)}: {sub_goal['nps_text']}")
    if not pd.isna(sub_goal["participants"]):
        parts.append(
            i18n.t(
                "report.participation",
                lang,
                participants=int(sub_goal["participants"]),
                visits=int(sub_goal["visits"]),
            )
        )
    _text(pdf, " · ".join(parts), size=9, colour=MUTED)


def _indicators(pdf: FPDF, rows, lang: str) -> None:
    if rows.empty:
        return
    _text(pdf, i18n.t("dashboard.indicators_title", lang), size=10, style="B")
    for row in rows.itertuples():
        national = ""
        if not pd.isna(row.national):
            whole_country = i18n.t("dashboard.col.national", lang).lower()
            national = f" / {whole_country} {i18n.decimal(row.national, lang)}"
        colour = measures.colour_word(row.colour, lang)
        trend = measures.trend_text(row.change, row.trend, lang)
        since = f"; {i18n.t('dashboard.col.trend', lang).lower()} {trend}" if trend else ""
        _text(
            pdf,
            f"- {row.indicator}, {row.year}, {measures.group_text(row.group, row.area, lang)}: "
            f"{i18n.decimal(row.value, lang)}"
            f"{national} ({colour}{since})",
            size=9,
        )
    _text(pdf, i18n.t("dashboard.indicator_years", lang), size=9, style="B")
    for line in measures.indicator_years(rows, lang):
        _text(pdf, line, size=9)

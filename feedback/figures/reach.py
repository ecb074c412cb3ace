"""Whose voice is missing: answers per 1,000 children of each age band and municipality, so that
the dashboard and the yearly report show where participation is thin, not only where scores are
low (issue #28).

The children are Sotkanet's population figures per area, age band and year (`child_population`,
imported with the plan's indicators: feedback.plans.sotkanet). An actor's rounds reach the
children of its municipality (the plan file's `municipality:`); the plan's whole region (area
"region") counts the rounds of every actor. A year's answers are set against the latest
population figure of that year or before it (Sotkanet publishes a year's population later).

The answers of a cell are a figure like every other (`disclosure`): the sum of the shown blocks
of the year's answers of the band's audiences (feedback.rounds.questions.AGE_BANDS), never a raw
count; a cell with answers but no shown block is "< k" and has no rate.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from feedback import i18n, storage
from feedback.figures import Filters, disclosure
from feedback.plans import file_format
from feedback.rounds import questions

REGION = "region"  # the plan's whole region, as the plan file's `area:` names it


@dataclass(frozen=True)
class Reach:
    """One area and age band in one year: its children and the answers shown of them."""

    area: str
    band: str
    year: int
    population_year: int
    children: int
    answers: int  # the shown blocks' answers; 0 when withheld
    hidden: bool  # answers, but no shown block: "< k"

    @property
    def per_thousand(self) -> float | None:
        if self.hidden or not self.children:
            return None
        return 1000 * self.answers / self.children


def reach(
    db_path: str | Path,
    plan_id: str,
    *,
    year: int,
    k: int,
    actors: tuple[str, ...] | None = None,
) -> list[Reach]:
    """Per area with a population figure (the region first, then the municipalities) and age
    band: the answers of `year` per 1,000 children, within `actors` (a staff member's scope:
    the municipalities none of whose actors are theirs are left out)."""
    with storage.reading(db_path) as db:
        population = db.execute(
            """SELECT area, band, year, children FROM child_population
               WHERE plan_id = ? AND year <= ? ORDER BY year""",
            [plan_id, year],
        ).fetchall()
        tied = db.execute(
            "SELECT id, municipality FROM actors WHERE plan_id = ? AND municipality IS NOT NULL",
            [plan_id],
        ).fetchall()
    latest = {(area, band): (at, children) for area, band, at, children in population}
    order = {band: i for i, band in enumerate(file_format.AGE_BANDS)}
    cells = []
    for (area, band), (at, children) in sorted(
        latest.items(), key=lambda item: (item[0][0] != REGION, item[0][0], order[item[0][1]])
    ):
        if area == REGION:
            reached = actors
        else:
            reached = tuple(a for a, m in tied if m == area and (actors is None or a in actors))
            if actors is not None and not reached:
                continue  # none of the user's actors work there
        chosen = Filters(
            months=(f"{year}-01", f"{year}-12"),
            actors=reached,
            groups=questions.AGE_BANDS[band],
        )
        answered, shown = _answers(db_path, plan_id, chosen, k=k)
        hidden = disclosure.withheld(answered, shown)
        cells.append(Reach(area, band, year, at, children, shown, hidden))
    return cells


def _answers(db_path: str | Path, plan_id: str, chosen: Filters, *, k: int) -> tuple[int, int]:
    """The answers `chosen` selects and those of them in blocks it may show."""
    where, params = chosen.sql(plan_id)
    kept = disclosure.blocks(plan_id, chosen, k=k)
    with storage.reading(db_path) as db:
        answered, shown = db.execute(
            f"""{kept.with_sql}
                SELECT sum(c.n), sum(CASE WHEN {kept.shown} THEN c.n ELSE 0 END)
                FROM answer_counts c {kept.join}
                WHERE {where} AND c.question = 0 AND c.flagged = 0""",
            [*kept.params, *params],
        ).fetchone()
    return int(answered or 0), int(shown or 0)


def band_text(band: str, lang: str) -> str:
    """An age band in words: "7–12-vuotiaat", "7–12 år", "aged 7–12"."""
    return i18n.t("reach.band", lang, band=band.replace("-", "\u2013"))


def area_text(area: str, lang: str) -> str:
    return i18n.t("reach.region", lang) if area == REGION else area


def answers_text(cell: Reach, k: int) -> str:
    return f"< {k}" if cell.hidden else str(cell.answers)


def rate_text(cell: Reach, lang: str) -> str:
    rate = cell.per_thousand
    return "" if rate is None else i18n.decimal(rate, lang)


def line(cell: Reach, k: int, lang: str) -> str:
    """One cell in words, for the report: "Hamina, 7–12-vuotiaat: 23 vastausta, 12,5 / 1 000
    lasta (1 840 lasta, 2024)"."""
    rate = rate_text(cell, lang)
    return i18n.t(
        "reach.line" if rate else "reach.line_no_rate",
        lang,
        area=area_text(cell.area, lang),
        band=band_text(cell.band, lang),
        answers=answers_text(cell, k),
        rate=rate,
        children=cell.children,
        year=cell.population_year,
    )

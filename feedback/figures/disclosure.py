"""When answers may be shown: the one disclosure rule that every figure, chart, export, report
and command goes through (docs/design.md §5).

The finest cell any filter can select is an *atom*: one round's answers in one respondent
group, one channel and one month (what `answer_counts` keeps). A figure is a sum of *blocks*,
never of raw atoms:

- an atom of at least k answers is a block of its own;
- the atoms of one round with fewer than k answers together are that round's *pool*, a block
  only when it holds at least k answers, and counted in a figure only when the figure's filter
  selects every atom of the pool and the figure's cell does not split it (a trend by month
  splits a pool spread over two months). Otherwise the pool is left out of that figure.

So the difference of any two figures, whatever their filters, is a union of whole blocks of at
least k answers each: nothing smaller can be isolated by subtraction. A cell whose blocks add up
to nothing while it has answers is shown as "< k", never as 0.

The weekday × hour map (counts only, no faces) is the one figure outside the blocks: its cells
are suppressed one by one with `suppress` (complementary suppression against its total).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Protocol

from feedback.rounds.own_questions import ANSWERED
from feedback.rounds.scales import POSITIVE_MIN

#: The columns of an atom in the kept-count tables, besides its round.
ATOM_COLUMNS = ("respondent_group", "channel", "month")


class _Filters(Protocol):
    def rounds(self, plan_id: str | None) -> tuple[str, list]: ...

    def cells_sql(self, counts: str) -> tuple[str, list]: ...


@dataclass(frozen=True)
class Cell:
    """The answers behind one row of a figure: count, sum of scores, positive answers, and the
    number of answers per score 1–5."""

    key: str
    parent: str | None
    n: int
    total: int
    positive: int
    hidden: bool = False
    distribution: tuple[int, ...] = field(default=(0, 0, 0, 0, 0))

    @property
    def mean(self) -> float | None:
        return None if self.hidden or not self.n else self.total / self.n

    @property
    def positive_share(self) -> float | None:
        return None if self.hidden or not self.n else self.positive / self.n

    def plus(self, other: Cell) -> Cell:
        return replace(
            self,
            n=self.n + other.n,
            total=self.total + other.total,
            positive=self.positive + other.positive,
            distribution=tuple(
                a + b for a, b in zip(self.distribution, other.distribution, strict=True)
            ),
        )


def cell(key: str, scores: Mapping[int, int], *, parent: str | None = None) -> Cell:
    """A cell of the answers per score 1–5 that lie in shown blocks."""
    return Cell(
        key=key,
        parent=parent,
        n=sum(scores.values()),
        total=sum(score * n for score, n in scores.items()),
        positive=sum(n for score, n in scores.items() if score >= POSITIVE_MIN),
        distribution=tuple(scores.get(score, 0) for score in range(1, 6)),
    )


def withheld(answered: int, shown: int) -> bool:
    """Whether a cell is shown as "< k": it has answers, but none of them in a shown block.
    (A cell with shown blocks has at least k answers shown, by the rule.)"""
    return answered > 0 and shown == 0


@dataclass(frozen=True)
class Blocks:
    """SQL marking which kept-count rows lie in blocks that one figure may show.

    Put `with_sql` before the figure's SELECT (its `params` first), add `join` after the
    kept-count table `answer_counts` aliased as in `blocks(counts=…)`, and sum
    `CASE WHEN {shown} THEN c.n ELSE 0 END` for what is shown."""

    with_sql: str
    params: list
    join: str
    shown: str


def blocks(
    plan_id: str | None,
    filters: _Filters,
    *,
    k: int,
    split: Iterable[str] = (),
    flagged: bool = False,
    counts: str = "c",
    own_questions: bool = False,
) -> Blocks:
    """The blocks of a plan's rounds (every plan's for None; within the filters' actors) as
    one figure with
    `filters` may show them, its cells split by the atom columns in `split`.

    With `flagged`, the rule applies to the answers flagged as misuse instead (they are a
    figure of their own and never mixed with the others). With `own_questions`, the atoms are
    the respondents of each of the rounds' own questions (`question_counts`, its `position` a
    key beside the round's): a figure of one is a sum of blocks of at least k who answered
    it, not of k who answered the main question, some of whom may have left it out."""
    split = tuple(split)
    if not set(split) <= set(ATOM_COLUMNS):
        raise ValueError(f"a figure can only be split by {ATOM_COLUMNS}, not {split}")
    k = int(k)  # written into the SQL: an integer, never text
    rounds, round_params = filters.rounds(plan_id)
    chosen, chosen_params = filters.cells_sql("t")
    atom = ", ".join(ATOM_COLUMNS)
    if own_questions:
        counted, keys = f"question_counts WHERE value = '{ANSWERED}'", ("round_id", "position")
    else:
        counted, keys = "answer_counts WHERE question = 0", ("round_id",)
    key = ", ".join(keys)
    with_sql = f"""WITH atoms AS (
            SELECT {key}, {atom}, sum(n) AS n FROM {counted}
            AND round_id IN ({rounds}) AND flagged = {int(flagged)}
            GROUP BY {key}, {atom}
        ), pools AS (
            SELECT {", ".join(f"t.{c}" for c in keys)}, sum(t.n) AS n, count(*) AS atoms,
                   sum(CASE WHEN {chosen} THEN 1 ELSE 0 END) AS chosen,
                   {", ".join(f"count(DISTINCT t.{c}) AS kinds_{c}" for c in ATOM_COLUMNS)}
            FROM atoms t WHERE t.n < {k} GROUP BY {", ".join(f"t.{c}" for c in keys)}
        )"""
    join = (
        "JOIN atoms t ON "
        + " AND ".join(f"t.{column} = {{c}}.{column}" for column in (*keys, *ATOM_COLUMNS))
        + " LEFT JOIN pools p ON "
        + " AND ".join(f"p.{column} = {{c}}.{column}" for column in keys)
    ).format(c=counts)
    whole_pool = " AND ".join(
        [f"p.n >= {k}", "p.chosen = p.atoms", *(f"p.kinds_{c} = 1" for c in split)]
    )
    return Blocks(
        with_sql=with_sql,
        params=[*round_params, *chosen_params],
        join=join,
        shown=f"(t.n >= {k} OR ({whole_pool}))",
    )


def shown_atoms(atoms: Mapping[Hashable, int], *, k: int) -> set[Hashable]:
    """Of one round's atoms (key → answers), those in blocks a figure of the whole round may
    show: every atom of at least k, and the pool of the smaller ones when it reaches k. The
    same rule as `blocks`, for one round without filters (its published figures)."""
    pool = {key for key, n in atoms.items() if 0 < n < k}
    big = {key for key, n in atoms.items() if n >= k}
    return big | pool if sum(atoms[key] for key in pool) >= k else big


def suppress(cells: list[Cell], k: int) -> list[Cell]:
    """Per-cell suppression, only for counts that the blocks do not cover (weekday × hour):
    hide every cell with 0 < n < k, then enough others that no hidden count can be derived.

    Children are compared with their parent's total: if a parent is shown and exactly one of
    its children is hidden, that child is `parent − shown siblings`, so the smallest shown
    sibling with answers is hidden too; if there is none, the parent is hidden. A hidden child
    then counts as hidden when the parents are compared with their own parent, in turn.
    """
    by_key = {c.key: replace(c, hidden=0 < c.n < k) for c in cells}
    changed = True
    while changed:
        changed = False
        parents = {c.parent for c in by_key.values() if c.parent is not None}
        for parent_key in parents:
            parent = by_key.get(parent_key)
            children = [c for c in by_key.values() if c.parent == parent_key]
            hidden = [c for c in children if c.hidden]
            if parent is None or parent.hidden or len(hidden) != 1:
                continue
            shown = sorted((c for c in children if not c.hidden and c.n > 0), key=lambda c: c.n)
            victim = shown[0] if shown else parent
            by_key[victim.key] = replace(victim, hidden=True)
            changed = True
    return [by_key[c.key] for c in cells]

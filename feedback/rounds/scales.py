"""Answer scales: what a respondent can choose, stored as numbers, never as label text."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class Scale(StrEnum):
    """The scales a question can be asked with."""

    FACES5 = "faces5"
    FACES3 = "faces3"
    THUMBS = "thumbs"
    STARS = "stars"
    GRADE = "grade"  # the Finnish school grade 4–10
    NPS = "nps"  # recommendation index 0–10 (THL national customer feedback)

    @property
    def values(self) -> tuple[int, ...]:
        """The stored scores, worst first.

        Three faces and the two thumbs sit on the five-step scale (1, 3, 5 and 1, 5) so that
        all the smiley-like scales share one 1–5 mean (docs/design.md §4).
        """
        return _VALUES[self]

    @property
    def on_five(self) -> bool:
        """Whether the scores sit on the shared 1–5 scale (faces, thumbs, stars)."""
        return self in (Scale.FACES5, Scale.FACES3, Scale.THUMBS, Scale.STARS)

    @property
    def has_pictures(self) -> bool:
        """Whether each choice is shown as a picture (the others are large numbers)."""
        return self in (Scale.FACES5, Scale.FACES3, Scale.THUMBS, Scale.STARS)

    def label_key(self, value: int) -> str:
        """The catalogue key of the label of `value`."""
        return f"{_LABEL_PREFIX[self]}.{value}"

    def is_valid(self, value: object) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and value in self.values

    def is_positive(self, value: int) -> bool:
        """Good, very good, thumbs up, 4–5 stars, grade 8–10, or a 9–10 recommendation."""
        return value >= _POSITIVE_FROM[self]


_VALUES = {
    Scale.FACES5: (1, 2, 3, 4, 5),
    Scale.FACES3: (1, 3, 5),
    Scale.THUMBS: (1, 5),
    Scale.STARS: (1, 2, 3, 4, 5),
    Scale.GRADE: (4, 5, 6, 7, 8, 9, 10),
    Scale.NPS: tuple(range(11)),
}
_LABEL_PREFIX = {
    Scale.FACES5: "face",
    Scale.FACES3: "face",
    Scale.THUMBS: "thumb",
    Scale.STARS: "star",
    Scale.GRADE: "grade",
    Scale.NPS: "nps",
}
_POSITIVE_FROM = {
    Scale.FACES5: 4,
    Scale.FACES3: 4,
    Scale.THUMBS: 4,
    Scale.STARS: 4,
    Scale.GRADE: 8,
    Scale.NPS: 9,
}

#: Scores counted as positive on the shared 1–5 scale.
POSITIVE_MIN = 4


def recommendation_index(counts: Mapping[int, int]) -> float | None:
    """THL's recommendation index from answers per score 0–10: the share of 9–10 minus the share
    of 0–6, from −100 to 100. Counts, not one score per answer, keep it cheap at any size."""
    total = sum(counts.values())
    if not total:
        return None
    promoters = sum(n for score, n in counts.items() if score >= 9)
    detractors = sum(n for score, n in counts.items() if score <= 6)
    return 100 * (promoters - detractors) / total

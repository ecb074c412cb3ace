"""Answer scales: what a respondent can choose, stored as numbers, never as label text."""

from __future__ import annotations

from enum import StrEnum


class Scale(StrEnum):
    """The scales a feedback round can ask with."""

    FACES5 = "faces5"
    FACES3 = "faces3"

    @property
    def values(self) -> tuple[int, ...]:
        """The stored scores, worst first. Three faces are the 1st, 3rd and 5th of five, so
        that means stay comparable across rounds (DESIGN.md §4)."""
        return (1, 2, 3, 4, 5) if self is Scale.FACES5 else (1, 3, 5)

    def label_key(self, value: int) -> str:
        """The catalogue key of the label of `value`."""
        return f"face.{value}"

    def is_valid(self, value: object) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and value in self.values


#: Scores counted as positive in the figures (4–5 on the five-step smiley scale).
POSITIVE_MIN = 4

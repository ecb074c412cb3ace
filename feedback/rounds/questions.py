"""What a round asks: its questions, the "what was best?" choices, and the defaults per audience."""

from __future__ import annotations

from dataclasses import dataclass

from feedback.plans import file_format
from feedback.rounds.scales import Scale

#: Respondent groups and age bands, aligned with the School Health Promotion study (DESIGN §4).
AUDIENCES = (
    "early-childhood",
    "grades-1-3",
    "grades-4-6",
    "grades-7-9",
    "upper-secondary",
    "vocational",
    "guardians",
    "youth-council",
    "staff",
)
DEFAULT_AUDIENCE = "grades-4-6"
#: The audiences in each age band of the child population (file_format.AGE_BANDS): answers per
#: 1,000 children of a band count the answers of its audiences (figures.reach). Guardians, the
#: youth council and staff are in no age band.
AGE_BANDS = dict(
    zip(
        file_format.AGE_BANDS,
        (
            ("early-childhood",),
            ("grades-1-3", "grades-4-6"),
            ("grades-7-9",),
            ("upper-secondary", "vocational"),
        ),
        strict=True,
    )
)
#: Audiences that get plain-language (selkokieli) wording by default.
YOUNGEST = ("early-childhood", "grades-1-3")
#: Children of 7–12 get THL's child wording of the recommendation question.
CHILDREN = ("early-childhood", "grades-1-3", "grades-4-6")

#: The question each scale asks when it is a round's main question.
MAIN_QUESTION = {
    Scale.FACES5: "opinion",
    Scale.FACES3: "opinion",
    Scale.THUMBS: "liked",
    Scale.STARS: "stars",
    Scale.GRADE: "grade",
    Scale.NPS: "recommend",
}
#: Questions that can follow the main one in a quick survey, with their scale.
EXTRA_QUESTIONS = {
    "heard": Scale.FACES5,
    "treated": Scale.FACES5,
    "helped": Scale.FACES5,
    "opinion": Scale.FACES5,
    "recommend": Scale.NPS,
}
#: THL customer-feedback style statements for families, then the recommendation index.
FAMILY_QUESTIONS = ("heard", "treated", "helped", "recommend")
MAX_EXTRA_QUESTIONS = 4

#: "What was best?" choices, each with an icon shown beside (not inside) its name.
BEST_CHOICES = {
    "friends": "👫",
    "adults": "🧑‍🏫",
    "activities": "⚽",
    "place": "🏠",
    "learning": "💡",
    "fun": "🎉",
    "being-heard": "👂",
    "food": "🍎",
}
#: The icon shown beside each group's name when a round asks "Who are you?".
GROUP_ICONS = {
    "early-childhood": "🧸",
    "grades-1-3": "✏️",
    "grades-4-6": "📚",
    "grades-7-9": "🎒",
    "upper-secondary": "🎓",
    "vocational": "🔧",
    "guardians": "👪",
    "youth-council": "🏛️",
    "staff": "🧑‍💼",
}
DEFAULT_BEST_CHOICES = ("friends", "adults", "activities", "place", "fun")

FREE_TEXT_MAX = 500


@dataclass(frozen=True)
class Question:
    """One question of a round: its text key and its scale."""

    key: str
    scale: Scale

    def text_key(self, *, plain: bool = False, child: bool = False) -> str:
        """The catalogue key of the question's wording."""
        if self.key == "recommend" and child:
            return "question.recommend.child"
        return f"question.{self.key}.plain" if plain else f"question.{self.key}"

    def text_key_for(self, group: str | None, *, plain: bool = False) -> str:
        """The wording for a respondent of `group`: plain language for the youngest (or when
        asked for), THL's child wording of the recommendation question for children."""
        return self.text_key(plain=plain or group in YOUNGEST, child=group in CHILDREN)


def default_scale(audience: str) -> Scale:
    """Three faces for the youngest, five for everyone else (docs/design.md §4)."""
    return Scale.FACES3 if audience == "early-childhood" else Scale.FACES5


def extra_question(key: str) -> Question:
    """A follow-on question by key; raises ValueError for an unknown one."""
    if key not in EXTRA_QUESTIONS:
        raise ValueError(f"unknown question {key!r}; choose from {', '.join(EXTRA_QUESTIONS)}")
    return Question(key, EXTRA_QUESTIONS[key])

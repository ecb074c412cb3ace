"""Signals of possible harm in a child's comment (issue #29): maintained word lists per
language (signals.toml, data), and a round's "alert on every comment".

A signal says only that a professional should look at the comment the same day; it identifies
no one. A comment is checked against every language's lists, since a child on the Finnish page
may write in English.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from enum import StrEnum
from functools import cache
from pathlib import Path

_DATA = Path(__file__).with_name("signals.toml")


class Category(StrEnum):
    VIOLENCE_HOME = "violence_home"
    SEXUAL_ABUSE = "sexual_abuse"
    BULLYING = "bullying"
    SELF_HARM = "self_harm"  # and suicide
    SUBSTANCES = "substances"
    EVERY_COMMENT = "every_comment"  # the round's staff asked to see each comment at once


#: The categories that word lists find (every one but the round's own choice).
LISTED = tuple(c for c in Category if c is not Category.EVERY_COMMENT)


def fold(text: str) -> str:
    """`text` as it is matched: lower case, diacritics off ("Isä LYÖ" → "isa lyo"), each run of
    white space one space."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.split())


@cache
def patterns() -> dict[str, dict[Category, re.Pattern[str]]]:
    """Per language, one compiled pattern per category from signals.toml."""
    data = tomllib.loads(_DATA.read_text(encoding="utf-8"))
    return {
        lang: {
            Category(name): re.compile("|".join(f"(?:{fold(p)})" for p in listed))
            for name, listed in lists.items()
        }
        for lang, lists in data.items()
    }


def found(text: str, *, lang: str | None = None) -> tuple[Category, ...]:
    """The categories whose words `text` holds, in `Category` order: of `lang`'s lists only
    when given (the corpus test measures each language), else of every language's."""
    folded = fold(text)
    languages = [lang] if lang else list(patterns())
    hits = {
        category
        for language in languages
        for category, pattern in patterns()[language].items()
        if pattern.search(folded)
    }
    return tuple(c for c in LISTED if c in hits)


def for_comment(text: str, *, every_comment: bool) -> tuple[Category, ...]:
    """What an alert on this comment is about: the lists' categories, and `EVERY_COMMENT` for a
    round whose staff chose to see each comment at once; empty for no alert (or no comment)."""
    if not text:
        return ()
    listed = found(text)
    return (*listed, Category.EVERY_COMMENT) if every_comment and not listed else listed

"""User-facing text in Finnish, Swedish and English, looked up per call, never process-wide.

The texts live in `feedback/texts/`, one module per area, each text with its three languages side
by side so that a reviewer sees them together; a test fails when any language lacks one.
"""

from __future__ import annotations

import importlib
import pkgutil
from datetime import date

from feedback import texts

LANGUAGES = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"
LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}


def _merge(*parts: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for part in parts:
        clash = merged.keys() & part.keys()
        if clash:
            raise RuntimeError(f"text keys defined twice: {sorted(clash)}")
        merged |= part
    return merged


# Every module in feedback/texts/ is a catalogue; adding one needs no edit here.
CATALOG: dict[str, dict[str, str]] = _merge(
    *(
        importlib.import_module(f"{texts.__name__}.{module.name}").TEXTS
        for module in sorted(pkgutil.iter_modules(texts.__path__), key=lambda m: m.name)
    )
)


def t(key: str, lang: str, **values: object) -> str:
    """The text `key` in `lang` (falling back to Finnish), with `{name}` fields filled in."""
    entry = CATALOG[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def pick(texts: dict[str, str] | None, lang: str, *, original: str) -> tuple[str, bool]:
    """Choose from a plan text: `lang` if present, else the plan's `original` language.

    Returns the text and whether it is a translation made for this product (not the source's
    own words), so that the screen can say so.
    """
    if not texts:
        return "", False
    if lang in texts:
        return texts[lang], lang != original
    return texts[original], False


def normalise_language(value: object) -> str | None:
    """A supported language code from untrusted input (query string), or None."""
    if isinstance(value, str) and value.strip().lower() in LANGUAGES:
        return value.strip().lower()
    return None


def decimal(value: float, lang: str, digits: int = 1) -> str:
    """A number as its readers write it: a decimal comma in Finnish and Swedish."""
    text = f"{value:.{digits}f}"
    return text if lang == "en" else text.replace(".", ",")


def percent(share: float, lang: str) -> str:
    """A share 0–1 as a whole percentage, with the space Finnish and Swedish put before %."""
    number = round(share * 100)
    return f"{number}%" if lang == "en" else f"{number}\u00a0%"


def day(value: date, lang: str) -> str:
    """A date as its readers write it: 3.12.2026 in Finnish and Swedish, 3 Dec 2026 in English."""
    if lang == "en":
        return f"{value.day} {value:%b} {value.year}"
    return f"{value.day}.{value.month}.{value.year}"

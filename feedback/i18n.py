"""User-facing text in Finnish, Swedish and English, looked up per call, never process-wide.

The texts live in `feedback/texts/`, one module per area, each text with its three languages side
by side so that a reviewer sees them together; a test fails when any language lacks one.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from babel import Locale
from babel.dates import format_date, format_skeleton, get_day_names
from babel.numbers import format_decimal, format_percent

from feedback import texts


@dataclass(frozen=True)
class Language:
    """One language the product speaks: adding a language is one line in REGISTRY."""

    code: str  # ISO 639-1, as in ?lang= and in the stored rounds
    name: str  # in the language itself, as a speaker looks for it in a menu
    locale: str  # the CLDR locale whose numbers and dates its readers in Finland expect
    date_style: str = "short"  # CLDR's date length that reads as readers write a day
    direction: str = "ltr"  # "rtl" for Arabic script
    pdf_font: str = "DejaVu Sans"  # a family of pdftext.FONTS that has every letter needed
    reviewed: bool = True  # False while the translation is a draft no native speaker checked


#: Every language, in the order menus list them. Finland-Swedish (sv_FI) writes days as
#: 3.12.2026 as Finnish does; English uses British conventions ("3 Dec 2026", "1.5", "23%").
REGISTRY: dict[str, Language] = {
    language.code: language
    for language in (
        Language("fi", "Suomi", "fi_FI"),
        Language("sv", "Svenska", "sv_FI"),
        Language("en", "English", "en_GB", date_style="medium"),
    )
}
LANGUAGES = tuple(REGISTRY)
DEFAULT_LANGUAGE = "fi"
LANGUAGE_NAMES = {code: language.name for code, language in REGISTRY.items()}


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


def _locale(lang: str) -> Locale:
    return Locale.parse(REGISTRY[lang].locale)


def decimal(value: float, lang: str, digits: int = 1) -> str:
    """A number with `digits` decimals as its readers write it: "1,5", "1.5" in English."""
    return format_decimal(value, format=_pattern("#,##0", digits), locale=_locale(lang))


def percent(share: float, lang: str, digits: int = 0) -> str:
    """A share 0–1 as a percentage in the language's own pattern ("23 %", "23%")."""
    pattern = _pattern(_locale(lang).percent_formats[None].pattern, digits)
    return format_percent(share, format=pattern, locale=_locale(lang))


@cache
def _pattern(pattern: str, digits: int) -> str:
    # CLDR's pattern with exactly `digits` decimals: its last "0" becomes "0.00…".
    return re.sub(r"0(?=[^0]*$)", "0." + "0" * digits, pattern, count=1) if digits else pattern


def day(value: date, lang: str) -> str:
    """A date as its readers write it: 3.12.2026 in Finnish and Swedish, 3 Dec 2026 in English."""
    return format_date(value, REGISTRY[lang].date_style, locale=_locale(lang))


def month(value: str, lang: str) -> str:
    """A month "2026-03" as words: "maaliskuu 2026", "mars 2026", "March 2026"."""
    first = date.fromisoformat(f"{value}-01")
    return format_skeleton("yMMMM", first, locale=_locale(lang))


def weekday(index: int, lang: str) -> str:
    """A weekday's short name, 0 for Monday: "ma", "mån", "Mon"."""
    return get_day_names("abbreviated", context="stand-alone", locale=_locale(lang))[index]

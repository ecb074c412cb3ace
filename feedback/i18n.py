"""User-facing text and locale formatting in every language, looked up per call, never
process-wide.

The texts live in gettext catalogues (`feedback/locale/<code>/LC_MESSAGES/messages.po`, managed
with Babel): each text's key is its msgctxt, its English wording the msgid, so that a translator
in Poedit or Weblate sees the English source and the key stays the code's identifier
(docs/design.md, "Languages"). Numbers and dates come from CLDR through Babel.
"""

from __future__ import annotations

import gettext
import html
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_skeleton, get_day_names
from babel.messages.mofile import read_mo
from babel.numbers import format_decimal, format_percent


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
    staff: bool = True  # staff screens speak it too; False: respondent screens, privacy, posters


#: Every language, in the order menus list them. Finland-Swedish (sv_FI) writes days as
#: 3.12.2026 as Finnish does; English uses British conventions ("3 Dec 2026", "1.5", "23%").
REGISTRY: dict[str, Language] = {
    language.code: language
    for language in (
        Language("fi", "Suomi", "fi_FI"),
        Language("sv", "Svenska", "sv_FI"),
        Language("en", "English", "en_GB", date_style="medium"),
        # Machine-drafted for families (respondent screens, privacy notice, posters) until a
        # native speaker's review is recorded here.
        Language("uk", "Українська", "uk_UA", reviewed=False, staff=False),
        Language("ar", "العربية", "ar", direction="rtl", reviewed=False, staff=False),
    )
}
#: The languages of every screen, staff's included; a round's default.
LANGUAGES = tuple(code for code, language in REGISTRY.items() if language.staff)
#: Every language a round may offer its respondents, once its staff choose it.
ROUND_LANGUAGES = tuple(REGISTRY)
DEFAULT_LANGUAGE = "fi"
LANGUAGE_NAMES = {code: language.name for code, language in REGISTRY.items()}


#: The compiled catalogues: LOCALE_DIR/<code>/LC_MESSAGES/messages.mo, built from the .po
#: beside it by the install scripts (scripts/_env.sh), never committed.
LOCALE_DIR = Path(__file__).with_name("locale")
DOMAIN = "messages"


class CataloguesNotCompiled(RuntimeError):
    """A language's .mo is missing or older than its .po: it would show stale text."""


@dataclass(frozen=True)
class Catalogue:
    """One language's texts by key: a string, or a tuple of plural forms."""

    texts: dict[str, str | tuple[str, ...]]
    plural: Callable[[int], int]  # the index of the plural form for a count


def catalogue_path(lang: str, suffix: str = ".po") -> Path:
    """Where the catalogue of `lang` lives (`.po`, or the compiled `.mo`)."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


@cache
def catalogue(lang: str) -> Catalogue:
    """The compiled texts of `lang`; untranslated texts are absent."""
    compiled, source = catalogue_path(lang, ".mo"), catalogue_path(lang)
    if not compiled.exists() or compiled.stat().st_mtime < source.stat().st_mtime:
        raise CataloguesNotCompiled(
            f"{compiled} is missing or older than its .po: run "
            "`.venv/bin/pybabel compile -d feedback/locale` (scripts/run.sh and test.sh do)"
        )
    with compiled.open("rb") as file:
        messages = read_mo(file)
    texts = {m.context: _strings(m.string) for m in messages if m.context and m.string}
    # The plural rule of the catalogue's own header, which its forms were written for.
    return Catalogue(texts, gettext.c2py(messages.plural_expr))


def _strings(string: str | tuple[str, ...] | list[str]) -> str | tuple[str, ...]:
    return string if isinstance(string, str) else tuple(string)


#: The language a text missing in the asked one falls back to while a respondent's round is
#: drawn (its first language): per thread of a page run, never process-wide, so that each
#: of a respondent screen's many lookups need not carry the round.
_round_fallback: ContextVar[str] = ContextVar("round_fallback", default=DEFAULT_LANGUAGE)


@contextmanager
def falling_back_to(lang: str) -> Iterator[None]:
    """Within the block, a text missing in the asked language comes in `lang` (a round's
    first language) before Finnish."""
    token = _round_fallback.set(lang)
    try:
        yield
    finally:
        _round_fallback.reset(token)


def _lookup(key: str, lang: str, fallback: str | None) -> tuple[str, str | tuple[str, ...]]:
    # A partly translated language shows each missing text in `fallback` (the round's first
    # language, given or set by falling_back_to), then in Finnish, the product's own.
    fallback = fallback or _round_fallback.get()
    for code in dict.fromkeys((lang, fallback, DEFAULT_LANGUAGE)):
        found = catalogue(code).texts.get(key)
        if found:
            return code, found
    raise KeyError(key)


def t(key: str, lang: str, *, fallback: str | None = None, **values: object) -> str:
    """The text `key` in `lang` (else in `fallback` or the round's first language, else
    Finnish), `{name}` fields filled in."""
    _, text = _lookup(key, lang, fallback)
    if not isinstance(text, str):
        raise TypeError(f"{key} has plural forms: use tn()")
    return text.format(**values) if values else text


def tn(key: str, count: int, lang: str, *, fallback: str | None = None, **values: object) -> str:
    """The text `key` in the plural form for `count` ("1 vastaus", "2 vastausta"), with
    `{n}` filled in by `count` unless given, and the other fields by `values`."""
    code, forms = _lookup(key, lang, fallback)
    if isinstance(forms, str):
        raise TypeError(f"{key} has no plural forms: use t()")
    index = catalogue(code).plural(count)
    return forms[min(index, len(forms) - 1)].format(**{"n": count, **values})


def coverage(lang: str) -> float:
    """The share of the product's texts (those of English, the catalogues' source) that `lang`
    has translated."""
    source = catalogue("en").texts
    return len(source.keys() & catalogue(lang).texts.keys()) / len(source)


def side_by_side(langs: tuple[str, ...] = LANGUAGES) -> str:
    """Every text in `langs` side by side, as an HTML page for a reviewer: one row per key,
    plural forms joined by " / ", a missing translation marked. Texts are escaped."""
    rows = []
    for key in sorted(catalogue("en").texts):
        cells = []
        for lang in langs:
            found = catalogue(lang).texts.get(key)
            text = " / ".join(found) if isinstance(found, tuple) else found
            cells.append(
                f'<td lang="{lang}" dir="{REGISTRY[lang].direction}">{html.escape(text)}</td>'
                if text
                else '<td class="missing">—</td>'
            )
        rows.append(f"<tr><th>{html.escape(key)}</th>{''.join(cells)}</tr>")
    heads = "".join(f"<th>{html.escape(REGISTRY[lang].name)} ({lang})</th>" for lang in langs)
    return (
        '<!doctype html><html lang="en"><meta charset="utf-8"><title>Texts side by side</title>'
        "<style>td,th{border:1px solid #ccc;padding:4px;vertical-align:top;text-align:start}"
        "table{border-collapse:collapse}.missing{background:#fee2e2}</style>"
        f"<table><thead><tr><th>key</th>{heads}</tr></thead><tbody>{''.join(rows)}</tbody>"
        "</table></html>\n"
    )


def pick(texts: dict[str, str] | None, lang: str, *, original: str) -> tuple[str, bool]:
    """Choose from a plan text: `lang` if present, else the plan's `original` language.

    Returns the text and whether it is a translation made for this product (not the source's
    own words), so that the screen can say so.
    """
    if not texts:
        return "", False
    chosen = picked_language(texts, lang, original=original)
    return texts[chosen], chosen != original


def picked_language(texts: dict[str, str] | None, lang: str, *, original: str) -> str:
    """The language of the text `pick` chooses: `lang` where the plan has it, else `original`."""
    return lang if texts and lang in texts else original


def language_label(code: str, lang: str) -> str:
    """A language's own name for a menu, marked as a draft (in `lang`) until it is reviewed."""
    language = REGISTRY[code]
    return (
        language.name
        if language.reviewed
        else f"{language.name} ({t('language.draft_short', lang)})"
    )


def normalise_language(value: object) -> str | None:
    """A supported language code from untrusted input (query string), or None."""
    if isinstance(value, str) and value.strip().lower() in ROUND_LANGUAGES:
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

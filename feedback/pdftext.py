"""Text for the PDFs (posters, slips, council report) in an embedded Unicode font.

The fonts come from Debian's fonts-dejavu-core (scripts/run.sh installs it): DejaVu Sans has
every letter of the registry's languages, Northern Sámi's ŋ đ ŧ and Arabic's joined forms
included. fpdf2 embeds only the glyphs used, and shapes the text with HarfBuzz, so that Arabic
letters join and run right to left.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF

from feedback import i18n

#: The name under which every document registers its first language's font: callers say
#: `pdf.set_font(FONT, "B", 12)` whatever the language.
FONT = "text"
_DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
#: Font families by the name the language registry uses, each with a file per style.
FONTS = {
    "DejaVu Sans": {"": _DEJAVU / "DejaVuSans.ttf", "B": _DEJAVU / "DejaVuSans-Bold.ttf"},
}

# A fixed date keeps the bytes the same for the same content: a re-printed poster is the same
# file, and the real date would say nothing a person needs.
CREATION_DATE = datetime(2000, 1, 1, tzinfo=UTC)

# Characters no font has that have an obvious look-alike.
_LOOKALIKES = {"\u2010": "-", "\u2011": "-", "\u2212": "-", "\u2032": "'", "\u2033": '"'}


def document(langs: Sequence[str], *, title: str) -> FPDF:
    """An A4 portrait PDF whose FONT writes every letter of `langs` (the first one's font,
    the others' as fallbacks), titled, dated CREATION_DATE and tagged with the first language."""
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    families = list(dict.fromkeys(i18n.REGISTRY[lang].pdf_font for lang in langs))
    for alias, family in [(FONT, families[0]), *((f, f) for f in families[1:])]:
        for style, path in FONTS[family].items():
            pdf.add_font(alias, style, str(path))
    if len(families) > 1:
        pdf.set_fallback_fonts(families[1:])
    pdf.set_text_shaping(True)
    pdf.set_lang(langs[0])
    pdf.set_creation_date(CREATION_DATE)
    pdf.set_creator("welfare-feedback")
    pdf.set_title(printable(title))
    return pdf


def printable(text: str) -> str:
    """`text` as the fonts can print it, without control characters.

    Admin-provided text is printed literally; only characters that would print as nothing or
    garbage (controls, bidi overrides, zero-width marks, characters no font has) are replaced.
    """
    lines = []
    for raw in unicodedata.normalize("NFC", text).splitlines():
        kept = "".join(
            " " if ch.isspace() else ch
            for ch in raw
            if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cf", "Co", "Cs")
        )
        lines.append(" ".join(kept.split()))
    cleaned = "\n".join(line for line in lines if line)
    return "".join(_drawable(ch) for ch in cleaned)


def _drawable(ch: str) -> str:
    covered = _covered()
    if ord(ch) in covered or ch == "\n":
        return ch
    if ch in _LOOKALIKES:
        return _LOOKALIKES[ch]
    # A letter with a mark no font has: the base letter reads better than a gap.
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if ord(c) in covered)
    return base or "?"


@cache
def _covered() -> frozenset[int]:
    """The characters that every style of every font has a glyph for."""
    styles = [
        set(TTFont(path).getBestCmap()) for fonts in FONTS.values() for path in fonts.values()
    ]
    return frozenset(set.intersection(*styles))

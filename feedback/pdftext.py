"""Text for the PDFs (posters, council report) in the core fonts, which need no font file.

The 14 core PDF fonts need no font file and no system package. Their WinAnsi encoding is cp1252,
which holds ä, ö, å, en dashes and typographic quotes; anything else is mapped to a look-alike.
"""

from __future__ import annotations

import unicodedata

FONT = "Helvetica"
FONT_ENCODING = "cp1252"

# Characters outside cp1252 that have an obvious look-alike inside it.
_LOOKALIKES = {
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2012": "–",  # figure dash
    "\u2015": "—",  # horizontal bar
    "\u2212": "-",  # minus sign
    "\u2032": "'",  # prime
    "\u2033": '"',  # double prime
    "\u2192": "->",
    "\u2190": "<-",
    "\u2264": "<=",
    "\u2265": ">=",
}


def printable(text: str) -> str:
    """`text` as the core fonts can print it, without control characters.

    Admin-provided text is printed literally; only characters that would print as nothing or
    garbage (controls, bidi overrides, zero-width marks, letters outside cp1252) are replaced.
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
    return "".join(_encodable(ch) for ch in cleaned)


def _encodable(ch: str) -> str:
    try:
        ch.encode(FONT_ENCODING)
    except UnicodeEncodeError:
        pass
    else:
        return ch
    if ch in _LOOKALIKES:
        return _LOOKALIKES[ch]
    # č -> c, ŋ -> ?: the base letter reads better than a gap.
    base = unicodedata.normalize("NFKD", ch).encode(FONT_ENCODING, errors="ignore")
    return base.decode(FONT_ENCODING) or "?"

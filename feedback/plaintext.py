"""Text that people type, as it is kept: NFC, without control characters or the bidirectional
overrides that make a text read differently from what it is (a comment, a plan's titles, a
round's subject, "you said, we did", a kiosk's name)."""

from __future__ import annotations

import re
import unicodedata

# Bidirectional overrides and isolates can make a text read differently from what it is.
_BIDI_CONTROLS = dict.fromkeys(
    [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)


#: An address mail can be sent to: one @, a dot in the domain, nothing that would split a header.
_EMAIL = re.compile(r"[^@\s<>,;\"']+@[^@\s<>,;\"']+\.[^@\s<>,;\"'.]+")


class InvalidEmail(ValueError):
    """Not an e-mail address mail can go to."""


def email(text: str) -> str:
    """`text` trimmed if it is an e-mail address mail can go to, else `InvalidEmail`: the one
    check of every address the app sends mail to (alert contacts, admins, a round's owner)."""
    address = str(text).strip()
    if not _EMAIL.fullmatch(address):
        raise InvalidEmail(address)
    return address


def clean_text(text: str) -> str:
    """`text` as it is kept: NFC, without control or bidirectional-override characters (nor
    lone surrogates, which cannot be stored as UTF-8); at most one empty line in a row."""
    kept = "".join(
        c
        for c in str(text).translate(_BIDI_CONTROLS)
        if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cs")
    )
    kept = re.sub(r"\n{3,}", "\n\n", kept.replace("\t", " ")).strip()
    # Last: removing a character can leave combining marks out of canonical order.
    return unicodedata.normalize("NFC", kept)


def one_line(text: str) -> str:
    """`clean_text` on one line: every run of white space (newlines too) one space."""
    return " ".join(clean_text(text).split())

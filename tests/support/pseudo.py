"""A pseudo-locale: every text of the catalogues wrapped in ⟦ ⟧ and 40 % longer, so that a
screen shows at once any text that does not come through them, and how it bears longer ones."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from feedback import i18n

OPEN, CLOSE = "⟦", "⟧"
_FIELD = re.compile(r"(\{[^{}]*\})")


def pseudo(text: str) -> str:
    """`text` wrapped and lengthened by 40 %, its `{fields}` kept as they are."""
    longer = "".join(
        part if _FIELD.fullmatch(part) else part + "~" * (len(part) * 2 // 5)
        for part in _FIELD.split(text)
    )
    return f"{OPEN}{longer}{CLOSE}"


def catalogue(real=i18n.catalogue):
    """A stand-in for `i18n.catalogue` whose every language speaks the pseudo-locale."""

    def pseudo_catalogue(lang: str) -> i18n.Catalogue:
        found = real(lang)
        texts = {
            key: pseudo(value) if isinstance(value, str) else tuple(map(pseudo, value))
            for key, value in found.texts.items()
        }
        return i18n.Catalogue(texts, found.plural)

    return pseudo_catalogue


class _Texts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("style", "script")

    def handle_endtag(self, tag):
        self._skip -= tag in ("style", "script")

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.texts.append(data.strip())


def untranslated(page: str, *, allowed: set[str]) -> list[str]:
    """The texts a person sees on the HTML `page` that no catalogue gave, other than `allowed`
    (a plan's or a round's own words, language names) and bare numbers or punctuation."""
    parser = _Texts()
    parser.feed(page)
    return [
        text
        for text in parser.texts
        if OPEN not in text and text not in allowed and re.search(r"[^\W\d_]", text)
    ]

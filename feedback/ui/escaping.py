"""Show user and admin text as text: never as HTML, never as Markdown that could run or fetch."""

from __future__ import annotations

import html
import json
import re

from feedback import i18n

# Every character that Markdown (CommonMark + Streamlit's extensions) gives a meaning to.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&\"'])")
# GFM links bare addresses (http://…, www.…, name@host.fi) after parsing, escaped or not; a word
# joiner (invisible, no line break) where the address starts keeps it text, not a live link.
_AUTOLINK = re.compile(r"https?(?=:)|www(?=\.)|(?=@)", re.IGNORECASE)
WORD_JOINER = "\u2060"


def plain(text: str) -> str:
    """`text` escaped so that `st.markdown`, `st.header` and friends show it literally."""
    text = _AUTOLINK.sub(lambda m: m.group(0) + WORD_JOINER, " ".join(str(text).split()))
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def in_language(text: str, code: str, *, tag: str = "p", css_class: str = "") -> str:
    """`text` as HTML text (escaped) in a `tag` marked with its language `code` (one of the
    registry's) and that language's direction: a plan's own words on a page in another
    language, which a screen reader then reads in their own language (WCAG 3.1.2)."""
    direction = i18n.REGISTRY[code].direction
    attributes = f' class="{css_class}"' if css_class else ""
    return f'<{tag} lang="{code}" dir="{direction}"{attributes}>{html.escape(text)}</{tag}>'


def script_json(value: object) -> str:
    """`value` as JSON to write inside a <script> element: `<`, `>` and `&` as \\u escapes, so
    that no text in it (a translation, say) can end the element or open another."""
    return (
        json.dumps(value, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )

"""Show user and admin text as text: never as HTML, never as Markdown that could run or fetch."""

from __future__ import annotations

import re

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

"""Show user and admin text as text: never as HTML, never as Markdown that could run or fetch."""

from __future__ import annotations

import re

# Every character that Markdown (CommonMark + Streamlit's extensions) gives a meaning to.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&\"'])")


def plain(text: str) -> str:
    """`text` escaped so that `st.markdown`, `st.header` and friends show it literally."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))

"""What a downloaded document says, read back as a person would read it."""

from __future__ import annotations

import io

import pypdf


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)

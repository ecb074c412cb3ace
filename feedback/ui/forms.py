"""Reading a posted form without letting any request fill the memory."""

from __future__ import annotations

from urllib.parse import parse_qsl

from starlette.datastructures import FormData
from starlette.requests import Request


async def read_small(request: Request, *, max_bytes: int, max_fields: int = 64) -> FormData | None:
    """The sent form (URL-encoded, as the app's own pages send it), or None when it is too big:
    at most `max_bytes` are read whatever the headers say."""
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > max_bytes:
            return None
    try:
        fields = parse_qsl(
            body.decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=max_fields
        )
    except ValueError:  # more fields than any of the forms has
        return None
    return FormData(fields)

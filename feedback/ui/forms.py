"""Reading a posted form without letting any request fill the memory, and telling a form sent
from another site's page from one of this app's own."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from starlette.datastructures import FormData
from starlette.requests import Request

from feedback import settings


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


def from_another_site(request: Request) -> bool:
    """Whether a posted form came from another site's page: the browser says so in
    `Sec-Fetch-Site` (anything but `same-origin`, or `none` for what the person did
    themselves) or in an `Origin` that is not this app's (FEEDBACK_BASE_URL, or the address
    the request was sent to). A request with neither header (an old browser) is not refused
    for that alone. `Origin: null` says nothing: the app's own pages send it, since their
    `Referrer-Policy: no-referrer` makes a browser hide the origin of a form it posts."""
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return True
    origin = request.headers.get("origin", "null")
    return origin != "null" and origin not in _own_origins(request)


def _own_origins(request: Request) -> set[str]:
    base = urlsplit(settings.base_url())
    host = request.headers.get("host", "")
    # The scheme of the request itself may be http behind a proxy that ends TLS.
    return {f"{base.scheme}://{base.netloc}", f"http://{host}", f"https://{host}"}

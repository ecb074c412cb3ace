"""How the server delivers pages: compressed once and kept, with a public service's headers.

Streamlit serves its static bundles and its page document uncompressed (2.74 MB for a bare
page), because gzipping them on every request would cost CPU each time. Compressing each distinct
file once and keeping the result gives a phone the 1 MB version at no recurring cost.
"""

from __future__ import annotations

import gzip
import hashlib
from collections import OrderedDict

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml")
#: Bodies kept compressed, at most (bytes of gzip output). Streamlit's bundles gzip to ~1 MB.
CACHE_BYTES = 32 * 1024 * 1024
_LARGEST_BODY = 16 * 1024 * 1024
_MINIMUM_SIZE = 512
#: Downloads and Streamlit's own endpoints are left to Streamlit, which compresses what it may.
_PASSED_ON = ("/media/", "/_stcore/")

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "SAMEORIGIN",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    # Streamlit's own pages need inline scripts and styles; what can be closed is closed:
    # no image, media or connection from another host (text that slipped through as Markdown
    # could not even load a picture), no form sent elsewhere.
    "Content-Security-Policy": (
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'; "
        "img-src 'self' data: blob:; media-src 'self' data: blob:; connect-src 'self'"
    ),
}
HSTS = "max-age=31536000"


class CompressOnce:
    """Gzip the static bundles and page documents that Streamlit sends uncompressed, once per
    distinct body, and serve the kept bytes afterwards."""

    def __init__(self, app: ASGIApp, *, cache_bytes: int = CACHE_BYTES) -> None:
        self.app = app
        self.cache_bytes = cache_bytes
        self._kept: OrderedDict[bytes, bytes] = OrderedDict()
        self._kept_bytes = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _wants_gzip(scope):
            await self.app(scope, receive, send)
            return
        start: Message = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    await self._respond(scope, start, b"".join(chunks), send)
            else:  # pragma: no cover - trailers and the like pass through
                await send(message)

        await self.app(scope, receive, capture)

    async def _respond(self, scope: Scope, start: Message, body: bytes, send: Send) -> None:
        headers = MutableHeaders(raw=list(start.get("headers", [])))
        if not _compressible(start["status"], headers, body):
            await send(start)
            await send({"type": "http.response.body", "body": body})
            return
        compressed = self._compressed(body)
        headers["Content-Encoding"] = "gzip"
        headers["Content-Length"] = str(len(compressed))
        headers.add_vary_header("Accept-Encoding")
        await send({**start, "headers": headers.raw})
        payload = b"" if scope["method"] == "HEAD" else compressed
        await send({"type": "http.response.body", "body": payload})

    def _compressed(self, body: bytes) -> bytes:
        key = hashlib.blake2b(body, digest_size=16).digest()
        kept = self._kept.get(key)
        if kept is not None:
            self._kept.move_to_end(key)
            return kept
        kept = gzip.compress(body, compresslevel=9, mtime=0)
        self._kept[key] = kept
        self._kept_bytes += len(kept)
        while self._kept_bytes > self.cache_bytes and len(self._kept) > 1:
            _, dropped = self._kept.popitem(last=False)
            self._kept_bytes -= len(dropped)
        return kept


def _wants_gzip(scope: Scope) -> bool:
    if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
        return False
    if scope["path"].startswith(_PASSED_ON):
        return False
    headers = Headers(scope=scope)
    return "gzip" in headers.get("accept-encoding", "") and "range" not in headers


def _compressible(status: int, headers: MutableHeaders, body: bytes) -> bool:
    return (
        status == 200
        and "content-encoding" not in headers
        and headers.get("content-type", "").startswith(COMPRESSIBLE)
        and _MINIMUM_SIZE <= len(body) <= _LARGEST_BODY
    )


#: Streamlit's endpoints that are not the public's business, and all under them: its metrics
#: count sessions and cached data as they happen (a kiosk's answers could be watched as they
#: came in); its agent API (off unless `server.enableAgentApi` is set, as an environment
#: variable can set it) drives the pages over plain HTTP, around the websocket's guards.
CLOSED_PATHS = ("/_stcore/metrics", "/_stcore/agent")


def _closed(path: str) -> bool:
    return any(path == closed or path.startswith(closed + "/") for closed in CLOSED_PATHS)


class ClosedPaths:
    """Answer 404 for `CLOSED_PATHS`, whoever asks (the reference nginx closes them too)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and _closed(scope["path"]):
            await PlainTextResponse("Not Found", status_code=404)(scope, receive, send)
            return
        await self.app(scope, receive, send)


class SecurityHeaders:
    """The headers of a public service on every HTTP response (a page's own CSP is kept)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)  # a page's own policy is kept
                if scope.get("scheme") == "https":
                    headers.setdefault("Strict-Transport-Security", HSTS)
            await send(message)

        await self.app(scope, receive, with_headers)

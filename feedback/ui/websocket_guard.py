"""Bounds on what anonymous websocket sessions can make this process hold (issue #25).

Anyone who can load `/respond` can open Streamlit sessions without an account. Streamlit keeps
every widget value a browser sends in the session's state, whatever its size, and keeps a closed
session's state for reconnection (up to 128 sessions for two minutes): 40 sessions that each sent
one 20 MB radio value grew the process by 2.6 GB, 2.4 GB of it kept after they closed
(benchmarks/README.md). `server.maxMessageSize = 1` (.streamlit/config.toml) refuses messages
above 1 MB before they are buffered; this ASGI middleware sits in front of Streamlit's websocket
endpoint and

- drops the messages a developer's tools send (`REFUSED_TYPES`): a stranger's `clear_cache`
  emptied every cache of the process, for every user;
- drops a widget value larger than `MAX_VALUE_BYTES` from each incoming rerun before Streamlit
  parses it into session state (the widget then reads as never touched; nothing the app asks
  for comes near: a comment is 500 characters, a plan text ~600 bytes);
- closes a connection whose message is larger than `MAX_MESSAGE_BYTES`, so that the values
  of one rerun cannot add up to the megabyte either;
- refuses new sessions once the process holds `settings.max_sessions()`, and then answers the
  Streamlit pages with a "busy, try again in a moment" page before their websocket opens;
- slows the new sessions of one client address (a token bucket: a school class's burst, then
  one a second, `settings.new_sessions_burst/per_minute`): every new session runs the page once,
  and 400 of them opened as fast as one client could made an ordinary child's answers 2.8×
  slower though none of them held memory (benchmarks/README.md). A client past its pace gets
  the busy page too; and paces the messages of one client address's sessions (each runs a page
  once: a stranger sending the sign-in form 77 times a second kept a core 63 % busy): past its
  burst a message waits its turn before Streamlit sees it, so nothing is lost and an ordinary
  visitor never notices. Connections from this machine that no proxy forwarded are not slowed.

It hooks public names only, checked on Streamlit 1.67.0: the websocket path `/_stcore/stream`
(`starlette_websocket._ROUTE_WEBSOCKET_STREAM`), the ASGI `websocket.receive` message with the
binary frame in `bytes`, and the protobuf `BackMsg.rerun_script.widget_states.widgets`
(tests/test_websocket_guard.py fails if Streamlit changes any of them).
"""

from __future__ import annotations

import asyncio
import logging
import time

from google.protobuf.message import DecodeError
from starlette.datastructures import QueryParams
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from streamlit.proto.BackMsg_pb2 import BackMsg

from feedback import i18n, settings
from feedback.buckets import TokenBuckets
from feedback.ui import answer_page, clients

log = logging.getLogger(__name__)

#: Streamlit's websocket endpoint (the app sets no `server.baseUrlPath`).
STREAM_PATH = "/_stcore/stream"
#: The largest widget value kept, as its encoded protobuf (bytes): a 500-character comment is
#: at most 2 KB of UTF-8, a multiselect of every actor a few KB.
MAX_VALUE_BYTES = 16_384
#: The largest message a browser may send: a rerun carries the values of the widgets on screen,
#: each far below MAX_VALUE_BYTES.
MAX_MESSAGE_BYTES = 262_144
#: Code 1009 "message too big", as Streamlit closes; 1013 "try again later" when full.
TOO_BIG, TRY_AGAIN_LATER = 1009, 1013
#: The Streamlit pages (the front page and pages/*.py), which open a session when loaded.
PAGE_PATHS = frozenset({"/", *(f"/{page.stem}" for page in settings.PAGES_DIR.glob("*.py"))})


#: Messages no page of this app sends, which act on the whole process or on a developer's
#: tools: `clear_cache` empties every cache for every user (Streamlit offers it in its
#: developer menu), `set_run_on_save` and `load_git_info` serve a developer's editor.
REFUSED_TYPES = frozenset(
    {
        "clear_cache",
        "set_run_on_save",
        "load_git_info",
        "debug_disconnect_websocket",
        "debug_shutdown_runtime",
    }
)


def admitted(data: bytes) -> bytes | None:
    """The BackMsg `data` as Streamlit may see it: None for a kind in `REFUSED_TYPES`, else
    with each widget value above `MAX_VALUE_BYTES` left out; anything else unchanged."""
    msg = BackMsg()
    try:
        msg.ParseFromString(data)
    except DecodeError:
        return data  # Streamlit closes the connection on it (code 1002)
    kind = msg.WhichOneof("type")
    if kind in REFUSED_TYPES:
        return None
    if kind != "rerun_script" or len(data) <= MAX_VALUE_BYTES:
        return data
    widgets = msg.rerun_script.widget_states.widgets
    oversized = [i for i, widget in enumerate(widgets) if widget.ByteSize() > MAX_VALUE_BYTES]
    if not oversized:
        return data
    for i in reversed(oversized):
        del widgets[i]
    log.warning("dropped %d oversized widget values from a rerun", len(oversized))
    return msg.SerializeToString()


class WebsocketGuard:
    """Counts this process's open sessions, refuses new ones when full, and filters what the
    open ones send (see the module's docstring)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.sessions = 0
        self.max_sessions = settings.max_sessions()
        self.new_sessions = TokenBuckets()
        self.pace = {
            "burst": settings.new_sessions_burst(),
            "per_minute": settings.new_sessions_per_minute(),
        }
        self.refused_since_logged = 0
        self.messages = TokenBuckets()
        per_minute = settings.reruns_per_minute()
        self.message_pace = {"burst": per_minute / 10, "per_minute": per_minute}

    @property
    def full(self) -> bool:
        return self.sessions >= self.max_sessions

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket" and scope["path"] == STREAM_PATH:
            await self._session(scope, receive, send)
        elif scope["type"] == "http" and _is_page(scope) and (self.full or self._too_fast(scope)):
            lang = QueryParams(scope.get("query_string", b"")).get("lang", "")
            lang = i18n.normalise_language(lang) or i18n.DEFAULT_LANGUAGE
            await answer_page.busy(lang)(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    def _client(self, scope: Scope) -> str | None:
        """The network `scope` comes from, or None for this machine (not slowed)."""
        direct = (scope.get("client") or (None,))[0]
        forwarded = next(
            (v.decode("latin-1") for k, v in scope["headers"] if k == b"x-forwarded-for"), None
        )
        if clients.is_local(direct, forwarded):
            return None
        return clients.network(clients.address(direct, forwarded))

    def _too_fast(self, scope: Scope, *, take: bool = False) -> bool:
        client = self._client(scope)
        if client is None:
            return False
        if take:
            return not self.new_sessions.take(client, now=time.monotonic(), **self.pace)
        return self.new_sessions.empty(client, now=time.monotonic(), **self.pace)

    async def _session(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.full or self._too_fast(scope, take=True):
            # One line per 100 refusals at most: a flood must not become a flood of log lines.
            if self.refused_since_logged % 100 == 0:
                log.warning(
                    "refused a session (%d open, at most %d; or its client opens them too fast)",
                    self.sessions,
                    self.max_sessions,
                )
            self.refused_since_logged += 1
            await send({"type": "websocket.close", "code": TRY_AGAIN_LATER})
            return

        client = self._client(scope)

        async def filtered() -> Message:
            while True:
                message = await receive()
                data = message.get("bytes") if message["type"] == "websocket.receive" else None
                if data is None:
                    return message
                if len(data) > MAX_MESSAGE_BYTES:
                    log.warning("closed a session that sent a message of %d bytes", len(data))
                    await send({"type": "websocket.close", "code": TOO_BIG})
                    return {"type": "websocket.disconnect", "code": TOO_BIG}
                if client is not None:
                    await asyncio.sleep(
                        self.messages.wait(client, now=time.monotonic(), **self.message_pace)
                    )
                kept = admitted(data)
                if kept is not None:  # a refused kind is never seen by Streamlit
                    return {**message, "bytes": kept}

        self.sessions += 1
        try:
            await self.app(scope, filtered, send)
        finally:
            self.sessions -= 1


def _is_page(scope: Scope) -> bool:
    path = scope["path"].rstrip("/") or "/"
    return scope["method"] in ("GET", "HEAD") and path in PAGE_PATHS

"""Request bodies: received within a time limit, and a client that hangs up mid-body costs one
log line a minute at most.

A client that claimed a large Content-Length and sent 5 bytes was waited for without limit
(1,000 such requests were all held open), and each client that hung up mid-POST made a 61-line
traceback: 2,000 in 4.5 s wrote 12 MB (issue #25).
"""

from __future__ import annotations

import asyncio
import logging
import time

from starlette.requests import ClientDisconnect
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from feedback import settings

log = logging.getLogger(__name__)
#: At most one line per this many seconds about clients that hung up or were too slow.
LOG_EVERY_SECONDS = 60.0


class _TooSlow(Exception):
    """The body did not arrive within the time limit."""


class BoundedBodies:
    """Give each HTTP request `settings.body_seconds()` to send its whole body, answer 408 when
    it does not, and note hang-ups quietly. Once the body is in, waiting for the client (as a
    streamed reply does) is not limited."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._quiet_until = 0.0
        self._unlogged = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        deadline = time.monotonic() + settings.body_seconds()
        body_done = False
        started = False

        async def timed_receive() -> Message:
            nonlocal body_done
            if body_done:
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), deadline - time.monotonic())
            except TimeoutError:
                raise _TooSlow from None
            if message["type"] != "http.request" or not message.get("more_body", False):
                body_done = True
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, timed_receive, watched_send)
        except (ClientDisconnect, _TooSlow) as error:
            self._note(scope, "too slow" if isinstance(error, _TooSlow) else "hung up")
            if isinstance(error, _TooSlow) and not started:
                await PlainTextResponse("Request Timeout", status_code=408)(scope, receive, send)

    def _note(self, scope: Scope, what: str) -> None:
        """One line a minute at most, without the path (an answer's address is not logged)."""
        now = time.monotonic()
        if now < self._quiet_until:
            self._unlogged += 1
            return
        log.info(
            "a client %s while sending a %s (and %d more since)",
            what,
            scope["method"],
            self._unlogged,
        )
        self._quiet_until = now + LOG_EVERY_SECONDS
        self._unlogged = 0

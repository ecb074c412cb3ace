"""The web server around the Streamlit app: the featherweight answer page, compressed delivery,
security headers, the bounds on websocket sessions and the memory guard, all in the one process
(`streamlit run app.py`)."""

from __future__ import annotations

import logging
import os
import socket
import stat
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.middleware import Middleware
from starlette.routing import BaseRoute

from feedback import settings
from feedback.memory import MemoryGuard
from feedback.rounds import alert_mail
from feedback.staff import sso
from feedback.ui import (
    answer_page,
    audio,
    bodies,
    delivery,
    kiosk_enrolment,
    media_guard,
    provider_trip,
    session_cookie,
    websocket_guard,
)

log = logging.getLogger(__name__)

#: Set once this process serves the app through app.py (its lifespan has begun).
_serving = threading.Event()


def routes() -> list[BaseRoute]:
    return [
        *answer_page.routes(),
        *audio.routes(),
        *session_cookie.routes(),
        *kiosk_enrolment.routes(),
    ]


def middleware() -> list[Middleware]:
    """Outermost first: the headers go on every reply, compressed or not."""
    return [
        Middleware(delivery.SecurityHeaders),
        Middleware(delivery.ClosedPaths),
        Middleware(media_guard.StaffFiles),
        Middleware(bodies.BoundedBodies),
        Middleware(delivery.CompressOnce),
        Middleware(provider_trip.ProviderReturn),
        Middleware(websocket_guard.WebsocketGuard),
    ]


def secrets() -> dict | None:
    """Streamlit's own secrets: the `[auth]` table that `st.login` reads, taken from the
    secrets file (outside the repository), where single sign-on is set up."""
    return sso.streamlit_secrets()


@asynccontextmanager
async def lifespan(_app: object) -> AsyncIterator[None]:
    """Streamlit's collection after every rerun is off (.streamlit/config.toml); the guard keeps
    the process bounded instead. Replies go out without Nagle's delay (`send_without_delay`).
    The safeguarding sender runs beside them (`alert_mail.Sender`)."""
    log.debug("TCP_NODELAY set on %d listening sockets", send_without_delay())
    guard = MemoryGuard(growth_mb=settings.memory_growth_mb())
    guard.start()
    # Safeguarding alerts go out from every replica (each alert once): docs/operations.md.
    sender = alert_mail.Sender(settings.store())
    sender.start()
    _serving.set()
    try:
        yield
    finally:
        sender.stop()
        guard.stop()


def started_without_app() -> bool:
    """Whether this process was started as `streamlit run streamlit_app.py`: it would serve the
    pages without the answer page, the cookie route, compression, security headers, the
    bounds on websocket sessions or the memory guard (and with Streamlit's collection after
    each rerun off). AppTest runs pages with no server at all, and is not that."""
    from streamlit import config

    return config._main_script_path is not None and not _serving.is_set()


def send_without_delay() -> int:
    """Turn Nagle's algorithm off on this process's listening TCP sockets, so that the
    connections accepted from them send each reply at once; returns how many it turned off.

    asyncio turns it off itself only on sockets whose protocol number is IPPROTO_TCP, and
    Streamlit binds its listening socket as `socket.socket(family)`, whose number reads 0. On a
    kept-alive connection every reply after the first then waited for the client's delayed
    acknowledgement: 45 ms for a request that takes 4 (benchmarks/README.md, capacity.py).
    Accepted sockets inherit the option from the listening one (Linux); where /proc/self/fd
    does not exist this does nothing.
    """
    try:
        descriptors = [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:
        return 0
    turned_off = 0
    for fd in descriptors:
        try:
            if not stat.S_ISSOCK(os.fstat(fd).st_mode):
                continue
            with socket.socket(fileno=os.dup(fd)) as sock:  # closing the copy keeps the original
                if (
                    sock.family in (socket.AF_INET, socket.AF_INET6)
                    and sock.type == socket.SOCK_STREAM
                    and sock.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN)
                ):
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    turned_off += 1
        except OSError:  # closed meanwhile, or not a socket this can look at
            continue
    return turned_off

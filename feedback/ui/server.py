"""The web server around the Streamlit app: the featherweight answer page, compressed delivery,
security headers and the memory guard, all in the one process (`streamlit run app.py`)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.middleware import Middleware
from starlette.routing import BaseRoute

from feedback import settings
from feedback.memory import MemoryGuard
from feedback.ui import answer_page, delivery, session_cookie


def routes() -> list[BaseRoute]:
    return [*answer_page.routes(), *session_cookie.routes()]


def middleware() -> list[Middleware]:
    """Outermost first: the headers go on every reply, compressed or not."""
    return [Middleware(delivery.SecurityHeaders), Middleware(delivery.CompressOnce)]


@asynccontextmanager
async def lifespan(_app: object) -> AsyncIterator[None]:
    """Streamlit's collection after every rerun is off (.streamlit/config.toml); the guard keeps
    the process bounded instead."""
    guard = MemoryGuard(growth_mb=settings.memory_growth_mb())
    guard.start()
    try:
        yield
    finally:
        guard.stop()

"""The route a tablet opens to become a kiosk: staff's single-use enrolment link is exchanged
for the kiosk cookie (HttpOnly, SameSite=Strict, Secure over HTTPS), set by the server, and the
tablet goes on to the round's respondent page (feedback.rounds.kiosk)."""

from __future__ import annotations

import logging
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from feedback import i18n, settings, storage
from feedback.rounds import kiosk
from feedback.staff import auth
from feedback.ui import session_cookie

log = logging.getLogger(__name__)


def routes() -> list[Route]:
    return [Route(kiosk.ENROL_PATH, enrol, methods=["GET"])]


async def enrol(request: Request) -> Response:
    """Make this browser the kiosk that the link's token names, once; any other link (used,
    expired, forged, revoked) is refused in every language, and no cookie is set."""
    try:
        key = auth.cookie_key()
        claimed = await run_in_threadpool(
            kiosk.claim, settings.store(), request.query_params.get("t"), key=key
        )
    except (auth.NotConfigured, storage.StoreError):
        log.exception("a kiosk could not be enrolled")
        claimed = None
    if claimed is None:
        said = "\n\n".join(i18n.t("kiosk.enrolment_refused", lang) for lang in i18n.LANGUAGES)
        return PlainTextResponse(said, status_code=403)
    token, code = claimed
    response = RedirectResponse(f"/respond?{urlencode({'s': code})}", status_code=303)
    response.set_cookie(
        kiosk.COOKIE_NAME,
        token,
        max_age=kiosk.KIOSK_DAYS * 24 * 3600,
        path="/",
        secure=session_cookie.secure(request),
        httponly=True,
        samesite="strict",
    )
    return response

"""`/audio/CODE/LANG`: a round's recording of the question, played by a plain `<audio>` on
both answer pages (no script)."""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from feedback import i18n, rounds, settings
from feedback.rounds import recordings, respondent


def routes() -> list[Route]:
    return [Route(respondent.RECORDING_PATH, recording, methods=["GET", "HEAD"])]


async def recording(request: Request) -> Response:
    code, lang = request.path_params["code"], request.path_params["lang"]
    if not rounds.is_code(code) or i18n.normalise_language(lang) != lang:
        return Response("not found", status_code=404, media_type="text/plain")
    found = await run_in_threadpool(recordings.load, settings.store(), code, lang)
    if found is None:
        return Response("not found", status_code=404, media_type="text/plain")
    media_type, data = found
    return Response(
        data,
        media_type=media_type,
        headers={
            # A new upload replaces it: a phone may keep it for a while, but not for days.
            "Cache-Control": "public, max-age=300",
        },
    )

"""The bare floor for `capacity.py`: the least a server can do to store one answer per request.

One Starlette route on uvicorn, one process, on the app's own schema and with its durability:
`GET /answer/CODE` reads the round and hands out a form with a fresh submission id;
`POST /answer/CODE` parses the same form as the answer page (at most 16 KB, URL-encoded), and
in one `BEGIN IMMEDIATE` transaction on a fresh WAL + FULL connection checks that the round is
open and the submission new, inserts the answer row and adds it to the five kept-count tables,
commits, and only then returns a tiny thank-you. No templates, no translations, no middleware.

    FLOOR_DB=/tmp/x/feedback.db .venv/bin/python -m uvicorn benchmarks.floor:app --port 8600

It is what `capacity.py` measures the real answer page against; the app is not expected to
equal it, but the ratio says how much of a process the app's own layers take.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import sqlite3
import uuid
from datetime import datetime
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

MAX_BODY = 16_384
_SID = re.compile(r"[0-9a-f]{32}")
_FORM = (
    '<!doctype html><html lang="fi"><meta charset="utf-8"><title>Palaute</title>'
    '<form method="post"><input type="hidden" name="sid" value="{sid}">'
    "{faces}<button name=send value=1>Lähetä</button></form></html>"
)
_FACES = "".join(f'<input type="radio" name="q0" value="{v}" required>' for v in range(1, 6))
_THANKS = '<!doctype html><html lang="fi"><meta charset="utf-8"><h1>Kiitos!</h1></html>'


def _connect() -> sqlite3.Connection:
    """A fresh connection with the app's pragmas (docs/design.md §6.3), as the app opens one."""
    conn = sqlite3.connect(os.environ["FLOOR_DB"], timeout=10, isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _open_round(code: str) -> bool:
    conn = _connect()
    try:
        row = conn.execute("SELECT status FROM rounds WHERE code = ?", [code]).fetchone()
    finally:
        conn.close()
    return row is not None and row[0] == "open"


def _store(code: str, sid: str, score: int) -> str:
    """'stored', 'again' (this submission is already stored) or 'closed'."""
    now = datetime.now()
    day, month, weekday, hour = (
        now.date().isoformat(),
        now.strftime("%Y-%m"),
        now.weekday(),
        now.hour,
    )
    conn = _connect()
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            row = conn.execute(
                "SELECT id, scale, audiences, status FROM rounds WHERE code = ?", [code]
            ).fetchone()
            if row is None or row[3] != "open":
                conn.rollback()
                return "closed"
            round_id, scale, group = row[0], row[1], json.loads(row[2])[0]
            if conn.execute("SELECT 1 FROM answers WHERE submission_id = ?", [sid]).fetchone():
                conn.rollback()
                return "again"
            conn.execute(
                """INSERT INTO answers (id, submission_id, round_id, question, score,
                     respondent_group, channel, answered_on, answered_hour, flagged)
                   VALUES (?, ?, ?, 0, ?, ?, 'link', ?, ?, 0)""",
                [secrets.randbits(63), sid, round_id, score, group, day, hour],
            )
            for table, kept, values in (
                ("answer_totals", "respondent_group", [group]),
                ("answer_months", "month", [month]),
                ("answer_counts", "month, respondent_group, channel", [month, group, "link"]),
            ):
                marks = ", ".join("?" for _ in values)
                key = f"round_id, question, {kept}, flagged, score"
                conn.execute(
                    f"""INSERT INTO {table} ({key}, scale, n) VALUES (?, 0, {marks}, 0, ?, ?, 1)
                        ON CONFLICT ({key}) DO UPDATE SET n = n + 1""",
                    [round_id, *values, score, scale],
                )
            conn.execute(
                """INSERT INTO answer_times (round_id, month, weekday, hour, n)
                   VALUES (?, ?, ?, ?, 1)
                   ON CONFLICT (round_id, month, weekday, hour) DO UPDATE SET n = n + 1""",
                [round_id, month, weekday, hour],
            )
            conn.execute(
                """INSERT INTO answer_times_total (round_id, weekday, hour, n)
                   VALUES (?, ?, ?, 1)
                   ON CONFLICT (round_id, weekday, hour) DO UPDATE SET n = n + 1""",
                [round_id, weekday, hour],
            )
        except BaseException:
            conn.rollback()
            raise
        conn.execute("COMMIT")
    finally:
        conn.close()
    return "stored"


async def answer(request: Request) -> Response:
    code = request.path_params["code"]
    if request.method == "GET":
        if not await run_in_threadpool(_open_round, code):
            return HTMLResponse("<h1>Ei löydy</h1>", status_code=404)
        return HTMLResponse(_FORM.format(sid=uuid.uuid4().hex, faces=_FACES))
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            return HTMLResponse("<h1>Liian suuri</h1>", status_code=413)
    form = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
    sid, raw = form.get("sid", ""), form.get("q0", "")
    if not _SID.fullmatch(sid) or raw not in ("1", "2", "3", "4", "5") or "send" not in form:
        return HTMLResponse("<h1>Valitse</h1>", status_code=422)
    outcome = await run_in_threadpool(_store, code, sid, int(raw))
    if outcome == "closed":
        return HTMLResponse("<h1>Suljettu</h1>", status_code=409)
    return HTMLResponse(_THANKS)


app = Starlette(routes=[Route("/answer/{code}", answer, methods=["GET", "POST"])])

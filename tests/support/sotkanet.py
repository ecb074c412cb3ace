"""Sotkanet responses built for the tests (tests/data/sotkanet/), the tiny plan mapped to them."""

from __future__ import annotations

import contextlib
import http.server
import json
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

from tests.support.stores import MINI_PLAN

DATA = Path(__file__).parent.parent / "data" / "sotkanet"


# The test plan: its indicator filled by two Sotkanet series (made-up indicator ids 289 for grades
# 4–5, 290 for 8–9, as in tests/data/sotkanet/README.md); its region is Kymenlaakso's wellbeing
# services county by statistical code (HYVINVOINTIALUE 10, Sotkanet's 967), the whole country
# Sotkanet's 658 by default.
SOTKANET_PLAN = MINI_PLAN.replace(
    "    sub_goals: [i-1]\n",
    "    sub_goals: [i-1]\n"
    "    sotkanet:\n"
    "      series:\n"
    "        - {id: 289, group: grades-4-5}\n"
    "        - {id: 290, group: grades-8-9}\n",
) + ("sotkanet:\n  regions:\n    - {id: HYVINVOINTIALUE 10, area: region}\n")


# The test plan with its child population (tests/data/sotkanet/population.json): Hamina and Kotka
# by ids that stand for them in that file (9075, 9285: not Sotkanet's), each actor tied to its
# municipality; series 7 counts the children of 0–6, the made-up 9712 those of 7–12.
POPULATION_PLAN = (
    SOTKANET_PLAN.replace(
        "kind: municipality}\n  - {id: kotka",
        "kind: municipality, municipality: Hamina}\n  - {id: kotka",
    ).replace(
        "Kotkan kaupunki, kind: municipality}",
        "Kotkan kaupunki, kind: municipality, municipality: Kotka}",
    )
    + "    - {id: 9075, area: Hamina}\n"
    "    - {id: 9285, area: Kotka}\n"
    "  population:\n"
    "    - {id: 7, band: 0-6}\n"
    "    - {id: 9712, band: 7-12}\n"
)


class Recorded(http.server.ThreadingHTTPServer):
    """Sotkanet's REST API 1.1 on loopback, answering from tests/data/sotkanet/: `/indicators/ID`
    from indicator-ID.json, `/json?indicator=…&years=…&genders=…` with the rows of
    all-regions.json that fit the query (every region, as the API answers). The first
    `failures` calls get 503 Service Unavailable; `calls` records each path with its User-Agent.
    `body` replaces every answer (a hostile server's)."""

    daemon_threads = True

    def __init__(self, *, failures: int = 0, body=None):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.failures = failures
        self.body = body
        self.calls: list[tuple[str, str]] = []
        self.rows = [
            row
            for name in ("all-regions.json", "population.json")
            for row in json.loads((DATA / name).read_text(encoding="utf-8"))
        ]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/rest/1.1"


class _Handler(http.server.BaseHTTPRequestHandler):
    server: Recorded

    def do_GET(self):  # the name http.server calls
        self.server.calls.append((self.path, self.headers.get("User-Agent", "")))
        if self.server.failures:
            self.server.failures -= 1
            return self._send(503, b"busy")
        if self.server.body is not None:
            return self.server.body(self)
        url = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(url.query)
        if url.path.startswith("/rest/1.1/indicators/"):
            file = DATA / f"indicator-{url.path.rsplit('/', 1)[1]}.json"
            return self._send(200, file.read_bytes()) if file.exists() else self._send(404, b"")
        if url.path == "/rest/1.1/json":
            wanted = {
                "indicator": {int(i) for i in query.get("indicator", [])},
                "year": {int(y) for y in query.get("years", [])},
                "gender": set(query.get("genders", ["total"])),
            }
            rows = [r for r in self.server.rows if all(r[k] in v for k, v in wanted.items())]
            return self._send(200, json.dumps(rows).encode())
        return self._send(404, b"")

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=UTF-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass  # the tests read `calls`


@contextlib.contextmanager
def recorded_sotkanet(**options) -> Iterator[Recorded]:
    """A `Recorded` server running in a thread for the length of the block."""
    server = Recorded(**options)
    # A short poll: shutting the server down waits for it, in every test that starts one.
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()

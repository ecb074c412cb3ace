"""Ballot stuffing by one client without an account (issue #24): how many answers it gets
stored per minute on each answer path, and how many of them count (are not flagged).

    .venv/bin/python benchmarks/stuffing.py                 # 3 runs of 30 s per attack
    .venv/bin/python benchmarks/stuffing.py --runs 5 --seconds 60 --posts 20000

Two attacks, each on a round of its own per run, each run bounded by `--seconds` and `--posts`:

- "made-up ids": POST the answer with a new random submission id each time, never fetching
  the form (what the attacker of issue #24 did);
- "fetched forms": GET the form each time and POST it with the submission id it holds (what
  any script can do however the ids are made);
- "Streamlit page": a new session of `/respond?s=CODE` for every answer, over Streamlit's own
  protocol (a face, Send, the thank-you), as many as one client gets through in turn; with
  `&kiosk=1` in the link, which once made it a kiosk.

One client, one request at a time on a kept-alive connection, against the real server
(`streamlit run app.py`) on loopback with the real plans on a fresh SQLite file. The figures
are medians over the runs; what counts is read from the store itself.
"""

from __future__ import annotations

import argparse
import http.client
import re
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode, urlsplit

# Run as a script, the project root is not on the path; the benchmarks import each other.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import respondents
from benchmarks.server import prepare, running_server
from feedback import storage

_SID = re.compile(r'name="sid" value="([^"]+)"')


def attack(url: str, code: str, *, fetch_form: bool, seconds: float, posts: int) -> float:
    """Send answers to round `code` until `seconds` or `posts` run out; the minutes taken."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    path = f"/answer/{code}"
    started = time.monotonic()
    sent = 0
    while sent < posts and time.monotonic() - started < seconds:
        if fetch_form:
            connection.request("GET", path)
            found = _SID.search(connection.getresponse().read().decode())
            sid = found.group(1) if found else ""
        else:
            sid = uuid.uuid4().hex
        body = urlencode({"sid": sid, "q0": "1", "send": "1"})
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        connection.request("POST", path, body=body, headers=headers)
        connection.getresponse().read()
        sent += 1
    connection.close()
    return (time.monotonic() - started) / 60


def attack_page(url: str, code: str, *, seconds: float, posts: int) -> float:
    """Answer round `code` on the Streamlit page, one new session after another, until
    `seconds` or `posts` run out; the minutes taken."""

    async def one_after_another() -> float:
        started = time.monotonic()
        sent = 0
        while sent < posts and time.monotonic() - started < seconds:
            who = respondents.Respondent(number=sent, code=f"{code}&kiosk=1", choice=0, comment="")
            await respondents.answer(url, who, respondents.Outcome(who))
            sent += 1
        return (time.monotonic() - started) / 60

    return respondents.run_async(one_after_another)


def counted(db_path: Path, round_id: int) -> tuple[int, int]:
    """The round's stored answers and how many of them are not flagged."""
    with storage.reading(db_path) as db:
        stored, flagged = db.execute(
            "SELECT count(*), coalesce(sum(flagged), 0) FROM answers "
            "WHERE round_id = ? AND question = 0",
            [round_id],
        ).fetchone()
    return stored, stored - flagged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=30.0, help="per run and attack")
    parser.add_argument("--posts", type=int, default=20_000, help="at most, per run and attack")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="stuffing-") as folder:
        workload = prepare(Path(folder), round_count=3 * args.runs, free_text=False)
        results: dict[str, list[tuple[float, float, float]]] = {}
        limits = {"seconds": args.seconds, "posts": args.posts}
        attacks = {
            "made-up ids": lambda url, code: attack(url, code, fetch_form=False, **limits),
            "fetched forms": lambda url, code: attack(url, code, fetch_form=True, **limits),
            "Streamlit page": lambda url, code: attack_page(url, code, **limits),
        }
        with running_server(workload) as server:
            for run in range(args.runs):
                for index, (name, send) in enumerate(attacks.items()):
                    round_ = workload.rounds[len(attacks) * run + index]
                    minutes = send(server.url, round_.code)
                    stored, kept = counted(workload.db_path, round_.id)
                    results.setdefault(name, []).append((stored / minutes, kept / minutes, kept))
        print(f"one client, {args.runs} runs of at most {args.seconds:.0f} s / {args.posts} POSTs")
        print(f"{'attack':<15}{'stored/min':>12}{'counted/min':>13}{'counted per run':>17}")
        for name, rows in results.items():
            stored_rate, kept_rate, kept = (
                statistics.median(column) for column in zip(*rows, strict=True)
            )
            print(f"{name:<15}{stored_rate:>12.0f}{kept_rate:>13.0f}{kept:>17.0f}")


if __name__ == "__main__":
    main()

"""Capacity of the link answer page against a bare floor, measured in the same run.

    .venv/bin/python benchmarks/capacity.py                       # 3 runs of 10 s each, medians
    .venv/bin/python benchmarks/capacity.py --repeat 5 --seconds 15 --clients 16
    .venv/bin/python benchmarks/capacity.py --replicas 1 2        # one app process, then two
    .venv/bin/python benchmarks/capacity.py --min-ratio 0.5       # exit 1 below half the floor

Each run starts, on loopback and a fresh temporary database each (the schema, the real plans and
`--rounds` open five-faces rounds, from `benchmarks/server.py`):

- **the floor**: `benchmarks/floor.py`, a bare Starlette route on uvicorn in one process that
  does the same job on the same schema with the same durability (fresh WAL + FULL connection,
  one `BEGIN IMMEDIATE` transaction for the answer row and its kept counts), and nothing else;
- **the app**: `streamlit run app.py`, once for every number given to `--replicas` (N processes
  on N ports and one database, the clients spread over them).

The same closed-loop load generator drives each for `--seconds` after `--warmup`: `--clients`
respondents at a time, each opening a connection, GETting `/answer/CODE` as a phone does
(`Accept-Encoding: gzip`), taking the hidden submission id from the page, POSTing a face over the
same connection, and waiting for the thank-you before the next respondent starts. It prints
answers/s (thank-yous completed in the window), p50/p95 of a whole answer (GET + POST) and of the
POST alone, server and client CPU per answer, how busy the machine's cores were (anyone's work),
then the medians of `--repeat` runs and the ratio app / floor. Every target is reconciled: the
stored submissions must equal the acknowledged ones, each stored once, and the kept counts must
add up to them; the exit code is 1 otherwise.

`--db` chooses the store: `sqlite` (the default) makes a file per run; `postgresql` starts a
durable throwaway cluster (`DURABLE=1 scripts/postgres.sh`) for the whole command and makes a
schema per run in it; a `postgresql://` URL makes the schemas on that server instead. The app
processes get the store as `FEEDBACK_DB`. The floor is SQLite's, so on PostgreSQL only the app
is measured, and `--replicas 1 2` gives the scaling from one process to two.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gzip
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol
from urllib.parse import quote

# Run as a script, the project root is not on the path; the benchmarks import each other.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.server import Server, Workload, free_port, launch, prepare, wait_healthy
from feedback import settings, storage
from feedback.storage import schema

THANKED = b"<h1>Kiitos!</h1>"
#: The form's submission id (the app's signed, the floor's plain), and in it the id the answer
#: is stored under.
_SID = re.compile(rb'name="sid" value="(([0-9a-f]{32})(?:\.[0-9]+\.[0-9a-f]{32})?)"')


# --- Where the answers are stored ------------------------------------------------------------


class Store(Protocol):
    """A store for one run: made fresh with the rounds, asked what it holds, then discarded."""

    def prepare(self, folder: Path, *, round_count: int) -> Workload: ...

    def discard(self, workload: Workload) -> None: ...


class SqliteStore:
    """A SQLite file per run in the run's temporary folder, as `benchmarks/server.py` makes it."""

    def prepare(self, folder: Path, *, round_count: int) -> Workload:
        return prepare(folder, round_count=round_count, free_text=False)

    def discard(self, workload: Workload) -> None:
        storage.close_all()  # the file goes with its folder


class PostgresStore:
    """A schema of its own per run on the PostgreSQL server at `server`, dropped afterwards."""

    def __init__(self, server: str):
        self.server = server

    def prepare(self, folder: Path, *, round_count: int) -> Workload:
        name = f"capacity_{uuid.uuid4().hex[:12]}"
        with storage.writing(self.server) as db:
            db.execute(f"CREATE SCHEMA {name}")
        location = f"{self.server}?options={quote(f'-csearch_path={name}')}"
        schema.migrate(location)
        return prepare(folder, round_count=round_count, free_text=False, store=location)

    def discard(self, workload: Workload) -> None:
        name = re.search(r"search_path%3D(\w+)", str(workload.db_path)).group(1)
        storage.close_all()
        with storage.writing(self.server) as db:
            db.execute(f"DROP SCHEMA {name} CASCADE")


def stored(workload: Workload) -> Counter[str]:
    """Rows of each stored submission (question 0) in the workload's rounds."""
    ids = [r.id for r in workload.rounds]
    with storage.reading(workload.db_path) as db:
        rows = db.execute(
            f"""SELECT submission_id, count(*) FROM answers
                WHERE round_id IN ({", ".join("?" for _ in ids)}) AND question = 0
                GROUP BY submission_id""",
            ids,
        ).fetchall()
    return Counter(dict(rows))


def counted(workload: Workload) -> int:
    """Answers the kept counts hold for the workload's rounds (question 0)."""
    ids = [r.id for r in workload.rounds]
    with storage.reading(workload.db_path) as db:
        return db.execute(
            f"""SELECT coalesce(sum(n), 0) FROM answer_counts
                WHERE round_id IN ({", ".join("?" for _ in ids)}) AND question = 0""",
            ids,
        ).fetchone()[0]


@contextlib.contextmanager
def store_for(db: str) -> Iterator[Store]:
    """`sqlite`, `postgresql` (a durable throwaway cluster started by scripts/postgres.sh for
    this run) or the URL of a PostgreSQL server to make schemas in."""
    if db == "sqlite":
        yield SqliteStore()
    elif storage.is_server(db):
        yield PostgresStore(db)
    elif db == "postgresql":
        with tempfile.TemporaryDirectory(prefix="capacity-pg-") as folder:
            script = settings.PROJECT_ROOT / "scripts" / "postgres.sh"
            url = subprocess.run(
                [script, "start", folder],
                env={**os.environ, "DURABLE": "1"},  # fsync and synchronous_commit on
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
            try:
                yield PostgresStore(url)
            finally:
                storage.close_all()
                subprocess.run([script, "stop", folder], check=False)
    else:
        raise SystemExit(f"--db wants sqlite, postgresql or a postgresql:// URL, got {db!r}")


# --- The servers ------------------------------------------------------------------------------


@contextlib.contextmanager
def app_servers(workload: Workload, replicas: int, config: Sequence[str]) -> Iterator[list[Server]]:
    """`replicas` processes of `streamlit run app.py` on one database, each on its own port."""
    servers: list[Server] = []
    try:
        for i in range(replicas):
            port = free_port()
            log_path = workload.folder / f"app-{i}.log"
            process = launch(
                workload.db_path,
                port,
                log_path,
                secrets_path=workload.secrets_path,
                config=list(config),
            )
            servers.append(Server(process, port, log_path))
        for server in servers:
            wait_healthy(server.url, server.process, server.log_path)
        yield servers
    finally:
        for server in servers:
            server.stop()


@contextlib.contextmanager
def floor_server(workload: Workload) -> Iterator[list[Server]]:
    """`benchmarks/floor.py` on uvicorn, one process."""
    port = free_port()
    log_path = workload.folder / "floor.log"
    with log_path.open("a") as log:
        process = subprocess.Popen(
            [
                *(sys.executable, "-m", "uvicorn", "benchmarks.floor:app"),
                *("--host", "127.0.0.1", "--port", str(port)),
                *("--no-access-log", "--log-level", "warning"),
            ],
            cwd=settings.PROJECT_ROOT,
            env={**os.environ, "FLOOR_DB": str(workload.db_path)},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = Server(process, port, log_path)
    try:
        _wait_answering(f"{server.url}/answer/{workload.rounds[0].code}", process, log_path)
        yield [server]
    finally:
        server.stop()


def _wait_answering(url: str, process: subprocess.Popen, log_path: Path, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as reply:
                if reply.status == 200:
                    return
        except (OSError, urllib.error.URLError):
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"the floor did not start; see {log_path}")
        time.sleep(0.1)


# --- The load generator -----------------------------------------------------------------------


class HttpError(Exception):
    """A reply that was not what a respondent expects."""


_READ_ERRORS = (asyncio.IncompleteReadError, asyncio.LimitOverrunError)


async def exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes
) -> tuple[int, bytes]:
    """Send one HTTP/1.1 request on a kept-alive connection; the status and the decoded body."""
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name:
            headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        body = b""
        while size := int((await reader.readuntil(b"\r\n")).strip().split(b";")[0], 16):
            body += await reader.readexactly(size)
            await reader.readexactly(2)
        await reader.readuntil(b"\r\n")
    else:
        body = await reader.read()
    if headers.get("content-encoding") == "gzip":
        body = gzip.decompress(body)
    return status, body


def _request(method: str, path: str, body: bytes = b"") -> bytes:
    head = (
        f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip\r\n"
        "User-Agent: capacity.py\r\n"
    )
    if method == "POST":
        head += "Content-Type: application/x-www-form-urlencoded\r\n"
        head += f"Content-Length: {len(body)}\r\n"
    return head.encode() + b"\r\n" + body


@dataclass
class Answer:
    sid: str
    finished: float  # perf_counter
    seconds: float  # GET + POST
    post_seconds: float


@dataclass
class Load:
    """What the clients saw: the thanked answers, the failures and the measured window."""

    answers: list[Answer] = field(default_factory=list)
    failures: Counter[str] = field(default_factory=Counter)
    window: tuple[float, float] = (0.0, 0.0)

    def measured(self) -> list[Answer]:
        start, end = self.window
        return [a for a in self.answers if start <= a.finished <= end]


async def respondent(port: int, path: str, score: int) -> Answer:
    """One child: open the page, take its submission id, send a face, see the thank-you."""
    started = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        status, page = await exchange(reader, writer, _request("GET", path))
        found = _SID.search(page)
        if status != 200 or not found:
            raise HttpError(f"GET {status}")
        signed, sid = found.groups()
        sent = time.perf_counter()
        form = b"sid=" + signed + b"&q0=" + str(score).encode() + b"&send=1"
        status, reply = await exchange(reader, writer, _request("POST", path, form))
        if status != 200 or THANKED not in reply:
            raise HttpError(f"POST {status}")
    finally:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()
    done = time.perf_counter()
    return Answer(sid.decode(), done, done - started, done - sent)


async def closed_loop(
    targets: Sequence[tuple[int, str]],
    *,
    clients: int,
    warmup: float,
    seconds: float,
    timeout: float,
) -> Load:
    """`clients` respondents at a time, client i on target i mod len(targets), each starting the
    next answer when the last one is thanked, until the window closes; answers in flight then
    are finished (and reconciled) but not counted in the rate."""
    load = Load()
    now = time.perf_counter()
    load.window = (now + warmup, now + warmup + seconds)

    async def client(i: int) -> None:
        port, path = targets[i % len(targets)]
        n = 0
        while time.perf_counter() < load.window[1]:
            n += 1
            try:
                async with asyncio.timeout(timeout):
                    load.answers.append(await respondent(port, path, 1 + (i + n) % 5))
            except (OSError, HttpError, TimeoutError, ValueError, *_READ_ERRORS) as e:
                load.failures[type(e).__name__ + (f" {e}" if isinstance(e, HttpError) else "")] += 1
                await asyncio.sleep(0.05)

    await asyncio.gather(*(client(i) for i in range(clients)))
    return load


# --- One measurement --------------------------------------------------------------------------


@dataclass
class Result:
    target: str
    rate: float
    p50: float
    p95: float
    post_p50: float
    post_p95: float
    server_ms: float  # server CPU per answer, warm-up included
    client_ms: float
    machine_busy: float  # share of all cores busy during the load, whoever used them
    failures: Counter[str]
    problems: list[str]


def machine_times() -> tuple[int, int]:
    """Busy and total CPU time of the whole machine so far, in clock ticks (/proc/stat)."""
    with open("/proc/stat", encoding="ascii") as stat:
        ticks = [int(t) for t in stat.readline().split()[1:]]
    idle = ticks[3] + ticks[4]  # idle and waiting for I/O
    return sum(ticks) - idle, sum(ticks)


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[round(share * (len(ordered) - 1))] if ordered else float("nan")


def measure(target: str, servers: list[Server], workload: Workload, args) -> Result:
    # Neighbouring clients use different servers first, then different rounds.
    targets = [
        (server.port, f"/answer/{round_.code}") for round_ in workload.rounds for server in servers
    ]
    cpu_before = sum(s.cpu_seconds() for s in servers)
    client_before = time.process_time()
    machine_before = machine_times()
    load = asyncio.run(
        closed_loop(
            targets,
            clients=args.clients,
            warmup=args.warmup,
            seconds=args.seconds,
            timeout=args.timeout,
        )
    )
    # The CPU of the whole load, warm-up included, per answer of the whole load.
    server_cpu = sum(s.cpu_seconds() for s in servers) - cpu_before
    client_cpu = time.process_time() - client_before
    (busy_after, total_after), (busy_before, total_before) = machine_times(), machine_before
    busy, total = busy_after - busy_before, total_after - total_before
    measured = load.measured()
    problems = reconcile(load, stored(workload), counted(workload))
    for server in servers:
        problems += [f"{server.log_path.name}: {e}" for e in server.logged_errors()]
    everyone = max(len(load.answers), 1)
    return Result(
        target=target,
        rate=len(measured) / args.seconds,
        p50=1000 * percentile([a.seconds for a in measured], 0.5),
        p95=1000 * percentile([a.seconds for a in measured], 0.95),
        post_p50=1000 * percentile([a.post_seconds for a in measured], 0.5),
        post_p95=1000 * percentile([a.post_seconds for a in measured], 0.95),
        server_ms=1000 * server_cpu / everyone,
        client_ms=1000 * client_cpu / everyone,
        machine_busy=busy / total if total else float("nan"),
        failures=load.failures,
        problems=problems,
    )


def reconcile(load: Load, stored: Counter[str], counted: int) -> list[str]:
    """Stored == acknowledged, each once, and the kept counts add up; what differs, in words.

    `stored` has the rows of each stored submission, `counted` the answers the kept counts hold.
    """
    acknowledged = Counter(a.sid for a in load.answers)
    problems = []
    if doubled := [s for s, n in acknowledged.items() if n > 1]:
        problems.append(f"{len(doubled)} submission ids thanked twice")
    if lost := acknowledged.keys() - stored.keys():
        problems.append(f"{len(lost)} thanked but not stored")
    if unthanked := stored.keys() - acknowledged.keys():
        problems.append(f"{len(unthanked)} stored but not thanked")
    if twice := [s for s, n in stored.items() if n > 1]:
        problems.append(f"{len(twice)} stored more than once")
    if counted != sum(stored.values()):
        problems.append(f"kept counts hold {counted}, rows {sum(stored.values())}")
    return problems


# --- The command ------------------------------------------------------------------------------


def run_once(store: Store, target: str, replicas: int, args) -> Result:
    with tempfile.TemporaryDirectory(prefix="capacity-") as folder:
        workload = store.prepare(Path(folder), round_count=args.rounds)
        try:
            starting = (
                floor_server(workload)
                if target == "floor"
                else app_servers(workload, replicas, args.config)
            )
            with starting as servers:
                return measure(target, servers, workload, args)
        finally:
            store.discard(workload)


def print_result(run: int, r: Result) -> None:
    failed = sum(r.failures.values())
    print(
        f"{run:>4} {r.target:<8}{r.rate:>10.1f}{r.p50:>8.0f}{r.p95:>8.0f}{r.post_p50:>9.0f}"
        f"{r.post_p95:>9.0f}{r.server_ms:>10.1f}{r.client_ms:>10.1f}"
        f"{100 * r.machine_busy:>8.0f}%{failed:>7}  "
        + ("ok" if not r.problems and not failed else "; ".join(r.problems) or "failures")
    )
    for name, n in r.failures.most_common():
        print(f"       {n} × {name}")
    for problem in r.problems:
        print(f"       {problem}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--db",
        default="sqlite",
        help="sqlite (a file per run), postgresql (a durable throwaway cluster for this run) "
        "or a postgresql:// URL (a schema per run on that server)",
    )
    parser.add_argument(
        "--replicas",
        type=int,
        nargs="+",
        default=[1],
        help="app processes; several numbers measure each (default 1)",
    )
    parser.add_argument("--no-floor", action="store_true", help="measure the app only")
    parser.add_argument("--repeat", type=int, default=3, help="runs per target (medians)")
    parser.add_argument("--seconds", type=float, default=10, help="measured window per run")
    parser.add_argument("--warmup", type=float, default=2, help="seconds before the window")
    parser.add_argument("--clients", type=int, default=8, help="respondents at a time")
    parser.add_argument("--rounds", type=int, default=4, help="open rounds the clients share")
    parser.add_argument("--timeout", type=float, default=30, help="seconds for one answer")
    parser.add_argument(
        "--config",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a Streamlit option for the app, e.g. runner.postScriptGC=true",
    )
    parser.add_argument("--min-ratio", type=float, help="exit 1 if app / floor is below this")
    parser.add_argument(
        "--min-scaling", type=float, help="exit 1 if the most replicas / the first is below this"
    )
    args = parser.parse_args(argv)
    with store_for(args.db) as store:
        return measure_all(store, args)


def measure_all(store: Store, args: argparse.Namespace) -> int:
    """Every target `--repeat` times, then the medians, the ratio and the scaling."""
    floor = [("floor", 1)] if isinstance(store, SqliteStore) and not args.no_floor else []
    targets = floor + [(f"app×{n}", n) for n in args.replicas]
    print(
        f"{len(targets)} targets × {args.repeat} runs: {args.clients} clients, "
        f"{args.warmup:g} s warm-up + {args.seconds:g} s, {args.rounds} rounds, "
        f"{type(store).__name__}, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}"
    )
    print(
        f"{'run':>4} {'target':<8}{'answers/s':>10}{'p50 ms':>8}{'p95 ms':>8}{'POST p50':>9}"
        f"{'POST p95':>9}{'server ms':>10}{'client ms':>10}{'busy':>9}{'failed':>7}  reconciled"
    )
    results: dict[str, list[Result]] = {name: [] for name, _ in targets}
    for run in range(1, args.repeat + 1):
        # Alternate the order, so that a machine growing busier does not favour one target.
        for name, replicas in targets if run % 2 else reversed(targets):
            result = run_once(store, name, replicas, args)
            results[name].append(result)
            print_result(run, result)
            sys.stdout.flush()

    print("\nmedians of", args.repeat, "runs:")
    rates = {}
    for name, runs in results.items():
        rates[name] = statistics.median(r.rate for r in runs)
        print(
            f"     {name:<8}{rates[name]:>10.1f}{statistics.median(r.p50 for r in runs):>8.0f}"
            f"{statistics.median(r.p95 for r in runs):>8.0f}"
            f"{statistics.median(r.post_p50 for r in runs):>9.0f}"
            f"{statistics.median(r.post_p95 for r in runs):>9.0f}"
            f"{statistics.median(r.server_ms for r in runs):>10.1f}"
            f"{statistics.median(r.client_ms for r in runs):>10.1f}"
            f"{100 * statistics.median(r.machine_busy for r in runs):>8.0f}%"
        )
    failed = any(r.problems or r.failures for runs in results.values() for r in runs)
    first_app = f"app×{args.replicas[0]}"
    if "floor" in rates:
        ratio = rates[first_app] / rates["floor"]
        print(f"ratio {first_app} / floor: {ratio:.2f}")
        if args.min_ratio is not None and ratio < args.min_ratio:
            print(f"below the required {args.min_ratio:g}")
            failed = True
    for n in args.replicas[1:]:
        scaling = rates[f"app×{n}"] / rates[first_app]
        print(f"scaling app×{n} / {first_app}: {scaling:.2f}")
    if args.min_scaling is not None and len(args.replicas) > 1 and scaling < args.min_scaling:
        print(f"below the required {args.min_scaling:g}")
        failed = True
    print("reconciled in every run" if not failed else "NOT reconciled or failed: see above")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

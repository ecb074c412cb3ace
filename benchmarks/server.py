"""The real app server for benchmarks: a temporary database with open rounds, and the app
started with `streamlit run app.py` on loopback, as tests/browser/conftest.py starts it."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from feedback import demo, plans, rounds, settings
from feedback.rounds.scales import Scale
from feedback.staff import auth
from feedback.storage import schema

SCALE = Scale.FACES5


# --- The workload: a temporary database with open rounds -----------------------------------


@dataclass(frozen=True)
class Workload:
    """A temporary database with open rounds, and the environment the server runs with."""

    folder: Path
    db_path: Path | str  # a SQLite file, or a PostgreSQL URL
    secrets_path: Path
    rounds: tuple[rounds.Round, ...]


def prepare(
    folder: Path,
    *,
    round_count: int,
    plan: str = "kymenlaakso",
    free_text: bool = True,
    store: str | None = None,
):
    """The schema, the real plans and `round_count` open faces5 rounds on different actions, in the
    file `folder/feedback.db`, or in `store` (an empty PostgreSQL schema's URL) if given.

    With `free_text` and at least two rounds, the last round also asks for a comment, so its
    respondents go through two screens.
    """
    folder.mkdir(parents=True, exist_ok=True)
    db_path = store or folder / "feedback.db"
    secrets_path = folder / "secrets.toml"
    with _environment(FEEDBACK_SECRETS=str(secrets_path)):
        auth.ensure_secrets()
    schema.migrate(db_path)
    plans.import_directory(db_path, settings.PLANS_DIR)
    actions = plans.list_actions(db_path, plan_id=plan)[:round_count]
    if len(actions) < round_count:
        raise ValueError(f"plan {plan!r} has only {len(actions)} actions")
    created = tuple(
        rounds.create(
            db_path,
            action_id=action.id,
            scale=SCALE,
            subjects=demo.SUBJECTS,
            free_text=free_text and round_count > 1 and i == round_count - 1,
            title="[BENCHMARK] respondents",
        )
        for i, action in enumerate(actions)
    )
    return Workload(folder, db_path, secrets_path, created)


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    previous = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


# --- The real server as a subprocess --------------------------------------------------------


@dataclass
class Server:
    """The app started with `streamlit run` on loopback, as tests/browser/conftest.py does."""

    process: subprocess.Popen
    port: int
    log_path: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def rss_kb(self) -> int | None:
        """The server process's resident memory now (VmRSS), or None once it has gone."""
        return rss_kb(self.process.pid)

    def cpu_seconds(self) -> float:
        """User + system CPU time the server process has used so far."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def logged_errors(self) -> list[str]:
        """Each traceback the server has logged, with the log line before it."""
        lines = self.log_path.read_text(errors="replace").splitlines()
        starts = [i for i, line in enumerate(lines) if line.startswith("Traceback (most recent")]
        errors = []
        for start in starts:
            end = start + 1
            while end < len(lines) and (lines[end].startswith(" ") or not lines[end].strip()):
                end += 1
            errors.append("\n".join(lines[max(start - 1, 0) : end + 1]))
        return errors

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def rss_kb(pid: int) -> int | None:
    """Process `pid`'s resident memory now (VmRSS), or None once it has gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) if match else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def config_flags(settings_: list[str]) -> list[str]:
    """`["runner.postScriptGC=false"]` → `["--runner.postScriptGC", "false"]`."""
    flags = []
    for item in settings_:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise ValueError(f"--config wants KEY=VALUE, got {item!r}")
        flags += [f"--{key}", value]
    return flags


def launch(
    db_path: Path,
    port: int,
    log_path: Path,
    *,
    secrets_path: Path | None = None,
    entry: str = "app.py",
    config: list[str] = (),
    settings_: dict[str, str] | None = None,
) -> subprocess.Popen:
    """The app (`streamlit run app.py`) on loopback and `port`, on `db_path`, with the
    environment's settings and `settings_` over them; its output is appended to `log_path`.
    The browser tests start their servers with this too."""
    env = {
        **os.environ,
        **(settings_ or {}),
        "FEEDBACK_DB": str(db_path),
        "FEEDBACK_BASE_URL": f"http://127.0.0.1:{port}",
    }
    if secrets_path:
        env["FEEDBACK_SECRETS"] = str(secrets_path)
    with log_path.open("a") as log:
        return subprocess.Popen(
            [
                *(sys.executable, "-m", "streamlit", "run", entry),
                *("--server.port", str(port), "--server.address", "127.0.0.1"),
                *("--server.fileWatcherType", "none"),
                *config_flags(list(config)),
            ],
            cwd=settings.PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )


def wait_healthy(url: str, process: subprocess.Popen, log_path: Path, *, seconds: float = 60):
    """Wait until the app answers its health check; raise if it stopped or took too long."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"the app did not start; see {log_path}")
        time.sleep(0.2)


@contextlib.contextmanager
def running_server(
    workload: Workload, *, entry: str = "app.py", config: list[str] = ()
) -> Iterator[Server]:
    """Start the app on its own port and database; stop it on leaving."""
    port = free_port()
    log_path = workload.folder / "server.log"
    log_path.write_text("")
    process = launch(
        workload.db_path,
        port,
        log_path,
        secrets_path=workload.secrets_path,
        entry=entry,
        config=config,
    )
    server = Server(process, port, log_path)
    try:
        wait_healthy(server.url, process, log_path)
        yield server
    finally:
        server.stop()


class MemorySampler:
    """Samples the server's VmRSS every `interval` seconds in a thread; keeps the peak. Anything
    with an `rss_kb()` method will do as the server."""

    def __init__(self, server: Server, *, interval: float = 0.5):
        self.server = server
        self.interval = interval
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            rss = self.server.rss_kb()
            if rss is not None:
                self.peak_kb = max(self.peak_kb, rss)
            self._stop.wait(self.interval)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

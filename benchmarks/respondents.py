"""Many children answer at once: real websocket sessions against the real app server.

Each simulated respondent speaks Streamlit's own protocol, as the browser does: it opens a
session on `/respond?s=CODE` (a `rerun_script` BackMsg with the query string and the page
name), reads the ForwardMsgs until the script has finished, finds the answer form's radio and
its submit button among the deltas, and sends the rerun a click on "Lähetä" sends: the widget
states of the form plus the button's trigger. It then waits for the thank-you heading and
times submit → thank-you. A round with a comment step is answered in two submits (Next, then
Send with a comment).

Afterwards the database is reconciled against what the respondents saw (docs/design.md §6.10):
per round, rows with question = 0, their scores and the comments must equal the acknowledged
submissions exactly. The server's memory (VmRSS) is sampled every 0.5 s.

    .venv/bin/python benchmarks/respondents.py                     # 200 respondents, 4 rounds
    .venv/bin/python benchmarks/respondents.py --config runner.postScriptGC=false
    .venv/bin/python benchmarks/respondents.py --debug             # one respondent's messages

The exit code is 1 when anything was lost, doubled, shown as an error or not acknowledged.
Static files (the 2.7 MB first load of a browser) are not fetched: this measures the sessions.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import concurrent.futures
import contextlib
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

# Run as a script, the project root is not on the path; the benchmarks import each other.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import sqlite_utils
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import ClientConnection, connect

from benchmarks.server import (
    SCALE,
    MemorySampler,
    Workload,
    config_flags,
    prepare,
    running_server,
)
from feedback import i18n

LANG = "fi"
PAGE_NAME = "respond"
THANKS = i18n.t("respond.thanks_title", LANG)
SEND = i18n.t("respond.send", LANG)
NEXT = i18n.t("respond.next", LANG)
FINISHED = (
    ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY,
    ForwardMsg.ScriptFinishedStatus.FINISHED_WITH_COMPILE_ERROR,
)
# Alerts that mean the respondent did not get through (the page's "choose one", "could not
# save" and "closed" messages); the thank-you's own success alert is not among them.
FAILING_ALERTS = (Alert.Format.ERROR, Alert.Format.WARNING, Alert.Format.INFO)


# --- One browser tab, in Streamlit's protocol -----------------------------------------------


class ProtocolError(Exception):
    """The page did not show what a respondent needs (no form, no button, no thank-you)."""


@dataclass
class Run:
    """What one script run put on screen: its elements in order, and when a watched text
    first appeared."""

    elements: list = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    seen_at: float | None = None


class Tab:
    """A browser tab's session: the query string, the page and the widget states it holds."""

    def __init__(
        self, ws: ClientConnection, *, url: str, query_string: str, trace=None, page=PAGE_NAME
    ):
        self.ws = ws
        self.url = url
        self.page = page
        self.query_string = query_string
        self.page_script_hash = ""  # the first rerun names the page by its URL path only
        self.held: dict[str, WidgetState] = {}  # values the frontend keeps between reruns
        self.trace: list[str] | None = trace

    async def rerun(self, *extra: WidgetState) -> None:
        """Send a rerun with the held widget states plus `extra` (form values, a trigger),
        field for field as Debian chromium sends it (checked by decoding its frames)."""
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = self.page_script_hash
        if not self.page_script_hash:  # the first run knows the page only by its path
            state.page_name = self.page
        states = {**self.held, **{w.id: w for w in extra}}
        state.widget_states.widgets.extend(states.values())
        info = state.context_info
        info.timezone = "Europe/Helsinki"
        info.timezone_offset = -120
        info.locale = "fi-FI"
        info.url = f"{self.url}/{self.page}"
        info.is_embedded = False
        info.color_scheme = "light"
        if self.trace is not None:
            self.trace.append(f"→ rerun_script {state}")
        await self.ws.send(msg.SerializeToString())

    async def read_run(self, *, watch: str | None = None) -> Run:
        """Read ForwardMsgs until a script run has finished for good (runs ended early by
        `st.rerun` are followed by the next one); return what the last run showed."""
        run = Run()
        while True:
            data = await self.ws.recv(decode=False)
            msg = ForwardMsg()
            msg.ParseFromString(data)
            kind = msg.WhichOneof("type")
            if self.trace is not None:
                self.trace.append(f"← {kind} {_describe(msg)}")
            if kind == "new_session":
                self.page_script_hash = msg.new_session.page_script_hash
                run.elements.clear()
                run.problems.clear()
            elif kind == "navigation":  # the page that actually ran, as the frontend keeps it
                self.page_script_hash = msg.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query_string = msg.page_info_changed.query_string
            elif kind == "page_not_found":
                run.problems.append(f"page not found: {msg.page_not_found.page_name}")
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                run.elements.append(element)
                problem = _problem(element)
                if problem:
                    run.problems.append(problem)
                if watch and run.seen_at is None and _text(element) == watch:
                    run.seen_at = time.perf_counter()
            elif kind == "script_finished" and msg.script_finished in FINISHED:
                if msg.script_finished != FINISHED[0]:
                    run.problems.append("the script did not compile")
                self._keep_mounted(run.elements)
                return run

    def _keep_mounted(self, elements: list) -> None:
        """Like the frontend: forget widgets that are gone; a mounted widget outside a form
        with a default (the language switch) reports that default."""
        widget_ids = {_widget_id(e) for e in elements} - {None}
        self.held = {i: w for i, w in self.held.items() if i in widget_ids}
        for element in elements:
            if element.WhichOneof("type") == "button_group":
                group = element.button_group
                if group.id not in self.held and not group.form_id and group.default:
                    state = WidgetState(id=group.id)
                    state.string_array_value.data.extend(
                        group.options[i].content for i in group.default
                    )
                    self.held[group.id] = state


@contextlib.asynccontextmanager
async def open_tab(
    url: str,
    code: str,
    *,
    trace: list[str] | None = None,
    forwarded_for: str | None = None,
    page: str = PAGE_NAME,
):
    """A websocket session on the round's page, connected as the browser connects: the
    "streamlit" subprotocol, then a token slot (the browser puts its XSRF cookie there, which
    only matters for st.login's cookie), and the page's own origin. `forwarded_for` makes it
    come as through the reference proxy from that client address."""
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    async with connect(
        ws_url,
        subprotocols=["streamlit", "PLACEHOLDER_AUTH_TOKEN"],
        origin=url,
        additional_headers={"X-Forwarded-For": forwarded_for} if forwarded_for else None,
        max_size=None,
        open_timeout=60,  # a busy server accepts late; --timeout bounds the whole run
    ) as ws:
        yield Tab(ws, url=url, query_string=f"s={code}" if code else "", trace=trace, page=page)


def _widget_id(element) -> str | None:
    kind = element.WhichOneof("type")
    return getattr(getattr(element, kind), "id", None) or None


def _text(element) -> str | None:
    kind = element.WhichOneof("type")
    if kind in ("heading", "markdown", "alert"):
        return getattr(element, kind).body
    return None


def _problem(element) -> str | None:
    kind = element.WhichOneof("type")
    if kind == "exception":
        return f"exception shown: {element.exception.type}: {element.exception.message[:200]}"
    if kind == "alert" and element.alert.format in FAILING_ALERTS:
        name = Alert.Format.Name(element.alert.format).lower()
        return f"{name} shown: {element.alert.body[:200]}"
    return None


def _describe(msg: ForwardMsg) -> str:
    kind = msg.WhichOneof("type")
    if kind == "delta":
        delta = msg.delta
        path = list(msg.metadata.delta_path)
        if delta.WhichOneof("type") == "new_element":
            element = delta.new_element
            inner = element.WhichOneof("type")
            body = str(getattr(element, inner)).replace("\n", " ")
            return f"{path} {inner}: {body[:300]}"
        return f"{path} {delta.WhichOneof('type')}: {str(delta).replace(chr(10), ' ')[:200]}"
    if kind == "script_finished":
        return ForwardMsg.ScriptFinishedStatus.Name(msg.script_finished)
    if kind == "new_session":
        return f"page_script_hash={msg.new_session.page_script_hash}"
    if kind == "navigation":
        return f"page_script_hash={msg.navigation.page_script_hash}"
    return str(getattr(msg, kind)).replace("\n", " ")[:200] if kind else ""


def answer_form(run: Run) -> tuple[object, object]:
    """The form's question widget (radio or text area) and its Next/Send submit button."""
    asked = [e for e in run.elements if e.WhichOneof("type") in ("radio", "text_area")]
    if len(asked) != 1:
        raise ProtocolError(f"expected one question on screen, found {len(asked)}")
    widget = getattr(asked[0], asked[0].WhichOneof("type"))
    buttons = [
        e.button
        for e in run.elements
        if e.WhichOneof("type") == "button"
        and e.button.is_form_submitter
        and e.button.form_id == widget.form_id
        and e.button.label in (SEND, NEXT)
    ]
    if len(buttons) != 1:
        raise ProtocolError(f"expected one Next or Send button, found {len(buttons)}")
    return widget, buttons[0]


# --- Respondents ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Respondent:
    """Who answers which round, with which face (an index into the scale) and comment."""

    number: int
    code: str
    choice: int
    comment: str


@dataclass
class Outcome:
    respondent: Respondent
    acknowledged: bool = False
    submitted: bool = False
    opened_ms: float | None = None  # connect → form on screen
    latency_ms: float | None = None  # last submit → thank-you heading
    shown: list[str] = field(default_factory=list)  # errors on screen (exceptions, alerts)
    failures: list[str] = field(default_factory=list)  # the client's own: cut off, no form


def respondents(workload: Workload, count: int, *, seed: int = 1) -> list[Respondent]:
    """`count` respondents spread evenly over the rounds, with seeded choices."""
    rng = random.Random(seed)
    return [
        Respondent(
            number=i,
            code=workload.rounds[i % len(workload.rounds)].code,
            choice=rng.randrange(len(SCALE.values)),
            comment=f"Kuormitustesti {i}",
        )
        for i in range(count)
    ]


async def answer(url: str, respondent: Respondent, outcome: Outcome, *, trace=None) -> None:
    """Open the round's page, choose a face, send, and wait for the thank-you."""
    async with open_tab(url, respondent.code, trace=trace) as tab:
        started = time.perf_counter()
        await tab.rerun()
        run = await tab.read_run()
        outcome.opened_ms = (time.perf_counter() - started) * 1000
        while True:
            outcome.shown += run.problems
            if run.problems:
                return
            widget, button = answer_form(run)
            if hasattr(widget, "options"):  # the faces: the browser sends the chosen label
                value = WidgetState(id=widget.id, string_value=widget.options[respondent.choice])
            else:
                value = WidgetState(id=widget.id, string_value=respondent.comment)
            tab.held[widget.id] = value
            sent = time.perf_counter()
            await tab.rerun(WidgetState(id=button.id, trigger_value=True))
            last = button.label == SEND
            outcome.submitted = outcome.submitted or last
            run = await tab.read_run(watch=THANKS if last else None)
            if run.seen_at is not None:
                outcome.shown += run.problems
                outcome.latency_ms = (run.seen_at - sent) * 1000
                outcome.acknowledged = not run.problems
                return
            if last:
                outcome.shown += run.problems
                outcome.failures.append("no thank-you after Send")
                return


async def drive(
    url: str, people: list[Respondent], *, concurrency: int, timeout: float
) -> tuple[list[Outcome], float]:
    """All respondents, at most `concurrency` sessions open at once; returns the outcomes
    and the wall time. Whoever has not finished within `timeout` seconds is cut off."""
    gate = asyncio.Semaphore(concurrency)
    outcomes = [Outcome(p) for p in people]

    async def one(outcome: Outcome) -> None:
        try:
            async with gate:
                await answer(url, outcome.respondent, outcome)
        except asyncio.CancelledError:  # also those still waiting for a free session
            outcome.failures.append("cut off by --timeout")
            raise
        except Exception as error:  # a respondent's failure is counted, not fatal
            outcome.failures.append(f"{type(error).__name__}: {error}")

    started = time.perf_counter()
    tasks = [asyncio.create_task(one(o)) for o in outcomes]
    _done, pending = await asyncio.wait(tasks, timeout=timeout)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    return outcomes, time.perf_counter() - started


# --- Reconciliation -------------------------------------------------------------------------


@dataclass(frozen=True)
class RoundCheck:
    code: str
    free_text: bool
    acknowledged: int
    stored: int
    scores_match: bool
    comments_expected: int
    comments_stored: int

    @property
    def ok(self) -> bool:
        return (
            self.stored == self.acknowledged
            and self.scores_match
            and self.comments_stored == self.comments_expected
        )


def reconcile(workload: Workload, outcomes: list[Outcome]) -> tuple[list[RoundCheck], str]:
    """Per round: stored first-question rows, their scores and comments against what the
    acknowledged respondents sent; and SQLite's integrity check."""
    db = sqlite_utils.Database(workload.db_path)
    try:
        checks = []
        for round_ in workload.rounds:
            thanked = [
                o.respondent
                for o in outcomes
                if o.acknowledged and o.respondent.code == round_.code
            ]
            sent = collections.Counter(SCALE.values[r.choice] for r in thanked)
            stored = collections.Counter(
                dict(
                    db.execute(
                        "SELECT score, count(*) FROM answers WHERE round_id = ? AND question = 0"
                        " GROUP BY score",
                        [round_.id],
                    ).fetchall()
                )
            )
            comments = db.execute(
                "SELECT count(*) FROM comments WHERE round_id = ?", [round_.id]
            ).fetchone()[0]
            checks.append(
                RoundCheck(
                    code=round_.code,
                    free_text=round_.free_text,
                    acknowledged=len(thanked),
                    stored=sum(stored.values()),
                    scores_match=sent == stored,
                    comments_expected=len(thanked) if round_.free_text else 0,
                    comments_stored=comments,
                )
            )
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        db.close()
    return checks, integrity


# --- The whole measurement ------------------------------------------------------------------


@dataclass
class Report:
    respondents: int
    concurrency: int
    outcomes: list[Outcome]
    wall_s: float
    checks: list[RoundCheck]
    integrity: str
    server_errors: list[str]  # tracebacks in the server's log
    rss_before_kb: int
    rss_peak_kb: int
    rss_after_kb: int
    server_cpu_s: float
    client_cpu_s: float
    config: list[str]
    entry: str
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float]

    @property
    def acknowledged(self) -> int:
        return sum(o.acknowledged for o in self.outcomes)

    @property
    def shown(self) -> list[str]:
        """Errors respondents saw: exceptions, error, warning and info alerts."""
        return [p for o in self.outcomes for p in o.shown]

    @property
    def failures(self) -> list[str]:
        """Respondents who got stuck without an error on screen (no form, cut off …)."""
        return [p for o in self.outcomes for p in o.failures]

    @property
    def sent_unthanked(self) -> int:
        """Respondents who pressed Send and saw no thank-you: their answer may be stored."""
        return sum(o.submitted and not o.acknowledged for o in self.outcomes)

    @property
    def ok(self) -> bool:
        return (
            self.acknowledged == self.respondents
            and not self.shown
            and not self.failures
            and all(c.ok for c in self.checks)
            and self.integrity == "ok"
            and not self.server_errors
        )


def measure(
    workload: Workload,
    *,
    count: int,
    concurrency: int,
    timeout: float,
    entry: str = "app.py",
    config: list[str] = (),
    seed: int = 1,
) -> Report:
    """Start the server, warm it up with one page view, let `count` respondents answer, and
    reconcile."""
    people = respondents(workload, count, seed=seed)
    load_before = os.getloadavg()
    with running_server(workload, entry=entry, config=config) as server:
        run_async(lambda: asyncio.wait_for(_warm_up(server.url, workload.rounds[0].code), 60))
        rss_before = server.rss_kb() or 0
        cpu_before = server.cpu_seconds(), time.process_time()
        with MemorySampler(server) as sampler:
            outcomes, wall = run_async(
                lambda: drive(server.url, people, concurrency=concurrency, timeout=timeout)
            )
        server_cpu = server.cpu_seconds() - cpu_before[0]
        client_cpu = time.process_time() - cpu_before[1]
        time.sleep(2)  # let the sessions' disconnects run
        rss_after = server.rss_kb() or 0
        server_errors = server.logged_errors()
    checks, integrity = reconcile(workload, outcomes)
    return Report(
        respondents=count,
        concurrency=concurrency,
        outcomes=outcomes,
        wall_s=wall,
        checks=checks,
        integrity=integrity,
        server_errors=server_errors,
        rss_before_kb=rss_before,
        rss_peak_kb=max(sampler.peak_kb, rss_before, rss_after),
        rss_after_kb=rss_after,
        server_cpu_s=server_cpu,
        client_cpu_s=client_cpu,
        config=list(config),
        entry=entry,
        load_before=load_before,
        load_after=os.getloadavg(),
    )


def run_async(make_coroutine):
    """Run a coroutine to its end on a fresh event loop in its own thread: the caller's
    thread may already run a loop (Playwright's sync API keeps one in a pytest process)."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(make_coroutine())).result()


async def _warm_up(url: str, code: str) -> None:
    """One page view and no answer, so that imports and caches are done before measuring."""
    async with open_tab(url, code) as tab:
        await tab.rerun()
        answer_form(await tab.read_run())


def percentile(values: list[float], p: float) -> float | None:
    """Nearest-rank percentile (p in 0…100), or None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def format_report(report: Report) -> str:
    def ms(value: float | None) -> str:
        return "–" if value is None else f"{value:.0f}"

    latencies = [o.latency_ms for o in report.outcomes if o.latency_ms is not None]
    opened = [o.opened_ms for o in report.outcomes if o.opened_ms is not None]
    shown = collections.Counter(report.shown)
    failures = collections.Counter(report.failures)
    lines = [
        f"entry {report.entry}, config {' '.join(report.config) or '(defaults)'}, "
        f"{os.cpu_count()} CPUs, load average before {report.load_before[0]:.2f} "
        f"after {report.load_after[0]:.2f}",
        f"respondents           {report.respondents} (at most {report.concurrency} at once)",
        f"acknowledged          {report.acknowledged} (thank-you seen)",
        f"errors shown          {len(report.shown)}",
        *(f"    {n} × {text}" for text, n in shown.most_common(10)),
        f"other failures        {len(report.failures)} "
        f"({report.sent_unthanked} sent without a thank-you)",
        *(f"    {n} × {text}" for text, n in failures.most_common(10)),
        f"server tracebacks     {len(report.server_errors)}",
        f"submit → thank-you    p50 {ms(percentile(latencies, 50))} ms, "
        f"p95 {ms(percentile(latencies, 95))} ms, max {ms(max(latencies, default=None))} ms",
        f"open → form shown     p50 {ms(percentile(opened, 50))} ms, "
        f"p95 {ms(percentile(opened, 95))} ms, max {ms(max(opened, default=None))} ms",
        f"answers per second    {report.acknowledged / report.wall_s:.1f} "
        f"({report.acknowledged} in {report.wall_s:.1f} s)",
        f"CPU during the load    server {report.server_cpu_s:.1f} s "
        f"({ms(report.server_cpu_s * 1000 / report.acknowledged if report.acknowledged else None)}"
        " ms per answer), "
        f"this client {report.client_cpu_s:.1f} s",
        "reconciliation        round     comment  acknowledged  stored  scores  comments",
        *(
            f"                      {c.code}  {'yes' if c.free_text else 'no ':7}  "
            f"{c.acknowledged:12}  {c.stored:6}  {'same' if c.scores_match else 'DIFF':6}  "
            f"{c.comments_stored}/{c.comments_expected}"
            f"{'' if c.ok else '   MISMATCH'}"
            for c in report.checks
        ),
        f"integrity_check       {report.integrity}",
        f"server RSS            before {report.rss_before_kb / 1024:.0f} MB, "
        f"peak {report.rss_peak_kb / 1024:.0f} MB, after {report.rss_after_kb / 1024:.0f} MB",
        "result                " + ("OK" if report.ok else "FAILED"),
    ]
    return "\n".join(lines)


def debug(workload: Workload, *, entry: str, config: list[str]) -> int:
    """One respondent with every message printed: to see the protocol at work."""
    person = respondents(workload, len(workload.rounds))[-1]  # the round with a comment
    trace: list[str] = []
    outcome = Outcome(person)
    with running_server(workload, entry=entry, config=config) as server:
        try:
            run_async(lambda: answer(server.url, person, outcome, trace=trace))
        finally:
            print("\n".join(trace))
    print(f"acknowledged={outcome.acknowledged} latency_ms={outcome.latency_ms}")
    print(f"shown={outcome.shown} failures={outcome.failures}")
    return 0 if outcome.acknowledged else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--respondents", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=50, help="sessions open at once")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--timeout", type=float, default=300, help="seconds for all answers")
    parser.add_argument("--entry", default="app.py", help="the script to run")
    parser.add_argument(
        "--config",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a Streamlit option for `streamlit run`, e.g. runner.postScriptGC=false",
    )
    parser.add_argument("--no-free-text", action="store_true", help="no round with a comment")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, help="keep the database and server log here")
    parser.add_argument("--debug", action="store_true", help="one respondent, every message")
    parser.add_argument("--repeat", type=int, default=1, help="runs, each on a fresh server")
    args = parser.parse_args(argv)
    try:
        config_flags(args.config)  # refuse a malformed option before starting anything
    except ValueError as error:
        parser.error(str(error))
    reports = []
    with contextlib.ExitStack() as stack:
        folder = args.workdir or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        for run in range(1, args.repeat + 1):
            workload = prepare(
                folder / f"run-{run}", round_count=args.rounds, free_text=not args.no_free_text
            )
            if args.debug:
                return debug(workload, entry=args.entry, config=args.config)
            report = measure(
                workload,
                count=args.respondents,
                concurrency=args.concurrency,
                timeout=args.timeout,
                entry=args.entry,
                config=args.config,
                seed=args.seed,
            )
            reports.append(report)
            print(f"--- run {run} of {args.repeat}")
            print(format_report(report), flush=True)
            for error in report.server_errors[:3]:
                print(error, file=sys.stderr)
        if len(reports) > 1:
            print(f"--- medians of {len(reports)} runs")
            print(format_medians(reports))
    return 0 if all(r.ok for r in reports) else 1


def format_medians(reports: list[Report]) -> str:
    """The run-to-run medians of the headline figures (a shared machine is noisy)."""

    def median(values) -> float:
        return statistics.median(values)

    def latency(report: Report, p: float) -> float:
        return percentile([o.latency_ms for o in report.outcomes if o.latency_ms], p) or 0

    return "\n".join(
        [
            f"submit → thank-you    p50 {median(latency(r, 50) for r in reports):.0f} ms, "
            f"p95 {median(latency(r, 95) for r in reports):.0f} ms, "
            f"max {median(latency(r, 100) for r in reports):.0f} ms",
            f"answers per second    {median(r.acknowledged / r.wall_s for r in reports):.1f}",
            f"server RSS            before {median(r.rss_before_kb for r in reports) / 1024:.0f}"
            f" MB, peak {median(r.rss_peak_kb for r in reports) / 1024:.0f} MB, "
            f"after {median(r.rss_after_kb for r in reports) / 1024:.0f} MB",
            f"all runs OK           {'yes' if all(r.ok for r in reports) else 'NO'}",
        ]
    )


if __name__ == "__main__":
    sys.exit(main())

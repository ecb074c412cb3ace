"""Anonymous websocket sessions that send huge widget values, while a child answers (issue #25).

An attacker without an account opens sessions on the respondent page `/respond` over
Streamlit's own protocol (as benchmarks/respondents.py does) and sends one rerun each whose
radio value is a huge string (20 MB by default), with the form's submit trigger. The sessions
stay open until every one has sent, then all close. Meanwhile an ordinary child answers the
same round again and again in a session of its own.

It prints the server's resident memory (VmRSS) when idle, at its peak during the flood and
after the sessions have closed (waiting up to `--settle` seconds for it to come down), and the
child's submit → thank-you time (p50/p95) when quiet and during the flood.

    .venv/bin/python benchmarks/memory_flood.py                    # 400 sessions of 20 MB
    .venv/bin/python benchmarks/memory_flood.py --sessions 40      # the attack as first found

Everything is bounded in time (`--timeout` for the flood, `--settle` for the memory to return).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import multiprocessing
import os
import queue
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# Run as a script, the project root is not on the path; the benchmarks import each other.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.exceptions import ConnectionClosed, InvalidStatus

from benchmarks.respondents import (
    Outcome,
    Respondent,
    answer,
    answer_form,
    open_tab,
    percentile,
    run_async,
)
from benchmarks.server import MemorySampler, prepare, running_server


@dataclass
class Flood:
    """What the hostile sessions met, and how the child fared meanwhile."""

    tally: collections.Counter = field(default_factory=collections.Counter)
    child: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0


def client_address(session: int, addresses: int | None) -> str | None:
    """The address session number `session` comes from through the proxy: one of `addresses`
    (10.0.0.0/16), or None for straight from this machine."""
    if addresses is None:
        return None
    index = session % addresses
    return f"10.0.{index // 256}.{index % 256}"


async def hostile(
    url: str,
    code: str,
    value: str,
    gate: asyncio.Semaphore,
    done: asyncio.Event,
    flood: Flood,
    forwarded_for: str | None = None,
) -> None:
    """One attacker's session: the form, then a rerun with `value` as the radio's value; kept
    open until `done`."""
    try:
        async with contextlib.AsyncExitStack() as stack:
            async with gate:
                tab = await stack.enter_async_context(
                    open_tab(url, code, forwarded_for=forwarded_for)
                )
                await tab.rerun()
                widget, button = answer_form(await tab.read_run())
                tab.held[widget.id] = WidgetState(id=widget.id, string_value=value)
                await tab.rerun(WidgetState(id=button.id, trigger_value=True))
                await asyncio.wait_for(tab.read_run(), 60)
                flood.tally["sent and answered"] += 1
            await done.wait()
    except InvalidStatus as error:
        flood.tally[f"refused (HTTP {error.response.status_code})"] += 1
    except ConnectionClosed as error:
        flood.tally[f"closed by the server ({error.rcvd.code if error.rcvd else '?'})"] += 1
    except (TimeoutError, OSError) as error:
        flood.tally[type(error).__name__] += 1


async def child_answers(
    url: str, code: str, *, least: int, stop: Callable[[], bool] = lambda: True
) -> list[Outcome]:
    """An ordinary child answering `code` again and again: at least `least` times, and on
    until `stop()` is true."""
    outcomes = []
    while len(outcomes) < least or not stop():
        outcome = Outcome(Respondent(len(outcomes), code, len(outcomes) % 5, ""))
        try:
            await answer(url, outcome.respondent, outcome)
        except Exception as error:  # a failed answer is counted, not fatal
            outcome.failures.append(f"{type(error).__name__}: {error}")
        outcomes.append(outcome)
    return outcomes


def _child_process(url: str, code: str, least: int, stop, results) -> None:
    results.put(asyncio.run(child_answers(url, code, least=least, stop=stop.is_set)))


def _attacker_process(url, code, sessions, value_bytes, concurrency, addresses, nice, done, *, out):
    """The hostile sessions, in a process of their own: the tally once every session has sent
    (or was refused), then kept open until `done`."""
    os.nice(nice)

    async def attack() -> None:
        tally = Flood()
        value = "x" * value_bytes
        gate = asyncio.Semaphore(concurrency)
        closing = asyncio.Event()
        attackers = [
            asyncio.create_task(
                hostile(url, code, value, gate, closing, tally, client_address(i, addresses))
            )
            for i in range(sessions)
        ]
        while sum(tally.tally.values()) < sessions:
            await asyncio.sleep(0.2)
        out.put(tally.tally)
        while not done.is_set():
            await asyncio.sleep(0.2)
        closing.set()
        await asyncio.gather(*attackers, return_exceptions=True)

    asyncio.run(attack())


async def flood(
    url: str,
    code: str,
    *,
    sessions: int,
    value_bytes: int,
    concurrency: int = 10,
    timeout: float = 300,
    children: int = 0,
    addresses: int | None = None,
    attacker_nice: int = 0,
) -> Flood:
    """`sessions` hostile sessions (at most `concurrency` connecting or sending at once), with
    `children` or more ordinary answers meanwhile; cut off after `timeout` seconds. The sessions
    come through the proxy from `addresses` client addresses, or straight from this machine
    (None), which the server does not slow; the child always comes straight. The attacker and
    the child each run in a process of their own (the attackers' 20 MB messages would otherwise
    hold up the child's event loop, not the server's), the attacker at `attacker_nice`."""
    result = Flood()
    context = multiprocessing.get_context("spawn")
    done, tallies = context.Event(), context.Queue()
    attacker = context.Process(
        target=_attacker_process,
        args=(url, code, sessions, value_bytes, concurrency, addresses, attacker_nice, done),
        kwargs={"out": tallies},
    )
    stop, results = context.Event(), context.Queue()
    child = context.Process(target=_child_process, args=(url, code, children, stop, results))
    started = time.perf_counter()
    attacker.start()
    child.start()
    try:
        result.tally = await asyncio.to_thread(tallies.get, timeout=timeout)
    except queue.Empty:
        result.tally = collections.Counter({"cut off by the timeout": sessions})
    result.seconds = time.perf_counter() - started
    stop.set()
    try:
        result.child = await asyncio.to_thread(results.get, timeout=120)
    except queue.Empty:
        result.child = []
    done.set()
    for process in (child, attacker):
        process.join(timeout=30)
        if process.is_alive():
            process.kill()
    return result


def _clients_cpu() -> float:
    """User + system CPU seconds of this script's finished processes (attacker and child)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def settled_rss_kb(rss_kb: Callable[[], int | None], *, seconds: float) -> int:
    """The resident memory once it has stopped falling (no new low for 15 s: the memory guard
    collects after 10 idle seconds), or after `seconds`."""
    deadline = time.monotonic() + seconds
    low, low_at = rss_kb() or 0, time.monotonic()
    while time.monotonic() < deadline and time.monotonic() - low_at < 15:
        time.sleep(0.5)
        now = rss_kb() or 0
        if now < low - 1024:
            low, low_at = now, time.monotonic()
    return min(low, rss_kb() or low)


def latencies(outcomes: list[Outcome]) -> tuple[float | None, float | None, int]:
    """p50 and p95 of submit → thank-you (ms), and how many answers were not acknowledged."""
    times = [o.latency_ms for o in outcomes if o.acknowledged]
    failed = sum(not o.acknowledged for o in outcomes)
    return percentile(times, 50), percentile(times, 95), failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=400)
    parser.add_argument("--value-mb", type=float, default=20)
    parser.add_argument("--concurrency", type=int, default=10, help="sessions sending at once")
    parser.add_argument("--children", type=int, default=100, help="quiet answers (and least)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds for the flood")
    parser.add_argument("--settle", type=float, default=150, help="seconds for memory to return")
    parser.add_argument(
        "--addresses",
        type=int,
        default=1,
        help="client addresses the sessions come from through the proxy (0: straight, unslowed)",
    )
    parser.add_argument(
        "--attacker-nice",
        type=int,
        default=19,
        help="the attacking client's CPU priority: on a real server it is another machine's",
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="memory-flood-") as folder:
        workload = prepare(Path(folder), round_count=1, free_text=False)
        code = workload.rounds[0].code
        with running_server(workload) as server:
            url = server.url
            run_async(lambda: child_answers(url, code, least=3))  # warm-up
            idle = settled_rss_kb(server.rss_kb, seconds=30)
            quiet = run_async(lambda: child_answers(url, code, least=args.children))
            cpu = server.cpu_seconds(), _clients_cpu()
            with MemorySampler(server) as sampler:
                result = run_async(
                    lambda: flood(
                        url,
                        code,
                        sessions=args.sessions,
                        value_bytes=int(args.value_mb * 2**20),
                        concurrency=args.concurrency,
                        timeout=args.timeout,
                        children=args.children,
                        addresses=args.addresses or None,
                        attacker_nice=args.attacker_nice,
                    )
                )
            server_cpu, clients_cpu = server.cpu_seconds() - cpu[0], _clients_cpu() - cpu[1]
            closed = settled_rss_kb(server.rss_kb, seconds=args.settle)
            errors = server.logged_errors()

    q50, q95, q_failed = latencies(quiet)
    a50, a95, a_failed = latencies(result.child)

    def ms(value: float | None) -> str:
        return "–" if value is None else f"{value:.0f}"

    print(
        f"{args.sessions} hostile sessions × {args.value_mb:g} MB "
        f"(≤{args.concurrency} sending at once) from "
        f"{args.addresses or 'this machine, unslowed,'} address(es), flood {result.seconds:.0f} s\n"
        f"  CPU seconds during the flood: server {server_cpu:.1f}, "
        f"attacker and child {clients_cpu:.1f}\n"
        f"  hostile sessions: {dict(sorted(result.tally.items()))}\n"
        f"  RSS idle {idle / 1024:.0f} MB, peak {sampler.peak_kb / 1024:.0f} MB "
        f"(+{(sampler.peak_kb - idle) / 1024:.0f}), after close {closed / 1024:.0f} MB "
        f"(+{(closed - idle) / 1024:.0f})\n"
        f"  child answer ms p50/p95: quiet {ms(q50)}/{ms(q95)} ({len(quiet)} answers, "
        f"{q_failed} failed), under attack {ms(a50)}/{ms(a95)} "
        f"({len(result.child)} answers, {a_failed} failed)\n"
        f"  server tracebacks: {len(errors)}"
    )
    return 0 if not (q_failed or a_failed) else 1


if __name__ == "__main__":
    sys.exit(main())

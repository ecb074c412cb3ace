"""Sign-in forms sprayed with ever-new user names, while a child answers (issue #25).

As the issue found it: `--forms` browsers (6) send the sign-in form of `/login` over and over,
each time under a user name never seen before and a wrong password, as fast as the page
answers, over Streamlit's own protocol (as benchmarks/respondents.py does). They come through
the reference proxy from `--addresses` client addresses (1: one stranger; 0: straight from this
machine, as the issue's first measurement did). Meanwhile an ordinary child answers a round
again and again from a process of its own.

It prints the server's CPU use during the spray (100 % = one core), how the forms were answered
(wrong password, "too many attempts, wait", "busy"), and the child's submit → thank-you time
(p50/p95) quiet and during the spray.

    .venv/bin/python benchmarks/sign_in_flood.py                  # 6 forms from one address
    .venv/bin/python benchmarks/sign_in_flood.py --addresses 6    # each form its own address
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import multiprocessing
import queue
import sys
import tempfile
import time
from pathlib import Path

# Run as a script, the project root is not on the path; the benchmarks import each other.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from streamlit.proto.WidgetStates_pb2 import WidgetState

from benchmarks.memory_flood import _child_process, child_answers, client_address, latencies
from benchmarks.respondents import open_tab, run_async
from benchmarks.server import prepare, running_server
from feedback import i18n

SUBMIT = i18n.t("login.submit", "fi")
ANSWERS = {
    i18n.t("login.wrong", "fi"): "wrong password",
    i18n.t("login.busy", "fi"): "busy",
}
WAIT_START = i18n.t("login.wait", "fi", seconds=0).split("0")[0]


def _said(run) -> str:
    texts = [
        element.alert.body for element in run.elements if element.WhichOneof("type") == "alert"
    ]
    for text in texts:
        if text in ANSWERS:
            return ANSWERS[text]
        if text.startswith(WAIT_START):
            return "told to wait"
    return f"other: {texts[:1]}"


async def spray(url: str, form: int, forwarded_for: str | None, stop_at: float, tally) -> None:
    """One browser: the sign-in form under ever-new names until `stop_at`."""
    attempt = 0
    while time.monotonic() < stop_at:
        async with open_tab(url, "", page="login", forwarded_for=forwarded_for) as tab:
            await tab.rerun()
            run = await tab.read_run()
            while time.monotonic() < stop_at:
                kinds = [(e.WhichOneof("type"), e) for e in run.elements]
                inputs = [e.text_input for kind, e in kinds if kind == "text_input"]
                button = next(
                    e.button
                    for e in run.elements
                    if e.WhichOneof("type") == "button" and e.button.label == SUBMIT
                )
                attempt += 1
                name, password = inputs[0], inputs[1]
                await tab.rerun(
                    WidgetState(id=name.id, string_value=f"spray-{form}-{attempt}"),
                    WidgetState(id=password.id, string_value="arvaus arvaus"),
                    WidgetState(id=button.id, trigger_value=True),
                )
                run = await asyncio.wait_for(tab.read_run(), 60)
                tally[_said(run)] += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", type=int, default=6, help="browsers sending the form at once")
    parser.add_argument("--addresses", type=int, default=1, help="0: straight, unslowed")
    parser.add_argument("--seconds", type=float, default=60, help="how long the spray lasts")
    parser.add_argument("--children", type=int, default=100, help="quiet answers (and least)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="sign-in-flood-") as folder:
        workload = prepare(Path(folder), round_count=1, free_text=False)
        code = workload.rounds[0].code
        with running_server(workload) as server:
            url = server.url
            run_async(lambda: child_answers(url, code, least=3))  # warm-up
            quiet = run_async(lambda: child_answers(url, code, least=args.children))
            context = multiprocessing.get_context("spawn")
            stop, results = context.Event(), context.Queue()
            child = context.Process(
                target=_child_process, args=(url, code, args.children, stop, results)
            )
            tally: collections.Counter = collections.Counter()
            cpu, started = server.cpu_seconds(), time.monotonic()
            child.start()
            stop_at = started + args.seconds

            async def sprays():
                addresses = [client_address(f, args.addresses or None) for f in range(args.forms)]
                await asyncio.gather(
                    *(spray(url, f, addresses[f], stop_at, tally) for f in range(args.forms))
                )

            run_async(sprays)
            server_cpu, wall = server.cpu_seconds() - cpu, time.monotonic() - started
            stop.set()
            try:
                during = results.get(timeout=120)
            except queue.Empty:
                during = []
            child.join(timeout=10)
            errors = server.logged_errors()

    q50, q95, q_failed = latencies(quiet)
    d50, d95, d_failed = latencies(during)

    def ms(value: float | None) -> str:
        return "–" if value is None else f"{value:.0f}"

    print(
        f"{args.forms} sign-in forms under ever-new names from "
        f"{args.addresses or 'this machine, unslowed,'} address(es), {wall:.0f} s\n"
        f"  server CPU during the spray: {100 * server_cpu / wall:.0f} % of one core\n"
        f"  forms answered: {dict(sorted(tally.items()))} "
        f"({sum(tally.values()) / wall:.1f} a second)\n"
        f"  child answer ms p50/p95: quiet {ms(q50)}/{ms(q95)} ({len(quiet)} answers, "
        f"{q_failed} failed), during {ms(d50)}/{ms(d95)} ({len(during)} answers, "
        f"{d_failed} failed)\n"
        f"  server tracebacks: {len(errors)}"
    )
    return 0 if not (q_failed or d_failed) else 1


if __name__ == "__main__":
    sys.exit(main())

"""The staff dashboard as a person feels it: chromium, signed in, from navigation until the last
change on screen (issue #14).

For each size it starts the real app (`streamlit run app.py`) on the generated database of that
many answers (`generate.py`, shared with `dashboard.py` in --workdir), signs in through the
sign-in page as an admin, and then, after --warmup loads, measures --repeat times:

- **load**: `page.goto(/overview?plan=PLAN)` until the page has been still for --quiet ms
  with every chart and table drawn; the figure is the time of the last change to the page
  (a MutationObserver installed before the page's own scripts), counted from the navigation's
  start (`performance.now()` of the new document);
- **filter**: choosing a respondent group in the filters (and then removing it again), from
  the key press to the last change on screen;
- **own questions**: `/overview?plan=PLAN&section=questions` until its two tables are drawn and
  still (the synthetic rounds' own questions, `generate.py`).

It prints medians and p90s per size, the largest websocket message the server sent (which
`server.maxMessageSize` must allow), and the ratio of the largest size to the smallest.
Chromium and the app share the machine's cores, as they would not in service: the figures are
an upper bound of what a coordinator on their own computer waits.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks import dashboard  # noqa: E402  (the generated files and their reuse)
from benchmarks.server import free_port, launch, wait_healthy  # noqa: E402
from feedback.staff import auth  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
VIEWPORT = {"width": 1280, "height": 900}
PASSWORD = "benchmark password of some length"

# Installed before the page's scripts: the time of the last change to the document and of the
# last key press, both on the new document's clock (ms since the navigation started).
OBSERVER = """
window.__lastChange = 0;
window.__lastInput = 0;
new MutationObserver(() => { window.__lastChange = performance.now(); })
  .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
for (const kind of ["keydown", "pointerdown"]) {
  document.addEventListener(kind, () => { window.__lastInput = performance.now(); }, true);
}
"""

# Everything drawn: Streamlit's run has ended, each chart has its marks, each data grid on
# screen its canvas (one in a closed expander has none until it is opened) and each static
# table its cells.
DRAWN = """
() => {
  if (document.querySelector('[data-stale="true"], [data-testid="stSkeleton"]')) return false;
  if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
  const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')];
  const grids = [...document.querySelectorAll('[data-testid="stDataFrame"]')];
  const tables = document.querySelectorAll('[data-testid="stTable"] td').length ? 1 : 0;
  if (charts.length < %(charts)d || grids.length + tables < %(tables)d) return false;
  return charts.every(c => c.querySelector('canvas, svg .mark-group, svg .mark-rect'))
      && grids.every(t => !t.checkVisibility() || t.querySelector('canvas'));
}
"""

COUNTS = """
() => Object.fromEntries(["stVegaLiteChart", "stDataFrame", "stStatusWidget", "stSkeleton"]
  .map(id => [id, document.querySelectorAll(`[data-testid="${id}"]`).length]))
"""


def wait_still(page, *, quiet_ms: int, charts: int, tables: int, timeout_s: float = 60) -> float:
    """Wait until everything is drawn and nothing has changed for `quiet_ms`; return the time
    of the last change (ms on the document's clock)."""
    deadline = time.monotonic() + timeout_s
    try:
        drawn = DRAWN % {"charts": charts, "tables": tables}
        page.wait_for_function(drawn, timeout=timeout_s * 1000)
    except Exception as error:
        page.screenshot(path="/tmp/dashboard-browser-timeout.png", full_page=True)
        seen = page.evaluate(COUNTS)
        raise TimeoutError(f"not drawn at {page.url}: {seen} (screenshot in /tmp)") from error
    while time.monotonic() < deadline:
        last, now = page.evaluate("[window.__lastChange, performance.now()]")
        if now - last >= quiet_ms:
            return last
        page.wait_for_timeout(max(50, quiet_ms - (now - last)))
    raise TimeoutError("the page kept changing")


def sign_in(page, url: str, username: str) -> None:
    """Through the sign-in page, as a person does; done when the server has set the cookie."""
    page.goto(f"{url}/login")
    page.get_by_label("Käyttäjätunnus").fill(username)
    page.get_by_label("Salasana").fill(PASSWORD)
    page.get_by_label("Salasana").press("Enter")
    deadline = time.monotonic() + 60
    while not any(c["name"] == auth.COOKIE_NAME for c in page.context.cookies()):
        if time.monotonic() > deadline:
            raise TimeoutError("the server set no session cookie")
        page.wait_for_timeout(100)
    # Back from the server's redirect (a navigation started while that one is on its way can
    # hang chromium): the next page has loaded and drawn its heading.
    page.wait_for_url(lambda address: "/session/" not in address, wait_until="load")
    page.locator("h1").first.wait_for()


def choose_group(page, *, remove: bool) -> None:
    """Add the first respondent group to the filter, or remove the one chosen."""
    box = page.get_by_role("combobox", name="Vastaajaryhmät")
    if remove:
        box.focus()
        page.keyboard.press("Backspace")
    else:
        box.focus()
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")


def measure(url: str, plan: str, args: argparse.Namespace) -> dict:
    from playwright.sync_api import sync_playwright

    return_value: dict = {"load": [], "filter": [], "questions": []}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        page.add_init_script(OBSERVER)
        # The largest websocket message the server sends, for `server.maxMessageSize`.
        return_value["largest_message"] = 0

        def frames(websocket) -> None:
            def received(payload: bytes | str) -> None:
                largest = max(return_value["largest_message"], len(payload))
                return_value["largest_message"] = largest

            websocket.on("framereceived", received)

        page.on("websocket", frames)
        sign_in(page, url, username=args.username)
        expect = {"charts": args.charts, "tables": args.tables, "quiet_ms": args.quiet}
        for i in range(args.warmup + args.repeat):
            page.goto(f"{url}/overview?plan={plan}", wait_until="commit")
            last = wait_still(page, **expect)
            if i >= args.warmup:
                return_value["load"].append(last / 1000)
        page.get_by_text("Rajaukset", exact=True).click()  # the filters' expander, not timed
        wait_still(page, **expect)
        for i in range(args.warmup + args.repeat):
            choose_group(page, remove=i % 2 == 1)
            page.wait_for_function("window.__lastChange > window.__lastInput")
            last = wait_still(page, **expect)
            pressed = page.evaluate("window.__lastInput")
            if i >= args.warmup:
                return_value["filter"].append((last - pressed) / 1000)
        # The own questions' section (issue #27), opened by its link: its tables of the plan's
        # rounds' own questions and of one bank question across rounds.
        for i in range(args.warmup + args.repeat):
            page.goto(f"{url}/overview?plan={plan}&section=questions", wait_until="commit")
            last = wait_still(page, charts=0, tables=2, quiet_ms=args.quiet)
            if i >= args.warmup:
                return_value["questions"].append(last / 1000)
        browser.close()
    return return_value


def _summary(values: list[float]) -> str:
    ordered = sorted(values)
    p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
    return f"{statistics.median(values):.2f} s (p90 {p90:.2f}, n={len(values)})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 5_000_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/bench"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--plan", default=dashboard.PLAN)
    parser.add_argument("--quiet", type=int, default=1000, help="ms without change = drawn")
    parser.add_argument("--charts", type=int, default=1, help="charts the page must show")
    parser.add_argument("--tables", type=int, default=1, help="tables the page must show")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    results: dict[int, dict] = {}
    for size in sorted(args.sizes):
        db_path, _ = dashboard._ensure_db(size, args.workdir, args.seed)
        folder = Path(tempfile.mkdtemp(prefix="dashboard-browser-"))
        secrets = folder / "secrets.toml"
        os.environ["FEEDBACK_SECRETS"] = str(secrets)
        auth.ensure_secrets()
        args.username = f"bench{os.getpid()}x{time.time_ns() % 10**9}"
        one_time = auth.add_user(db_path, args.username, role=auth.Role.ADMIN)
        auth.change_password(db_path, args.username, one_time, PASSWORD)
        port = free_port()
        log = folder / "server.log"
        process = launch(db_path, port, log, secrets_path=secrets)
        try:
            wait_healthy(f"http://127.0.0.1:{port}", process, log)
            print(f"{size:,} answers: measuring in chromium …", flush=True)
            results[size] = measure(f"http://127.0.0.1:{port}", args.plan, args)
        finally:
            process.terminate()
            process.wait(timeout=15)
            auth.disable_user(db_path, args.username)
        print(f"  load to fully drawn: {_summary(results[size]['load'])}")
        print(f"  filter change:       {_summary(results[size]['filter'])}")
        print(f"  own questions:       {_summary(results[size]['questions'])}")
        largest = results[size]["largest_message"]
        print(f"  largest websocket message from the server: {largest / 1024:.0f} KB", flush=True)
    sizes = sorted(results)
    missed = []
    for size in sizes:
        load = statistics.median(results[size]["load"])
        change = statistics.median(results[size]["filter"])
        own = statistics.median(results[size]["questions"])
        print(
            f"{size:>10,} answers   load {load:.2f} s   filter change {change:.2f} s   "
            f"own questions {own:.2f} s"
        )
        if size >= 5_000_000 and load > 1.2:
            missed.append(f"load at {size:,} is {load:.2f} s (target ≤ 1.2 s)")
        if change > 0.5:
            missed.append(f"filter change at {size:,} is {change:.2f} s (target ≤ 0.5 s)")
    if len(sizes) > 1:
        ratio = statistics.median(results[sizes[-1]]["load"]) / statistics.median(
            results[sizes[0]]["load"]
        )
        print(f"ratio {sizes[-1]:,} / {sizes[0]:,}: {ratio:.2f} (target ≤ 1.1)")
        if ratio > 1.1:
            missed.append(f"ratio {ratio:.2f} (target ≤ 1.1)")
    if args.json:
        args.json.write_text(json.dumps({str(s): r for s, r in results.items()}, indent=2))
    for line in missed:
        print(f"MISSED: {line}")
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The two answer pages on a phone and under load: first-load bytes and time to usable under a
throttled slow-4G profile, and answers per second per process through the featherweight page.

    .venv/bin/python benchmarks/answer_pages.py              # everything (about 2 minutes)
    .venv/bin/python benchmarks/answer_pages.py --skip-load  # only the first loads
    .venv/bin/python benchmarks/answer_pages.py --rates 25 50 100 --seconds 10

The server is the real one (`streamlit run app.py`) on loopback with the real plans, on a fresh
database. Figures are medians; the machine is noisy, so compare runs made on a quiet machine.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

# Run as a script, the project root is not on the path; the benchmarks import each other.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.server import MemorySampler, Server, prepare, running_server
from feedback import rounds

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
# The profile: slow 4G (1.6 Mbps down, 750 kbps up, 150 ms) and a 4× slower CPU.
SLOW_4G = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1.6e6 / 8,
    "uploadThroughput": 750e3 / 8,
}
CPU_SLOWDOWN = 4


# --- first load on a throttled phone ------------------------------------------------------------


def first_load(browser, url: str, ready: str) -> tuple[int, float]:
    """Bytes over the wire and seconds until `ready` (a selector) is visible, cold cache."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    received = []
    cdp.on("Network.loadingFinished", lambda event: received.append(event["encodedDataLength"]))
    started = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.locator(ready).first.wait_for(state="visible", timeout=120_000)
    usable = time.perf_counter() - started
    page.wait_for_timeout(1500)  # count what still arrives after the page became usable
    context.close()
    return sum(received), usable


def first_loads(server: Server, round_: rounds.Round, repeat: int) -> None:
    from playwright.sync_api import sync_playwright

    pages = {
        "featherweight /answer": (rounds.link(round_.code), "input[type=radio]"),
        "Streamlit /respond": (
            rounds.app_link(round_.code),
            "[data-testid=stRadio] input[type=radio]",
        ),
    }
    print(f"\nFirst load, cold cache, slow 4G (1.6 Mbps, 150 ms) and {CPU_SLOWDOWN}× slower CPU:")
    print(f"{'page':<24}{'KB (median)':>12}{'s to usable (median)':>22}{'runs':>6}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, (url, ready) in pages.items():
            runs = [first_load(browser, url, ready) for _ in range(repeat)]
            kb = statistics.median(b for b, _ in runs) / 1024
            seconds = statistics.median(s for _, s in runs)
            print(f"{name:<24}{kb:>12.1f}{seconds:>22.2f}{repeat:>6}")
        browser.close()


# --- answers per second through the featherweight page ------------------------------------------


async def request(port: int, method: str, path: str, body: bytes = b"") -> tuple[int, bytes]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
    if body:
        head += "Content-Type: application/x-www-form-urlencoded\r\n"
    head += f"Content-Length: {len(body)}\r\n\r\n"
    writer.write(head.encode() + body)
    await writer.drain()
    reply = await reader.read()
    writer.close()
    status = int(reply.split(b" ", 2)[1])
    return status, reply.partition(b"\r\n\r\n")[2]


async def one_answer(port: int, path: str) -> tuple[float, bool]:
    """Open the page, then send a face: seconds of the send, and whether it was thanked."""
    _, page = await request(port, "GET", path)
    sid = re.search(rb'name="sid" value="([0-9a-f.]+)"', page).group(1)
    started = time.perf_counter()
    status, reply = await request(port, "POST", path, b"sid=" + sid + b"&q0=4&send=1")
    return time.perf_counter() - started, status == 200 and b"<h1>Kiitos!</h1>" in reply


async def offered_load(port: int, path: str, rate: float, seconds: float):
    """Start one respondent every 1/rate seconds (an open loop, as children arrive)."""
    tasks = []
    loop = asyncio.get_running_loop()
    start = loop.time()
    for i in range(int(rate * seconds)):
        await asyncio.sleep(max(0, start + i / rate - loop.time()))
        tasks.append(asyncio.create_task(one_answer(port, path)))
    results = await asyncio.gather(*tasks, return_exceptions=True)
    return [r for r in results if not isinstance(r, BaseException)], len(results)


def load(server: Server, round_: rounds.Round, db_path: Path, rates, seconds: float) -> None:
    path = rounds.link(round_.code).removeprefix(server.url)
    before = server.rss_kb() / 1024
    print(f"\nFeatherweight page under load, {seconds:.0f} s per rate, one server process:")
    print(
        f"{'offered/s':>10}{'thanked/s':>11}{'p50 ms':>8}{'p95 ms':>8}{'max ms':>8}"
        f"{'failed':>8}{'stored':>8}{'thanked':>9}{'peak RSS MB':>13}"
    )
    for rate in rates:
        stored_before = stored(db_path, round_)
        started = time.perf_counter()
        with MemorySampler(server) as memory:
            results, offered = asyncio.run(offered_load(server.port, path, rate, seconds))
        elapsed = time.perf_counter() - started
        thanked = sum(ok for _, ok in results)
        latencies = sorted(1000 * t for t, ok in results if ok)
        now_stored = stored(db_path, round_) - stored_before
        p95 = latencies[int(0.95 * (len(latencies) - 1))] if latencies else float("nan")
        print(
            f"{rate:>10.0f}{thanked / elapsed:>11.1f}{statistics.median(latencies):>8.0f}"
            f"{p95:>8.0f}{latencies[-1]:>8.0f}{offered - thanked:>8}{now_stored:>8}"
            f"{thanked:>9}{memory.peak_kb / 1024:>13.0f}"
        )
        if now_stored != thanked:
            print(f"  MISMATCH: {now_stored} stored, {thanked} thanked")
    time.sleep(15)
    after = server.rss_kb() / 1024
    print(f"RSS before the load {before:.0f} MB, 15 s after it {after:.0f} MB")


def stored(db_path: Path, round_: rounds.Round) -> int:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            "SELECT count(*) FROM answers WHERE round_id = ? AND question = 0", [round_.id]
        ).fetchone()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="first loads per page")
    parser.add_argument("--rates", type=float, nargs="+", default=[25, 50, 100, 150])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--skip-first-load", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        workload = prepare(Path(folder), rounds=1, free_text=False)
        [round_] = workload.rounds
        with running_server(workload) as server:
            os.environ["FEEDBACK_BASE_URL"] = server.url  # the links the pages hand out
            if not args.skip_first_load:
                first_loads(server, round_, args.repeat)
            if not args.skip_load:
                load(server, round_, workload.db_path, args.rates, args.seconds)


if __name__ == "__main__":
    main()

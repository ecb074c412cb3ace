"""Server time of the staff dashboard and the app's peak memory at 100k, 1M and 5M answers.

    python benchmarks/dashboard.py [--sizes 100000 1000000 5000000] [--repeat 7]
                                   [--workdir /tmp/bench] [--downloads-budget 60] [--check]

For each size the database is generated with benchmarks/generate.py (a file in --workdir is
reused when its sidecar says it holds that many answers from the same seed). Then, each in a
fresh Python process (so that memory is measured per size), for the biggest plan (kymenlaakso)
and two views —

- overview: no filters chosen (the period slider at its full range, as the page starts);
- drill-down: one actor (the plan's actor with the most rounds) and the last six months with
  answers, and the details of one sub-goal (that actor's sub-goal with the most rounds;
  the overview shows the plan's first sub-goal) —

1. the page: the real pages/overview.py run through Streamlit's AppTest, signed in as an admin
   (a user `benchmark` is added to the benchmark database), one warm-up and --repeat reruns of
   each view. This is the server time of a rerun, Streamlit's own work included (not the
   browser's), and it follows the page as the page changes. A full gc.collect(2) is timed
   apart: Streamlit would run one after every rerun, which the app turns off
   (runner.postScriptGC = false), leaving it to the memory guard;
2. the parts: the feedback.* calls the page makes, timed one by one (--repeat runs after a
   warm-up), to say where the time goes. They mirror pages/overview.py as of this writing
   (filters, goal_overview, the four charts turned into Vega-Lite with to_dict(),
   flagged answers, monthly trend, weekday × hour, sub-goal measures, indicators, the tables,
   the report's years); keep them in step with the page;
3. the download files on click: the anonymous answers of the view as CSV and XLSX and the
   council report of the latest year, built once, given up after --downloads-budget seconds
   (0 skips them).

Every process first imports what the app process holds (Streamlit and its server side, pandas,
Altair, the feedback package and its UI modules); its peak RSS (ru_maxrss) is reported after
those imports and at the end. The targets: each view's median rerun under 0.3 s; the app, which
is one process, under 300 MB however it is used (so the download files count). With --check the
script exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from feedback import storage
from feedback.storage import copy

HERE = Path(__file__).resolve().parent
TARGET_SECONDS = 0.3
TARGET_MB = 300
PLAN = "kymenlaakso"
VIEWS = ("overview", "drill-down")
USER = "benchmark"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


# --------------------------------------------------------------------------------------------
# The measuring processes (fresh ones per size)


def _app_imports() -> None:
    """Import what the app process holds: Streamlit and its server side, pandas, Altair, fpdf,
    openpyxl and every module the dashboard page uses."""
    import pandas  # noqa: F401
    import streamlit
    import streamlit.web.bootstrap  # noqa: F401 - the server side of `streamlit run`

    import feedback.ui.dashboard
    import feedback.ui.widgets  # noqa: F401
    from feedback import figures, plans  # noqa: F401
    from feedback.figures import charts, exports, measures, report  # noqa: F401


def _views(db_path: Path, plan_id: str) -> dict:
    """The two views' filters and sub-goal, and what the drill-down is about (untimed)."""
    from feedback import figures

    with storage.reading(db_path) as db:
        actor, n_rounds = db.execute(
            """SELECT a.actor_id, count(*) FROM rounds v JOIN actions a ON a.id = v.action_id
               WHERE a.actor_id IN (SELECT id FROM actors WHERE plan_id = ?)
               GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1""",
            [plan_id],
        ).fetchone()
        sub_goal = db.execute(
            """SELECT a.sub_goal_id FROM rounds v JOIN actions a ON a.id = v.action_id
               WHERE a.actor_id = ? GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1""",
            [actor],
        ).fetchone()[0]
        first_sub_goal = db.execute(
            """SELECT s.id FROM sub_goals s JOIN main_goals m ON m.id = s.main_goal_id
               WHERE m.plan_id = ? ORDER BY m.position, s.position LIMIT 1""",
            [plan_id],
        ).fetchone()[0]
    months = figures.months_with_answers(db_path, plan_id)
    narrowed = figures.Filters(months=(months[-6], months[-1]), actors=(actor,))
    return {
        # The page's period slider starts at its full range, which is no filter.
        "overview": (figures.Filters(), first_sub_goal),
        "drill-down": (narrowed, sub_goal),
        "about": {
            "actor": actor,
            "actor_rounds": n_rounds,
            "sub_goal": sub_goal,
            "first_sub_goal": first_sub_goal,
            "months": list(narrowed.months or ()),
            "all_months": [months[0], months[-1]],
        },
    }


class _Laps:
    """Seconds spent per named part."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}
        self.last = time.perf_counter()

    def __call__(self, name: str) -> None:
        now = time.perf_counter()
        self.spent[name] = self.spent.get(name, 0.0) + now - self.last
        self.last = now


def parts_of_a_rerun(db_path: Path, plan_id: str, filters, sub: str | None, *, lang: str) -> dict:
    """The feedback.* work of one rerun of pages/overview.py, in the page's order; seconds
    per part."""
    import pandas as pd

    from feedback import figures, plans, settings
    from feedback.figures import charts, measures

    k = settings.min_group_size()
    lap = _Laps()
    plan = next(p for p in plans.list_plans(db_path) if p.id == plan_id)
    figures.months_with_answers(db_path, plan.id)
    figures.plan_actors(db_path, plan.id)
    lap("filters")
    overview = figures.goal_overview(db_path, plan.id, k=k, lang=lang, filters=filters)
    lap("goal_overview")
    goals = overview[overview["level"] != "action"]
    specs = [charts.sub_goal_means(goals, lang=lang), charts.distribution(goals, lang=lang)]
    lap("charts")
    measures.flagged(db_path, plan.id, filters, k=k)
    lap("flagged")
    trend = measures.monthly_trend(db_path, plan.id, filters, k=k)
    lap("monthly_trend")
    specs.append(charts.monthly_trend(trend, lang=lang))
    lap("charts")
    heat = measures.weekday_hour(db_path, plan.id, filters, k=k)
    lap("weekday_hour")
    specs.append(charts.weekday_hour(heat, lang=lang))
    for chart in specs:
        if chart is not None:
            chart.to_dict(validate=False)  # what widgets.chart sends to the browser
    lap("charts")
    measures.sub_goal_measures(db_path, plan.id, filters, k=k, lang=lang)
    lap("sub_goal_measures")
    indicator_rows = measures.indicators(db_path, plan.id, lang=lang)
    lap("indicators")
    overview[overview["parent"] == sub]
    indicator_rows[indicator_rows["sub_goal_id"] == sub]
    pd.DataFrame({"goal": overview["label"], "mean": pd.to_numeric(overview["mean"]).round(2)})
    sorted({int(m[:4]) for m in figures.months_with_answers(db_path, plan.id)})
    lap("tables")
    return lap.spent


def measure_parts(db_path: Path, *, repeat: int, plan_id: str, lang: str) -> dict:
    """The parts of both views: one warm-up, then `repeat` runs of each."""
    rss_start = _rss_mb()
    _app_imports()
    rss_imported = _rss_mb()
    views = _views(db_path, plan_id)
    for name in VIEWS:
        parts_of_a_rerun(db_path, plan_id, *views[name], lang=lang)
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in VIEWS}
    for _ in range(repeat):
        for name in VIEWS:
            runs[name].append(parts_of_a_rerun(db_path, plan_id, *views[name], lang=lang))

    with storage.reading(db_path) as db:
        counts_rows = db.execute("SELECT count(*) FROM answer_counts").fetchone()[0]
        times_rows = db.execute("SELECT count(*) FROM answer_times").fetchone()[0]
    return {
        "plan": plan_id,
        **views["about"],
        "answer_counts_rows": counts_rows,
        "answer_times_rows": times_rows,
        "rss_start_mb": rss_start,
        "rss_imported_mb": rss_imported,
        "rss_peak_mb": _rss_mb(),
        "runs": runs,
    }


def _watchdog(budget: float, result: dict) -> threading.Timer:
    """Print `result` (as it is by then) and end the process once `budget` seconds pass."""

    def give_up() -> None:
        result.update(finished=False, rss_peak_mb=_rss_mb())
        print(json.dumps(result), flush=True)
        os._exit(0)

    timer = threading.Timer(budget, give_up)
    timer.daemon = True
    timer.start()
    return timer


def measure_page(db_path: Path, *, repeat: int, plan_id: str, budget: float) -> dict:
    """The real page through AppTest: a warm-up, then `repeat` reruns of each view."""
    os.environ["FEEDBACK_DB"] = str(db_path)
    os.environ["FEEDBACK_BCRYPT_ROUNDS"] = "4"  # signing in is not what is measured
    _app_imports()
    rss_imported = _rss_mb()
    from streamlit.testing.v1 import AppTest

    from feedback import i18n, plans, settings
    from feedback.staff import auth

    with storage.writing(db_path) as db:
        for table in ("sessions", "login_attempts", "users"):
            db.execute(f"DELETE FROM {table} WHERE username = ?", [USER])
    once = auth.add_user(db_path, USER, role=auth.Role.ADMIN)
    session_id = auth.change_password(db_path, USER, once, "benchmark only, never in use")
    about = _views(db_path, plan_id)["about"]
    plan = next(p for p in plans.list_plans(db_path) if p.id == plan_id)

    at = AppTest.from_file(str(settings.PROJECT_ROOT / "streamlit_app.py"), default_timeout=3600)
    at.switch_page("pages/overview.py")
    at.session_state["session_id"] = session_id
    at.run()  # with the page's default plan
    labels = at.selectbox[0].options
    at.selectbox[0].select_index(next(i for i, x in enumerate(labels) if plan.name["fi"] in x))

    def set_view(name: str) -> None:
        period = about["months"] if name == "drill-down" else about["all_months"]
        # The filters are drawn only while their expander is open and keep their values in
        # the session while closed: the view is chosen through those values.
        at.session_state[f"period-{plan_id}"] = tuple(period)
        at.session_state[f"actors-{plan_id}"] = [about["actor"]] if name == "drill-down" else []
        # The drill-down is the sub-goal section with one sub-goal chosen; the overview the
        # goals section (the dashboard draws the open section only).
        drill = name == "drill-down"
        section = "sub_goals" if drill else "goals"
        at.session_state["section"] = i18n.t(f"overview.section.{section}", "fi")  # the default
        at.session_state[f"sub-goal-{plan_id}"] = (
            about["sub_goal"] if drill else about["first_sub_goal"]
        )

    result: dict = {"finished": True, "budget": budget, "runs": {name: [] for name in VIEWS}}
    result["gc"] = []
    timer = _watchdog(budget, result)
    started = time.perf_counter()
    at.run()  # warm-up with the plan chosen
    result["first"] = time.perf_counter() - started
    for _ in range(repeat):
        for name in VIEWS:
            set_view(name)
            started = time.perf_counter()
            at.run()
            result["runs"][name].append(time.perf_counter() - started)
            if at.exception:
                result["exception"] = str(at.exception[0].value)
            # What Streamlit's post-rerun collection would add (off in the app's config).
            started = time.perf_counter()
            gc.collect(2)
            result["gc"].append(time.perf_counter() - started)
    timer.cancel()
    result.update(rss_imported_mb=rss_imported, rss_peak_mb=_rss_mb())
    return result


def measure_downloads(db_path: Path, *, view: str, plan_id: str, lang: str, budget: float) -> dict:
    """What pressing the download buttons makes (dashboard.downloads: the view's anonymous
    answers as CSV, then as XLSX; dashboard.council_report: the latest year's report), once."""
    _app_imports()
    from feedback import figures, plans, settings
    from feedback.figures import exports, report
    from feedback.staff import auth

    # The answer-level export is an admin's (each download recorded, here too).
    admin = auth.User("benchmark", auth.Role.ADMIN, (), False)

    filters, _sub = _views(db_path, plan_id)[view]
    k = settings.min_group_size()
    laps = _Laps()
    started = laps.last
    result: dict = {"finished": True, "budget": budget, "parts": laps.spent}
    timer = _watchdog(budget, result)
    answers = exports.answers(db_path, plan_id, filters=filters, k=k, user=admin)
    result["rows"] = len(answers)
    laps("answers frame")
    exports.to_csv(exports.answers(db_path, plan_id, filters=filters, k=k, user=admin))
    laps("CSV button")
    exports.to_xlsx(
        {"answers": exports.answers(db_path, plan_id, filters=filters, k=k, user=admin)}
    )
    laps("XLSX button")
    plan = next(p for p in plans.list_plans(db_path) if p.id == plan_id)
    year = max(int(m[:4]) for m in figures.months_with_answers(db_path, plan_id))
    report.council_report(db_path, plan_id, year=year, lang=plan.language, k=k)
    laps("report button")
    timer.cancel()
    result.update(seconds=time.perf_counter() - started, rss_peak_mb=_rss_mb())
    return result


# --------------------------------------------------------------------------------------------
# The driver


def _sidecar(db_path: Path) -> dict | None:
    try:
        return json.loads(Path(f"{db_path}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _ensure_db(size: int, workdir: Path, seed: int) -> tuple[Path, dict]:
    """The database of `size` answers, generated unless a matching one is already there."""
    sys.path.insert(0, str(HERE))
    import generate

    db_path = workdir / f"answers-{size}.db"
    info = _sidecar(db_path)
    wanted = {"version": generate.VERSION, "answers": size, "seed": seed}
    if db_path.exists() and info and all(info.get(k) == v for k, v in wanted.items()):
        print(f"reusing {db_path} ({size:,} answers)", flush=True)
        from feedback.storage import schema

        schema.migrate(db_path)  # a migration added since the file was made fills its tables
        return db_path, info
    print(f"generating {db_path} ({size:,} answers) …", flush=True)
    command = [sys.executable, str(HERE / "generate.py"), "--answers", str(size)]
    subprocess.run([*command, "--db", str(db_path), "--seed", str(seed)], check=True)
    info = _sidecar(db_path)
    if not info:
        raise SystemExit(f"generation of {db_path} failed its check")
    return db_path, info


def _child(args: list[str], timeout: float) -> dict | None:
    """This script in a fresh Python with `args`; the JSON it printed last, or None."""
    try:
        done = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), *args],
            check=True,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as failed:
        print(f"  failed: {' '.join(args)}\n{failed.stderr[-3000:]}", file=sys.stderr)
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _p90(values: list[float]) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


def _sum_parts(runs: list[dict[str, float]], part: str | None = None) -> list[float]:
    return [r.get(part, 0.0) if part else sum(r.values()) for r in runs]


def _page_times(r: dict, view: str) -> list[float]:
    """The view's rerun times from the page if it was measured, else the sum of the parts."""
    page = r.get("page")
    if page and page["runs"][view]:
        return page["runs"][view]
    return _sum_parts(r["parts"]["runs"][view])


def _report(results: dict[int, dict], args: argparse.Namespace) -> list[str]:
    """Print the tables; return the missed targets."""
    first = next(iter(results.values()))
    about = first["parts"]
    page_measured = any(r.get("page") for r in results.values())
    source = "the real page through AppTest" if page_measured else "sum of the parts"
    print()
    print(
        f"Dashboard, plan {about['plan']}: seconds per rerun ({source}), median and p90 of "
        f"{args.repeat} after a warm-up; peak RSS of the process in MB"
    )
    header = (
        f"{'answers':>10} {'counts rows':>12} {'times rows':>11} "
        + " ".join(f"{v + ' med':>15} {'p90':>6}" for v in VIEWS)
        + f" {'RSS imported':>13} {'RSS peak':>9} {'downloads on click':>26}"
    )
    print(header)
    print("-" * len(header))
    for size, r in results.items():
        parts = r["parts"]
        page = r.get("page") or {}
        cells = " ".join(
            f"{_median(_page_times(r, v)):>15.3f} {_p90(_page_times(r, v)):>6.3f}" for v in VIEWS
        )
        click = (r.get("downloads") or {}).get("overview")
        click_text = "" if click is None else _click_text(click)
        print(
            f"{size:>10,} {parts['answer_counts_rows']:>12,} {parts['answer_times_rows']:>11,} "
            f"{cells} {parts['rss_imported_mb']:>13.0f} "
            f"{max(parts['rss_peak_mb'], page.get('rss_peak_mb', 0)):>9.0f} {click_text:>26}"
        )
        if page and not page.get("finished", True):
            print(f"{'':>10} the page was given up after {page['budget']:.0f} s")
        if page.get("exception"):
            print(f"{'':>10} the page raised: {page['exception']}")
    gc_times = {s: (r.get("page") or {}).get("gc") for s, r in results.items()}
    if any(gc_times.values()):
        print(
            "a full gc.collect(2), which Streamlit would run after each rerun and the app does "
            "not (runner.postScriptGC = false), median ms: "
            + ", ".join(f"{s:,}: {1000 * _median(t):.0f}" for s, t in gc_times.items() if t)
        )
    sizes = list(results)
    if len(sizes) > 1:
        small, large = results[sizes[0]], results[sizes[-1]]
        ratios = ", ".join(
            f"{v} {_median(_page_times(large, v)) / _median(_page_times(small, v)):.2f}"
            for v in VIEWS
        )
        print(f"ratio of medians, {sizes[-1]:,} / {sizes[0]:,} answers: {ratios}")

    print()
    print(f"Where the time goes: median milliseconds per part of a rerun ({args.repeat} runs)")
    names = list(first["parts"]["runs"]["overview"][0])
    width = max(len(n) for n in [*names, "sum of the parts"])
    print(f"{'part':<{width}} " + " ".join(f"{f'{s:,} {v[:5]}':>16}" for s in sizes for v in VIEWS))
    for name in [*names, None]:
        print(
            f"{name or 'sum of the parts':<{width}} "
            + " ".join(
                f"{1000 * _median(_sum_parts(results[s]['parts']['runs'][v], name)):>16.1f}"
                for s in sizes
                for v in VIEWS
            )
        )

    if any(r.get("downloads") for r in results.values()):
        print()
        print(
            "Download buttons of the answers (made on click): the view's answers as a frame, "
            "then the CSV button, then the XLSX button, then the council report, once each"
        )
        for size, r in results.items():
            for view, d in (r.get("downloads") or {}).items():
                steps = ", ".join(f"{p} {s:.1f} s" for p, s in d["parts"].items())
                rows = f"{d['rows']:,} rows; " if "rows" in d else ""
                print(f"{size:>10,} {view:>10}: {_click_text(d)} — {rows}{steps}")

    missed = []
    for size, r in results.items():
        peaks = [r["parts"]["rss_peak_mb"], (r.get("page") or {}).get("rss_peak_mb", 0)]
        peaks += [d["rss_peak_mb"] for d in (r.get("downloads") or {}).values()]
        for view in VIEWS:
            median = _median(_page_times(r, view))
            if not median < TARGET_SECONDS:
                missed.append(f"{view} at {size:,}: {median:.2f} s")
        if r.get("page") and not r["page"].get("finished", True):
            missed.append(f"the page at {size:,} did not finish in {r['page']['budget']:.0f} s")
        for view, d in (r.get("downloads") or {}).items():
            if not d["finished"]:
                missed.append(f"{view} downloads at {size:,}: over {d['budget']:.0f} s")
        if max(peaks) >= TARGET_MB:
            missed.append(f"app memory at {size:,}: {max(peaks):,.0f} MB")
    print()
    print(
        f"drill-down: actor {about['actor']} ({about['actor_rounds']} rounds), months "
        f"{' … '.join(about['months'])}, sub-goal {about['sub_goal']}"
    )
    print(
        f"targets: each view < {TARGET_SECONDS} s (median rerun), the app < {TARGET_MB} MB: "
        + ("all met" if not missed else "MISSED — " + "; ".join(missed))
    )
    return missed


def _click_text(d: dict) -> str:
    if not d["finished"]:
        return f"> {d['budget']:.0f} s (given up), {d['rss_peak_mb']:,.0f} MB"
    return f"{d['seconds']:.1f} s, {d['rss_peak_mb']:,.0f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000, 5_000_000])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/bench"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--plan", default=PLAN)
    parser.add_argument("--lang", default="fi")
    parser.add_argument(
        "--page-budget",
        type=float,
        default=300,
        help="seconds after which the AppTest runs of the page are given up (0: skip them)",
    )
    parser.add_argument(
        "--downloads-budget",
        type=float,
        default=60,
        help="seconds after which one view's download files are given up (0: skip them)",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument(
        "--store",
        choices=["sqlite", "postgresql"],
        default="sqlite",
        help="postgresql: each generated file is copied (feedback store copy) into a database "
        "of its own on a durable throwaway cluster in the workdir, and measured there",
    )
    parser.add_argument("--child", choices=["parts", "page", "downloads"], help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--view", choices=VIEWS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    if args.child == "parts":
        result = measure_parts(args.db, repeat=args.repeat, plan_id=args.plan, lang=args.lang)
    elif args.child == "page":
        result = measure_page(
            args.db, repeat=args.repeat, plan_id=args.plan, budget=args.page_budget
        )
    elif args.child == "downloads":
        result = measure_downloads(
            args.db, view=args.view, plan_id=args.plan, lang=args.lang, budget=args.downloads_budget
        )
    if args.child:
        print(json.dumps(result), flush=True)
        return 0

    args.workdir.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        server = stack.enter_context(_cluster(args.workdir)) if args.store != "sqlite" else None
        return _measure_all(args, server)


@contextlib.contextmanager
def _cluster(workdir: Path) -> Iterator[str]:
    """A durable (fsync on) throwaway PostgreSQL cluster, started by the project's script."""
    folder = workdir / "postgresql"
    shutil.rmtree(folder, ignore_errors=True)
    script = Path(__file__).resolve().parent.parent / "scripts" / "postgres.sh"
    env = {**os.environ, "DURABLE": "1"}
    url = subprocess.run(
        [script, "start", folder], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    try:
        yield url
    finally:
        subprocess.run([script, "stop", folder], check=False)
        shutil.rmtree(folder, ignore_errors=True)


def _on_server(server: str, db_path: Path, size: int) -> str:
    """The generated file copied into a new database `answers_SIZE` on the server."""
    name = f"answers_{size}"
    import psycopg

    with psycopg.connect(server, autocommit=True) as admin:  # not inside a transaction
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    url = server.rsplit("/", 1)[0] + f"/{name}"
    started = time.perf_counter()
    report = copy.copy_store(db_path, url)
    print(
        f"copied into {name}: {report.answers:,} answer rows in "
        f"{time.perf_counter() - started:.0f} s, rows and figures identical",
        flush=True,
    )
    return url


def _measure_all(args: argparse.Namespace, server: str | None) -> int:
    results: dict[int, dict] = {}
    for size in sorted(args.sizes):
        db_path, info = _ensure_db(size, args.workdir, args.seed)
        store = _on_server(server, db_path, size) if server else db_path
        info = {**info, "store": args.store}
        common = ["--db", str(store), "--plan", args.plan, "--lang", args.lang]
        common += ["--repeat", str(args.repeat)]
        started = time.perf_counter()
        print(f"{size:,} answers: the parts of a rerun …", flush=True)
        parts = _child(["--child", "parts", *common], 3600)
        if parts is None:
            raise SystemExit(f"timing the parts at {size:,} failed or took over an hour")
        results[size] = {"generated": info, "parts": parts, "downloads": {}}
        if args.page_budget > 0:
            print(f"{size:,} answers: the page through AppTest …", flush=True)
            budget = ["--page-budget", str(args.page_budget)]
            results[size]["page"] = _child(
                ["--child", "page", *budget, *common], args.page_budget + 300
            )
        for view in VIEWS if args.downloads_budget > 0 else ():
            print(f"{size:,} answers: the download buttons of the {view} …", flush=True)
            budget = ["--downloads-budget", str(args.downloads_budget)]
            d = _child(
                ["--child", "downloads", "--view", view, *budget, *common],
                args.downloads_budget + 300,
            )
            results[size]["downloads"][view] = d or {
                "finished": False,
                "budget": args.downloads_budget,
                "parts": {},
                "rss_peak_mb": float("nan"),
            }
        print(f"  {time.perf_counter() - started:.0f} s", flush=True)
    missed = _report(results, args)
    (args.workdir / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 1 if missed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())

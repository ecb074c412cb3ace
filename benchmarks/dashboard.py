"""Server time of the staff dashboard and the app's peak memory at 100k, 1M and 5M answers.

    python benchmarks/dashboard.py [--sizes 100000 1000000 5000000] [--repeat 7]
                                   [--workdir /tmp/bench] [--check]

For each size the database is generated with benchmarks/generate.py (an existing file in
--workdir is reused when its sidecar says it has that many answers from the same seed), then a
fresh Python process per size imports what the app process imports (Streamlit and its server,
pandas, Altair, the feedback package and its UI modules) and times, after one warm-up, --repeat
runs of two views of the biggest plan (kymenlaakso):

- overview: everything pages/overview.py computes with no filters — the plan list, the filter
  choices (months with answers, actors), `stats.goal_overview`, `figures.monthly_trend`,
  `figures.weekday_hour`, `figures.sub_goal_measures`, `figures.indicators`, the four charts
  (built and turned into Vega-Lite specs, as `st.altair_chart` does), and every sub-goal's rows;
- drill-down: the same with the filters narrowed to one actor (the plan's actor with the most
  rounds) and the last six months with answers, plus the rows and indicators of one sub-goal
  (that actor's sub-goal with the most rounds).

It prints the median and p90 of each view's wall-clock time, the time split into the data
(feedback.* calls, including pandas) and the charts, the process's peak RSS (ru_maxrss) after
the imports and after the views, the sizes of the kept counts, and the ratio of the largest to
the smallest size's medians (close to 1 when cost does not grow with the number of answers).
With --check it exits 1 when a view's median is 0.3 s or more, or the peak RSS 300 MB or more.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET_SECONDS = 0.3
TARGET_MB = 300
PLAN = "kymenlaakso"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


# --------------------------------------------------------------------------------------------
# The measuring process (one per size)


def _app_imports() -> None:
    """Import what the app process holds: Streamlit and its server, pandas, Altair, fpdf,
    openpyxl and every module the dashboard page uses."""
    import pandas  # noqa: F401
    import streamlit
    import streamlit.web.bootstrap  # noqa: F401 - the server side of `streamlit run`

    import feedback.ui.dashboard
    import feedback.ui.widgets  # noqa: F401
    from feedback import charts, exports, figures, plans, report, stats  # noqa: F401


def _views(db_path: Path, plan_id: str) -> dict[str, tuple]:
    """The two views: (filters, sub-goal shown) each; looked up once, untimed."""
    from feedback import db as dbm
    from feedback import stats

    with dbm.reading(db_path) as db:
        actor, n_rounds = db.execute(
            """SELECT a.actor_id, count(*) FROM surveys v JOIN actions a ON a.id = v.action_id
               WHERE a.actor_id IN (SELECT id FROM actors WHERE plan_id = ?)
               GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1""",
            [plan_id],
        ).fetchone()
        sub_goal = db.execute(
            """SELECT a.sub_goal_id FROM surveys v JOIN actions a ON a.id = v.action_id
               WHERE a.actor_id = ? GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1""",
            [actor],
        ).fetchone()[0]
    months = stats.months_with_answers(db_path, plan_id)
    narrowed = stats.Filters(months=(months[-6], months[-1]), actors=(actor,))
    return {
        "overview": (stats.Filters(), None),
        "drill-down": (narrowed, sub_goal),
        "_about": (actor, n_rounds, sub_goal, list(narrowed.months or ())),
    }


class _Laps:
    """Seconds spent per named part of a view."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}
        self.last = time.perf_counter()

    def __call__(self, name: str) -> None:
        now = time.perf_counter()
        self.spent[name] = self.spent.get(name, 0.0) + now - self.last
        self.last = now


def figures_view(db_path: Path, plan_id: str, filters, sub: str | None, *, lang: str) -> dict:
    """What one rerun of pages/overview.py computes, except the download files; seconds per
    part, in the page's order."""
    from feedback import charts, figures, plans, report, settings, stats

    k = settings.min_group_size()
    lap = _Laps()
    plan = next(p for p in plans.list_plans(db_path) if p.id == plan_id)
    stats.months_with_answers(db_path, plan.id)
    stats.plan_actors(db_path, plan.id)
    lap("filters")
    overview = stats.goal_overview(db_path, plan.id, k=k, lang=lang, filters=filters)
    lap("goal_overview")
    goals = overview[overview["level"] != "action"]
    specs = [charts.sub_goal_means(goals, lang=lang), charts.distribution(goals, lang=lang)]
    lap("charts")
    figures.flagged(db_path, plan.id, filters)
    lap("flagged")
    trend = figures.monthly_trend(db_path, plan.id, filters, k=k)
    lap("monthly_trend")
    specs.append(charts.monthly_trend(trend, lang=lang))
    lap("charts")
    heat = figures.weekday_hour(db_path, plan.id, filters, k=k)
    lap("weekday_hour")
    specs.append(charts.weekday_hour(heat, lang=lang))
    for chart in specs:
        if chart is not None:
            chart.to_dict()  # what st.altair_chart sends to the browser
    lap("charts")
    figures.sub_goal_measures(db_path, plan.id, filters, k=k, lang=lang)
    lap("sub_goal_measures")
    indicator_rows = figures.indicators(db_path, plan.id, lang=lang)
    lap("indicators")
    for row in overview[overview["level"] == "sub"].itertuples():
        overview[overview["parent"] == row.id]
        indicator_rows[indicator_rows["sub_goal_id"] == row.id]
    if sub is not None:
        overview[overview["parent"] == sub]
        indicator_rows[indicator_rows["sub_goal_id"] == sub]
    lap("sub_goal_rows")
    # dashboard.council_report: the PDF of the latest year with answers, built on every rerun.
    years = sorted({int(m[:4]) for m in stats.months_with_answers(db_path, plan.id)})
    report.council_report(db_path, plan.id, year=years[-1], lang=plan.language, k=k)
    lap("council_report")
    return lap.spent


def downloads_view(db_path: Path, plan_id: str, filters, *, lang: str, laps: _Laps) -> None:
    """dashboard.downloads: the summary and the anonymous answers as CSV and XLSX, built on
    every rerun of the page."""
    import pandas as pd

    from feedback import exports, settings, stats

    k = settings.min_group_size()
    overview = stats.goal_overview(db_path, plan_id, k=k, lang=lang, filters=filters)
    summary = pd.DataFrame({"goal": overview["label"], "answers": overview["answers_text"]})
    exports.to_csv(summary)
    exports.to_xlsx({"summary": summary})
    laps("summary")
    answers = exports.answers(db_path, plan_id, filters=filters, k=k)
    laps(f"answers_frame ({len(answers):,} rows)")
    exports.to_csv(answers)
    laps("answers_csv")
    exports.to_xlsx({"answers": answers})
    laps("answers_xlsx")


def measure(db_path: Path, *, repeat: int, plan_id: str, lang: str) -> dict:
    """Run in a fresh process: import the app, then time the two views."""
    rss_start = _rss_mb()
    _app_imports()
    rss_imported = _rss_mb()
    views = _views(db_path, plan_id)
    actor, n_rounds, sub_goal, months = views.pop("_about")
    for filters, sub in views.values():
        figures_view(db_path, plan_id, filters, sub, lang=lang)  # warm-up
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in views}
    for _ in range(repeat):
        for name, (filters, sub) in views.items():
            runs[name].append(figures_view(db_path, plan_id, filters, sub, lang=lang))

    from feedback import db as dbm

    with dbm.reading(db_path) as db:
        counts_rows = db.execute("SELECT count(*) FROM answer_counts").fetchone()[0]
        times_rows = db.execute("SELECT count(*) FROM answer_times").fetchone()[0]
    return {
        "db": str(db_path),
        "plan": plan_id,
        "actor": actor,
        "actor_rounds": n_rounds,
        "sub_goal": sub_goal,
        "months": months,
        "answer_counts_rows": counts_rows,
        "answer_times_rows": times_rows,
        "rss_start_mb": rss_start,
        "rss_imported_mb": rss_imported,
        "rss_peak_mb": _rss_mb(),
        "runs": runs,
    }


def measure_downloads(db_path: Path, *, view: str, plan_id: str, lang: str, budget: float) -> None:
    """Run in a fresh process: build one view's download files once, giving up after `budget`
    seconds; print what was done, and the peak RSS, as JSON."""
    _app_imports()
    filters, _sub = _views(db_path, plan_id)[view]
    laps = _Laps()
    started = laps.last

    def report(finished: bool) -> None:
        print(
            json.dumps(
                {
                    "finished": finished,
                    "seconds": time.perf_counter() - started,
                    "parts": laps.spent,
                    "rss_peak_mb": _rss_mb(),
                }
            ),
            flush=True,
        )

    def give_up() -> None:
        report(False)
        os._exit(0)

    timer = threading.Timer(budget, give_up)
    timer.daemon = True
    timer.start()
    downloads_view(db_path, plan_id, filters, lang=lang, laps=laps)
    timer.cancel()
    report(True)


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
        return db_path, info
    print(f"generating {db_path} ({size:,} answers) …", flush=True)
    subprocess.run(
        [
            sys.executable,
            str(HERE / "generate.py"),
            "--answers",
            str(size),
            "--db",
            str(db_path),
            "--seed",
            str(seed),
        ],
        check=True,
    )
    info = _sidecar(db_path)
    if not info:
        raise SystemExit(f"generation of {db_path} failed its check")
    return db_path, info


def _child(args: list[str], timeout: float) -> dict | None:
    """Run this script with `args` in a fresh Python; its last line of output, as JSON."""
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
    return json.loads(done.stdout.strip().splitlines()[-1])


def _p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]


def _totals(runs: list[dict[str, float]], part: str | None = None) -> list[float]:
    if part == "data":
        return [sum(v for k, v in r.items() if k != "charts") for r in runs]
    if part is not None:
        return [r.get(part, 0.0) for r in runs]
    return [sum(r.values()) for r in runs]


NAMES = ("overview", "drill-down")


def _downloads_text(d: dict | None, budget: float) -> str:
    if d is None:
        return "not measured"
    if not d["finished"]:
        return f"> {budget:.0f} s (stopped)"
    return f"{d['seconds']:.1f} s"


def _report(results: dict[int, dict], repeat: int, budget: float) -> list[str]:
    """Print the tables; return the missed targets."""
    plan = next(iter(results.values()))["plan"]
    print()
    print(
        f"Dashboard server time, plan {plan}: median and p90 of {repeat} runs after a warm-up "
        "(seconds); the page's figures, charts and council report, without its download files"
    )
    header = (
        f"{'answers':>10} {'counts rows':>12} {'times rows':>11} "
        + " ".join(f"{n + ' med':>15} {'p90':>6}" for n in NAMES)
        + f" {'RSS import':>11} {'RSS peak':>9}"
    )
    print(header)
    print("-" * len(header))
    for size, r in results.items():
        cells = []
        for name in NAMES:
            runs = r["runs"][name]
            cells.append(f"{statistics.median(_totals(runs)):>15.3f} {_p90(_totals(runs)):>6.3f}")
        print(
            f"{size:>10,} {r['answer_counts_rows']:>12,} {r['answer_times_rows']:>11,} "
            + " ".join(cells)
            + f" {r['rss_imported_mb']:>8.0f} MB {r['rss_peak_mb']:>6.0f} MB"
        )
    sizes = list(results)
    if len(sizes) > 1:
        small, large = results[sizes[0]], results[sizes[-1]]
        ratios = ", ".join(
            f"{name} "
            f"{statistics.median(_totals(large['runs'][name])) / statistics.median(_totals(small['runs'][name])):.2f}"  # noqa: E501
            for name in NAMES
        )
        print(f"ratio of medians, {sizes[-1]:,} / {sizes[0]:,} answers: {ratios}")

    print()
    print("Median milliseconds per part (in the page's order)")
    parts = list(next(iter(results.values()))["runs"]["overview"][0])
    width = max(len(p) for p in parts)
    print(f"{'part':<{width}} " + " ".join(f"{f'{s:,} {n[:5]}':>16}" for s in sizes for n in NAMES))
    for part in parts:
        print(
            f"{part:<{width}} "
            + " ".join(
                f"{1000 * statistics.median(_totals(results[s]['runs'][n], part)):>16.1f}"
                for s in sizes
                for n in NAMES
            )
        )

    if any(r.get("downloads") for r in results.values()):
        print()
        print(
            "The page's download files (dashboard.downloads: summary + every answer of the view "
            "as CSV and XLSX), built once in a fresh process per view"
        )
        for size, r in results.items():
            for name in NAMES:
                d = (r.get("downloads") or {}).get(name)
                if d is None:
                    continue
                parts_text = ", ".join(f"{p} {v:.1f} s" for p, v in d["parts"].items())
                print(
                    f"{size:>10,} {name:>10}: {_downloads_text(d, budget):>18}, "
                    f"peak RSS {d['rss_peak_mb']:,.0f} MB — {parts_text}"
                )

    missed = []
    for size, r in results.items():
        peak = r["rss_peak_mb"]
        for name in NAMES:
            median = statistics.median(_totals(r["runs"][name]))
            d = (r.get("downloads") or {}).get(name)
            if d is not None:
                median += d["seconds"]
                peak = max(peak, d["rss_peak_mb"])
            if median >= TARGET_SECONDS:
                extra = " with its download files" if d is not None else ""
                missed.append(f"{name} at {size:,}{extra}: {median:.2f} s")
        if peak >= TARGET_MB:
            missed.append(f"app memory at {size:,}: {peak:,.0f} MB")
    about = next(iter(results.values()))
    print()
    print(
        f"drill-down: actor {about['actor']} ({about['actor_rounds']} rounds), months "
        f"{' … '.join(about['months'])}, sub-goal {about['sub_goal']}"
    )
    print(
        f"targets: each view < {TARGET_SECONDS} s (median), the app < {TARGET_MB} MB: "
        + ("all met" if not missed else "MISSED — " + "; ".join(missed))
    )
    return missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000, 5_000_000])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/bench"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--plan", default=PLAN)
    parser.add_argument("--lang", default="fi")
    parser.add_argument(
        "--downloads-budget",
        type=float,
        default=60,
        help="seconds after which building one view's download files is given up (0: skip)",
    )
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--measure-downloads", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--view", choices=NAMES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.measure:
        result = measure(args.measure, repeat=args.repeat, plan_id=args.plan, lang=args.lang)
        print(json.dumps(result))
        return 0
    if args.measure_downloads:
        measure_downloads(
            args.measure_downloads,
            view=args.view,
            plan_id=args.plan,
            lang=args.lang,
            budget=args.downloads_budget,
        )
        return 0
    args.workdir.mkdir(parents=True, exist_ok=True)
    results: dict[int, dict] = {}
    common = ["--plan", args.plan, "--lang", args.lang]
    for size in sorted(args.sizes):
        db_path, info = _ensure_db(size, args.workdir, args.seed)
        print(f"measuring {size:,} answers in a fresh process …", flush=True)
        started = time.perf_counter()
        result = _child(["--measure", str(db_path), "--repeat", str(args.repeat), *common], 3600)
        if result is None:
            raise SystemExit(f"measuring {db_path} took over an hour")
        result["generated"] = info
        result["downloads"] = {}
        print(f"  done in {time.perf_counter() - started:.1f} s", flush=True)
        for name in NAMES if args.downloads_budget > 0 else ():
            print(f"  download files of the {name} (at most {args.downloads_budget:.0f} s) …")
            d = _child(
                [
                    "--measure-downloads",
                    str(db_path),
                    "--view",
                    name,
                    "--downloads-budget",
                    str(args.downloads_budget),
                    *common,
                ],
                args.downloads_budget + 120,
            )
            if d is None:  # did not even stop at its budget
                d = {"finished": False, "seconds": args.downloads_budget, "parts": {}}
                d["rss_peak_mb"] = float("nan")
            result["downloads"][name] = d
        results[size] = result
    missed = _report(results, args.repeat, args.downloads_budget)
    (args.workdir / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 1 if missed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())

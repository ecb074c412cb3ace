"""Subtracting shown figures from each other to learn a withheld small group (issue #24, item 1),
against the real server: the children's public results page as a stranger reads it, and the
staff dashboard, its chart data and its exports as a signed-in user's browser receives them.

Each attack reads what a browser is sent (chromium, and the WebSocket frames behind the
dashboard's charts) and asserts that the difference of two figures says nothing about a group
of fewer than k answers. Loops are bounded in count and time; only loopback is used.
"""

from __future__ import annotations

import csv
import io
import re
import time
from datetime import date, datetime, timedelta
from urllib.parse import urlencode

import pyarrow as pa
import pytest

from feedback import figures, settings, storage
from feedback.rounds import answers
from feedback.staff import auth
from tests.support.attack import request, staff_page
from tests.support.browser import settle
from tests.support.rounds import open_round

pytestmark = pytest.mark.browser

PLAN = "kymenlaakso"
K = settings.min_group_size()
EARLIER = datetime.combine(date.today() - timedelta(days=2), datetime.min.time()).replace(hour=10)
#: Bounds of every loop: attempts, and seconds in all.
ATTEMPTS = 20
SECONDS = 120


@pytest.fixture(scope="module")
def sub_goals(target):
    """The plan's sub-goals, each with its first action: one sub-goal per attack, so that
    the attacks' answers never meet in one figure."""
    with storage.reading(target.db_path) as db:
        rows = db.execute(
            """SELECT s.id, min(a.id) FROM sub_goals s JOIN main_goals m ON m.id = s.main_goal_id
               JOIN actions a ON a.sub_goal_id = s.id WHERE m.plan_id = ?
               GROUP BY s.id, m.position, s.position ORDER BY m.position, s.position""",
            [PLAN],
        ).fetchall()
    return iter(rows)


def store(db_path, round_, scores, *, group=None, channel="link", now=EARLIER):
    """Children's answers stored as the app stores them, on an earlier day."""
    for score in scores:
        answers.record(
            db_path,
            round_,
            answers.Answer(scores=(score,), group=group),
            submission_id=answers.new_submission_id(),
            channel=channel,
            now=now,
        )


def answer_by_post(target, code: str, score: int) -> int:
    """One answer as a stranger sends it: the real form fetched, then posted with a face."""
    page = request(f"{target.url}/answer/{code}")
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page.body))
    sent = request(
        f"{target.url}/answer/{code}",
        data=urlencode({**hidden, "q0": str(score), "send": "1"}).encode(),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    return sent.status


def public_results(browser, url: str) -> tuple[int | None, list[str]]:
    """What a child's browser shows on a results page: the count of answers (None when no
    figures are shown) and the share under each face."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        page.get_by_text(
            re.compile(r"Vastauksia tuli|Tuloksia ei näytetä|Vastauksia on vielä alle")
        ).first.wait_for(timeout=30_000)
        settle(page)
        said = page.get_by_text(re.compile(r"Vastauksia tuli \d+")).all_inner_texts()
        if not said:
            return None, []
        page.locator(".results-faces figure").first.wait_for(timeout=30_000)
        shares = page.locator(".results-faces figcaption strong").all_inner_texts()
        return int(re.search(r"\d+", said[0]).group()), shares
    finally:
        context.close()


def faces(shown: tuple[int | None, list[str]]) -> tuple[int, ...] | None:
    """Answers per face as a reader works them out from the count and the shares."""
    count, shares = shown
    if count is None:
        return None
    return tuple(round(count * int(re.sub(r"\D", "", s)) / 100) for s in shares)


def test_an_actions_figure_minus_its_rounds_reveals_no_withheld_round(target, browser, sub_goals):
    _sub, action = next(sub_goals)
    small = open_round(target.db_path, action_id=action)
    shown = open_round(target.db_path, action_id=action)
    store(target.db_path, small, [4, 5, 5])
    store(target.db_path, shown, [1] * 6 + [2] * 5 + [3] * 4 + [4] * 4 + [5] * 4)
    whole = public_results(browser, f"{target.url}/results?a={action}")
    part = public_results(browser, f"{target.url}/results?s={shown.code}")
    assert part[0] == 23
    assert whole == part, "the action shows exactly its shown round: the difference is empty"
    assert public_results(browser, f"{target.url}/results?s={small.code}") == (None, [])


def test_reading_before_and_after_one_more_answer_shows_the_same(target, browser, sub_goals):
    _sub, action = next(sub_goals)
    round_ = open_round(target.db_path, action_id=action)
    store(target.db_path, round_, [5] * 4 + [4] * 3 + [3] * 3)
    before = public_results(browser, f"{target.url}/results?s={round_.code}")
    assert before[0] == 10
    assert answer_by_post(target, round_.code, 1) == 200
    assert answers.count(target.db_path, round_) == 11, "the 11th answer is stored"
    after = public_results(browser, f"{target.url}/results?s={round_.code}")
    assert after == before, "the 11th child's face is in no figure today"


def test_answers_of_ones_own_do_not_push_a_small_round_into_view_today(target, browser, sub_goals):
    _sub, action = next(sub_goals)
    round_ = open_round(target.db_path, action_id=action)
    store(target.db_path, round_, [1, 1, 2, 3])  # the real four, on an earlier day
    started, sent = time.monotonic(), 0
    while sent < K - 4 and sent < ATTEMPTS and time.monotonic() - started < SECONDS:
        assert answer_by_post(target, round_.code, 5) == 200
        sent += 1
    assert answers.count(target.db_path, round_) == 4 + sent == K, "the attacker's are stored"
    assert public_results(browser, f"{target.url}/results?s={round_.code}") == (None, [])


def goal_table(page, target, query: str) -> dict[str, tuple[str, str, str]]:
    """The dashboard's goal table as staff see it: label → (answers, mean, positive share)."""
    page.goto(f"{target.url}/overview?plan={PLAN}&{query}")
    page.get_by_role("table").first.wait_for(timeout=60_000)
    settle(page)
    rows = {}
    for row in page.get_by_role("table").first.locator("tbody tr").all():
        cells = [c.strip() for c in row.locator("td, th").all_inner_texts()]
        rows[cells[0]] = tuple(cells[1:4])
    return rows


def label(target, sub_goal: str) -> str:
    overview = figures.goal_overview(target.db_path, PLAN, k=K, lang="fi").set_index("id")
    return overview.at[sub_goal, "label"]


@pytest.mark.parametrize(
    ("split", "small", "narrowed"),
    [
        ("groups", {"group": "grades-7-9"}, "groups=grades-4-6"),
        ("channels", {"channel": "kiosk"}, "channels=link"),
    ],
)
def test_all_minus_one_filter_on_the_dashboard_reveals_no_small_group(
    target, browser, sub_goals, split, small, narrowed
):
    sub_goal, action = next(sub_goals)
    round_ = open_round(target.db_path, action_id=action, audiences=("grades-4-6", "grades-7-9"))
    store(target.db_path, round_, [5] * 10 + [4] * 10, group="grades-4-6")
    store(target.db_path, round_, [1, 1, 2], **{"group": "grades-4-6", **small})
    page = staff_page(browser, target, f"staff-{split}", plan=PLAN)
    try:
        everything = goal_table(page, target, "")
        filtered = goal_table(page, target, narrowed)
    finally:
        page.context.close()
    name = label(target, sub_goal).strip()
    shown = next(v for k, v in everything.items() if k.endswith(name))
    narrow = next(v for k, v in filtered.items() if k.endswith(name))
    assert shown[0] == "20"
    assert shown == narrow, "all minus the filter is nothing: the 3 answers are in neither"


def chart_tables(frames: list[bytes]) -> list[pa.Table]:
    """The Arrow tables in the WebSocket frames a browser received: the charts' data."""
    found = []
    for frame in frames:
        start = 0
        while (at := frame.find(b"\xff\xff\xff\xff", start)) >= 0:
            start = at + 4
            try:
                found.append(pa.ipc.open_stream(frame[at:]).read_all())
            except (pa.ArrowInvalid, OSError):
                continue
    return found


def test_the_chart_data_sent_to_the_browser_holds_no_withheld_faces(target, browser, sub_goals):
    sub_goal, action = next(sub_goals)
    round_ = open_round(target.db_path, action_id=action, audiences=("grades-4-6", "grades-7-9"))
    store(target.db_path, round_, [5] * 10 + [4] * 10, group="grades-4-6")
    store(target.db_path, round_, [1, 1, 2], group="grades-7-9")
    name = label(target, sub_goal)
    page = staff_page(browser, target, "staff-charts", plan=PLAN)
    seen = {}
    frames: list[bytes] = []  # of the page's current connection: emptied at each visit

    def received(payload: bytes | str) -> None:
        frames.append(payload if isinstance(payload, bytes) else payload.encode())

    page.on("websocket", lambda socket: socket.on("framereceived", received))
    try:
        for query in ("section=sub_goals", "section=sub_goals&groups=grades-4-6"):
            frames.clear()
            page.goto(f"{target.url}/overview?plan={PLAN}&{query}")
            page.get_by_role("table").first.wait_for(timeout=60_000)
            settle(page)
            rows = [
                row
                for table in chart_tables(frames)
                if "label" in table.column_names
                for row in table.to_pylist()
                if row["label"] == name
            ]
            seen[query] = sorted((r.get("score"), r.get("n")) for r in rows)
    finally:
        page.context.close()
    everything, narrowed = seen.values()
    assert sorted(n for _s, n in everything) == [0, 0, 0, 10, 10], "the chart's data is there"
    assert everything == narrowed, "the withheld group's faces are in no chart's data"
    assert (1, 2) not in everything and (2, 1) not in everything


def test_the_answer_level_export_is_an_admins_and_has_no_small_cell(target, browser, sub_goals):
    _sub, action = next(sub_goals)
    round_ = open_round(target.db_path, action_id=action, audiences=("grades-4-6", "grades-7-9"))
    store(target.db_path, round_, [5] * 12, group="grades-4-6")
    store(target.db_path, round_, [1], group="grades-7-9")
    store(target.db_path, round_, [2, 2], group="grades-4-6", channel="kiosk")
    staff = staff_page(browser, target, "staff-export", plan=PLAN)
    try:
        staff.goto(f"{target.url}/overview?plan={PLAN}&section=files")
        staff.get_by_role("button", name="Yhteenveto (CSV)").wait_for(timeout=60_000)
        settle(staff)
        assert staff.get_by_role("button", name="Nimettömät vastaukset (CSV)").count() == 0
    finally:
        staff.context.close()
    admin = staff_page(browser, target, "admin-export", role=auth.Role.ADMIN, plan=PLAN)
    try:
        admin.goto(f"{target.url}/overview?plan={PLAN}&section=files")
        button = admin.get_by_role("button", name="Nimettömät vastaukset (CSV)")
        button.wait_for(timeout=60_000)
        settle(admin)
        with admin.expect_download(timeout=60_000) as download:
            button.click()
        data = download.value.path().read_bytes().decode("utf-8-sig")
    finally:
        admin.context.close()
    rows = list(csv.DictReader(io.StringIO(data), delimiter=";"))
    mine = [r for r in rows if r["round"] == round_.code and r["question"] == "0"]
    atoms: dict[tuple, int] = {}
    for r in mine:
        key = (r["group"], r["channel"], r["month"])
        atoms[key] = atoms.get(key, 0) + int(r["answers"])
    assert atoms == {("grades-4-6", "link", EARLIER.strftime("%Y-%m")): 12}, (
        "the cells of 1 and 2 answers are a pool of 3, under k: in no row, not even merged"
    )
    with storage.reading(target.db_path) as db:
        audit = db.execute(
            "SELECT username, plan_id, what, downloaded_on FROM export_downloads"
        ).fetchall()
    assert ("admin-export", PLAN, "answers", date.today().isoformat()) in [tuple(a) for a in audit]

"""Issue #24, item 4: nothing kept says in what order, or at what time, answers arrived.

The attack: read the store (a leaked backup, a curious administrator) or the server's log, and
rebuild who answered when — from row ids numbered in arrival order, from a table read in the
order it was written, or from a log line holding the answer's address and its second.
"""

from __future__ import annotations

import re
import time
from urllib.parse import urlencode

import pytest

from feedback import plans, settings, storage
from feedback.rounds import questions
from tests.support.attack import Target, request
from tests.support.rounds import open_round

ANSWERS = 30
_HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')
_ACTION = re.compile(r'<form method="post" action="([^"]*)">')


def _answer(target: Target, code: str, score: int, comment: str) -> int:
    """Answer as a phone does: GET the form, send back every field it holds, plus the choice."""
    page = request(f"{target.url}/answer/{code}")
    assert page.status == 200, page.body[:300]
    fields = dict(_HIDDEN.findall(page.body))
    action = _ACTION.search(page.body)[1].replace("&amp;", "&")
    fields.update({"q0": str(score), "comment": comment, "send": "1"})
    sent = request(f"{target.url}/answer/{code}{action}", data=urlencode(fields).encode())
    return sent.status


def _kendall_tau(values: list[int]) -> float:
    """+1 when the values rise in arrival order, -1 when they fall, about 0 when unrelated."""
    pairs = [(a, b) for i, a in enumerate(values) for b in values[i + 1 :]]
    return sum((a < b) - (a > b) for a, b in pairs) / len(pairs)


def _not_in_either_order(values: list[int]) -> bool:
    # Random keys come out sorted one way or the other with probability 2/30! (< 1e-31).
    return values != sorted(values) and values != sorted(values, reverse=True)


@pytest.fixture(scope="module")
def answered(target: Target) -> tuple[str, list[str]]:
    """A round with a comment box, answered 30 times one after the other; the comments say in
    what order ("answer 01" … "answer 30")."""
    action = plans.list_actions(target.db_path, plan_id="kymenlaakso")[0]
    round_ = open_round(target.db_path, action_id=action.id, free_text=True)
    # Refused first (a comment too long), as a child's first try may be: then sent again.
    too_long = "x" * (questions.FREE_TEXT_MAX + 1)
    assert _answer(target, round_.code, 3, too_long) == 422
    sent = []
    deadline = time.monotonic() + 120
    for nth in range(1, ANSWERS + 1):
        assert time.monotonic() < deadline, "answering took more than two minutes"
        comment = f"answer {nth:02d}"
        assert _answer(target, round_.code, 1 + nth % 5, comment) == 200
        sent.append(comment)
    return round_.code, sent


def test_stored_ids_do_not_follow_the_order_of_answering(target: Target, answered) -> None:
    code, sent = answered
    with storage.reading(target.db_path) as db:
        rows = db.execute(
            """SELECT c.text, c.id, a.id FROM comments c
               JOIN answers a ON a.submission_id = c.submission_id AND a.question = 0
               JOIN rounds v ON v.id = c.round_id WHERE v.code = ?""",
            [code],
        ).fetchall()
    by_text = {text: (comment_id, answer_id) for text, comment_id, answer_id in rows}
    assert sorted(by_text) == sent, "every answer is stored once"
    comment_ids = [by_text[text][0] for text in sent]
    answer_ids = [by_text[text][1] for text in sent]
    print(
        f"Kendall tau of ids against arrival: answers {_kendall_tau(answer_ids):+.2f}, "
        f"comments {_kendall_tau(comment_ids):+.2f}"
    )
    assert _not_in_either_order(answer_ids)
    assert _not_in_either_order(comment_ids)


def test_the_file_read_as_written_does_not_follow_the_order_of_answering(
    target: Target, answered
) -> None:
    """A SQLite table read without ORDER BY comes in key order: that order says nothing."""
    code, sent = answered
    with storage.reading(target.db_path) as db:
        read = [
            text
            for (text,) in db.execute(
                "SELECT text FROM comments WHERE round_id = (SELECT id FROM rounds WHERE code = ?)",
                [code],
            )
        ]
        rowids = {
            table: [rowid for (rowid,) in db.execute(f"SELECT rowid FROM {table}")]
            for table in ("answers", "comments")
        }
    arrival = [sent.index(text) for text in read]
    assert _not_in_either_order(arrival)
    for table, keys in rowids.items():
        assert keys != list(range(1, len(keys) + 1)), f"{table} numbered in order"


def test_the_server_log_holds_no_answer_address(target: Target, answered) -> None:
    code, _ = answered
    log = target.log_path.read_text(errors="replace")
    lines = [line for line in log.splitlines() if code in line]
    print(f"log lines with the round's code (the answer's address holds it): {len(lines)}")
    assert lines == []


def _blocks(config: str, opening: str) -> list[str]:
    """The bodies of the blocks of nginx's `config` that open with `opening` (e.g. "server")."""
    found = []
    for match in re.finditer(rf"^\s*{re.escape(opening)}\s*\{{", config, re.MULTILINE):
        depth, start = 1, match.end()
        end = start
        while depth:
            depth += {"{": 1, "}": -1}.get(config[end], 0)
            end += 1
        found.append(config[start : end - 1])
    return found


def test_the_reference_proxy_logs_no_answer_address_and_no_query():
    config = re.sub(r"#.*", "", (settings.PROJECT_ROOT / "deploy/nginx.conf").read_text())
    servers = _blocks(config, "server")
    assert len(servers) == 2
    for server in servers:  # HTTP (a redirect) and HTTPS: each has the answer page's location
        [answer] = _blocks(server, "location /answer/")
        assert re.search(r"^\s*access_log off;", answer, re.MULTILINE)
        assert "access_log" not in answer.replace("access_log off;", "")
    [https] = [s for s in servers if "ssl" in s]
    [answer] = _blocks(https, "location /answer/")
    assert re.search(r"^\s*error_log \S+ crit;", answer, re.MULTILINE), (
        "an error line would hold the answer's address, the client's and the second"
    )
    formats = re.findall(r"log_format\s+\w+((?:\s*'[^']*')+)\s*;", config)
    assert formats, "the access log's format is the project's own"
    for variables in formats:
        # $request is the whole request line, query included; $uri is the path alone.
        assert not re.search(r"\$(request|request_uri|args|query_string|arg_\w+)\b", variables)
        assert not re.search(r"\$(remote_addr|http_x_forwarded_for|http_user_agent)\b", variables)


def test_the_reference_proxy_closes_streamlits_metrics_and_agent_api_and_logs_no_download_address():
    config = re.sub(r"#.*", "", (settings.PROJECT_ROOT / "deploy/nginx.conf").read_text())
    [https] = [s for s in _blocks(config, "server") if "ssl" in s]
    for closed in ("/_stcore/metrics", "/_stcore/agent"):
        [block] = _blocks(https, f"location {closed}")
        assert re.search(r"^\s*return 404;", block, re.MULTILINE), closed
    [media] = _blocks(https, "location /media/")
    assert re.search(r"^\s*access_log off;", media, re.MULTILINE)

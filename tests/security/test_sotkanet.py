"""`feedback indicators fetch` against a hostile Sotkanet (issue #28): an answer that never ends
and one that trickles in a byte at a time. The command stops reading at the importer's size limit
or its deadline, stores nothing, and says why; the server here is a real one on loopback, its
loops bounded in count and time."""

from __future__ import annotations

import time

import pytest

from feedback import plans
from feedback.plans import editing, fetch, sotkanet
from tests.support.sotkanet import SOTKANET_PLAN, recorded_sotkanet
from tests.support.stores import new_store

MEGABYTE = b"[" + b" " * (1_048_576 - 1)


@pytest.fixture
def mapped_db(tmp_path):
    """The test plan on a SQLite file: the attack is on the command, not on the store."""
    db_path = new_store("sqlite", tmp_path)
    path = tmp_path / "mini.yaml"
    path.write_text(SOTKANET_PLAN, encoding="utf-8")
    plans.import_file(db_path, path)
    return db_path


def values(db_path) -> list:
    return editing.export_plan(db_path, "mini")["indicators"][0]["values"]


def test_an_endless_answer_is_cut_at_the_size_limit_and_nothing_is_stored(mapped_db):
    sent = []

    def endless(handler):
        handler.send_response(200)
        handler.end_headers()
        try:
            for _ in range(50):  # at most 50 MB, ten times what the command reads
                handler.wfile.write(MEGABYTE)
                sent.append(len(MEGABYTE))
        except (BrokenPipeError, ConnectionResetError):
            pass

    before = values(mapped_db)
    started = time.monotonic()
    with (
        recorded_sotkanet(body=endless) as server,
        pytest.raises(sotkanet.SotkanetFileError) as error,
    ):
        fetch.fetch(mapped_db, "mini", years=[2023], base_url=server.url, backoff=0)
    assert time.monotonic() - started < 30
    assert error.value.lines("en") == [
        f"{server.url}/indicators/289:1: the file is 5,000,001 bytes; at most 5,000,000 are read"
    ]
    # Read up to the limit and no further: what the server got out is the limit plus what the
    # sockets' buffers held when the command hung up.
    print(f"endless answer: {sum(sent):,} bytes sent before the command hung up")
    assert sum(sent) < 50 * len(MEGABYTE)
    assert values(mapped_db) == before


def test_an_answer_that_trickles_in_is_given_up_at_the_deadline(mapped_db, monkeypatch):
    def trickle(handler):
        handler.send_response(200)
        handler.end_headers()
        try:
            for _ in range(100):  # a byte every 0.1 s: ten seconds at most
                handler.wfile.write(b" ")
                handler.wfile.flush()
                time.sleep(0.1)
        except (BrokenPipeError, ConnectionResetError):
            pass

    monkeypatch.setattr(fetch, "ATTEMPTS", 2)
    before = values(mapped_db)
    started = time.monotonic()
    with recorded_sotkanet(body=trickle) as server, pytest.raises(fetch.FetchError) as error:
        fetch.fetch(mapped_db, "mini", base_url=server.url, backoff=0, deadline=0.5)
    took = time.monotonic() - started
    print(f"trickle: given up after {took:.1f} s and {len(server.calls)} calls")
    assert str(error.value) == f"{server.url}/indicators/289: the answer took too long"
    assert len(server.calls) == 2 and took < 4  # two attempts of half a second, not 2 × 10 s
    assert values(mapped_db) == before

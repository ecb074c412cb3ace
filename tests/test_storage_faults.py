"""A disk that is really full or really read-only, under both answer pages: the child is told
kindly, the choice stays on screen, and the retry once the disk is fixed stores it once.

The database lives on a small tmpfs of its own, so the faults are the kernel's (ENOSPC, EROFS),
not stand-ins. Mounting needs root (or sudo without a password); elsewhere they are skipped.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from feedback import plans, rounds, storage
from feedback.rounds import answers
from feedback.storage import schema
from feedback.ui import answer_page
from tests.support.pages import page, submission_id
from tests.support.rounds import open_round
from tests.support.stores import stored_answers

# A full or read-only disk under a SQLite file; a server's disk is its administrator's.
pytestmark = pytest.mark.sqlite_only


class SmallDisk:
    """A 4 MB tmpfs that a test can fill up, free, and make read-only and writable again."""

    def __init__(self, mount: Path):
        self.mount = mount
        self._filler = mount / "filler"

    def fill(self) -> None:
        # As for a process that holds no connection yet: a kept one has its -shm already and
        # would go on reading; a new one cannot even read when the -shm cannot be made.
        storage.close_all()
        with self._filler.open("wb") as filler:
            try:
                while True:
                    filler.write(b"\0" * 65536)
                    filler.flush()
            except OSError as error:
                assert error.errno == errno.ENOSPC
        assert os.statvfs(self.mount).f_bavail == 0

    def free(self) -> None:
        self._filler.unlink()

    def read_only(self) -> None:
        storage.close_all()  # `mount` refuses a file system with files open for writing
        _mount("-o", "remount,ro", self.mount)

    def writable(self) -> None:
        _mount("-o", "remount,rw", self.mount)


def _mount(*args) -> None:
    _as_root("mount", *args)


def _as_root(*command) -> None:
    sudo = [] if os.geteuid() == 0 else ["sudo", "--non-interactive"]
    subprocess.run([*sudo, *map(str, command)], check=True, capture_output=True)


@pytest.fixture
def small_disk(tmp_path: Path):
    mount = tmp_path / "disk"
    mount.mkdir()
    try:
        _mount("-t", "tmpfs", "-o", "size=4m", "tmpfs", mount)
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"cannot mount a small file system here (needs root): {error}")
    yield SmallDisk(mount)
    _as_root("umount", "--lazy", mount)


@pytest.fixture
def disk_db(small_disk: SmallDisk, plan_file: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The tiny plan's database on the small disk, the app pointed at it."""
    import streamlit as st

    path = small_disk.mount / "feedback.db"
    schema.migrate(path)
    plans.import_file(path, plan_file)
    monkeypatch.setenv("FEEDBACK_DB", str(path))
    st.cache_resource.clear()
    st.cache_data.clear()
    return path


@pytest.fixture
def disk_round(disk_db: Path) -> rounds.Round:
    round_ = open_round(disk_db, action_id="mini:a1")
    # An empty write-ahead log: the next answer needs new space on the disk, as it would on a
    # disk that filled up since the last checkpoint.
    with closing(sqlite3.connect(disk_db)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return round_


def integrity(db_path: Path) -> str:
    with closing(sqlite3.connect(db_path)) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


FAULTS = {
    "full": (SmallDisk.fill, SmallDisk.free),
    "read-only": (SmallDisk.read_only, SmallDisk.writable),
}


@pytest.mark.parametrize("fault", FAULTS)
def test_the_answer_page_keeps_the_choice_on_a_broken_disk_and_stores_the_retry_once(
    small_disk, disk_db, disk_round, fault
):
    break_disk, fix_disk = FAULTS[fault]
    url = f"/answer/{disk_round.code}?lang=en"
    with TestClient(Starlette(routes=answer_page.routes())) as client:
        sid = submission_id(client.get(url).text)
        break_disk(small_disk)
        failed = client.post(url, data={"sid": sid, "q0": "2", "send": "1"})
        fix_disk(small_disk)
        retried = client.post(url, data={"sid": sid, "q0": "2", "send": "1"})
    assert failed.status_code == 503
    assert "could not be saved" in failed.text
    assert '<input type="radio" name="q0" value="2" checked required>' in failed.text
    assert submission_id(failed.text) == sid
    assert retried.status_code == 200
    assert "<h1>Thank you!</h1>" in retried.text
    assert stored_answers(disk_db, disk_round.code, "question, score") == [(0, 2)]
    assert integrity(disk_db) == "ok"


@pytest.mark.parametrize("fault", FAULTS)
def test_the_streamlit_page_keeps_the_face_on_a_broken_disk_and_stores_the_retry_once(
    small_disk, disk_db, disk_round, fault
):
    break_disk, fix_disk = FAULTS[fault]
    at = page("respond", s=disk_round.code, lang="en")
    at.radio[0].set_value(2)
    break_disk(small_disk)
    at.button[0].click().run()
    fix_disk(small_disk)
    assert not at.exception
    assert "could not be saved" in at.error[0].value
    assert at.radio[0].value == 2, "the child's choice stays on screen"
    assert answers.count(disk_db, disk_round) == 0
    at.button[0].click().run()
    assert at.header[0].value == "Thank you!"
    assert answers.count(disk_db, disk_round) == 1
    assert integrity(disk_db) == "ok"


def test_a_round_first_opened_on_a_full_disk_gets_a_kind_page_on_both_answer_pages(
    small_disk, disk_db, disk_round
):
    page("home")  # the server was up before the disk filled, this round not yet read
    small_disk.fill()
    with TestClient(Starlette(routes=answer_page.routes())) as client:
        reply = client.get(f"/answer/{disk_round.code}?lang=sv")
    at = page("respond", s=disk_round.code, lang="en")
    small_disk.free()
    assert reply.status_code == 503
    assert "<h1>Enkäten går inte att använda just nu</h1>" in reply.text
    assert "Traceback" not in reply.text
    assert not at.exception
    assert at.header[0].value == "The survey cannot be used just now"
    assert "not your fault" in at.info[0].value


def test_a_server_started_on_a_full_disk_says_so_kindly_and_recovers_when_it_is_freed(
    small_disk, disk_db, disk_round
):
    small_disk.fill()
    at = page("respond", s=disk_round.code, lang="sv")
    small_disk.free()
    assert not at.exception
    assert at.header[0].value == "Tjänsten går inte att använda just nu"
    at.run()
    assert at.radio[0].label == "Vad tycker du om det här?"

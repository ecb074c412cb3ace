"""`feedback store copy`: a municipality's SQLite file moved into another store (PostgreSQL in
production), with every row and every figure the same afterwards."""

import pandas as pd
import pytest
from click.testing import CliRunner

from feedback import auth, changes, demo, exports, figures, plans, responses, storage, surveys
from feedback.cli import cli
from feedback.responses import Answer
from feedback.stats import Filters, goal_overview
from feedback.storage import copy
from tests.conftest import STORES, available, new_store


@pytest.fixture
def source(tmp_path, plan_file):
    """A municipality's SQLite file in use: answers with comments and choices, a user, a
    change, demo data."""
    store = new_store("sqlite", tmp_path)
    plans.import_file(store, plan_file)
    surveys.create(store, action_id="mini:a1", code="testcase")
    round_ = surveys.create(store, action_id="mini:a3", follow_up=("friends",), free_text=True)
    for score in (1, 4, 5, 5):
        responses.record(
            store,
            round_,
            Answer(scores=(score,), choices=("friends",), text=f"kiva {score}"),
            submission_id=responses.new_submission_id(),
        )
    auth.add_user(store, "anna", role=auth.Role.ADMIN)
    changes.record(
        store,
        action_id="mini:a3",
        survey_id=round_.id,
        you_said="Lisää",
        we_did="Tehty",
        status="done",
        language="fi",
    )
    demo.fill(store, responses=300, seed=3)
    return store


@pytest.fixture(params=STORES)
def target(request, tmp_path):
    """An empty store of each kind, not migrated yet (the copy migrates it)."""
    folder = tmp_path / "target"
    folder.mkdir()
    return new_store(available(request.param), folder, migrated=False)


def figures_of(store) -> list[pd.DataFrame]:
    everything = Filters()
    return [
        goal_overview(store, "mini", k=5, lang="fi"),
        figures.monthly_trend(store, "mini", everything, k=5),
        figures.weekday_hour(store, "mini", everything, k=5),
        exports.answers(store, "mini", filters=everything, k=5),
    ]


def test_the_copy_has_every_row_and_the_same_figures(source, target):
    report = copy.copy_store(source, target)
    assert report.rows["responses"] > 300
    assert report.rows["comments"] == 4
    assert report.rows["users"] == 1
    for mine, theirs in zip(figures_of(source), figures_of(target), strict=True):
        pd.testing.assert_frame_equal(mine, theirs, check_dtype=False)
    with storage.reading(target) as db:
        assert db.execute("SELECT text FROM comments ORDER BY id").fetchall() == [
            (f"kiva {s}",) for s in (1, 4, 5, 5)
        ]


def test_answers_after_the_copy_get_new_ids_and_are_counted(source, target):
    copy.copy_store(source, target)
    copied = surveys.get_by_code(target, "testcase")
    before = responses.count(target, copied)
    assert responses.record(
        target, copied, Answer(scores=(3,)), submission_id=responses.new_submission_id()
    )
    assert responses.count(target, copied) == before + 1
    with storage.reading(target) as db:
        ids = [i for (i,) in db.execute("SELECT id FROM responses")]
    assert len(ids) == len(set(ids))


def test_a_store_that_is_not_empty_is_refused_and_left_as_it_was(source, target):
    copy.copy_store(source, target)
    with pytest.raises(copy.CopyError, match="is not empty"):
        copy.copy_store(source, target)
    assert copy.compare(source, target).rows["responses"] > 300


def test_a_copy_that_differs_is_reported(source, target):
    copy.copy_store(source, target)
    with storage.writing(target) as db:
        db.execute("UPDATE answer_totals SET n = n + 1 WHERE score = 5")
    with pytest.raises(copy.CopyError, match="answer_totals differs"):
        copy.compare(source, target)


def test_the_command_copies_and_says_what_it_checked(source, target):
    result = CliRunner().invoke(cli, ["store", "copy", "--db", str(source), "--to", str(target)])
    assert result.exit_code == 0, result.output
    assert "comments                      4 rows" in result.output
    assert "the figures' sums are identical in both" in result.output
    again = CliRunner().invoke(cli, ["store", "copy", "--db", str(source), "--to", str(target)])
    assert again.exit_code == 1
    assert again.output.startswith("Error: ") and "is not empty" in again.output
    assert "Traceback" not in again.output


def test_every_table_is_copied(db_path):
    with storage.reading(db_path) as db:
        assert set(copy.TABLES) == set(db.tables()) - {"_sqlite_migrations"}

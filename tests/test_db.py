import threading

import pytest

from feedback import storage
from feedback.storage import schema


@pytest.mark.sqlite_only
def test_every_connection_is_durable_and_checks_foreign_keys(db_path):
    with storage.reading(db_path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_a_failed_write_leaves_nothing_behind(db_path):
    try:
        with storage.writing(db_path) as db:
            db.execute("INSERT INTO plans VALUES ('p', 'fi', '{}', 2021, 2025, '[]', 's', 'h')")
            raise RuntimeError("power cut")
    except RuntimeError:
        pass
    with storage.reading(db_path) as db:
        assert db.execute("SELECT count(*) FROM plans").fetchone()[0] == 0


def test_concurrent_writers_queue_instead_of_failing(db_path):
    errors = []

    def write(worker):
        try:
            for i in range(25):
                with storage.writing(db_path) as db:
                    db.execute(
                        "INSERT INTO plans VALUES (?, 'fi', '{}', 2021, 2025, '[]', 's', 'h')",
                        [f"p{worker}-{i}"],
                    )
        except Exception as error:  # collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with storage.reading(db_path) as db:
        assert db.execute("SELECT count(*) FROM plans").fetchone()[0] == 200


def test_migrating_twice_applies_each_migration_once(db_path):
    schema.migrate(db_path)
    with storage.reading(db_path) as db:
        names = [r[0] for r in db.execute("SELECT name FROM _sqlite_migrations")]
        assert schema.migrations.pending(db) == []
    assert len(names) == len(set(names)) > 0


def test_among_restricts_to_the_values_none_means_all_and_empty_means_nothing(db_path):
    with storage.writing(db_path) as db:
        db.execute("CREATE TABLE t (x TEXT)")
        db.executemany("INSERT INTO t VALUES (?)", [("a",), ("b",), ("c",)])
    with storage.reading(db_path) as db:

        def rows(values):
            where, params = storage.among("x", values)
            return [r[0] for r in db.execute(f"SELECT x FROM t WHERE {where} ORDER BY x", params)]

        assert rows(None) == ["a", "b", "c"]
        assert rows(("a", "c")) == ["a", "c"]
        assert rows(()) == []

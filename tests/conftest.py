"""Fixtures: a real temporary SQLite file per test, a tiny plan, an open round."""

from __future__ import annotations

import sqlite3
import textwrap
from contextlib import contextmanager
from pathlib import Path

import pytest

from feedback import auth, plans, responses, schema, surveys

MINI_PLAN = textwrap.dedent(
    """\
    format: 1
    id: mini
    language: fi
    name: {fi: Minisuunnitelma, sv: Miniplan, en: Mini plan}
    period: {start: 2021, end: 2025}
    municipalities: [Hamina, Kotka]
    source: Test plan written for the test suite
    actors:
      - {id: hamina, name: Haminan kaupunki, kind: municipality}
      - {id: kotka, name: Kotkan kaupunki, kind: municipality}
    main_goals:
      - id: i
        number: I
        title: {fi: Osallisuus, en: Participation}
        sub_goals:
          - id: i-1
            number: 1
            title: {fi: Lapsia kuullaan, en: Children are heard}
            ease: medium
            impact: high
            actions:
              - {id: a1, text: {fi: Lasten parlamentti, en: Children's parliament}, actor: hamina}
              - {id: a2, text: Nuorisovaltuuston kokoukset, actor: kotka}
          - id: i-2
            number: 2
            title: Harrastukset kaikille
            actions:
              - {id: a3, text: Maksuton kerhotoiminta, actor: hamina}
      - id: ii
        number: II
        title: Hyvinvointi
        sub_goals:
          - id: ii-1
            number: 1
            title: Liikkuminen
            actions:
              - {id: a4, text: Liikuntakerhot, actor: kotka}
    indicators:
      - id: ind-01
        number: 1
        name: Tyytyväinen elämäänsä
        unit: percent
        direction: higher-is-better
        source: Kouluterveyskysely
        sub_goals: [i-1]
        values:
          - {year: 2019, group: grades-4-5, value: 88.0, national: 89.5, colour: neutral}
    """
)


@pytest.fixture(autouse=True)
def secrets_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own cookie key; nothing is written to the real config folder."""
    path = tmp_path / "secrets.toml"
    monkeypatch.setenv("FEEDBACK_SECRETS", str(path))
    monkeypatch.setenv("FEEDBACK_BCRYPT_ROUNDS", "4")
    auth.ensure_secrets()
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A migrated, empty database file."""
    path = tmp_path / "feedback.db"
    schema.migrate(path)
    return path


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "mini.yaml"
    path.write_text(MINI_PLAN, encoding="utf-8")
    return path


@pytest.fixture
def plan_db(db_path: Path, plan_file: Path) -> Path:
    """A database with the tiny plan imported."""
    plans.import_file(db_path, plan_file)
    return db_path


@pytest.fixture
def survey(plan_db: Path) -> surveys.Survey:
    """An open five-face round on action mini:a1."""
    return surveys.create(plan_db, action_id="mini:a1", code="testcase")


@pytest.fixture
def app_env(plan_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app at the test database and forget cached resources."""
    import streamlit as st

    monkeypatch.setenv("FEEDBACK_DB", str(plan_db))
    st.cache_resource.clear()
    st.cache_data.clear()
    return plan_db


def signed_in(db_path: Path, username: str, *, role: auth.Role, actors=()) -> str:
    """A user who has set their own password, and an open session id for them."""
    one_time = auth.add_user(db_path, username, role=role, actors=actors)
    auth.change_password(db_path, username, one_time, "correct horse battery staple")
    return auth.login(db_path, username, "correct horse battery staple")


@contextmanager
def write_locked(db_path: Path):
    """Another connection holding the write lock: every write fails (once its busy timeout has
    passed) until it lets go. A full and a read-only disk are in test_storage_faults.py."""
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def stored_answers(db_path: Path, code: str, columns: str) -> list[tuple]:
    """The round's rows in `responses`, oldest first, with `columns` (a fixed list in a test)."""
    with sqlite3.connect(db_path) as conn:
        return conn.execute(
            f"""SELECT {columns} FROM responses JOIN surveys ON surveys.id = survey_id
                WHERE code = ? ORDER BY responses.id""",
            [code],
        ).fetchall()


def answered(db_path: Path, round_: surveys.Survey, *scores: int) -> None:
    """One respondent per score answers the round's main question (through `record`)."""
    for score in scores:
        responses.record(
            db_path,
            round_,
            responses.Answer(scores=(score,)),
            submission_id=responses.new_submission_id(),
        )

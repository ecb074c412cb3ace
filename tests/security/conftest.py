"""A real app server on loopback, attacked as a stranger would attack it (issues #24, #25).

Each test module here runs one attack with bounded loops against the server started by the
project's own launcher, and asserts that the attack fails: what a stranger can get stored,
read or worked out, seen from outside and in the store itself.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.server import free_port, launch, wait_healthy
from feedback import plans, settings
from feedback.staff import auth
from tests.support.attack import BODY_SECONDS, Target
from tests.support.stores import new_store


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    """The app with the real plans on a SQLite file of its own, on a free loopback port."""
    folder = tmp_path_factory.mktemp("attacked")
    secrets_path = folder / "secrets.toml"
    os.environ["FEEDBACK_SECRETS"] = str(secrets_path)  # the tests share the server's key
    auth.ensure_secrets()
    db_path = Path(new_store("sqlite", folder))
    plans.import_directory(db_path, settings.PLANS_DIR)
    port = free_port()
    log_path = folder / "server.log"
    # A short time for request bodies, so that the slow-body attack is over in seconds.
    process = launch(
        db_path,
        port,
        log_path,
        secrets_path=secrets_path,
        settings_={"FEEDBACK_BODY_SECONDS": str(BODY_SECONDS)},
    )
    url = f"http://127.0.0.1:{port}"
    wait_healthy(url, process, log_path)
    yield Target(url, db_path, log_path, secrets_path, process.pid)
    process.terminate()
    process.wait(timeout=15)

"""The pages' fixtures: an admin signed in on the test's store, and the files behind a page's
download buttons."""

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest, app_test

from feedback.staff import auth
from tests.support.users import signed_in


@pytest.fixture
def admin(app_env):
    return signed_in(app_env, "admin", role=auth.Role.ADMIN)


@pytest.fixture
def downloaded(monkeypatch: pytest.MonkeyPatch):
    """The file behind a page's download button, as the browser gets it when pressed:
    Streamlit runs the button's callable on the click and keeps the file in the run's media
    store, which AppTest makes afresh for every run (kept here for the test to read)."""
    stores: list[MediaFileManager] = []

    class Kept(MediaFileManager):
        def __init__(self, storage) -> None:
            super().__init__(storage)
            stores.append(self)

    monkeypatch.setattr(app_test, "MediaFileManager", Kept)

    def fetch(at: AppTest, label: str) -> bytes:
        button = next(d for d in at.get("download_button") if d.proto.label == label)
        url = stores[-1].execute_deferred(button.proto.deferred_file_id)
        return stores[-1]._storage.get_file(url.rsplit("/", 1)[1]).content

    return fetch

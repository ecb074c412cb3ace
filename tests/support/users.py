"""Staff, admins and council members who have chosen their own password."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from feedback.staff import auth

if TYPE_CHECKING:
    from tests.support.browser import Server

PASSWORD = "correct horse battery staple"


def make_user(server: Server, username: str, *, role: str, actors=()) -> None:
    """A user on the server's database who has already chosen their own password."""
    one_time = auth.add_user(server.db_path, username, role=auth.Role(role), actors=actors)
    auth.change_password(server.db_path, username, one_time, PASSWORD)


def signed_in(db_path: Path, username: str, *, role: auth.Role, actors=()) -> str:
    """A user who has set their own password, and an open session id for them."""
    one_time = auth.add_user(db_path, username, role=role, actors=actors)
    auth.change_password(db_path, username, one_time, PASSWORD)
    return auth.login(db_path, username, PASSWORD)

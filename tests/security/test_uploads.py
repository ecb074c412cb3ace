"""A stranger cannot put files in the server's memory: Streamlit's upload route keeps any file a
session puts there until the session ends, checking only that the session exists and that the
XSRF header matches its cookie, both of which a stranger makes. 100 files of 1.9 MB from one
session on the respondent page grew the process from 78 to 372 MB before the route was kept
for signed-in staff (feedback/ui/media_guard.py)."""

from __future__ import annotations

import os
import uuid

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.web.server.starlette import starlette_app_utils

from benchmarks.respondents import open_tab, run_async
from feedback import plans
from feedback.staff import auth
from tests.support.attack import request
from tests.support.rounds import open_round
from tests.support.users import signed_in

BOUNDARY = "upload-boundary"


def a_file(size: int) -> bytes:
    """One file in a multipart body, as the browser's uploader sends it."""
    return (
        (
            f"--{BOUNDARY}\r\n"
            'Content-Disposition: form-data; name="file"; filename="x.yaml"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + os.urandom(size)
        + f"\r\n--{BOUNDARY}--\r\n".encode()
    )


def put_files(target, *, count: int, cookie: str = "") -> list[int]:
    """Open a session on the respondent page as a browser does, then put `count` files into
    it with a matching XSRF header and cookie; the replies' statuses."""
    code = open_round(target.db_path, action_id=plans.list_actions(target.db_path)[0].id).code
    xsrf = starlette_app_utils.generate_xsrf_token_string(None, None)
    headers = {
        "Content-Type": f"multipart/form-data; boundary={BOUNDARY}",
        "X-Xsrftoken": xsrf,
        "Cookie": f"_streamlit_xsrf={xsrf}" + (f"; {cookie}" if cookie else ""),
    }

    async def attack() -> list[int]:
        async with open_tab(target.url, code, page="respond") as tab:
            await tab.rerun()
            session_id = ""
            while not session_id:
                message = ForwardMsg()
                message.ParseFromString(await tab.ws.recv(decode=False))
                if message.WhichOneof("type") == "new_session":
                    session_id = message.new_session.initialize.session_id
            statuses = []
            for _ in range(count):
                address = f"{target.url}/_stcore/upload_file/{session_id}/{uuid.uuid4()}"
                sent = request(address, data=a_file(100_000), headers=headers, method="PUT")
                statuses.append(sent.status)
            return statuses

    return run_async(attack)


def test_a_strangers_session_on_the_respondent_page_cannot_upload_a_file(target):
    assert put_files(target, count=20) == [403] * 20


def test_a_signed_in_staff_member_still_uploads(target):
    session_id = signed_in(target.db_path, "lataaja", role=auth.Role.ADMIN)
    cookie = f"{auth.COOKIE_NAME}={auth.cookie_token(session_id, key=target.cookie_key)}"
    assert put_files(target, count=2, cookie=cookie) == [204, 204]

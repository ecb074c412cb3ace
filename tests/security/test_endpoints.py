"""What a stranger can do to the server itself: Streamlit's metrics and agent API are closed,
and request bodies that never come or are cut off are neither waited for nor logged at
length."""

from __future__ import annotations

import socket
import time

from streamlit.proto.BackMsg_pb2 import BackMsg

from benchmarks.respondents import open_tab, run_async
from feedback import plans
from tests.support.attack import BODY_SECONDS, request
from tests.support.rounds import open_round


def test_streamlit_metrics_are_not_served_to_the_public(target):
    for path in ("/_stcore/metrics", "/_stcore/metrics/"):
        reply = request(target.url + path, headers={"Accept": "application/openmetrics-text"})
        assert reply.status == 404
        assert "session" not in reply.body
    assert request(target.url + "/_stcore/health").status == 200


def test_streamlits_agent_api_is_closed_whatever_the_settings(target):
    # Streamlit's agent API drives the pages over plain HTTP, around the websocket's guards;
    # an environment variable turns it on, so the app closes it itself.
    interact = {"Content-Type": "application/json"}
    for path, data in (
        ("/_stcore/agent/openapi.json", None),
        ("/_stcore/agent/interact", b'{"page": "respond"}'),
        ("/_stcore/agent/mcp", b'{"jsonrpc": "2.0", "id": 1, "method": "tools/list"}'),
    ):
        reply = request(target.url + path, data=data, headers=interact)
        assert reply.status == 404, path
        assert "openapi" not in reply.body.lower() and "link" not in reply.headers


def _post_part(target, *, claimed: int, sent: bytes, hang_up: bool) -> socket.socket:
    """A POST to the sign-in hand-over route that claims `claimed` bytes of body and sends
    `sent`; then hangs up at once, or keeps the connection open."""
    host, port = target.url.removeprefix("http://").split(":")
    client = socket.create_connection((host, int(port)), timeout=10)
    client.sendall(
        b"POST /session/open HTTP/1.1\r\nHost: " + host.encode() + b"\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\n"
        b"Content-Length: " + str(claimed).encode() + b"\r\n\r\n" + sent
    )
    if hang_up:
        client.close()
    return client


def test_clients_hanging_up_mid_post_cost_a_line_of_log_not_a_traceback_each(target):
    before = target.log_path.stat().st_size
    for _ in range(500):
        _post_part(target, claimed=4000, sent=b"token", hang_up=True)
    time.sleep(1)  # the server notices the last of them
    assert request(target.url + "/_stcore/health").status == 200
    logged = target.log_path.read_text(errors="replace")[before:]
    assert "Traceback" not in logged and "ClientDisconnect" not in logged
    assert len(logged.splitlines()) <= 2, logged[:2000]


def test_a_body_that_never_comes_is_not_waited_for(target):
    held = [_post_part(target, claimed=4000, sent=b"token", hang_up=False) for _ in range(50)]
    started = time.monotonic()
    try:
        replies = [client.recv(200) for client in held]
    finally:
        for client in held:
            client.close()
    assert time.monotonic() - started < BODY_SECONDS + 5
    assert all(reply.startswith(b"HTTP/1.1 408") for reply in replies), replies[:3]


def test_a_strangers_clear_cache_never_reaches_streamlit(target):
    # Streamlit's developer menu sends `clear_cache`, which empties every cache of the process
    # for every user and the sender's session state. The session's chosen language is the
    # trace a test can see: a message that reached Streamlit would turn the page Finnish.
    code = open_round(target.db_path, action_id=plans.list_actions(target.db_path)[0].id).code

    def labels(run) -> list[str]:
        kinds = (getattr(e, e.WhichOneof("type")) for e in run.elements)
        return [kind.label for kind in kinds if getattr(kind, "label", "")]

    async def clear_then_rerun() -> tuple[list[str], list[str]]:
        async with open_tab(target.url, code, page="respond") as tab:
            tab.query_string = f"s={code}&lang=sv"
            await tab.rerun()
            before = labels(await tab.read_run())
            tab.query_string = f"s={code}"
            await tab.ws.send(BackMsg(clear_cache=True).SerializeToString())
            await tab.rerun()
            return before, labels(await tab.read_run())

    before, after = run_async(clear_then_rerun)
    assert "Skicka" in before
    assert after == before

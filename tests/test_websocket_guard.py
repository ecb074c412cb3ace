"""The websocket guard's hook into Streamlit (feedback.ui.websocket_guard): the names it relies
on still exist, an oversized widget value never reaches Streamlit while the rest does, nor does
a message only a developer's tools send."""

from __future__ import annotations

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.web.server.starlette import starlette_websocket

from feedback.ui import websocket_guard
from feedback.ui.websocket_guard import MAX_VALUE_BYTES, admitted


def test_the_hooked_streamlit_names_are_still_there():
    """Fails when Streamlit moves its websocket or renames the fields the guard filters."""
    assert f"/{starlette_websocket._ROUTE_WEBSOCKET_STREAM}" == websocket_guard.STREAM_PATH
    rerun = BackMsg.DESCRIPTOR.fields_by_name["rerun_script"].message_type
    states = rerun.fields_by_name["widget_states"].message_type
    assert states.fields_by_name["widgets"].message_type.name == "WidgetState"
    kinds = {field.name for field in BackMsg.DESCRIPTOR.oneofs_by_name["type"].fields}
    assert kinds >= websocket_guard.REFUSED_TYPES


def rerun(*values: str) -> BackMsg:
    msg = BackMsg()
    msg.rerun_script.query_string = "s=abcd"
    for i, value in enumerate(values):
        state = msg.rerun_script.widget_states.widgets.add()
        state.id, state.string_value = f"w{i}", value
    return msg


def test_an_oversized_value_is_dropped_and_the_rest_kept():
    comment = "ä" * 500  # the longest comment a child can write, 1,000 bytes
    sent = rerun(comment, "x" * 20 * 2**20, "😀")
    received = BackMsg.FromString(admitted(sent.SerializeToString()))
    kept = {w.id: w.string_value for w in received.rerun_script.widget_states.widgets}
    assert kept == {"w0": comment, "w2": "😀"}
    assert received.rerun_script.query_string == "s=abcd"


def test_a_value_at_the_bound_is_kept():
    sent = rerun("y" * (MAX_VALUE_BYTES - 16)).SerializeToString()
    assert len(sent) > MAX_VALUE_BYTES  # parsed, and still kept whole
    assert admitted(sent) == sent


def test_an_ordinary_rerun_passes_untouched():
    sent = rerun("😀", "Hyvä juttu").SerializeToString()
    assert admitted(sent) is sent


def test_a_developers_message_never_reaches_streamlit_and_a_browsers_does():
    cleared = BackMsg(clear_cache=True).SerializeToString()
    assert admitted(cleared) is None  # it would empty every cache of the process
    assert admitted(BackMsg(set_run_on_save=True).SerializeToString()) is None
    heartbeat = BackMsg(app_heartbeat=True).SerializeToString()
    assert admitted(heartbeat) is heartbeat

"""What a stranger can reach on the server besides the pages: Streamlit's metrics are closed."""

from __future__ import annotations

from tests.security.conftest import request


def test_streamlit_metrics_are_not_served_to_the_public(target):
    for path in ("/_stcore/metrics", "/_stcore/metrics/"):
        reply = request(target.url + path, headers={"Accept": "application/openmetrics-text"})
        assert reply.status == 404
        assert "session" not in reply.body
    assert request(target.url + "/_stcore/health").status == 200

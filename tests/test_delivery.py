"""Compressed delivery and security headers, on a small app with the middleware around it."""

from __future__ import annotations

import gzip

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from starlette.testclient import TestClient

from feedback.ui import delivery

SCRIPT = b"console.log('a bundle that compresses well');\n" * 200


def bundle(request):
    return Response(SCRIPT, media_type="application/javascript")


def picture(request):
    return Response(b"\x89PNG" + bytes(2000), media_type="image/png")


def own_policy(request):
    return PlainTextResponse("x", headers={"Content-Security-Policy": "default-src 'none'"})


def client() -> TestClient:
    app = Starlette(
        routes=[
            Route("/static/js/index.abc.js", bundle),
            Route("/static/media/x.png", picture),
            Route("/own", own_policy),
        ],
        middleware=[Middleware(delivery.SecurityHeaders), Middleware(delivery.CompressOnce)],
    )
    return TestClient(app)


def test_a_bundle_is_gzipped_once_and_the_kept_bytes_are_served_again(monkeypatch):
    compressions = []
    real_compress = gzip.compress
    monkeypatch.setattr(
        delivery.gzip, "compress", lambda *a, **k: compressions.append(1) or real_compress(*a, **k)
    )
    http = client()
    sent = []
    for _ in range(2):
        with http.stream(
            "GET", "/static/js/index.abc.js", headers={"Accept-Encoding": "gzip"}
        ) as reply:
            assert reply.headers["content-encoding"] == "gzip"
            assert "Accept-Encoding" in reply.headers["vary"]
            sent.append(b"".join(reply.iter_raw()))  # the bytes on the wire, not decoded
            assert int(reply.headers["content-length"]) == len(sent[-1])
    assert gzip.decompress(sent[0]) == SCRIPT
    assert len(sent[0]) < len(SCRIPT) / 10
    assert sent[1] == sent[0]
    assert len(compressions) == 1, "the second reply is the kept bytes, not compressed again"


def test_no_gzip_without_asking_for_it_nor_for_pictures_or_ranges():
    http = client()
    plain = http.get("/static/js/index.abc.js", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.content == SCRIPT
    png = http.get("/static/media/x.png", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in png.headers
    ranged = http.get(
        "/static/js/index.abc.js", headers={"Accept-Encoding": "gzip", "Range": "bytes=0-9"}
    )
    assert "content-encoding" not in ranged.headers


def test_the_cache_keeps_at_most_its_size():
    squeezer = delivery.CompressOnce(app=None, cache_bytes=100)
    for n in range(50):
        squeezer._compressed(f"body {n} ".encode() * 100)
    assert squeezer._kept_bytes <= 100
    assert 0 < len(squeezer._kept) < 50


def test_every_reply_carries_the_security_headers_and_a_page_keeps_its_own_policy():
    http = client()
    reply = http.get("/static/js/index.abc.js")
    for name, value in delivery.SECURITY_HEADERS.items():
        assert reply.headers[name] == value
    assert "strict-transport-security" not in reply.headers  # plain http on loopback
    assert http.get("/own").headers["content-security-policy"] == "default-src 'none'"
    secure = TestClient(http.app, base_url="https://palaute.example.fi")
    assert secure.get("/own").headers["strict-transport-security"] == delivery.HSTS


def test_streamlit_pages_fetch_pictures_and_connect_only_to_this_app():
    reply = client().get("/static/js/index.abc.js")
    policy = {
        directive.split()[0]: set(directive.split()[1:])
        for directive in reply.headers["content-security-policy"].split(";")
    }
    assert policy["img-src"] <= {"'self'", "data:", "blob:"}
    assert policy["media-src"] <= {"'self'", "data:", "blob:"}
    assert policy["connect-src"] == {"'self'"}
    assert policy["form-action"] == {"'self'"}

"""The question read aloud for children who do not read yet: what is accepted, where it is
kept, how it is served, and that the answer page plays it only when there is one."""

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from feedback import rounds
from feedback.rounds import recordings
from feedback.ui import answer_page, audio, server
from tests.support.rounds import open_round

WAV = (
    b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00"
    b"\x40\x1f\x00\x00\x80\x3e\x00\x00\x02\x00\x10\x00data\x00\x00\x00\x00"
)
OGG = b"OggS\x00\x02" + b"\x00" * 40
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" * 10
MP3_WITHOUT_TAG = b"\xff\xfb\x90\x00" * 10


@pytest.fixture
def youngest(plan_db):
    return rounds.create(
        plan_db,
        action_id="mini:a1",
        audiences=("early-childhood",),
        languages=("fi", "sv"),
        subjects={"fi": "Päiväkodin piha", "sv": "Daghemmets gård"},
    )


@pytest.fixture
def client(app_env):
    app = Starlette(routes=[*answer_page.routes(), *audio.routes()], middleware=server.middleware())
    with TestClient(app) as client:
        yield client


@pytest.mark.parametrize(
    ("data", "kind"),
    [(WAV, "audio/wav"), (OGG, "audio/ogg"), (MP3, "audio/mpeg"), (MP3_WITHOUT_TAG, "audio/mpeg")],
)
def test_a_recording_is_known_by_its_first_bytes(data, kind):
    assert recordings.media_type(data) == kind


@pytest.mark.parametrize(
    "data", [b"", b"<html><script>alert(1)</script>", b"%PDF-1.7", b"RIFF\x00\x00\x00\x00AVI "]
)
def test_what_is_not_a_recording_is_not_taken_for_one(data):
    assert recordings.media_type(data) is None


def test_offered_for_the_youngest_only(plan_db, youngest):
    older = open_round(plan_db, action_id="mini:a1", audiences=("grades-7-9",))
    mixed = open_round(plan_db, action_id="mini:a1", audiences=("grades-1-3", "guardians"))
    assert (recordings.offered(youngest), recordings.offered(older)) == (True, False)
    assert recordings.offered(mixed)


def test_a_saved_recording_replaces_the_last_and_is_read_back_byte_for_byte(plan_db, youngest):
    assert recordings.save(plan_db, youngest, "fi", MP3) == "audio/mpeg"
    assert recordings.save(plan_db, youngest, "fi", WAV) == "audio/wav"
    assert recordings.load(plan_db, youngest.code, "fi") == ("audio/wav", WAV)
    assert recordings.load(plan_db, youngest.code, "sv") is None
    assert rounds.get_by_code(plan_db, youngest.code).recordings == ("fi",)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"not sound at all, whatever the file was called", "not_audio"),
        (b"ID3" + b"\x00" * recordings.MAX_BYTES, "too_big"),
    ],
)
def test_a_file_that_is_not_a_short_recording_is_refused_and_nothing_kept(
    plan_db, youngest, data, problem
):
    with pytest.raises(recordings.Refused) as refused:
        recordings.save(plan_db, youngest, "fi", data)
    assert refused.value.problem == problem
    assert recordings.load(plan_db, youngest.code, "fi") is None


def test_a_recording_in_a_language_the_round_does_not_offer_is_refused(plan_db, youngest):
    with pytest.raises(ValueError, match="not offered in 'en'"):
        recordings.save(plan_db, youngest, "en", WAV)


def test_the_recording_is_served_with_its_type_cache_and_security_headers(
    client, app_env, youngest
):
    recordings.save(app_env, youngest, "sv", OGG)
    reply = client.get(f"/audio/{youngest.code}/sv")
    assert reply.status_code == 200
    assert reply.content == OGG
    assert reply.headers["content-type"] == "audio/ogg"
    assert reply.headers["cache-control"] == "public, max-age=300"
    assert reply.headers["x-content-type-options"] == "nosniff"
    assert reply.headers["referrer-policy"] == "no-referrer"
    for missing in (f"/audio/{youngest.code}/fi", f"/audio/{youngest.code}/xx", "/audio/zz/fi"):
        assert client.get(missing).status_code == 404


def test_the_answer_page_plays_the_recording_only_where_there_is_one(client, app_env, youngest):
    recordings.save(app_env, youngest, "sv", WAV)
    swedish = client.get(f"/answer/{youngest.code}?lang=sv")
    assert (
        f'<audio class="listen" controls preload="none" src="/audio/{youngest.code}/sv" '
        'aria-label="Lyssna på frågan"></audio>'
    ) in swedish.text
    assert "media-src 'self'" in swedish.headers["content-security-policy"]
    assert "<audio" not in client.get(f"/answer/{youngest.code}?lang=fi").text

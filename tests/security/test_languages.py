"""A stranger's ?lang=: it cannot make a round speak a language its staff did not choose (a
machine-drafted one included), nor carry markup or a direction into the page."""

from __future__ import annotations

import re
import time
from urllib.parse import quote

from feedback import i18n
from tests.support.attack import request
from tests.support.rounds import open_round

HOSTILE = (
    "ar",
    "uk",
    " AR ",
    "ar<script>alert(1)</script>",
    'ar" dir="rtl',
    "\u202eru",
    "ar\x00",
    "../ar",
    "ar-SA",
    "fi;ar",
    "x" * 4000,
)
#: The bounds of the loop: every value once, within this many seconds.
SECONDS = 30


def test_a_stranger_cannot_make_a_round_speak_a_language_its_staff_did_not_choose(target):
    round_ = open_round(target.db_path, action_id="kymenlaakso:kymsote-01", languages=("fi", "sv"))
    drafts = [i18n.t("language.draft", lang) for lang in ("uk", "ar")]
    started = time.monotonic()
    shown = []
    for value in HOSTILE:
        assert time.monotonic() - started < SECONDS
        reply = request(f"{target.url}/answer/{round_.code}?lang={quote(value)}&ch=qr")
        assert reply.status == 200
        html = re.search(r'<html lang="([^"]*)" dir="([^"]*)">', reply.body)
        shown.append(html.groups())
        assert "<script>alert" not in reply.body and "\u202e" not in reply.body
        assert not any(draft in reply.body for draft in drafts)
    assert set(shown) == {("fi", "ltr")}

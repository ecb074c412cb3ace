"""Sotkanet responses built for the tests (tests/data/sotkanet/), the tiny plan mapped to them."""

from __future__ import annotations

from pathlib import Path

from tests.support.stores import MINI_PLAN

DATA = Path(__file__).parent.parent / "data" / "sotkanet"


# The test plan: its indicator filled by two Sotkanet series (made-up indicator ids 289 for grades
# 4–5, 290 for 8–9, as in tests/data/sotkanet/README.md); its region is Kymenlaakso's wellbeing
# services county by statistical code (HYVINVOINTIALUE 10, Sotkanet's 967), the whole country
# Sotkanet's 658 by default.
SOTKANET_PLAN = MINI_PLAN.replace(
    "    sub_goals: [i-1]\n",
    "    sub_goals: [i-1]\n"
    "    sotkanet:\n"
    "      series:\n"
    "        - {id: 289, group: grades-4-5}\n"
    "        - {id: 290, group: grades-8-9}\n",
) + ("sotkanet:\n  regions:\n    - {id: HYVINVOINTIALUE 10, area: region}\n")

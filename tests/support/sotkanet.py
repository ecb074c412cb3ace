"""Sotkanet's exports made for the tests (tests/data/sotkanet/) and the tiny plan mapped to them."""

from __future__ import annotations

from pathlib import Path

from tests.support.stores import MINI_PLAN

DATA = Path(__file__).parent.parent / "data" / "sotkanet"


# The test plan, its indicator mapped to Sotkanet indicator 289; region 7 is the plan's region
# and 1 the whole country (ids made up for the tests, as in tests/data/sotkanet/README.md).
SOTKANET_PLAN = MINI_PLAN.replace(
    "    sub_goals: [i-1]\n",
    "    sub_goals: [i-1]\n    sotkanet: {id: 289, group: grades-4-5}\n",
) + ("sotkanet:\n  country: 1\n  regions:\n    - {id: 7, area: region}\n")

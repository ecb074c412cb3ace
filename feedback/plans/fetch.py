"""`feedback indicators fetch`: a plan's mapped Sotkanet series read straight from THL's REST API
1.1 over HTTPS, for installations with internet, and previewed like an uploaded export.

Per Sotkanet indicator id: its metadata (`/indicators/{id}`: the unit and decimals; not for the
child population's series, whose numbers of children have none), then its values
(`/json?indicator=…&years=…&genders=…`). The API has no paging parameters (one call answers every
region of the years asked), so the command pages itself: at most YEARS_PER_CALL years a call,
which keeps each answer far below the importer's size limit. Each call names this program
(User-Agent), has a time limit, and is tried again after a growing pause when the service is
busy or unreachable; an answer larger than the importer reads is cut off and refused.
"""

from __future__ import annotations

import dataclasses
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from feedback import settings
from feedback.plans import editing, file_format, sotkanet

USER_AGENT = "welfare-feedback/1 (feedback indicators fetch; child and youth welfare plans)"
TIMEOUT = 30  # seconds a call may take to connect and to send each part of its answer
DEADLINE = 120  # seconds a whole answer may take: a trickle of bytes does not hold the command
ATTEMPTS = 4  # a call and three retries, after 1, 2 and 4 seconds
YEARS_PER_CALL = 5  # ~470 rows a year: a call answers about 2,400 rows (~200 kB)
_RETRY_STATUSES = (429, 500, 502, 503, 504)


class FetchError(Exception):
    """Sotkanet could not be read: the address and what went wrong, in one line."""


def default_years(plan: dict[str, Any]) -> list[int]:
    """The plan's period and the three years before it: the baseline the plan compares to."""
    return list(range(plan["period"]["start"] - 3, plan["period"]["end"] + 1))


def fetch(
    db_path: str | Path,
    plan_id: str,
    *,
    years: list[int] | None = None,
    base_url: str | None = None,
    backoff: float = 1.0,
    deadline: float = DEADLINE,
    sleep: Callable[[float], None] = time.sleep,
) -> tuple[dict, sotkanet.Preview]:
    """The stored plan and what Sotkanet's values would change in it; raises KeyError for an
    unknown plan, `FetchError`, or `sotkanet.SotkanetFileError` for answers that do not fit.
    Problem lines name `BASE/json` and count the rows of all the answers in the order read."""
    plan = editing.export_plan(db_path, plan_id)
    base = (base_url or settings.sotkanet_url()).rstrip("/")
    if urllib.parse.urlsplit(base).scheme not in ("https", "http"):
        raise FetchError(f"{base}: the Sotkanet address must be an https:// URL")
    name = f"{base}/json"
    if plan.get("sotkanet") is None:
        raise sotkanet.SotkanetFileError(name, [sotkanet.Line("no_regions", {"plan": plan_id})])
    wanted = _series(plan)
    if not wanted:
        raise sotkanet.SotkanetFileError(name, [sotkanet.Line("nothing_mapped", {"plan": plan_id})])

    def get(url: str) -> bytes:
        return _get(url, backoff=backoff, deadline=deadline, sleep=sleep)

    years = sorted(set(years or default_years(plan)))
    metadata: dict[int, sotkanet.Metadata] = {}
    rows: list[sotkanet.Row] = []
    counts = {series["id"] for series in plan["sotkanet"].get("population", [])}
    for indicator, genders in sorted(wanted.items()):
        if indicator not in counts:  # a number of children needs no unit
            url = f"{base}/indicators/{indicator}"
            metadata[indicator] = sotkanet.metadata_of(get(url), name=url)[1]
        for start in range(0, len(years), YEARS_PER_CALL):
            query = [("indicator", indicator)]
            query += [("years", year) for year in years[start : start + YEARS_PER_CALL]]
            query += [("genders", gender) for gender in sorted(genders)]
            url = f"{base}/json?{urllib.parse.urlencode(query)}"
            answer = sotkanet.read(get(url), name=url)
            rows += [dataclasses.replace(r, row=len(rows) + i) for i, r in enumerate(answer, 1)]
    children = sotkanet.stored_children(db_path, plan_id)
    return plan, sotkanet.preview(plan, rows, name=name, metadata=metadata, children=children)


def _series(plan: dict[str, Any]) -> dict[int, set[str]]:
    """Each mapped Sotkanet indicator id with the genders the plan follows of it; the child
    population's series in total."""
    wanted: dict[int, set[str]] = {
        series["id"]: {"total"} for series in plan["sotkanet"].get("population", [])
    }
    for indicator in plan["indicators"]:
        if indicator.get("sotkanet"):
            raw = file_format.series_shorthand(indicator["sotkanet"])
            for series in file_format.SotkanetMapping.model_validate(raw).series:
                wanted.setdefault(series.id, set()).add(series.gender)
    return wanted


def _get(url: str, *, backoff: float, deadline: float, sleep: Callable[[float], None]) -> bytes:
    """The body of a GET of `url`, tried ATTEMPTS times while the service is busy or out of
    reach; at most sotkanet.MAX_BYTES + 1 bytes are read (the importer refuses more), within
    `deadline` seconds."""
    request = urllib.request.Request(  # noqa: S310 - the scheme is checked in `fetch`
        url, headers={"User-Agent": USER_AGENT, "Accept": "application/json, text/csv"}
    )
    problem = ""
    for attempt in range(ATTEMPTS):
        if attempt:
            sleep(backoff * 2 ** (attempt - 1))
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
                return _body(response, time.monotonic() + deadline)
        except urllib.error.HTTPError as error:
            problem = f"HTTP {error.code} {error.reason}"
            if error.code not in _RETRY_STATUSES:
                break
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            problem = str(getattr(error, "reason", error))
    raise FetchError(f"{url}: {problem}")


def _body(response: Any, until: float) -> bytes:
    chunks, size = [], 0
    while size <= sotkanet.MAX_BYTES:
        if time.monotonic() > until:
            raise TimeoutError("the answer took too long")
        chunk = response.read1(min(65_536, sotkanet.MAX_BYTES + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)

"""Where a child can talk to someone now (issue #29): the national child and youth helpline,
its chat, 112, and the municipality's own contacts; shown on every respondent page beside the
comment box, and on the thank-you when the comment carries a signal (`signals`).

The numbers are data (helplines.toml, with the sources they were checked against); the words
around them are in the catalogues. Nothing about showing them is stored or counted.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from feedback import i18n, settings

_DATA = Path(__file__).with_name("helplines.toml")


@dataclass(frozen=True)
class Line:
    """One way to reach someone: what to say before it, what is shown, and its link."""

    text: str
    shown: str
    href: str


@dataclass(frozen=True)
class Help:
    """The help box in one language: a heading, a sentence, the lines, the local contacts."""

    heading: str
    intro: str
    lines: tuple[Line, ...]
    local: str | None  # the sentence with the municipality's own contacts, if set


@cache
def _numbers() -> dict:
    return tomllib.loads(_DATA.read_text(encoding="utf-8"))


def _tel(number: str) -> str:
    return "tel:" + "".join(number.split())


def for_child(lang: str, *, after_comment: bool = False) -> Help:
    """The help box in `lang`: plain words for a seven-year-old, each number a link; on the
    thank-you after a comment with a signal, it first thanks the child for telling."""
    data = _numbers()
    helpline, chat, emergency = data["helpline"], data["chat"], data["emergency"]
    lines = [Line(i18n.t("help.call", lang), helpline["number"], _tel(helpline["number"]))]
    if lang == "sv":
        swedish = data["helpline_sv"]["number"]
        lines.append(Line(i18n.t("help.call_swedish", lang), swedish, _tel(swedish)))
    lines += [
        Line(i18n.t("help.chat", lang), chat["shown"], chat["address"]),
        Line(i18n.t("help.emergency", lang), emergency["number"], _tel(emergency["number"])),
    ]
    local = settings.local_help()
    intro = i18n.t("help.intro", lang)
    if after_comment:
        intro = f"{i18n.t('help.after_comment', lang)} {intro}"
    return Help(
        heading=i18n.t("help.heading", lang),
        intro=intro,
        lines=tuple(lines),
        local=i18n.t("help.local", lang, contacts=local) if local else None,
    )

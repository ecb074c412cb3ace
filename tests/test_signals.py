"""What the safeguarding word lists catch and miss, measured on a corpus of realistic comments
per language (tests/data/safeguarding_corpus.toml): misspellings, missing Nordic letters,
harmless look-alikes. The table is printed (run with -s) for the closing note."""

import tomllib
from pathlib import Path

import pytest

from feedback.rounds import signals
from feedback.rounds.signals import Category

CORPUS = tomllib.loads(
    (Path(__file__).parent / "data" / "safeguarding_corpus.toml").read_text(encoding="utf-8")
)
#: At least this share of each category's examples is caught, per language (the examples
#: written after the lists show the misses a word list will always have).
RECALL_FLOOR = 0.7
#: At most this share of the harmless examples raises any alert, per language.
FALSE_ALARM_CEILING = 0.15


def measured(lang: str) -> tuple[dict[Category, tuple[int, int, int, int]], int, int]:
    """Per category (caught, its examples, false alarms, the other examples): a false alarm is
    an example not of the category that its list flags. And the harmless examples (alarmed,
    all)."""
    table = {c: [0, 0, 0, 0] for c in signals.LISTED}
    alarmed = harmless = 0
    for example in CORPUS[lang]:
        found = set(signals.found(example["text"], lang=lang))
        if not example["is"]:
            harmless += 1
            alarmed += bool(found)
        for category, counts in table.items():
            if category in example["is"]:
                counts[0] += category in found
                counts[1] += 1
            else:
                counts[2] += category in found
                counts[3] += 1
    return {c: tuple(counts) for c, counts in table.items()}, alarmed, harmless


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_lists_catch_most_signals_and_few_look_alikes(lang):
    table, alarmed, harmless = measured(lang)
    print(f"\n{lang}: category        recall         false alarms")
    for category, (caught, n, wrong, others) in table.items():
        recall = f"{caught}/{n} = {caught / n:.0%}"
        print(f"{lang}: {category:<15} {recall:<14} {wrong}/{others} = {wrong / others:.0%}")
    print(f"{lang}: any, of harmless               {alarmed}/{harmless} = {alarmed / harmless:.0%}")
    assert all(n >= 4 for _, n, _, _ in table.values()), "too few examples to measure a category"
    low = {
        c: f"{caught}/{n}" for c, (caught, n, _, _) in table.items() if caught / n < RECALL_FLOOR
    }
    assert not low
    assert alarmed / harmless <= FALSE_ALARM_CEILING


def test_finnish_inflection_and_letters_typed_without_dots_are_caught():
    for text in ("Minua kiusataan", "kiusasivat mua", "kiusaajat", "isa lyo", "isä lyö"):
        assert signals.found(text), text


def test_a_round_that_alerts_on_every_comment_alerts_on_a_harmless_one_too():
    assert signals.for_comment("Kivaa oli", every_comment=False) == ()
    assert signals.for_comment("Kivaa oli", every_comment=True) == (Category.EVERY_COMMENT,)
    assert signals.for_comment("", every_comment=True) == ()
    assert signals.for_comment("haluun kuolla", every_comment=True) == (Category.SELF_HARM,)

import string
from datetime import date

import pytest
from babel import Locale

from feedback import i18n, pdftext


@pytest.mark.parametrize("key", sorted(i18n.CATALOG))
def test_every_text_exists_in_every_language_with_the_same_fields(key):
    entry = i18n.CATALOG[key]
    assert set(entry) == set(i18n.LANGUAGES), f"{key} lacks {set(i18n.LANGUAGES) - set(entry)}"
    fields = {
        lang: {f for _, f, _, _ in string.Formatter().parse(text) if f}
        for lang, text in entry.items()
    }
    assert all(text.strip() for text in entry.values())
    assert len({frozenset(f) for f in fields.values()}) == 1, f"{key} fields differ: {fields}"


def test_smiley_labels_are_the_defaults_of_the_design():
    labels = {lang: [i18n.t(f"face.{v}", lang) for v in range(1, 6)] for lang in i18n.LANGUAGES}
    assert labels["fi"] == ["Tosi huono", "Huono", "Ihan ok", "Hyvä", "Tosi hyvä"]
    assert labels["sv"] == ["Mycket dåligt", "Dåligt", "Helt okej", "Bra", "Mycket bra"]
    assert labels["en"] == ["Very bad", "Bad", "Okay", "Good", "Very good"]


def test_pick_prefers_the_asked_language_and_says_when_it_is_a_translation():
    texts = {"sv": "Ungdomsfullmäktige", "fi": "Nuorisovaltuusto"}
    assert i18n.pick(texts, "fi", original="sv") == ("Nuorisovaltuusto", True)
    assert i18n.pick(texts, "sv", original="sv") == ("Ungdomsfullmäktige", False)
    assert i18n.pick(texts, "en", original="sv") == ("Ungdomsfullmäktige", False)


@pytest.mark.parametrize("value", ["fi", "SV", " en "])
def test_language_from_the_query_string(value):
    assert i18n.normalise_language(value) == value.strip().lower()


@pytest.mark.parametrize("value", ["de", "", None, ["fi"], "fi<script>"])
def test_unknown_languages_are_ignored(value):
    assert i18n.normalise_language(value) is None


@pytest.mark.parametrize(
    ("lang", "decimal", "whole", "percent", "tenths", "day"),
    [
        ("fi", "3,8", "-2", "23\u00a0%", "12,5\u00a0%", "3.12.2026"),
        ("sv", "3,8", "-2", "23\u00a0%", "12,5\u00a0%", "3.12.2026"),
        ("en", "3.8", "-2", "23%", "12.5%", "3 Dec 2026"),
    ],
)
def test_numbers_and_days_come_out_as_the_hand_written_formats_did(
    lang, decimal, whole, percent, tenths, day
):
    assert i18n.decimal(3.75, lang) == decimal
    assert i18n.decimal(-2.2, lang, 0).replace("\u2212", "-") == whole
    assert i18n.percent(0.234, lang) == percent
    assert i18n.percent(0.125, lang, 1) == tenths
    assert i18n.day(date(2026, 12, 3), lang) == day


def test_months_and_weekdays_are_named_by_cldr():
    assert [i18n.month("2026-03", lang) for lang in i18n.LANGUAGES] == [
        "maaliskuu 2026",
        "mars 2026",
        "March 2026",
    ]
    assert [i18n.weekday(0, lang) for lang in i18n.LANGUAGES] == ["ma", "mån", "Mon"]
    assert i18n.weekday(6, "fi") == "su"


def test_every_language_has_a_cldr_locale_a_direction_and_a_pdf_font():
    for language in i18n.REGISTRY.values():
        assert Locale.parse(language.locale).language == language.code
        assert language.direction == Locale.parse(language.locale).text_direction
        assert language.pdf_font in pdftext.FONTS

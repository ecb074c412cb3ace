import string

import pytest

from feedback import i18n


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

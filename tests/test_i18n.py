import ast
import json
import os
import shutil
import string
import time
from datetime import date
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.pofile import read_po

from feedback import i18n, pdftext

ROOT = Path(__file__).resolve().parent.parent
#: Every text as the dictionaries held it before the catalogues (scripts/texts_to_catalogues.py).
BEFORE = json.loads((ROOT / "tests" / "data" / "texts_before_catalogues.json").read_text("utf-8"))
TEMPLATE = i18n.LOCALE_DIR / f"{i18n.DOMAIN}.pot"


def po(path: Path, lang: str | None = None):
    with path.open("rb") as file:
        return {m.context: m for m in read_po(file, locale=lang) if m.id}


def fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def forms(value) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@pytest.mark.parametrize("lang", i18n.ROUND_LANGUAGES)
def test_every_catalogue_holds_the_templates_texts_with_the_same_fields(lang):
    template, catalogue = po(TEMPLATE), po(i18n.catalogue_path(lang), lang)
    assert catalogue.keys() == template.keys(), "run scripts/texts_to_catalogues.py"
    for key, message in catalogue.items():
        assert message.id == template[key].id, f"{key}: its English source moved"
        wanted = set().union(*map(fields, forms(message.id)))
        for text in forms(message.string):
            assert not text or fields(text) == wanted, f"{key} in {lang}: {text!r}"


@pytest.mark.parametrize("lang", [c for c, language in i18n.REGISTRY.items() if language.reviewed])
def test_a_reviewed_language_translates_every_text(lang):
    untranslated = [
        key
        for key, message in po(i18n.catalogue_path(lang), lang).items()
        if not all(forms(message.string)) or message.fuzzy
    ]
    assert not untranslated
    assert i18n.coverage(lang) == 1.0


#: What a family meets, which a draft language must translate whole: the respondent screens, the
#: privacy notice (not staff's record of processing) and the posters.
FAMILY_TEXTS = ("respond.", "face.", "question.", "thumb.", "star.", "grade.", "nps.", "group.")
FAMILY_TEXTS += ("choice.", "language.", "footer.", "poster.", "busy.", "privacy.", "results.")
STAFF_RECORD = ("privacy.staff.", "privacy.staff_title", "privacy.staff_intro")


@pytest.mark.parametrize("lang", [c for c, language in i18n.REGISTRY.items() if not language.staff])
def test_a_language_for_families_translates_everything_a_family_meets(lang):
    untranslated = [
        key
        for key in po(TEMPLATE)
        if key.startswith(FAMILY_TEXTS)
        and not key.startswith(STAFF_RECORD)
        and key not in i18n.catalogue(lang).texts
    ]
    assert not untranslated
    assert 0 < i18n.coverage(lang) < 1


def test_a_text_a_language_lacks_comes_in_the_rounds_first_language_then_in_finnish():
    assert "rounds.subject" not in i18n.catalogue("uk").texts  # a staff text
    values = {"language": "Українська"}
    assert i18n.t("rounds.subject", "uk", fallback="sv", **values) == i18n.t(
        "rounds.subject", "sv", **values
    )
    assert i18n.t("rounds.subject", "uk", **values) == i18n.t("rounds.subject", "fi", **values)
    assert i18n.t("respond.thanks_title", "uk", fallback="sv") == "Дякуємо!"


def test_a_draft_language_is_named_as_a_draft_in_menus():
    assert i18n.language_label("ar", "fi") == "العربية (luonnos)"
    assert i18n.language_label("sv", "fi") == "Svenska"
    assert i18n.normalise_language("AR") == "ar"
    assert "uk" not in i18n.LANGUAGES and "uk" in i18n.ROUND_LANGUAGES


def test_every_key_the_code_names_is_in_the_catalogues():
    sources = [*ROOT.glob("feedback/**/*.py"), *ROOT.glob("pages/*.py"), ROOT / "app.py"]
    named = set()
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", None))
            literal = [a.value for a in node.args[:1] if isinstance(a, ast.Constant)]
            if name not in ("t", "tn"):
                literal = []
            literal += [  # title_key="respond.page_title" and such, looked up later
                k.value.value
                for k in node.keywords
                if (k.arg or "").endswith("_key") and isinstance(k.value, ast.Constant)
            ]
            named |= {v for v in literal if isinstance(v, str)}
    assert named, "the scan found no text keys"
    assert named <= set(po(TEMPLATE)), sorted(named - set(po(TEMPLATE)))


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_every_text_renders_as_it_did_before_the_catalogues(lang):
    template = po(TEMPLATE)
    for key, texts in BEFORE.items():
        values = {name: f"<{name}>" for name in fields(texts[lang])} | {"n": 5}
        plural = not isinstance(template[key].id, str)
        shown = i18n.tn(key, 5, lang, **values) if plural else i18n.t(key, lang, **values)
        assert shown == texts[lang].format(**values), key


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [
        ("fi", "1 vastaus", "2 vastausta"),
        ("sv", "1 svar", "2 svar"),
        ("en", "1 answer", "2 answers"),
    ],
)
def test_a_number_takes_its_plural_form(lang, one, two):
    assert i18n.tn("rounds.answers", 1, lang) == one
    assert i18n.tn("rounds.answers", 2, lang) == two
    with pytest.raises(TypeError):
        i18n.t("rounds.answers", lang, n=2)


def test_ukrainian_and_arabic_count_in_their_own_plural_forms():
    said = [i18n.tn("results.answers", n, "uk") for n in (1, 3, 5, 21)]
    assert said == [
        "Надійшла 1 відповідь.",
        "Надійшли 3 відповіді.",
        "Надійшло 5 відповідей.",
        "Надійшла 21 відповідь.",
    ]
    assert i18n.catalogue("ar").plural(11) == 4  # CLDR's "many" of Arabic's six forms


def test_smiley_labels_are_the_defaults_of_the_design():
    labels = {lang: [i18n.t(f"face.{v}", lang) for v in range(1, 6)] for lang in i18n.LANGUAGES}
    assert labels["fi"] == ["Tosi huono", "Huono", "Ihan ok", "Hyvä", "Tosi hyvä"]
    assert labels["sv"] == ["Mycket dåligt", "Dåligt", "Helt okej", "Bra", "Mycket bra"]
    assert labels["en"] == ["Very bad", "Bad", "Okay", "Good", "Very good"]


def test_texts_for_children_carry_a_comment_for_the_translator():
    template = po(TEMPLATE)
    for key in ("face.1", "respond.thanks_body", "poster.headline"):
        assert any("child" in c.lower() for c in template[key].auto_comments), key


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
    assert [i18n.month("2026-03", lang) for lang in ("fi", "sv", "en")] == [
        "maaliskuu 2026",
        "mars 2026",
        "March 2026",
    ]
    assert [i18n.weekday(0, lang) for lang in ("fi", "sv", "en")] == ["ma", "mån", "Mon"]
    assert i18n.weekday(6, "fi") == "su"


def test_every_language_has_a_cldr_locale_a_direction_and_a_pdf_font():
    for language in i18n.REGISTRY.values():
        assert Locale.parse(language.locale).language == language.code
        assert language.direction == Locale.parse(language.locale).text_direction
        assert language.pdf_font in pdftext.FONTS


def test_a_catalogue_edited_after_it_was_compiled_is_refused_rather_than_shown_stale(
    tmp_path, monkeypatch
):
    shutil.copytree(i18n.LOCALE_DIR, tmp_path / "locale")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path / "locale")
    i18n.catalogue.cache_clear()
    try:
        source = i18n.catalogue_path("sv")
        os.utime(source, (time.time() + 60, time.time() + 60))  # edited after compiling
        with pytest.raises(i18n.CataloguesNotCompiled, match="pybabel compile"):
            i18n.t("face.1", "sv")
        i18n.catalogue_path("fi", ".mo").unlink()
        with pytest.raises(i18n.CataloguesNotCompiled):
            i18n.t("face.1", "fi")
    finally:
        i18n.catalogue.cache_clear()

"""The accessibility statement and the privacy notices: what a person reads on them, what they
say of the settings, and the measured state they are built on (data/accessibility.json)."""

from datetime import date
from urllib.parse import parse_qs

import pytest

from feedback import accessibility, i18n, settings
from feedback.ui.escaping import plain
from tests.support.pages import markdown_text, page

ROOT = settings.PROJECT_ROOT
# The pages read settings and a file, drawn the same from either store.
pytestmark = pytest.mark.one_store


def shown(at) -> str:
    """Everything a person reads on the page: Markdown, notes, tables."""
    parts = [markdown_text(at)]
    parts += [str(w.value) for w in (*at.warning, *at.info, *at.subheader, *at.title)]
    parts += [t.value.to_csv() for t in at.table]
    return "\n".join(parts)


# Settings


@pytest.mark.parametrize(("raw", "months"), [(None, 24), ("6", 6), ("0", 1), ("-3", 1), ("x", 24)])
def test_comments_are_kept_24_months_unless_set_and_never_under_one(monkeypatch, raw, months):
    if raw is None:
        monkeypatch.delenv("FEEDBACK_COMMENT_MONTHS", raising=False)
    else:
        monkeypatch.setenv("FEEDBACK_COMMENT_MONTHS", raw)
    assert settings.comment_retention_months() == months


def test_an_unset_or_blank_contact_is_none_and_never_made_up(monkeypatch):
    monkeypatch.delenv("FEEDBACK_ACCESSIBILITY_EMAIL", raising=False)
    monkeypatch.setenv("FEEDBACK_ORG_NAME", "   ")
    assert settings.accessibility_contact() is None
    assert settings.organisation_name() is None


# The accessibility statement


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_the_statement_names_the_contact_from_settings_and_the_authority(
    app_env, monkeypatch, lang
):
    monkeypatch.setenv("FEEDBACK_ORG_NAME", "Haminan kaupunki")
    monkeypatch.setenv("FEEDBACK_ACCESSIBILITY_EMAIL", "saavutettavuus@hamina.fi")
    at = page("accessibility", lang=lang)
    assert not at.exception
    text = shown(at)
    assert i18n.t("accessibility.title", lang) in [t.value for t in at.title]
    assert "Haminan kaupunki" in text
    assert "[saavutettavuus@hamina.fi](mailto:saavutettavuus@hamina.fi)" in text
    assert "saavutettavuus@traficom.fi" in text
    assert "Traficom" in text
    assert i18n.t("accessibility.status_partial", lang) in text
    for gap in accessibility.KNOWN_GAPS:
        assert i18n.t(f"accessibility.gap.{gap}", lang) in text
    assert not at.warning  # nothing is missing


def test_the_statement_says_plainly_when_the_contact_is_not_set(app_env, monkeypatch):
    monkeypatch.delenv("FEEDBACK_ACCESSIBILITY_EMAIL", raising=False)
    monkeypatch.delenv("FEEDBACK_ORG_NAME", raising=False)
    at = page("accessibility", lang="en")
    assert [w.value for w in at.warning] == [i18n.t("accessibility.contact_unset", "en")]
    assert "its name has not been set yet" in shown(at)
    assert "mailto:" not in shown(at)


def test_a_contact_that_is_not_an_address_is_shown_as_text(app_env, monkeypatch):
    monkeypatch.setenv("FEEDBACK_ACCESSIBILITY_EMAIL", "[click](javascript:alert(1))")
    at = page("accessibility", lang="en")
    assert "](javascript" not in markdown_text(at)
    assert "\\[click\\]" in markdown_text(at)


def test_the_statement_shows_the_measured_state_of_every_recorded_page(app_env):
    measured = accessibility.load()
    at = page("accessibility", lang="fi")
    [table] = at.table
    paths = list(dict.fromkeys(r.path for r in measured.results))
    assert list(table.value["Sivu"]) == [plain(path) for path in paths]
    every = ", ".join(i18n.LANGUAGE_NAMES.values())  # the pages families meet
    assert set(table.value["Kielet"]) == {"Suomi, Svenska, English", every}
    assert sum(table.value["Vakavat tai kriittiset"]) == measured.serious
    assert f"{measured.measured_on.day}.{measured.measured_on.month}." in shown(at)


# The measured state on file


def test_the_measured_state_covers_each_swept_page_in_every_language_with_nothing_serious():
    measured = accessibility.load()
    found = {(r.path, r.lang) for r in measured.results}
    assert found == set(accessibility.MEASURED)
    assert measured.serious == 0, [r for r in measured.results if r.serious]
    assert all(r.rules_run > 20 for r in measured.results)


def test_every_recorded_page_still_exists():
    pages = {p.stem for p in (ROOT / "pages").glob("*.py")} | {"", "answer"}
    for result in accessibility.load().results:
        assert result.page in pages, f"{result.path} is no page of the app any more"


def test_recording_a_page_replaces_only_its_own_earlier_result(tmp_path):
    file = tmp_path / "accessibility.json"
    axe = {
        "violations": [
            {"id": "color-contrast", "impact": "serious", "nodes": [{}, {}]},
            {"id": "region", "impact": "moderate", "nodes": [{}]},
        ],
        "passes": [{}] * 30,
        "incomplete": [],
        "inapplicable": [{}] * 10,
    }
    day = date(2026, 12, 1)
    accessibility.record(
        accessibility.result_of("/a", "fi", axe, today=day), axe_version="4", path=file
    )
    accessibility.record(
        accessibility.result_of("/a", "sv", axe, today=day), axe_version="4", path=file
    )
    clean = {"violations": [], "passes": [{}] * 3, "incomplete": [], "inapplicable": []}
    accessibility.record(
        accessibility.result_of("/a", "fi", clean, today=day), axe_version="4", path=file
    )
    fi, sv = accessibility.load(file).results
    assert (fi.lang, fi.serious, fi.other, fi.rules_run) == ("fi", 0, {}, 3)
    assert (sv.lang, sv.serious, sv.other, sv.rules_run) == ("sv", 2, {"region": 1}, 42)


# The privacy notice


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_the_privacy_notice_speaks_to_the_youngest_first_and_tells_the_retention(
    app_env, monkeypatch, lang
):
    monkeypatch.setenv("FEEDBACK_COMMENT_MONTHS", "18")
    monkeypatch.setenv("FEEDBACK_ORG_NAME", "Pedersöre kommun")
    monkeypatch.setenv("FEEDBACK_PRIVACY_EMAIL", "dataskydd@pedersore.fi")
    at = page("privacy", lang=lang)
    assert not at.exception
    headings = [h.value for h in at.subheader]
    assert headings[:2] == [
        i18n.t("privacy.child_title", lang),
        i18n.t("privacy.respondent_title", lang),
    ]
    text = shown(at)
    assert i18n.t("privacy.kept_body", lang, months=18) in text
    assert "Pedersöre kommun" in text
    assert "mailto:dataskydd@pedersore.fi" in text
    assert not at.warning


def test_the_privacy_notice_without_settings_says_what_is_missing(app_env, monkeypatch):
    for name in ("FEEDBACK_ORG_NAME", "FEEDBACK_PRIVACY_EMAIL", "FEEDBACK_COMMENT_MONTHS"):
        monkeypatch.delenv(name, raising=False)
    at = page("privacy", lang="fi")
    assert i18n.t("privacy.controller_unset", "fi") in shown(at)
    assert [w.value for w in at.warning] == [i18n.t("privacy.contact_unset", "fi")]
    assert i18n.t("privacy.kept_body", "fi", months=24) in shown(at)


def test_the_staff_version_is_the_record_of_processing_with_the_settings(app_env, monkeypatch):
    monkeypatch.setenv("FEEDBACK_COMMENT_MONTHS", "12")
    monkeypatch.setenv("FEEDBACK_ORG_NAME", "Kotkan kaupunki")
    monkeypatch.delenv("FEEDBACK_PRIVACY_EMAIL", raising=False)
    at = page("privacy", lang="en", **{"for": "staff"})
    text = shown(at)
    assert i18n.t("privacy.staff_title", "en") in text
    assert "**Controller:** Kotkan kaupunki" in text
    assert i18n.t("privacy.staff.unset", "en", setting="FEEDBACK_PRIVACY_EMAIL") in text
    assert "Comments 12 months" in text
    assert i18n.t("privacy.staff.transfers_body", "en") in text
    assert i18n.t("privacy.child_title", "en") not in text


def test_the_back_link_returns_to_the_respondent_screen_and_never_elsewhere(app_env):
    at = page("privacy", lang="sv", back="/respond?s=abc&plain=1")
    [back] = [link.proto for link in at.get("page_link") if "Tillbaka" in link.proto.label]
    assert back.page.endswith("respond")
    assert parse_qs(back.query_string) == {"s": ["abc"], "plain": ["1"], "lang": ["sv"]}
    away = page("privacy", lang="sv", back="https://example.org/respond")
    assert not [link for link in away.get("page_link") if "Tillbaka" in link.proto.label]


# The footer


@pytest.mark.parametrize(("name", "staff"), [("home", False), ("respond", False), ("login", True)])
def test_every_page_ends_with_the_statement_and_the_privacy_link(app_env, name, staff):
    at = page(name, lang="en")
    links = {link.proto.label: link.proto for link in at.get("page_link")}
    assert links["Accessibility statement"].page.endswith("accessibility")
    assert links["Privacy"].page.endswith("privacy")
    query = parse_qs(links["Privacy"].query_string)
    assert query["lang"] == ["en"]
    assert ("for" in query) == staff


def test_a_staff_page_refused_without_a_session_still_has_the_footer(app_env):
    at = page("overview", lang="fi")
    labels = [link.proto.label for link in at.get("page_link")]
    assert "Saavutettavuusseloste" in labels and "Tietosuoja" in labels

"""The accessibility statement and the privacy notices as people read them: the texts come from
the catalogues, the municipality's details from settings (shown as text, never as Markdown),
the measured state from `feedback.accessibility`."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl

import pandas as pd
import streamlit as st

from feedback import accessibility, i18n, settings
from feedback.staff import auth
from feedback.ui import session_cookie
from feedback.ui.escaping import plain
from feedback.ui.page import PageContext

_SERVICE = "app.name"


def accessibility_statement(ctx: PageContext) -> None:
    """Act 306/2019 §15: scope, status, what is not accessible and why, how the statement was
    made, the feedback channel and the supervisory authority."""
    lang = ctx.lang
    measured = accessibility.load()
    org = settings.organisation_name()
    st.markdown(
        i18n.t(
            "accessibility.intro",
            lang,
            service=i18n.t(_SERVICE, lang),
            org=plain(org) if org else i18n.t("accessibility.org_unset", lang),
        )
    )
    _heading("accessibility.status_title", lang)
    full = measured.fully_conforming
    st.markdown(
        i18n.t("accessibility.status_full" if full else "accessibility.status_partial", lang)
    )
    _heading("accessibility.gaps_title", lang)
    st.markdown(
        "\n".join(f"- {i18n.t(f'accessibility.gap.{g}', lang)}" for g in accessibility.KNOWN_GAPS)
    )
    _heading("accessibility.measured_title", lang)
    _measured(measured, lang)
    _heading("accessibility.made_title", lang)
    st.markdown(i18n.t("accessibility.made_body", lang, date=_day(measured.measured_on, lang)))
    _heading("accessibility.feedback_title", lang)
    st.markdown(i18n.t("accessibility.feedback_body", lang))
    _contact(
        settings.accessibility_contact(),
        "accessibility.contact",
        "accessibility.contact_unset",
        lang,
    )
    _heading("accessibility.authority_title", lang)
    st.markdown(i18n.t("accessibility.authority_body", lang))
    st.markdown(i18n.t("accessibility.authority_contact", lang))


def _measured(measured: accessibility.Measurement, lang: str) -> None:
    if not measured.results:
        st.info(i18n.t("accessibility.measured_none", lang))
        return
    st.markdown(
        i18n.t(
            "accessibility.measured_body",
            lang,
            version=measured.axe_version,
            date=_day(measured.measured_on, lang),
            pages=len({r.path for r in measured.results}),
            serious=measured.serious,
        )
    )
    other = sorted({rule for r in measured.results for rule in r.other})
    if other:
        st.markdown(i18n.t("accessibility.measured_other", lang, rules=", ".join(other)))
    none = i18n.t("accessibility.other_none", lang)
    rows = []
    for path in dict.fromkeys(r.path for r in measured.results):  # one row per page
        found = sorted(
            (r for r in measured.results if r.path == path),
            key=lambda r: i18n.ROUND_LANGUAGES.index(r.lang),
        )
        other: dict[str, int] = {}
        for result in found:
            for rule, n in result.other.items():
                other[rule] = other.get(rule, 0) + n
        rows.append(
            {
                "page": plain(path),
                "language": ", ".join(i18n.LANGUAGE_NAMES[r.lang] for r in found),
                "rules": max(r.rules_run for r in found),
                "serious": sum(r.serious for r in found),
                "other": ", ".join(f"{rule} ({n})" for rule, n in other.items()) or none,
            }
        )
    table = pd.DataFrame(rows).rename(
        columns={name: i18n.t(f"accessibility.col.{name}", lang) for name in rows[0]}
    )
    st.table(table, hide_index=True)


def privacy_notice(ctx: PageContext) -> None:
    """GDPR art. 12–13 for respondents: first for the youngest, then for young people and
    families; the controller and the contact from settings."""
    lang = ctx.lang
    _back_link(ctx)
    _heading("privacy.child_title", lang)
    st.markdown(i18n.t("privacy.child_body", lang))
    _heading("privacy.respondent_title", lang)
    k = settings.min_group_size()
    months = settings.comment_retention_months()
    for part, values in (
        ("why", {}),
        ("stored", {}),
        ("not_stored", {}),
        ("who", {"k": k}),
        ("kept", {"months": months}),
        ("rights", {}),
    ):
        st.markdown(f"**{i18n.t(f'privacy.{part}_title', lang)}**")
        st.markdown(i18n.t(f"privacy.{part}_body", lang, **values))
    _controller(lang)
    st.page_link(
        "pages/privacy.py",
        label=i18n.t("privacy.staff_link", lang),
        query_params={"lang": lang, "for": "staff"},
    )


def processing_record(ctx: PageContext) -> None:
    """GDPR art. 30: the record of processing, as the code stores it."""
    lang = ctx.lang
    st.subheader(i18n.t("privacy.staff_title", lang), anchor=False)
    st.markdown(i18n.t("privacy.staff_intro", lang, service=i18n.t(_SERVICE, lang)))
    org, contact = settings.organisation_name(), settings.privacy_contact()
    unset = "privacy.staff.unset"
    rows = [
        ("controller", plain(org) if org else i18n.t(unset, lang, setting="FEEDBACK_ORG_NAME")),
        (
            "contact",
            plain(contact) if contact else i18n.t(unset, lang, setting="FEEDBACK_PRIVACY_EMAIL"),
        ),
    ]
    values = {
        "k": settings.min_group_size(),
        "months": settings.comment_retention_months(),
        "days": auth.SESSION_DAYS,
    }
    for name, value in rows:
        st.markdown(f"**{i18n.t(f'privacy.staff.{name}', lang)}:** {value}")
    for name in (
        "purposes",
        "basis",
        "subjects",
        "data",
        "recipients",
        "transfers",
        "retention",
        "security",
    ):
        st.markdown(f"**{i18n.t(f'privacy.staff.{name}', lang)}**")
        st.markdown(i18n.t(f"privacy.staff.{name}_body", lang, **values))
    st.page_link(
        "pages/privacy.py",
        label=i18n.t("privacy.respondent_link", lang),
        query_params={"lang": lang},
    )


def _back_link(ctx: PageContext) -> None:
    """Back to the respondent screen the person came from (`?back=`, a page of this app only):
    a kiosk tablet has no back button."""
    back = session_cookie.local_page(ctx.query("back"))
    path, _, query = (back or "").partition("?")
    script = f"pages{path}.py"
    if not back or not (settings.PROJECT_ROOT / script).is_file():
        return
    st.page_link(
        script,
        label=i18n.t("privacy.back", ctx.lang),
        icon="⬅️",
        query_params={**dict(parse_qsl(query)), "lang": ctx.lang},
    )


def _controller(lang: str) -> None:
    org = settings.organisation_name()
    st.markdown(
        i18n.t("privacy.controller", lang, org=plain(org))
        if org
        else i18n.t("privacy.controller_unset", lang)
    )
    _contact(settings.privacy_contact(), "privacy.contact", "privacy.contact_unset", lang)


def _contact(contact: str | None, key: str, unset_key: str, lang: str) -> None:
    if contact:
        st.markdown(i18n.t(key, lang, contact=_address(contact)))
    else:
        st.warning(i18n.t(unset_key, lang))


#: An e-mail address as operators write one; anything else in the setting is shown as text.
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")


def _address(contact: str) -> str:
    """The operator's contact as Markdown: an e-mail address as a link that can be used as it
    is (an escaped one would carry invisible characters into a copied address), else text."""
    if _EMAIL.fullmatch(contact):
        return f"[{contact}](mailto:{contact})"
    return plain(contact)


def _heading(key: str, lang: str) -> None:
    st.subheader(i18n.t(key, lang), anchor=False)


def _day(day, lang: str) -> str:
    if day is None:
        return "–"
    return i18n.day(day, lang)

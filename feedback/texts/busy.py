"""Texts of the page shown when the app process holds as many sessions as it may."""

TEXTS: dict[str, dict[str, str]] = {
    "busy.title": {
        "fi": "Palvelu on juuri nyt kiireinen",
        "sv": "Tjänsten är upptagen just nu",
        "en": "The service is busy right now",
    },
    "busy.body": {
        "fi": "Yritä hetken päästä uudelleen. Sivu yrittää itse uudelleen hetken kuluttua.",
        "sv": "Försök igen om en stund. Sidan försöker själv igen om en stund.",
        "en": "Please try again in a moment. The page tries again by itself shortly.",
    },
}

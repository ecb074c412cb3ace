"""Texts on the printed QR poster that invites children and families to answer a round."""

TEXTS: dict[str, dict[str, str]] = {
    "poster.headline": {
        "fi": "Kerro mielipiteesi!",
        "sv": "Säg vad du tycker!",
        "en": "Tell us what you think!",
    },
    "poster.code": {
        "fi": "Koodi",
        "sv": "Kod",
        "en": "Code",
    },
    "poster.anonymous": {
        "fi": "Vastaukset ovat nimettömiä",
        "sv": "Svaren är anonyma",
        "en": "Answers are anonymous",
    },
    "poster.document_title": {
        "fi": "Palautejuliste: {action}",
        "sv": "Responsaffisch: {action}",
        "en": "Feedback poster: {action}",
    },
}

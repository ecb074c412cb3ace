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
    "slips.code": {
        "fi": "Vastauskoodi",
        "sv": "Svarskod",
        "en": "Answer code",
    },
    "slips.once": {
        "fi": "Yksi vastaus tällä lapulla",
        "sv": "Ett svar med den här lappen",
        "en": "One answer with this slip",
    },
    "slips.document_title": {
        "fi": "Vastauslaput: {subject}",
        "sv": "Svarslappar: {subject}",
        "en": "Answer slips: {subject}",
    },
}

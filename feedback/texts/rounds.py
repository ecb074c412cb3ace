"""Texts of the staff page for feedback rounds."""

TEXTS: dict[str, dict[str, str]] = {
    "rounds.title": {"fi": "Palautekierrokset", "sv": "Responsomgångar", "en": "Feedback rounds"},
    "rounds.none": {
        "fi": "Palautekierroksia ei vielä ole. Avaa kierros komennolla: feedback survey create --action TOIMENPIDE",
        "sv": "Det finns ännu inga responsomgångar. Öppna en med kommandot: feedback survey create --action ÅTGÄRD",
        "en": "There are no feedback rounds yet. Open one with the command: feedback survey create --action ACTION",
    },
    "rounds.choose": {"fi": "Kierros", "sv": "Omgång", "en": "Round"},
    "rounds.answers": {"fi": "{n} vastausta", "sv": "{n} svar", "en": "{n} answers"},
    "rounds.status.open": {"fi": "avoin", "sv": "öppen", "en": "open"},
    "rounds.status.closed": {"fi": "suljettu", "sv": "stängd", "en": "closed"},
    "rounds.link": {"fi": "Vastauslinkki", "sv": "Svarslänk", "en": "Answer link"},
    "rounds.kiosk_link": {
        "fi": "Linkki yhteiskäyttöiselle tabletille (kioskitila)",
        "sv": "Länk för en delad surfplatta (kioskläge)",
        "en": "Link for a shared tablet (kiosk mode)",
    },
    "rounds.qr_alt": {
        "fi": "QR-koodi, joka avaa kyselyn osoitteessa {url}",
        "sv": "QR-kod som öppnar enkäten på adressen {url}",
        "en": "QR code that opens the survey at {url}",
    },
    "rounds.poster": {
        "fi": "Lataa A4-juliste (PDF)",
        "sv": "Ladda ner A4-affisch (PDF)",
        "en": "Download A4 poster (PDF)",
    },
    "rounds.qr_png": {
        "fi": "Lataa QR-koodi (PNG)",
        "sv": "Ladda ner QR-kod (PNG)",
        "en": "Download QR code (PNG)",
    },
    "rounds.preview": {
        "fi": "Esikatsele niin kuin lapsi näkee",
        "sv": "Förhandsgranska så som barnet ser det",
        "en": "Preview as a child sees it",
    },
}

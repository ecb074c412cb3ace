"""Texts of a round's staff notices (issue #29): the daily digest, the drop alert, and changing
a round's alerting on /rounds."""

TEXTS: dict[str, dict[str, str]] = {
    "notices.digest_subject": {
        "fi": "Uusia kommentteja: {subject} ({n})",
        "sv": "Nya kommentarer: {subject} ({n})",
        "en": "New comments: {subject} ({n})",
    },
    "notices.digest_body": {
        "fi": "Kyselyyn {subject} tuli {day} uusia kommentteja: {n}. Lue ja käsittele ne "
        "kirjautuneena: {link}",
        "sv": "Enkäten {subject} fick {day} nya kommentarer: {n}. Läs och behandla dem "
        "inloggad: {link}",
        "en": "The round {subject} got new comments on {day}: {n}. Read and review them "
        "signed in: {link}",
    },
    "notices.drop_subject": {
        "fi": "Myönteisten osuus laski: {subject}",
        "sv": "Andelen positiva sjönk: {subject}",
        "en": "The positive share fell: {subject}",
    },
    "notices.drop_body": {
        "fi": "Kyselyn {subject} myönteisten vastausten osuus laski viikossa: edellisellä "
        "viikolla {before}, viimeisellä {now} (kummallakin viikolla vähintään {k} vastausta). "
        "Katso luvut: {link}",
        "sv": "Andelen positiva svar i enkäten {subject} sjönk på en vecka: veckan innan "
        "{before}, senaste veckan {now} (minst {k} svar varje vecka). Se siffrorna: {link}",
        "en": "The share of positive answers of the round {subject} fell within a week: the "
        "week before {before}, the last week {now} (at least {k} answers each week). See the "
        "figures: {link}",
    },
    "notices.mail_outro": {
        "fi": "Valitsit tämän viestin kyselylle {code} sivulla /rounds, jossa sen voi myös "
        "lopettaa. Viestissä ei ole lasten sanoja.",
        "sv": "Du valde detta meddelande för enkäten {code} på sidan /rounds, där du också "
        "kan stänga av det. Meddelandet innehåller inte barnens ord.",
        "en": "You chose this message for round {code} on /rounds, where you can also turn "
        "it off. It holds none of the children's words.",
    },
    # /rounds: a round's alerting, changeable while it runs.
    "rounds.alerting": {
        "fi": "Hälytykset ja sähköpostit",
        "sv": "Larm och e-post",
        "en": "Alerts and e-mails",
    },
    "rounds.digest_to": {
        "fi": "Päivittäinen kooste uusista kommenteista osoitteeseen (tyhjä: ei koostetta)",
        "sv": "Daglig sammanfattning av nya kommentarer till adressen (tom: ingen)",
        "en": "Daily digest of new comments to the address (empty: none)",
    },
    "rounds.drop_alert_to": {
        "fi": "Hälytys myönteisten osuuden jyrkästä laskusta osoitteeseen (tyhjä: ei hälytystä)",
        "sv": "Larm om andelen positiva sjunker kraftigt, till adressen (tom: inget larm)",
        "en": "Alert when the positive share falls sharply, to the address (empty: none)",
    },
    "rounds.alerting_save": {
        "fi": "Tallenna hälytykset",
        "sv": "Spara larmen",
        "en": "Save the alerts",
    },
    "rounds.alerting_saved": {
        "fi": "Tallennettu.",
        "sv": "Sparat.",
        "en": "Saved.",
    },
    "rounds.alerting_invalid": {
        "fi": "Tämä ei ole sähköpostiosoite: {email}",
        "sv": "Det här är ingen e-postadress: {email}",
        "en": "This is not an e-mail address: {email}",
    },
    "rounds.alerting_change": {
        "fi": "{when} {who}: {setting} → {value}",
        "sv": "{when} {who}: {setting} → {value}",
        "en": "{when} {who}: {setting} → {value}",
    },
    "rounds.alerting.digest_to": {
        "fi": "päivittäinen kooste",
        "sv": "daglig sammanfattning",
        "en": "daily digest",
    },
    "rounds.alerting.drop_alert_to": {
        "fi": "laskuhälytys",
        "sv": "larm om nedgång",
        "en": "drop alert",
    },
    "rounds.alerting.on": {"fi": "päällä", "sv": "på", "en": "on"},
    "rounds.alerting.off": {"fi": "pois", "sv": "av", "en": "off"},
}

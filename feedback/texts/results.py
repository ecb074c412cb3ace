"""Texts of the public results page and of "you said, we did", in words children understand."""

TEXTS: dict[str, dict[str, str]] = {
    "results.title": {
        "fi": "Mitä vastasitte – ja mitä teimme",
        "sv": "Vad ni svarade – och vad vi gjorde",
        "en": "What you said – and what we did",
    },
    "results.about": {
        "fi": "Kysely koski tätä:",
        "sv": "Enkäten handlade om det här:",
        "en": "The survey was about this:",
    },
    "results.answers": {
        "fi": "Vastauksia tuli {n}.",
        "sv": "Det kom {n} svar.",
        "en": "{n} answers came in.",
    },
    "results.too_few": {
        "fi": "Tuloksia ei näytetä vielä. Ne näytetään, kun vastauksia on tullut vähintään {k}, ja ne päivittyvät enintään kerran päivässä. Näin kenenkään vastausta ei voi arvata.",
        "sv": "Resultaten visas inte ännu. De visas när minst {k} svar har kommit in och uppdateras högst en gång om dagen. Så kan ingen gissa vad någon svarade.",
        "en": "The results are not shown yet. They are shown once at least {k} answers have come in, and updated at most once a day. That way no one can guess anyone's answer.",
    },
    "results.steps": {
        "fi": "Tulokset päivittyvät enintään kerran päivässä ja vasta, kun uusia vastauksia on tullut vähintään {k}. Tämän päivän vastaukset näkyvät aikaisintaan huomenna.",
        "sv": "Resultaten uppdateras högst en gång om dagen och först när minst {k} nya svar har kommit in. Dagens svar syns tidigast i morgon.",
        "en": "The results are updated at most once a day, and only when at least {k} new answers have come in. Today's answers show tomorrow at the earliest.",
    },
    "results.we_did": {"fi": "Mitä me teimme", "sv": "Vad vi gjorde", "en": "What we did"},
    "results.nothing_yet": {
        "fi": "Aikuiset käyvät vastaukset läpi ja kertovat täällä, mitä ne muuttavat.",
        "sv": "De vuxna går igenom svaren och berättar här vad de ändrar.",
        "en": "The adults will go through the answers and tell here what they change.",
    },
    "results.you_said": {"fi": "Te sanoitte:", "sv": "Ni sa:", "en": "You said:"},
    "results.so_we": {"fi": "Siksi me:", "sv": "Därför:", "en": "So we:"},
    "results.status.done": {"fi": "Tehty", "sv": "Gjort", "en": "Done"},
    "results.status.planned": {"fi": "Tulossa", "sv": "På gång", "en": "Coming"},
    "results.status.not-possible": {
        "fi": "Ei onnistunut – ja miksi",
        "sv": "Gick inte – och varför",
        "en": "Not possible – and why",
    },
    "results.last_time": {
        "fi": "Viime kerralla sanoitte: {you_said} Siksi me: {we_did}",
        "sv": "Förra gången sa ni: {you_said} Därför: {we_did}",
        "en": "Last time you said: {you_said} So we: {we_did}",
    },
    "results.print": {
        "fi": "Tämän sivun voi tulostaa ja käydä läpi ryhmän kanssa.",
        "sv": "Den här sidan kan skrivas ut och gås igenom med gruppen.",
        "en": "This page can be printed and gone through with the group.",
    },
    "results.not_found": {
        "fi": "Tuloksia ei löytynyt. Tarkista linkki.",
        "sv": "Resultaten hittades inte. Kontrollera länken.",
        "en": "No results were found. Check the link.",
    },
    "changes.title": {
        "fi": "Palautteen perusteella tehdyt muutokset",
        "sv": "Ändringar gjorda utifrån responsen",
        "en": "Changes made because of feedback",
    },
    "changes.you_said": {
        "fi": "Mitä lapset ja nuoret sanoivat (lyhyesti, lasten kielellä)",
        "sv": "Vad barnen och de unga sa (kort, på barnens språk)",
        "en": "What the children said (short, in their words)",
    },
    "changes.we_did": {
        "fi": "Mitä teimme tai teemme – tai miksi emme voineet",
        "sv": "Vad vi gjorde eller gör – eller varför vi inte kunde",
        "en": "What we did or will do – or why we could not",
    },
    "changes.status": {"fi": "Tilanne", "sv": "Läge", "en": "Status"},
    "changes.save": {"fi": "Tallenna muutos", "sv": "Spara ändringen", "en": "Save the change"},
    "changes.saved": {
        "fi": "Tallennettu. Se näkyy tulossivulla ja seuraavan kyselyn kiitossivulla.",
        "sv": "Sparat. Det syns på resultatsidan och på tacksidan i nästa enkät.",
        "en": "Saved. It shows on the results page and on the next survey's thank-you.",
    },
    "changes.invalid": {
        "fi": "Kirjoita molemmat tekstit (enintään 400 merkkiä).",
        "sv": "Skriv båda texterna (högst 400 tecken).",
        "en": "Write both texts (at most 400 characters).",
    },
    "changes.results_link": {
        "fi": "Julkinen tulossivu",
        "sv": "Offentlig resultatsida",
        "en": "Public results page",
    },
}

"""Texts of the staff page for feedback rounds."""

TEXTS: dict[str, dict[str, str]] = {
    # The subject of the synthetic rounds of `feedback demo`, which stand for a real activity.
    "rounds.demo_subject": {
        "fi": "Esimerkkikerho",
        "sv": "Exempelklubben",
        "en": "The example club",
    },
    "rounds.title": {"fi": "Palautekierrokset", "sv": "Responsomgångar", "en": "Feedback rounds"},
    "rounds.none": {
        "fi": "Palautekierroksia ei vielä ole. Avaa kierros komennolla: feedback round create --action TOIMENPIDE",
        "sv": "Det finns ännu inga responsomgångar. Öppna en med kommandot: feedback round create --action ÅTGÄRD",
        "en": "There are no feedback rounds yet. Open one with the command: feedback round create --action ACTION",
    },
    "rounds.subject": {
        "fi": "Mitä lapsi arvioi – lyhyesti ({language})",
        "sv": "Vad barnet bedömer – kort ({language})",
        "en": "What the child rates – in a few words ({language})",
    },
    "rounds.subject_help": {
        "fi": "Enintään {max} merkkiä, esimerkiksi ”Nuorisotalon kerho”. Tämä on lapsen näytön otsikko.",
        "sv": "Högst {max} tecken, till exempel ”Skolans morgonklubb”. Det här är rubriken på barnets skärm.",
        "en": "At most {max} characters, for example “The youth club”. This is the heading of the child's screen.",
    },
    "rounds.subject_missing": {
        "fi": "Kirjoita, mitä lapsi arvioi, kielellä {language}.",
        "sv": "Skriv vad barnet bedömer på {language}.",
        "en": "Write what the child rates in {language}.",
    },
    "rounds.subject_too_long": {
        "fi": "Aihe kielellä {language} on liian pitkä: enintään {max} merkkiä.",
        "sv": "Ämnet på {language} är för långt: högst {max} tecken.",
        "en": "The subject in {language} is too long: at most {max} characters.",
    },
    "rounds.subject_control": {
        "fi": "Aiheessa kielellä {language} on merkkejä, joita ei voi näyttää. Kirjoita se uudelleen.",
        "sv": "Ämnet på {language} innehåller tecken som inte kan visas. Skriv det på nytt.",
        "en": "The subject in {language} holds characters that cannot be shown. Please type it again.",
    },
    "rounds.child_preview": {
        "fi": "Näin lapsi näkee kyselyn",
        "sv": "Så här ser barnet enkäten",
        "en": "What the child will see",
    },
    "rounds.recording": {
        "fi": "Kysymys ääneen luettuna ({language})",
        "sv": "Frågan uppläst ({language})",
        "en": "The question read aloud ({language})",
    },
    "rounds.recording_help": {
        "fi": "Lapsille, jotka eivät vielä lue: lyhyt äänite (MP3, Ogg tai WAV, enintään 1 Mt), jossa luet aiheen ja kysymyksen.",
        "sv": "För barn som ännu inte läser: en kort inspelning (MP3, Ogg eller WAV, högst 1 MB) där du läser ämnet och frågan.",
        "en": "For children who do not read yet: a short recording (MP3, Ogg or WAV, at most 1 MB) of you reading the subject and the question.",
    },
    "rounds.recording_save": {
        "fi": "Tallenna äänite",
        "sv": "Spara inspelningen",
        "en": "Save the recording",
    },
    "rounds.recording_saved": {
        "fi": "Äänite tallennettu ({language}).",
        "sv": "Inspelningen har sparats ({language}).",
        "en": "Recording saved ({language}).",
    },
    "rounds.recording_too_big": {
        "fi": "Äänite on liian suuri: enintään 1 Mt. Lyhennä sitä tai tallenna pienemmällä laadulla.",
        "sv": "Inspelningen är för stor: högst 1 MB. Korta den eller spara den med lägre kvalitet.",
        "en": "The recording is too big: at most 1 MB. Shorten it or save it at a lower quality.",
    },
    "rounds.recording_not_audio": {
        "fi": "Tiedosto ei ole MP3-, Ogg- tai WAV-äänite.",
        "sv": "Filen är inte en MP3-, Ogg- eller WAV-inspelning.",
        "en": "The file is not an MP3, Ogg or WAV recording.",
    },
    "rounds.choose": {"fi": "Kierros", "sv": "Omgång", "en": "Round"},
    "rounds.answers": {"fi": "{n} vastausta", "sv": "{n} svar", "en": "{n} answers"},
    "rounds.status.open": {"fi": "avoin", "sv": "öppen", "en": "open"},
    "rounds.status.closed": {"fi": "suljettu", "sv": "stängd", "en": "closed"},
    "rounds.link": {"fi": "Vastauslinkki", "sv": "Svarslänk", "en": "Answer link"},
    "kiosks.title": {
        "fi": "Yhteiskäyttöiset tabletit (kioskit)",
        "sv": "Delade surfplattor (kiosker)",
        "en": "Shared tablets (kiosks)",
    },
    "kiosks.help": {
        "fi": "Tee tabletista kioski: anna sille nimi ja avaa saamasi linkki tai QR-koodi "
        "tabletilla {minutes} minuutin kuluessa. Linkki toimii kerran. Tabletti avaa sitten tämän "
        "kierroksen kioskitilassa.",
        "sv": "Gör en surfplatta till en kiosk: ge den ett namn och öppna länken eller QR-koden "
        "du får på surfplattan inom {minutes} minuter. Länken fungerar en gång. Surfplattan öppnar "
        "sedan den här omgången i kioskläge.",
        "en": "Make a tablet a kiosk: give it a name and open the link or QR code you get on the "
        "tablet within {minutes} minutes. The link works once. The tablet then opens this round in "
        "kiosk mode.",
    },
    "kiosks.label": {
        "fi": "Tabletin nimi (esim. Nuorisotalon aula)",
        "sv": "Surfplattans namn (t.ex. Ungdomsgårdens entré)",
        "en": "The tablet's name (e.g. Youth centre lobby)",
    },
    "kiosks.enrol": {
        "fi": "Luo kioskin käyttöönottolinkki",
        "sv": "Skapa kioskens aktiveringslänk",
        "en": "Create the kiosk's enrolment link",
    },
    "kiosks.label_invalid": {
        "fi": "Anna tabletille nimi (enintään {max} merkkiä).",
        "sv": "Ge surfplattan ett namn (högst {max} tecken).",
        "en": "Give the tablet a name (at most {max} characters).",
    },
    "kiosks.enrolment_link": {
        "fi": "Avaa tämä tabletilla {minutes} minuutin kuluessa (toimii kerran):",
        "sv": "Öppna den här på surfplattan inom {minutes} minuter (fungerar en gång):",
        "en": "Open this on the tablet within {minutes} minutes (works once):",
    },
    "kiosks.enrolment_qr_alt": {
        "fi": "QR-koodi, joka tekee tabletista kioskin {label}",
        "sv": "QR-kod som gör surfplattan till kiosken {label}",
        "en": "QR code that makes the tablet the kiosk {label}",
    },
    "kiosks.none": {
        "fi": "Tällä kierroksella ei ole kioskeja.",
        "sv": "Den här omgången har inga kiosker.",
        "en": "This round has no kiosks.",
    },
    "kiosks.row": {
        "fi": "**{label}** · {by}, {day} · liian nopeita vastauksia {flagged}",
        "sv": "**{label}** · {by}, {day} · för snabba svar {flagged}",
        "en": "**{label}** · {by}, {day} · too-fast answers {flagged}",
    },
    "kiosks.revoked": {"fi": "poistettu käytöstä", "sv": "återkallad", "en": "revoked"},
    "kiosks.revoke": {"fi": "Poista käytöstä", "sv": "Återkalla", "en": "Revoke"},
    "kiosks.revoked_now": {
        "fi": "Kioski {label} on poistettu käytöstä: tabletti on tavallinen selain seuraavasta "
        "sivun latauksesta alkaen.",
        "sv": "Kiosken {label} är återkallad: surfplattan är en vanlig webbläsare från nästa "
        "sidladdning.",
        "en": "The kiosk {label} is revoked: the tablet is an ordinary browser from its next "
        "page load.",
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
    "rounds.status.archived": {"fi": "arkistoitu", "sv": "arkiverad", "en": "archived"},
    "rounds.close": {"fi": "Sulje kierros", "sv": "Stäng omgången", "en": "Close the round"},
    "rounds.reopen": {"fi": "Avaa uudelleen", "sv": "Öppna igen", "en": "Reopen"},
    "rounds.archive": {"fi": "Arkistoi", "sv": "Arkivera", "en": "Archive"},
    "rounds.status_changed": {
        "fi": "Kierroksen tila on nyt: {status}.",
        "sv": "Omgångens status är nu: {status}.",
        "en": "The round is now {status}.",
    },
    "rounds.new": {
        "fi": "Uusi palautekierros",
        "sv": "Ny responsomgång",
        "en": "New feedback round",
    },
    "rounds.action": {"fi": "Toimenpide", "sv": "Åtgärd", "en": "Action"},
    "rounds.scale": {"fi": "Asteikko", "sv": "Skala", "en": "Scale"},
    "rounds.scale_auto": {
        "fi": "Kohderyhmän mukaan (pienimmille 3 naamaa)",
        "sv": "Enligt målgruppen (3 ansikten för de minsta)",
        "en": "By audience (3 faces for the youngest)",
    },
    "rounds.audiences": {"fi": "Kohderyhmät", "sv": "Målgrupper", "en": "Audiences"},
    "rounds.languages": {"fi": "Kielet", "sv": "Språk", "en": "Languages"},
    "rounds.extra": {
        "fi": "Lisäkysymykset (pikakysely)",
        "sv": "Fler frågor (snabbenkät)",
        "en": "More questions (quick survey)",
    },
    "rounds.follow_up": {
        "fi": "Kysy: mikä oli parasta?",
        "sv": "Fråga: vad var bäst?",
        "en": "Ask: what was best?",
    },
    "rounds.free_text": {
        "fi": "Salli lyhyt vapaa teksti",
        "sv": "Tillåt en kort fritext",
        "en": "Allow a short comment",
    },
    "rounds.codes": {
        "fi": "Kertakäyttöiset vastauskoodit (0 = ei koodeja)",
        "sv": "Engångskoder för svar (0 = inga koder)",
        "en": "One-time answer codes (0 = none)",
    },
    "rounds.codes_help": {
        "fi": "Jokaisella tulostettavalla lapulla voi vastata kerran, eikä koodia liitetä "
        "vastaukseen. Ilman lappua kierrokseen ei voi vastata.",
        "sv": "Varje utskriven lapp ger ett svar, och koden kopplas inte till svaret. Utan "
        "lapp kan man inte svara på omgången.",
        "en": "Each printed slip answers once, and the code is not tied to the answer. Without "
        "a slip nobody can answer the round.",
    },
    "rounds.slips": {
        "fi": "Lataa vastauslaput (A4, PDF)",
        "sv": "Ladda ner svarslappar (A4, PDF)",
        "en": "Download answer slips (A4, PDF)",
    },
    "rounds.slips_used": {
        "fi": "Kaikilla tämän kierroksen koodeilla on jo vastattu.",
        "sv": "Alla koder för den här omgången har redan använts.",
        "en": "Every code of this round has been used.",
    },
    "rounds.create": {"fi": "Avaa kierros", "sv": "Öppna omgången", "en": "Open the round"},
    "rounds.created": {
        "fi": "Kierros {code} on avattu.",
        "sv": "Omgången {code} har öppnats.",
        "en": "Round {code} is open.",
    },
    "rounds.invalid": {
        "fi": "Kierrosta ei voitu avata: {problem}",
        "sv": "Omgången kunde inte öppnas: {problem}",
        "en": "The round could not be opened: {problem}",
    },
    "rounds.no_actions": {
        "fi": "Sinun toimijoillasi ei ole toimenpiteitä.",
        "sv": "Dina aktörer har inga åtgärder.",
        "en": "Your actors have no actions.",
    },
    "scale.faces5": {"fi": "5 naamaa", "sv": "5 ansikten", "en": "5 faces"},
    "scale.faces3": {"fi": "3 naamaa", "sv": "3 ansikten", "en": "3 faces"},
    "scale.thumbs": {"fi": "Peukut", "sv": "Tummar", "en": "Thumbs"},
    "scale.stars": {"fi": "Tähdet", "sv": "Stjärnor", "en": "Stars"},
    "scale.grade": {"fi": "Kouluarvosana 4–10", "sv": "Vitsord 4–10", "en": "School grade 4–10"},
    "scale.nps": {
        "fi": "Suositteluindeksi 0–10",
        "sv": "Rekommendationsindex 0–10",
        "en": "Recommendation index 0–10",
    },
    "extra.heard": {"fi": "Kuunneltiinko", "sv": "Lyssnade man", "en": "Listened to"},
    "extra.treated": {"fi": "Kohtelu", "sv": "Bemötande", "en": "Treatment"},
    "extra.helped": {"fi": "Sai apua", "sv": "Fick hjälp", "en": "Got help"},
    "extra.opinion": {"fi": "Mielipide", "sv": "Åsikt", "en": "Opinion"},
    "extra.recommend": {
        "fi": "Suosittelu 0–10",
        "sv": "Rekommendation 0–10",
        "en": "Recommendation 0–10",
    },
    "rounds.choose_some": {
        "fi": "Valitse vähintään yksi kohderyhmä ja yksi kieli.",
        "sv": "Välj minst en målgrupp och ett språk.",
        "en": "Choose at least one audience and one language.",
    },
    "rounds.opens_on": {
        "fi": "Aukeaa (valinnainen)",
        "sv": "Öppnar (valfritt)",
        "en": "Opens (optional)",
    },
    "rounds.closes_on": {
        "fi": "Sulkeutuu (valinnainen, viimeinen vastauspäivä)",
        "sv": "Stänger (valfritt, sista svarsdagen)",
        "en": "Closes (optional, the last day to answer)",
    },
    "rounds.dates_backwards": {
        "fi": "Sulkeutumispäivä on ennen aukeamispäivää. Mitään ei tallennettu.",
        "sv": "Stängningsdagen är före öppningsdagen. Inget sparades.",
        "en": "The closing day is before the opening day. Nothing was saved.",
    },
    "rounds.dates": {
        "fi": "Vastausaika: {opens} – {closes}",
        "sv": "Svarstid: {opens} – {closes}",
        "en": "Answering: {opens} – {closes}",
    },
}

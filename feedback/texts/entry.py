"""Texts of the staff page for paper answers and participation counts."""

TEXTS: dict[str, dict[str, str]] = {
    "entry.title": {
        "fi": "Paperivastaukset ja osallistujat",
        "sv": "Pappersvar och deltagare",
        "en": "Paper answers and participation",
    },
    "entry.paper_title": {
        "fi": "Paperilla tai palautelaatikkoon annetut vastaukset",
        "sv": "Svar som getts på papper eller i en responslåda",
        "en": "Answers given on paper or in a feedback box",
    },
    "entry.paper_help": {
        "fi": "Kirjoita, montako vastaajaa valitsi kunkin vaihtoehdon. Jokainen tallentuu omaksi nimettömäksi vastaukseksi kanavalla 'henkilöstön syöttämä'.",
        "sv": "Skriv hur många som valde varje alternativ. Varje svar sparas som ett eget anonymt svar med kanalen 'inmatat av personalen'.",
        "en": "Enter how many respondents chose each option. Each is stored as its own anonymous answer with the channel 'staff-entered'.",
    },
    "entry.round": {"fi": "Kierros", "sv": "Omgång", "en": "Round"},
    "entry.day": {"fi": "Vastauspäivä", "sv": "Svarsdag", "en": "Day answered"},
    "entry.save_paper": {
        "fi": "Tallenna vastaukset",
        "sv": "Spara svaren",
        "en": "Save the answers",
    },
    "entry.saved_paper": {
        "fi": "{n} vastausta tallennettu.",
        "sv": "{n} svar har sparats.",
        "en": "{n} answers saved.",
    },
    "entry.only_single": {
        "fi": "Paperivastauksia voi syöttää vain yhden kysymyksen kierroksille, jotka ovat auki.",
        "sv": "Pappersvar kan matas in bara för öppna omgångar med en fråga.",
        "en": "Paper answers can be entered only for open single-question rounds.",
    },
    "entry.paper_failed": {
        "fi": "Vastauksia ei tallennettu: {problem}",
        "sv": "Svaren sparades inte: {problem}",
        "en": "The answers were not saved: {problem}",
    },
    "entry.participation_title": {
        "fi": "Osallistujat ja käyntikerrat kuukausittain",
        "sv": "Deltagare och besök per månad",
        "en": "Participants and visits per month",
    },
    "entry.action": {"fi": "Toimenpide", "sv": "Åtgärd", "en": "Action"},
    "entry.month": {"fi": "Kuukausi (VVVV-KK)", "sv": "Månad (ÅÅÅÅ-MM)", "en": "Month (YYYY-MM)"},
    "entry.participants": {"fi": "Osallistujia", "sv": "Deltagare", "en": "Participants"},
    "entry.visits": {"fi": "Käyntikertoja", "sv": "Besök", "en": "Visits"},
    "entry.save_counts": {"fi": "Tallenna luvut", "sv": "Spara siffrorna", "en": "Save the counts"},
    "entry.saved_counts": {
        "fi": "Luvut tallennettu kuukaudelle {month}.",
        "sv": "Siffrorna har sparats för månaden {month}.",
        "en": "Counts saved for {month}.",
    },
    "entry.counts_failed": {
        "fi": "Lukuja ei tallennettu: {problem}",
        "sv": "Siffrorna sparades inte: {problem}",
        "en": "The counts were not saved: {problem}",
    },
    "entry.recorded": {"fi": "Kirjatut luvut", "sv": "Inmatade siffror", "en": "Recorded counts"},
    "entry.bad_month": {
        "fi": "Kirjoita kuukausi muodossa VVVV-KK, esimerkiksi 2026-03. Mitään ei tallennettu.",
        "sv": "Skriv månaden som ÅÅÅÅ-MM, till exempel 2026-03. Inget sparades.",
        "en": "Write the month as YYYY-MM, for example 2026-03. Nothing was saved.",
    },
    "entry.bad_count": {
        "fi": "Luvun pitää olla kokonaisluku, nolla tai enemmän. Mitään ei tallennettu.",
        "sv": "Talet ska vara ett heltal, noll eller mer. Inget sparades.",
        "en": "A count must be a whole number, zero or more. Nothing was saved.",
    },
    "entry.bad_action": {
        "fi": "Toimenpidettä ei löytynyt. Mitään ei tallennettu.",
        "sv": "Åtgärden hittades inte. Inget sparades.",
        "en": "The action was not found. Nothing was saved.",
    },
    "entry.round_closed": {
        "fi": "Kierros on suljettu. Avaa se uudelleen Palautekierrokset-sivulla ja yritä sitten uudelleen.",
        "sv": "Omgången är stängd. Öppna den igen på sidan Responsomgångar och försök sedan igen.",
        "en": "The round is closed. Reopen it on the Feedback rounds page, then try again.",
    },
}

"""User-facing text in Finnish, Swedish and English, looked up per call, never process-wide.

All catalogue entries live in `CATALOG`, side by side so that a reviewer sees the three languages
of one text together; a test fails when any language lacks one.
"""

from __future__ import annotations

LANGUAGES = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"
LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}

CATALOG: dict[str, dict[str, str]] = {
    "app.name": {
        "fi": "Lasten ja nuorten palaute",
        "sv": "Barns och ungas respons",
        "en": "Children's and youth feedback",
    },
    "app.intro": {
        "fi": "Lapset, nuoret ja perheet kertovat, mitä mieltä he ovat kunnan lasten ja nuorten "
        "hyvinvointisuunnitelman toimenpiteistä. Vastaukset ovat nimettömiä.",
        "sv": "Barn, unga och familjer berättar vad de tycker om åtgärderna i kommunens "
        "välfärdsplan för barn och unga. Svaren är anonyma.",
        "en": "Children, young people and families say what they think of the actions in their "
        "municipality's child and youth welfare plan. Answers are anonymous.",
    },
    "app.how_to_answer": {
        "fi": "Vastaamaan pääset kyselyn linkistä tai QR-koodista.",
        "sv": "Du kommer till enkäten via dess länk eller QR-kod.",
        "en": "To answer, open the survey's link or scan its QR code.",
    },
    "app.staff_link": {
        "fi": "Henkilöstölle: yhteenveto suunnitelman tavoitteittain",
        "sv": "För personalen: översikt per mål i planen",
        "en": "For staff: overview by the plan's goals",
    },
    "language.label": {
        "fi": "Kieli",
        "sv": "Språk",
        "en": "Language",
    },
    "respond.page_title": {
        "fi": "Kerro mielipiteesi",
        "sv": "Säg vad du tycker",
        "en": "Tell us what you think",
    },
    "respond.about": {
        "fi": "Tämä kysely koskee tätä:",
        "sv": "Den här enkäten handlar om det här:",
        "en": "This survey is about this:",
    },
    "respond.question": {
        "fi": "Mitä mieltä olet tästä?",
        "sv": "Vad tycker du om det här?",
        "en": "What do you think of this?",
    },
    "respond.send": {"fi": "Lähetä", "sv": "Skicka", "en": "Send"},
    "respond.choose_first": {
        "fi": "Valitse ensin yksi naama. Sitten paina Lähetä.",
        "sv": "Välj först ett ansikte. Tryck sedan på Skicka.",
        "en": "First choose one face. Then press Send.",
    },
    "respond.thanks_title": {
        "fi": "Kiitos!",
        "sv": "Tack!",
        "en": "Thank you!",
    },
    "respond.thanks_body": {
        "fi": "Vastauksesi on tallennettu. Aikuiset lukevat vastaukset ja kertovat, mitä niille "
        "tehdään.",
        "sv": "Ditt svar har sparats. De vuxna läser svaren och berättar vad som görs med dem.",
        "en": "Your answer has been saved. The adults read the answers and will tell you what "
        "they do about them.",
    },
    "respond.save_failed": {
        "fi": "Vastausta ei voitu tallentaa juuri nyt. Valintasi on yhä tallessa: yritä hetken "
        "päästä uudelleen painamalla Lähetä.",
        "sv": "Svaret kunde inte sparas just nu. Ditt val finns kvar: försök igen om en stund "
        "genom att trycka på Skicka.",
        "en": "Your answer could not be saved just now. Your choice is still here: try again in "
        "a moment by pressing Send.",
    },
    "respond.closed": {
        "fi": "Tämä kysely on juuri suljettu, joten vastausta ei tallennettu. Kiitos silti!",
        "sv": "Den här enkäten har just stängts, så svaret sparades inte. Tack ändå!",
        "en": "This survey has just closed, so the answer was not saved. Thank you anyway!",
    },
    "respond.not_found_title": {
        "fi": "Kyselyä ei löytynyt",
        "sv": "Enkäten hittades inte",
        "en": "Survey not found",
    },
    "respond.not_found_body": {
        "fi": "Linkki voi olla väärin tai kysely on jo päättynyt. Tarkista linkki tai kysy "
        "aikuiselta uusi.",
        "sv": "Länken kan vara fel eller så har enkäten redan avslutats. Kontrollera länken "
        "eller be en vuxen om en ny.",
        "en": "The link may be wrong or the survey has already ended. Check the link or ask an "
        "adult for a new one.",
    },
    "respond.translation_note": {
        "fi": "Käännös alkuperäisestä tekstistä",
        "sv": "Översättning av originaltexten",
        "en": "Translated from the original text",
    },
    "face.1": {"fi": "Tosi huono", "sv": "Mycket dåligt", "en": "Very bad"},
    "face.2": {"fi": "Huono", "sv": "Dåligt", "en": "Bad"},
    "face.3": {"fi": "Ihan ok", "sv": "Helt okej", "en": "Okay"},
    "face.4": {"fi": "Hyvä", "sv": "Bra", "en": "Good"},
    "face.5": {"fi": "Tosi hyvä", "sv": "Mycket bra", "en": "Very good"},
    "overview.title": {
        "fi": "Yhteenveto tavoitteittain",
        "sv": "Översikt per mål",
        "en": "Overview by goal",
    },
    "overview.preview": {
        "fi": "Esikatselu: kirjautuminen tulee myöhemmässä versiossa. Sivulla näkyy vain "
        "nimettömiä yhteenvetoja.",
        "sv": "Förhandsvisning: inloggning kommer i en senare version. Sidan visar endast "
        "anonyma sammanfattningar.",
        "en": "Preview: login arrives in a later version. This page shows anonymous summaries "
        "only.",
    },
    "overview.plan": {"fi": "Suunnitelma", "sv": "Plan", "en": "Plan"},
    "overview.no_plans": {
        "fi": "Tietokannassa ei ole vielä suunnitelmia. Aja komento: feedback init",
        "sv": "Det finns ännu inga planer i databasen. Kör kommandot: feedback init",
        "en": "There are no plans in the database yet. Run the command: feedback init",
    },
    "overview.chart_title": {
        "fi": "Keskiarvo (1–5) välitavoitteittain",
        "sv": "Medelvärde (1–5) per mål",
        "en": "Mean (1–5) by sub-goal",
    },
    "overview.chart_alt": {
        "fi": "Pylväskaavio: {shown} välitavoitteen keskiarvo asteikolla 1–5. Samat luvut ovat "
        "taulukossa alla.",
        "sv": "Stapeldiagram: medelvärdet på skalan 1–5 för {shown} mål. Samma siffror finns i "
        "tabellen nedan.",
        "en": "Bar chart: the mean on a 1–5 scale for {shown} sub-goals. The same figures are "
        "in the table below.",
    },
    "overview.no_answers": {
        "fi": "Tähän suunnitelmaan ei ole vielä riittävästi vastauksia kaavioon.",
        "sv": "Planen har ännu inte tillräckligt många svar för ett diagram.",
        "en": "This plan does not have enough answers for a chart yet.",
    },
    "overview.suppressed_note": {
        "fi": "Alle {k} vastauksen ryhmien tuloksia ei näytetä, jotta ketään ei voi tunnistaa.",
        "sv": "Resultat för grupper med färre än {k} svar visas inte, så att ingen kan "
        "identifieras.",
        "en": "Results of groups with fewer than {k} answers are not shown, so that no one can "
        "be identified.",
    },
    "overview.col.goal": {"fi": "Tavoite", "sv": "Mål", "en": "Goal"},
    "overview.col.answers": {"fi": "Vastauksia", "sv": "Svar", "en": "Answers"},
    "overview.col.mean": {"fi": "Keskiarvo 1–5", "sv": "Medelvärde 1–5", "en": "Mean 1–5"},
    "overview.col.positive": {
        "fi": "Myönteisiä (4–5)",
        "sv": "Positiva (4–5)",
        "en": "Positive (4–5)",
    },
    "overview.table_title": {
        "fi": "Taulukko: vastaukset päätavoitteittain ja välitavoitteittain",
        "sv": "Tabell: svar per fokusområde och mål",
        "en": "Table: answers by main goal and sub-goal",
    },
}


def t(key: str, lang: str, **values: object) -> str:
    """The text `key` in `lang` (falling back to Finnish), with `{name}` fields filled in."""
    entry = CATALOG[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def pick(texts: dict[str, str] | None, lang: str, *, original: str) -> tuple[str, bool]:
    """Choose from a plan text: `lang` if present, else the plan's `original` language.

    Returns the text and whether it is a translation made for this product (not the source's
    own words), so that the screen can say so.
    """
    if not texts:
        return "", False
    if lang in texts:
        return texts[lang], lang != original
    return texts[original], False


def normalise_language(value: object) -> str | None:
    """A supported language code from untrusted input (query string), or None."""
    if isinstance(value, str) and value.strip().lower() in LANGUAGES:
        return value.strip().lower()
    return None


def decimal(value: float, lang: str, digits: int = 1) -> str:
    """A number as its readers write it: a decimal comma in Finnish and Swedish."""
    text = f"{value:.{digits}f}"
    return text if lang == "en" else text.replace(".", ",")


def percent(share: float, lang: str) -> str:
    """A share 0–1 as a whole percentage, with the space Finnish and Swedish put before %."""
    number = round(share * 100)
    return f"{number}%" if lang == "en" else f"{number}\u00a0%"

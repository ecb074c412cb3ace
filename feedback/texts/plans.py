"""Texts of the admin page for plans."""

TEXTS: dict[str, dict[str, str]] = {
    "plans.title": {"fi": "Suunnitelmat", "sv": "Planer", "en": "Plans"},
    "plans.download": {
        "fi": "Lataa suunnitelmatiedosto (YAML)",
        "sv": "Ladda ner planfilen (YAML)",
        "en": "Download the plan file (YAML)",
    },
    "plans.upload": {
        "fi": "Tuo suunnitelmatiedosto (YAML) – uusi tai päivitetty",
        "sv": "Importera en planfil (YAML) – ny eller uppdaterad",
        "en": "Import a plan file (YAML) – new or updated",
    },
    "plans.imported": {
        "fi": "Suunnitelma tuotu.",
        "sv": "Planen har importerats.",
        "en": "Plan imported.",
    },
    "plans.unchanged": {
        "fi": "Tiedosto on sama kuin tallennettu suunnitelma; mitään ei muutettu.",
        "sv": "Filen är samma som den sparade planen; inget ändrades.",
        "en": "The file is the same as the stored plan; nothing changed.",
    },
    "plans.problems": {
        "fi": "Tiedostossa on virheitä, joten mitään ei tuotu. Korjaa nämä kohdat:",
        "sv": "Filen har fel, så inget importerades. Rätta de här ställena:",
        "en": "The file has problems, so nothing was imported. Fix these places:",
    },
    "plans.edit_action": {
        "fi": "Muokkaa toimenpidettä",
        "sv": "Redigera en åtgärd",
        "en": "Edit an action",
    },
    "plans.add_action": {
        "fi": "Lisää toimenpide",
        "sv": "Lägg till en åtgärd",
        "en": "Add an action",
    },
    "plans.indicator_value": {
        "fi": "Indikaattorin vuosiarvo",
        "sv": "Indikatorns årsvärde",
        "en": "An indicator's yearly value",
    },
    "plans.action": {"fi": "Toimenpide", "sv": "Åtgärd", "en": "Action"},
    "plans.sub_goal": {"fi": "Välitavoite", "sv": "Mål", "en": "Sub-goal"},
    "plans.text_in": {
        "fi": "Teksti ({language})",
        "sv": "Text ({language})",
        "en": "Text ({language})",
    },
    "plans.actor": {"fi": "Toimija", "sv": "Aktör", "en": "Actor"},
    "plans.schedule": {"fi": "Aikataulu", "sv": "Tidtabell", "en": "Schedule"},
    "plans.kind": {"fi": "Luonne", "sv": "Typ", "en": "Kind"},
    "plans.kind.none": {"fi": "ei määritelty", "sv": "inte angiven", "en": "not set"},
    "plans.kind.pilot": {"fi": "kokeilu", "sv": "försök", "en": "pilot"},
    "plans.kind.permanent": {"fi": "pysyvä", "sv": "permanent", "en": "permanent"},
    "plans.save": {"fi": "Tallenna", "sv": "Spara", "en": "Save"},
    "plans.saved": {"fi": "Tallennettu.", "sv": "Sparat.", "en": "Saved."},
    "plans.field_problem": {
        "fi": "Tarkista tämä kenttä: {problem}",
        "sv": "Kontrollera det här fältet: {problem}",
        "en": "Check this field: {problem}",
    },
    "plans.indicator": {"fi": "Indikaattori", "sv": "Indikator", "en": "Indicator"},
    "plans.year": {"fi": "Vuosi", "sv": "År", "en": "Year"},
    "plans.group": {"fi": "Ryhmä", "sv": "Grupp", "en": "Group"},
    "plans.value": {"fi": "Alueen arvo", "sv": "Regionens värde", "en": "Regional value"},
    "plans.national": {"fi": "Koko maan arvo", "sv": "Hela landets värde", "en": "National value"},
    "plans.colour": {
        "fi": "Tilanne koko maahan verrattuna",
        "sv": "Läget jämfört med hela landet",
        "en": "Compared with the whole country",
    },
    "colour.none": {"fi": "ei arvioitu", "sv": "inte bedömt", "en": "not assessed"},
    "colour.good": {"fi": "hyvä", "sv": "bra", "en": "good"},
    "colour.neutral": {"fi": "neutraali", "sv": "neutralt", "en": "neutral"},
    "colour.worrying": {"fi": "huolestuttava", "sv": "oroande", "en": "worrying"},
    "plans.no_indicators": {
        "fi": "Tällä suunnitelmalla ei ole indikaattoreita.",
        "sv": "Den här planen har inga indikatorer.",
        "en": "This plan has no indicators.",
    },
}

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
    "plans.sotkanet": {
        "fi": "Indikaattorit Sotkanetista",
        "sv": "Indikatorer från Sotkanet",
        "en": "Indicators from Sotkanet",
    },
    "plans.sotkanet_upload": {
        "fi": "Sotkanetin vientitiedosto (CSV tai JSON)",
        "sv": "Exportfil från Sotkanet (CSV eller JSON)",
        "en": "Sotkanet export file (CSV or JSON)",
    },
    "plans.sotkanet_help": {
        "fi": "Arvot tallennetaan suunnitelman niille indikaattoreille, joille suunnitelmatiedosto "
        "nimeää Sotkanet-tunnuksen. Näet ensin, mitä muuttuu; mitään ei tallenneta ennen "
        "vahvistusta.",
        "sv": "Värdena sparas för de indikatorer i planen som planfilen ger ett Sotkanet-id. Du "
        "ser först vad som ändras; inget sparas förrän du bekräftar.",
        "en": "The values are stored for the plan's indicators that the plan file gives a "
        "Sotkanet id. You first see what changes; nothing is stored until you confirm.",
    },
    "plans.sotkanet_problems": {
        "fi": "Tiedostossa on virheitä, joten mitään ei tallennettu. Korjaa nämä kohdat:",
        "sv": "Filen har fel, så inget sparades. Rätta de här ställena:",
        "en": "The file has problems, so nothing was stored. Fix these places:",
    },
    "plans.sotkanet_summary": {
        "fi": "Uusia {new}, muuttuneita {changed}, ennallaan {unchanged}.",
        "sv": "Nya {new}, ändrade {changed}, oförändrade {unchanged}.",
        "en": "New {new}, changed {changed}, unchanged {unchanged}.",
    },
    "plans.sotkanet_confirm": {
        "fi": "Tallenna {n} arvoa",
        "sv": "Spara {n} värden",
        "en": "Store {n} values",
    },
    "plans.sotkanet_stored": {
        "fi": "{n} arvoa tallennettu.",
        "sv": "{n} värden har sparats.",
        "en": "{n} values stored.",
    },
    "plans.sotkanet_nothing": {
        "fi": "Tiedoston arvot ovat jo suunnitelmassa; tallennettavaa ei ole.",
        "sv": "Filens värden finns redan i planen; inget att spara.",
        "en": "The file's values are in the plan already; nothing to store.",
    },
    "plans.col.status": {"fi": "Muutos", "sv": "Ändring", "en": "Change"},
    "plans.col.was": {"fi": "Aiemmin", "sv": "Tidigare", "en": "Before"},
    "plans.status.new": {"fi": "uusi", "sv": "ny", "en": "new"},
    "plans.status.changed": {"fi": "muuttuu", "sv": "ändras", "en": "changed"},
    "plans.status.unchanged": {"fi": "ennallaan", "sv": "oförändrad", "en": "unchanged"},
    "plans.partial": {
        "fi": "Suunnitelman lähde antaa siitä vain osan (esimerkiksi päätavoitteet ja toimijat). "
        "Lisää puuttuvat välitavoitteet ja toimenpiteet alla.",
        "sv": "Planens källa ger bara en del av den (till exempel huvudmålen och aktörerna). "
        "Lägg till de mål och åtgärder som fattas nedan.",
        "en": "The plan's source gives only part of it (its main goals and actors, say). Add "
        "the missing sub-goals and actions below.",
    },
    "plans.no_sub_goals": {
        "fi": "Suunnitelmassa ei ole vielä välitavoitteita. Lisää ensin välitavoite kohdassa "
        "Tavoitteet.",
        "sv": "Planen har ännu inga mål. Lägg först till ett mål under Mål.",
        "en": "The plan has no sub-goals yet. Add a sub-goal under Goals first.",
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
    "plans.goals": {
        "fi": "Tavoitteet",
        "sv": "Mål",
        "en": "Goals",
    },
    "plans.goal": {
        "fi": "Päätavoite tai välitavoite",
        "sv": "Huvudmål eller mål",
        "en": "Main goal or sub-goal",
    },
    "plans.new_sub_goal": {
        "fi": "Uusi välitavoite päätavoitteeseen {goal}",
        "sv": "Nytt mål under huvudmålet {goal}",
        "en": "New sub-goal under {goal}",
    },
    "plans.new_main_goal": {
        "fi": "Uusi päätavoite",
        "sv": "Nytt huvudmål",
        "en": "New main goal",
    },
    "plans.title_in": {
        "fi": "Otsikko ({language})",
        "sv": "Rubrik ({language})",
        "en": "Title ({language})",
    },
    "plans.save_goal": {"fi": "Tallenna tavoite", "sv": "Spara målet", "en": "Save the goal"},
    "plans.number": {"fi": "Numero", "sv": "Nummer", "en": "Number"},
    "plans.first_sub_goal": {
        "fi": "Sen ensimmäinen välitavoite ({language})",
        "sv": "Dess första mål ({language})",
        "en": "Its first sub-goal ({language})",
    },
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
    # Who an indicator value is about (School Health Promotion study bands and others).
    "indicator_group.all": {"fi": "kaikki", "sv": "alla", "en": "everyone"},
    "indicator_group.early-childhood": {
        "fi": "varhaiskasvatus",
        "sv": "småbarnspedagogik",
        "en": "early childhood education",
    },
    "indicator_group.guardians-4y": {
        "fi": "4-vuotiaiden huoltajat",
        "sv": "vårdnadshavare till 4-åringar",
        "en": "guardians of 4-year-olds",
    },
    "indicator_group.grades-1-3": {"fi": "1.–3. lk", "sv": "åk 1–3", "en": "grades 1–3"},
    "indicator_group.grades-4-5": {"fi": "4.–5. lk", "sv": "åk 4–5", "en": "grades 4–5"},
    "indicator_group.grades-4-6": {"fi": "4.–6. lk", "sv": "åk 4–6", "en": "grades 4–6"},
    "indicator_group.grades-7-9": {"fi": "7.–9. lk", "sv": "åk 7–9", "en": "grades 7–9"},
    "indicator_group.grades-8-9": {"fi": "8.–9. lk", "sv": "åk 8–9", "en": "grades 8–9"},
    "indicator_group.upper-secondary": {
        "fi": "lukio",
        "sv": "gymnasiet",
        "en": "upper secondary school",
    },
    "indicator_group.vocational": {
        "fi": "ammatillinen oppilaitos",
        "sv": "yrkesutbildning",
        "en": "vocational school",
    },
    "indicator_group.guardians": {"fi": "huoltajat", "sv": "vårdnadshavare", "en": "guardians"},
    "indicator_group.youth-council": {
        "fi": "nuorisovaltuusto",
        "sv": "ungdomsfullmäktige",
        "en": "youth council",
    },
    "indicator_group.staff": {
        "fi": "henkilöstö ja kumppanit",
        "sv": "personal och partner",
        "en": "staff and partners",
    },
    "indicator_group.youth-15-24": {
        "fi": "15–24-vuotiaat",
        "sv": "15–24-åringar",
        "en": "aged 15–24",
    },
    "indicator_group.children-0-17": {
        "fi": "0–17-vuotiaat",
        "sv": "0–17-åringar",
        "en": "aged 0–17",
    },
    "colour.good": {"fi": "hyvä", "sv": "bra", "en": "good"},
    "colour.neutral": {"fi": "neutraali", "sv": "neutralt", "en": "neutral"},
    "colour.worrying": {"fi": "huolestuttava", "sv": "oroande", "en": "worrying"},
    "trend.better": {"fi": "parempaan", "sv": "till det bättre", "en": "for the better"},
    "trend.worse": {"fi": "huonompaan", "sv": "till det sämre", "en": "for the worse"},
    "trend.same": {"fi": "ennallaan", "sv": "oförändrat", "en": "unchanged"},
    "plans.no_indicators": {
        "fi": "Tällä suunnitelmalla ei ole indikaattoreita.",
        "sv": "Den här planen har inga indikatorer.",
        "en": "This plan has no indicators.",
    },
}

"""Answers per 1,000 children: whose voice is missing (feedback.figures.reach)."""

TEXTS = {
    "reach.title": {
        "fi": "Vastauksia 1 000 lasta kohden",
        "sv": "Svar per 1 000 barn",
        "en": "Answers per 1,000 children",
    },
    "reach.help": {
        "fi": "Vuoden {year} vastaukset ikäryhmän lasten määrään suhteutettuna, kunnittain "
        "(toimijan kunta suunnitelmassa) ja koko alueella. Pieni luku kertoo, keiden ääni ei "
        "kuulu. Alle {k} vastauksen ryhmiä ei näytetä.",
        "sv": "Svaren år {year} i förhållande till antalet barn i åldersgruppen, per kommun "
        "(aktörens kommun i planen) och för hela området. Ett litet tal visar vems röst som "
        "saknas. Grupper med färre än {k} svar visas inte.",
        "en": "The answers of {year} set against the number of children of the age band, per "
        "municipality (the actor's municipality in the plan) and for the whole region. A small "
        "figure shows whose voice is missing. Groups of fewer than {k} answers are not shown.",
    },
    "reach.none": {
        "fi": "Lasten väestötietoja ei ole tuotu. Ne tuodaan Sotkanetista indikaattorien "
        "kanssa (sotkanet: population suunnitelmatiedostossa, FORMAT.md).",
        "sv": "Inga befolkningsuppgifter om barn har importerats. De importeras från Sotkanet "
        "med indikatorerna (sotkanet: population i planfilen, FORMAT.md).",
        "en": "No child population has been imported. It comes from Sotkanet with the "
        "indicators (sotkanet: population in the plan file, FORMAT.md).",
    },
    "reach.band": {
        "fi": "{band}-vuotiaat",
        "sv": "{band} år",
        "en": "aged {band}",
    },
    "reach.children_in": {
        "fi": "Lapsia, {band}",
        "sv": "Barn, {band}",
        "en": "Children, {band}",
    },
    "reach.region": {
        "fi": "Koko alue",
        "sv": "Hela området",
        "en": "Whole region",
    },
    "reach.col.area": {"fi": "Alue", "sv": "Område", "en": "Area"},
    "reach.col.band": {"fi": "Ikäryhmä", "sv": "Åldersgrupp", "en": "Age band"},
    "reach.col.children": {
        "fi": "Lapsia (tilastovuosi)",
        "sv": "Barn (statistikår)",
        "en": "Children (year of the figure)",
    },
    "reach.col.answers": {"fi": "Vastauksia", "sv": "Svar", "en": "Answers"},
    "reach.col.rate": {
        "fi": "/ 1 000 lasta",
        "sv": "/ 1 000 barn",
        "en": "per 1,000 children",
    },
    "reach.line": {
        "fi": "{area}, {band}: {answers} vastausta, {rate} / 1 000 lasta ({children} lasta, "
        "{year})",
        "sv": "{area}, {band}: {answers} svar, {rate} / 1 000 barn ({children} barn, {year})",
        "en": "{area}, {band}: {answers} answers, {rate} per 1,000 children ({children} "
        "children, {year})",
    },
    "reach.line_no_rate": {
        "fi": "{area}, {band}: {answers} vastausta ({children} lasta, {year})",
        "sv": "{area}, {band}: {answers} svar ({children} barn, {year})",
        "en": "{area}, {band}: {answers} answers ({children} children, {year})",
    },
}

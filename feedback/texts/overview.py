"""Texts of the staff overview."""

TEXTS: dict[str, dict[str, str]] = {
    "overview.title": {
        "fi": "Yhteenveto tavoitteittain",
        "sv": "Översikt per mål",
        "en": "Overview by goal",
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

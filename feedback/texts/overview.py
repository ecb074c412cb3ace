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
        "fi": "Alle {k} vastauksen ryhmien tuloksia ei näytetä, eivätkä niiden vastaukset ole "
        "missään summassa, jotta ketään ei voi tunnistaa.",
        "sv": "Resultat för grupper med färre än {k} svar visas inte, och deras svar ingår inte "
        "i någon summa, så att ingen kan identifieras.",
        "en": "Results of groups with fewer than {k} answers are not shown, and their answers are "
        "in no total, so that no one can be identified.",
    },
    "overview.col.goal": {"fi": "Tavoite", "sv": "Mål", "en": "Goal"},
    "overview.col.action": {"fi": "Toimenpide", "sv": "Åtgärd", "en": "Action"},
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
    "dashboard.trend_title": {
        "fi": "Vastaukset ja keskiarvo kuukausittain",
        "sv": "Svar och medelvärde per månad",
        "en": "Answers and mean per month",
    },
    "dashboard.month": {"fi": "Kuukausi", "sv": "Månad", "en": "Month"},
    "dashboard.heatmap_title": {
        "fi": "Milloin vastataan: viikonpäivä ja tunti",
        "sv": "När man svarar: veckodag och timme",
        "en": "When people answer: weekday and hour",
    },
    "dashboard.hour": {"fi": "Tunti", "sv": "Timme", "en": "Hour"},
    "dashboard.weekday": {"fi": "Viikonpäivä", "sv": "Veckodag", "en": "Weekday"},
    "dashboard.distribution_title": {
        "fi": "Vastausten jakauma",
        "sv": "Svarens fördelning",
        "en": "How the answers spread",
    },
    "dashboard.share": {"fi": "Osuus", "sv": "Andel", "en": "Share"},
    "dashboard.answer": {"fi": "Vastaus", "sv": "Svar", "en": "Answer"},
    "dashboard.filters": {"fi": "Rajaukset", "sv": "Avgränsningar", "en": "Filters"},
    "dashboard.filters_chosen": {
        "fi": "Rajauksia valittuna: {n}. Avaa Rajaukset nähdäksesi ne.",
        "sv": "Valda avgränsningar: {n}. Öppna Avgränsningar för att se dem.",
        "en": "Filters chosen: {n}. Open Filters to see them.",
    },
    "dashboard.period": {
        "fi": "Ajanjakso (kuukaudet)",
        "sv": "Period (månader)",
        "en": "Period (months)",
    },
    "dashboard.actors": {"fi": "Toimijat", "sv": "Aktörer", "en": "Actors"},
    "dashboard.groups": {"fi": "Vastaajaryhmät", "sv": "Svarsgrupper", "en": "Respondent groups"},
    "dashboard.channels": {"fi": "Kanavat", "sv": "Kanaler", "en": "Channels"},
    "dashboard.all": {"fi": "Kaikki", "sv": "Alla", "en": "All"},
    "dashboard.measures_title": {
        "fi": "Palauteprosessi ja osallistuminen välitavoitteittain",
        "sv": "Responsprocessen och deltagandet per mål",
        "en": "Feedback process and participation by sub-goal",
    },
    "dashboard.col.rounds": {"fi": "Kierroksia", "sv": "Omgångar", "en": "Rounds"},
    "overview.section.goals": {"fi": "Tavoitteet", "sv": "Mål", "en": "Goals"},
    "overview.section.sub_goals": {
        "fi": "Välitavoitteittain",
        "sv": "Per delmål",
        "en": "By sub-goal",
    },
    "overview.section.time": {"fi": "Ajan mukaan", "sv": "Över tid", "en": "Over time"},
    "overview.section.files": {
        "fi": "Tiedostot ja raportti",
        "sv": "Filer och rapport",
        "en": "Files and report",
    },
    "overview.unknown_plan": {
        "fi": "Suunnitelmaa {plan} ei löydy, tai se ei kuulu sinulle. Valitse suunnitelma alta.",
        "sv": "Planen {plan} finns inte, eller så hör den inte till dig. Välj en plan nedan.",
        "en": "There is no plan {plan}, or it is not one of yours. Choose a plan below.",
    },
    "dashboard.col.round": {"fi": "Kierros", "sv": "Omgång", "en": "Round"},
    "dashboard.col.children": {
        "fi": "Lasten ja nuorten vastauksia",
        "sv": "Barns och ungas svar",
        "en": "Answers from children and youth",
    },
    "dashboard.col.nps": {
        "fi": "Suositteluindeksi",
        "sv": "Rekommendationsindex",
        "en": "Recommendation index",
    },
    "dashboard.col.participants": {"fi": "Osallistujia", "sv": "Deltagare", "en": "Participants"},
    "dashboard.col.visits": {"fi": "Käyntikertoja", "sv": "Besök", "en": "Visits"},
    "dashboard.indicators_title": {
        "fi": "Välitavoitteen viralliset indikaattorit",
        "sv": "Målets officiella indikatorer",
        "en": "The sub-goal's official indicators",
    },
    "dashboard.col.indicator": {"fi": "Indikaattori", "sv": "Indikator", "en": "Indicator"},
    "dashboard.col.year": {"fi": "Vuosi", "sv": "År", "en": "Year"},
    "dashboard.col.group": {"fi": "Ryhmä", "sv": "Grupp", "en": "Group"},
    "dashboard.col.value": {"fi": "Alue", "sv": "Regionen", "en": "Region"},
    "dashboard.col.national": {"fi": "Koko maa", "sv": "Hela landet", "en": "Whole country"},
    "dashboard.col.colour": {
        "fi": "Tilanne koko maahan verrattuna",
        "sv": "Läget jämfört med hela landet",
        "en": "Compared with the whole country",
    },
    "dashboard.col.trend": {
        "fi": "Muutos edellisestä mittauksesta",
        "sv": "Förändring sedan förra mätningen",
        "en": "Change since the last measurement",
    },
    "dashboard.actions_title": {"fi": "Toimenpiteet", "sv": "Åtgärder", "en": "Actions"},
    "dashboard.sub_goal_title": {
        "fi": "Välitavoitteen toimenpiteet ja indikaattorit",
        "sv": "Målets åtgärder och indikatorer",
        "en": "A sub-goal's actions and indicators",
    },
    "dashboard.sub_goal": {"fi": "Välitavoite", "sv": "Mål", "en": "Sub-goal"},
    "dashboard.indicator_years": {
        "fi": "Kehitys vuosittain",
        "sv": "Utvecklingen år för år",
        "en": "Over the years",
    },
    "dashboard.no_sub_goals": {
        "fi": "Suunnitelmassa ei ole vielä välitavoitteita. Ylläpitäjä lisää ne sivulla Suunnitelmat.",
        "sv": "Planen har ännu inga mål. En administratör lägger till dem på sidan Planer.",
        "en": "The plan has no sub-goals yet. An administrator adds them on the Plans page.",
    },
    "dashboard.no_indicators": {
        "fi": "Suunnitelmassa ei ole tälle välitavoitteelle indikaattoreita.",
        "sv": "Planen har inga indikatorer för det här målet.",
        "en": "The plan has no indicators for this sub-goal.",
    },
    "dashboard.trend_alt": {
        "fi": "Kaavio: vastausten määrä ja keskiarvo kuukausittain; alle {k} vastauksen kuukaudet puuttuvat.",
        "sv": "Diagram: antal svar och medelvärde per månad; månader med färre än {k} svar saknas.",
        "en": "Chart: number of answers and mean per month; months with fewer than {k} answers are left out.",
    },
    "dashboard.heatmap_alt": {
        "fi": "Lämpökartta: vastausten määrä viikonpäivän ja tunnin mukaan; alle {k} vastauksen solut puuttuvat.",
        "sv": "Värmekarta: antal svar per veckodag och timme; celler med färre än {k} svar saknas.",
        "en": "Heat map: answers by weekday and hour; cells with fewer than {k} answers are left out.",
    },
    "dashboard.distribution_alt": {
        "fi": "Pinottu pylväs: kunkin naaman osuus välitavoitteittain. Luvut ovat myös taulukossa.",
        "sv": "Staplad stapel: varje ansiktes andel per mål. Siffrorna finns också i tabellen.",
        "en": "Stacked bar: each face's share by sub-goal. The figures are in the table too.",
    },
    "dashboard.nothing": {
        "fi": "Ei vielä tarpeeksi vastauksia.",
        "sv": "Ännu inte tillräckligt många svar.",
        "en": "Not enough answers yet.",
    },
    "report.title": {
        "fi": "Vuosiraportti valtuustolle",
        "sv": "Årsrapport till fullmäktige",
        "en": "Yearly report to the council",
    },
    "report.intro": {
        "fi": "Lasten, nuorten ja perheiden palaute suunnitelman toimenpiteistä tavoitteittain. Alle {k} vastauksen ryhmien lukuja ei näytetä, jotta ketään ei voi tunnistaa. Palkki kuvaa myönteisten vastausten osuutta.",
        "sv": "Barns, ungas och familjers respons på planens åtgärder per mål. Siffror för grupper med färre än {k} svar visas inte, så att ingen kan identifieras. Stapeln visar andelen positiva svar.",
        "en": "Feedback from children, young people and families on the plan's actions, by goal. Figures of groups with fewer than {k} answers are not shown, so that no one can be identified. The bar shows the share of positive answers.",
    },
    "report.figures": {
        "fi": "Vastauksia {answers}, keskiarvo {mean} (asteikko 1–5), myönteisiä {positive}.",
        "sv": "Svar {answers}, medelvärde {mean} (skala 1–5), positiva {positive}.",
        "en": "Answers {answers}, mean {mean} (scale 1–5), positive {positive}.",
    },
    "report.hidden": {
        "fi": "Vastauksia {answers}: lukuja ei näytetä pienen ryhmän vuoksi.",
        "sv": "Svar {answers}: siffrorna visas inte eftersom gruppen är liten.",
        "en": "Answers {answers}: figures not shown because the group is small.",
    },
    "report.no_answers": {
        "fi": "Ei vastauksia tänä vuonna.",
        "sv": "Inga svar i år.",
        "en": "No answers this year.",
    },
    "report.rounds": {
        "fi": "Palautekierroksia {n}",
        "sv": "Responsomgångar {n}",
        "en": "Feedback rounds {n}",
    },
    "report.participation": {
        "fi": "osallistujia {participants}, käyntikertoja {visits}",
        "sv": "deltagare {participants}, besök {visits}",
        "en": "participants {participants}, visits {visits}",
    },
    "report.download": {
        "fi": "Lataa vuosiraportti (PDF)",
        "sv": "Ladda ner årsrapporten (PDF)",
        "en": "Download the yearly report (PDF)",
    },
    "report.year": {"fi": "Vuosi", "sv": "År", "en": "Year"},
    "report.language": {"fi": "Raportin kieli", "sv": "Rapportens språk", "en": "Report language"},
    "report.scope_note": {
        "fi": "Raportti kattaa omien toimijoidesi toimenpiteet.",
        "sv": "Rapporten omfattar dina egna aktörers åtgärder.",
        "en": "The report covers your own actors' actions.",
    },
    "report.section": {
        "fi": "Vuosiraportti valtuustolle",
        "sv": "Årsrapport till fullmäktige",
        "en": "Yearly report to the council",
    },
    "dashboard.flagged": {
        "fi": "{n} vastausta on merkitty mahdolliseksi väärinkäytöksi (tulleet liian nopeasti) ja jätetty pois luvuista.",
        "sv": "{n} svar har markerats som möjligt missbruk (kom för snabbt) och lämnats utanför siffrorna.",
        "en": "{n} answers are flagged as possible misuse (they came too fast) and left out of the figures.",
    },
}

"""Texts of the plan's yearly follow-up: statuses, the follow-up page, the roll-up and the
realisation report."""

TEXTS: dict[str, dict[str, str]] = {
    "followup.title": {"fi": "Vuosiseuranta", "sv": "Årlig uppföljning", "en": "Yearly follow-up"},
    "followup.intro": {
        "fi": "Merkitse, miten kunkin toimenpiteen toteutus eteni vuonna {year}. "
        "Puuttuvat ovat ensin.",
        "sv": "Ange hur varje åtgärd genomfördes år {year}. De som saknas står först.",
        "en": "Record how each action was carried out in {year}. Missing ones come first.",
    },
    "followup.year": {"fi": "Vuosi", "sv": "År", "en": "Year"},
    "followup.actor": {"fi": "Toimija", "sv": "Aktör", "en": "Actor"},
    "followup.status.not-started": {
        "fi": "Ei aloitettu",
        "sv": "Inte påbörjad",
        "en": "Not started",
    },
    "followup.status.started": {"fi": "Aloitettu", "sv": "Påbörjad", "en": "Started"},
    "followup.status.carried-out": {"fi": "Toteutettu", "sv": "Genomförd", "en": "Carried out"},
    "followup.status.continuous": {"fi": "Jatkuva", "sv": "Fortlöpande", "en": "Continuous"},
    "followup.status.changed": {"fi": "Muutettu", "sv": "Ändrad", "en": "Changed"},
    "followup.status.dropped": {"fi": "Luovuttu", "sv": "Slopad", "en": "Dropped"},
    "followup.status.missing": {"fi": "Merkitsemättä", "sv": "Ej angiven", "en": "Missing"},
    "followup.col.action": {"fi": "Toimenpide", "sv": "Åtgärd", "en": "Action"},
    "followup.col.status": {"fi": "Tila", "sv": "Status", "en": "Status"},
    "followup.col.detail": {
        "fi": "Mihin muuttui / miksi luovuttiin",
        "sv": "Vad den blev / varför slopad",
        "en": "What it became / why dropped",
    },
    "followup.col.progress": {"fi": "Edistyminen %", "sv": "Framsteg %", "en": "Progress %"},
    "followup.col.note": {"fi": "Huomio", "sv": "Anteckning", "en": "Note"},
    "followup.col.evidence": {
        "fi": "Linkki näyttöön",
        "sv": "Länk till belägg",
        "en": "Evidence link",
    },
    "followup.col.public": {
        "fi": "Näytä lapsille",
        "sv": "Visa för barnen",
        "en": "Show to children",
    },
    "followup.col.recorded": {"fi": "Merkitsi", "sv": "Angiven av", "en": "Recorded by"},
    "followup.save": {"fi": "Tallenna muutokset", "sv": "Spara ändringarna", "en": "Save changes"},
    "followup.saved": {
        "fi": "Tallennettu: {n} toimenpidettä.",
        "sv": "Sparat: {n} åtgärder.",
        "en": "Saved: {n} actions.",
    },
    "followup.nothing_changed": {
        "fi": "Ei muutoksia tallennettavaksi.",
        "sv": "Inga ändringar att spara.",
        "en": "No changes to save.",
    },
    "followup.problems": {
        "fi": "Mitään ei tallennettu. Korjaa nämä kohdat:",
        "sv": "Inget sparades. Rätta de här ställena:",
        "en": "Nothing was saved. Fix these places:",
    },
    "followup.no_actions": {
        "fi": "Sinun toimijoillasi ei ole toimenpiteitä tässä suunnitelmassa.",
        "sv": "Dina aktörer har inga åtgärder i den här planen.",
        "en": "Your actors have no actions in this plan.",
    },
    "followup.missing_count": {
        "fi": "{missing}/{total} toimenpiteeltä puuttuu vuoden {year} merkintä.",
        "sv": "{missing} av {total} åtgärder saknar uppgift för {year}.",
        "en": "{missing} of {total} actions have nothing recorded for {year}.",
    },
    "followup.bulk": {
        "fi": "Kaikki kerralla (Excel)",
        "sv": "Alla på en gång (Excel)",
        "en": "All at once (Excel)",
    },
    "followup.template": {
        "fi": "Lataa pohja (XLSX)",
        "sv": "Ladda ner mallen (XLSX)",
        "en": "Download the template (XLSX)",
    },
    "followup.upload": {
        "fi": "Tuo täytetty pohja (XLSX, enintään 2 Mt)",
        "sv": "Importera den ifyllda mallen (XLSX, högst 2 MB)",
        "en": "Import the filled-in template (XLSX, at most 2 MB)",
    },
    "followup.preview": {
        "fi": "{new} uutta, {changed} muuttunutta, {unchanged} ennallaan.",
        "sv": "{new} nya, {changed} ändrade, {unchanged} oförändrade.",
        "en": "{new} new, {changed} changed, {unchanged} unchanged.",
    },
    "followup.confirm": {
        "fi": "Tallenna {n} toimenpiteen tila",
        "sv": "Spara status för {n} åtgärder",
        "en": "Store the status of {n} actions",
    },
    "followup.earlier": {
        "fi": "Aiemmat vuodet",
        "sv": "Tidigare år",
        "en": "Earlier years",
    },
    "followup.no_earlier": {
        "fi": "Ei aiempia merkintöjä.",
        "sv": "Inga tidigare uppgifter.",
        "en": "Nothing recorded before.",
    },
    "followup.evidence_link": {"fi": "Avaa linkki", "sv": "Öppna länken", "en": "Open the link"},
    "followup.rollup_title": {
        "fi": "Toimenpiteiden toteutus {year}",
        "sv": "Åtgärdernas genomförande {year}",
        "en": "Actions carried out in {year}",
    },
    "followup.rollup_none": {
        "fi": "Ei toimenpiteitä.",
        "sv": "Inga åtgärder.",
        "en": "No actions.",
    },
    # The results page, for children: what was done, in plain words.
    "followup.children.not-started": {
        "fi": "Tätä ei ole vielä aloitettu.",
        "sv": "Det här har inte börjat ännu.",
        "en": "This has not started yet.",
    },
    "followup.children.started": {
        "fi": "Tämä on aloitettu.",
        "sv": "Det här har börjat.",
        "en": "This has started.",
    },
    "followup.children.carried-out": {
        "fi": "Tämä on tehty.",
        "sv": "Det här är gjort.",
        "en": "This has been done.",
    },
    "followup.children.continuous": {
        "fi": "Tätä tehdään koko ajan.",
        "sv": "Det här görs hela tiden.",
        "en": "This is done all the time.",
    },
    "followup.children.changed": {
        "fi": "Tätä muutettiin: {detail}",
        "sv": "Det här ändrades: {detail}",
        "en": "This was changed: {detail}",
    },
    "followup.children.dropped": {
        "fi": "Tästä luovuttiin, koska: {detail}",
        "sv": "Det här slopades, eftersom: {detail}",
        "en": "This was dropped, because: {detail}",
    },
    "followup.children.title": {
        "fi": "Mitä tehtiin vuonna {year}",
        "sv": "Vad som gjordes år {year}",
        "en": "What was done in {year}",
    },
    # The realisation report.
    "report.realisation_title": {
        "fi": "Toteutumisraportti",
        "sv": "Genomföranderapport",
        "en": "Realisation report",
    },
    "report.summary_title": {
        "fi": "Yhteenveto",
        "sv": "Sammanfattning",
        "en": "Summary",
    },
    "report.summary_actions": {
        "fi": "Toimenpiteitä {total}: {counts}.",
        "sv": "Åtgärder {total}: {counts}.",
        "en": "Actions {total}: {counts}.",
    },
    "report.summary_feedback": {
        "fi": "Lasten ja perheiden palaute: {answers} vastausta, {rounds} palautekierrosta.",
        "sv": "Barnens och familjernas respons: {answers} svar, {rounds} responsomgångar.",
        "en": "Feedback from children and families: {answers} answers, {rounds} rounds.",
    },
    "report.summary_changes": {
        "fi": "Sanoit, teimme – muutoksia palautteen perusteella: {n}.",
        "sv": "Du sa, vi gjorde – ändringar utifrån responsen: {n}.",
        "en": "You said, we did – changes made because of feedback: {n}.",
    },
    "report.council_title": {
        "fi": "Nuorisovaltuuston arvio",
        "sv": "Ungdomsfullmäktiges utvärdering",
        "en": "The youth council's evaluation",
    },
    "report.council_none": {
        "fi": "Nuorisovaltuusto ei arvioinut tätä vuotta (tai vastaajia oli alle {k}).",
        "sv": "Ungdomsfullmäktige utvärderade inte året (eller färre än {k} svarade).",
        "en": "The youth council did not evaluate this year (or fewer than {k} answered).",
    },
    "report.changes_title": {
        "fi": "Sanoit, teimme",
        "sv": "Du sa, vi gjorde",
        "en": "You said, we did",
    },
    "report.goals_title": {
        "fi": "Tavoitteittain",
        "sv": "Per mål",
        "en": "Per goal",
    },
    "report.sheet_actions": {"fi": "Toimenpiteet", "sv": "Åtgärder", "en": "Actions"},
    "report.sheet_goals": {"fi": "Tavoitteet", "sv": "Mål", "en": "Goals"},
    "report.sheet_indicators": {"fi": "Indikaattorit", "sv": "Indikatorer", "en": "Indicators"},
    "report.sheet_changes": {"fi": "Sanoit, teimme", "sv": "Du sa, vi gjorde", "en": "You said"},
    "report.download_xlsx": {
        "fi": "Lataa toteutumisraportti (XLSX)",
        "sv": "Ladda ner genomföranderapporten (XLSX)",
        "en": "Download the realisation report (XLSX)",
    },
}

"""Texts of the youth council's yearly evaluation and of answering its proposals."""

TEXTS: dict[str, dict[str, str]] = {
    "council.title": {
        "fi": "Nuorisovaltuuston arvio",
        "sv": "Ungdomsfullmäktiges utvärdering",
        "en": "Youth council evaluation",
    },
    "council.intro": {
        "fi": "Arvioikaa vuoden {year} toimenpiteet, jotka koskevat nuoria. Voitte kirjoittaa kommentin ja aloitteen. Vastaukset ovat nimettömiä.",
        "sv": "Utvärdera årets {year} åtgärder som gäller unga. Ni kan skriva en kommentar och ett förslag. Svaren är anonyma.",
        "en": "Evaluate the {year} actions that concern young people. You can write a comment and a proposal. Answers are anonymous.",
    },
    "council.none": {
        "fi": "Tälle suunnitelmalle ei ole avattu nuorisovaltuuston arviota.",
        "sv": "Ingen utvärdering för ungdomsfullmäktige har öppnats för den här planen.",
        "en": "No youth council evaluation has been opened for this plan.",
    },
    "council.comment": {
        "fi": "Kommentti (vapaaehtoinen)",
        "sv": "Kommentar (frivilligt)",
        "en": "Comment (optional)",
    },
    "council.proposal": {
        "fi": "Aloite (vapaaehtoinen)",
        "sv": "Förslag (frivilligt)",
        "en": "Proposal (optional)",
    },
    "council.self_title": {
        "fi": "Oma toimintamme",
        "sv": "Vår egen verksamhet",
        "en": "Our own activity",
    },
    "council.self.heard": {
        "fi": "Äänemme kuului päätöksissä",
        "sv": "Vår röst hördes i besluten",
        "en": "Our voice was heard in decisions",
    },
    "council.self.influence": {
        "fi": "Saimme vaikuttaa asioihin",
        "sv": "Vi fick påverka saker",
        "en": "We could influence things",
    },
    "council.self.organised": {
        "fi": "Toimintamme oli hyvin järjestetty",
        "sv": "Vår verksamhet var väl organiserad",
        "en": "Our activity was well organised",
    },
    "council.submit": {
        "fi": "Lähetä arvio",
        "sv": "Skicka utvärderingen",
        "en": "Send the evaluation",
    },
    "council.sent": {
        "fi": "Kiitos! Arvionne on tallennettu.",
        "sv": "Tack! Er utvärdering har sparats.",
        "en": "Thank you! Your evaluation has been saved.",
    },
    "council.already": {
        "fi": "Olet jo antanut arviosi vuodelle {year}. Kiitos!",
        "sv": "Du har redan gett din utvärdering för {year}. Tack!",
        "en": "You have already given your evaluation for {year}. Thank you!",
    },
    "council.choose_all": {
        "fi": "Valitse naama jokaiselle toimenpiteelle ja omalle toiminnalle.",
        "sv": "Välj ett ansikte för varje åtgärd och för er egen verksamhet.",
        "en": "Choose a face for every action and for your own activity.",
    },
    "council.failed": {
        "fi": "Arviota ei tallennettu. Valintasi ovat tallessa: yritä uudelleen.",
        "sv": "Utvärderingen sparades inte. Dina val finns kvar: försök igen.",
        "en": "The evaluation was not saved. Your choices are kept: try again.",
    },
    "council.years_title": {
        "fi": "Arviot vuosittain",
        "sv": "Utvärderingar per år",
        "en": "Evaluations by year",
    },
    "council.proposals_title": {
        "fi": "Aloitteet ja vastaukset",
        "sv": "Förslag och svar",
        "en": "Proposals and answers",
    },
    "council.no_answer_yet": {
        "fi": "Ei vielä vastausta.",
        "sv": "Inget svar ännu.",
        "en": "No answer yet.",
    },
    "proposal.status.received": {"fi": "vastaanotettu", "sv": "mottaget", "en": "received"},
    "proposal.status.in-progress": {"fi": "työn alla", "sv": "under arbete", "en": "in progress"},
    "proposal.status.done": {"fi": "toteutettu", "sv": "genomfört", "en": "done"},
    "proposal.status.declined": {
        "fi": "ei toteuteta – perustelu vastauksessa",
        "sv": "genomförs inte – motivering i svaret",
        "en": "declined – reason in the answer",
    },
    "proposal.answer": {
        "fi": "Vastaus nuorisovaltuustolle",
        "sv": "Svar till ungdomsfullmäktige",
        "en": "Answer to the youth council",
    },
    "proposal.save": {"fi": "Tallenna vastaus", "sv": "Spara svaret", "en": "Save the answer"},
    "proposal.saved": {
        "fi": "Vastaus tallennettu.",
        "sv": "Svaret har sparats.",
        "en": "Answer saved.",
    },
    "proposal.invalid": {
        "fi": "Kirjoita vastaus (enintään 500 merkkiä).",
        "sv": "Skriv ett svar (högst 500 tecken).",
        "en": "Write an answer (at most 500 characters).",
    },
}

"""Texts respondents see: children, young people, families."""

TEXTS: dict[str, dict[str, str]] = {
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
    "respond.what_is_this": {
        "fi": "Mistä tässä on kyse?",
        "sv": "Vad handlar det om?",
        "en": "What is this about?",
    },
    "respond.listen": {
        "fi": "Kuuntele kysymys",
        "sv": "Lyssna på frågan",
        "en": "Listen to the question",
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
    "respond.unavailable_title": {
        "fi": "Kysely ei ole juuri nyt käytettävissä",
        "sv": "Enkäten går inte att använda just nu",
        "en": "The survey cannot be used just now",
    },
    "respond.unavailable_body": {
        "fi": "Vika ei ole sinun. Yritä hetken päästä uudelleen samalla linkillä.",
        "sv": "Felet är inte ditt. Försök igen om en stund med samma länk.",
        "en": "It is not your fault. Try again in a moment with the same link.",
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
    # Questions; `.plain` is the plain-language (selkokieli / lättläst) wording.
    "question.opinion": {
        "fi": "Mitä mieltä olet tästä?",
        "sv": "Vad tycker du om det här?",
        "en": "What do you think of this?",
    },
    "question.opinion.plain": {
        "fi": "Millainen tämä oli?",
        "sv": "Hur var det här?",
        "en": "What was this like?",
    },
    "question.liked": {
        "fi": "Tykkäsitkö tästä?",
        "sv": "Tyckte du om det här?",
        "en": "Did you like this?",
    },
    "question.liked.plain": {
        "fi": "Tykkäsitkö?",
        "sv": "Tyckte du om det?",
        "en": "Did you like it?",
    },
    "question.stars": {
        "fi": "Montako tähteä annat tälle?",
        "sv": "Hur många stjärnor ger du det här?",
        "en": "How many stars do you give this?",
    },
    "question.stars.plain": {
        "fi": "Montako tähteä?",
        "sv": "Hur många stjärnor?",
        "en": "How many stars?",
    },
    "question.grade": {
        "fi": "Minkä arvosanan antaisit tälle (4–10)?",
        "sv": "Vilket vitsord skulle du ge det här (4–10)?",
        "en": "What grade would you give this (4–10)?",
    },
    "question.grade.plain": {
        "fi": "Anna arvosana 4–10.",
        "sv": "Ge ett vitsord 4–10.",
        "en": "Give a grade from 4 to 10.",
    },
    "question.recommend": {
        "fi": "Kuinka todennäköisesti suosittelisit palvelua ystävillesi tai läheisillesi, jos he tarvitsisivat vastaavaa palvelua?",
        "sv": "Hur sannolikt är det att du skulle rekommendera tjänsten till dina vänner eller närstående, om de behövde en liknande tjänst?",
        "en": "How likely would you be to recommend this service to your friends or family, if they needed a similar service?",
    },
    "question.recommend.plain": {
        "fi": "Kertoisitko kaverille, että tänne kannattaa tulla?",
        "sv": "Skulle du säga till en kompis att det lönar sig att komma hit?",
        "en": "Would you tell a friend it is worth coming here?",
    },
    "question.heard": {
        "fi": "Kuinka hyvin sinua kuunneltiin?",
        "sv": "Hur väl lyssnade man på dig?",
        "en": "How well were you listened to?",
    },
    "question.heard.plain": {
        "fi": "Kuunneltiinko sinua?",
        "sv": "Lyssnade man på dig?",
        "en": "Did they listen to you?",
    },
    "question.treated": {
        "fi": "Miten sinua kohdeltiin?",
        "sv": "Hur blev du bemött?",
        "en": "How were you treated?",
    },
    "question.treated.plain": {
        "fi": "Oltiinko sinulle mukavia?",
        "sv": "Var man snäll mot dig?",
        "en": "Were people nice to you?",
    },
    "question.helped": {
        "fi": "Kuinka hyvin sait apua asiaasi?",
        "sv": "Hur väl fick du hjälp med ditt ärende?",
        "en": "How well did you get help with your matter?",
    },
    "question.helped.plain": {
        "fi": "Saitko apua?",
        "sv": "Fick du hjälp?",
        "en": "Did you get help?",
    },
    # THL's child wording of the recommendation question, for ages 7–12.
    "question.recommend.child": {
        "fi": "Kertoisitko kaverille, että tänne kannattaa tulla?",
        "sv": "Skulle du säga till en kompis att det lönar sig att komma hit?",
        "en": "Would you tell a friend it is worth coming here?",
    },
    "thumb.1": {"fi": "Peukku alas", "sv": "Tummen ner", "en": "Thumbs down"},
    "thumb.5": {"fi": "Peukku ylös", "sv": "Tummen upp", "en": "Thumbs up"},
    "star.1": {"fi": "1 tähti", "sv": "1 stjärna", "en": "1 star"},
    "star.2": {"fi": "2 tähteä", "sv": "2 stjärnor", "en": "2 stars"},
    "star.3": {"fi": "3 tähteä", "sv": "3 stjärnor", "en": "3 stars"},
    "star.4": {"fi": "4 tähteä", "sv": "4 stjärnor", "en": "4 stars"},
    "star.5": {"fi": "5 tähteä", "sv": "5 stjärnor", "en": "5 stars"},
    "grade.4": {"fi": "4 hylätty", "sv": "4 underkänd", "en": "4 fail"},
    "grade.5": {"fi": "5 välttävä", "sv": "5 hjälplig", "en": "5 poor"},
    "grade.6": {"fi": "6 kohtalainen", "sv": "6 försvarlig", "en": "6 fair"},
    "grade.7": {"fi": "7 tyydyttävä", "sv": "7 nöjaktig", "en": "7 satisfactory"},
    "grade.8": {"fi": "8 hyvä", "sv": "8 god", "en": "8 good"},
    "grade.9": {"fi": "9 kiitettävä", "sv": "9 berömlig", "en": "9 very good"},
    "grade.10": {"fi": "10 erinomainen", "sv": "10 utmärkt", "en": "10 excellent"},
    "nps.0": {
        "fi": "0 – ei lainkaan todennäköisesti",
        "sv": "0 – inte alls sannolikt",
        "en": "0 – not at all likely",
    },
    "nps.1": {"fi": "1", "sv": "1", "en": "1"},
    "nps.2": {"fi": "2", "sv": "2", "en": "2"},
    "nps.3": {"fi": "3", "sv": "3", "en": "3"},
    "nps.4": {"fi": "4", "sv": "4", "en": "4"},
    "nps.5": {"fi": "5", "sv": "5", "en": "5"},
    "nps.6": {"fi": "6", "sv": "6", "en": "6"},
    "nps.7": {"fi": "7", "sv": "7", "en": "7"},
    "nps.8": {"fi": "8", "sv": "8", "en": "8"},
    "nps.9": {"fi": "9", "sv": "9", "en": "9"},
    "nps.10": {
        "fi": "10 – erittäin todennäköisesti",
        "sv": "10 – mycket sannolikt",
        "en": "10 – extremely likely",
    },
    "respond.who": {"fi": "Kuka olet?", "sv": "Vem är du?", "en": "Who are you?"},
    "group.early-childhood": {
        "fi": "Lapsi varhaiskasvatuksessa (aikuisen kanssa)",
        "sv": "Barn i småbarnspedagogiken (med en vuxen)",
        "en": "Child in early childhood education (with an adult)",
    },
    "group.grades-1-3": {
        "fi": "1.–3. luokkalainen",
        "sv": "Elev i årskurs 1–3",
        "en": "Pupil in grades 1–3",
    },
    "group.grades-4-6": {
        "fi": "4.–6. luokkalainen",
        "sv": "Elev i årskurs 4–6",
        "en": "Pupil in grades 4–6",
    },
    "group.grades-7-9": {
        "fi": "7.–9. luokkalainen",
        "sv": "Elev i årskurs 7–9",
        "en": "Pupil in grades 7–9",
    },
    "group.upper-secondary": {
        "fi": "Lukiolainen",
        "sv": "Gymnasiestuderande",
        "en": "Upper secondary student",
    },
    "group.vocational": {
        "fi": "Ammattiopiskelija",
        "sv": "Yrkesstuderande",
        "en": "Vocational student",
    },
    "group.guardians": {"fi": "Huoltaja", "sv": "Vårdnadshavare", "en": "Parent or guardian"},
    "group.youth-council": {
        "fi": "Nuorisovaltuuston jäsen",
        "sv": "Medlem i ungdomsfullmäktige",
        "en": "Youth council member",
    },
    "group.staff": {
        "fi": "Työntekijä tai yhteistyökumppani",
        "sv": "Personal eller samarbetspartner",
        "en": "Staff member or partner",
    },
    "respond.best": {
        "fi": "Mikä oli parasta? Voit valita monta.",
        "sv": "Vad var bäst? Du kan välja flera.",
        "en": "What was best? You can choose several.",
    },
    "choice.friends": {"fi": "Kaverit", "sv": "Kompisarna", "en": "Friends"},
    "choice.adults": {"fi": "Aikuiset", "sv": "De vuxna", "en": "The adults"},
    "choice.activities": {"fi": "Tekeminen", "sv": "Aktiviteterna", "en": "The activities"},
    "choice.place": {"fi": "Paikka", "sv": "Platsen", "en": "The place"},
    "choice.learning": {
        "fi": "Uuden oppiminen",
        "sv": "Att lära sig nytt",
        "en": "Learning new things",
    },
    "choice.fun": {"fi": "Hauskuus", "sv": "Det roliga", "en": "Having fun"},
    "choice.being-heard": {
        "fi": "Minua kuunneltiin",
        "sv": "Jag blev lyssnad på",
        "en": "I was listened to",
    },
    "choice.food": {
        "fi": "Ruoka ja välipala",
        "sv": "Maten och mellanmålet",
        "en": "Food and snacks",
    },
    "respond.comment": {
        "fi": "Haluatko kertoa lisää? (vapaaehtoinen)",
        "sv": "Vill du berätta mer? (frivilligt)",
        "en": "Do you want to tell us more? (optional)",
    },
    "respond.comment_hint": {
        "fi": "Älä kirjoita nimiä tai muuta, mistä joku voidaan tunnistaa.",
        "sv": "Skriv inga namn eller något annat som kan avslöja vem någon är.",
        "en": "Don't write names or anything else that could identify someone.",
    },
    "respond.progress": {
        "fi": "Kysymys {step}/{steps}",
        "sv": "Fråga {step} av {steps}",
        "en": "Question {step} of {steps}",
    },
    "respond.next": {"fi": "Seuraava", "sv": "Nästa", "en": "Next"},
    "respond.back": {"fi": "Takaisin", "sv": "Tillbaka", "en": "Back"},
    "respond.choose_one": {
        "fi": "Valitse ensin yksi vaihtoehto.",
        "sv": "Välj först ett alternativ.",
        "en": "First choose one option.",
    },
    "respond.too_big_title": {
        "fi": "Vastaus on liian pitkä",
        "sv": "Svaret är för långt",
        "en": "The answer is too long",
    },
    "respond.too_big_body": {
        "fi": "Palaa takaisin, lyhennä kommenttia ja lähetä uudelleen.",
        "sv": "Gå tillbaka, gör kommentaren kortare och skicka igen.",
        "en": "Go back, make the comment shorter and send it again.",
    },
    "respond.too_long": {
        "fi": "Teksti on liian pitkä: enintään {max} merkkiä.",
        "sv": "Texten är för lång: högst {max} tecken.",
        "en": "The text is too long: at most {max} characters.",
    },
    "respond.form_expired": {
        "fi": "Tämä lomake oli ehtinyt vanhentua, joten vastausta ei tallennettu. Valintasi ovat "
        "yhä tallessa: tarkista ne ja paina Lähetä uudelleen.",
        "sv": "Formuläret hade hunnit bli för gammalt, så svaret sparades inte. Dina val finns "
        "kvar: kontrollera dem och tryck på Skicka igen.",
        "en": "This form had become too old, so the answer was not saved. Your choices are still "
        "here: check them and press Send again.",
    },
    "respond.other_site": {
        "fi": "Vastaus tuli toiselta sivustolta, joten sitä ei tallennettu. Jos vastasit itse, "
        "valintasi ovat yhä tallessa: paina Lähetä uudelleen.",
        "sv": "Svaret kom från en annan webbplats, så det sparades inte. Om du svarade själv "
        "finns dina val kvar: tryck på Skicka igen.",
        "en": "The answer came from another website, so it was not saved. If you answered "
        "yourself, your choices are still here: press Send again.",
    },
    "respond.code": {
        "fi": "Lapussa oleva koodi",
        "sv": "Koden på lappen",
        "en": "The code on your slip",
    },
    "respond.code_hint": {
        "fi": "Jokaisella lapulla voi vastata kerran. Koodia ei tallenneta vastauksesi kanssa.",
        "sv": "Med varje lapp kan man svara en gång. Koden sparas inte med ditt svar.",
        "en": "Each slip answers once. The code is not kept with your answer.",
    },
    "respond.code_refused": {
        "fi": "Koodia ei tunnistettu tai sillä on jo vastattu. Tarkista koodi lapusta tai pyydä "
        "aikuiselta uusi lappu. Valintasi ovat yhä tallessa.",
        "sv": "Koden känns inte igen eller har redan använts. Kontrollera koden på lappen eller "
        "be en vuxen om en ny lapp. Dina val finns kvar.",
        "en": "The code is not known or has already been used. Check the code on your slip or "
        "ask an adult for a new slip. Your choices are still here.",
    },
    "respond.codes_on_link_page": {
        "fi": "Tähän kyselyyn vastataan lapun koodilla. Avaa kysely tästä:",
        "sv": "Den här enkäten besvaras med koden på en lapp. Öppna enkäten här:",
        "en": "This survey is answered with the code on a slip. Open the survey here:",
    },
    "kiosk.still_there": {
        "fi": "Oletko vielä siinä?",
        "sv": "Är du kvar?",
        "en": "Are you still there?",
    },
    "kiosk.reset_soon": {
        "fi": "Kysely alkaa alusta seuraavalle vastaajalle {seconds} sekunnin kuluttua.",
        "sv": "Enkäten börjar om för nästa person om {seconds} sekunder.",
        "en": "The survey starts over for the next person in {seconds} seconds.",
    },
    "kiosk.continue": {"fi": "Jatka", "sv": "Fortsätt", "en": "Continue"},
    "kiosk.enrolment_refused": {
        "fi": "Tämä kioskin käyttöönottolinkki on jo käytetty, vanhentunut tai poistettu "
        "käytöstä. Luo uusi linkki Palautekierrokset-sivulla.",
        "sv": "Den här aktiveringslänken för en kiosk är redan använd, har gått ut eller är "
        "återkallad. Skapa en ny länk på sidan Responsomgångar.",
        "en": "This kiosk enrolment link has been used, has expired or was revoked. Create a "
        "new one on the Feedback rounds page.",
    },
    "kiosk.next_person": {
        "fi": "Seuraava vastaaja voi aloittaa ihan pian.",
        "sv": "Nästa person kan börja alldeles strax.",
        "en": "The next person can start in a moment.",
    },
    "respond.preview_not_saved": {
        "fi": "Esikatselu: vastausta ei tallennettu.",
        "sv": "Förhandsgranskning: svaret sparades inte.",
        "en": "Preview: the answer was not saved.",
    },
}

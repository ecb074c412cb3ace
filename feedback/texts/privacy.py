"""Texts of the privacy notice (GDPR art. 12–13): for the youngest, for young people and
families, and the staff's record of processing (art. 30). Every sentence must stay true of what
the code stores (feedback/storage/schema.py)."""

TEXTS: dict[str, dict[str, str]] = {
    "privacy.title": {
        "fi": "Tietosuoja",
        "sv": "Dataskydd",
        "en": "Privacy",
    },
    "privacy.back": {
        "fi": "Takaisin vastaamaan",
        "sv": "Tillbaka till enkäten",
        "en": "Back to answering",
    },
    "privacy.child_title": {
        "fi": "Lapsille",
        "sv": "För barn",
        "en": "For children",
    },
    "privacy.child_body": {
        "fi": "- Et kerro nimeäsi.\n"
        "- Valitset kuvan tai numeron. Se tallentuu numerona.\n"
        "- Voit kirjoittaa jotain, jos haluat. Älä kirjoita nimiä.\n"
        "- Aikuiset lukevat, mitä monet lapset sanoivat yhdessä.\n"
        "- Kukaan ei näe, mitä juuri sinä vastasit.\n"
        "- Jos kirjoitat, että sinulla on hätä, aikuinen lukee sen samana päivänä. "
        "Hän ei tiedä, kuka sinä olet.\n"
        "- Aikuiset yrittävät tehdä asioista parempia vastausten avulla.",
        "sv": "- Du säger inte ditt namn.\n"
        "- Du väljer en bild eller en siffra. Den sparas som en siffra.\n"
        "- Du kan skriva något om du vill. Skriv inga namn.\n"
        "- De vuxna läser vad många barn sade tillsammans.\n"
        "- Ingen ser vad just du svarade.\n"
        "- Om du skriver att du har det svårt läser en vuxen det samma dag. "
        "Hen vet inte vem du är.\n"
        "- De vuxna försöker göra saker bättre med hjälp av svaren.",
        "en": "- You do not say your name.\n"
        "- You pick a picture or a number. It is kept as a number.\n"
        "- You can write something if you want. Do not write names.\n"
        "- Grown-ups read what many children said together.\n"
        "- Nobody sees what you yourself answered.\n"
        "- If you write that something is wrong, a grown-up reads it the same day. "
        "They do not know who you are.\n"
        "- Grown-ups use the answers to make things better.",
    },
    "privacy.respondent_title": {
        "fi": "Nuorille ja perheille",
        "sv": "För unga och familjer",
        "en": "For young people and families",
    },
    "privacy.why_title": {"fi": "Miksi kysymme", "sv": "Varför vi frågar", "en": "Why we ask"},
    "privacy.why_body": {
        "fi": "Kunnan on kuultava lapsia ja nuoria, kun se toteuttaa ja seuraa lasten ja nuorten "
        "hyvinvointisuunnitelmaa (lastensuojelulaki 417/2007, 12 §). Vastausten avulla kunta "
        "ja sen yhteistyökumppanit näkevät, mikä toimii ja mitä pitää muuttaa.",
        "sv": "Kommunen ska höra barn och unga när den genomför och följer upp välfärdsplanen "
        "för barn och unga (barnskyddslagen 417/2007, 12 §). Med hjälp av svaren ser kommunen "
        "och dess samarbetspartner vad som fungerar och vad som behöver ändras.",
        "en": "The municipality must hear children and young people when it carries out and "
        "follows up its child and youth welfare plan (Child Welfare Act 417/2007, section 12). "
        "The answers show the municipality and its partners what works and what needs to "
        "change.",
    },
    "privacy.stored_title": {
        "fi": "Mitä tallennetaan",
        "sv": "Vad som sparas",
        "en": "What is stored",
    },
    "privacy.stored_body": {
        "fi": "- vastauksesi numeroina (esimerkiksi valitsemasi kasvo on numero 1–5)\n"
        "- mitä valitsit kohdassa ”Mikä oli parasta?”, jos kysely kysyy sitä\n"
        "- ryhmä, jonka valitsit tai jolle kysely on (esimerkiksi luokat 4–6 tai huoltajat)\n"
        "- miten vastasit: linkistä, QR-koodista, kioskilta tai paperilla\n"
        "- päivä ja tunti, jolloin vastasit (ei minuutteja)\n"
        "- kommenttisi, jos kirjoitit sellaisen\n"
        "- merkintä, jos vastauksia tuli paljon nopeammin kuin ihmiset ehtivät vastata: ne "
        "pidetään erillään eikä niitä lasketa lukuihin\n\n"
        "Vastaukset tallennetaan satunnaisilla tunnuksilla, joista ei näe, missä järjestyksessä "
        "vastattiin. Liian nopeat vastaukset tunnistetaan kyselykierroksittain (ja yhteisillä "
        "tableteilla, jotka henkilökunta on ottanut käyttöön kioskeina, tabletti kerrallaan) "
        "tallentamatta, kuka tai mikä laite ne lähetti.",
        "sv": "- dina svar som siffror (till exempel är ansiktet du valde en siffra 1–5)\n"
        "- vad du valde under ”Vad var bäst?”, om enkäten frågar det\n"
        "- gruppen du valde eller som enkäten är till för (till exempel årskurs 4–6 eller "
        "vårdnadshavare)\n"
        "- hur du svarade: via länk, QR-kod, kiosk eller på papper\n"
        "- dagen och timmen då du svarade (inga minuter)\n"
        "- din kommentar, om du skrev en\n"
        "- en markering om svar kom mycket snabbare än människor hinner svara: de hålls åt "
        "sidan och räknas inte med i siffrorna\n\n"
        "Svaren sparas med slumpmässiga nycklar som inte visar i vilken ordning man svarade. "
        "Svar som kommer för snabbt känns igen per enkätomgång (och på gemensamma surfplattor "
        "som personalen har tagit i bruk som kiosker, per surfplatta) utan att det sparas vem "
        "eller vilken enhet som skickade dem.",
        "en": "- your answers as numbers (for example, the face you chose is a number 1–5)\n"
        "- what you chose under “What was best?”, if the survey asks it\n"
        "- the group you chose or the survey is for (for example grades 4–6 or guardians)\n"
        "- how you answered: by link, QR code, kiosk or on paper\n"
        "- the day and the hour of your answer (no minutes)\n"
        "- your comment, if you wrote one\n"
        "- a mark if answers came much faster than people can answer: such answers are kept "
        "aside and left out of the figures\n\n"
        "Answers are stored under random keys that do not show in what order people answered. "
        "Answers that come too fast are spotted per feedback round (and on shared tablets that "
        "staff have set up as kiosks, per tablet) without storing who or which device sent "
        "them.",
    },
    "privacy.not_stored_title": {
        "fi": "Mitä ei tallenneta",
        "sv": "Vad som inte sparas",
        "en": "What is not stored",
    },
    "privacy.not_stored_body": {
        "fi": "Nimeäsi, sähköpostiosoitettasi, IP-osoitetta, laitteesi tai selaimesi tietoja eikä "
        "tarkkaa kellonaikaa: vastaukseen tallentuu vain päivä ja tunti. Palvelimen lokeihin "
        "ei kirjata vastaussivujen osoitteita. Vastaamiseen ei tarvita tunnusta. Vastausta ei "
        "voi yhdistää sinuun, ellet itse kirjoita kommenttiin jotain, mistä sinut tunnistaa.\n\n"
        "Linkistä avautuvassa lomakkeessa on palvelun allekirjoittama kertakäyttöinen numero. "
        "Sen ansiosta vastaus tallentuu vain kerran, ja vain palvelun itse antamat lomakkeet "
        "hyväksytään. Numero ei kerro, kuka vastasi. Yhteinen tabletti, jonka henkilökunta on "
        "ottanut käyttöön kioskina, säilyttää evästeen, josta palvelu tunnistaa tabletin – ei "
        "lasta, joka sillä vastaa. Kierroksella voidaan käyttää kertakäyttöisiä vastauskoodeja "
        "paperilapuilla: koodi ei kerro, kuka sen sai, eikä sitä yhdistetä vastaukseen.",
        "sv": "Ditt namn, din e-postadress, IP-adress, uppgifter om din enhet eller webbläsare "
        "eller den exakta tiden: med svaret sparas bara dagen och timmen. Serverns loggar "
        "sparar inte svarssidornas adresser. Du behöver inget konto för att svara. Svaret kan "
        "inte kopplas till dig, om du inte själv skriver något i kommentaren som visar vem du "
        "är.\n\n"
        "Formuläret som öppnas via en länk har ett engångsnummer som tjänsten har signerat. "
        "Tack vare det sparas ett svar bara en gång, och bara formulär som tjänsten själv har "
        "delat ut godtas. Numret visar inte vem som svarade. En gemensam surfplatta som "
        "personalen har tagit i bruk som kiosk sparar en kaka som visar tjänsten vilken "
        "surfplatta det är – inte vilket barn som svarar på den. En omgång kan använda "
        "engångskoder för svar på papperslappar: koden visar inte vem som fick den och kopplas "
        "inte till svaret.",
        "en": "Your name, your e-mail address, the IP address, anything about your device or "
        "browser, or the exact time: only the day and the hour are stored with an answer. The "
        "server's logs do not record the addresses of the answer pages. You need no account to "
        "answer. Your answer cannot be linked to you, unless you write something in the comment "
        "that tells who you are.\n\n"
        "A form opened from a link carries a one-time number signed by the service. Thanks to "
        "it an answer is stored only once, and only forms that the service itself gave out are "
        "accepted. The number does not tell who answered. A shared tablet that staff have set "
        "up as a kiosk keeps a cookie that tells the service which tablet it is – not which "
        "child is answering on it. A round may use one-time answer codes on paper slips: a code "
        "does not tell who got it and is not linked to the answer.",
    },
    "privacy.who_title": {
        "fi": "Kuka näkee vastaukset",
        "sv": "Vem ser svaren",
        "en": "Who sees the answers",
    },
    "privacy.who_body": {
        "fi": "Kunnan ja suunnitelman muiden toimijoiden työntekijät, joilla on tunnus, näkevät "
        "omien toimenpiteidensä luvut. Lukuja ei näytetä ryhmästä, jossa on alle {k} vastausta, "
        "eikä niin, että pienen ryhmän luvun voisi laskea vähentämällä lukuja toisistaan. "
        "Julkiset luvut päivittyvät enintään kerran päivässä ja vasta, kun vastauksia on tullut "
        "vähintään {k} lisää. "
        "Kommentteja lukevat vain työntekijät, eikä niitä julkaista. Lapsille ja nuorille "
        "näytetään yhteenveto tulossivulla. Tietoja ei anneta muille eikä siirretä EU:n "
        "ulkopuolelle.",
        "sv": "Anställda hos kommunen och planens övriga aktörer som har ett konto ser siffrorna "
        "för sina egna åtgärder. Siffror visas inte för en grupp med färre än {k} svar, och "
        "inte heller så att en liten grupps siffra kan räknas ut genom att dra siffror från "
        "varandra. Offentliga siffror uppdateras högst en gång om dagen och först när minst {k} "
        "nya svar har kommit. "
        "Kommentarerna läses bara av de anställda och publiceras inte. Barn och unga får se en "
        "sammanfattning på resultatsidan. Uppgifterna lämnas inte ut till andra och förs inte "
        "över till länder utanför EU.",
        "en": "Staff of the municipality and of the plan's other actors who have an account see "
        "the figures of their own actions. No figures are shown for a group of fewer than {k} "
        "answers, nor in a way that lets anyone work out a small group's figure by subtracting "
        "figures from each other. Public figures are updated at most once a day, and only when "
        "at least {k} more answers have come in. Only staff read the comments, and they are never published. Children and "
        "young people see a summary on the results page. The data is not given to anyone else "
        "and not transferred outside the EU.",
    },
    "privacy.kept_title": {
        "fi": "Kuinka kauan tiedot säilytetään",
        "sv": "Hur länge uppgifterna sparas",
        "en": "How long the data is kept",
    },
    "privacy.kept_body": {
        "fi": "Kommentit säilytetään {months} kuukautta, sitten ne poistetaan. Numeroina "
        "tallennetut vastaukset säilytetään, koska niitä tarvitaan suunnitelman seurantaan "
        "vuodesta toiseen, eikä niistä voi tunnistaa ketään. Kommentti, jonka vuoksi "
        "toimijan yhteyshenkilölle on lähetetty huoli-ilmoitus, säilytetään, kunnes "
        "työntekijä on kirjannut, mitä teki.",
        "sv": "Kommentarerna sparas i {months} månader och raderas sedan. Svaren som sparats som "
        "siffror behålls, eftersom de behövs för att följa upp planen år efter år och ingen kan "
        "identifieras utifrån dem. En kommentar som aktörens kontaktperson har larmats om "
        "sparas tills en anställd har antecknat vad hen gjorde.",
        "en": "Comments are kept for {months} months and then deleted. The answers stored as "
        "numbers are kept, because the plan is followed up with them year after year, and "
        "nobody can be identified from them. A comment that the actor's safeguarding contact "
        "was alerted of is kept until a staff member has recorded what they did.",
    },
    "privacy.rights_title": {
        "fi": "Sinun oikeutesi",
        "sv": "Dina rättigheter",
        "en": "Your rights",
    },
    "privacy.rights_body": {
        "fi": "Koska vastausta ei voi yhdistää sinuun, emme pysty etsimään juuri sinun "
        "vastaustasi. Jos kirjoitit kommenttiin jotain, minkä haluat poistaa, tai haluat kysyä "
        "jotain, ota yhteyttä. Voit myös tehdä valituksen tietosuojavaltuutetun toimistolle "
        "(tietosuoja.fi).",
        "sv": "Eftersom svaret inte kan kopplas till dig kan vi inte leta fram just ditt svar. "
        "Om du skrev något i en kommentar som du vill få raderat, eller vill fråga något, ta "
        "kontakt. Du kan också klaga hos dataombudsmannens byrå (tietosuoja.fi/sv).",
        "en": "Because your answer cannot be linked to you, we cannot look up your answer. If "
        "you wrote something in a comment that you want deleted, or want to ask something, get "
        "in touch. You can also complain to the Office of the Data Protection Ombudsman "
        "(tietosuoja.fi/en).",
    },
    "privacy.controller": {
        "fi": "Rekisterinpitäjä: {org}",
        "sv": "Personuppgiftsansvarig: {org}",
        "en": "Controller: {org}",
    },
    "privacy.controller_unset": {
        "fi": "Rekisterinpitäjän nimeä ei ole vielä asetettu (asetus FEEDBACK_ORG_NAME).",
        "sv": "Den personuppgiftsansvariges namn har ännu inte angetts (inställningen "
        "FEEDBACK_ORG_NAME).",
        "en": "The controller's name has not been set yet (the setting FEEDBACK_ORG_NAME).",
    },
    "privacy.contact": {
        "fi": "Yhteystieto tietosuoja-asioissa: {contact}",
        "sv": "Kontakt i dataskyddsfrågor: {contact}",
        "en": "Contact for privacy questions: {contact}",
    },
    "privacy.contact_unset": {
        "fi": "Tietosuoja-asioiden yhteystietoa ei ole vielä asetettu (asetus "
        "FEEDBACK_PRIVACY_EMAIL). Palvelun ylläpitäjän on asetettava se ennen kuin palvelu "
        "otetaan käyttöön.",
        "sv": "Kontaktuppgiften i dataskyddsfrågor har ännu inte angetts (inställningen "
        "FEEDBACK_PRIVACY_EMAIL). Tjänstens administratör ska ange den innan tjänsten tas i "
        "bruk.",
        "en": "The contact for privacy questions has not been set yet (the setting "
        "FEEDBACK_PRIVACY_EMAIL). The service's operator must set it before the service is put "
        "in use.",
    },
    "privacy.staff_link": {
        "fi": "Henkilöstölle: seloste käsittelytoimista",
        "sv": "För personalen: register över behandling",
        "en": "For staff: record of processing",
    },
    "privacy.respondent_link": {
        "fi": "Vastaajille: tietosuojaseloste",
        "sv": "För den som svarar: dataskyddsbeskrivning",
        "en": "For respondents: privacy notice",
    },
    "privacy.staff_title": {
        "fi": "Seloste käsittelytoimista",
        "sv": "Register över behandling",
        "en": "Record of processing activities",
    },
    "privacy.staff_intro": {
        "fi": "EU:n yleisen tietosuoja-asetuksen 30 artiklan mukainen seloste palvelun "
        "{service} käsittelystä. Se kertoo, mitä palvelu todella tallentaa.",
        "sv": "Register enligt artikel 30 i EU:s allmänna dataskyddsförordning över behandlingen "
        "i tjänsten {service}. Det beskriver vad tjänsten faktiskt sparar.",
        "en": "The record under article 30 of the EU General Data Protection Regulation of the "
        "processing in the service {service}. It states what the service actually stores.",
    },
    "privacy.staff.controller": {
        "fi": "Rekisterinpitäjä",
        "sv": "Personuppgiftsansvarig",
        "en": "Controller",
    },
    "privacy.staff.contact": {
        "fi": "Yhteystieto",
        "sv": "Kontaktuppgift",
        "en": "Contact",
    },
    "privacy.staff.unset": {
        "fi": "ei vielä asetettu ({setting})",
        "sv": "ännu inte angiven ({setting})",
        "en": "not set yet ({setting})",
    },
    "privacy.staff.purposes": {
        "fi": "Käsittelyn tarkoitukset",
        "sv": "Ändamål med behandlingen",
        "en": "Purposes of the processing",
    },
    "privacy.staff.purposes_body": {
        "fi": "Lasten, nuorten ja perheiden palaute lasten ja nuorten hyvinvointisuunnitelman "
        "toimenpiteistä; suunnitelman seuranta ja vuosiraportti valtuustolle; nuorisovaltuuston "
        "vuosiarvio ja ehdotukset; henkilöstön, pääkäyttäjien ja nuorisovaltuuston jäsenten "
        "kirjautuminen ja käyttöoikeudet.",
        "sv": "Respons från barn, unga och familjer om åtgärderna i välfärdsplanen för barn och "
        "unga; uppföljning av planen och årsrapporten till fullmäktige; ungdomsfullmäktiges "
        "årliga utvärdering och förslag; inloggning och behörigheter för personal, "
        "administratörer och ungdomsfullmäktiges medlemmar.",
        "en": "Feedback from children, young people and families on the actions of the child "
        "and youth welfare plan; following up the plan and the yearly report to the council; "
        "the youth council's yearly evaluation and proposals; sign-in and access rights of "
        "staff, admins and youth council members.",
    },
    "privacy.staff.basis": {
        "fi": "Oikeusperuste",
        "sv": "Rättslig grund",
        "en": "Legal basis",
    },
    "privacy.staff.basis_body": {
        "fi": "Yleisen edun mukaisen tehtävän ja rekisterinpitäjälle kuuluvan julkisen vallan "
        "käyttäminen (tietosuoja-asetus 6 artikla 1 e): kunnan lakisääteinen tehtävä laatia ja "
        "seurata lasten ja nuorten hyvinvointisuunnitelmaa (lastensuojelulaki 417/2007, 12 §). "
        "Rekisterinpitäjä vahvistaa oikeusperusteen.",
        "sv": "Uppgift av allmänt intresse och myndighetsutövning (dataskyddsförordningen "
        "artikel 6.1 e): kommunens lagstadgade uppgift att utarbeta och följa upp "
        "välfärdsplanen för barn och unga (barnskyddslagen 417/2007, 12 §). Den "
        "personuppgiftsansvarige fastställer den rättsliga grunden.",
        "en": "A task carried out in the public interest or in the exercise of official "
        "authority (GDPR article 6(1)(e)): the municipality's statutory duty to draw up and "
        "follow up its child and youth welfare plan (Child Welfare Act 417/2007, section 12). "
        "The controller confirms the legal basis.",
    },
    "privacy.staff.subjects": {
        "fi": "Rekisteröityjen ryhmät",
        "sv": "Kategorier av registrerade",
        "en": "Categories of data subjects",
    },
    "privacy.staff.subjects_body": {
        "fi": "Vastaajat: lapset, nuoret ja huoltajat (nimettöminä). Käyttäjät: henkilöstö, "
        "pääkäyttäjät ja nuorisovaltuuston jäsenet.",
        "sv": "De som svarar: barn, unga och vårdnadshavare (anonymt). Användare: personal, "
        "administratörer och ungdomsfullmäktiges medlemmar.",
        "en": "Respondents: children, young people and guardians (anonymous). Users: staff, "
        "admins and youth council members.",
    },
    "privacy.staff.data": {
        "fi": "Tietoryhmät",
        "sv": "Kategorier av personuppgifter",
        "en": "Categories of personal data",
    },
    "privacy.staff.data_body": {
        "fi": "- **Vastaukset:** kierros, kysymys ja vastaus numerona, ”Mikä oli parasta?” "
        "-valinnat, vastaajaryhmä, kanava (linkki, QR, kioski, nuorisovaltuusto, henkilöstön "
        "kirjaama), päivä ja tunti, merkintä vastauksista, jotka tulivat nopeammin kuin ihmiset "
        "ehtivät vastata (pidetään erillään eikä lasketa lukuihin; arvioidaan kierroksittain ja "
        "kioskitableteittain tallentamatta lähettäjää tai laitetta), satunnainen "
        "lähetystunniste (estää saman vastauksen tallentumisen kahdesti; linkkisivun lomakkeessa "
        "palvelun allekirjoittamana, jotta vain palvelun antamat lomakkeet hyväksytään) ja "
        "merkintä esittelyaineistosta. Rivien tunnisteet ovat satunnaisia eivätkä kerro "
        "vastausten järjestystä. Ei nimiä, IP-osoitteita, laite- tai selaintietoja eikä tarkkoja "
        "aikoja.\n"
        "- **Kommentit:** vapaa teksti (enintään 500 merkkiä; se voi sisältää henkilötietoja, "
        "vaikka niitä pyydetään jättämään pois), päivä ja käsittelytila (uusi, luettu, "
        "piilotettu, sisältää henkilötietoja).\n"
        "- **Nuorisovaltuusto:** arviot nimettöminä, ehdotukset ja niiden vastaukset; "
        "erillään vastauksista tieto siitä, kuka jäsen on jo arvioinut minkä suunnitelman "
        "minäkin vuonna (ei aikaa eikä arviointien järjestystä).\n"
        "- **Kioskit ja vastauskoodit:** kioskiksi otetun yhteisen tabletin eväste tunnistaa "
        "tabletin, ei vastaajaa; paperilappujen kertakäyttöisiä vastauskoodeja ei yhdistetä "
        "vastauksiin.\n"
        "- **Käyttäjät:** käyttäjätunnus, rooli, toimijat, salasanan bcrypt-tiiviste, tieto "
        "kertakäyttösalasanan vaihdosta, tilin tila, luontipäivä ja viimeksi valittu "
        "suunnitelma; istunnot (satunnainen tunniste, vanhenemisaika, mitätöinti); "
        "epäonnistuneiden kirjautumisten määrä ja viimeisimmän aika; sähköpostiosoite, jos "
        "se on annettu (ylläpitäjä saa käsittelemättömät huoli-ilmoitukset). Huoli-ilmoitusten "
        "ja kierrosten sähköpostien osoitteet, kuka ne nimesi ja milloin; kuka muutti "
        "kierroksen hälytyksiä ja milloin.\n"
        "- **Kioskit** (henkilöstön käyttöön ottamat yhteiskäyttöiset tabletit): satunnainen "
        "tunniste, kierros, henkilöstön antama nimi, käyttöön ottaneen käyttäjätunnus ja päivä, "
        "mitätöinti ja liian nopeiden vastausten määrä. Vastaukseen ei tallenneta, miltä "
        "kioskilta se tuli.\n"
        "- **Vuosiseuranta:** toimenpiteiden tila vuosittain, huomio ja linkki sekä merkinnän "
        "tehneen käyttäjätunnus ja päivä.\n"
        "- **Osallistujamäärät** ovat lukuja toimenpiteittäin ja kuukausittain, eivät "
        "henkilötietoja.",
        "sv": "- **Svar:** omgång, fråga och svar som siffra, valen under ”Vad var bäst?”, "
        "grupp, kanal (länk, QR, kiosk, ungdomsfullmäktige, inmatat av personal), dag och "
        "timme, en markering för svar som kom snabbare än människor hinner svara (hålls åt "
        "sidan och räknas inte med i siffrorna; bedöms per omgång och per kiosksurfplatta utan "
        "att avsändaren eller enheten sparas), ett slumpmässigt sändnings-id (hindrar att samma "
        "svar sparas två gånger; i länksidans formulär signerat av tjänsten, så att bara "
        "formulär som tjänsten har delat ut godtas) och en markering för demonstrationsdata. "
        "Radernas nycklar är slumpmässiga och visar inte svarens ordning. Inga namn, "
        "IP-adresser, uppgifter om enhet eller webbläsare eller exakta tider.\n"
        "- **Kommentarer:** fri text (högst 500 tecken; den kan innehålla personuppgifter fast "
        "man ombeds låta bli), dag och behandlingsstatus (ny, läst, dold, innehåller "
        "personuppgifter).\n"
        "- **Ungdomsfullmäktige:** utvärderingar anonymt, förslag och svaren på dem; skilt "
        "från svaren uppgift om vilken medlem som redan har utvärderat vilken plan vilket år "
        "(ingen tid och ingen ordning mellan utvärderingarna).\n"
        "- **Kiosker och svarskoder:** kakan på en gemensam surfplatta som tagits i bruk som "
        "kiosk känner igen surfplattan, inte den som svarar; engångskoderna för svar på "
        "papperslappar kopplas inte till svaren.\n"
        "- **Användare:** användarnamn, roll, aktörer, lösenordets bcrypt-hash, uppgift om "
        "engångslösenordet har bytts, kontots status, skapandedag och senast valda plan; "
        "sessioner (slumpmässigt id, giltighetstid, återkallelse); antalet misslyckade "
        "inloggningar och tiden för den senaste; e-postadress om den har angetts "
        "(administratören får obehandlade larm). Adresserna för larm och omgångars e-post, vem "
        "som angav dem och när; vem som ändrade en omgångs larm och när.\n"
        "- **Kiosker** (delade surfplattor som personalen har aktiverat): slumpmässigt id, "
        "omgång, namnet personalen gav, användarnamnet på den som aktiverade och dagen, "
        "återkallelse och antalet för snabba svar. Ett svar sparas utan uppgift om vilken "
        "kiosk det kom från.\n"
        "- **Årlig uppföljning:** åtgärdernas status per år, anteckning och länk samt "
        "användarnamnet på den som angav den och dagen.\n"
        "- **Deltagarantal** är siffror per åtgärd och månad, inte personuppgifter.",
        "en": "- **Answers:** round, question and answer as a number, the “What was best?” "
        "choices, respondent group, channel (link, QR, kiosk, youth council, entered by staff), "
        "day and hour, a mark for answers that came faster than people can answer (kept aside "
        "and left out of the figures; judged per round and per kiosk tablet without storing the "
        "sender or the device), a random submission id (so that one answer is never stored "
        "twice; on the link page's form signed by the service, so that only forms the service "
        "gave out are accepted) and a mark for demonstration data. The rows' keys are random "
        "and do not show the order of the answers. No names, IP addresses, device or browser "
        "details or precise times.\n"
        "- **Comments:** free text (at most 500 characters; it may hold personal data although "
        "respondents are asked to leave it out), the day and a review status (new, read, "
        "hidden, holds personal data).\n"
        "- **Youth council:** evaluations without names, proposals and their answers; kept "
        "apart from the answers, which member has already evaluated which plan in which year "
        "(no time and no order of the evaluations).\n"
        "- **Kiosks and answer codes:** the cookie of a shared tablet set up as a kiosk "
        "identifies the tablet, not the respondent; the one-time answer codes on paper slips are "
        "not linked to the answers.\n"
        "- **Users:** username, role, actors, the password's bcrypt hash, whether the one-time "
        "password has been changed, account status, the day the account was made and the plan "
        "chosen last; sessions (a random id, expiry, revocation); the number of failed sign-ins "
        "and the time of the last one; an e-mail address if given (an admin's gets the alerts "
        "nobody handled in time). The addresses named for safeguarding alerts and a round's "
        "mails, who named them and when; who changed a round's alerting and when.\n"
        "- **Kiosks** (shared tablets that staff enrolled): a random id, the round, the name "
        "staff gave, the username of who enrolled it and the day, revocation and the number of "
        "too-fast answers. An answer is stored without which kiosk it came from.\n"
        "- **Yearly follow-up:** each action's status per year, its note and link, and the "
        "username of who recorded it and the day.\n"
        "- **Participation counts** are numbers per action and month, not personal data.",
    },
    "privacy.staff.recipients": {
        "fi": "Vastaanottajat",
        "sv": "Mottagare",
        "en": "Recipients",
    },
    "privacy.staff.recipients_body": {
        "fi": "Henkilöstö näkee vain omien toimijoidensa kierrokset, luvut ja kommentit; "
        "pääkäyttäjät näkevät kaiken. Valtuustolle, lapsille ja ladattaviin tiedostoihin "
        "menevät vain koosteet, joissa alle {k} vastauksen ryhmät on piilotettu. Tietoja ei "
        "luovuteta muille. Palvelinta ja tietokantaa ylläpitää rekisterinpitäjä tai sen "
        "lukuun toimiva ylläpitäjä.",
        "sv": "Personalen ser bara sina egna aktörers omgångar, siffror och kommentarer; "
        "administratörerna ser allt. Till fullmäktige, till barnen och i nedladdningsbara filer "
        "går bara sammanställningar där grupper med färre än {k} svar är dolda. Uppgifterna "
        "lämnas inte ut till andra. Servern och databasen sköts av den personuppgiftsansvarige "
        "eller av en administratör för dennes räkning.",
        "en": "Staff see only their own actors' rounds, figures and comments; admins see "
        "everything. Only summaries reach the council, the children and the downloadable "
        "files, with groups of fewer than {k} answers hidden. The data is not disclosed to "
        "anyone else. The server and the database are run by the controller or by an operator "
        "on its behalf.",
    },
    "privacy.staff.transfers": {
        "fi": "Siirrot EU:n ja ETA:n ulkopuolelle",
        "sv": "Överföringar utanför EU och EES",
        "en": "Transfers outside the EU and EEA",
    },
    "privacy.staff.transfers_body": {
        "fi": "Ei siirtoja. Palvelu ei lähetä tietoja muihin palveluihin, eikä sen sivuilla ole "
        "ulkopuolisia skriptejä, fontteja tai analytiikkaa.",
        "sv": "Inga överföringar. Tjänsten skickar inga uppgifter till andra tjänster, och dess "
        "sidor har inga utomstående skript, typsnitt eller analysverktyg.",
        "en": "None. The service sends no data to other services, and its pages load no "
        "outside scripts, fonts or analytics.",
    },
    "privacy.staff.retention": {
        "fi": "Säilytysajat",
        "sv": "Lagringstider",
        "en": "Retention",
    },
    "privacy.staff.retention_body": {
        "fi": "Kommentit {months} kuukautta (asetus FEEDBACK_COMMENT_MONTHS). Vastaukset "
        "numeroina ja niiden koosteet suunnitelman seurannan ajan. Istunto päättyy "
        "{days} päivän kuluttua tai uloskirjautumiseen. Käyttäjätili, kunnes se poistetaan "
        "käytöstä. Varmuuskopiot rekisterinpitäjän omien sääntöjen mukaan.",
        "sv": "Kommentarer i {months} månader (inställningen FEEDBACK_COMMENT_MONTHS). Svaren "
        "som siffror och sammanställningarna av dem så länge planen följs upp. En session "
        "upphör efter {days} dagar eller vid utloggning. Ett användarkonto tills det stängs av. "
        "Säkerhetskopior enligt den personuppgiftsansvariges egna regler.",
        "en": "Comments {months} months (the setting FEEDBACK_COMMENT_MONTHS). Answers as "
        "numbers and their summaries for as long as the plan is followed up. A session ends "
        "after {days} days or at sign-out. A user account until it is disabled. Backups by the "
        "controller's own rules.",
    },
    "privacy.staff.security": {
        "fi": "Tekniset ja organisatoriset suojatoimet",
        "sv": "Tekniska och organisatoriska säkerhetsåtgärder",
        "en": "Technical and organisational security measures",
    },
    "privacy.staff.security_body": {
        "fi": "Vastaukset ilman tunnistetietoja ja satunnaisilla tunnuksilla, joista ei näe "
        "järjestystä; palvelimen lokeissa ei vastaussivujen osoitteita; alle {k} vastauksen "
        "ryhmät piilotetaan kaikista luvuista eikä niitä voi laskea vähentämällä; julkiset luvut "
        "päivittyvät enintään kerran päivässä vähintään {k} vastauksen askelin; käyttöoikeudet roolin ja toimijoiden mukaan, ja jokainen sivu tarkistaa ne "
        "itse; salasanat bcrypt-tiivisteinä, ei oletustunnuksia; istunnot tietokannassa, "
        "selaimessa vain allekirjoitettu HttpOnly-eväste ja selaimessa, jolla on kirjauduttu, vuoden ajan laite-eväste (satunnainen tunnus ja käyttäjätunnus), jotta vieraan väärät yritykset eivät estä omistajaa; kirjautumisyritysten hidastus tunnuksen ja osoitteen mukaan (osoitteet vain muistissa, niitä ei tallenneta); "
        "TLS-yhteys välityspalvelimen kautta ja tietoturvaotsakkeet; käyttäjien tekstit "
        "näytetään aina tekstinä; varmuuskopiot vain ylläpitäjien luettavissa.",
        "sv": "Svar utan identifierande uppgifter och med slumpmässiga nycklar som inte visar "
        "ordningen; inga svarssidors adresser i serverns loggar; grupper med färre än {k} svar "
        "döljs i alla siffror och kan inte räknas ut genom subtraktion; offentliga siffror "
        "uppdateras högst en gång om dagen i steg om minst {k} svar; behörigheter enligt roll och aktörer, och varje sida kontrollerar dem själv; "
        "lösenord som bcrypt-hashar, inga standardkonton; sessioner i databasen, i "
        "webbläsaren bara en signerad HttpOnly-kaka och, i en webbläsare där man har loggat in, en enhetskaka i ett år (ett slumpmässigt id och användarnamnet) så att en främlings felaktiga försök inte stänger ute ägaren; fördröjning av inloggningsförsök per namn och adress (adresserna bara i minnet, de sparas inte); "
        "TLS-förbindelse via en proxyserver och säkerhetshuvuden; användarnas texter visas "
        "alltid som text; säkerhetskopior kan bara läsas av administratörerna.",
        "en": "Answers without identifying data, under random keys that do not show their "
        "order; no answer page addresses in the server's logs; groups of fewer than {k} answers "
        "hidden from every figure and from subtraction; public figures updated at most once a "
        "day in steps of at least {k} answers; access by role and actors, checked by every page itself; passwords as "
        "bcrypt hashes, no default accounts; sessions in the database, in the browser only a "
        "signed HttpOnly cookie, and in a browser where the user has signed in a device cookie for a year (a random id and the username) so that a stranger's failures cannot keep the owner out; sign-in attempts slowed down per name and per address (addresses in memory only, never stored); TLS through a proxy and security "
        "headers; users' text always shown as text; backups readable by the operators only.",
    },
}

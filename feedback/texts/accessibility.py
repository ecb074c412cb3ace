"""Texts of the accessibility statement (Act 306/2019, the Traficom model statement) and of the
footer that links it and the privacy notice from every page."""

TEXTS: dict[str, dict[str, str]] = {
    "footer.accessibility": {
        "fi": "Saavutettavuusseloste",
        "sv": "Tillgänglighetsutlåtande",
        "en": "Accessibility statement",
    },
    "footer.privacy": {
        "fi": "Tietosuoja",
        "sv": "Dataskydd",
        "en": "Privacy",
    },
    "footer.label": {
        "fi": "Tietoa palvelusta",
        "sv": "Om tjänsten",
        "en": "About the service",
    },
    "accessibility.title": {
        "fi": "Saavutettavuusseloste",
        "sv": "Tillgänglighetsutlåtande",
        "en": "Accessibility statement",
    },
    "accessibility.intro": {
        "fi": "Tämä seloste koskee verkkopalvelua {service}, jonka tarjoaa {org}. Laki "
        "digitaalisten palvelujen tarjoamisesta (306/2019) edellyttää, että julkiset "
        "verkkopalvelut ovat saavutettavia. Seloste koskee palvelun kaikkia sivuja: "
        "vastaussivuja (linkki, QR-koodi ja kioski), tulossivua, etusivua, kirjautumista ja "
        "henkilöstön sivuja.",
        "sv": "Detta utlåtande gäller webbtjänsten {service} som tillhandahålls av {org}. "
        "Lagen om tillhandahållande av digitala tjänster (306/2019) kräver att offentliga "
        "webbtjänster är tillgängliga. Utlåtandet gäller alla sidor i tjänsten: svarssidorna "
        "(länk, QR-kod och kiosk), resultatsidan, startsidan, inloggningen och personalens sidor.",
        "en": "This statement covers the web service {service}, provided by {org}. The Act on "
        "the Provision of Digital Services (306/2019) requires public web services to be "
        "accessible. The statement covers every page of the service: the answer pages (link, "
        "QR code and kiosk), the results page, the front page, the sign-in and the staff pages.",
    },
    "accessibility.org_unset": {
        "fi": "kunta (nimeä ei ole vielä asetettu)",
        "sv": "kommunen (namnet har ännu inte angetts)",
        "en": "the municipality (its name has not been set yet)",
    },
    "accessibility.status_title": {
        "fi": "Saavutettavuuden tila",
        "sv": "Tillgänglighetsstatus",
        "en": "Compliance status",
    },
    "accessibility.status_partial": {
        "fi": "Palvelu täyttää saavutettavuusvaatimukset (WCAG 2.1, taso AA) osittain. "
        "Puutteet ja niiden syyt on kerrottu alla.",
        "sv": "Tjänsten uppfyller tillgänglighetskraven (WCAG 2.1, nivå AA) delvis. Bristerna "
        "och orsakerna till dem beskrivs nedan.",
        "en": "The service is partially compliant with the accessibility requirements "
        "(WCAG 2.1, level AA). The shortcomings and their reasons are listed below.",
    },
    "accessibility.status_full": {
        "fi": "Palvelu täyttää saavutettavuusvaatimukset (WCAG 2.1, taso AA).",
        "sv": "Tjänsten uppfyller tillgänglighetskraven (WCAG 2.1, nivå AA).",
        "en": "The service is fully compliant with the accessibility requirements "
        "(WCAG 2.1, level AA).",
    },
    "accessibility.measured_title": {
        "fi": "Mitattu tila",
        "sv": "Uppmätt status",
        "en": "Measured state",
    },
    "accessibility.measured_body": {
        "fi": "Palvelun sivut tarkistettiin automaattisesti axe-core-työkalulla {version} "
        "(WCAG 2.1 A- ja AA-tason säännöt) viimeksi {date}: {pages} sivua suomeksi, ruotsiksi "
        "ja englanniksi. Vakavia tai kriittisiä virheitä löytyi {serious}.",
        "sv": "Tjänstens sidor kontrollerades automatiskt med verktyget axe-core {version} "
        "(reglerna för WCAG 2.1 nivå A och AA) senast {date}: {pages} sidor på finska, svenska "
        "och engelska. Allvarliga eller kritiska fel hittades: {serious}.",
        "en": "The service's pages were checked automatically with axe-core {version} (the "
        "rules of WCAG 2.1 levels A and AA), last on {date}: {pages} pages in Finnish, Swedish "
        "and English. Serious or critical errors found: {serious}.",
    },
    "accessibility.measured_none": {
        "fi": "Automaattisen tarkistuksen tuloksia ei ole vielä tallennettu.",
        "sv": "Resultat av den automatiska kontrollen har ännu inte sparats.",
        "en": "No results of the automated check have been recorded yet.",
    },
    "accessibility.col.page": {"fi": "Sivu", "sv": "Sida", "en": "Page"},
    "accessibility.col.language": {"fi": "Kielet", "sv": "Språk", "en": "Languages"},
    "accessibility.col.rules": {
        "fi": "Sääntöjä tarkistettu",
        "sv": "Kontrollerade regler",
        "en": "Rules checked",
    },
    "accessibility.col.serious": {
        "fi": "Vakavat tai kriittiset",
        "sv": "Allvarliga eller kritiska",
        "en": "Serious or critical",
    },
    "accessibility.col.other": {
        "fi": "Muut havainnot",
        "sv": "Övriga fynd",
        "en": "Other findings",
    },
    "accessibility.other_none": {"fi": "ei", "sv": "inga", "en": "none"},
    "accessibility.gaps_title": {
        "fi": "Sisällöt, jotka eivät ole saavutettavia",
        "sv": "Innehåll som inte är tillgängligt",
        "en": "Content that is not accessible",
    },
    "accessibility.gap.charts": {
        "fi": "**Henkilöstön sivujen kaaviot** ovat ruudunlukijalle yksi kuva: niiden lukuja ei "
        "voi käydä läpi yksitellen (WCAG 1.1.1, 1.3.1). Syy: kaaviot piirtää Vega-Lite-kirjasto. "
        "Jokaisen kaavion alla on sen tekstivastine, ja samat luvut ovat sivun taulukoissa.",
        "sv": "**Diagrammen på personalens sidor** är en enda bild för en skärmläsare: deras "
        "värden kan inte gås igenom ett i taget (WCAG 1.1.1, 1.3.1). Orsak: diagrammen ritas av "
        "biblioteket Vega-Lite. Under varje diagram finns ett textalternativ, och samma värden "
        "finns i sidans tabeller.",
        "en": "**Charts on the staff pages** are a single image to a screen reader: their "
        "values cannot be gone through one by one (WCAG 1.1.1, 1.3.1). Reason: the charts are "
        "drawn by the Vega-Lite library. Each chart has a text alternative below it, and the "
        "same figures are in the page's tables.",
    },
    "accessibility.gap.grids": {
        "fi": "**Osa henkilöstön sivujen taulukoista** on Streamlit-sovelluskehyksen "
        "vuorovaikutteisia taulukoita, jotka piirretään kuvana (canvas). Niitä voi olla vaikea "
        "käyttää ruudunlukijalla tai suurennettuna (WCAG 1.3.1, 1.4.10). Syy: sovelluskehys. "
        "Koontinäkymän tavoite- ja toimenpidetaulukot ovat tavallisia taulukoita.",
        "sv": "**En del av tabellerna på personalens sidor** är interaktiva tabeller i "
        "ramverket Streamlit som ritas som en bild (canvas). De kan vara svåra att använda med "
        "skärmläsare eller förstoring (WCAG 1.3.1, 1.4.10). Orsak: ramverket. Översiktens "
        "tabeller över mål och åtgärder är vanliga tabeller.",
        "en": "**Some tables on the staff pages** are interactive tables of the Streamlit "
        "framework, drawn as an image (canvas). They can be hard to use with a screen reader or "
        "magnification (WCAG 1.3.1, 1.4.10). Reason: the framework. The dashboard's tables of "
        "goals and actions are ordinary tables.",
    },
    "accessibility.gap.pdf": {
        "fi": "**Tulostettavat PDF-tiedostot** (QR-juliste ja valtuustoraportti) eivät ole "
        "saavutettavia asiakirjoja: niissä ei ole rakennemerkintöjä (WCAG 1.3.1). Syy: ne on "
        "tehty tulostettaviksi. Julisteen linkki ja koodi sekä raportin luvut ovat myös "
        "palvelun sivuilla.",
        "sv": "**De utskrivbara PDF-filerna** (QR-affischen och fullmäktigerapporten) är inte "
        "tillgängliga dokument: de saknar strukturmärkning (WCAG 1.3.1). Orsak: de är gjorda "
        "för utskrift. Affischens länk och kod och rapportens värden finns också på tjänstens "
        "sidor.",
        "en": "**The printable PDF files** (the QR poster and the council report) are not "
        "accessible documents: they carry no structure tags (WCAG 1.3.1). Reason: they are made "
        "for printing. The poster's link and code and the report's figures are also on the "
        "service's pages.",
    },
    "accessibility.gap.part_language": {
        "fi": "**Suunnitelmien tekstit** näytetään suunnitelman omalla kielellä (suomi tai "
        "ruotsi), kun käännöstä ei ole. Näitä tekstinosia ei ole merkitty kieleltään, joten "
        "ruudunlukija voi lukea ne väärin ääntein (WCAG 3.1.2). Palvelua varten tehty käännös on "
        "merkitty näkyvästi.",
        "sv": "**Planernas texter** visas på planens eget språk (finska eller svenska) när det "
        "inte finns någon översättning. Dessa textdelar är inte märkta med sitt språk, så en "
        "skärmläsare kan uttala dem fel (WCAG 3.1.2). En översättning som gjorts för tjänsten "
        "är synligt märkt.",
        "en": "**The plans' texts** are shown in the plan's own language (Finnish or Swedish) "
        "where there is no translation. These parts are not marked with their language, so a "
        "screen reader may pronounce them wrongly (WCAG 3.1.2). A translation made for the "
        "service is marked visibly.",
    },
    "accessibility.gap.page_language": {
        "fi": "**Sivun kieli** merkitään Streamlit-sivuilla skriptillä vasta, kun sivu on "
        "latautunut: sovelluskehys merkitsee jokaisen sivun englanninkieliseksi (WCAG 3.1.1). "
        "Sitä ennen ruudunlukija voi hetken pitää sivua englanninkielisenä. Linkeistä ja "
        "QR-koodeista avautuva kevyt vastaussivu ei käytä skriptejä, ja sen kieli on merkitty "
        "oikein.",
        "sv": "**Sidans språk** märks på Streamlit-sidorna med ett skript först när sidan har "
        "laddats: ramverket märker varje sida som engelsk (WCAG 3.1.1). Innan dess kan en "
        "skärmläsare en kort stund tolka sidan som engelsk. Den lätta svarssidan som öppnas "
        "från länkar och QR-koder använder inga skript, och dess språk är rätt märkt.",
        "en": "**The page's language** is set on the Streamlit pages by a script only once the "
        "page has loaded: the framework marks every page as English (WCAG 3.1.1). Until then a "
        "screen reader may take the page for English for a moment. The light answer page that "
        "links and QR codes open uses no scripts, and its language is marked correctly.",
    },
    "accessibility.gap.automated_only": {
        "fi": "**Arvioinnin kattavuus:** automaattinen tarkistus löytää vain osan "
        "saavutettavuusongelmista, eikä palvelua ole vielä arvioinut ulkopuolinen asiantuntija. "
        "Kerro meille, jos jokin ei toimi sinulle.",
        "sv": "**Bedömningens omfattning:** en automatisk kontroll hittar bara en del av "
        "tillgänglighetsproblemen, och tjänsten har ännu inte bedömts av en extern expert. "
        "Berätta för oss om något inte fungerar för dig.",
        "en": "**How far the assessment goes:** an automated check finds only some "
        "accessibility problems, and no outside expert has assessed the service yet. Tell us "
        "if something does not work for you.",
    },
    "accessibility.measured_other": {
        "fi": "Automaattinen tarkistus löysi lisäksi vähemmän vakavia havaintoja: {rules}.",
        "sv": "Den automatiska kontrollen hittade dessutom mindre allvarliga fynd: {rules}.",
        "en": "The automated check also found less serious findings: {rules}.",
    },
    "accessibility.made_title": {
        "fi": "Miten seloste on laadittu",
        "sv": "Hur utlåtandet har utarbetats",
        "en": "Preparation of this statement",
    },
    "accessibility.made_body": {
        "fi": "Seloste perustuu itsearvioon. Palvelun sivut tarkistetaan automaattisesti "
        "axe-core-testeillä oikeassa selaimessa (Chromium) joka kerta, kun palvelun testit "
        "ajetaan, ja testit estävät vakavat virheet. Lisäksi tiedossa olevat puutteet "
        "on käyty läpi palvelun koodista. Yllä olevat tulokset on tallennettu {date}. Seloste "
        "päivitetään, kun palvelu muuttuu, ja vähintään kerran vuodessa.",
        "sv": "Utlåtandet bygger på en självbedömning. Tjänstens sidor kontrolleras automatiskt "
        "med axe-core-tester i en riktig webbläsare (Chromium) varje gång tjänstens tester "
        "körs, och testerna stoppar allvarliga fel. Dessutom har kända brister gåtts "
        "igenom i tjänstens kod. Resultaten ovan sparades {date}. Utlåtandet uppdateras när "
        "tjänsten ändras och minst en gång om året.",
        "en": "This statement is based on a self-assessment. The service's pages are checked "
        "automatically with axe-core tests in a real browser (Chromium) whenever the service's "
        "tests run, and the tests stop serious errors. The known shortcomings "
        "have also been gone through in the service's code. The results above were recorded on "
        "{date}. The statement is updated when the service changes, and at least once a year.",
    },
    "accessibility.feedback_title": {
        "fi": "Anna palautetta saavutettavuudesta",
        "sv": "Ge respons om tillgängligheten",
        "en": "Feedback on accessibility",
    },
    "accessibility.feedback_body": {
        "fi": "Huomasitko puutteen? Kerro siitä meille, niin korjaamme sen. Voit myös pyytää "
        "tietoja, jotka eivät ole sinulle saavutettavia, toisessa muodossa.",
        "sv": "Har du märkt en brist? Berätta för oss så åtgärdar vi den. Du kan också be att "
        "få information som inte är tillgänglig för dig i en annan form.",
        "en": "Have you noticed a shortcoming? Tell us and we will fix it. You can also ask for "
        "information that is not accessible to you in another form.",
    },
    "accessibility.contact": {
        "fi": "Saavutettavuuspalaute: {contact}",
        "sv": "Respons om tillgänglighet: {contact}",
        "en": "Accessibility feedback: {contact}",
    },
    "accessibility.contact_unset": {
        "fi": "Palautteen yhteystietoa ei ole vielä asetettu. Palvelun ylläpitäjän on "
        "asetettava se (asetus FEEDBACK_ACCESSIBILITY_EMAIL) ennen kuin palvelu otetaan "
        "käyttöön.",
        "sv": "Kontaktuppgiften för respons har ännu inte angetts. Tjänstens administratör ska "
        "ange den (inställningen FEEDBACK_ACCESSIBILITY_EMAIL) innan tjänsten tas i bruk.",
        "en": "The contact for feedback has not been set yet. The service's operator must set "
        "it (the setting FEEDBACK_ACCESSIBILITY_EMAIL) before the service is put in use.",
    },
    "accessibility.authority_title": {
        "fi": "Valvontaviranomainen",
        "sv": "Tillsynsmyndighet",
        "en": "Enforcement procedure",
    },
    "accessibility.authority_body": {
        "fi": "Jos huomaat saavutettavuusongelmia, anna ensin palautetta meille. Jos et ole "
        "tyytyväinen vastaukseen tai et saa vastausta kahden viikon kuluessa, voit tehdä "
        "ilmoituksen valvontaviranomaiselle. Sen sivuilla kerrotaan, miten ilmoituksen voi "
        "tehdä ja miten asia käsitellään.",
        "sv": "Om du märker tillgänglighetsproblem, ge först respons till oss. Om du inte är "
        "nöjd med svaret eller inte får något svar inom två veckor kan du göra en anmälan till "
        "tillsynsmyndigheten. På dess webbplats står hur du gör en anmälan och hur ärendet "
        "handläggs.",
        "en": "If you notice accessibility problems, first give feedback to us. If you are not "
        "satisfied with the answer, or get no answer within two weeks, you can notify the "
        "supervisory authority. Its website tells how to submit a notification and how it is "
        "processed.",
    },
    "accessibility.authority_contact": {
        "fi": "Liikenne- ja viestintävirasto Traficom  \nDigitaalisen esteettömyyden ja "
        "saavutettavuuden valvontayksikkö  \nwww.saavutettavuusvaatimukset.fi  \n"
        "saavutettavuus@traficom.fi  \npuhelinnumero vaihde 029 534 5000",
        "sv": "Transport- och kommunikationsverket Traficom  \nEnheten för tillsyn över digital "
        "tillgänglighet  \nwww.tillganglighetskrav.fi  \nsaavutettavuus@traficom.fi  \n"
        "telefonnummer växeln 029 534 5000",
        "en": "Finnish Transport and Communications Agency Traficom  \nDigital Accessibility "
        "Supervision Unit  \nwww.webaccessibility.fi  \nsaavutettavuus@traficom.fi  \n"
        "telephone switchboard +358 29 534 5000",
    },
}

"""Texts of safeguarding (issue #29): the help a child sees, the alert staff read and receive."""

TEXTS: dict[str, dict[str, str]] = {
    # The help box: plain words a seven-year-old reads; short sentences, no hard words.
    "help.heading": {
        "fi": "Onko sinulla paha olla?",
        "sv": "Mår du dåligt?",
        "en": "Do you feel bad?",
    },
    "help.intro": {
        "fi": "Et ole yksin. Voit puhua aikuisen kanssa heti. Se ei maksa mitään. "
        "Sinun ei tarvitse kertoa nimeäsi.",
        "sv": "Du är inte ensam. Du kan prata med en vuxen nu. Det kostar ingenting. "
        "Du behöver inte säga ditt namn.",
        "en": "You are not alone. You can talk to a grown-up now. It costs nothing. "
        "You do not have to say your name.",
    },
    "help.after_comment": {
        "fi": "Kiitos, että kerroit. Kukaan ei tiedä, kuka tämän kirjoitti. "
        "Siksi sinun kannattaa puhua jonkun kanssa nyt.",
        "sv": "Tack för att du berättade. Ingen vet vem som skrev det här. "
        "Därför är det bra att du pratar med någon nu.",
        "en": "Thank you for telling us. Nobody knows who wrote this. "
        "So it is good to talk to someone now.",
    },
    "help.call": {
        "fi": "Soita lasten ja nuorten puhelimeen:",
        "sv": "Ring barnens och ungdomarnas telefon:",
        "en": "Call the children's helpline:",
    },
    "help.call_swedish": {
        "fi": "Ruotsiksi joinakin päivinä:",
        "sv": "På svenska vissa dagar:",
        "en": "In Swedish on some days:",
    },
    "help.chat": {
        "fi": "Tai kirjoita chattiin:",
        "sv": "Eller skriv i chatten:",
        "en": "Or write in the chat:",
    },
    "help.emergency": {
        "fi": "Jos olet vaarassa nyt, soita:",
        "sv": "Om du är i fara nu, ring:",
        "en": "If you are in danger now, call:",
    },
    "help.local": {
        "fi": "Voit puhua myös näiden aikuisten kanssa: {contacts}",
        "sv": "Du kan också prata med de här vuxna: {contacts}",
        "en": "You can also talk to these grown-ups: {contacts}",
    },
    # What an alert is about (e-mail and /comments).
    "alert.category.violence_home": {
        "fi": "väkivalta kotona",
        "sv": "våld i hemmet",
        "en": "violence at home",
    },
    "alert.category.sexual_abuse": {
        "fi": "seksuaalinen hyväksikäyttö",
        "sv": "sexuella övergrepp",
        "en": "sexual abuse",
    },
    "alert.category.bullying": {"fi": "kiusaaminen", "sv": "mobbning", "en": "bullying"},
    "alert.category.self_harm": {
        "fi": "itsensä vahingoittaminen tai itsemurha",
        "sv": "självskada eller självmord",
        "en": "self-harm or suicide",
    },
    "alert.category.substances": {
        "fi": "päihteet",
        "sv": "alkohol och droger",
        "en": "substance use",
    },
    "alert.category.every_comment": {
        "fi": "uusi kommentti (kaikista kommenteista hälytetään)",
        "sv": "ny kommentar (larm för varje kommentar)",
        "en": "new comment (alert on every comment)",
    },
    # The e-mail to an actor's safeguarding contacts: no words of the child.
    "alert.mail_subject": {
        "fi": "Huoli lapsesta: {actor} ({n}) – katso tänään",
        "sv": "Oro för ett barn: {actor} ({n}) – se i dag",
        "en": "Concern for a child: {actor} ({n}) – look today",
    },
    "alert.mail_intro": {
        "fi": "Lapsen kommentissa on merkki mahdollisesta hädästä. Sinut on nimetty "
        "toimijan yhteyshenkilöksi. Lue kommentti ja kirjaa, mitä teit "
        "(lastensuojelulaki 25 §). Vastaukset ovat nimettömiä: kirjoittajaa ei voi tunnistaa.",
        "sv": "Ett barns kommentar tyder på att något kan vara fel. Du är utsedd till "
        "aktörens kontaktperson. Läs kommentaren och anteckna vad du gjorde "
        "(barnskyddslagen 25 §). Svaren är anonyma: den som skrev kan inte identifieras.",
        "en": "A child's comment signals possible harm. You are named as the actor's "
        "safeguarding contact. Read the comment and record what you did "
        "(Child Welfare Act §25). Answers are anonymous: the writer cannot be identified.",
    },
    "alert.mail_item": {
        "fi": "Aihe: {about}\nKysely: {subject}\nToimija: {actor}\nRyhmä: {group}\n"
        "Päivä: {day}\nAvaa: {link}",
        "sv": "Gäller: {about}\nEnkät: {subject}\nAktör: {actor}\nGrupp: {group}\n"
        "Dag: {day}\nÖppna: {link}",
        "en": "About: {about}\nRound: {subject}\nActor: {actor}\nGroup: {group}\n"
        "Day: {day}\nOpen: {link}",
    },
    "alert.mail_outro": {
        "fi": "Linkki vaatii kirjautumisen. Tässä viestissä ei ole lapsen sanoja.",
        "sv": "Länken kräver inloggning. Det här meddelandet innehåller inte barnets ord.",
        "en": "The link needs sign-in. This message holds none of the child's words.",
    },
    # An alert nobody handled in time, sent again to the escalation contacts and the admins.
    "alert.escalation_subject": {
        "fi": "Käsittelemätön huoli lapsesta: {actor} ({n}) – katso nyt",
        "sv": "Obehandlad oro för ett barn: {actor} ({n}) – se nu",
        "en": "Unhandled concern for a child: {actor} ({n}) – look now",
    },
    "alert.escalation_intro": {
        "fi": "Kukaan ei ole kirjannut käsitelleensä tätä hälytystä {hours} tunnissa. Saat "
        "sen, koska olet toimijan varayhteyshenkilö tai ylläpitäjä. Lue kommentti ja kirjaa, "
        "mitä teit (lastensuojelulaki 25 §). Vastaukset ovat nimettömiä.",
        "sv": "Ingen har antecknat att larmet behandlats på {hours} timmar. Du får det som "
        "aktörens reservkontakt eller administratör. Läs kommentaren och anteckna vad du "
        "gjorde (barnskyddslagen 25 §). Svaren är anonyma.",
        "en": "Nobody has recorded handling this alert within {hours} hours. You get it as "
        "the actor's next contact or an admin. Read the comment and record what you did "
        "(Child Welfare Act §25). Answers are anonymous.",
    },
    # The yearly report: how many alerts, per category (never words).
    "report.alerts_title": {
        "fi": "Huolta herättäneet kommentit",
        "sv": "Kommentarer som väckte oro",
        "en": "Comments that raised a concern",
    },
    "report.alerts_note": {
        "fi": "Lasten kommenteista tehdyt hälytykset vuoden aikana aiheittain (kommentti voi "
        "kuulua useaan). Alle {k} lukuja ei näytetä. Kommenttien sanoja ei julkaista.",
        "sv": "Larm från barnens kommentarer under året per ämne (en kommentar kan höra till "
        "flera). Antal under {k} visas inte. Kommentarernas ord publiceras inte.",
        "en": "Alerts raised by children's comments during the year, by category (a comment "
        "may be in several). Counts under {k} are not shown. No comment's words are printed.",
    },
    "report.sheet_alerts": {"fi": "Huolet", "sv": "Oro", "en": "Concerns"},
    "report.col_n": {"fi": "Määrä", "sv": "Antal", "en": "Number"},
    # /plans: each actor's safeguarding contacts (admins).
    "plans.contacts": {
        "fi": "Huolen yhteyshenkilöt",
        "sv": "Kontaktpersoner vid oro",
        "en": "Safeguarding contacts",
    },
    "plans.contacts_note": {
        "fi": "Kun lapsen kommentissa on merkki hädästä, toimijan yhteyshenkilöt saavat "
        "sähköpostin saman päivän aikana (ilman lapsen sanoja).",
        "sv": "När ett barns kommentar tyder på nöd får aktörens kontaktpersoner ett e-post "
        "samma dag (utan barnets ord).",
        "en": "When a child's comment signals harm, the actor's contacts get an e-mail the "
        "same day (without the child's words).",
    },
    "plans.contact_email": {
        "fi": "Sähköpostiosoite",
        "sv": "E-postadress",
        "en": "E-mail address",
    },
    "plans.contact_next": {
        "fi": "Varayhteyshenkilö: saa vain hälytykset, joita ei ole käsitelty {hours} tunnissa",
        "sv": "Reservkontakt: får bara larm som inte behandlats inom {hours} timmar",
        "en": "Next contact: gets only the alerts nobody handled within {hours} hours",
    },
    "plans.contact_is_next": {
        "fi": "{actor}: {email} (varayhteyshenkilö)",
        "sv": "{actor}: {email} (reservkontakt)",
        "en": "{actor}: {email} (next contact)",
    },
    "plans.contact_add": {"fi": "Lisää", "sv": "Lägg till", "en": "Add"},
    "plans.contact_remove": {"fi": "Poista", "sv": "Ta bort", "en": "Remove"},
    "plans.contact_invalid": {
        "fi": "Tämä ei ole sähköpostiosoite.",
        "sv": "Det här är inte en e-postadress.",
        "en": "This is not an e-mail address.",
    },
    # /comments: the alerts, first.
    "comments.alerts": {
        "fi": "Huolta herättävät kommentit",
        "sv": "Kommentarer som väcker oro",
        "en": "Comments that signal harm",
    },
    "comments.alerts_note": {
        "fi": "Toimi saman päivän aikana (lastensuojelulaki 25 §) ja kirjaa, mitä teit. "
        "Kommenttia ei poisteta ennen kuin se on käsitelty; kirjaukset säilyvät ilman "
        "lapsen sanoja.",
        "sv": "Agera samma dag (barnskyddslagen 25 §) och anteckna vad du gjorde. "
        "Kommentaren raderas inte förrän den är behandlad; anteckningarna sparas utan "
        "barnets ord.",
        "en": "Act the same day (Child Welfare Act §25) and record what you did. The comment "
        "is not deleted until it is handled; the record is kept without the child's words.",
    },
    "comments.alert_sent": {
        "fi": "sähköposti lähetetty",
        "sv": "e-post skickat",
        "en": "e-mail sent",
    },
    "comments.alert_escalated": {
        "fi": "ei käsitelty ajoissa: lähetetty varayhteyshenkilöille ja ylläpitäjille",
        "sv": "inte behandlat i tid: skickat till reservkontakter och administratörer",
        "en": "not handled in time: sent to the next contacts and the admins",
    },
    "comments.alert_waiting": {
        "fi": "sähköposti odottaa lähetystä",
        "sv": "e-post väntar",
        "en": "e-mail waiting to be sent",
    },
    "comments.alert_deleted": {
        "fi": "(kommentti on poistettu säilytysajan päätyttyä)",
        "sv": "(kommentaren är raderad efter lagringstiden)",
        "en": "(the comment was deleted after its retention time)",
    },
    "comments.alert_handled": {
        "fi": "{handling} – {who}, {when}",
        "sv": "{handling} – {who}, {when}",
        "en": "{handling} – {who}, {when}",
    },
    "comments.handling.notified": {
        "fi": "Lastensuojeluilmoitus tehty",
        "sv": "Barnskyddsanmälan gjord",
        "en": "Child welfare notification made",
    },
    "comments.handling.raised": {
        "fi": "Otettu puheeksi yksikössä",
        "sv": "Taget upp med enheten",
        "en": "Raised with the unit",
    },
    "comments.handling.no_concern": {
        "fi": "Ei huolta",
        "sv": "Ingen oro",
        "en": "No concern",
    },
    "comments.handling.passed_on": {
        "fi": "Välitetty eteenpäin",
        "sv": "Skickat vidare",
        "en": "Passed on",
    },
    # /rounds: a round whose staff want to see every comment at once.
    "rounds.alert_every_comment": {
        "fi": "Hälytä jokaisesta kommentista",
        "sv": "Larma om varje kommentar",
        "en": "Alert on every comment",
    },
    "rounds.alert_every_comment_help": {
        "fi": "Toimijan huolen yhteyshenkilöt saavat sähköpostin jokaisesta kommentista, "
        "ei vain niistä, joissa on merkki hädästä.",
        "sv": "Aktörens kontaktpersoner vid oro får ett e-post om varje kommentar, inte bara "
        "om dem som tyder på nöd.",
        "en": "The actor's safeguarding contacts get an e-mail for every comment, not only for "
        "those that signal harm.",
    },
}

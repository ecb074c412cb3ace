"""Texts of the staff page for reviewing comments, and of the exports."""

TEXTS: dict[str, dict[str, str]] = {
    "comments.title": {"fi": "Vapaat kommentit", "sv": "Fria kommentarer", "en": "Comments"},
    "comments.none": {
        "fi": "Ei luettavia kommentteja.",
        "sv": "Inga kommentarer att läsa.",
        "en": "No comments to read.",
    },
    "comments.withheld": {
        "fi": "{n} kommenttia on piilotettu, koska niiden kierroksella on alle {k} vastausta.",
        "sv": "{n} kommentarer är dolda eftersom deras omgång har färre än {k} svar.",
        "en": "{n} comments are withheld because their round has fewer than {k} answers.",
    },
    "comments.flagged": {
        "fi": "Kierros {round}: {n} vastausta tuli epätavallisen nopeasti, joten ne on merkitty "
        "mahdolliseksi väärinkäytöksi. Ne säilytetään, mutta niitä ei lasketa mihinkään lukuun.",
        "sv": "Omgång {round}: {n} svar kom ovanligt snabbt och har därför markerats som möjligt "
        "missbruk. De sparas men räknas inte in i några siffror.",
        "en": "Round {round}: {n} answers came unusually fast, so they are flagged as possible "
        "misuse. They are kept but left out of every figure.",
    },
    "comments.status.new": {"fi": "uusi", "sv": "ny", "en": "new"},
    "comments.status.ok": {"fi": "luettu", "sv": "läst", "en": "read"},
    "comments.status.hidden": {"fi": "piilotettu", "sv": "dold", "en": "hidden"},
    "comments.status.personal": {
        "fi": "sisältää henkilötietoja",
        "sv": "innehåller personuppgifter",
        "en": "contains personal data",
    },
    "comments.mark_ok": {"fi": "Luettu", "sv": "Läst", "en": "Read"},
    "comments.hide": {"fi": "Piilota", "sv": "Dölj", "en": "Hide"},
    "comments.personal": {
        "fi": "Sisältää henkilötietoja",
        "sv": "Innehåller personuppgifter",
        "en": "Contains personal data",
    },
    "comments.note": {
        "fi": "Piilotetut ja henkilötietoja sisältävät kommentit eivät näy raporteissa eivätkä vientitiedostoissa.",
        "sv": "Dolda kommentarer och kommentarer med personuppgifter syns inte i rapporter eller exportfiler.",
        "en": "Hidden comments and comments with personal data never appear in reports or exports.",
    },
    "comments.kept": {
        "fi": "Kommentit säilytetään {months} kuukautta, sitten ne poistetaan. Luvut säilyvät.",
        "sv": "Kommentarerna sparas i {months} månader och raderas sedan. Siffrorna finns kvar.",
        "en": "Comments are kept for {months} months, then deleted. The figures stay.",
    },
    "comments.last_deleted": {
        "fi": "Viimeksi poistettu {day}: {n} kommenttia ennen päivää {since}.",
        "sv": "Senast raderade {day}: {n} kommentarer från före {since}.",
        "en": "Last deletion {day}: {n} comments from before {since}.",
    },
    "comments.never_deleted": {
        "fi": "Vanhoja kommentteja ei ole vielä poistettu: ylläpidon pitää ajaa `feedback retention` säännöllisesti.",
        "sv": "Gamla kommentarer har inte raderats än: driften ska köra `feedback retention` regelbundet.",
        "en": "Old comments have not been deleted yet: operations must run `feedback retention` regularly.",
    },
    "export.title": {"fi": "Lataa tiedot", "sv": "Ladda ner data", "en": "Download data"},
    "export.summary_csv": {
        "fi": "Yhteenveto (CSV)",
        "sv": "Sammanfattning (CSV)",
        "en": "Summary (CSV)",
    },
    "export.summary_xlsx": {
        "fi": "Yhteenveto (Excel)",
        "sv": "Sammanfattning (Excel)",
        "en": "Summary (Excel)",
    },
    "export.answers_csv": {
        "fi": "Nimettömät vastaukset (CSV)",
        "sv": "Anonyma svar (CSV)",
        "en": "Anonymous answers (CSV)",
    },
    "export.answers_xlsx": {
        "fi": "Nimettömät vastaukset (Excel)",
        "sv": "Anonyma svar (Excel)",
        "en": "Anonymous answers (Excel)",
    },
    "export.note": {
        "fi": "Vientitiedostoissa ovat samat rajaukset ja pienten ryhmien piilotukset kuin näytöllä. Vastaukset kuukauden tarkkuudella saa vain ylläpitäjä, ja vain vähintään {k} vastauksen ryhmistä; jokainen lataus kirjataan.",
        "sv": "Exportfilerna har samma avgränsningar och dolda små grupper som skärmen. Svaren per månad får bara administratören, och bara från grupper med minst {k} svar; varje nedladdning registreras.",
        "en": "Exports have the same filters and hidden small groups as the screen. The answers by month are for the admin only, and only from groups of at least {k} answers; each download is recorded.",
    },
}

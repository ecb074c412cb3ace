"""Texts of a round's own questions (issue #27): what staff are told when one does not fit."""

TEXTS: dict[str, dict[str, str]] = {
    "own.where": {"fi": "Kysymys {number}:", "sv": "Fråga {number}:", "en": "Question {number}:"},
    "own.problem.too_many_questions": {
        "fi": "Kierroksella voi olla enintään {max_questions} omaa kysymystä.",
        "sv": "En omgång kan ha högst {max_questions} egna frågor.",
        "en": "A round can have at most {max_questions} questions of its own.",
    },
    "own.problem.kind": {
        "fi": "Kysymyksen laji ”{detail}” ei ole käytössä: valitse asteikko, yksi vaihtoehto, monivalinta, lyhyt teksti tai ohjeteksti.",
        "sv": "Frågetypen ”{detail}” finns inte: välj skala, ett alternativ, flerval, kort text eller informationstext.",
        "en": "The kind “{detail}” is not offered: choose a scale, single choice, multiple choice, short text or a note.",
    },
    "own.problem.name": {
        "fi": "Tunnus ”{detail}” ei kelpaa: kirjain alkuun, sitten kirjaimia, numeroita, _ . tai -, enintään 40 merkkiä, eri kuin muiden kysymysten.",
        "sv": "Namnet ”{detail}” duger inte: en bokstav först, sedan bokstäver, siffror, _ . eller -, högst 40 tecken, olikt de andra frågornas.",
        "en": "The name “{detail}” does not fit: a letter first, then letters, digits, _ . or -, at most 40 characters, unlike the other questions'.",
    },
    "own.problem.text_missing": {
        "fi": "Kysymyksen teksti puuttuu kielellä {language}.",
        "sv": "Frågans text saknas på {language}.",
        "en": "The question's text is missing in {language}.",
    },
    "own.problem.text_too_long": {
        "fi": "Kysymyksen teksti kielellä {language} on liian pitkä: enintään {max_text} merkkiä.",
        "sv": "Frågans text på {language} är för lång: högst {max_text} tecken.",
        "en": "The question's text in {language} is too long: at most {max_text} characters.",
    },
    "own.problem.text_control": {
        "fi": "Kysymyksen tekstissä kielellä {language} on merkkejä, joita ei voi näyttää.",
        "sv": "Frågans text på {language} innehåller tecken som inte kan visas.",
        "en": "The question's text in {language} holds characters that cannot be shown.",
    },
    "own.problem.plain_missing": {
        "fi": "Selkokielinen teksti puuttuu kielellä {language}.",
        "sv": "Lättläst text saknas på {language}.",
        "en": "The plain-language text is missing in {language}.",
    },
    "own.problem.plain_too_long": {
        "fi": "Selkokielinen teksti kielellä {language} on liian pitkä: enintään {max_text} merkkiä.",
        "sv": "Den lättlästa texten på {language} är för lång: högst {max_text} tecken.",
        "en": "The plain-language text in {language} is too long: at most {max_text} characters.",
    },
    "own.problem.plain_control": {
        "fi": "Selkokielisessä tekstissä kielellä {language} on merkkejä, joita ei voi näyttää.",
        "sv": "Den lättlästa texten på {language} innehåller tecken som inte kan visas.",
        "en": "The plain-language text in {language} holds characters that cannot be shown.",
    },
    "own.problem.scale": {
        "fi": "Valitse asteikko (”{detail}” ei ole asteikko).",
        "sv": "Välj en skala (”{detail}” är ingen skala).",
        "en": "Choose a scale (“{detail}” is not one).",
    },
    "own.problem.too_many_choices": {
        "fi": "Vaihtoehtoja voi olla enintään {max_choices}.",
        "sv": "Det kan finnas högst {max_choices} alternativ.",
        "en": "A question can have at most {max_choices} choices.",
    },
    "own.problem.too_few_choices": {
        "fi": "Vaihtoehtoja tarvitaan vähintään {min_choices}.",
        "sv": "Det behövs minst {min_choices} alternativ.",
        "en": "A question needs at least {min_choices} choices.",
    },
    "own.problem.choice_name": {
        "fi": "Vaihtoehdon {choice} tunnus ”{detail}” ei kelpaa: kirjain alkuun, sitten kirjaimia, numeroita, _ . tai -.",
        "sv": "Namnet ”{detail}” på alternativ {choice} duger inte: en bokstav först, sedan bokstäver, siffror, _ . eller -.",
        "en": "Choice {choice}'s name “{detail}” does not fit: a letter first, then letters, digits, _ . or -.",
    },
    "own.problem.choice_repeated": {
        "fi": "Vaihtoehdon {choice} tunnus ”{detail}” on jo käytössä tässä kysymyksessä.",
        "sv": "Namnet ”{detail}” på alternativ {choice} används redan i frågan.",
        "en": "Choice {choice}'s name “{detail}” is already used in this question.",
    },
    "own.problem.choice_missing": {
        "fi": "Vaihtoehto {choice} on tyhjä kielellä {language}.",
        "sv": "Alternativ {choice} är tomt på {language}.",
        "en": "Choice {choice} is empty in {language}.",
    },
    "own.problem.choice_too_long": {
        "fi": "Vaihtoehto {choice} kielellä {language} on liian pitkä: enintään {max_label} merkkiä.",
        "sv": "Alternativ {choice} på {language} är för långt: högst {max_label} tecken.",
        "en": "Choice {choice} in {language} is too long: at most {max_label} characters.",
    },
    "own.problem.choice_control": {
        "fi": "Vaihtoehdossa {choice} kielellä {language} on merkkejä, joita ei voi näyttää.",
        "sv": "Alternativ {choice} på {language} innehåller tecken som inte kan visas.",
        "en": "Choice {choice} in {language} holds characters that cannot be shown.",
    },
    "own.problem.emoji": {
        "fi": "Vaihtoehdon {choice} kuvaksi käy yksi emoji.",
        "sv": "Som bild för alternativ {choice} duger en emoji.",
        "en": "Choice {choice}'s picture is one emoji.",
    },
    "own.problem.groups": {
        "fi": "Ryhmä ”{detail}” ei vastaa tällä kierroksella.",
        "sv": "Gruppen ”{detail}” svarar inte i den här omgången.",
        "en": "The group “{detail}” does not answer this round.",
    },
    # XLSForm workbooks read for a round's questions (rounds.xlsform): each line says what
    # of the workbook cannot be asked, and why.
    "xlsform.not_xlsx": {
        "fi": "ei ole XLSX-työkirja (tallenna se Excelissä muodossa .xlsx)",
        "sv": "är ingen XLSX-arbetsbok (spara den i Excel som .xlsx)",
        "en": "is not an XLSX workbook (save it from Excel as .xlsx)",
    },
    "xlsform.too_large": {
        "fi": "on suurempi kuin {max_mb} Mt; lomake, jossa on 15 kysymystä, on paljon pienempi",
        "sv": "är större än {max_mb} MB; ett formulär med 15 frågor är mycket mindre",
        "en": "is larger than {max_mb} MB; a form of 15 questions is much smaller",
    },
    "xlsform.unpacks_large": {
        "fi": "purkautuu yli {max_unpacked} megatavuksi; lomake on paljon pienempi, joten sitä ei lueta",
        "sv": "packas upp till mer än {max_unpacked} MB; ett formulär är mycket mindre, så den läses inte",
        "en": "unpacks to more than {max_unpacked} MB; a form is much smaller, so it is not read",
    },
    "xlsform.formula": {
        "fi": "solussa {detail} on kaava; kaavoja ei lueta, kirjoita solun arvo",
        "sv": "cellen {detail} innehåller en formel; formler läses inte, skriv värdet",
        "en": "cell {detail} holds a formula; formulas are not read, write its value",
    },
    "xlsform.no_survey": {
        "fi": "työkirjassa ei ole survey-välilehteä, jossa on sarakkeet type, name ja label",
        "sv": "arbetsboken har inget survey-blad med kolumnerna type, name och label",
        "en": "the workbook has no survey sheet with the columns type, name and label",
    },
    "xlsform.sheet": {
        "fi": "välilehteä {detail} ei lueta: ulkoiset valinnat, entiteetit ja kartat eivät ole käytössä",
        "sv": "bladet {detail} läses inte: externa val, entiteter och kartor stöds inte",
        "en": "the sheet {detail} is not read: external choices, entities and maps are not supported",
    },
    "xlsform.empty": {
        "fi": "lomakkeessa ei ole kysymyksiä",
        "sv": "formuläret har inga frågor",
        "en": "the form has no questions",
    },
    "xlsform.type": {
        "fi": "tyyppiä {detail} ei voi kysyä: käytä tyyppejä select_one, select_multiple, text, note tai ryhmää",
        "sv": "typen {detail} kan inte ställas: använd select_one, select_multiple, text, note eller en grupp",
        "en": "the type {detail} cannot be asked: use select_one, select_multiple, text, note or a group",
    },
    "xlsform.private": {
        "fi": "tyyppi {detail} tallentaisi tietoja vastaajasta tai laitteesta, eikä vastauksiin tallenneta sellaista",
        "sv": "typen {detail} skulle spara uppgifter om den som svarar eller enheten, vilket svaren aldrig gör",
        "en": "the type {detail} would record something of the respondent or the device, which answers never keep",
    },
    "xlsform.or_other": {
        "fi": "”{detail}”: muu-vaihtoehto omalla tekstillä ei ole käytössä; lisää erillinen tekstikysymys",
        "sv": "”{detail}”: ett annat-alternativ med egen text stöds inte; lägg till en separat textfråga",
        "en": "“{detail}”: an “other” choice with its own text is not supported; add a text question instead",
    },
    "xlsform.column": {
        "fi": "saraketta {detail} ei tueta: kysymykset kysytään järjestyksessä ilman ehtoja, tarkistuksia, laskentaa tai vihjeitä",
        "sv": "kolumnen {detail} stöds inte: frågorna ställs i ordning utan villkor, kontroller, beräkningar eller tips",
        "en": "the column {detail} is not supported: questions are asked in order, without conditions, checks, calculations or hints",
    },
    "xlsform.choice_column": {
        "fi": "saraketta {detail} ei tueta vaihtoehdoissa (kuvia ja suodattimia ei käytetä)",
        "sv": "kolumnen {detail} stöds inte för alternativ (bilder och filter används inte)",
        "en": "the column {detail} is not supported for choices (pictures and filters are not used)",
    },
    "xlsform.required": {
        "fi": "required on yes tai no, ei lauseke ({detail})",
        "sv": "required är yes eller no, inte ett uttryck ({detail})",
        "en": "required is yes or no, not an expression ({detail})",
    },
    "xlsform.appearance": {
        "fi": "ulkoasua {detail} ei tueta",
        "sv": "utseendet {detail} stöds inte",
        "en": "the appearance {detail} is not supported",
    },
    "xlsform.nested_group": {
        "fi": "ryhmä ryhmän sisällä ei ole käytössä",
        "sv": "en grupp i en grupp stöds inte",
        "en": "a group inside a group is not supported",
    },
    "xlsform.unbalanced_group": {
        "fi": "begin group ja end group eivät ole pareittain",
        "sv": "begin group och end group går inte i par",
        "en": "begin group and end group do not pair up",
    },
    "xlsform.list": {
        "fi": "choices-välilehdellä ei ole listaa {detail}",
        "sv": "choices-bladet har ingen lista {detail}",
        "en": "the choices sheet has no list {detail}",
    },
    "xlsform.name_repeated": {
        "fi": "tunnus {detail} on jo toisella kysymyksellä",
        "sv": "namnet {detail} används redan av en annan fråga",
        "en": "the name {detail} is already used by another question",
    },
    "xlsform.language": {
        "fi": "kieli ”{detail}” ei ole suomi (fi), ruotsi (sv) eikä englanti (en)",
        "sv": "språket ”{detail}” är varken finska (fi), svenska (sv) eller engelska (en)",
        "en": "the language “{detail}” is not Finnish (fi), Swedish (sv) or English (en)",
    },
    "xlsform.no_language": {
        "fi": "sarake {detail} ei kerro kieltä: kirjoita esimerkiksi {detail}::Suomi (fi)",
        "sv": "kolumnen {detail} anger inget språk: skriv till exempel {detail}::Svenska (sv)",
        "en": "the column {detail} names no language: write for example {detail}::English (en)",
    },
    # The dashboard's section of the rounds' own questions, and its file.
    "overview.section.questions": {
        "fi": "Omat kysymykset",
        "sv": "Egna frågor",
        "en": "Own questions",
    },
    "dashboard.own_none": {
        "fi": "Tämän suunnitelman kierroksilla ei ole omia kysymyksiä.",
        "sv": "Omgångarna i den här planen har inga egna frågor.",
        "en": "The rounds of this plan ask no questions of their own.",
    },
    "dashboard.own_title": {
        "fi": "Kierrosten omat kysymykset",
        "sv": "Omgångarnas egna frågor",
        "en": "The rounds' own questions",
    },
    "dashboard.own_note": {
        "fi": "Alle {k} vastaajan ryhmiä ei näytetä (–), ei myöskään lukua, josta ne saisi laskettua. Osuus on kysymykseen vastanneista; monivalinnassa vaihtoehdon valinneiden osuus vastaajista.",
        "sv": "Grupper med färre än {k} svarande visas inte (–), inte heller tal som de kunde räknas fram ur. Andelen är av dem som svarade på frågan; vid flerval andelen svarande som valde alternativet.",
        "en": "Groups of fewer than {k} are withheld (–), and so is any figure they could be worked out from. A share is of those who answered the question; for a multiple choice, the share of respondents who chose it.",
    },
    "dashboard.own_bank": {
        "fi": "Sama kysymys eri kierroksilla ja vuosina",
        "sv": "Samma fråga i olika omgångar och år",
        "en": "The same question across rounds and years",
    },
    "dashboard.own_col.round": {"fi": "Kierros", "sv": "Omgång", "en": "Round"},
    "dashboard.own_col.year": {"fi": "Vuosi", "sv": "År", "en": "Year"},
    "dashboard.own_col.question": {"fi": "Kysymys", "sv": "Fråga", "en": "Question"},
    "dashboard.own_col.choice": {"fi": "Vaihtoehto", "sv": "Alternativ", "en": "Choice"},
    "dashboard.own_col.respondents": {"fi": "Vastaajia", "sv": "Svarande", "en": "Respondents"},
    "dashboard.own_col.share": {"fi": "Osuus", "sv": "Andel", "en": "Share"},
    "export.questions_csv": {
        "fi": "Omat kysymykset (CSV)",
        "sv": "Egna frågor (CSV)",
        "en": "Own questions (CSV)",
    },
    # The /rounds page: a round's own questions from the bank or an XLSForm workbook.
    "rounds.own_bank": {
        "fi": "Kysymyspankin kysymykset",
        "sv": "Frågor ur frågebanken",
        "en": "Questions from the question bank",
    },
    "rounds.own_bank_help": {
        "fi": "THL:n valmiit kysymykset ja kunnan omat. Sama kysymys eri kierroksilla lasketaan yhdeksi, joten sitä voi verrata vuodesta toiseen.",
        "sv": "THL:s färdiga frågor och kommunens egna. Samma fråga i olika omgångar räknas som en, så den kan jämföras år för år.",
        "en": "THL's ready-made questions and the municipality's own. The same question in several rounds counts as one, so it can be compared year by year.",
    },
    "rounds.own_form": {
        "fi": "Omat kysymykset XLSForm-työkirjasta (.xlsx)",
        "sv": "Egna frågor ur en XLSForm-arbetsbok (.xlsx)",
        "en": "Own questions from an XLSForm workbook (.xlsx)",
    },
    "rounds.own_form_help": {
        "fi": "Lomake, jossa on survey-, choices- ja settings-välilehdet ja sarake label::Suomi (fi) kullekin kielelle (ODK, KoboToolbox). Enintään 2 Mt. Näet kysymykset ennen kuin avaat kierroksen.",
        "sv": "Ett formulär med bladen survey, choices och settings och en kolumn label::Svenska (sv) per språk (ODK, KoboToolbox). Högst 2 MB. Du ser frågorna innan du öppnar omgången.",
        "en": "A form with survey, choices and settings sheets and a label::English (en) column per language (ODK, KoboToolbox). At most 2 MB. You see the questions before you open the round.",
    },
    "rounds.own_form_refused": {
        "fi": "Kierrosta ei avattu: korjaa lomakkeen kohdat, jotka on lueteltu yllä.",
        "sv": "Omgången öppnades inte: rätta det i formuläret som räknas upp ovan.",
        "en": "The round was not opened: fix what is listed above in the form.",
    },
    "rounds.own_preview": {
        "fi": "Omat kysymykset, yksi kerrallaan",
        "sv": "Egna frågor, en i taget",
        "en": "Own questions, one at a time",
    },
    "rounds.own_form_download": {
        "fi": "Lataa kierroksen kysymykset (XLSForm)",
        "sv": "Ladda ner omgångens frågor (XLSForm)",
        "en": "Download the round's questions (XLSForm)",
    },
    "rounds.own_count": {
        "fi": "Kirjoita omia kysymyksiä (montako)",
        "sv": "Skriv egna frågor (hur många)",
        "en": "Write questions of your own (how many)",
    },
    "rounds.own_kind": {
        "fi": "Kysymys {number}: laji",
        "sv": "Fråga {number}: typ",
        "en": "Question {number}: kind",
    },
    "rounds.own_kind.scale": {"fi": "Asteikko", "sv": "Skala", "en": "Scale"},
    "rounds.own_kind.single": {
        "fi": "Yksi vaihtoehto",
        "sv": "Ett alternativ",
        "en": "Single choice",
    },
    "rounds.own_kind.multiple": {"fi": "Monivalinta", "sv": "Flerval", "en": "Multiple choice"},
    "rounds.own_kind.text": {"fi": "Lyhyt teksti", "sv": "Kort text", "en": "Short text"},
    "rounds.own_kind.note": {"fi": "Ohjeteksti", "sv": "Informationstext", "en": "Note"},
    "rounds.own_text": {
        "fi": "Kysymys ({language})",
        "sv": "Frågan ({language})",
        "en": "The question ({language})",
    },
    "rounds.own_required": {
        "fi": "Pakollinen",
        "sv": "Obligatorisk",
        "en": "Required",
    },
    "rounds.own_choices": {
        "fi": "Vaihtoehdot: yksi rivi kutakin, sarake kullekin kielelle ja halutessasi emoji ({min}–{max} vaihtoehtoa)",
        "sv": "Alternativen: en rad för vart och ett, en kolumn per språk och en emoji om du vill ({min}–{max} alternativ)",
        "en": "The choices: a row each, a column per language and an emoji if you like ({min}–{max} choices)",
    },
}

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
}

"""Texts of the front page."""

TEXTS: dict[str, dict[str, str]] = {
    "app.name": {
        "fi": "Lasten ja nuorten palaute",
        "sv": "Barns och ungas respons",
        "en": "Children's and youth feedback",
    },
    "app.intro": {
        "fi": "Lapset, nuoret ja perheet kertovat, mitä mieltä he ovat kunnan lasten ja nuorten "
        "hyvinvointisuunnitelman toimenpiteistä. Vastaukset ovat nimettömiä.",
        "sv": "Barn, unga och familjer berättar vad de tycker om åtgärderna i kommunens "
        "välfärdsplan för barn och unga. Svaren är anonyma.",
        "en": "Children, young people and families say what they think of the actions in their "
        "municipality's child and youth welfare plan. Answers are anonymous.",
    },
    "app.how_to_answer": {
        "fi": "Vastaamaan pääset kyselyn linkistä tai QR-koodista.",
        "sv": "Du kommer till enkäten via dess länk eller QR-kod.",
        "en": "To answer, open the survey's link or scan its QR code.",
    },
    "app.staff_link": {
        "fi": "Henkilöstölle: kirjaudu sisään",
        "sv": "För personalen: logga in",
        "en": "For staff: sign in",
    },
    "app.start_with_app_py": {
        "fi": "Sovellus käynnistetään komennolla `streamlit run app.py` (tai `scripts/run.sh`). Pelkkä `streamlit_app.py` ei palvele vastaussivua, kirjautumisevästettä eikä suojausotsakkeita.",
        "sv": "Appen startas med `streamlit run app.py` (eller `scripts/run.sh`). Enbart `streamlit_app.py` serverar varken svarssidan, inloggningskakan eller säkerhetshuvudena.",
        "en": "Start the app with `streamlit run app.py` (or `scripts/run.sh`). `streamlit_app.py` alone serves neither the answer page, the sign-in cookie nor the security headers.",
    },
    "app.unavailable_title": {
        "fi": "Palvelu ei ole juuri nyt käytettävissä",
        "sv": "Tjänsten går inte att använda just nu",
        "en": "The service cannot be used just now",
    },
    "app.unavailable_body": {
        "fi": "Vika ei ole sinun. Yritä hetken päästä uudelleen.",
        "sv": "Felet är inte ditt. Försök igen om en stund.",
        "en": "It is not your fault. Try again in a moment.",
    },
}

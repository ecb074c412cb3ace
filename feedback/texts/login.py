"""Texts of signing in and out, and of pages that need a signed-in user."""

TEXTS: dict[str, dict[str, str]] = {
    "login.title": {"fi": "Kirjautuminen", "sv": "Inloggning", "en": "Sign in"},
    "login.username": {"fi": "Käyttäjätunnus", "sv": "Användarnamn", "en": "Username"},
    "login.password": {"fi": "Salasana", "sv": "Lösenord", "en": "Password"},
    "login.submit": {"fi": "Kirjaudu", "sv": "Logga in", "en": "Sign in"},
    "login.wrong": {
        "fi": "Käyttäjätunnus tai salasana on väärin.",
        "sv": "Användarnamnet eller lösenordet är fel.",
        "en": "The username or password is wrong.",
    },
    "login.wait": {
        "fi": "Liian monta yritystä. Yritä uudelleen {seconds} sekunnin kuluttua.",
        "sv": "För många försök. Försök igen om {seconds} sekunder.",
        "en": "Too many attempts. Try again in {seconds} seconds.",
    },
    "login.busy": {
        "fi": "Kirjautumisia on juuri nyt paljon. Yritä uudelleen hetken kuluttua.",
        "sv": "Just nu loggar många in. Försök igen om en stund.",
        "en": "Many people are signing in right now. Try again in a moment.",
    },
    "login.signed_in_as": {
        "fi": "Olet kirjautunut: {user} ({role})",
        "sv": "Du är inloggad: {user} ({role})",
        "en": "Signed in: {user} ({role})",
    },
    "login.sign_out": {"fi": "Kirjaudu ulos", "sv": "Logga ut", "en": "Sign out"},
    "login.continue_here": {"fi": "Jatka", "sv": "Fortsätt", "en": "Continue"},
    "login.signed_out": {
        "fi": "Olet kirjautunut ulos.",
        "sv": "Du har loggat ut.",
        "en": "You have signed out.",
    },
    "login.change_title": {"fi": "Vaihda salasana", "sv": "Byt lösenord", "en": "Change password"},
    "login.must_change": {
        "fi": "Vaihda kertakäyttöinen salasanasi ennen kuin jatkat.",
        "sv": "Byt ditt engångslösenord innan du fortsätter.",
        "en": "Change your one-time password before you go on.",
    },
    "login.old_password": {
        "fi": "Nykyinen salasana",
        "sv": "Nuvarande lösenord",
        "en": "Current password",
    },
    "login.new_password": {
        "fi": "Uusi salasana (vähintään 12 merkkiä)",
        "sv": "Nytt lösenord (minst 12 tecken)",
        "en": "New password (at least 12 characters)",
    },
    "login.change_submit": {"fi": "Vaihda salasana", "sv": "Byt lösenord", "en": "Change password"},
    "login.too_short": {
        "fi": "Uudessa salasanassa pitää olla vähintään 12 merkkiä, eikä se saa olla sama kuin vanha.",
        "sv": "Det nya lösenordet måste ha minst 12 tecken och får inte vara detsamma som det gamla.",
        "en": "The new password needs at least 12 characters and must differ from the old one.",
    },
    "login.required": {
        "fi": "Tämä sivu on henkilöstölle. Kirjaudu ensin sisään.",
        "sv": "Den här sidan är för personalen. Logga in först.",
        "en": "This page is for staff. Please sign in first.",
    },
    "login.forbidden": {
        "fi": "Sinulla ei ole oikeutta tälle sivulle.",
        "sv": "Du har inte behörighet till den här sidan.",
        "en": "You do not have access to this page.",
    },
    "login.go": {"fi": "Kirjautumissivulle", "sv": "Till inloggningen", "en": "Go to sign-in"},
    "login.continue": {
        "fi": "Jatka: yhteenveto",
        "sv": "Fortsätt: översikt",
        "en": "Continue: overview",
    },
    "role.admin": {"fi": "pääkäyttäjä", "sv": "huvudanvändare", "en": "administrator"},
    "role.staff": {"fi": "henkilöstö", "sv": "personal", "en": "staff"},
    "role.council": {"fi": "nuorisovaltuusto", "sv": "ungdomsfullmäktige", "en": "youth council"},
    "login.not_configured": {
        "fi": "Kirjautumista ei ole otettu käyttöön: ylläpitäjän pitää ajaa komento feedback init.",
        "sv": "Inloggningen är inte i bruk: administratören ska köra kommandot feedback init.",
        "en": "Sign-in is not set up: the administrator needs to run the command feedback init.",
    },
    "login.sso_button": {
        "fi": "Kirjaudu kunnan tunnuksella",
        "sv": "Logga in med kommunens konto",
        "en": "Sign in with the municipality's account",
    },
    "login.sso_or_password": {
        "fi": "Tai kirjaudu käyttäjätunnuksella ja salasanalla",
        "sv": "Eller logga in med användarnamn och lösenord",
        "en": "Or sign in with a username and password",
    },
    "login.sso_unmapped": {
        "fi": "Kunnan tunnuksellasi ei ole pääsyä tähän palveluun. Pyydä ylläpitäjää lisäämään ryhmäsi.",
        "sv": "Ditt kommunkonto har ingen åtkomst till den här tjänsten. Be administratören lägga till din grupp.",
        "en": "Your municipality account has no access to this service. Ask the administrator to add your group.",
    },
    "login.sso_disabled": {
        "fi": "Käyttäjätunnuksesi on poistettu käytöstä. Ota yhteys ylläpitäjään.",
        "sv": "Ditt konto har stängts av. Kontakta administratören.",
        "en": "Your account has been disabled. Contact the administrator.",
    },
    "login.sso_taken": {
        "fi": "Tällä nimellä on jo salasanalla kirjautuva käyttäjätunnus. Ota yhteys ylläpitäjään.",
        "sv": "Det finns redan ett konto med lösenord med det här namnet. Kontakta administratören.",
        "en": "A password account with this name exists already. Contact the administrator.",
    },
    "login.sso_nameless": {
        "fi": "Kunnan tunnuksesta puuttuu käyttäjänimi. Ota yhteys ylläpitäjään.",
        "sv": "Kommunkontot saknar användarnamn. Kontakta administratören.",
        "en": "The municipality account has no username. Contact the administrator.",
    },
    "login.sso_other_account": {
        "fi": "Kirjaudu toisella tunnuksella",
        "sv": "Logga in med ett annat konto",
        "en": "Sign in with another account",
    },
    "login.sso_on_the_way": {
        "fi": "Siirrytään kunnan kirjautumissivulle…",
        "sv": "Du skickas till kommunens inloggningssida…",
        "en": "Taking you to the municipality's sign-in page…",
    },
    "login.sso_signing_out": {
        "fi": "Kirjaudutaan ulos myös kunnan tunnukselta…",
        "sv": "Du loggas ut från kommunens konto också…",
        "en": "Signing you out of the municipality's account too…",
    },
}

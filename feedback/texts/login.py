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
}

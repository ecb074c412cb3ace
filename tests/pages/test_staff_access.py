"""Who may open the staff pages: nobody without a live session, no council member; each user
sees only their own actors' rounds and figures."""

import pytest

from feedback.staff import auth
from feedback.ui.escaping import plain
from tests.support.pages import STAFF_PAGES, page
from tests.support.rounds import answered, open_round
from tests.support.users import signed_in


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_a_staff_page_without_a_session_shows_nothing_but_the_way_to_sign_in(app_env, round_, name):
    at = page(name)
    assert not at.exception
    assert at.warning[0].value == "Tämä sivu on henkilöstölle. Kirjaudu ensin sisään."
    assert not at.dataframe and not at.table and not at.code and not at.selectbox


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_a_revoked_or_made_up_session_is_refused(app_env, admin, name):
    auth.logout(app_env, admin)
    for session in (admin, "made-up-session-id"):
        at = page(name, session=session)
        assert at.warning[0].value == "Tämä sivu on henkilöstölle. Kirjaudu ensin sisään."


@pytest.mark.parametrize("name", STAFF_PAGES)
def test_a_council_member_cannot_open_staff_pages(app_env, name):
    at = page(name, session=signed_in(app_env, "nuva", role=auth.Role.COUNCIL))
    assert at.error[0].value == "Sinulla ei ole oikeutta tälle sivulle."


def test_a_user_who_must_change_the_password_is_sent_to_do_that(app_env):
    one_time = auth.add_user(app_env, "uusi", role=auth.Role.ADMIN)
    at = page("overview", session=auth.login(app_env, "uusi", one_time))
    assert at.warning[0].value == "Tämä sivu on henkilöstölle. Kirjaudu ensin sisään."


def test_staff_see_only_their_own_actors_rounds_and_figures(app_env):
    hamina_round = open_round(app_env, action_id="mini:a1")  # actor hamina
    kotka_round = open_round(app_env, action_id="mini:a2")  # actor kotka
    for round_ in (hamina_round, kotka_round):
        answered(app_env, round_, *[5] * 12)
    hamina = signed_in(app_env, "hamina", role=auth.Role.STAFF, actors=("mini:hamina",))
    rounds_page = page("rounds", session=hamina)
    offered = next(s for s in rounds_page.selectbox if s.label == "Kierros").options
    assert any(hamina_round.code in o for o in offered)
    assert not any(kotka_round.code in o for o in offered)
    table = page("overview", session=hamina).table[0].value
    row = table[table["Tavoite"].str.endswith(plain("1. Lapsia kuullaan"))].iloc[0]
    assert row["Vastauksia"] == "12", "only Hamina's 12 answers, not Kotka's"

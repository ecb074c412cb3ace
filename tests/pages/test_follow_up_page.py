"""The yearly follow-up page (/follow_up): staff record their own actors' actions."""

from feedback.plans import follow_up
from feedback.staff import auth
from tests.support.pages import page, press
from tests.support.users import signed_in


def edit(at, key: str, rows: dict) -> None:
    """Edit cells of the data editor `key` as a person does (rows by position)."""
    at.session_state[key] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}


def test_staff_see_their_actors_actions_missing_first_and_save_one_in_place(app_env):
    year = follow_up.default_year(app_env, "mini")
    follow_up.record(
        app_env, action_id="mini:a1", year=year, kept=follow_up.entry(status="started"),
        language="fi", by="hanna",
    )  # fmt: skip
    staff = signed_in(app_env, "hanna", role=auth.Role.STAFF, actors=("mini:hamina",))
    at = page("follow_up", session=staff, lang="en")
    assert not at.exception
    assert [s.value for s in at.subheader] == ["Haminan kaupunki"]  # not Kotka's
    assert at.caption[0].value == f"1 of 2 actions have nothing recorded for {year}."
    shown = at.dataframe[0].value
    assert list(shown["action"]) == ["a3 · Maksuton kerhotoiminta", "a1 · Children's parliament"]
    assert list(shown["status"]) == ["Missing", "Started"]
    # Mark the missing one dropped without saying why: refused, nothing kept, the edit stays.
    key = f"follow-up-mini-{year}-mini:hamina"
    edit(at, key, {0: {"status": "Dropped"}})
    press(at, "Save changes")
    assert at.error[0].value == "Nothing was saved. Fix these places:"
    assert "a3: What it became / why dropped:" in at.code[0].value
    assert follow_up.history(app_env, "mini:a3") == []
    edit(at, key, {0: {"status": "Dropped", "detail": "No room", "public": True}})
    press(at, "Save changes")
    assert at.success[0].value == "Saved: 1 actions."
    [kept] = follow_up.history(app_env, "mini:a3")
    assert (kept.status, kept.detail, kept.public, kept.recorded_by) == (
        "dropped",
        "No room",
        True,
        "hanna",
    )


def test_the_evidence_is_a_link_whose_text_is_the_address_and_only_http_is_kept(app_env):
    import json

    year = follow_up.default_year(app_env, "mini")
    address = "https://hamina.example/raportti?osa=<b>kerho</b>"
    follow_up.record(
        app_env, action_id="mini:a1", year=year,
        kept=follow_up.entry(status="started", evidence=address), language="fi", by="hanna",
    )  # fmt: skip
    staff = signed_in(app_env, "hanna", role=auth.Role.STAFF, actors=("mini:hamina",))
    at = page("follow_up", session=staff, lang="en")
    table = at.dataframe[0]
    evidence = json.loads(table.proto.columns)["evidence"]
    assert evidence["type_config"]["type"] == "link"  # a link the table draws, no HTML
    assert "display_text" not in evidence["type_config"]  # its text is the address itself
    assert list(table.value["evidence"]) == ["", address]
    key = f"follow-up-mini-{year}-mini:hamina"
    edit(at, key, {1: {"evidence": "javascript:alert(1)"}})
    press(at, "Save changes")
    assert "a1: Evidence link: an http:// or https:// address" in at.code[0].value
    assert follow_up.history(app_env, "mini:a1")[0].evidence == address

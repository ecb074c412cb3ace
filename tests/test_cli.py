import json
import subprocess
import sys
from datetime import date

import click
import pytest
from click.testing import CliRunner

from feedback import rounds, settings
from feedback.cli import cli
from tests.support.mail import LoopbackSmtp
from tests.support.rounds import answered, open_round


@pytest.fixture
def run(db_path):
    runner = CliRunner()

    def invoke(command, *args, ok=True):
        result = runner.invoke(cli, [*command.split(), "--db", str(db_path), *args])
        if ok:
            assert result.exit_code == 0, result.output
        return result

    return invoke


def plans_dir_with(tmp_path, plan_file):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "mini.yaml").write_text(plan_file.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_init_imports_every_plan_and_is_idempotent(db_path, tmp_path, plan_file):
    folder = plans_dir_with(tmp_path, plan_file)
    runner = CliRunner()
    first = runner.invoke(cli, ["init", "--db", str(db_path), "--plans-dir", str(folder)])
    assert first.exit_code == 0, first.output
    assert "imported: mini.yaml" in first.output
    again = runner.invoke(cli, ["init", "--db", str(db_path), "--plans-dir", str(folder)])
    assert "unchanged: mini.yaml" in again.output


def test_plans_and_actions_as_json(run, plan_file):
    run("import-plan", str(plan_file))
    [plan] = json.loads(run("plans", "--json").output)
    assert plan["id"] == "mini"
    assert (plan["main_goals"], plan["sub_goals"], plan["actions"], plan["indicators"]) == (
        2,
        3,
        4,
        1,
    )
    actions = json.loads(run("actions", "--plan", "mini", "--json").output)
    assert [a["id"] for a in actions] == ["mini:a1", "mini:a2", "mini:a3", "mini:a4"]
    assert actions[0]["actor_id"] == "mini:hamina"


def test_round_create_prints_code_and_link_and_list_shows_it(run, plan_file, db_path):
    run("import-plan", str(plan_file))
    created = run(
        "round create",
        *("--action", "mini:a1", "--scale", "faces3", "--language", "fi", "--language", "sv"),
        *("--subject", "fi= Nuorisotalon kerho ", "--subject", "sv=Ungdomsgårdens klubb"),
    ).output
    code = created.split("code: ")[1].split()[0]
    assert f"/answer/{code}" in created
    stored = rounds.get_by_code(db_path, code)
    assert stored.subjects == {"fi": "Nuorisotalon kerho", "sv": "Ungdomsgårdens klubb"}
    [listed] = json.loads(run("round list", "--json").output)
    assert (listed["code"], listed["action_id"], listed["status"], listed["answers"]) == (
        code,
        "mini:a1",
        "open",
        "0",
    )


def test_round_create_for_an_unknown_action_says_how_to_find_one(run, plan_file):
    run("import-plan", str(plan_file))
    result = run(
        "round create",
        "--action",
        "mini:zzz",
        "--language",
        "fi",
        "--subject",
        "fi=Kerho",
        ok=False,
    )
    assert result.exit_code != 0
    assert "feedback actions" in result.output


@pytest.mark.parametrize(
    ("subjects", "says"),
    [
        (("--subject", "fi=Kerho"), "the subject in language 'sv' is missing"),
        (("--subject", "fi=Kerho", "--subject", "sv=" + "x" * 61), "'sv' is longer than 60"),
        (("--subject", "Kerho"), "write it as LANG=TEXT"),
    ],
)
def test_round_create_without_a_fitting_subject_for_each_language_is_refused_in_one_line(
    run, plan_file, db_path, subjects, says
):
    run("import-plan", str(plan_file))
    result = run(
        "round create",
        "--action",
        "mini:a1",
        "--language",
        "fi",
        "--language",
        "sv",
        *subjects,
        ok=False,
    )
    assert result.exit_code != 0
    [line] = result.output.strip().splitlines()
    assert says in line
    assert rounds.list_rounds(db_path) == []


def test_a_broken_plan_file_fails_with_one_line_per_problem(run, tmp_path, plan_file):
    bad = tmp_path / "bad.yaml"
    bad.write_text(plan_file.read_text().replace("ease: medium", "ease: so-so"), encoding="utf-8")
    result = run("import-plan", str(bad), ok=False)
    assert result.exit_code == 1
    assert f"{bad}:" in result.output and "sub_goals[0].ease" in result.output
    assert json.loads(run("plans", "--json").output) == []


def test_round_list_counts_answers_as_figures_with_small_groups_hidden(run, plan_file, db_path):
    from tests.support.rounds import answered, open_round

    run("import-plan", str(plan_file))
    small = open_round(db_path, action_id="mini:a1")
    large = open_round(db_path, action_id="mini:a3")
    answered(db_path, small, 4, 4, 4)
    answered(db_path, large, *[5] * 23)
    k = settings.min_group_size()
    header, *rows = run("round list").output.splitlines()
    assert header == "code      action   status  answers"
    assert sorted(rows) == sorted(
        [f"{small.code}  mini:a1  open    {f'< {k}':>7}", f"{large.code}  mini:a3  open    {23:>7}"]
    )


def test_demo_is_deterministic_for_a_seed(tmp_path, plan_file):
    outputs = []
    for name in ("a.db", "b.db"):
        db = str(tmp_path / name)
        runner = CliRunner()
        runner.invoke(cli, ["import-plan", "--db", db, str(plan_file)])
        result = runner.invoke(cli, ["demo", "--db", db, "--answers", "200", "--seed", "7"])
        assert "added 200 synthetic answers" in result.output
        outputs.append(
            json.loads(runner.invoke(cli, ["round", "list", "--db", db, "--json"]).output)
        )
    assert outputs[0] == outputs[1]
    counts = [r["answers"] for r in outputs[0]]
    assert all(c == "< 10" or int(c) >= 10 for c in counts), "a figure: small groups hidden"
    assert any(c != "< 10" for c in counts)


def test_every_command_is_documented_in_help():
    runner = CliRunner()
    top = runner.invoke(cli, ["--help"]).output
    for name, command in cli.commands.items():
        assert name in top
        assert command.help, f"{name} has no help text"
        sub = runner.invoke(cli, [name, "--help"]).output
        # validate reads files and languages the catalogues: neither touches a store.
        assert (
            "--db" in sub or isinstance(command, click.Group) or name in ("validate", "languages")
        )

    def leaves(group: click.Group, path: list[str]):
        for name, command in group.commands.items():
            assert command.help
            if isinstance(command, click.Group):
                yield from leaves(command, [*path, name])
            else:
                yield [*path, name]

    for words in leaves(cli, []):
        if len(words) > 1:
            assert "--db" in runner.invoke(cli, [*words, "--help"]).output, words


def test_python_dash_m_feedback_runs_with_the_database_from_the_environment(tmp_path, plan_file):
    env = {"FEEDBACK_DB": str(tmp_path / "env.db"), "PATH": ""}
    done = subprocess.run(
        [sys.executable, "-m", "feedback", "import-plan", str(plan_file)],
        env=env,
        capture_output=True,
        text=True,
        cwd=settings.PROJECT_ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "env.db").exists()


def test_user_add_prints_a_one_time_password_and_list_never_shows_one(run, plan_file):
    run("import-plan", str(plan_file))
    added = run("user add", "Maija", "--role", "staff", "--actor", "mini:hamina").output
    password = added.split("one-time password: ")[1].split()[0]
    assert len(password) >= 12
    listed = json.loads(run("user list", "--json").output)
    assert listed == [
        {
            "username": "maija",
            "role": "staff",
            "actors": ["mini:hamina"],
            "disabled": False,
            "must_change_password": True,
            "single_sign_on": False,
        }
    ]
    assert password not in run("user list").output


def test_user_add_refuses_staff_without_an_actor(run):
    result = run("user add", "pekka", "--role", "staff", ok=False)
    assert result.exit_code != 0 and "at least one --actor" in result.output


def test_user_disable(run, plan_file):
    run("import-plan", str(plan_file))
    run("user add", "maija", "--role", "admin")
    assert "disabled: maija" in run("user disable", "maija").output
    assert json.loads(run("user list", "--json").output)[0]["disabled"] is True
    assert run("user disable", "nobody", ok=False).exit_code != 0


def test_user_map_add_list_and_remove_keep_the_single_sign_on_rules(run, plan_file):
    run("import-plan", str(plan_file))
    assert (
        "mapped: Hamina staff -> staff mini:hamina"
        in run(
            "user map add", "--group", "Hamina staff", "--role", "staff", "--actor", "mini:hamina"
        ).output
    )
    run("user map add", "--group", "0b9e-admins", "--role", "admin")
    assert json.loads(run("user map list", "--json").output) == [
        {"claim_value": "0b9e-admins", "role": "admin", "actors": []},
        {"claim_value": "Hamina staff", "role": "staff", "actors": ["mini:hamina"]},
    ]
    assert "removed: Hamina staff" in run("user map remove", "--group", "Hamina staff").output
    assert run("user map list").output == "group        role   actors\n0b9e-admins  admin\n"


def test_user_map_add_refuses_staff_without_an_actor_and_unknown_actors(run, plan_file):
    run("import-plan", str(plan_file))
    result = run("user map add", "--group", "g", "--role", "staff", ok=False)
    assert "at least one --actor" in result.output
    result = run("user map add", "--group", "g", "--role", "staff", "--actor", "no:such", ok=False)
    assert "unknown actor 'no:such'" in result.output
    assert run("user map remove", "--group", "g", ok=False).exit_code != 0
    assert run("user map list").output == (
        "no single sign-on rules yet; `feedback user map add` adds one\n"
    )


@pytest.mark.parametrize(
    "command",
    [
        "plans",
        "actions",
        "round list",
        "round poster abcdefgh --out poster.pdf",
        "user list",
        "user disable someone",
        "demo --answers 10",
        "retention",
        "backup --out copy.db",
    ],
)
def test_a_command_on_a_database_that_is_not_there_says_so_and_makes_none(tmp_path, command):
    missing = tmp_path / "mistyped" / "feedback.db"
    result = CliRunner().invoke(cli, [*command.split(), "--db", str(missing)])
    assert result.exit_code != 0
    assert f"no database at {missing}" in result.output
    assert not missing.parent.exists(), "no folder and no empty database left behind"


def test_kiosk_enrol_list_and_revoke(run, db_path, plan_file, monkeypatch):
    monkeypatch.setenv("FEEDBACK_BASE_URL", "https://palaute.example.fi")
    run("import-plan", str(plan_file))
    code = open_round(db_path, action_id="mini:a1").code

    enrolled = run("kiosk enrol", code, "--label", "Nuorisotalon aula").output.splitlines()

    kiosk_id = enrolled[0].removeprefix("kiosk: ")
    assert enrolled[1].startswith(
        "enrolment link (open it on the tablet within 15 minutes, once): "
        "https://palaute.example.fi/kiosk/enrol?t="
    )
    assert run("kiosk list", code).output.splitlines() == [
        f"{'kiosk':{len(kiosk_id)}}  round     enrolled by  on          state   flagged  name",
        f"{kiosk_id}  {code}  operator     {date.today()}  in use        0  Nuorisotalon aula",
    ]
    assert run("kiosk revoke", kiosk_id).output == f"revoked kiosk {kiosk_id}\n"
    [listed] = json.loads(run("kiosk list", "--json").output)
    assert (listed["id"], listed["revoked"], listed["flagged"]) == (kiosk_id, True, 0)
    assert "no kiosk 'nosuch'" in run("kiosk revoke", "nosuch", ok=False).output
    assert "no round 'nosuchro'" in run("kiosk enrol", "nosuchro", "--label", "x", ok=False).output
    assert "label" in run("kiosk enrol", code, "--label", " ", ok=False).output
    assert run("kiosk list", "nosuchro").output == (
        "no kiosks for round nosuchro; `feedback kiosk enrol CODE --label TEXT` makes one\n"
    )


def test_every_list_on_an_empty_store_says_so_and_how_to_begin(run):
    said = {
        command: run(command).output
        for command in (
            "plans",
            "actions",
            "round list",
            "kiosk list",
            "user list",
            "user map list",
        )
    }
    assert said == {
        "plans": "no plans yet; `feedback init` imports the ones in data/plans/\n",
        "actions": "no actions yet; `feedback plans` lists the plans, `feedback import-plan` "
        "adds one\n",
        "round list": "no rounds yet; `feedback round create` opens one\n",
        "kiosk list": "no kiosks yet; `feedback kiosk enrol CODE --label TEXT` makes one\n",
        "user list": "no users yet; `feedback user add NAME --role admin` adds one\n",
        "user map list": "no single sign-on rules yet; `feedback user map add` adds one\n",
    }
    assert json.loads(run("round list", "--json").output) == [], "--json stays a list"


def test_counts_are_printed_with_their_noun_in_the_right_number(run, plan_file):
    run("import-plan", str(plan_file))
    assert run("demo", "--answers", "1").output.startswith("added 1 synthetic answer (")
    assert run("demo", "--answers", "2").output.startswith("added 2 synthetic answers (")
    [plan] = json.loads(run("plans", "--json").output)
    counts = run("plans").output.split("\t")[2:6]
    nouns = [("main_goals", "main goal"), ("sub_goals", "sub-goal"), ("actions", "action")]
    nouns.append(("indicators", "indicator"))
    assert counts == [
        f"{plan[field]} {noun if plan[field] == 1 else noun + 's'}" for field, noun in nouns
    ]
    assert run("retention").output.startswith("removed: 0 comments from before ")
    assert "(kept 1 month)" in run("retention", "--months", "1").output
    assert (
        "(kept 24 months), 0 ended sessions, 0 old sign-in attempts"
        in run("retention", "--months", "24").output
    )


def test_actions_and_users_are_printed_in_aligned_columns_under_a_header(run, plan_file):
    run("import-plan", str(plan_file))
    run("user add", "maija", "--role", "staff", "--actor", "mini:hamina")
    run("user add", "administrator", "--role", "admin")
    assert run("user list").output.splitlines() == [
        "user           role   status  sign-in   actors",
        "administrator  admin  active  password",
        "maija          staff  active  password  mini:hamina",
    ]
    header, *rows = run("actions", "--plan", "mini").output.splitlines()
    assert header.split() == ["action", "sub-goal", "actor", "text"]
    starts = {header.index(word) for word in ("sub-goal", "actor", "text")}
    for row in rows:
        assert all(row[start - 2 : start] == "  " and row[start] != " " for start in starts), row
    assert run("actions", "--plan", "nosuch").output.startswith("no actions in plan 'nosuch';")


def test_safeguarding_contacts_are_named_listed_removed_and_alerts_sent(run, plan_db, monkeypatch):
    added = run("safeguarding contact add", "--actor", "mini:hamina", "--email", "k@hamina.fi")
    assert added.output == "contact of mini:hamina: k@hamina.fi\n"
    refused = run("safeguarding contact add", "--actor", "mini:x", "--email", "k@x.fi", ok=False)
    assert refused.exit_code == 1 and "no actor 'mini:x'" in refused.output
    added = run("safeguarding contact add", "--actor", "mini:hamina", "--email", "n@h.fi", "--next")
    assert added.output == "contact of mini:hamina: n@h.fi (told of alerts not handled in time)\n"
    listed = run("safeguarding contact list").output
    assert "mini:hamina  k@hamina.fi  first  operator" in listed
    assert "mini:hamina  n@h.fi       next   operator" in listed
    run("user add", "paakayttaja", "--role", "admin")
    assert run("user email", "paakayttaja", "a@h.fi").output == "e-mail of paakayttaja: a@h.fi\n"
    assert "a@h" in run("user email", "paakayttaja", "a@h", ok=False).output
    assert "no user 'nobody'" in run("user email", "nobody", "a@h.fi", ok=False).output
    monkeypatch.delenv("FEEDBACK_SMTP_URL", raising=False)
    assert "FEEDBACK_SMTP_URL is not set" in run("safeguarding send", ok=False).output
    round_ = open_round(plan_db, action_id="mini:a1", free_text=True)
    answered(plan_db, round_, 2, text="haluun kuolla")
    with LoopbackSmtp() as smtp:
        monkeypatch.setenv("FEEDBACK_SMTP_URL", smtp.url)
        assert run("safeguarding send").output == "sent: 1 alert\n"
    assert [m["To"] for m in smtp.messages] == ["k@hamina.fi"]
    run("safeguarding contact remove", "--actor", "mini:hamina", "--email", "k@hamina.fi")
    run("safeguarding contact remove", "--actor", "mini:hamina", "--email", "n@h.fi")
    assert "no safeguarding contacts yet" in run("safeguarding contact list").output


def test_languages_prints_each_languages_coverage_and_writes_the_side_by_side_review(tmp_path):
    review = tmp_path / "review.html"
    done = CliRunner().invoke(cli, ["languages", "--review", str(review)])
    assert done.exit_code == 0, done.output
    lines = done.output.splitlines()
    assert lines[0].split() == ["code", "name", "direction", "status", "translated"]
    assert lines[1].split() == ["fi", "Suomi", "ltr", "reviewed", "100%"]
    page = review.read_text(encoding="utf-8")
    assert "<th>face.1</th>" in page and ">Tosi huono<" in page and ">Mycket dåligt<" in page


def test_a_rounds_alerting_is_changed_while_it_runs_and_its_mails_sent(run, plan_db, monkeypatch):
    round_ = open_round(plan_db, action_id="mini:a1", free_text=True)
    shown = run("round alerting", round_.code, "--every-comment", "--digest-to", "o@h.fi").output
    assert "alert on every comment: on\ndaily digest to: o@h.fi\ndrop alert to: off\n" in shown
    assert "operator: alert_every_comment on" in shown and "operator: digest_to o@h.fi" in shown
    shown = run("round alerting", round_.code, "--no-every-comment", "--digest-to", "off").output
    assert "alert on every comment: off\ndaily digest to: off\n" in shown
    refused = run("round alerting", round_.code, "--drop-alert-to", "nope", ok=False)
    assert refused.exit_code == 1 and "nope" in refused.output
    assert "nosuch12" in run("round alerting", "nosuch12", "--every-comment", ok=False).output
    monkeypatch.delenv("FEEDBACK_SMTP_URL", raising=False)
    assert "FEEDBACK_SMTP_URL is not set" in run("round mail", ok=False).output
    with LoopbackSmtp() as smtp:
        monkeypatch.setenv("FEEDBACK_SMTP_URL", smtp.url)
        assert run("round mail").output == "sent: 0 mails\n"

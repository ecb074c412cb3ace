"""Operator command line: `feedback COMMAND` or `python -m feedback COMMAND`."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import NoReturn

import click

from feedback import demo, figures, i18n, plaintext, plans, retention, rounds, settings, storage
from feedback.figures import exports
from feedback.figures import own as own_figures
from feedback.plans import fetch, file_format, follow_up_sheet, sotkanet
from feedback.plans.file_format import PlanFileError
from feedback.rounds import alert_mail, alerts, notices, posters, questions, relay, slips, xlsform
from feedback.rounds import codes as answer_codes
from feedback.rounds import kiosk as kiosks
from feedback.rounds.scales import Scale
from feedback.staff import auth, sso
from feedback.storage import backup, copy, schema

db_option = click.option(
    "--db",
    "db_path",
    default=None,
    help="Database file or postgresql:// URL. Default: $FEEDBACK_DB, else data/feedback.db.",
)


@contextmanager
def _said(*errors: type[Exception]) -> Iterator[None]:
    """Turn `errors`, whose messages are written for the operator, into a one-line refusal."""
    try:
        yield
    except errors as error:
        raise click.ClickException(str(error)) from None


def _echo_json(rows: object) -> None:
    click.echo(json.dumps(rows, ensure_ascii=False, indent=2))


def _many(count: int | str, noun: str, nouns: str | None = None) -> str:
    """The count with its noun in the right number: "1 answer", "2 answers", "< 10 answers".

    The command line speaks English only, whose one rule is this."""
    return f"{count} {noun if str(count) == '1' else nouns or noun + 's'}"


def _table(
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    empty: str,
    numbers: Sequence[int] = (),
) -> None:
    """Print rows under a header in columns two spaces apart, those numbered in `numbers`
    aligned right, with no spaces at the ends of lines; `empty` when there are no rows, so that
    an empty store says so instead of printing nothing."""
    lines = [[str(cell) for cell in row] for row in rows]
    if not lines:
        click.echo(empty)
        return
    lines.insert(0, list(header))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for line in lines:
        cells = [
            cell.rjust(width) if i in numbers else cell.ljust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ]
        click.echo("  ".join(cells).rstrip())


def _db(location: str | None, *, create: bool = False) -> str | Path:
    """The store named by --db or the settings, migrated. Only the commands that set a store
    up (`init`, `import-plan`) create one: for any other a mistyped path is refused rather
    than given a new, empty database."""
    store = location or settings.store()
    if not create and not storage.is_server(store) and not Path(store).is_file():
        raise click.ClickException(f"there is no database at {store}; `feedback init` makes one")
    schema.migrate(store)
    return store


@click.group()
@click.version_option(package_name="welfare-feedback")
def cli() -> None:
    """Feedback from children, youth councils and families on a welfare plan's actions."""


@cli.command()
@db_option
@click.option(
    "--plans-dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=settings.PLANS_DIR,
    show_default=True,
    help="Folder of plan files to import.",
)
def init(db_path: Path | None, plans_dir: Path) -> None:
    """Create or migrate the database and import every plan in data/plans/.

    Safe to run again: unchanged plans are left as they are.
    """
    path = _db(db_path, create=True)
    click.echo(f"secrets: {auth.ensure_secrets()}")
    try:
        results = plans.import_directory(path, plans_dir)
    except PlanFileError as error:
        _fail(error)
    for plan_file, changed in results:
        click.echo(f"{'imported' if changed else 'unchanged'}: {plan_file.name}")
    click.echo(f"database ready: {path}")


@cli.command("import-plan")
@db_option
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
def import_plan(db_path: Path | None, file: Path) -> None:
    """Validate and import one plan file (all or nothing)."""
    try:
        changed = plans.import_file(_db(db_path, create=True), file)
    except PlanFileError as error:
        _fail(error)
    click.echo(f"{'imported' if changed else 'unchanged'}: {file}")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Check plan files without importing them; print one line per problem."""
    failed = False
    for file in files:
        try:
            file_format.load(file)
        except PlanFileError as error:
            failed = True
            for line in error.problems:
                click.echo(line, err=True)
        else:
            click.echo(f"ok: {file}")
    if failed:
        sys.exit(1)


@cli.command("plans")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def list_plans(db_path: Path | None, as_json: bool) -> None:
    """Every plan: id, name, period and counts of main goals, sub-goals, actions, indicators."""
    rows = plans.list_plans(_db(db_path))
    if as_json:
        _echo_json([asdict(r) for r in rows])
        return
    if not rows:
        click.echo("no plans yet; `feedback init` imports the ones in data/plans/")
    for r in rows:
        name = r.name[r.language]
        partial = "\tpartial" if r.partial else ""
        click.echo(
            f"{r.id}\t{r.period_start}–{r.period_end}\t{_many(r.main_goals, 'main goal')}\t"
            f"{_many(r.sub_goals, 'sub-goal')}\t{_many(r.actions, 'action')}\t"
            f"{_many(r.indicators, 'indicator')}\t{name}{partial}"
        )


@cli.command("actions")
@db_option
@click.option("--plan", "plan_id", help="Only the actions of this plan.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def list_actions(db_path: Path | None, plan_id: str | None, as_json: bool) -> None:
    """Every action with its id, sub-goal, actor and text."""
    rows = plans.list_actions(_db(db_path), plan_id=plan_id)
    if as_json:
        _echo_json([asdict(r) for r in rows])
        return
    where = f"in plan {plan_id!r}" if plan_id else "yet"
    _table(
        ("action", "sub-goal", "actor", "text"),
        ((r.id, r.sub_goal_id, r.actor_id, " ".join(r.text[r.language].split())) for r in rows),
        empty=f"no actions {where}; `feedback plans` lists the plans, `feedback import-plan` "
        "adds one",
    )


@cli.group()
def indicators() -> None:
    """Official indicator values: import them from THL's Sotkanet."""


@indicators.command("import")
@db_option
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--plan", "plan_id", required=True, help="The plan whose indicators they are.")
@click.option(
    "--metadata",
    "metadata",
    multiple=True,
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="An indicator's metadata (/rest/1.1/indicators/ID as JSON): its unit and decimals "
    "replace the plan's. May be given once per indicator.",
)
@click.option("--yes", is_flag=True, help="Store the values (without it: only show them).")
def indicators_import(
    db_path: Path | None, file: Path, plan_id: str, metadata: tuple[Path, ...], yes: bool
) -> None:
    """Import a Sotkanet CSV or JSON export into a plan's indicators (all or nothing).

    Prints what would change; stores it only with --yes. Without --yes it is a dry run that
    stores nothing and exits 0. A bad file gets one line per problem and exits 1.
    """
    path = _db(db_path)
    try:
        read = dict(sotkanet.metadata_of(meta.read_bytes(), name=str(meta)) for meta in metadata)
        plan, result = sotkanet.check(
            path, plan_id, file.read_bytes(), name=str(file), metadata=read
        )
    except KeyError:
        _no_plan(plan_id)
    except sotkanet.SotkanetFileError as error:
        _problems(error)
    _preview(path, plan, result, yes=yes, name=str(file))


@indicators.command("fetch")
@db_option
@click.option("--plan", "plan_id", required=True, help="The plan whose mapped series to read.")
@click.option(
    "--years",
    "years",
    multiple=True,
    type=click.IntRange(1900, 2100),
    help="A year to read; may be repeated (default: the plan's period and the three years "
    "before it).",
)
@click.option("--yes", is_flag=True, help="Store the values (without it: only show them).")
def indicators_fetch(db_path: Path | None, plan_id: str, years: tuple[int, ...], yes: bool) -> None:
    """Read a plan's mapped Sotkanet series from THL's REST API over HTTPS and import them.

    The same preview and --yes rule as `indicators import`; the address is
    $FEEDBACK_SOTKANET_URL (default https://sotkanet.fi/rest/1.1). Needs internet; exits 1 when
    Sotkanet cannot be read, saying which address and why.
    """
    path = _db(db_path)
    try:
        plan, result = fetch.fetch(path, plan_id, years=list(years) or None)
    except KeyError:
        _no_plan(plan_id)
    except fetch.FetchError as error:
        click.echo(str(error), err=True)
        sys.exit(1)
    except sotkanet.SotkanetFileError as error:
        _problems(error)
    _preview(path, plan, result, yes=yes, name=f"{settings.sotkanet_url()}/json")


def _no_plan(plan_id: str) -> NoReturn:
    click.echo(f"no plan {plan_id!r}; `feedback plans` lists them", err=True)
    sys.exit(1)


def _problems(error: sotkanet.SotkanetFileError) -> NoReturn:
    for line in error.lines("en"):
        click.echo(line, err=True)
    sys.exit(1)


def _preview(path: Path | str, plan: dict, result: sotkanet.Preview, *, yes: bool, name: str):
    """Print what the values would change and store them with `yes` (all or nothing)."""
    for change in result.changes:
        if change.status == "unchanged":
            continue
        click.echo(f"{change.status}: {_value_line(change)}")
    for p in result.population:
        if p.status != "unchanged":
            was = "" if p.old_children is None else f" (was {p.old_children})"
            click.echo(f"{p.status}: children {p.band} {p.year} {p.area}: {p.children}{was}")
    for note in result.notes:
        click.echo(f"note: {note.line(name, 'en')}")
    for line in result.set_aside():
        click.echo(line.text("en"))
    click.echo(
        f"{result.count('new')} new, {result.count('changed')} changed, "
        f"{result.count('unchanged')} unchanged"
    )
    if not yes:
        click.echo("dry run: nothing stored; run again with --yes to store")
        return
    try:
        stored = sotkanet.store(path, plan, result)
    except PlanFileError as error:
        _fail(error)
    click.echo(f"stored {_many(stored, 'value')} in {plan['id']}")


def _value_line(change: sotkanet.Change) -> str:
    before = ""
    if change.status == "changed":
        was_national = change.old_national
        before = f" (was {change.old_value:g}"
        before += ")" if was_national is None else f", whole country {was_national:g})"
    country = "" if change.national is None else f", whole country {change.national:g}"
    return (
        f"{change.indicator_id} {change.year} {change.group} {change.area}: "
        f"{change.value:g}{country}{before}"
    )


@cli.group(name="follow-up")
def follow_up_group() -> None:
    """The plan's yearly follow-up: each action's status, in bulk as a workbook."""


@follow_up_group.command("export")
@db_option
@click.option("--plan", "plan_id", required=True, help="The plan.")
@click.option("--year", type=int, required=True, help="The year followed up.")
@click.option("--actor", help="Only this actor's actions (its id in the plan file).")
@click.option("--lang", type=click.Choice(i18n.LANGUAGES), default="fi", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
def follow_up_export(
    db_path: str | None, plan_id: str, year: int, actor: str | None, lang: str, out: Path
) -> None:
    """Write a workbook to fill in: one row per action with its status for the year so far."""
    path = _db(db_path)
    if plan_id not in {p.id for p in plans.list_plans(path)}:
        raise click.ClickException(f"no plan {plan_id!r}; `feedback plans` lists them")
    actors = None if actor is None else (plans.qualified(plan_id, actor),)
    sheets = follow_up_sheet.template(path, plan_id, year=year, actors=actors, lang=lang)
    out.write_bytes(exports.to_xlsx(sheets))
    click.echo(f"wrote {out}")


@follow_up_group.command("import")
@db_option
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--plan", "plan_id", required=True, help="The plan whose actions they are.")
@click.option("--by", default="command line", show_default=True, help="Who recorded them.")
@click.option("--yes", is_flag=True, help="Store the statuses (without it: only show them).")
def follow_up_import(db_path: str | None, file: Path, plan_id: str, by: str, yes: bool) -> None:
    """Import a filled-in follow-up workbook (all or nothing).

    Prints what would change; stores it only with --yes. A bad file gets one line per problem
    (FILE:ROW: PROBLEM) and exits 1.
    """
    path = _db(db_path)
    try:
        result = follow_up_sheet.check(path, plan_id, file.read_bytes(), name=str(file))
    except KeyError:
        click.echo(f"no plan {plan_id!r}; `feedback plans` lists them", err=True)
        sys.exit(1)
    except PlanFileError as error:
        _fail(error)
    for change in result.to_store:
        click.echo(
            f"{change.status}: {change.action_id} {change.year}: "
            f"{change.old.status if change.old else '-'} -> {change.entry.status}"
        )
    click.echo(
        f"{result.count('new')} new, {result.count('changed')} changed, "
        f"{result.count('unchanged')} unchanged"
    )
    if not yes:
        click.echo("dry run: nothing stored; run again with --yes to store")
        return
    language = next(p.language for p in plans.list_plans(path) if p.id == plan_id)
    stored = follow_up_sheet.store(path, result, language=language, by=by)
    click.echo(f"stored {_many(stored, 'status', 'statuses')} in {plan_id}")


@cli.group(name="round")
def round_group() -> None:
    """Feedback rounds: open one for an action, list them."""


@round_group.command("create")
@db_option
@click.option("--action", "action_id", required=True, help="Action id, as `feedback actions`.")
@click.option(
    "--scale",
    type=click.Choice([s.value for s in Scale]),
    default=None,
    help="Scale of the main question: faces5, faces3, thumbs, stars, grade (4–10) or nps "
    "(recommendation 0–10).",
)
@click.option(
    "--audience",
    "audiences",
    multiple=True,
    type=click.Choice(questions.AUDIENCES),
    help=f"Respondent group; repeat for a round open to several groups, which then asks "
    f"'I am …' first. Default: {questions.DEFAULT_AUDIENCE}.",
)
@click.option(
    "--language",
    "languages",
    multiple=True,
    type=click.Choice(i18n.ROUND_LANGUAGES),
    help="A language of the round (posters, default link); repeat. Default: fi, sv and en "
    "(uk and ar are drafts: only when chosen).",
)
@click.option(
    "--question",
    "extra_questions",
    multiple=True,
    type=click.Choice(list(questions.EXTRA_QUESTIONS)),
    help="A further question after the main one (a quick survey, one per screen); repeat. "
    "For families: heard, treated, helped, recommend.",
)
@click.option("--follow-up", is_flag=True, help="Ask 'what was best?' with a few icon choices.")
@click.option("--free-text", is_flag=True, help="Offer an optional short comment (500 chars).")
@click.option(
    "--subject",
    "subject_args",
    multiple=True,
    metavar="LANG=TEXT",
    help=f"What the child rates, in a few words (at most {rounds.SUBJECT_MAX} characters), "
    "one for each language of the round: --subject fi='Nuorisotalon kerho' "
    "--subject sv='Ungdomsgårdens klubb'. The heading of the child's screen.",
)
@click.option("--title", help="Title for staff lists (respondents see the subject).")
@click.option(
    "--codes",
    type=click.IntRange(min=1, max=answer_codes.MAX_CODES),
    default=None,
    help="Answer only with this many printed one-time codes, each answering once and tied to "
    "no person; print them with `feedback round codes`.",
)
@click.option(
    "--alert-every-comment",
    is_flag=True,
    help="Alert the actor's safeguarding contacts of every comment, not only of those whose "
    "words signal harm (with --free-text).",
)
@click.option(
    "--form",
    "form_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An XLSForm workbook (.xlsx) whose questions the round asks after its main question; "
    "the round's languages are the form's unless --language is given. A form with anything "
    "a round cannot ask is refused whole, one line per problem.",
)
def round_create(
    db_path: Path | None,
    action_id: str,
    scale: str | None,
    audiences: tuple[str, ...],
    languages: tuple[str, ...],
    extra_questions: tuple[str, ...],
    follow_up: bool,
    free_text: bool,
    subject_args: tuple[str, ...],
    title: str | None,
    codes: int | None,
    alert_every_comment: bool,
    form_path: Path | None,
) -> None:
    """Open a feedback round for an action; print its code and respondent link.

    Without --scale the audience picks it: three faces for early childhood, five otherwise.
    """
    subjects = {}
    for given in subject_args:
        lang, sep, text = given.partition("=")
        if not sep or lang.strip() not in i18n.ROUND_LANGUAGES:
            raise click.ClickException(
                f"--subject {given!r}: write it as LANG=TEXT with LANG one of "
                f"{', '.join(i18n.ROUND_LANGUAGES)}, e.g. --subject fi='Nuorisotalon kerho'"
            )
        subjects[lang.strip()] = text
    form = _read_form(form_path) if form_path else None
    if form and not languages:
        languages = form.languages
    try:
        created = rounds.create(
            _db(db_path),
            action_id=action_id,
            scale=Scale(scale) if scale else None,
            audiences=audiences or (questions.DEFAULT_AUDIENCE,),
            languages=languages or i18n.LANGUAGES,
            extra_questions=extra_questions,
            follow_up=questions.DEFAULT_BEST_CHOICES if follow_up else (),
            free_text=free_text,
            title=title,
            subjects=subjects,
            codes=codes or 0,
            alert_every_comment=alert_every_comment,
            own=form.questions if form else (),
        )
    except rounds.InvalidSubject as error:
        raise click.ClickException(
            f"{error}; give one for each language of the round: --subject {error.language}=TEXT"
        ) from None
    except rounds.UnknownAction:
        raise click.ClickException(
            f"no action {action_id!r}; `feedback actions` lists the action ids"
        ) from None
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"code: {created.code}")
    click.echo(f"link: {rounds.link(created.code)}")
    if codes:
        click.echo(
            f"one-time codes: {codes}; print them with `feedback round codes {created.code}`"
        )


def _read_form(path: Path) -> xlsform.Form:
    """The questions of the XLSForm at `path`, or exit printing every problem of it."""
    if path.stat().st_size > xlsform.MAX_BYTES:  # not read into memory at all
        problems = [xlsform.Problem("", 0, "too_large")]
    else:
        try:
            return xlsform.read(path.read_bytes())
        except xlsform.FormRefused as refused:
            problems = list(refused.problems)
    for problem in problems:
        click.echo(problem.line(path.name, "en"), err=True)
    raise click.ClickException(f"{_many(len(problems), 'problem')} in {path.name}; nothing opened")


@round_group.command("form")
@db_option
@click.argument("code")
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The .xlsx."
)
def round_form(db_path: Path | None, code: str, out: Path) -> None:
    """Write round CODE's own questions as an XLSForm workbook (`round create --form` reads
    it back the same)."""
    found = _round(db_path, code)
    sheets = xlsform.sheets(found.own_questions, found.languages, title=found.title or "")
    out.write_bytes(exports.to_xlsx(sheets))
    click.echo(f"wrote {_many(len(found.own_questions), 'question')} to {out}")


@round_group.command("show")
@db_option
@click.argument("code")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def round_show(db_path: Path | None, code: str, as_json: bool) -> None:
    """Round CODE's own questions (kind, texts per language, choices) and the answers per
    question and choice (small groups shown as "< k" or withheld, as on the dashboard)."""
    store = _db(db_path)
    found = _round(store, code)
    k = settings.min_group_size()
    shown = {f.position: f for f in own_figures.round_figures(store, found, k=k)}
    rows = []
    for position, question in enumerate(found.own_questions):
        figure = shown.get(position)
        counted = {c.value: c for c in figure.choices} if figure else {}
        labels = {c.name: c.labels for c in question.choices}
        if question.scale:
            labels = {str(v): {} for v in question.scale.values}
        rows.append(
            {
                "name": question.name,
                "kind": question.kind,
                "scale": question.scale.value if question.scale else None,
                "required": question.required,
                "groups": list(question.groups),
                "texts": question.texts,
                "answered": figure.respondents if figure else None,
                "choices": [
                    {
                        "name": value,
                        "labels": labels[value],
                        "answers": counted[value].n if value in counted else None,
                    }
                    for value in question.values()
                ],
            }
        )
    if as_json:
        _echo_json({"code": found.code, "languages": list(found.languages), "questions": rows})
        return
    if not rows:
        click.echo(f"round {found.code} asks no questions of its own")
    for number, row in enumerate(rows, start=1):
        kind = row["scale"] or row["kind"]
        answered = "" if row["answered"] is None else f", answered by {row['answered']}"
        click.echo(f"{number}. {row['name']} ({kind}{answered})")
        for lang, text in row["texts"].items():
            click.echo(f"   {lang}: {text}")
        for choice in row["choices"]:
            n = "withheld" if choice["answers"] is None else choice["answers"]
            label = " / ".join(choice["labels"].values())
            click.echo(f"   - {choice['name']}: {n}" + (f"  ({label})" if label else ""))


def _round(db_path: str | Path | None, code: str) -> rounds.Round:
    found = rounds.get_by_code(_db(db_path), code)
    if found is None:
        raise click.ClickException(f"no round {code!r}; `feedback round list` lists the codes")
    return found


@round_group.command("list")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def round_list(db_path: Path | None, as_json: bool) -> None:
    """Every round with code, action, status and number of answers (a figure: small groups
    show as "< k", as on the dashboard)."""
    store = _db(db_path)
    rows = rounds.list_rounds(store)
    answered = figures.round_answers(store, k=settings.min_group_size())
    if as_json:
        _echo_json([{**asdict(r), "answers": answered.get(r.code, "0")} for r in rows])
        return
    _table(
        ("code", "action", "status", "answers"),
        ((r.code, r.action_id, r.status, answered.get(r.code, "0")) for r in rows),
        empty="no rounds yet; `feedback round create` opens one",
        numbers=(3,),
    )


@round_group.command("alerting")
@db_option
@click.argument("code")
@click.option(
    "--every-comment/--no-every-comment",
    default=None,
    help="Alert the actor's safeguarding contacts of every comment (or only of worrying ones).",
)
@click.option("--digest-to", metavar="EMAIL|off", help="Send a daily digest of new comments.")
@click.option(
    "--drop-alert-to", metavar="EMAIL|off", help="Alert when the positive share drops sharply."
)
def round_alerting(
    db_path: Path | None,
    code: str,
    every_comment: bool | None,
    digest_to: str | None,
    drop_alert_to: str | None,
) -> None:
    """Change round CODE's alerting while it runs (each change recorded: who, when); print
    its alerting and the changes made."""
    store = _db(db_path)
    given = {"digest_to": digest_to, "drop_alert_to": drop_alert_to}
    wanted = {key: "" if value == "off" else value for key, value in given.items() if value}
    if every_comment is not None:
        wanted["alert_every_comment"] = every_comment
    with _said(notices.UnknownRound, plaintext.InvalidEmail, ValueError):
        notices.change(store, code, wanted, by=kiosks.OPERATOR, actors=None)
    round_ = rounds.get_by_code(store, code)
    click.echo(f"alert on every comment: {'on' if round_.alert_every_comment else 'off'}")
    click.echo(f"daily digest to: {round_.digest_to or 'off'}")
    click.echo(f"drop alert to: {round_.drop_alert_to or 'off'}")
    for made in notices.changes(store, code):
        click.echo(f"  {made.changed_at} {made.changed_by}: {made.setting} {made.value}")


@round_group.command("mail")
@db_option
def round_mail(db_path: Path | None) -> None:
    """Send the rounds' daily digests and drop alerts due now through $FEEDBACK_SMTP_URL; for
    cron, where the app's own sender does not run. Safe beside it: each goes once a day."""
    url = settings.smtp_url()
    if url is None:
        raise click.ClickException("FEEDBACK_SMTP_URL is not set")
    click.echo(f"sent: {_many(notices.send_due(_db(db_path), smtp_url=url), 'mail')}")


@round_group.command("poster")
@db_option
@click.argument("code")
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="File to write: .pdf for the A4 poster, .png or .svg for the QR code alone.",
)
@click.option(
    "--lang",
    "langs",
    multiple=True,
    type=click.Choice(i18n.ROUND_LANGUAGES),
    help="Poster language; repeat for several (--lang fi --lang sv). Default: the round's.",
)
def round_poster(db_path: Path | None, code: str, out: Path, langs: tuple[str, ...]) -> None:
    """Write a printable A4 poster with the round's QR code and link, or the QR code alone."""
    suffix = out.suffix.lower()
    if suffix not in (".pdf", ".png", ".svg"):
        raise click.ClickException(f"--out must end in .pdf, .png or .svg, not {out.name!r}")
    found = rounds.get_by_code(_db(db_path), code)
    if found is None:
        raise click.ClickException(f"no round {code!r}; `feedback round list` lists the codes")
    url = rounds.link(found.code, channel="qr")
    if suffix == ".png":
        out.write_bytes(posters.qr_png(url))
    elif suffix == ".svg":
        out.write_text(posters.qr_svg(url), encoding="utf-8")
    else:
        out.write_bytes(posters.poster_pdf(found, url=url, languages=langs or found.languages))
    if not found.is_open:
        click.echo(
            f"note: round {found.code} is closed; nobody can answer until it is reopened", err=True
        )
    click.echo(f"wrote {out}")


@round_group.command("codes")
@db_option
@click.argument("code")
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="The PDF to write: A4 sheets of slips, each with a one-time code and its QR code.",
)
def round_codes(db_path: Path | None, code: str, out: Path) -> None:
    """Write the printable slips of a round's one-time codes not used yet."""
    if out.suffix.lower() != ".pdf":
        raise click.ClickException(f"--out must end in .pdf, not {out.name!r}")
    found = rounds.get_by_code(_db(db_path), code)
    if found is None:
        raise click.ClickException(f"no round {code!r}; `feedback round list` lists the codes")
    if not found.uses_codes:
        raise click.ClickException(
            f"round {found.code} is answered without codes; open one with `round create --codes N`"
        )
    unused = answer_codes.unused(_db(db_path), found.id)
    if not unused:
        raise click.ClickException(f"every one-time code of round {found.code} has been used")
    out.write_bytes(slips.slips_pdf(found, unused))
    click.echo(f"wrote {out}: {_many(len(unused), 'slip')}")


@cli.group()
def kiosk() -> None:
    """Shared tablets enrolled as kiosks of a round."""


@kiosk.command("enrol")
@db_option
@click.argument("code")
@click.option("--label", required=True, help="The tablet's name for staff (at most 60 chars).")
def kiosk_enrol(db_path: Path | None, code: str, label: str) -> None:
    """Make a kiosk for round CODE; prints its single-use enrolment link (valid 15 minutes)."""
    store = _db(db_path)
    if rounds.get_by_code(store, code) is None:
        raise click.ClickException(f"no round {code!r}; `feedback round list` lists the codes")
    with _said(kiosks.InvalidLabel, auth.NotConfigured):
        made = kiosks.enrol(
            store, code, label=label, enrolled_by=kiosks.OPERATOR, key=auth.cookie_key()
        )
    click.echo(f"kiosk: {made.kiosk.id}")
    minutes = kiosks.ENROLMENT_MINUTES
    click.echo(
        f"enrolment link (open it on the tablet within {minutes} minutes, once): {made.link}"
    )


@kiosk.command("list")
@db_option
@click.argument("code", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def kiosk_list(db_path: Path | None, code: str | None, as_json: bool) -> None:
    """Every kiosk (of round CODE if given) with its round, name, enrolment, state and
    number of answers flagged as too fast."""
    rows = kiosks.list_kiosks(_db(db_path), code=code)
    if as_json:
        _echo_json([{**asdict(k), "enrolled_on": k.enrolled_on.isoformat()} for k in rows])
        return
    where = f"for round {code}" if code else "yet"
    _table(
        ("kiosk", "round", "enrolled by", "on", "state", "flagged", "name"),
        (
            (k.id, k.round_code, k.enrolled_by, k.enrolled_on, state, k.flagged, k.label)
            for k in rows
            for state in ["revoked" if k.revoked else "in use"]
        ),
        empty=f"no kiosks {where}; `feedback kiosk enrol CODE --label TEXT` makes one",
        numbers=(5,),
    )


@kiosk.command("revoke")
@db_option
@click.argument("kiosk_id", metavar="ID")
def kiosk_revoke(db_path: Path | None, kiosk_id: str) -> None:
    """End kiosk mode on that tablet at its next page load."""
    try:
        kiosks.revoke(_db(db_path), kiosk_id)
    except kiosks.UnknownKiosk:
        raise click.ClickException(
            f"no kiosk {kiosk_id!r}; `feedback kiosk list` lists the kiosks"
        ) from None
    click.echo(f"revoked kiosk {kiosk_id}")


@cli.command("demo")
@db_option
@click.option("--answers", type=click.IntRange(min=0), required=True, help="How many answers.")
@click.option("--seed", type=int, default=42, show_default=True, help="Random seed.")
def demo_command(db_path: Path | None, answers: int, seed: int) -> None:
    """Fill clearly marked synthetic answers across the plans, deterministic for a seed."""
    added = demo.fill(_db(db_path), answers=answers, seed=seed)
    click.echo(
        f"added {_many(added, 'synthetic answer')} (marked synthetic, rounds titled '[DEMO]')"
    )


@cli.command("backup")
@db_option
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write the backup to.",
)
@click.option("--force", is_flag=True, help="Replace --out if it exists.")
def backup_command(db_path: Path | None, out: Path, force: bool) -> None:
    """Copy the database while the app runs, check the copy and say what it holds.

    Safe at any time: answers still being sent are simply not in the copy.
    """
    with _said(backup.BackupError):
        report = backup.backup(db_path or settings.store(), out, overwrite=force)
    click.echo(
        f"wrote {report.path}: {report.size / 1_000_000:.1f} MB, "
        f"{_many(report.answers, 'answer')}, {_many(report.comments, 'comment')}, "
        f"{_many(report.rounds, 'round')}; {report.checked}"
    )


@cli.group()
def store() -> None:
    """The store itself: move a municipality's data to the county's PostgreSQL."""


@store.command("copy")
@db_option
@click.option(
    "--to",
    "target",
    required=True,
    help="The store to copy into: a postgresql:// URL (or a new SQLite file); must be empty.",
)
def store_copy(db_path: str | None, target: str) -> None:
    """Copy every table into an empty store, then check that rows and figures are identical.

    Stop the app first (or copy a backup), so that no answer arrives during the copy; then
    point FEEDBACK_DB at the new store.
    """
    source = db_path or settings.store()
    try:
        report = copy.copy_store(source, target)
    except (copy.CopyError, storage.StoreError) as error:
        raise click.ClickException(str(error).splitlines()[0]) from None
    for table, rows in report.rows.items():
        click.echo(f"{table:20} {rows:>10} {'row' if rows == 1 else 'rows'}")
    click.echo(
        f"copied {storage.describe(source)} to {storage.describe(target)}: "
        f"{_many(report.answers, 'answer row')}; every table's rows and the figures' sums are "
        "identical in both"
    )


@cli.group()
def user() -> None:
    """Staff accounts: there are no default accounts; add each person by name."""


@user.command("add")
@db_option
@click.argument("name")
@click.option(
    "--role",
    type=click.Choice([r.value for r in auth.Role]),
    required=True,
    help="admin (everything), staff (their actors' data) or council (youth council member).",
)
@click.option(
    "--actor",
    "actors",
    multiple=True,
    help="An actor the staff member works for, e.g. kymenlaakso:hamina; repeat for several.",
)
def user_add(db_path: Path | None, name: str, role: str, actors: tuple[str, ...]) -> None:
    """Add a user and print a one-time password, to be changed at first sign-in."""
    with _said(auth.AuthError):
        password = auth.add_user(_db(db_path), name, role=auth.Role(role), actors=actors)
    click.echo(f"user: {name.strip().lower()}")
    click.echo(f"one-time password: {password}")
    click.echo("Give it to the person privately; they must change it when they first sign in.")


@user.command("disable")
@db_option
@click.argument("name")
def user_disable(db_path: Path | None, name: str) -> None:
    """Disable a user; their open sessions end at once."""
    with _said(auth.AuthError):
        auth.disable_user(_db(db_path), name)
    click.echo(f"disabled: {name.strip().lower()}")


@user.command("email")
@db_option
@click.argument("name")
@click.argument("address", required=False)
def user_email(db_path: Path | None, name: str, address: str | None) -> None:
    """Give user NAME the e-mail ADDRESS (without it: take it away). An admin's address gets
    the safeguarding alerts nobody handled in time."""
    with _said(auth.AuthError, plaintext.InvalidEmail):
        auth.set_email(_db(db_path), name, address)
    click.echo(f"e-mail of {name.strip().lower()}: {address.strip() if address else 'none'}")


@user.command("list")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def user_list(db_path: Path | None, as_json: bool) -> None:
    """Every user with role, actors and status (never a password)."""
    rows = auth.list_users(_db(db_path))
    if as_json:
        _echo_json(rows)
        return
    _table(
        ("user", "role", "status", "sign-in", "actors"),
        (
            (
                r["username"],
                r["role"],
                "disabled" if r["disabled"] else "active",
                "single-sign-on" if r["single_sign_on"] else "password",
                ",".join(r["actors"]),
            )
            for r in rows
        ),
        empty="no users yet; `feedback user add NAME --role admin` adds one",
    )


@user.group("map")
def user_map() -> None:
    """Single sign-on: which provider groups or roles get which role and actors here.

    A person whose `groups` or `roles` claim has a rule's value may sign in; of several rules
    the highest role wins (admin, staff, council) and the actors of its rules add up.
    """


group_option = click.option(
    "--group",
    "claim_value",
    required=True,
    help="A value of the groups or roles claim, exactly as the provider sends it "
    "(Entra ID: the group's object id, or an app role's value).",
)


@user_map.command("add")
@db_option
@group_option
@click.option(
    "--role",
    type=click.Choice([r.value for r in auth.Role]),
    required=True,
    help="admin (everything), staff (their actors' data) or council (youth council member).",
)
@click.option(
    "--actor",
    "actors",
    multiple=True,
    help="An actor, e.g. kymenlaakso:hamina; repeat for several. Staff and council need one.",
)
def user_map_add(
    db_path: Path | None, claim_value: str, role: str, actors: tuple[str, ...]
) -> None:
    """Add the rule for a group (or replace it): its members sign in with this role."""
    with _said(auth.AuthError):
        rule = sso.add_rule(_db(db_path), claim_value, role=auth.Role(role), actors=actors)
    click.echo(f"mapped: {rule.claim_value} -> {rule.role.value} {','.join(rule.actors)}".strip())


@user_map.command("remove")
@db_option
@group_option
def user_map_remove(db_path: Path | None, claim_value: str) -> None:
    """Remove the rule for a group: its members can no longer sign in through it."""
    with _said(auth.AuthError):
        sso.remove_rule(_db(db_path), claim_value)
    click.echo(f"removed: {claim_value.strip()}")


@user_map.command("list")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def user_map_list(db_path: Path | None, as_json: bool) -> None:
    """Every rule: claim value, role, actors."""
    rules = sso.list_rules(_db(db_path))
    if as_json:
        rows = [{**asdict(r), "role": r.role.value, "actors": list(r.actors)} for r in rules]
        _echo_json(rows)
        return
    _table(
        ("group", "role", "actors"),
        ((r.claim_value, r.role.value, ",".join(r.actors)) for r in rules),
        empty="no single sign-on rules yet; `feedback user map add` adds one",
    )


@cli.group()
def safeguarding() -> None:
    """Who is told when a child's comment signals harm, and sending those alerts."""


@safeguarding.group("contact")
def safeguarding_contact() -> None:
    """The professionals each actor names for safeguarding alerts."""


actor_option = click.option(
    "--actor", "actor_id", required=True, help="The actor, e.g. kymenlaakso:hamina."
)


@safeguarding_contact.command("add")
@db_option
@actor_option
@click.option("--email", required=True, help="The professional's e-mail address.")
@click.option(
    "--next",
    "escalation",
    is_flag=True,
    help="Told only of the alerts nobody handled within $FEEDBACK_ALERT_ESCALATION_HOURS.",
)
def safeguarding_contact_add(
    db_path: Path | None, actor_id: str, email: str, escalation: bool
) -> None:
    """Name EMAIL as a safeguarding contact of the actor (alerts of its rounds go there)."""
    with _said(plaintext.InvalidEmail):
        try:
            added = alerts.add_contact(
                _db(db_path), actor_id, email, added_by=kiosks.OPERATOR, escalation=escalation
            )
        except alerts.UnknownActor:
            raise click.ClickException(
                f"no actor {actor_id!r}; `feedback plans` and the plan's file name the actors"
            ) from None
    told = " (told of alerts not handled in time)" if added.escalation else ""
    click.echo(f"contact of {added.actor_id}: {added.email}{told}")


@safeguarding_contact.command("remove")
@db_option
@actor_option
@click.option("--email", required=True, help="The address to take off.")
def safeguarding_contact_remove(db_path: Path | None, actor_id: str, email: str) -> None:
    """Take EMAIL off the actor's safeguarding contacts."""
    if not alerts.remove_contact(_db(db_path), actor_id, email):
        raise click.ClickException(f"{email!r} is not a contact of {actor_id!r}")
    click.echo(f"removed: {email.strip()}")


@safeguarding_contact.command("list")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def safeguarding_contact_list(db_path: Path | None, as_json: bool) -> None:
    """Every actor's safeguarding contacts: actor, address, added by, on."""
    found = alerts.contacts(_db(db_path))
    if as_json:
        _echo_json([asdict(c) for c in found])
        return
    _table(
        ("actor", "email", "told", "added by", "on"),
        (
            (c.actor_id, c.email, "next" if c.escalation else "first", c.added_by, c.added_on)
            for c in found
        ),
        empty="no safeguarding contacts yet; `feedback safeguarding contact add` names one",
    )


@safeguarding.command("send")
@db_option
def safeguarding_send(db_path: Path | None) -> None:
    """Send the alerts due now through $FEEDBACK_SMTP_URL; for cron (every minute), where the
    app's own sender does not run. Safe beside it: each alert goes out once."""
    with _said(relay.BadSmtpUrl):
        sent = alert_mail.send_due(_db(db_path))
    click.echo(f"sent: {_many(sent, 'alert')}")


@cli.command("retention")
@db_option
@click.option(
    "--months",
    type=click.IntRange(min=1),
    help="Keep comments this many months. Default: $FEEDBACK_COMMENT_MONTHS, else 24.",
)
@click.option("--dry-run", is_flag=True, help="Count what would be removed; change nothing.")
def retention_command(db_path: str | None, months: int | None, dry_run: bool) -> None:
    """Delete comments older than the kept months, ended sessions and old sign-in attempts.

    Safe to run from cron (daily, say): it prints one line of what it removed, and the kept
    counts (answers, scores, participation) stay exactly as they were.
    """
    store = _db(db_path)
    done = retention.run(store, months=months, dry_run=dry_run)
    since = retention.oldest_kept(date.fromisoformat(done.ran_on), done.kept_months)
    click.echo(
        f"{'would remove' if dry_run else 'removed'}: {_many(done.comments, 'comment')} from "
        f"before {since} (kept {_many(done.kept_months, 'month')}), "
        f"{_many(done.sessions, 'ended session')}, "
        f"{_many(done.sign_in_attempts, 'old sign-in attempt')}, "
        f"{_many(done.text_answers, 'text answer')} as old as those comments"
    )


@cli.command("languages")
@click.option(
    "--review",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write every text side by side in every language to this HTML file.",
)
def languages_command(review: Path | None) -> None:
    """Each language: its name, direction, whether reviewed, and how much is translated."""
    _table(
        ["code", "name", "direction", "status", "translated"],
        [
            (
                code,
                language.name,
                language.direction,
                "reviewed" if language.reviewed else "draft",
                f"{i18n.coverage(code):.0%}",
            )
            for code, language in i18n.REGISTRY.items()
        ],
        empty="no languages",
        numbers=[4],
    )
    if review:
        review.write_text(i18n.side_by_side(), encoding="utf-8")
        click.echo(f"wrote {review}")


def _fail(error: PlanFileError) -> None:
    for line in error.problems:
        click.echo(line, err=True)
    sys.exit(1)

"""A round's own questions in and out as XLSForm (ODK, KoboToolbox, SurveyCTO), issue #27.

Reading uses pyxform's reader, so that the dialects real files are written in are read as ODK
reads them: `select_one list` and `select one from list`, `label::English (en)` and
`label:english`, `list name` and `list_name`. What a round cannot ask as the form means it
(conditions, checks, calculations, repeats, other types, "or other") is refused all or
nothing: `FormRefused` holds one `Problem` per row, and nothing is opened.

Besides XLSForm's own columns a form may carry this app's: `plain::LANGUAGE` (plain-language
wording), `groups` (the respondent groups asked, space-separated), `public` (yes: the children's
results page shows it) and, on the choices sheet, `emoji`; other tools ignore them. A round
written out and read back gives the same questions, texts and choices.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import openpyxl
import pandas as pd
from pyxform import aliases, constants
from pyxform.errors import PyXFormError
from pyxform.parsing.sheet_headers import dealias_and_group_headers
from pyxform.question import MultipleChoiceQuestion, Option
from pyxform.xls2json_backends import get_xlsform

from feedback import i18n
from feedback.rounds import own_questions, questions
from feedback.rounds.own_questions import Choice, InvalidQuestion, OwnQuestion
from feedback.rounds.scales import Scale

MAX_BYTES = 2 * 1024 * 1024
#: A workbook's parts unpacked: a few megabytes of XML at most for 15 questions; more is a
#: workbook made to exhaust the server (a zip bomb), refused before it is read.
MAX_UNPACKED = 40 * 1024 * 1024
#: XLSForm's words for the kinds a round asks.
_SELECT_KIND = {"select one": "single", "select all that apply": "multiple"}
_LANGUAGE_NAMES = {
    "fi": "fi",
    "suomi": "fi",
    "finnish": "fi",
    "sv": "sv",
    "svenska": "sv",
    "swedish": "sv",
    "en": "en",
    "english": "en",
}
_LANGUAGE = re.compile(r"(?P<name>[^()]*?)\s*(?:\((?P<code>[^()]*)\))?\s*")
#: Types that would record something about the respondent or the device (ODK's metadata).
_PRIVATE = {
    "start",
    "end",
    "today",
    "deviceid",
    "subscriberid",
    "simserial",
    "phonenumber",
    "username",
    "email",
    "audit",
    "start-geopoint",
    "background-audio",
}
#: The columns read; any other with a value in a row refuses the row.
_SURVEY_COLUMNS = {"type", "name", "label", "required", "appearance", "plain", "groups", "public"}
_CHOICE_COLUMNS = {constants.LIST_NAME_S, "name", "label", "emoji"}
_YES = {"yes", "true", "true()", "1"}
_NO = {"no", "false", "false()", "0", ""}


@dataclass(frozen=True)
class Problem:
    """One thing of a workbook that cannot be read: where (sheet and row, 0 for the file) and
    what (`key` of the texts with `detail`), or an own question's `InvalidQuestion`."""

    sheet: str
    row: int
    key: str = ""
    detail: str = ""
    invalid: InvalidQuestion | None = None

    def line(self, filename: str, lang: str) -> str:
        """`FILE:sheet:row: what and why` in `lang`."""
        where = f"{filename}:{self.sheet}:{self.row}" if self.sheet else filename
        if self.invalid is not None:
            what = i18n.t(
                f"own.problem.{self.invalid.problem}",
                lang,
                **_invalid_values(self.invalid),
            )
        else:
            what = i18n.t(
                f"xlsform.{self.key}",
                lang,
                detail=self.detail,
                max_mb=MAX_BYTES // 2**20,
                max_unpacked=MAX_UNPACKED // 2**20,
            )
        return f"{where}: {what}"


def _invalid_values(invalid: InvalidQuestion) -> dict[str, object]:
    """The values an own question's problem is worded with (as `InvalidQuestion.message`)."""
    return {
        "language": i18n.LANGUAGE_NAMES.get(invalid.language or "", invalid.language or ""),
        "choice": invalid.choice or "",
        "max_choices": own_questions.MAX_CHOICES,
        "min_choices": own_questions.MIN_CHOICES,
        "max_questions": own_questions.MAX_QUESTIONS,
        "max_text": own_questions.TEXT_MAX,
        "max_label": own_questions.LABEL_MAX,
        "detail": invalid.detail,
    }


class FormRefused(ValueError):
    """The workbook cannot be a round's questions; `problems` says every reason found."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = tuple(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the form")

    def lines(self, filename: str, lang: str = "en") -> list[str]:
        return [p.line(filename, lang) for p in self.problems]


@dataclass(frozen=True)
class Form:
    """What a workbook asks: its languages (of fi, sv, en, in that order) and questions."""

    languages: tuple[str, ...]
    questions: tuple[OwnQuestion, ...]
    title: str = ""


def read(data: bytes) -> Form:
    """The questions of an XLSForm workbook, or `FormRefused` with every problem found."""
    _check_file(data)
    try:
        book = get_xlsform(io.BytesIO(data), file_type=".xlsx")
    except (PyXFormError, ValueError, KeyError, OSError, zipfile.BadZipFile):
        raise FormRefused([Problem("", 0, "not_xlsx")]) from None
    problems: list[Problem] = []
    for name in book.sheet_names or ():
        if name.lower() in ("external_choices", "entities", "osm"):
            problems.append(Problem(name, 0, "sheet", name))
    if not book.survey:
        raise FormRefused([*problems, Problem("survey", 0, "no_survey")])
    survey = _dealias(book.survey, book.survey_header, "survey")
    choices = _dealias(book.choices or [], book.choices_header, "choices")
    languages = _languages(survey, choices, problems)
    lists = _lists(choices, languages, problems)
    asked = _questions(survey, lists, languages, problems)
    if not asked and not problems:
        problems.append(Problem("survey", 0, "empty"))
    if problems:
        raise FormRefused(problems)
    settings = (book.settings or [{}])[0]
    return Form(
        languages=languages,
        questions=tuple(q for q, _ in asked),
        title=str(settings.get("form_title") or settings.get("title") or ""),
    )


def _check_file(data: bytes) -> None:
    if len(data) > MAX_BYTES:
        raise FormRefused([Problem("", 0, "too_large")])
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise FormRefused([Problem("", 0, "not_xlsx")]) from None
    if unpacked > MAX_UNPACKED:
        raise FormRefused([Problem("", 0, "unpacks_large")])
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        raise FormRefused([Problem("", 0, "not_xlsx")]) from None
    formulas = [
        Problem(sheet.title, cell.row, "formula", cell.coordinate)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if getattr(cell, "data_type", None) == "f"
    ]
    book.close()
    if formulas:
        raise FormRefused(formulas)


def _dealias(rows, header, sheet: str) -> list[dict]:
    """Rows with XLSForm's column aliases resolved and `label::…` grouped by language, each
    with its row number (`__row`), as pyxform reads them."""
    if not rows:
        return []
    header_aliases, columns = _READ[sheet]
    result = dealias_and_group_headers(
        sheet_name=sheet,
        sheet_data=rows,
        sheet_header=header,
        header_aliases=header_aliases,
        header_columns=columns,
        default_language="",
        add_row_number=True,
    )
    return [dict(row) for row in result.data]


#: Per sheet, pyxform's aliases of its column names and the columns it knows (with ours).
_READ = {
    "survey": (
        aliases.survey_header,
        set(MultipleChoiceQuestion.get_slot_names()) | _SURVEY_COLUMNS,
    ),
    "choices": (aliases.list_header, set(Option.get_slot_names()) | _CHOICE_COLUMNS),
}


def _language(name: str) -> str | None:
    """fi, sv or en for a column's language, by the code in parentheses or by the name."""
    found = _LANGUAGE.fullmatch(name.strip())
    if not found:
        return None
    code = (found["code"] or "").strip().lower()
    if code in i18n.LANGUAGES:
        return code
    return _LANGUAGE_NAMES.get(found["name"].strip().lower())


def _languages(survey: list[dict], choices: list[dict], problems: list[Problem]) -> tuple:
    """The round's languages: those the labels are written in."""
    seen: set[str] = set()
    reported: set[str] = set()
    for sheet, rows in (("survey", survey), ("choices", choices)):
        for row in rows:
            for column in ("label", "plain"):
                texts = row.get(column)
                if texts is None:
                    continue
                if not isinstance(texts, dict) or "" in texts:
                    if (sheet, column) not in reported:
                        problems.append(Problem(sheet, 1, "no_language", column))
                        reported.add((sheet, column))
                    continue
                for name in texts:
                    code = _language(name)
                    if code is None and name not in reported:
                        problems.append(Problem(sheet, 1, "language", name))
                        reported.add(name)
                    elif code:
                        seen.add(code)
    return tuple(lang for lang in i18n.LANGUAGES if lang in seen)


def _texts(value: object) -> dict[str, str]:
    """A `label`-like cell group as {language code: text}."""
    if not isinstance(value, dict):
        return {}
    found = {}
    for name, text in value.items():
        code = _language(str(name))
        if code and text is not None:
            found[code] = str(text)
    return found


def _extra_columns(row: Mapping, allowed: set[str]) -> list[str]:
    """The columns of `row` with a value that are not read (pyxform groups some: bind, control,
    media, hint)."""
    extra = []
    for key, value in row.items():
        if key == "__row" or value in (None, "", {}):
            continue
        if key == "bind" and isinstance(value, dict):
            extra += [k for k, v in value.items() if k != "required" and v not in (None, "")]
        elif key == "media" and isinstance(value, dict):  # image, audio, video columns
            extra += [k for k, v in value.items() if v not in (None, "")]
        elif key == "control" and isinstance(value, dict):
            extra += [k for k, v in value.items() if k != "appearance" and v not in (None, "")]
        elif key not in allowed and key not in ("bind", "control", "media"):
            extra.append(key)
    return extra


def _lists(choices: list[dict], languages: tuple, problems: list[Problem]) -> dict[str, list]:
    """The choices sheet's lists: {list name: [(Choice, row)]}."""
    lists: dict[str, list[tuple[Choice, int]]] = {}
    for row in choices:
        list_name = str(row.get(constants.LIST_NAME_S) or "")  # "list_name" read as this
        if not list_name and not row.get("name"):
            continue
        for column in _extra_columns(row, _CHOICE_COLUMNS):
            problems.append(Problem("choices", row["__row"], "choice_column", column))
        choice = Choice(
            str(row.get("name") or ""), _texts(row.get("label")), row.get("emoji") or ""
        )
        lists.setdefault(list_name, []).append((choice, row["__row"]))
    return lists


def _select(type_: str) -> tuple[str, str, bool] | None:
    """(kind, list name, or other) for a select type in any of pyxform's spellings, else None;
    the kind is "" for a select of another sort (from a file, rank)."""
    words = type_.split()
    for alias in sorted(aliases.select, key=lambda a: len(a.split()), reverse=True):
        spelled = alias.split()
        if [w.lower() for w in words[: len(spelled)]] == spelled and len(words) > len(spelled):
            list_name, *rest = words[len(spelled) :]
            other = bool(rest)  # "or_other", "or specify other"
            kind = "" if alias in aliases.select_from_file else aliases.select[alias]
            return _SELECT_KIND.get(kind, ""), list_name, other
    return None


def _questions(
    survey: list[dict], lists: dict[str, list], languages: tuple, problems: list[Problem]
) -> list[tuple[OwnQuestion, int]]:
    asked: list[tuple[OwnQuestion, int]] = []
    screen: int | None = None
    in_group = False
    screens = 0
    for row in survey:
        number = row["__row"]
        type_ = " ".join(str(row.get("type") or "").split())
        if not type_:
            continue
        lowered = type_.lower().replace("_", " ")
        appearance = str((row.get("control") or {}).get("appearance") or "").strip()
        extra = _extra_columns(row, _SURVEY_COLUMNS)
        for column in extra:
            problems.append(Problem("survey", number, "column", column))
        if lowered in ("begin group", "begin"):
            if in_group:
                problems.append(Problem("survey", number, "nested_group"))
            in_group = True
            screens += 1
            screen = screens if appearance == "field-list" else None
            continue
        if lowered in ("end group", "end"):
            if not in_group:
                problems.append(Problem("survey", number, "unbalanced_group"))
            in_group, screen = False, None
            continue
        if appearance and appearance not in ("likert", "minimal", "horizontal", "field-list"):
            problems.append(Problem("survey", number, "appearance", appearance))
        question = _question(row, type_, lists, languages, screen, problems)
        if question is not None:
            asked.append((question, number))
    if in_group:
        problems.append(Problem("survey", survey[-1]["__row"], "unbalanced_group"))
    if len(asked) > own_questions.MAX_QUESTIONS:
        problems.append(
            Problem(
                "survey",
                asked[own_questions.MAX_QUESTIONS][1],
                "",
                "",
                InvalidQuestion("too_many_questions"),
            )
        )
    names: set[str] = set()
    for question, number in asked:
        try:
            own_questions.check((question,), languages, questions.AUDIENCES)
        except InvalidQuestion as invalid:
            problems.append(Problem("survey", number, invalid=invalid))
        if question.name in names:
            problems.append(Problem("survey", number, "name_repeated", question.name))
        names.add(question.name)
    return asked


def _question(
    row: dict,
    type_: str,
    lists: dict[str, list],
    languages: tuple,
    screen: int | None,
    problems: list[Problem],
) -> OwnQuestion | None:
    number = row["__row"]

    def refuse(key: str, detail: str = "") -> None:
        problems.append(Problem("survey", number, key, detail))

    required = str((row.get("bind") or {}).get("required") or "").strip().lower()
    if required not in _YES | _NO:
        refuse("required", required)
    base = {
        "name": str(row.get("name") or ""),
        "texts": _texts(row.get("label")),
        "plain": _texts(row.get("plain")),
        "required": required in _YES,
        "groups": tuple(str(row.get("groups") or "").split()),
        "public": str(row.get("public") or "").strip().lower() in _YES,
        "screen": screen,
    }
    lowered = type_.lower()
    if lowered in ("text", "note"):
        return OwnQuestion(kind=lowered, **base)
    selected = _select(type_)
    if selected is None:
        refuse("private" if lowered in _PRIVATE else "type", type_)
        return None
    kind, list_name, other = selected
    if other:
        refuse("or_other", type_)
        return None
    if not kind:
        refuse("type", type_)
        return None
    if list_name not in lists:
        refuse("list", list_name)
        return None
    chosen = [choice for choice, _ in lists[list_name]]
    scale = _as_scale(list_name, chosen) if kind == "single" else None
    if scale is not None:
        return OwnQuestion(kind="scale", scale=scale, **base)
    return OwnQuestion(kind=kind, choices=tuple(chosen), **base)


def _as_scale(list_name: str, chosen: list[Choice]) -> Scale | None:
    """A list named as one of the app's scales (faces5, faces3, thumbs, stars, grade, nps)
    whose choices are that scale's scores is asked as that scale: staff chose so by naming it
    (a round's form written out names its scales so); any other list stays choices."""
    try:
        scale = Scale(list_name)
    except ValueError:
        return None
    return scale if [c.name for c in chosen] == [str(v) for v in scale.values] else None


# --- writing -------------------------------------------------------------------------------


def sheets(
    asked: Sequence[OwnQuestion], languages: Sequence[str], *, title: str = ""
) -> dict[str, pd.DataFrame]:
    """A round's questions as the sheets of an XLSForm workbook, which `read` gives back the
    same once written as XLSX (`figures.exports.to_xlsx`: text stays text, never a formula)."""
    names = {lang: f"{i18n.LANGUAGE_NAMES[lang]} ({lang})" for lang in languages}
    survey: list[dict[str, object]] = []
    choice_rows: list[dict[str, object]] = []
    written_lists: set[str] = set()
    open_screen: int | None = None
    for question in asked:
        if question.screen != open_screen:
            if open_screen is not None:
                survey.append({"type": "end group"})
            if question.screen is not None:
                survey.append(
                    {
                        "type": "begin group",
                        "name": f"screen_{question.screen}",
                        "appearance": "field-list",
                    }
                )
            open_screen = question.screen
        list_name = _list_name(question)
        type_ = {
            "scale": f"select_one {list_name}",
            "single": f"select_one {list_name}",
            "multiple": f"select_multiple {list_name}",
        }.get(question.kind, question.kind)
        row: dict[str, object] = {"type": type_, "name": question.name}
        row |= {f"label::{names[lang]}": question.texts.get(lang) for lang in languages}
        row |= {f"plain::{names[lang]}": question.plain.get(lang) for lang in languages}
        row |= {
            "required": "yes" if question.required else None,
            "groups": " ".join(question.groups) or None,
            "public": "yes" if question.public else None,
        }
        survey.append(row)
        if list_name and list_name not in written_lists:
            written_lists.add(list_name)
            for choice in _choices(question, languages):
                choice_rows.append(
                    {"list_name": list_name, "name": choice.name}
                    | {f"label::{names[lang]}": choice.labels.get(lang) for lang in languages}
                    | {"emoji": choice.emoji or None}
                )
    if open_screen is not None:
        survey.append({"type": "end group"})
    return {
        "survey": _frame(survey),
        "choices": _frame(choice_rows, ["list_name", "name"]),
        "settings": pd.DataFrame([{"form_title": title, "default_language": names[languages[0]]}]),
    }


def _list_name(question: OwnQuestion) -> str:
    if question.kind == "scale" and question.scale:
        return question.scale.value
    return question.name if question.kind in own_questions.CHOICE_KINDS else ""


def _choices(question: OwnQuestion, languages: Sequence[str]) -> tuple[Choice, ...]:
    if question.kind == "scale" and question.scale:
        scale = question.scale
        return tuple(
            Choice(str(v), {lang: i18n.t(scale.label_key(v), lang) for lang in languages})
            for v in scale.values
        )
    return question.choices


def _frame(rows: list[dict[str, object]], first: Sequence[str] = ("type", "name")) -> pd.DataFrame:
    """Rows as one table, the columns in the order they first appear, empty ones left out."""
    columns = list(dict.fromkeys([*first, *(c for row in rows for c in row)]))
    columns = [c for c in columns if c in first or any(row.get(c) for row in rows)]
    return pd.DataFrame([[row.get(c) for c in columns] for row in rows], columns=columns)

"""The respondent's way through a round, the same on both answer pages (the Streamlit page
`/respond` and the featherweight `/answer/CODE`): what the link says about the visit, how each
question is worded for the one answering, and what sending the answer comes to, told in the
respondent's language.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from feedback import i18n
from feedback.rounds import Round, answers, changes, codes, kiosk, pace, questions, signals
from feedback.rounds.own_questions import OwnQuestion

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Visit:
    """How the respondent came: `ch=qr` in the link from a poster, on a tablet that staff
    enrolled as a kiosk for the round (`kiosk_id`, known from its checked cookie, never
    stored with the answer), else a plain link (the channel stored with the answer);
    `plain=1` for the questions in plain language; `preview=1` staff looking, whose answers
    are never stored."""

    channel: str = "link"
    plain: bool = False
    preview: bool = False
    kiosk_id: str | None = None

    @classmethod
    def from_link(
        cls, query: Callable[[str], str | None], *, featherweight: bool, kiosk_id: str | None = None
    ) -> Visit:
        """The visit that the link's parameters describe (`query(name)`) on the enrolled kiosk
        `kiosk_id` if any; the featherweight page has no kiosk mode and no preview, so there
        those mean nothing. Nothing in a link makes a kiosk."""
        kiosk_id = None if featherweight else kiosk_id
        return cls(
            channel="kiosk" if kiosk_id else "qr" if query("ch") == "qr" else "link",
            plain=query("plain") == "1",
            preview=not featherweight and query("preview") == "1",
            kiosk_id=kiosk_id,
        )


@dataclass(frozen=True)
class Heading:
    """What the top of a question screen says: the round's subject in the page's language
    (None for a round opened before subjects, whose heading is then the question), the
    action's own text for "What is this about?", and the recording of the question if any."""

    subject: str | None
    action: str
    action_lang: str  # the language the action's text is in (the plan's where not translated)
    translated: bool  # the action's text is a translation made for this product
    recording: str | None  # the path that plays it

    @property
    def action_dir(self) -> str:
        """The direction of the action's language ("ltr" or "rtl")."""
        return i18n.REGISTRY[self.action_lang].direction


def heading(round_: Round, lang: str) -> Heading:
    """The top of the round's screens in `lang`."""
    action, translated = i18n.pick(round_.action_text, lang, original=round_.plan_language)
    return Heading(
        subject=round_.subject(lang),
        action=action,
        action_lang=i18n.picked_language(round_.action_text, lang, original=round_.plan_language),
        translated=translated,
        recording=recording_path(round_.code, lang) if lang in round_.recordings else None,
    )


#: Where a round's recording of the question is played from (`feedback.ui.audio`).
RECORDING_PATH = "/audio/{code}/{lang}"


def recording_path(code: str, lang: str) -> str:
    return RECORDING_PATH.format(code=code, lang=lang)


def language(round_: Round, asked: str) -> str:
    """The page's language for this round: the one asked for if the round offers it, else
    the round's first, so that no subject stands under another language's labels."""
    return asked if asked in round_.languages else round_.languages[0]


def group(round_: Round, chosen: object) -> str | None:
    """Whose words the questions are in: the round's one audience, or the group the
    respondent chose among the round's audiences; None while there is none yet."""
    return round_.fixed_group or (chosen if chosen in round_.audiences else None)


def question_text(round_: Round, number: int, group: str | None, visit: Visit, lang: str) -> str:
    """Question `number` of the round as `group` reads it, in plain language if asked for."""
    key = round_.questions[number].text_key_for(group, plain=visit.plain)
    return i18n.t(key, lang)


def own_question_text(question: OwnQuestion, group: str | None, visit: Visit, lang: str) -> str:
    """An own question as `group` reads it: its plain wording for the youngest or when the
    link asks for plain language, where staff wrote one."""
    return question.text(lang, plain=visit.plain or group in questions.YOUNGEST)


class Outcome(StrEnum):
    STORED = "stored"
    PREVIEW = "preview"  # staff: nothing stored, as promised
    CLOSED = "closed"  # the round closed while the respondent was answering
    NOT_CHOSEN = "not_chosen"  # a question without an answer, or an answer the round lacks
    TOO_LONG = "too_long"  # the comment
    CODE_REFUSED = "code_refused"  # a one-time code unknown to the round, or used already
    FAILED = "failed"  # the store could not take it now; what was chosen stays on screen


#: What the respondent is told of each outcome but the stored one (that is the thank-you).
_SAYS = {
    Outcome.PREVIEW: "respond.preview_not_saved",
    Outcome.CLOSED: "respond.closed",
    Outcome.NOT_CHOSEN: "respond.choose_one",
    Outcome.TOO_LONG: "respond.too_long",
    Outcome.CODE_REFUSED: "respond.code_refused",
    Outcome.FAILED: "respond.save_failed",
}


@dataclass(frozen=True)
class Sent:
    """What came of sending an answer, and for a stored one what the thank-you tells about
    the last round on the same action ("you said …, so we …") and whether it shows where to
    find help now (the comment carries a signal of harm, `signals`)."""

    outcome: Outcome
    last_time: changes.Change | None = None
    needs_help: bool = False

    def says(self, lang: str) -> str | None:
        """The words for the respondent, or None for the thank-you."""
        key = _SAYS.get(self.outcome)
        return i18n.t(key, lang, max=questions.FREE_TEXT_MAX) if key else None


def send(
    db_path: str | Path,
    round_: Round,
    answer: answers.Answer,
    *,
    submission_id: str,
    visit: Visit,
    one_time_code: str | None = None,
) -> Sent:
    """Store the respondent's answer (once, however often it is sent) unless it is a preview,
    and say what came of it; never raises for the respondent's sake. An answer that comes too
    fast is stored flagged: on an enrolled kiosk, sooner after that kiosk's last one than the
    minimum interval; anywhere else, beyond the round's pace (`pace`)."""
    if visit.preview:
        return Sent(Outcome.PREVIEW)
    if visit.kiosk_id is not None:
        flagged = kiosk.too_fast(visit.kiosk_id)
    else:
        flagged = pace.too_fast(db_path, round_)
    try:
        answers.record(
            db_path,
            round_,
            answer,
            submission_id=submission_id,
            channel=visit.channel,
            flagged=flagged,
            kiosk_id=visit.kiosk_id,
            one_time_code=one_time_code,
        )
    except answers.RoundClosed:
        return Sent(Outcome.CLOSED)
    # A refusal is logged without the round: the respondent usually sends again at once, and a
    # line with the round's code and the second would give the stored answer its time (#24).
    except codes.CodeRefused:
        log.warning("refused a one-time code")
        return Sent(Outcome.CODE_REFUSED)
    except answers.CommentTooLong:
        log.warning("refused a comment too long")
        return Sent(Outcome.TOO_LONG)
    except answers.InvalidAnswer as refused:
        log.warning("refused an answer: %s", refused)
        return Sent(Outcome.NOT_CHOSEN)
    except Exception:
        log.exception("could not store an answer to round %s", round_.code)
        return Sent(Outcome.FAILED)
    return Sent(
        Outcome.STORED,
        changes.for_thank_you(db_path, round_.id, round_.action_id),
        needs_help=round_.free_text and bool(signals.found(answer.text)),
    )

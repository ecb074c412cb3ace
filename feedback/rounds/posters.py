"""QR codes and printable A4 posters that invite children and families to answer a round.

Staff print the poster and put it up where the activity happens; a phone camera opens the round.
segno draws the QR code and fpdf2 the PDF, in the Unicode font of `pdftext`.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import segno
from fpdf import FPDF
from fpdf.enums import Align, MethodReturnValue

from feedback import i18n, pdftext, settings
from feedback.rounds import Round, faces

# Error correction M survives a smudge or a pin hole; segno raises the level further for free
# whenever the same symbol size has room.
QR_ERROR = "m"
QR_BORDER = 4  # modules of white around the code: the quiet zone the QR standard asks for
QR_DARK = "#000"
QR_LIGHT = "#fff"

# A4 portrait in millimetres.
PAGE_WIDTH = 210.0
PAGE_HEIGHT = 297.0
MARGIN = 14.0
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN

#: Width of the QR symbol itself, quiet zone not included: scans from across a room.
QR_SYMBOL_WIDTH = 92.0
FACE_SIZE = 27.0
FACE_GAP = 7.0

FONT = pdftext.FONT
LINE_SPACING = 1.2
PT = 25.4 / 72  # millimetres per point

INK = (31, 41, 55)  # the faces' outline colour, so that text and faces belong together
HEADLINE_INK = (30, 58, 138)
BAND = (254, 243, 199)
MUTED = (75, 85, 99)


def _qr(url: str) -> segno.QRCode:
    # make_qr, not make: a short text must never come out as a Micro QR, which phones can't read.
    return segno.make_qr(url, error=QR_ERROR)


def qr_svg(url: str) -> str:
    """A QR code for `url` as SVG markup: black on white, with its quiet zone, scalable."""
    out = io.BytesIO()
    _qr(url).save(
        out,
        kind="svg",
        dark=QR_DARK,
        light=QR_LIGHT,
        border=QR_BORDER,
        xmldecl=False,
        omitsize=True,  # a viewBox only, so the code scales to whatever box it is put in
    )
    return out.getvalue().decode("utf-8")


def qr_png(url: str, *, scale: int = 10) -> bytes:
    """The same QR code as PNG bytes, `scale` pixels per module."""
    out = io.BytesIO()
    _qr(url).save(out, kind="png", dark=QR_DARK, light=QR_LIGHT, border=QR_BORDER, scale=scale)
    return out.getvalue()


def poster_pdf(round_: Round, *, url: str, languages: Sequence[str]) -> bytes:
    """A printable A4 poster for the round: invitation, the action, faces, QR code and link.

    Every text appears once per language in `languages` (in that order); the action's text is
    taken in each language where the plan has it, else in the plan's own language, and shown
    once however many languages fall back to it. Raises ValueError for an unknown language.
    """
    langs = _languages(languages)
    actions = _action_texts(round_, langs)
    subjects = _subjects(round_, langs)
    pdf = _new_pdf(round_, langs=langs, actions=subjects or actions)

    # The bottom of the poster has fixed sizes; the action's text gets whatever room is left
    # between it and the headline. Drawing still goes top to bottom, because that is the order
    # in which screen readers and copy-paste read an untagged PDF.
    band = _headline_band(pdf, langs=langs)
    stack = [
        (_faces_row(), 1.0),
        (_qr_block(url=url), 0.0),  # the quiet zone is space enough
        (_link_line(pdf, url=url), 4.0),
        (_code_line(pdf, code=round_.code, langs=langs), 4.0),
        (_anonymous_line(pdf, langs=langs), 1.0),
        (_privacy_line(pdf, langs=langs), 0.0),
    ]
    stack_top = PAGE_HEIGHT - MARGIN - sum(block.height + gap for block, gap in stack)
    band.draw(pdf, 0.0)
    top, bottom = band.height + 5, stack_top - 5
    small = _small_block(pdf, actions, room=SMALL_ROOM) if subjects else None
    if small:  # what the child rates as the heading, the plan's words small below it
        _action_block(
            pdf,
            subjects,
            top=top,
            bottom=bottom - small.height - 3,
            largest=int(band.font_size) - 4,
        )
        small.draw(pdf, bottom - small.height)
    else:
        _action_block(pdf, actions, top=top, bottom=bottom, largest=int(band.font_size) - 4)
    y = stack_top
    for block, gap in stack:
        block.draw(pdf, y)
        y += block.height + gap
    return bytes(pdf.output())


@dataclass(frozen=True)
class _Block:
    """A part of the poster whose height is known before it is drawn at some `top`."""

    height: float
    draw: Callable[[FPDF, float], None]
    font_size: float = 0.0  # of its text, for parts that must stay smaller


def _languages(languages: Sequence[str]) -> list[str]:
    langs = list(dict.fromkeys(languages))
    unknown = [lang for lang in langs if lang not in i18n.ROUND_LANGUAGES]
    if unknown or not langs:
        raise ValueError(
            f"poster languages must be some of {', '.join(i18n.ROUND_LANGUAGES)}, "
            f"got {list(languages)}"
        )
    return langs


def _action_texts(round_: Round, langs: Sequence[str]) -> list[str]:
    texts = [
        pdftext.printable(i18n.pick(round_.action_text, lang, original=round_.plan_language)[0])
        for lang in langs
    ]
    return [text for text in dict.fromkeys(texts) if text]


def _subjects(round_: Round, langs: Sequence[str]) -> list[str]:
    """The round's subject in each of the poster's languages that has one."""
    texts = [pdftext.printable(round_.subject(lang) or "") for lang in langs]
    return [text for text in dict.fromkeys(texts) if text]


#: Height kept for the action's own text under a round's subject (mm).
SMALL_ROOM = 10.0
SMALL_SIZE = 9


def _small_block(pdf: FPDF, texts: Sequence[str], *, room: float) -> _Block:
    """The action's text in small letters, cut to `room` (mm)."""
    pdf.set_font(FONT, "", SMALL_SIZE)
    line = SMALL_SIZE * PT * LINE_SPACING
    blocks = _truncate(pdf, [_lines(pdf, text) for text in texts], lines=int(room // line))
    lines = [text for block in blocks for text in block]

    def draw(pdf: FPDF, top: float) -> None:
        pdf.set_font(FONT, "", SMALL_SIZE)
        pdf.set_text_color(*MUTED)
        for index, text in enumerate(lines):
            pdf.set_xy(MARGIN, top + index * line)
            pdf.cell(CONTENT_WIDTH, line, text, align=Align.C)

    return _Block(line * len(lines), draw, SMALL_SIZE)


def _new_pdf(round_: Round, *, langs: Sequence[str], actions: Sequence[str]) -> FPDF:
    action = " ".join(actions[0].split()) if actions else round_.code
    short = action if len(action) <= 80 else action[:79].rstrip() + "…"
    pdf = pdftext.document(langs, title=i18n.t("poster.document_title", langs[0], action=short))
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(auto=False)  # a poster is one page; long text is fitted, not spilled
    pdf.add_page()
    return pdf


def _headline_band(pdf: FPDF, *, langs: Sequence[str]) -> _Block:
    """The invitation in every language, all the same size: no language comes second."""
    texts = [pdftext.printable(i18n.t("poster.headline", lang)) for lang in langs]
    largest = {1: 46, 2: 40}.get(len(texts), 32)  # fewer languages, bigger letters
    size = min(_fitting_size(pdf, text, style="B", largest=largest, smallest=24) for text in texts)
    line = size * PT * LINE_SPACING
    padding = 8.0

    def draw(pdf: FPDF, top: float) -> None:
        pdf.set_fill_color(*BAND)
        pdf.rect(0, top, PAGE_WIDTH, 2 * padding + line * len(texts), style="F")
        pdf.set_text_color(*HEADLINE_INK)
        pdf.set_font(FONT, "B", size)
        for index, text in enumerate(texts):
            pdf.set_xy(MARGIN, top + padding + index * line)
            pdf.cell(CONTENT_WIDTH, line, text, align=Align.C)

    return _Block(2 * padding + line * len(texts), draw, size)


def _action_block(
    pdf: FPDF, texts: Sequence[str], *, top: float, bottom: float, largest: int
) -> None:
    """What the round is about, as large as fits between the headline and the faces.

    `largest` stays below the headline's size: the invitation comes first.
    """
    if not texts:
        return
    gap = 7.0
    room = bottom - top
    for size in range(largest, 10, -1):
        pdf.set_font(FONT, "B", size)
        line = size * PT * LINE_SPACING
        blocks = [_lines(pdf, text) for text in texts]
        height = sum(len(b) for b in blocks) * line + gap * (len(blocks) - 1)
        if height <= room:
            break
    else:
        blocks = _truncate(pdf, blocks, lines=int((room - gap * (len(blocks) - 1)) // line))
        height = sum(len(b) for b in blocks) * line + gap * (len(blocks) - 1)
    pdf.set_text_color(*INK)
    y = top + (room - height) / 2
    for index, block in enumerate(blocks):
        if index:
            pdf.set_draw_color(*MUTED)
            pdf.set_line_width(0.4)
            pdf.line(PAGE_WIDTH / 2 - 15, y + gap / 2, PAGE_WIDTH / 2 + 15, y + gap / 2)
            y += gap
        for text in block:
            pdf.set_xy(MARGIN, y)
            pdf.cell(CONTENT_WIDTH, line, text, align=Align.C)
            y += line


def _lines(pdf: FPDF, text: str, *, wrapmode: str = "WORD") -> list[str]:
    """`text` broken into the lines that fit the page width in the current font."""
    lines = pdf.multi_cell(
        CONTENT_WIDTH,
        10,
        text,
        dry_run=True,
        output=MethodReturnValue.LINES,
        align=Align.C,
        wrapmode=wrapmode,
    )
    return list(lines)


def _truncate(pdf: FPDF, blocks: list[list[str]], *, lines: int) -> list[list[str]]:
    """Share `lines` fairly between the texts, ending each cut one with an ellipsis."""
    quota = [0] * len(blocks)
    left = max(lines, len(blocks))  # every language keeps at least its first line
    while left and any(q < len(b) for q, b in zip(quota, blocks, strict=True)):
        for index, block in enumerate(blocks):
            if left and quota[index] < len(block):
                quota[index] += 1
                left -= 1
    kept = []
    for block, count in zip(blocks, quota, strict=True):
        part = block[:count]
        if count < len(block):
            last = part[-1]
            while last and pdf.get_string_width(last + " …") > CONTENT_WIDTH:
                last = last[:-1]
            part[-1] = last.rstrip() + " …"
        kept.append(part)
    return kept


def _faces_row() -> _Block:
    """The five faces from very bad to very good, as the respondent will see them."""

    def draw(pdf: FPDF, top: float) -> None:
        x = (PAGE_WIDTH - 5 * FACE_SIZE - 4 * FACE_GAP) / 2
        for value in range(1, 6):
            face = io.BytesIO(faces.svg(value).encode("utf-8"))
            pdf.image(face, x=x, y=top, w=FACE_SIZE, h=FACE_SIZE)
            x += FACE_SIZE + FACE_GAP

    return _Block(FACE_SIZE, draw)


def _qr_block(*, url: str) -> _Block:
    """The QR code, its symbol QR_SYMBOL_WIDTH wide, with the quiet zone around it."""
    modules = _qr(url).symbol_size(scale=1, border=0)[0]
    width = QR_SYMBOL_WIDTH * (modules + 2 * QR_BORDER) / modules
    svg = qr_svg(url).encode("utf-8")

    def draw(pdf: FPDF, top: float) -> None:
        pdf.image(io.BytesIO(svg), x=(PAGE_WIDTH - width) / 2, y=top, w=width, h=width)

    return _Block(width, draw)


def _link_line(pdf: FPDF, *, url: str) -> _Block:
    """The link in full, for whoever cannot scan: as large as fits on one line, else wrapped."""
    text = pdftext.printable(url)
    size = _fitting_size(pdf, text, style="", largest=18, smallest=10)
    pdf.set_font(FONT, "", size)
    lines = _lines(pdf, text, wrapmode="CHAR")
    line = size * PT * LINE_SPACING

    def draw(pdf: FPDF, top: float) -> None:
        pdf.set_font(FONT, "", size)
        pdf.set_text_color(*INK)
        for index, part in enumerate(lines):
            pdf.set_xy(MARGIN, top + index * line)
            pdf.cell(CONTENT_WIDTH, line, part, align=Align.C)

    return _Block(line * len(lines), draw)


def _code_line(pdf: FPDF, *, code: str, langs: Sequence[str]) -> _Block:
    """ "Koodi · Kod · Code:" and the round's code, big enough to type from across a room.

    The code is set as the bidi algorithm sets an isolated run after the label in the first
    language's direction: right to left (Arabic first) the label's colon comes at its left end
    (":Koodi · الرمز"), so the code stands left of the label, next to the colon, not right."""
    right_to_left = i18n.REGISTRY[langs[0]].direction == "rtl"
    label = pdftext.printable(" · ".join(i18n.t("poster.code", lang) for lang in langs) + ":")
    code = pdftext.printable(code)
    label_size, code_size, spacing = 20, 38, 1.5
    pdf.set_font(FONT, "", label_size)
    label_width = pdf.get_string_width(label)
    gap = pdf.get_string_width("  ")
    pdf.set_font(FONT, "B", code_size)
    pdf.set_char_spacing(spacing)
    code_width = pdf.get_string_width(code)
    pdf.set_char_spacing(0)
    ascent, descent = 0.75 * code_size * PT, 0.22 * code_size * PT

    def draw(pdf: FPDF, top: float) -> None:
        # Both parts share one baseline, as words on a line do, whatever their sizes.
        start = (PAGE_WIDTH - label_width - gap - code_width) / 2
        x, code_x = (
            (start + code_width + gap, start)
            if right_to_left
            else (start, start + label_width + gap)
        )
        pdf.set_text_color(*INK)
        pdf.set_font(FONT, "", label_size)
        # A cell, not text(): only cells are shaped (Arabic joined, right to left). fpdf2 puts
        # a cell's baseline 0.5 h + 0.3 font size below its top.
        height = label_size * PT
        pdf.set_xy(x, top + ascent - 0.5 * height - 0.3 * pdf.font_size)
        pdf.cell(label_width, height, label)
        pdf.set_font(FONT, "B", code_size)
        pdf.set_char_spacing(spacing)
        pdf.text(code_x, top + ascent, code)
        pdf.set_char_spacing(0)

    return _Block(ascent + descent, draw)


def _anonymous_line(pdf: FPDF, *, langs: Sequence[str]) -> _Block:
    """A quiet promise at the foot of the page, in the poster's languages only."""
    text = pdftext.printable(" · ".join(i18n.t("poster.anonymous", lang) for lang in langs))
    size = _fitting_size(pdf, text, style="", largest=13, smallest=9)
    line = size * PT * LINE_SPACING

    def draw(pdf: FPDF, top: float) -> None:
        pdf.set_font(FONT, "", size)
        pdf.set_text_color(*MUTED)
        pdf.set_xy(MARGIN, top)
        pdf.cell(CONTENT_WIDTH, line, text, align=Align.C)

    return _Block(line, draw)


def _privacy_line(pdf: FPDF, *, langs: Sequence[str]) -> _Block:
    """Where the privacy notice is, for the parent who reads the poster (GDPR art. 13)."""
    label = " · ".join(i18n.t("footer.privacy", lang) for lang in langs)
    text = pdftext.printable(f"{label}: {settings.base_url()}/privacy")
    size = _fitting_size(pdf, text, style="", largest=11, smallest=8)
    line = size * PT * LINE_SPACING

    def draw(pdf: FPDF, top: float) -> None:
        pdf.set_font(FONT, "", size)
        pdf.set_text_color(*MUTED)
        pdf.set_xy(MARGIN, top)
        pdf.cell(CONTENT_WIDTH, line, text, align=Align.C)

    return _Block(line, draw)


def _fitting_size(pdf: FPDF, text: str, *, style: str, largest: int, smallest: int) -> int:
    """The largest font size from `largest` down to `smallest` at which `text` fits one line."""
    for size in range(largest, smallest, -1):
        pdf.set_font(FONT, style, size)
        if pdf.get_string_width(text) <= CONTENT_WIDTH:
            return size
    return smallest

"""A printable A4 sheet of one-time answer slips for a round answered with codes (`codes`).

Each slip has the round's subject, its code in large letters, and a QR code of the link that
fills the code in (`rounds.link(..., slip=CODE)`): staff cut the sheet and hand a slip to each
child. The QR code and the fonts are the posters' (`posters`), so a slip scans as a poster does.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from fpdf import FPDF
from fpdf.enums import Align, MethodReturnValue

from feedback import i18n, pdftext, rounds
from feedback.rounds import Round, posters

COLUMNS, ROWS = 2, 5
SLIP_WIDTH = (posters.PAGE_WIDTH - 2 * posters.MARGIN) / COLUMNS
SLIP_HEIGHT = (posters.PAGE_HEIGHT - 2 * posters.MARGIN) / ROWS
PADDING = 4.0
QR_WIDTH = 38.0  # the quiet zone included: the symbol is about 30 mm, a phone reads it at once
SUBJECT_LINES = 3
CUT_LINE = (156, 163, 175)


def slips_pdf(round_: Round, slip_codes: Sequence[str]) -> bytes:
    """An A4 sheet (more pages as needed) with one slip per code, ten a page, each with a QR
    code of the link that fills its code in."""
    langs = list(round_.languages)
    # The subject in the round's first language only: a slip is small, and the page it opens
    # offers the others.
    subject = pdftext.printable(round_.subject(langs[0]) or round_.code)
    label = pdftext.printable(" · ".join(i18n.t("slips.code", lang) for lang in langs))
    once = pdftext.printable(" · ".join(i18n.t("slips.once", lang) for lang in langs))
    pdf = pdftext.document(langs, title=i18n.t("slips.document_title", langs[0], subject=subject))
    pdf.set_auto_page_break(auto=False)
    for index, code in enumerate(slip_codes):
        link = rounds.link(round_.code, channel="qr", slip=code)
        if index % (COLUMNS * ROWS) == 0:
            pdf.add_page()
        place = index % (COLUMNS * ROWS)
        x = posters.MARGIN + (place % COLUMNS) * SLIP_WIDTH
        y = posters.MARGIN + (place // COLUMNS) * SLIP_HEIGHT
        _slip(pdf, x, y, subject=subject, label=label, once=once, code=code, link=link)
    return bytes(pdf.output())


def _slip(
    pdf: FPDF, x: float, y: float, *, subject: str, label: str, once: str, code: str, link: str
) -> None:
    pdf.set_draw_color(*CUT_LINE)
    pdf.set_dash_pattern(dash=2, gap=2)
    pdf.rect(x, y, SLIP_WIDTH, SLIP_HEIGHT)
    pdf.set_dash_pattern()
    svg = posters.qr_svg(link).encode("utf-8")
    pdf.image(io.BytesIO(svg), x=x + SLIP_WIDTH - PADDING - QR_WIDTH, y=y + PADDING, w=QR_WIDTH)
    text_width = SLIP_WIDTH - QR_WIDTH - 3 * PADDING
    left = x + PADDING
    pdf.set_text_color(*posters.INK)
    pdf.set_font(posters.FONT, "B", 11)
    lines = pdf.multi_cell(text_width, 4.6, subject, dry_run=True, output=MethodReturnValue.LINES)
    for number, line in enumerate(lines[:SUBJECT_LINES]):
        pdf.set_xy(left, y + PADDING + number * 4.6)
        pdf.cell(text_width, 4.6, line, align=Align.L)
    _fit(pdf, label, style="", largest=8, width=text_width)
    pdf.set_xy(left, y + SLIP_HEIGHT / 2 - 4)
    pdf.cell(text_width, 4, label, align=Align.L)
    pdf.set_char_spacing(1.5)
    # As large as fits beside the QR code: a wide code (W, M) in the Unicode font ran into the
    # symbol's quiet zone, and a phone then could not read it.
    _fit(pdf, code, style="B", largest=22, width=text_width)
    pdf.set_xy(left, y + SLIP_HEIGHT / 2)
    pdf.cell(text_width, 10, pdftext.printable(code), align=Align.L)
    pdf.set_char_spacing(0)
    _fit(pdf, once, style="", largest=7, width=SLIP_WIDTH - 2 * PADDING)
    pdf.set_text_color(*posters.MUTED)
    pdf.set_xy(left, y + SLIP_HEIGHT - PADDING - 4)
    pdf.cell(SLIP_WIDTH - 2 * PADDING, 4, once, align=Align.L)


def _fit(pdf: FPDF, text: str, *, style: str, largest: float, width: float) -> None:
    """Set the largest font size, down to 5 pt, at which `text` fits `width` on one line."""
    size = largest
    pdf.set_font(posters.FONT, style, size)
    while size > 5 and pdf.get_string_width(text) > width:
        size -= 0.5
        pdf.set_font(posters.FONT, style, size)

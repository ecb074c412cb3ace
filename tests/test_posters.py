"""QR codes and A4 posters: what a phone camera reads and what a passer-by sees on the wall."""

import dataclasses
import io
import re
import xml.etree.ElementTree as ET

import pypdfium2
import pytest
import zxingcpp
from click.testing import CliRunner
from PIL import Image
from pypdf import PdfReader

from feedback import rounds
from feedback.cli import cli
from feedback.rounds import posters

URL = "https://palaute.example.fi/answer/testcase?ch=qr"
HEADLINES = {
    "fi": "Kerro mielipiteesi!",
    "sv": "Säg vad du tycker!",
    "en": "Tell us what you think!",
}
ANONYMOUS = {
    "fi": "Vastaukset ovat nimettömiä",
    "sv": "Svaren är anonyma",
    "en": "Answers are anonymous",
}
MM_PER_INCH = 25.4


def scanned(image: Image.Image) -> list[zxingcpp.Result]:
    """What a phone camera would read: every QR code found in the picture."""
    return [r for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]


def page_text(pdf: bytes) -> str:
    [page] = PdfReader(io.BytesIO(pdf)).pages
    return page.extract_text()


def rendered(pdf: bytes, *, dpi: int = 150) -> Image.Image:
    """The poster as it comes out of a printer, at `dpi`."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        return document[0].render(scale=dpi / 72).to_pil()
    finally:
        document.close()


# QR codes


def test_the_png_qr_code_scans_to_the_exact_link_with_error_correction_m_or_better():
    [code] = scanned(Image.open(io.BytesIO(posters.qr_png(URL))))
    assert code.text == URL
    assert code.ec_level in ("M", "Q", "H")


def test_the_png_has_a_quiet_zone_of_four_white_modules():
    image = Image.open(io.BytesIO(posters.qr_png(URL, scale=5))).convert("L")
    modules = image.width // 5
    quiet = image.crop((0, 0, image.width, 4 * 5))  # the top four module rows
    assert image.width == image.height and modules >= 21 + 8
    assert quiet.getextrema() == (255, 255)
    assert image.getpixel((4 * 5, 4 * 5)) == 0  # the finder pattern's dark corner


def test_the_svg_qr_code_is_black_on_white_scalable_and_the_same_code_as_the_png():
    root = ET.fromstring(posters.qr_svg(URL))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "width" not in root.attrib  # scales to the box it is put in
    size = int(root.attrib["viewBox"].split()[2])
    assert size == Image.open(io.BytesIO(posters.qr_png(URL, scale=1))).width
    paths = root.findall("{http://www.w3.org/2000/svg}path")
    assert {p.get("fill") for p in paths} >= {"#fff"}
    assert {p.get("stroke") for p in paths} >= {"#000"}


# The poster


def test_the_poster_is_one_a4_portrait_page(round_):
    reader = PdfReader(io.BytesIO(posters.poster_pdf(round_, url=URL, languages=["fi"])))
    [page] = reader.pages
    assert float(page.mediabox.width) == pytest.approx(595, abs=1)
    assert float(page.mediabox.height) == pytest.approx(842, abs=1)


def test_the_poster_shows_the_action_the_code_the_link_and_every_headline(round_):
    text = page_text(posters.poster_pdf(round_, url=URL, languages=["fi", "sv", "en"]))
    assert "Lasten parlamentti" in text
    assert "Children's parliament" in text
    assert "testcase" in text
    assert URL in text
    for lang in ("fi", "sv", "en"):
        assert HEADLINES[lang] in text
        assert ANONYMOUS[lang] in text
    assert "Koodi · Kod · Code:" in text


def test_the_poster_prints_where_the_privacy_notice_is(round_, monkeypatch):
    monkeypatch.setenv("FEEDBACK_BASE_URL", "https://palaute.example.fi/")
    text = page_text(posters.poster_pdf(round_, url=URL, languages=["fi", "sv"]))
    assert "Tietosuoja · Dataskydd: https://palaute.example.fi/privacy" in text


def test_the_poster_speaks_only_the_languages_asked_for(round_):
    text = page_text(posters.poster_pdf(round_, url=URL, languages=["sv"]))
    assert HEADLINES["sv"] in text and ANONYMOUS["sv"] in text
    for lang in ("fi", "en"):
        assert HEADLINES[lang] not in text
        assert ANONYMOUS[lang] not in text
    # The plan has no Swedish text for this action: its original Finnish stands in.
    assert "Lasten parlamentti" in text
    assert "Children's parliament" not in text


def test_a_round_with_a_subject_has_it_as_the_heading_and_the_action_small(round_):
    with_subject = dataclasses.replace(
        round_, subjects={"fi": "Nuorisotalon kerho", "sv": "Ungdomsgårdens klubb"}
    )
    pdf = posters.poster_pdf(with_subject, url=URL, languages=["fi", "sv"])
    text = page_text(pdf)
    assert "Nuorisotalon kerho" in text and "Ungdomsgårdens klubb" in text
    assert "Lasten parlamentti" in text  # the plan's own words, small, below it
    assert text.index("Ungdomsgårdens klubb") < text.index("Lasten parlamentti")
    assert PdfReader(io.BytesIO(pdf)).metadata.title.endswith("Nuorisotalon kerho")
    sizes = {}
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    page.extract_text(
        visitor_text=lambda text, cm, tm, font, size: sizes.setdefault(text.strip(), tm[0] * size)
    )
    assert sizes["Nuorisotalon kerho"] > 2 * sizes["Lasten parlamentti"]


def test_an_action_text_that_several_languages_fall_back_to_is_printed_once(round_):
    text = page_text(posters.poster_pdf(round_, url=URL, languages=["fi", "sv"]))
    assert text.count("Lasten parlamentti") == 1
    assert HEADLINES["fi"] in text and HEADLINES["sv"] in text


def test_the_printed_qr_code_scans_to_the_link_and_is_at_least_9_cm_wide(round_):
    dpi = 150
    [code] = scanned(rendered(posters.poster_pdf(round_, url=URL, languages=["fi", "sv"]), dpi=dpi))
    assert code.text == URL
    position = code.position
    width_px = abs(position.top_right.x - position.top_left.x)
    assert width_px / dpi * MM_PER_INCH >= 90


def test_a_very_long_action_text_is_shortened_and_the_poster_stays_one_page(round_):
    long_text = "\n".join(f"- Toimenpide numero {n} lasten ja nuorten hyväksi" for n in range(60))
    crowded = dataclasses.replace(round_, action_text={"fi": long_text, "sv": "Barnens röst"})
    pdf = posters.poster_pdf(crowded, url=URL, languages=["fi", "sv"])
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    text = page_text(pdf)
    assert "- Toimenpide numero 0 lasten ja nuorten hyväksi" in text
    assert "Toimenpide numero 59" not in text
    assert "…" in text
    assert "Barnens röst" in text  # the second language keeps its place
    [code] = scanned(rendered(pdf))
    assert code.text == URL


def test_admin_text_is_printed_literally_without_control_characters(round_):
    tricky = "Kerho\x07 9–12-vuotiaille <b>&amp;</b>\u202e – “Åland” · čaj ∞"
    odd = dataclasses.replace(round_, action_text={"fi": tricky})
    text = " ".join(page_text(posters.poster_pdf(odd, url=URL, languages=["fi"])).split())
    assert "Kerho 9–12-vuotiaille <b>&amp;</b> – “Åland” · čaj ∞" in text
    assert "\x07" not in text and "\u202e" not in text


SAMI = "Mánáid ja nuoraid searvan: ŋ đ ŧ č š ž Ŋ Đ Ŧ Č Š Ž"
ARABIC = "نادي الشباب"  # the youth club


def test_northern_sami_and_arabic_come_out_whole_and_arabic_runs_right_to_left(round_):
    told = dataclasses.replace(round_, action_text={"fi": SAMI}, subjects={"fi": ARABIC})
    pdf = posters.poster_pdf(told, url=URL, languages=["fi"])
    text = page_text(pdf)
    assert SAMI in text and ARABIC in text
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0].get_textpage()
        drawn = page.get_text_range()
        start = drawn.index(ARABIC)
        first, last = (page.get_charbox(start + i)[0] for i in (0, len(ARABIC) - 1))
    finally:
        document.close()
    assert first > last  # the first letter read stands rightmost


def test_a_poster_in_arabic_and_ukrainian_reads_back_whole(round_):
    told = dataclasses.replace(round_, languages=("ar", "uk"), subjects={"ar": ARABIC})
    text = page_text(posters.poster_pdf(told, url=URL, languages=["ar", "uk"]))
    for words in ("أخبرنا برأيك", "Розкажи, що ти думаєш!", "الرمز", "Код", "Відповіді анонімні"):
        assert words in text
    assert ARABIC in text and "الإجابات مجهولة الهوية" in text


def test_the_codes_label_ends_with_its_colon_next_to_the_code_in_either_direction(round_):
    def code_line(langs: list[str]) -> str:
        told = dataclasses.replace(round_, languages=tuple(langs), subjects={"ar": ARABIC})
        [page] = PdfReader(io.BytesIO(posters.poster_pdf(told, url=URL, languages=langs))).pages
        # Layout mode reads the page left to right as it is drawn.
        [line] = [
            line
            for line in page.extract_text(extraction_mode="layout").splitlines()
            if "Koodi" in line
        ]
        return line.strip()

    # Arabic first: read right to left, "الرمز · Koodi:" and then the code, on its left.
    assert re.fullmatch(rf"{round_.code}\s+:Koodi · \S+", code_line(["ar", "fi"]))
    assert re.fullmatch(rf"Koodi · \S+:\s+{round_.code}", code_line(["fi", "ar"]))


def test_the_same_round_always_gives_the_same_file(round_):
    first = posters.poster_pdf(round_, url=URL, languages=["fi", "sv"])
    assert posters.poster_pdf(round_, url=URL, languages=["fi", "sv"]) == first


def test_the_pdf_names_its_title_and_language(round_):
    reader = PdfReader(io.BytesIO(posters.poster_pdf(round_, url=URL, languages=["sv", "fi"])))
    assert reader.metadata.title == "Responsaffisch: Ungdomsgårdens klubb"
    assert reader.trailer["/Root"]["/Lang"] == "sv"


@pytest.mark.parametrize("languages", [[], ["de"], ["fi", "xx"]])
def test_a_poster_in_an_unknown_language_is_refused(round_, languages):
    with pytest.raises(ValueError, match="fi, sv, en"):
        posters.poster_pdf(round_, url=URL, languages=languages)


# Command line


@pytest.fixture
def poster_cli(plan_db):
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, ["round", "poster", *args, "--db", str(plan_db)])

    return invoke


def test_the_command_writes_a_poster_in_the_rounds_languages(poster_cli, round_, tmp_path):
    out = tmp_path / "juliste.pdf"
    result = poster_cli("testcase", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.output
    text = page_text(out.read_bytes())
    assert rounds.link("testcase", channel="qr") in text
    for lang in round_.languages:
        assert HEADLINES[lang] in text


def test_the_command_prints_only_the_languages_asked_for(poster_cli, round_, tmp_path):
    out = tmp_path / "affisch.pdf"
    result = poster_cli("testcase", "--out", str(out), "--lang", "sv", "--lang", "en")
    assert result.exit_code == 0, result.output
    text = page_text(out.read_bytes())
    assert HEADLINES["sv"] in text and HEADLINES["en"] in text
    assert HEADLINES["fi"] not in text


def test_the_command_writes_the_qr_code_alone_as_png_or_svg(poster_cli, round_, tmp_path):
    png, svg = tmp_path / "qr.png", tmp_path / "qr.svg"
    assert poster_cli("testcase", "--out", str(png)).exit_code == 0
    assert poster_cli("testcase", "--out", str(svg)).exit_code == 0
    [code] = scanned(Image.open(png))
    assert code.text == rounds.link("testcase", channel="qr")
    assert code.text.endswith("/answer/testcase?ch=qr"), "the light page, counted as QR"
    assert svg.read_text(encoding="utf-8") == posters.qr_svg(rounds.link("testcase", channel="qr"))


def test_an_unknown_code_says_where_to_find_the_codes(poster_cli, plan_db, tmp_path):
    out = tmp_path / "x.pdf"
    result = poster_cli("abcdefgh", "--out", str(out))
    assert result.exit_code != 0
    assert "no round 'abcdefgh'" in result.output
    assert "feedback round list" in result.output
    assert not out.exists()


def test_an_unsupported_file_type_is_refused_before_anything_is_written(
    poster_cli, round_, tmp_path
):
    out = tmp_path / "poster.jpg"
    result = poster_cli("testcase", "--out", str(out))
    assert result.exit_code != 0
    assert ".pdf, .png or .svg" in result.output
    assert not out.exists()


def test_a_poster_for_a_closed_round_comes_with_a_warning(poster_cli, round_, plan_db, tmp_path):
    rounds.set_status(plan_db, "testcase", "closed")
    result = poster_cli("testcase", "--out", str(tmp_path / "p.pdf"))
    assert result.exit_code == 0
    assert "closed" in result.output

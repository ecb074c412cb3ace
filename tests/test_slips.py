"""One-time answer slips: `feedback round create --codes N`, then a sheet to print and cut."""

from __future__ import annotations

import io
from urllib.parse import parse_qs, urlsplit

import pypdfium2
import zxingcpp
from click.testing import CliRunner
from pypdf import PdfReader

from feedback import rounds
from feedback.cli import cli
from feedback.rounds import answers, codes


def invoke(db_path, *args: str):
    return CliRunner().invoke(cli, [*args, "--db", str(db_path)])


def test_a_round_opened_with_codes_prints_a_slip_per_unused_code_whose_qr_fills_it_in(
    plan_db, tmp_path
):
    created = invoke(
        plan_db,
        *("round", "create", "--action", "mini:a1", "--codes", "12"),
        *("--subject", "fi=Kerho", "--subject", "sv=Klubben", "--subject", "en=The club"),
    )
    assert created.exit_code == 0, created.output
    code = created.output.split("code: ")[1].split()[0]
    assert "one-time codes: 12" in created.output
    round_ = rounds.get_by_code(plan_db, code)
    unused = codes.unused(plan_db, round_.id)
    assert len(unused) == 12
    answers.record(
        plan_db,
        round_,
        answers.Answer(scores=(5,)),
        submission_id="a" * 32,
        one_time_code=unused[0],
    )
    out = tmp_path / "slips.pdf"
    written = invoke(plan_db, "round", "codes", code, "--out", str(out))
    assert written.exit_code == 0, written.output
    assert "11 slips" in written.output
    pdf = out.read_bytes()
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) == 2  # ten slips a page
    text = "".join(page.extract_text() for page in pages)
    assert "Kerho" in text and "Vastauskoodi" in text
    assert all(slip in text for slip in unused[1:]) and unused[0] not in text
    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[0].render(scale=200 / 72).to_pil()
    finally:
        document.close()
    found = [r.text for r in zxingcpp.read_barcodes(image)]
    assert len(found) == 10
    for link in found:
        parts = urlsplit(link)
        assert parts.path == f"/answer/{code}"
        assert parse_qs(parts.query) == {"ch": ["qr"], "k": [parse_qs(parts.query)["k"][0]]}
    assert sorted(parse_qs(urlsplit(link).query)["k"][0] for link in found) == unused[1:11]


def test_slips_of_a_round_without_codes_are_refused(plan_db, tmp_path):
    round_ = rounds.create(plan_db, action_id="mini:a1", subjects={"fi": "K", "sv": "K", "en": "K"})
    result = invoke(plan_db, "round", "codes", round_.code, "--out", str(tmp_path / "s.pdf"))
    assert result.exit_code != 0 and "answered without codes" in result.output
    assert not (tmp_path / "s.pdf").exists()

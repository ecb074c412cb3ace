"""The script that merges text dictionaries of the old shape (as branches started before the
catalogues add them) into the catalogues."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

from feedback import i18n

ROOT = Path(__file__).resolve().parent.parent
OLD_SHAPE = """TEXTS = {
    "demo.new": {"fi": "Uusi teksti", "sv": "Ny text", "en": "A new text"},
    "face.1": {"fi": "Tosi tosi huono", "sv": "Mycket dåligt", "en": "Very bad"},
    "rounds.answers": {"fi": "{n} vastausta", "sv": "{n} svar", "en": "{n} answers"},
}
"""


def texts(locale: Path, lang: str) -> dict[str, object]:
    with (locale / lang / "LC_MESSAGES" / "messages.po").open("rb") as file:
        return {m.context: m.string for m in read_po(file) if m.id}


def test_entries_of_the_old_shape_are_merged_into_every_catalogue(tmp_path):
    locale = tmp_path / "locale"
    shutil.copytree(i18n.LOCALE_DIR, locale, ignore=shutil.ignore_patterns("*.mo"))
    module = tmp_path / "branch.py"
    module.write_text(OLD_SHAPE, encoding="utf-8")
    snapshot = tmp_path / "before.json"
    script = [sys.executable, "scripts/texts_to_catalogues.py", str(module)]
    done = subprocess.run(
        [*script, "--locale", str(locale), "--snapshot", str(snapshot)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.splitlines() == [
        "added     demo.new",
        "changed   face.1",
        "kept      rounds.answers (plural forms in the catalogues)",
        f"removed   {module}",
    ]
    fi, sv = texts(locale, "fi"), texts(locale, "sv")
    assert (fi["demo.new"], sv["demo.new"], fi["face.1"]) == (
        "Uusi teksti",
        "Ny text",
        "Tosi tosi huono",
    )
    assert fi["rounds.answers"] == ("{n} vastaus", "{n} vastausta")
    assert len(fi) == len(texts(i18n.LOCALE_DIR, "fi")) + 1
    assert json.loads(snapshot.read_text("utf-8"))["demo.new"]["en"] == "A new text"
    assert not module.exists()

"""Merge text dictionaries of the old shape into the gettext catalogues, then remove them.

    .venv/bin/python scripts/texts_to_catalogues.py                  # every feedback/texts/*.py
    .venv/bin/python scripts/texts_to_catalogues.py feedback/texts/x.py --keep

A dictionary module holds `TEXTS = {key: {"fi": ..., "sv": ..., "en": ...}}`, as the texts were
kept before the catalogues (and as a branch started before them may still add). Each entry
becomes a message whose msgctxt is the key and whose msgid is the English text, in
feedback/locale/messages.pot and in every language's messages.po; its other languages become
the translations. An existing key takes the dictionary's texts (printed as "changed"), except
a key that the catalogues already give plural forms (printed as "kept"); a translation whose
English source changed is marked fuzzy for review. It also records the dictionaries' texts in
tests/data/texts_before_catalogues.json, which a test renders through the catalogues.
Every registry language without a .po gets one (all untranslated). Compile afterwards:
`.venv/bin/pybabel compile -d feedback/locale` (scripts/test.sh does).
"""

from __future__ import annotations

import argparse
import json
import runpy
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from feedback import i18n  # noqa: E402  (the registry and the catalogues' paths)

SOURCE = "en"
SNAPSHOT = ROOT / "tests" / "data" / "texts_before_catalogues.json"
# A fixed date in the headers: a catalogue changes only when a text does.
STAMP = datetime(2026, 12, 1, tzinfo=UTC)

#: Translator comments by the key's first part: who reads the text.
READERS = {
    **dict.fromkeys(
        ("respond", "face", "question", "thumb", "star", "grade", "nps", "group", "choice"),
        "A child or young person reads this while answering (from about 4 years, often with "
        "a guardian reading aloud): short, plain, friendly words.",
    ),
    **dict.fromkeys(
        ("poster", "results", "changes", "busy", "language", "footer"),
        "Children and families read this: plain, friendly words.",
    ),
    "privacy": "Families read this privacy notice: plain language, the same facts exactly.",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", type=Path)
    parser.add_argument("--keep", action="store_true", help="do not remove the modules")
    parser.add_argument("--locale", type=Path, default=i18n.LOCALE_DIR, help=argparse.SUPPRESS)
    parser.add_argument("--snapshot", type=Path, default=SNAPSHOT, help=argparse.SUPPRESS)
    args = parser.parse_args()
    template_path = args.locale / f"{i18n.DOMAIN}.pot"

    def po_path(lang: str) -> Path:
        return args.locale / lang / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"

    modules = args.modules or sorted(
        p for p in (ROOT / "feedback" / "texts").glob("*.py") if p.name != "__init__.py"
    )
    entries: dict[str, dict[str, str]] = {}
    for module in modules:
        for key, texts in runpy.run_path(str(module))["TEXTS"].items():
            if key in entries:
                raise SystemExit(f"{key} is defined twice")
            entries[key] = texts

    template = _read(template_path, None)
    catalogues = {lang: _read(po_path(lang), lang) for lang in i18n.ROUND_LANGUAGES}
    for key, texts in sorted(entries.items()):
        old = template.get(texts[SOURCE], context=key) or _by_context(template, key)
        if old is not None and isinstance(old.id, tuple | list):
            print(f"kept      {key} (plural forms in the catalogues)")
            continue
        if old is None:
            print(f"added     {key}")
        elif old.id != texts[SOURCE] or any(
            (_by_context(catalogues[lang], key) or Message("")).string != text
            for lang, text in texts.items()
            if lang in catalogues
        ):
            print(f"changed   {key}")
        else:
            continue
        _put(template, key, texts[SOURCE], "")
        for lang, catalogue in catalogues.items():
            kept = _by_context(catalogue, key)
            if lang in texts:
                _put(catalogue, key, texts[SOURCE], texts[lang])
            elif kept:  # a language the dictionaries do not hold: reviewed when the source moved
                fuzzy = kept.fuzzy or kept.id != texts[SOURCE]
                _put(catalogue, key, texts[SOURCE], kept.string, fuzzy=fuzzy)
            else:
                _put(catalogue, key, texts[SOURCE], "")

    for catalogue in catalogues.values():  # a new language starts with every text untranslated
        for message in template:
            if message.id and _by_context(catalogue, message.context) is None:
                empty = "" if isinstance(message.id, str) else ("",) * catalogue.num_plurals
                _put(catalogue, message.context, message.id, empty)
    args.locale.mkdir(exist_ok=True)
    _write(template_path, template)
    for lang, catalogue in catalogues.items():
        po_path(lang).parent.mkdir(parents=True, exist_ok=True)
        _write(po_path(lang), catalogue)
    before = json.loads(args.snapshot.read_text("utf-8")) if args.snapshot.exists() else {}
    args.snapshot.write_text(
        json.dumps(dict(sorted((before | entries).items())), ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    if not args.keep:
        for module in modules:
            module.unlink()
            print(f"removed   {module}")


def _by_context(catalogue: Catalog, key: str) -> Message | None:
    return next((m for m in catalogue if m.context == key), None)


def _put(catalogue: Catalog, key: str, source: str, text: str, *, fuzzy: bool = False) -> None:
    old = _by_context(catalogue, key)
    if old is not None:
        catalogue.delete(old.id, context=key)
    comments = [READERS[key.split(".")[0]]] if key.split(".")[0] in READERS else []
    catalogue.add(
        source,
        text,
        context=key,
        auto_comments=comments,
        user_comments=old.user_comments if old else (),
        flags=("fuzzy",) if fuzzy else (),
    )


def _read(path: Path, lang: str | None) -> Catalog:
    if path.exists():
        with path.open("rb") as file:
            return read_po(file, locale=lang)
    return Catalog(
        locale=lang,
        domain=i18n.DOMAIN,
        project="welfare-feedback",
        version="1",
        header_comment=(
            "# The texts of welfare-feedback. msgctxt is the key the code looks a text up by;\n"
            "# msgid is its English wording (docs/design.md, Languages)."
        ),
        copyright_holder="welfare-feedback",
        creation_date=STAMP,
        revision_date=STAMP,
        fuzzy=False,
    )


def _write(path: Path, catalogue: Catalog) -> None:
    # Ordered by key, so that texts added on two branches land in different places of the file.
    messages = sorted((m for m in catalogue if m.id), key=lambda m: m.context)
    for message in messages:
        catalogue.delete(message.id, context=message.context)
    for message in messages:
        catalogue[message.id] = message
    catalogue.creation_date = STAMP
    catalogue.revision_date = STAMP
    with path.open("wb") as file:
        write_po(file, catalogue, width=100, sort_by_file=False, sort_output=False)


if __name__ == "__main__":
    main()

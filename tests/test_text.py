import json

import pytest

from feedback.ui.escaping import WORD_JOINER, plain, script_json


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Lasten parlamentti", "Lasten parlamentti"),
        ("**bold** [link](x)", r"\*\*bold\*\* \[link\]\(x\)"),
        ("<img src=x onerror=alert(1)>", r"\<img src\=x onerror\=alert\(1\)\>"),
        ("# heading\n\n- item", r"\# heading \- item"),
    ],
)
def test_user_text_is_escaped_so_markdown_shows_it_literally(raw, shown):
    assert plain(raw) == shown


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("http://x.example/a", r"http~\://x\.example/a"),
        ("HTTPS://x.example", r"HTTPS~\://x\.example"),
        ("katso www.kotka.fi", r"katso www~\.kotka\.fi"),
        ("nuoret@kotka.fi", r"nuoret~@kotka\.fi"),
        ("[x](http://x.example)", r"\[x\]\(http~\://x\.example\)"),
    ],
)
def test_a_bare_address_gets_a_word_joiner_so_it_is_not_made_a_link(raw, shown):
    # GFM links addresses after parsing, so escaping alone leaves http://… a live link.
    assert plain(raw) == shown.replace("~", WORD_JOINER)
    assert plain(raw).replace(WORD_JOINER, "").replace("\\", "") == raw


@pytest.mark.parametrize(
    "value",
    [
        {"stillThere": "Oletko vielä siellä?</script><script>alert(1)</script>"},
        "<!-- & -->",
        {"n": 45, "ok": "Jatka & aloita alusta"},
    ],
)
def test_text_written_into_a_script_element_can_neither_end_it_nor_change(value):
    written = script_json(value)
    assert not {"<", ">", "&"} & set(written)
    assert json.loads(written) == value

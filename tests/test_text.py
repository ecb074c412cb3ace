import pytest

from feedback.ui.text import plain


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Lasten parlamentti", "Lasten parlamentti"),
        ("**bold** [link](http://x.example)", r"\*\*bold\*\* \[link\]\(http\://x\.example\)"),
        ("<img src=x onerror=alert(1)>", r"\<img src\=x onerror\=alert\(1\)\>"),
        ("# heading\n\n- item", r"\# heading \- item"),
    ],
)
def test_user_text_is_escaped_so_markdown_shows_it_literally(raw, shown):
    assert plain(raw) == shown

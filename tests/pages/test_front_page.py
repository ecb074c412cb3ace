"""The front page: what the service is."""

from tests.support.pages import markdown_text, page


def test_the_front_page_explains_the_service(app_env):
    at = page("home", lang="sv")
    assert not at.exception
    assert at.title[0].value == "Barns och ungas respons"
    assert "anonyma" in markdown_text(at)

"""`streamlit run streamlit_app.py` instead of `app.py`: the pages say how to start the app,
rather than run without the answer page, the cookie route, the headers and the memory guard."""

import pytest

from benchmarks.server import free_port, launch, wait_healthy
from feedback import plans, settings
from tests.support.browser import PHONE

pytestmark = [pytest.mark.browser, pytest.mark.sqlite_only]


def test_the_app_started_without_app_py_names_the_right_command(browser, db_path, tmp_path):
    plans.import_directory(db_path, settings.PLANS_DIR)
    port = free_port()
    log = tmp_path / "server.log"
    process = launch(db_path, port, log, entry="streamlit_app.py")
    try:
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, process, log)
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        for path, words in (("/", "Sovellus käynnistetään"), ("/login?lang=sv", "Appen startas")):
            page.goto(url + path)
            page.get_by_role("alert").wait_for(timeout=30_000)
            said = page.get_by_role("alert").inner_text()
            assert said.startswith(words) and "streamlit run app.py" in said
        assert page.get_by_label("Användarnamn").count() == 0, "no sign-in without the cookie"
        context.close()
    finally:
        process.terminate()
        process.wait(timeout=15)

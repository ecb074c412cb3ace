"""Pages as a person sees them: the Streamlit pages through AppTest, inside the real app, and
the featherweight answer page's form."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from feedback import settings
from feedback.ui import page as registry

ROOT = settings.PROJECT_ROOT


TIMEOUT = 30


def page(name: str, *, session: str | None = None, opened: tuple = (), **query) -> AppTest:
    # Pages run inside the real app (as a deep link does), so page links resolve as in use.
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=TIMEOUT)
    if name != "home":
        at.switch_page(f"pages/{name}.py")
    for key, value in query.items():
        at.query_params[key] = value
    if session:
        at.session_state["session_id"] = session
    for key in opened:  # expanders that draw their content only while open
        at.session_state[key] = True
    return at.run()


def markdown_text(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


def submission_id(page: str) -> str:
    return re.search(r'name="sid" value="([0-9a-f]{32}\.[0-9]+\.[0-9a-f]{32})"', page).group(1)


def press(at: AppTest, label: str) -> AppTest:
    next(b for b in at.button if b.label == label).click()
    return at.run()


#: The pages for staff and admins, and every page behind a sign-in (council's too), as the
#: app registers them: every sweep over pages loops over these.
STAFF_PAGES = [p.name for p in registry.STAFF_PAGES]
SIGNED_IN_PAGES = [p.name for p in registry.SIGNED_IN_PAGES]

"""Every staff screen at tablet and phone width in real chromium: no page scrolls sideways and
nothing sticks out of it (tables and charts may scroll inside themselves), no button's label or
heading word is cut, every chart leaves its marks room. Whole-page screenshots to look at."""

from __future__ import annotations

from datetime import datetime

import pytest

from feedback import demo, i18n
from feedback.ui import page as registry
from tests.support.browser import screenshot, settle, signed_in_page, still
from tests.support.pages import SIGNED_IN_PAGES
from tests.support.rounds import answer, open_round
from tests.support.users import make_user

pytestmark = pytest.mark.browser

SIZES = {"tablet": {"width": 1024, "height": 768}, "phone": {"width": 390, "height": 844}}
# Each staff page, who looks at it (None: signed out) and its title.
#: Every page but the front page and the answer page (tests of their own), as the app registers
#: them, and who looks at it: the council member, an admin, or (public pages) nobody signed in.
PAGES = [name for name in registry.PAGES if name not in ("home", "respond")]
USERS = {"council": "leveys-nuva", "results": "leveys-admin"}
# A comment with a long unbroken word: the kind of text that pushes a page wider.
LONG_COMMENT = "Lisää lautapelejä, katso https://example.org/" + "a" * 80

# What makes a page scroll sideways or sticks out of it: each element of the page's content that
# reaches past its content column (and is not inside a table's or chart's own scroller), the
# outermost one only; each button whose label is cut short (Streamlit ends it in "…"); each
# heading word too wide for its line (it would be broken mid-word); and each chart whose labels
# and legend leave its marks less than a third of its width.
LAYOUT_PROBLEMS = """
() => {
  const column = document.querySelector('[data-testid="stMainBlockContainer"]');
  const style = getComputedStyle(column);
  const box = column.getBoundingClientRect();
  const left = box.left + parseFloat(style.paddingLeft) - 1;
  const right = Math.min(box.right - parseFloat(style.paddingRight),
                         document.documentElement.clientWidth) + 1;
  const outside = el => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && (r.right > right || r.left < left);
  };
  const scrolls = el => ['auto', 'scroll', 'hidden', 'clip']
    .includes(getComputedStyle(el).overflowX);
  const name = el => {
    const id = el.closest('[data-testid]');
    const cls = typeof el.className === 'string' ? el.className.trim().split(/\\s+/)[0] : '';
    const r = el.getBoundingClientRect();
    return `${el.tagName.toLowerCase()}${cls ? '.' + cls : ''}` +
      (id ? ` in ${id.dataset.testid}` : '') +
      ` at ${Math.round(r.left)}–${Math.round(r.right)} px` +
      ` (the column is ${Math.round(left)}–${Math.round(right)} px)`;
  };
  const found = [];
  for (const el of column.querySelectorAll('*')) {
    if (!outside(el) || (el.parentElement !== column && outside(el.parentElement))) continue;
    // A table's resize handle sits just beyond the table's edge by design.
    if (el.parentElement.closest('[data-testid="stDataFrameResizable"]')) continue;
    let clipped = false;
    for (let up = el.parentElement; up !== column; up = up.parentElement) {
      if (scrolls(up)) { clipped = true; break; }
    }
    if (!clipped) found.push(name(el));
  }
  for (const label of column.querySelectorAll('button [data-testid="stMarkdownContainer"]')) {
    if (label.offsetWidth && label.scrollWidth > label.clientWidth + 1) {
      found.push(`the button "${label.textContent}" is cut to ${label.clientWidth} px`);
    }
  }
  const pen = document.createElement('canvas').getContext('2d');
  for (const heading of column.querySelectorAll('h1, h2, h3')) {
    if (!heading.clientWidth) continue;  // in a tab not shown
    const font = getComputedStyle(heading);
    pen.font = `${font.fontWeight} ${font.fontSize} ${font.fontFamily}`;
    for (const word of heading.textContent.split(/\\s+/)) {
      if (pen.measureText(word).width > heading.clientWidth) {
        found.push(`the heading word "${word}" is wider than its ${heading.clientWidth} px`);
      }
    }
  }
  for (const chart of column.querySelectorAll('[data-testid="stVegaLiteChart"]')) {
    const width = chart.getBoundingClientRect().width;
    const plots = [...chart.querySelectorAll('g.role-frame > g > path.background')]
      .map(p => p.getBoundingClientRect().width);
    if (Math.max(...plots) < width / 3) {
      const title = chart.querySelector('g.role-title text')?.textContent;
      found.push(`the chart "${title}" draws its marks in ${Math.round(Math.max(...plots))}` +
                 ` of ${Math.round(width)} px`);
    }
  }
  return found;
}
"""
SCROLLING = """
() => ['html', '[data-testid="stAppViewContainer"]', '[data-testid="stMain"]']
  .map(selector => [selector, document.querySelector(selector)])
  .filter(([, el]) => el && el.scrollWidth > el.clientWidth)
  .map(([selector, el]) => `${selector} is ${el.scrollWidth} px wide in ${el.clientWidth} px`)
"""
CHARTS_DRAWN = """
() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
  .every(chart => chart.querySelector('g.role-frame'))
"""


@pytest.fixture(scope="module")
def staff_data(server):
    """Answers on every plan, answers at every hour of a day (the widest heat map), a round
    with a long comment, a round for the youth council, an admin and a council member;
    returns the commented round's code (for /results)."""
    demo.fill(server.db_path, answers=3000, seed=14)
    # On the dashboard's first plan, the one it shows first.
    every_hour = open_round(server.db_path, action_id="esbo:p1-1-a1")
    today = datetime.now().replace(minute=0, second=0, microsecond=0)
    for hour in range(24):  # cells and comments show only with at least k (10) answers
        answer(server.db_path, every_hour, *[3] * 10, now=today.replace(hour=hour))
    commented = open_round(server.db_path, action_id="kymenlaakso:hamina-03", free_text=True)
    answer(server.db_path, commented, *[4] * 12, comment=LONG_COMMENT)
    open_round(server.db_path, action_id="kymenlaakso:hamina-04", audiences=("youth-council",))
    make_user(server, "leveys-admin", role="admin")
    make_user(server, "leveys-nuva", role="council", actors=("kymenlaakso:hamina",))
    return commented.code


@pytest.fixture(scope="module")
def pages_of(server, browser, staff_data):
    """One page per user (None: signed out), reused for every page and size: signing in is
    the slow part."""
    opened = {}

    def page_of(username: str | None):
        if username not in opened:
            if username is None:
                opened[username] = browser.new_context().new_page()
            else:
                opened[username] = signed_in_page(browser, server, username)
        return opened[username]

    yield page_of
    for page in opened.values():
        page.context.close()


def whole_page_screenshot(page, name: str) -> None:
    """Streamlit scrolls its main container, not the document, so `full_page` alone shows only
    the viewport: for the picture the viewport is stretched to the content's height."""
    size = page.viewport_size
    height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(height, size["height"])})
    screenshot(page, name)
    page.set_viewport_size(size)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", PAGES)
def test_the_staff_page_fits_the_screen_without_sideways_scrolling(
    server, pages_of, staff_data, name, size
):
    username = USERS.get(name, "leveys-admin" if name in SIGNED_IN_PAGES else None)
    title_key = registry.PAGES[name].title_key
    page = pages_of(username)
    page.set_viewport_size(SIZES[size])
    page.goto(f"{server.url}/{name}" + (f"?s={staff_data}" if name == "results" else ""))
    page.get_by_role("heading", name=i18n.t(title_key, "fi")).first.wait_for(timeout=30_000)
    settle(page)
    page.wait_for_function(CHARTS_DRAWN, timeout=30_000)
    problems = page.evaluate(SCROLLING) + page.evaluate(LAYOUT_PROBLEMS)
    whole_page_screenshot(page, f"layout-{name}-{size}")
    assert problems == [], f"/{name} at {size}: {problems}"


def test_the_goal_chart_makes_room_for_its_bars_when_the_window_narrows(server, pages_of):
    # A tablet's window narrowed to a phone's width (split view), the page not loaded again:
    # the chart's goal names must give up their width (40 % of the new width) for the bars by
    # themselves. Before, they kept the tablet's 320 px and left the bars 115 of 358 px.
    page = pages_of("leveys-admin")
    page.set_viewport_size(SIZES["tablet"])
    page.goto(f"{server.url}/overview")
    page.get_by_role("heading", name=i18n.t("overview.title", "fi")).first.wait_for(timeout=30_000)
    still(page)
    page.wait_for_function(CHARTS_DRAWN, timeout=30_000)
    page.set_viewport_size(SIZES["phone"])
    page.wait_for_function(f"innerWidth === {SIZES['phone']['width']}")
    still(page)
    assert page.evaluate(LAYOUT_PROBLEMS) == []
    whole_page_screenshot(page, "layout-overview-narrowed")

"""Light pages for slow networks (issue 13): what each page of the built site costs to load.

Every page of the site is opened in Debian Chromium on a first visit (empty cache), served
the way a static host serves it (gzip for text, as GitHub Pages, Netlify or nginx with
``gzip on`` do: ``tests.benchmarks.page_weight.StaticHost``), and the compressed bytes of
every response are added up. Bytes are deterministic, so they have budgets; load times are
not, so they stay in the benchmark (``python -m tests.benchmarks.page_weight``).

Budgets (compressed, first visit):
* a page with exercises: at most 250 KB and 15 requests;
* any other page: at most 150 KB;
* moving on to the next page with the cache warm: at most 40 KB.

Every page is loaded once for these and the site's other look-only checks
(``tests/browser/site_visits.py``). The second half checks that the light pages keep what
a learner uses: every icon is drawn, the launch menu opens, dark mode switches, and search
finds pages.
"""

from __future__ import annotations

import pytest

from tests.benchmarks.page_weight import KB
from tests.browser.site_visits import PageVisit, visits

pytestmark = pytest.mark.browser

EXERCISE_PAGE_BYTES = 250 * KB
EXERCISE_PAGE_REQUESTS = 15
TEXT_PAGE_BYTES = 150 * KB
NEXT_PAGE_BYTES = 40 * KB
MODULE = "book/modules/mindset.html"

DRAWS = """async (i, pseudo) => {
    const style = getComputedStyle(i, pseudo || null);
    const image = pseudo ? (style.maskImage || style.webkitMaskImage) : style.backgroundImage;
    const url = (image.match(/^url\\("(.*)"\\)$/) || [])[1];
    if (!url) return false;
    const img = new Image();
    img.src = url;
    try { await img.decode(); } catch (e) { return false; }
    return img.naturalWidth > 0;
}"""
"""True when the icon's shape (mask) or logo (background) is an image the browser can draw."""


@pytest.fixture(scope="module")
def weighed(browser) -> list[PageVisit]:
    """Every page on a first visit, then the page its 'next' link leads to (cache warm):
    the site's one visit per page (tests/browser/site_visits.py)."""
    return list(visits(browser).values())


def _table(rows: list[PageVisit], over: set[str], what) -> str:
    lines = [f"  {'page':52} {'KB':>7} {'requests':>9}"]
    for row in sorted(rows, key=lambda r: -what(r).sent):
        visit_ = what(row)
        mark = "  <-- over budget" if row.path in over else ""
        lines.append(f"  {row.path:52} {visit_.sent / KB:7.1f} {visit_.requests:>9}{mark}")
        if row.path in over:
            lines.append(visit_.listing())
    return "\n".join(lines)


def test_every_page_is_weighed(weighed: list[PageVisit]) -> None:
    """The budgets below cover the whole site, including pages with exercises."""
    assert len(weighed) >= 30, [w.path for w in weighed]
    assert any(w.exercises for w in weighed) and not all(w.exercises for w in weighed)
    assert any(w.path == MODULE and w.exercises for w in weighed)
    outside = {w.path: w.outside for w in weighed if w.outside}
    assert not outside, f"requests left 127.0.0.1: {outside}"
    failed = {w.path: [r.url for r in w.first.responses if r.status >= 400] for w in weighed}
    assert not any(failed.values()), {k: v for k, v in failed.items() if v}


def test_pages_with_exercises_stay_within_budget(weighed: list[PageVisit]) -> None:
    """A page with exercises: at most 250 KB compressed and 15 requests on a first visit."""
    rows = [w for w in weighed if w.exercises]
    over = {
        w.path
        for w in rows
        if w.first.sent > EXERCISE_PAGE_BYTES or w.first.requests > EXERCISE_PAGE_REQUESTS
    }
    assert not over, (
        f"pages with exercises over {EXERCISE_PAGE_BYTES / KB:.0f} KB or "
        f"{EXERCISE_PAGE_REQUESTS} requests (first visit, gzip):\n"
        + _table(rows, over, lambda w: w.first)
    )


def search_index_bytes(visit: PageVisit) -> int:
    """What the search page's index cost: it holds every word of the course, so it grows
    with the course, and only the search page loads it."""
    return sum(
        r.sent for r in visit.first.responses if r.url.split("?")[0].endswith("/searchindex.js")
    )


def test_text_pages_stay_within_budget(weighed: list[PageVisit]) -> None:
    """Every other page: at most 150 KB compressed on a first visit (the search page: 150 KB
    besides its index of the whole course)."""
    rows = [w for w in weighed if not w.exercises]
    assert any(search_index_bytes(w) for w in rows), "the search page loads its index"
    over = {w.path for w in rows if w.first.sent - search_index_bytes(w) > TEXT_PAGE_BYTES}
    assert not over, f"pages over {TEXT_PAGE_BYTES / KB:.0f} KB (first visit, gzip):\n" + _table(
        rows, over, lambda w: w.first
    )


def test_next_page_with_a_warm_cache_stays_within_budget(weighed: list[PageVisit]) -> None:
    """Following a page's 'next' link costs at most 40 KB once the first page is cached."""
    rows = [w for w in weighed if w.next_page is not None]
    assert len(rows) >= 20
    over = {w.path for w in rows if w.next_page.sent > NEXT_PAGE_BYTES}
    assert not over, (
        f"moving on from these pages costs over {NEXT_PAGE_BYTES / KB:.0f} KB (warm cache):\n"
        + _table(rows, over, lambda w: w.next_page)
    )


# ---------------------------------------------------------------------------------------
# Nothing a learner uses is lost.
# ---------------------------------------------------------------------------------------


def test_every_icon_is_drawn(weighed: list[PageVisit]) -> None:
    """Each toolbar, menu and navigation icon has a shape, at the size of its text, without
    any icon font."""
    undrawn = {w.path: w.undrawn_icons for w in weighed if w.undrawn_icons}
    assert not undrawn, f"icons with nothing to draw them: {undrawn}"
    fonts = [
        r.url for w in weighed for r in w.first.responses if r.url.endswith((".woff2", ".ttf"))
    ]
    assert not fonts, f"pages load fonts: {sorted(set(fonts))}"


def test_search_index_loads_only_on_the_search_page(weighed: list[PageVisit]) -> None:
    def loads_index(w: PageVisit) -> bool:
        return any("searchindex.js" in r.url for r in w.first.responses)

    assert [w.path for w in weighed if loads_index(w)] == ["search.html"]


def test_toolbar_launch_menu_and_dark_mode_work(offline_page, site: str) -> None:
    """The rocket menu opens on the routes to JupyterLab and the form view on Binder, with
    their logos; the colour button switches to dark mode and the icons follow the text
    colour."""
    page = offline_page
    page.goto(f"{site}/{MODULE}", wait_until="networkidle")
    menu = page.locator(".dropdown-launch-buttons")
    menu.get_by_role("button").click()
    lab = menu.get_by_role("link", name="JupyterLab on Binder")
    assert lab.is_visible()
    assert menu.get_by_role("link", name="Form view on Binder").is_visible()
    assert menu.get_by_role("link", name="JupyterHub").count() == 0  # no hub is set
    logo = lab.locator("i.fa-course-binder")
    assert logo.evaluate(DRAWS, "") and logo.evaluate("i => i.getBoundingClientRect().width") > 8
    rocket = menu.locator("i.fa-rocket")
    assert rocket.evaluate(DRAWS, "::before")
    page.keyboard.press("Escape")

    def icon_colour() -> str:
        return page.locator(".theme-switch-button").evaluate(
            "b => getComputedStyle([...b.querySelectorAll('i')]"
            ".find(i => i.offsetParent), '::before').backgroundColor"
        )

    switch = page.locator(".theme-switch-button")
    for _ in range(3):
        if page.evaluate("document.documentElement.dataset.mode") == "light":
            break
        switch.click()
    assert page.evaluate("document.documentElement.dataset.theme") == "light"
    light_colour = icon_colour()
    for _ in range(3):
        if page.evaluate("document.documentElement.dataset.mode") == "dark":
            break
        switch.click()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != "rgb(255, 255, 255)"
    assert icon_colour() != light_colour


def test_search_box_finds_pages(offline_page, site: str) -> None:
    """Ctrl+K opens the search box on any page; the search page then finds course pages."""
    page = offline_page
    page.goto(f"{site}/book/start-here.html", wait_until="networkidle")
    page.keyboard.press("Control+k")
    field = page.locator("#pst-search-dialog input[name=q]")
    assert field.is_visible()
    field.fill("workbook")
    field.press("Enter")
    page.wait_for_url("**/search.html?q=workbook*")
    results = page.locator("#search-results li a")
    results.first.wait_for(timeout=20_000)
    assert results.count() >= 3
    assert page.guard.blocked == []

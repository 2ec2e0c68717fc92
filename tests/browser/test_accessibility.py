"""WCAG 2.2 AA checks on every page of the built site, as a learner sees it.

axe-core (from npm, pinned by package-lock.json) runs in Debian Chromium on each page
after its widgets have rendered, with the WCAG 2.0, 2.1 and 2.2 A and AA rule tags.
The target is no violations. A violation that cannot be fixed in this project may be
allowed for a single rule on a single element, with the reason and the upstream issue,
in ALLOWED below, and must be listed in the accessibility statement.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import REPO, SITE, run_axe, sideways_scroll

pytestmark = pytest.mark.browser


ALLOWED: dict[tuple[str, str], str] = {
    # (rule id, CSS selector of the one element): "reason – upstream issue URL"
}
"""Violations accepted on purpose (none today)."""


def site_pages() -> list[str]:
    """Every HTML page of the built site, as a path from its root."""
    if not SITE.exists():
        return ["(no built site: run make book)"]
    skip = {"_static", "_sources", "_images"}
    return sorted(str(p.relative_to(SITE)) for p in SITE.rglob("*.html") if not skip & set(p.parts))


def wait_for_widgets(page) -> None:
    """Pages with live widget state: wait until the widgets have drawn."""
    if page.locator("script[type='application/vnd.jupyter.widget-state+json']").count():
        page.locator(".jupyter-widgets").first.wait_for(timeout=20_000)


@pytest.mark.parametrize("path", site_pages())
def test_page_has_no_wcag_violations(offline_page, site: str, path: str) -> None:
    """axe-core finds no WCAG 2.2 A or AA violation on the page."""
    page = offline_page
    page.goto(f"{site}/{path}", wait_until="networkidle")
    wait_for_widgets(page)
    found = []
    for violation in run_axe(page):
        for node in violation["nodes"]:
            target = " ".join(node["target"])
            if (violation["id"], target) not in ALLOWED:
                found.append(f"{violation['id']} ({violation['impact']}): {target}")
    assert not found, f"{path}:\n" + "\n".join(found)


def test_allowed_violations_are_in_the_statement() -> None:
    """Each allowed violation is named in the accessibility statement."""
    statement = (REPO / "book" / "reference" / "accessibility.md").read_text(encoding="utf-8")
    for rule, _target in ALLOWED:
        assert rule in statement, f"{rule} is allowed but not listed in the statement"


@pytest.mark.parametrize("path", site_pages())
def test_pages_reflow_at_320_pixels(browser, site: str, path: str) -> None:
    """At 320 CSS pixels wide the page needs no sideways scrolling (WCAG 1.4.10)."""
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{site}/{path}", wait_until="networkidle")
    overflow, wide = sideways_scroll(page)
    context.close()
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px: {wide}"


def test_print_view_hides_navigation_and_keeps_questions(browser, site: str) -> None:
    """Printed, a module has no navigation chrome, and its questions keep room to answer."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site}/book/modules/mindset.html", wait_until="networkidle")
    page.emulate_media(media="print")
    for chrome in (".bd-header", ".bd-sidebar-primary", ".bd-sidebar-secondary", ".prev-next-area"):
        assert not page.locator(chrome).first.is_visible(), chrome
    exercise = page.locator(".course-exercise", has_text="The change I want to spread")
    assert exercise.get_by_text("In two or three sentences").is_visible()
    box = exercise.locator("textarea").bounding_box()
    assert box and box["height"] >= 100
    assert not exercise.locator(".course-note").is_visible()
    context.close()

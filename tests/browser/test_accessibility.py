"""WCAG 2.2 AA and the site's own page rules, on every page of the built site.

Every page is opened once, on a first visit (``tests/browser/site_visits.py``), and the
checks below read what that visit found: axe-core (from npm, pinned by
package-lock.json) with the WCAG 2.0, 2.1 and 2.2 A and AA rule tags, after any widgets
have drawn; reflow at 320 CSS pixels; no console error; a meta description of its own;
and the routes to Jupyter only in their places. The target is no violations.

Printing is checked on a module page with a long answer: every answer prints whole,
with no controls that mean nothing on paper.
"""

from __future__ import annotations

from collections import Counter

import pytest
from playwright.sync_api import expect

from tests.browser.site_visits import PageVisit, site_pages, visits

pytestmark = pytest.mark.browser

MODULE = "book/modules/mindset.html"
LONG_ANSWER = " ".join(f"Sentence {n} of a long answer about our change." for n in range(45))
"""About 2,000 characters, far more than an answer box shows at once."""


@pytest.fixture(scope="module")
def pages(browser) -> dict[str, PageVisit]:
    return visits(browser)


@pytest.mark.parametrize("path", site_pages())
def test_page_has_no_wcag_violations(pages: dict[str, PageVisit], path: str) -> None:
    """axe-core finds no WCAG 2.2 A or AA violation on the page."""
    assert not pages[path].violations, f"{path}:\n" + "\n".join(pages[path].violations)


@pytest.mark.parametrize("path", site_pages())
def test_pages_reflow_at_320_pixels(pages: dict[str, PageVisit], path: str) -> None:
    """At 320 CSS pixels wide the page needs no sideways scrolling (WCAG 1.4.10)."""
    found = pages[path]
    assert found.sideways <= 0, f"{path} scrolls sideways by {found.sideways}px: {found.too_wide}"


@pytest.mark.parametrize("path", site_pages())
def test_first_visit_logs_no_console_error(pages: dict[str, PageVisit], path: str) -> None:
    """A first visit (nothing stored yet) writes no error to the console and raises no
    script error (the theme's "Got invalid theme mode" was one)."""
    assert pages[path].console_errors == [], pages[path].console_errors


def test_every_page_has_a_description_of_its_own(pages: dict[str, PageVisit]) -> None:
    """Each page has a meta description, and no two pages share one."""
    described = {v.landed: v.description for v in pages.values()}
    assert len(described) >= len(pages) - 1  # only the site root lands on another page
    missing = [path for path, text in described.items() if not text or len(text) < 20]
    assert not missing, f"pages without a description: {missing}"
    shared = [text for text, n in Counter(described.values()).items() if n > 1]
    assert not shared, f"descriptions on more than one page: {shared}"
    assert all(len(text or "") <= 160 for text in described.values())


def test_styles_are_in_the_page_head(pages: dict[str, PageVisit]) -> None:
    """No page keeps a <style> element in its body, which HTML allows only in the head
    (the cohort summary's moved there; the Nu HTML Checker reported it)."""
    assert {p: v.body_styles for p, v in pages.items() if v.body_styles} == {}


@pytest.mark.parametrize("path", site_pages())
def test_jupyter_routes_stay_in_their_places(pages: dict[str, PageVisit], path: str) -> None:
    """A website page names Binder or a JupyterHub only in the places meant for them
    (``site_visits.JUPYTER_PLACES``), and no page links to a placeholder hub."""
    assert pages[path].placeholder_links == [], pages[path].placeholder_links
    assert pages[path].jupyter_text == [], (
        f"{path} steers a website learner to Jupyter outside the launch menu and the "
        f"'Other ways' note: {pages[path].jupyter_text}"
    )


# ---------------------------------------------------------------------------------------
# Print
# ---------------------------------------------------------------------------------------


def _clipped(locator) -> bool:
    """True when the element's content runs past its box (so paper would cut it off)."""
    return locator.evaluate("e => e.scrollHeight > e.clientHeight + 1")


def test_printed_module_shows_every_answer_whole_and_no_controls(offline_page, site) -> None:
    """Printed, a module shows a 2,000-character answer and a long action in full, keeps its
    questions, and shows no navigation, buttons or status lines."""
    page = offline_page
    page.goto(f"{site}/{MODULE}", wait_until="networkidle")
    page.wait_for_function("() => window.CourseAnswers && window.CourseAnswers.page")
    page.locator("#ex-mindset-my-innovation").fill(LONG_ANSWER)
    action = "Ask the ward managers' meeting to try the huddle for a month, then report back."
    page.locator("#ex-mindset-first-step-1-what-will-you-do").fill(action)
    page.emulate_media(media="print")

    text = page.locator("#ex-mindset-my-innovation + .course-print-copy")
    expect(text).to_be_visible()
    assert text.inner_text() == LONG_ANSWER
    assert not _clipped(text)
    assert not page.locator("#ex-mindset-my-innovation").is_visible()
    line = page.locator("#ex-mindset-first-step-1-what-will-you-do + .course-print-copy")
    expect(line).to_have_text(action)
    assert not _clipped(line)

    exercise = page.locator(".course-exercise", has_text="The change I want to spread")
    assert exercise.get_by_text("In two or three sentences").is_visible()
    for chrome in (
        ".bd-header-article",
        ".bd-sidebar-primary",
        ".bd-sidebar-secondary",
        ".prev-next-area",
        ".course-other-ways",
        ".course-status",
        ".course-device",
    ):
        assert not page.locator(chrome).first.is_visible(), chrome
    shown = page.locator("button, input[type=file]").evaluate_all(
        "els => els.filter(e => e.checkVisibility()).map(e => e.outerHTML.slice(0, 80))"
    )
    assert shown == [], f"controls on paper: {shown}"

    page.emulate_media(media="screen")  # back on screen: the boxes, not the copies
    expect(page.locator("#ex-mindset-my-innovation")).to_be_visible()
    expect(page.locator(".course-print-copy")).to_have_count(0)


def test_printed_answer_box_grows_to_its_answer_without_script(browser, site) -> None:
    """With scripts off (so no printed copies), an answer box prints as tall as its text,
    and an empty one keeps room to write."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}/{MODULE}", wait_until="load")
    box = page.locator("#ex-mindset-my-innovation")
    box.fill(LONG_ANSWER)
    page.emulate_media(media="print")
    assert box.is_visible() and not _clipped(box)
    empty = page.locator("#ex-mindset-stalled-change").bounding_box()
    assert empty and empty["height"] >= 100
    context.close()

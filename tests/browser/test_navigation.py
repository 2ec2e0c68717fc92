"""The course navigation on a phone (390 px) and a tablet (820 px), by touch and keyboard.

On narrow screens the theme hides the module list behind the navigation button and opens
it as a dialog (a drawer). These tests open it as a learner would, check that it shows
the modules, that nothing in it fails axe or scrolls sideways, and that it closes again
with its close button, with Escape and with a tap outside, giving the focus back to the
button that opened it.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import run_axe, sideways_scroll

pytestmark = pytest.mark.browser

MODULE = "book/modules/mindset.html"
SCREENS = {"phone": (390, 844), "tablet": (820, 1180)}


@pytest.fixture(params=sorted(SCREENS))
def screen(request, browser, site):
    """A page of module 1 on a touch screen of the given size."""
    width, height = SCREENS[request.param]
    context = browser.new_context(
        viewport={"width": width, "height": height}, has_touch=True, locale="en-GB"
    )
    page = context.new_page()
    page.goto(f"{site}/{MODULE}", wait_until="networkidle")
    yield page
    context.close()


def toggle(page):
    button = page.get_by_role("button", name="Course navigation")
    expect(button).to_be_visible()
    return button


def drawer(page):
    return page.locator("#pst-primary-sidebar-modal")


def expect_open_with_modules(page) -> None:
    expect(drawer(page)).to_have_attribute("open", "")
    nav = drawer(page).get_by_role("navigation", name="Main")
    for title in ("Module 1: The new mindset", "Module 9: The seventh principle"):
        expect(nav.get_by_role("link", name=title)).to_be_visible()


def expect_closed_with_focus_back(page) -> None:
    expect(drawer(page)).not_to_have_attribute("open", "")
    expect(page.get_by_role("button", name="Course navigation")).to_be_focused()


def test_drawer_opens_by_touch_and_closes_with_its_button(screen) -> None:
    """A tap on the navigation button opens the module list; its Close button closes it."""
    page = screen
    toggle(page).tap()
    expect_open_with_modules(page)
    close = drawer(page).get_by_role("button", name="Close the course navigation")
    expect(close).to_be_focused()  # the dialog puts the focus on its first control
    close.tap()
    expect_closed_with_focus_back(page)


def test_drawer_closes_with_a_tap_outside(screen) -> None:
    """A tap beside the drawer closes it."""
    page = screen
    toggle(page).tap()
    expect_open_with_modules(page)
    box = drawer(page).bounding_box()
    viewport = page.viewport_size
    assert box and viewport and box["x"] + box["width"] < viewport["width"] - 10
    page.touchscreen.tap(viewport["width"] - 5, viewport["height"] // 2)
    expect_closed_with_focus_back(page)


def test_drawer_by_keyboard_moves_focus_in_and_back(screen) -> None:
    """Enter on the button opens the list with the focus inside it; Tab moves through its
    links (never stuck on one), following a link is possible, and Escape closes it with the
    focus back on the button."""
    page = screen
    toggle(page).focus()
    page.keyboard.press("Enter")
    expect_open_with_modules(page)
    seen = set()
    for _ in range(8):
        page.keyboard.press("Tab")
        inside = page.evaluate(
            "() => document.querySelector('#pst-primary-sidebar-modal')"
            ".contains(document.activeElement)"
        )
        assert inside, "Tab left the open dialog for the page behind it"
        seen.add(page.evaluate("() => document.activeElement.outerHTML.slice(0, 80)"))
    assert len(seen) >= 5, seen  # focus moves on; nothing holds it
    page.keyboard.press("Escape")
    expect_closed_with_focus_back(page)


def test_open_drawer_passes_axe_and_reflows(screen) -> None:
    """With the list open, axe finds no WCAG A or AA violation, and nothing scrolls
    sideways."""
    page = screen
    toggle(page).tap()
    expect_open_with_modules(page)
    violations = [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in run_axe(page)]
    assert violations == []
    overflow, wide = sideways_scroll(page)
    assert overflow <= 0, wide


def test_a_module_link_in_the_drawer_opens_that_module(screen, site) -> None:
    """Choosing a module in the list goes there."""
    page = screen
    toggle(page).tap()
    drawer(page).get_by_role("link", name="Module 3: Complexity").tap()
    page.wait_for_url(f"{site}/book/modules/complexity.html")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Complexity")

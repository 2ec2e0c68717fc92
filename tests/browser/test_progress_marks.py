"""Where she is in the course, on the built site: each module in the navigation says
whether it is not started, in progress or done, and changes as she answers (on a desktop
and in the phone's drawer); the home page and Start here offer the last page she read."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MODULE_1 = "Module 1: The new mindset"


def module_link(scope, title: str = MODULE_1):
    return scope.get_by_role("navigation", name="Main").get_by_role("link", name=title)


def test_marks_change_as_she_answers_and_the_home_page_takes_her_back(browser, site) -> None:
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.goto(f"{site}/book/modules/complexity.html", wait_until="load")
    sidebar = page.locator("#pst-primary-sidebar")
    expect(module_link(sidebar)).to_contain_text("(not started)")
    page.goto(f"{site}/book/modules/mindset.html", wait_until="load")
    box = page.locator("#ex-mindset-my-innovation")
    box.fill("A falls clinic in every primary care network")
    box.blur()
    expect(module_link(sidebar)).to_contain_text("(in progress)")
    expect(module_link(sidebar).locator(".course-mark-sign")).to_have_text("◐")
    for path in ("book/start-here.html", "index.html"):
        page.goto(f"{site}/{path}", wait_until="load")
        back = page.locator(".course-continue")
        expect(back).to_be_visible()
        expect(back).to_contain_text("Continue where you left off: Module 1")
        expect(module_link(page.locator("#pst-primary-sidebar"))).to_contain_text("(in progress)")
    page.locator(".course-continue a").click()
    page.wait_for_url("**/book/modules/mindset.html")
    expect(page.locator("#ex-mindset-my-innovation")).to_have_value(
        "A falls clinic in every primary care network"
    )
    context.close()


def test_the_phones_drawer_shows_the_marks_too(browser, site) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, locale="en-GB"
    )
    page = context.new_page()
    page.goto(f"{site}/book/modules/mindset.html", wait_until="load")
    box = page.locator("#ex-mindset-my-innovation")
    box.fill("A shared referral route")
    box.blur()
    page.get_by_role("button", name="Course navigation").tap()
    drawer = page.locator("#pst-primary-sidebar-modal")
    expect(drawer).to_have_attribute("open", "")
    expect(module_link(drawer)).to_contain_text("(in progress)")
    expect(module_link(drawer, "Module 2: The seven")).to_contain_text("(not started)")
    context.close()

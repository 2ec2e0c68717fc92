"""The built website works with no kernel and no internet beyond 127.0.0.1."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MODULE = "/book/modules/mindset.html"


def test_module_page_renders_exercises_offline(offline_page, site: str) -> None:
    """Every exercise shows its question and controls while the outside world is blocked."""
    page = offline_page
    page.goto(site + MODULE, wait_until="networkidle")
    exercise = page.locator(".course-exercise", has_text="The change I want to spread")
    box = exercise.get_by_label("Your answer")
    assert box.is_visible()
    assert page.locator(".course-exercise").count() >= 8
    assert page.locator(".course-exercise textarea").count() >= 3
    assert page.locator(".course-exercise input[type=radio]").count() >= 10
    grid = page.locator(".course-exercise", has_text="How we spread change today")
    assert grid.get_by_role("group", name="We mostly promote the innovation itself").is_visible()
    # typing works in the page, and the page says where the answer is kept
    box.fill("Typed on the website")
    box.blur()
    assert box.input_value() == "Typed on the website"
    form = page.locator(".course-static-form[data-prompt='mindset.my-innovation']")
    assert form.locator(".course-status").inner_text().startswith("Saved on this device")
    assert not form.locator(".course-no-script").is_visible()
    assert page.guard.blocked == [], f"requests left 127.0.0.1: {page.guard.blocked}"
    assert page.failed == [], f"the site could not answer: {page.failed}"
    assert page.errors == [], page.errors


def test_without_javascript_the_forms_show_and_say_nothing_is_kept(browser, site) -> None:
    """With scripts off, every exercise is still a plain form, and says answers are not kept."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + MODULE, wait_until="load")
    exercise = page.locator(".course-exercise", has_text="The change I want to spread")
    assert exercise.get_by_label("Your answer").is_visible()
    note = exercise.locator(".course-no-script")
    assert note.is_visible() and "not kept" in note.inner_text()
    assert not page.locator(".course-device .course-needs-script").is_visible()
    context.close()


def scripts(page) -> list[str]:
    return page.eval_on_selector_all("script[src]", "els => els.map(e => e.src)")


@pytest.mark.parametrize("path", ["/book/start-here.html", MODULE, "/book/modules/capstone.html"])
def test_pages_without_live_widgets_load_no_widget_javascript(offline_page, site, path) -> None:
    """Text pages and module pages (exercises are plain forms there) skip the widget scripts."""
    page = offline_page
    page.goto(site + path, wait_until="networkidle")
    assert not [s for s in scripts(page) if "course-vendor" in s or "embed-amd" in s]
    assert page.locator("script[type='application/vnd.jupyter.widget-state+json']").count() == 0
    assert all(s.startswith(site) for s in scripts(page))
    assert page.guard.blocked == []
    assert page.failed == [], f"the site could not answer: {page.failed}"


def test_routes_to_jupyter_come_after_the_module_and_open_its_notebook(offline_page, site):
    """A module starts with its own content, not with Jupyter: the routes to JupyterLab and
    the form view are a note at its end (and entries of the launch menu), and each opens
    this module's notebook in that interface. With no hub set, no JupyterHub route shows."""
    page = offline_page
    page.goto(site + MODULE, wait_until="networkidle")
    article = page.locator("article.bd-article")
    first = article.locator(":scope > *").first
    assert first.evaluate("e => e.tagName") == "SECTION"  # the module's own heading first
    note = article.locator(":scope > aside.course-other-ways")
    assert note.evaluate("e => !e.nextElementSibling")  # the last thing in the module
    links = {a.inner_text(): a.get_attribute("href") for a in note.locator("a").all()}
    assert "urlpath=lab/tree/book/modules/mindset.ipynb" in links["JupyterLab on Binder"]
    assert "urlpath=voila/render/book/modules/mindset.ipynb" in links["Form view on Binder"]
    menu = page.locator(".dropdown-launch-buttons a")
    menu_links = {a.inner_text().strip(): a.get_attribute("href") for a in menu.all()}
    assert {k: menu_links[k] for k in ("JupyterLab on Binder", "Form view on Binder")} == {
        k: links[k] for k in ("JupyterLab on Binder", "Form view on Binder")
    }
    assert not [k for k in (*links, *menu_links) if "JupyterHub" in k]
    help_link = note.get_by_role("link", name="How Jupyter works for this course")
    help_link.click()
    page.wait_for_url("**/book/start-here.html#do-the-exercises-in-jupyter")
    # The anchor (a MyST target, kept for old links) sits just before its section's heading.
    expect(page.locator("#do-the-exercises-in-jupyter + h3")).to_contain_text("In Jupyter")


def test_vendored_widget_javascript_draws_a_live_widget_offline(offline_page, site: str) -> None:
    """A page holding live widget state draws it with the site's own RequireJS and widget
    manager (the scripts MyST-NB adds to any such page), with the outside world blocked."""
    import json

    import ipywidgets as W
    from ipywidgets.embed import embed_data

    box = W.Textarea(value="Drawn offline", description="Your answer")
    data = embed_data(views=[box])
    view = json.dumps(data["view_specs"][0])
    html = (
        "<!DOCTYPE html><html lang='en'><head><title>Widget check</title>"
        "<script src='/_static/course-vendor/require.js'></script>"
        "<script src='/_static/course-vendor/embed-amd.js'></script>"
        "<script type='application/vnd.jupyter.widget-state+json'>"
        f"{json.dumps(data['manager_state'])}</script></head><body><main>"
        f"<script type='application/vnd.jupyter.widget-view+json'>{view}</script>"
        "</main></body></html>"
    )
    page = offline_page
    page.route(
        f"{site}/widget-check.html",
        lambda route: route.fulfill(body=html, content_type="text/html"),
    )
    page.goto(f"{site}/widget-check.html", wait_until="networkidle")
    textarea = page.locator(".widget-textarea textarea")
    textarea.wait_for(timeout=20_000)
    assert textarea.input_value() == "Drawn offline"
    assert page.guard.blocked == [], page.guard.blocked


def test_dark_mode_follows_the_system_and_passes_axe(browser, site) -> None:
    """On a first visit the colour mode follows the system (the theme's default_mode is
    auto): with a dark system the module, its exercise buttons and the answers panel are
    dark, and axe finds no WCAG A or AA violation (contrast included)."""
    from tests.browser.conftest import run_axe

    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(site + MODULE, wait_until="networkidle")
    page.wait_for_function("() => window.CourseAnswers && window.CourseAnswers.page")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    button = page.get_by_role("button", name="Download my workbook")
    assert button.is_visible()
    colours = button.evaluate(
        "b => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]"
    )
    assert colours[1] != "rgb(239, 239, 239)"  # not the browser's plain grey button
    violations = [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in run_axe(page)]
    context.close()
    assert violations == []

"""The built website works with no kernel and no internet beyond 127.0.0.1."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.browser.conftest import REPO

pytestmark = pytest.mark.browser

MODULE = "/book/modules/mindset.html"


def test_module_page_renders_exercises_offline(offline_page, site: str) -> None:
    """Widgets draw from the site's own JavaScript while the outside world is blocked."""
    page = offline_page
    page.goto(site + MODULE, wait_until="networkidle")
    exercise = page.locator(".course-exercise", has_text="The change I want to spread")
    exercise.locator("textarea").wait_for(timeout=20_000)
    assert page.locator(".course-exercise").count() >= 8
    assert page.locator(".course-exercise textarea").count() >= 3
    assert page.locator(".course-exercise input[type=radio]").count() >= 10
    grid = page.locator(".course-exercise", has_text="How we spread change today")
    label = grid.locator("label.widget-label", has_text="We mostly promote the innovation itself")
    assert label.is_visible()
    # the typed text stays in the page (there is no kernel to save it)
    exercise.locator("textarea").fill("Typed on the website")
    assert exercise.locator("textarea").input_value() == "Typed on the website"
    # the note for website readers shows; the kernel-only status and buttons do not
    note = exercise.locator(".course-static-only")
    assert note.is_visible() and "not kept" in note.inner_text()
    assert not exercise.locator(".course-live-only").first.is_visible()
    assert page.guard.blocked == [], f"requests left 127.0.0.1: {page.guard.blocked}"
    assert page.errors == [] or all("THEBE" in e for e in page.errors), page.errors


def test_widget_and_maths_scripts_come_from_the_site(offline_page, site: str) -> None:
    """The page loads RequireJS and the widget manager from _static, not from a CDN."""
    page = offline_page
    page.goto(site + MODULE, wait_until="networkidle")
    sources = page.eval_on_selector_all("script[src]", "els => els.map(e => e.src)")
    assert any(s.endswith("_static/course-vendor/require.js") for s in sources)
    assert any(s.endswith("_static/course-vendor/embed-amd.js") for s in sources)
    assert all(s.startswith(site) for s in sources), sources


def test_text_pages_load_no_widget_javascript(offline_page, site: str) -> None:
    """Pages without exercises do not carry the widget scripts."""
    page = offline_page
    page.goto(site + "/book/start-here.html", wait_until="networkidle")
    sources = page.eval_on_selector_all("script[src]", "els => els.map(e => e.src)")
    assert not [s for s in sources if "course-vendor" in s]
    assert page.guard.blocked == []


def test_launch_buttons_use_the_configured_repository_and_hub(offline_page, site: str) -> None:
    """Binder and JupyterHub links carry the repository, branch main and the hub URL."""
    config = yaml.safe_load((REPO / "_config.yml").read_text())
    repo_url = config["repository"]["url"]
    owner_repo = repo_url.split("github.com/")[1]
    hub = config["launch_buttons"]["jupyterhub_url"]
    page = offline_page
    page.goto(site + MODULE)
    links = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    binder = [u for u in links if u.startswith(config["launch_buttons"]["binderhub_url"])]
    assert (
        binder
        and f"/v2/gh/{owner_repo}/main?urlpath=lab/tree/book/modules/mindset.ipynb" in (binder[0])
    )
    hub_links = [u for u in links if u.startswith(hub)]
    assert hub_links and "/hub/user-redirect/git-pull?repo=" in hub_links[0]
    assert re.search(r"branch=main", hub_links[0]) and "mindset.ipynb" in hub_links[0]

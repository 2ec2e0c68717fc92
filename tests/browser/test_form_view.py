"""The no-code form view: a module opened in Voila saves to the same workbook as JupyterLab,
and its links to the glossary, the About page and other modules work there."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import free_port, jupyterlab_server, port_open, running_server

pytestmark = pytest.mark.browser

ANSWER = "A hospital-at-home team for frailty, typed in the form view"


@pytest.fixture
def voila(tmp_path: Path):
    """Voila serving module 1 on 127.0.0.1, its kernel saving to a temporary workbook."""
    port = free_port()
    workbook = tmp_path / "workbook.json"
    env = {
        **os.environ,
        "COURSE_WORKBOOK": str(workbook),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
    }
    args = [
        sys.executable, "-m", "voila", "--no-browser", f"--port={port}",
        "--Voila.ip=127.0.0.1", "book/modules/mindset.ipynb",
    ]  # fmt: skip
    # Voila has no status page: it is ready when its port accepts connections.
    with running_server("Voila", args, env, tmp_path / "voila.log", lambda: port_open(port)):
        yield f"http://127.0.0.1:{port}", workbook


def test_form_view_saves_to_the_workbook(browser, voila) -> None:
    """Open the form, answer, and find the answer in the workbook file; no code is shown."""
    base, workbook = voila
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.goto(base + "/", timeout=120_000)
    exercise = page.locator(".course-exercise", has_text="The change I want to spread")
    box = exercise.locator("textarea")
    box.wait_for(timeout=120_000)
    assert page.locator(".jp-InputArea-editor, .jp-CodeMirrorEditor").count() == 0
    assert page.get_by_text("What you will learn").first.is_visible()
    # "How to use this page" keeps only the form view's line (no Run menu here).
    expect(page.locator(".course-howto .course-form-only")).to_be_visible()
    expect(page.locator(".course-howto .course-lab-only")).to_be_hidden()
    box.fill(ANSWER)
    exercise.locator(".course-status", has_text="Saved at").wait_for(timeout=15_000)
    saved = json.loads(workbook.read_text())["answers"]["mindset.my-innovation"]
    assert saved["value"] == ANSWER
    context.close()


@pytest.fixture
def binder_like(tmp_path: Path):
    """Voila as a Jupyter server extension over the whole repository, as on Binder and a
    JupyterHub (launch links open ``voila/render/book/modules/...``)."""
    server, base, token = jupyterlab_server(
        tmp_path, {"COURSE_WORKBOOK": str(tmp_path / "workbook.json")}
    )
    with server:
        yield base, token


def test_links_work_in_the_form_view(browser, binder_like) -> None:
    """Module 1 links to a glossary entry (shown at that entry), to the About page, and from
    there to module 2, which opens as a form too. Every page is one Voila renders."""
    base, token = binder_like
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    render = f"{base}/voila/render/book"
    page.goto(f"{render}/modules/mindset.ipynb?token={token}", timeout=120_000)
    page.locator(".course-exercise textarea").first.wait_for(timeout=120_000)

    term = page.locator('a[href*="reference/glossary.ipynb#"]').first
    anchor = term.get_attribute("href").split("#", 1)[1]
    term.click()
    page.wait_for_url(f"{render}/reference/glossary.ipynb#{anchor}", timeout=60_000)
    entry = page.locator(f'h2[id="{anchor}"]')
    expect(entry).to_be_visible(timeout=120_000)
    expect(entry).to_be_in_viewport()
    expect(entry).to_be_focused()  # keyboard and screen reader users start there too
    assert entry.inner_text().rstrip("¶").strip() == anchor.replace("-", " ")

    page.go_back()
    page.locator(".course-sources a", has_text="About the Guide").click()
    page.wait_for_url(f"{render}/reference/about.ipynb", timeout=60_000)
    expect(page.get_by_role("heading", name="About the Guide and our sources")).to_be_visible(
        timeout=120_000
    )

    page.locator('a[href="../modules/principles.ipynb"]').click()
    page.wait_for_url(f"{render}/modules/principles.ipynb", timeout=60_000)
    expect(page.locator(".course-exercise").first).to_be_visible(timeout=120_000)
    assert page.locator(".jp-InputArea-editor, .jp-CodeMirrorEditor").count() == 0
    context.close()

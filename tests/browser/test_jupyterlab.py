"""A real JupyterLab: run module 1, type an answer, find it in the workbook, restart, see it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from tests.browser.conftest import jupyterlab_server

pytestmark = pytest.mark.browser

ANSWER = "A shared referral form for falls, typed in JupyterLab"


@pytest.fixture
def jupyterlab(tmp_path: Path):
    """A JupyterLab server on 127.0.0.1 whose kernels save to a temporary workbook."""
    workbook = tmp_path / "workbook" / "workbook.json"
    server, base, token = jupyterlab_server(
        tmp_path,
        {"COURSE_WORKBOOK": str(workbook)},
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.news_url=",
    )
    with server:
        yield base, token, workbook


def wait_idle(page) -> None:
    """Wait until the kernel is idle (the status bar text, not just the indicator)."""
    page.locator(".jp-StatusBar-Widget", has_text="| Idle").first.wait_for(timeout=90_000)


def run_all(page, restart: bool = False) -> None:
    """Run every cell from the Run menu (restarting the kernel first if asked)."""
    page.locator(".jp-Notebook").first.click()
    page.get_by_role("menuitem", name="Run", exact=True).click()
    command = "runmenu:restart-and-run-all" if restart else "runmenu:run-all"
    page.locator(f"li[data-command='{command}']").click()
    if restart:
        page.locator(".jp-Dialog .jp-mod-accept").click()


def test_answer_survives_a_kernel_restart(browser, jupyterlab) -> None:
    """Type an answer in JupyterLab; it reaches the workbook file and shows after restart."""
    base, token, workbook = jupyterlab
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(f"{base}/lab/tree/book/modules/mindset.ipynb?token={token}&reset")
    page.locator(".jp-Notebook").first.wait_for(timeout=90_000)
    wait_idle(page)
    exercise = page.locator(".course-exercise", has_text="The change I want to spread")
    for _attempt in range(3):  # a cold kernel can ignore the first Run All
        run_all(page)
        try:
            exercise.locator("textarea").wait_for(timeout=30_000)
            break
        except PlaywrightTimeout:
            wait_idle(page)
    # "How to use this page": once the exercises show, only JupyterLab's own line remains.
    howto = page.locator(".course-howto").first
    expect(howto.locator(".course-lab-only")).to_be_visible()
    expect(howto.locator(".course-form-only")).to_be_hidden()
    box = exercise.locator("textarea")
    box.fill(ANSWER)
    exercise.locator(".course-status", has_text="Saved at").wait_for(timeout=15_000)
    saved = json.loads(workbook.read_text())["answers"]["mindset.my-innovation"]
    assert saved["value"] == ANSWER

    run_all(page, restart=True)
    again = page.locator(".course-exercise", has_text="The change I want to spread")
    again.locator(".course-status", has_text="Saved earlier").wait_for(timeout=90_000)
    assert again.locator("textarea").input_value() == ANSWER
    context.close()

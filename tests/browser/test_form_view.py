"""The no-code form view: a module opened in Voila saves to the same workbook as JupyterLab."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from tests.browser.conftest import free_port, port_open, running_server

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
    box.fill(ANSWER)
    exercise.locator(".course-status", has_text="Saved at").wait_for(timeout=15_000)
    saved = json.loads(workbook.read_text())["answers"]["mindset.my-innovation"]
    assert saved["value"] == ANSWER
    context.close()

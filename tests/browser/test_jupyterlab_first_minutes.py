"""The first minutes in JupyterLab: no news pop-up, and labels shown in full.

On Binder the repository is the home folder, so the repository's
``.jupyter/labconfig/default_setting_overrides.json`` is the user's Jupyter config; it
turns JupyterLab 4's news question off (``fetchNews``) without a ``binder/`` folder or a
``postBuild`` script. The tests start JupyterLab the same way (``JUPYTER_CONFIG_DIR`` set
to that folder) and check the setting, the page and the workbook panel's upload button.
"""

from __future__ import annotations

import json
import shutil
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.conftest import REPO, jupyterlab_server
from tests.browser.test_jupyterlab import run_all, wait_idle

pytestmark = pytest.mark.browser

NEWS_QUESTION = "official Jupyter news"
SETTING = "@jupyterlab/apputils-extension:notification"


def start_lab(tmp_path: Path, config_dir: Path):
    """A JupyterLab on 127.0.0.1 reading its Jupyter config from ``config_dir``."""
    env = {
        "JUPYTER_CONFIG_DIR": str(config_dir),
        "COURSE_WORKBOOK": str(tmp_path / "workbook" / "workbook.json"),
    }
    return jupyterlab_server(tmp_path, env)


def fetch_news(base: str, token: str) -> str:
    """The value JupyterLab starts with for the news question ("none" means it will ask):
    the user has chosen nothing, so it is the schema's default after any overrides."""
    url = f"{base}/lab/api/settings/{SETTING}?token={token}"
    with urllib.request.urlopen(url, timeout=10) as response:
        found = json.loads(response.read())
    assert "fetchNews" not in found["settings"], "a user setting would hide the default"
    return found["schema"]["properties"]["fetchNews"]["default"]


def test_without_the_course_config_jupyterlab_would_ask_about_news(tmp_path: Path) -> None:
    """The control: an empty Jupyter config leaves the question on (so the next test
    measures the course's file, not JupyterLab's defaults)."""
    empty = tmp_path / "empty-config"
    empty.mkdir()
    server, base, token = start_lab(tmp_path, empty)
    with server:
        assert fetch_news(base, token) == "none"


def test_jupyterlab_opens_without_news_and_shows_full_labels(browser, tmp_path: Path) -> None:
    """With the repository's config: no news question, and after Run All the workbook
    panel's upload button shows its whole label, not "Choose a work…"."""
    # a copy, because Jupyter writes a marker file into its config folder
    config = tmp_path / "home-config"
    shutil.copytree(REPO / ".jupyter", config)
    server, base, token = start_lab(tmp_path, config)
    with server:
        assert fetch_news(base, token) == "false"
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.goto(f"{base}/lab/tree/book/modules/mindset.ipynb?token={token}&reset")
        page.locator(".jp-Notebook").first.wait_for(timeout=90_000)
        wait_idle(page)
        upload = page.locator(".course-workbook-panel .widget-upload")
        for _attempt in range(3):  # a cold kernel can ignore the first Run All
            run_all(page)
            try:
                upload.wait_for(timeout=30_000)
                break
            except PlaywrightTimeout:
                wait_idle(page)
        upload.scroll_into_view_if_needed()
        assert "Choose a workbook file" in upload.inner_text()
        cut = upload.evaluate("e => e.scrollWidth > e.clientWidth + 1")
        assert not cut, f"the upload button's label is cut short: {upload.inner_text()!r}"
        toasts = page.locator(".Toastify__toast").all_inner_texts()
        context.close()
        assert not [t for t in toasts if NEWS_QUESTION in t], toasts

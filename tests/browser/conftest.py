"""Browser fixtures: Debian Chromium driven by Playwright, and the built site on 127.0.0.1.

Playwright never downloads a browser here: it launches the Debian package's binary
(``$CHROMIUM_PATH``, default ``/usr/bin/chromium``). Every test module in this folder
sets ``pytestmark = pytest.mark.browser`` and needs the built site (``make book``) or
JupyterLab.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import secrets
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
# The built site; COURSE_SITE points the tests at another build folder.
SITE = Path(os.environ.get("COURSE_SITE", REPO / "_build" / "html"))
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
# axe-core from npm (pinned by package-lock.json) and the WCAG rule tags it runs.
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# Flags for a closed network: without them Chromium keeps calling Google's services.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing is listening on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(
    name: str,
    args: Sequence[str],
    env: Mapping[str, str],
    log_path: Path,
    ready: Callable[[], bool],
) -> Iterator[subprocess.Popen]:
    """Start a server process in the repo, wait until ``ready()``, stop it afterwards."""
    with log_path.open("w") as log:
        server = subprocess.Popen(
            list(args), cwd=REPO, env=dict(env), stdout=log, stderr=subprocess.STDOUT
        )
        try:
            deadline = time.monotonic() + 90
            while not ready():
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"{name} did not start:\n{log_path.read_text()}")
                time.sleep(0.5)
            yield server
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()


def jupyterlab_server(tmp_path: Path, env: Mapping[str, str], *extra: str):
    """A JupyterLab on 127.0.0.1 with its settings, workspaces, runtime files and
    checkpoints in ``tmp_path`` (never in the repository); ``env`` adds to the
    environment. Returns the server's context manager, its base URL and its token."""
    port, token = free_port(), secrets.token_hex(16)
    environment = {
        **os.environ,
        "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        **env,
    }
    args = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root",
        f"--port={port}", "--ip=127.0.0.1", f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={REPO}",
        f"--FileCheckpoints.checkpoint_dir={tmp_path / 'checkpoints'}",
        *extra,
    ]  # fmt: skip
    base = f"http://127.0.0.1:{port}"

    def ready() -> bool:
        try:
            with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                return True
        except OSError:
            return False

    server = running_server("JupyterLab", args, environment, tmp_path / "jupyterlab.log", ready)
    return server, base, token


def port_open(port: int) -> bool:
    """True when something accepts connections on 127.0.0.1:port."""
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    except OSError:
        return False
    return True


def run_axe(page) -> list[dict]:
    """Inject axe-core into the page and return its violations for the WCAG A/AA tags."""
    assert AXE.exists(), f"axe-core is missing: run `npm ci` ({AXE})"
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        TAGS,
    )
    return result["violations"]


def sideways_scroll(page) -> tuple[int, list[str]]:
    """How far the page scrolls sideways (0 when it reflows), and the innermost boxes whose
    content runs past their edge. Boxes that scroll on purpose (code blocks, and tables in
    their own scrolling region) are allowed and not listed."""
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    culprits = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getClientRects().length && e.scrollWidth > e.clientWidth + 1
                         && !['auto', 'scroll'].includes(getComputedStyle(e).overflowX)
                         && !e.closest('pre, .pst-scrollable-table-container, .scroll'))
            .slice(-5).map(e => e.tagName + ': ' + e.textContent.trim().slice(0, 60))"""
    )
    return overflow, culprits


class ScriptErrors:
    """Uncaught script errors in every page the session's browser opens."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.reported = 0

    def watch(self, context) -> None:
        context.on(
            "weberror",
            lambda e: self.errors.append(f"{e.page.url if e.page else '?'}: {e.error}"),
        )

    def forgive(self, ending: str) -> None:
        """Drop the not yet reported errors whose text ends with ``ending`` (a test that
        provokes an error on purpose, outside the course's own scripts, says so)."""
        kept = [e for e in self.errors[self.reported :] if not e.endswith(ending)]
        self.errors[self.reported :] = kept

    def unreported(self) -> list[str]:
        new, self.reported = self.errors[self.reported :], len(self.errors)
        return new


SCRIPT_ERRORS = ScriptErrors()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session; its pages are watched for script errors."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}. Run `make test` (it installs the Debian "
            "package) or set CHROMIUM_PATH."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        new_context = browser.new_context

        def watched_context(*args, **kwargs):
            context = new_context(*args, **kwargs)
            SCRIPT_ERRORS.watch(context)
            return context

        browser.new_context = watched_context
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def no_script_errors(request) -> Iterator[None]:
    """Any browser test fails when a page it opened raised a script error."""
    yield
    if "browser" in request.fixturenames:
        errors = SCRIPT_ERRORS.unreported()
        if errors:
            pytest.fail("script errors in the page:\n" + "\n".join(errors))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site() -> Iterator[str]:
    """The built site served on 127.0.0.1; yields its base URL."""
    if not (SITE / "index.html").exists():
        pytest.fail(f"No built site in {SITE}: run `make book` first.")
    handler = functools.partial(_QuietHandler, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class Offline:
    """Blocks every request that leaves 127.0.0.1 and remembers what was tried."""

    def __init__(self) -> None:
        self.blocked: list[str] = []

    def __call__(self, route) -> None:
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()


@pytest.fixture
def offline_page(browser):
    """A fresh page whose requests may only reach 127.0.0.1 (the rest are blocked)."""
    context = browser.new_context(locale="en-GB")
    guard = Offline()
    context.route("**/*", guard)
    page = context.new_page()
    errors: list[str] = []
    failed: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    page.guard = guard
    page.errors = errors
    page.failed = failed  # local requests the site could not answer (404 and the like)
    yield page
    context.close()

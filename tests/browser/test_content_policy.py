"""The site under its own Content-Security-Policy (book/_ext/content-security-policy.txt).

The built site is served with the header `scorm_package.content_security_policy()` makes
for it (the policy book/facilitators/hosting.md gives); any `securitypolicyviolation` in
a page, or a console report of one, while pages load, an exercise is answered and the
plan is built (the document builder's WebAssembly) fails the test.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import sys
import threading
from collections.abc import Iterator

import pytest

from tests.browser.conftest import REPO, SITE, Offline, free_port

pytestmark = pytest.mark.browser

BUILD_TIMEOUT = 180_000
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} ` +
    `(${e.sourceFile || location.pathname}:${e.lineNumber})`);
});
"""


def load_packager():
    spec = importlib.util.spec_from_file_location(
        "scorm_package", REPO / "book/_ext/scorm_package.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["scorm_package"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def strict_site() -> Iterator[tuple[str, str]]:
    """The built site on 127.0.0.1, every reply carrying the site's policy."""
    if not (SITE / "index.html").exists():
        pytest.fail(f"No built site in {SITE}: run `make book` first.")
    policy = load_packager().content_security_policy(SITE, ["https://moodle.example.ac.uk"])

    class WithPolicy(http.server.SimpleHTTPRequestHandler):
        extensions_map = {  # noqa: RUF012
            **http.server.SimpleHTTPRequestHandler.extensions_map,
            ".mjs": "text/javascript",
            ".wasm": "application/wasm",
        }

        def end_headers(self) -> None:
            self.send_header("Content-Security-Policy", policy)
            super().end_headers()

        def log_message(self, *_args: object) -> None:
            pass

    handler = functools.partial(WithPolicy, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", policy
    server.shutdown()


class Watched:
    """A page whose policy violations (events and console reports) are collected."""

    def __init__(self, browser) -> None:
        self.context = browser.new_context(locale="en-GB")
        self.guard = Offline()
        self.context.route("**/*", self.guard)
        self.context.add_init_script(WATCH)
        self.page = self.context.new_page()
        self.reports: list[str] = []
        self.page.on(
            "console",
            lambda m: "Content Security Policy" in m.text and self.reports.append(m.text),
        )

    def visit(self, base: str, path: str) -> None:
        self.page.goto(f"{base}/{path}", wait_until="load")
        self.page.wait_for_function("() => document.readyState === 'complete'")
        self.check()

    def check(self) -> None:
        seen = self.page.evaluate("() => window.__violations || []")
        assert seen == [] and self.reports == [], seen + self.reports

    def close(self) -> None:
        self.context.close()
        assert self.guard.blocked == [], self.guard.blocked


def test_the_policy_the_hosting_page_gives_is_the_one_defined(strict_site) -> None:
    """hosting.md quotes the policy file's directives, so the page and the header agree."""
    text = (REPO / "book/facilitators/hosting.md").read_text(encoding="utf-8")
    defined = (REPO / "book/_ext/content-security-policy.txt").read_text(encoding="utf-8")
    for line in defined.splitlines():
        if line.strip() and not line.startswith("#"):
            assert line.strip() in text, line
    _, policy = strict_site
    assert "frame-ancestors 'self' https://moodle.example.ac.uk" in policy


def test_pages_and_an_exercise_work_under_the_policy(browser, strict_site) -> None:
    base, _ = strict_site
    watched = Watched(browser)
    for path in ("index.html", "book/index.html", "book/start-here.html", "search.html"):
        watched.visit(base, path)
    watched.visit(base, "book/modules/mindset.html")
    page = watched.page
    field = page.locator("#ex-mindset-my-innovation")
    field.fill("A falls clinic in every PCN")
    field.blur()
    form = page.locator(".course-static-form[data-prompt='mindset.my-innovation']")
    form.locator(".course-status").get_by_text("Saved on this device").wait_for()
    page.locator("input[name=ex-mindset-push-or-pull][value=pull]").check()
    page.get_by_role("button", name="Download my workbook").first.click()
    watched.check()
    watched.close()


def test_the_plan_builds_under_the_policy(browser, strict_site) -> None:
    """The document builder (Pyodide: WebAssembly) needs only 'wasm-unsafe-eval'."""
    base, _ = strict_site
    watched = Watched(browser)
    watched.visit(base, "book/modules/capstone.html")
    watched.page.get_by_role(
        "button", name="Build my plan and learning record from my answers"
    ).click()
    watched.page.locator(".course-site-document[data-doc=plan]").wait_for(timeout=BUILD_TIMEOUT)
    watched.check()
    watched.close()

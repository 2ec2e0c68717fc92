"""Benchmark (not a test): bytes and load time of course pages beside a plain theme page.

Run after `make book`:  .venv/bin/python -m tests.benchmarks.page_weight

It builds a one-page book with the same Jupyter Book theme and no exercises (the
"plain theme page"), serves both sites on 127.0.0.1, and opens each page on a first
visit (empty cache) in headless Debian Chromium, printing the bytes transferred and the
time to the load event. Targets: a text page at most 1.2 times the plain page; a module
page with exercises at most 2 times.
"""

from __future__ import annotations

import functools
import http.server
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

REPO = Path(__file__).resolve().parents[2]
SITE = REPO / "_build" / "html"
RUNS = 3


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_args: object) -> None:
        pass


def serve(folder: Path) -> str:
    """Serve a folder on a free port of 127.0.0.1 and return its base URL."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


def plain_theme_site(folder: Path) -> Path:
    """Build a one-page book with the same theme and no exercises; return its HTML folder."""
    (folder / "_config.yml").write_text(
        textwrap.dedent(
            """\
            title: Plain page
            author: Benchmark
            only_build_toc_files: true
            execute:
              execute_notebooks: "off"
            """
        )
    )
    (folder / "_toc.yml").write_text("format: jb-book\nroot: intro\n")
    words = "This plain page holds a few paragraphs of text and nothing else. " * 12
    (folder / "intro.md").write_text(f"# A plain page\n\n{words}\n\n## More\n\n{words}\n")
    subprocess.run(
        [str(Path(sys.executable).parent / "jupyter-book"), "build", str(folder), "--quiet"],
        check=True,
        capture_output=True,
    )
    return folder / "_build" / "html"


def measure(browser, url: str) -> tuple[int, float]:
    """Bytes transferred and milliseconds to the load event, on a first visit."""
    context = browser.new_context()
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})
    sizes: list[float] = []
    session.on("Network.loadingFinished", lambda e: sizes.append(e["encodedDataLength"]))
    page.goto(url, wait_until="networkidle")
    load = page.evaluate(
        "() => { const n = performance.getEntriesByType('navigation')[0];"
        " return n.loadEventEnd - n.startTime; }"
    )
    context.close()
    return int(sum(sizes)), float(load)


def main() -> None:
    """Measure the home page, a text page and module pages against the plain page."""
    if not (SITE / "index.html").exists():
        sys.exit("Build the site first: make book")
    with tempfile.TemporaryDirectory() as tmp:
        plain = serve(plain_theme_site(Path(tmp)))
        course = serve(SITE)
        pages = [
            ("plain theme page (reference)", f"{plain}/intro.html", None),
            ("home page (text)", f"{course}/book/index.html", 1.2),
            ("Start here (text)", f"{course}/book/start-here.html", 1.2),
            ("Module 1 (exercises)", f"{course}/book/modules/mindset.html", 2.0),
            ("Module 3 (exercises, chart)", f"{course}/book/modules/complexity.html", 2.0),
            ("Capstone (plan and progress)", f"{course}/book/modules/capstone.html", 2.0),
        ]
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            results = {}
            for name, url, _target in pages:
                runs = [measure(browser, url) for _ in range(RUNS)]
                results[name] = (runs[0][0], statistics.median(r[1] for r in runs))
            browser.close()
    base_bytes = results[pages[0][0]][0]
    print(f"{'page':32} {'bytes':>10} {'x plain':>8} {'load ms':>8}  target")
    for name, _url, target in pages:
        size, load = results[name]
        ratio = size / base_bytes
        verdict = (
            "" if target is None else f"<= {target}: {'met' if ratio <= target else 'NOT met'}"
        )
        print(f"{name:32} {size:>10,} {ratio:>8.2f} {load:>8.0f}  {verdict}")
    print(f"(median load time of {RUNS} first visits each; bytes as transferred, no cache)")


if __name__ == "__main__":
    main()

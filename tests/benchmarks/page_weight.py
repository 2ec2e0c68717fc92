"""Benchmark (not a test): what course pages cost to load on a slow network.

Run after `make book`:  .venv/bin/python -m tests.benchmarks.page_weight
(``COURSE_SITE=/path/to/_build/html`` measures another build; ``--pages`` or ``--plan``
prints one part only.)

It serves the built site on 127.0.0.1 the way a static host does (GitHub Pages, Netlify
and nginx with ``gzip on`` compress text files with gzip and let browsers cache them for
a few minutes), builds a one-page book with the stock Jupyter Book theme for reference,
and opens the home page, Start here, a module page and the capstone in headless Debian
Chromium. For each page it prints, on a first visit (empty cache) and a repeat visit
(same browser, cache warm): the number of requests, the bytes of every response before
and after compression, and the time to the load event with Chromium's network emulation
at a slow connection (1.6 Mbps down, 750 kbps up, 150 ms round trip), the median of a
few runs. Bytes are deterministic and are held to budgets by
``tests/browser/test_page_budget.py``; times are not, so they stay here.

Targets (issue 13): a module page with exercises at most 250 KB compressed and 15
requests on a first visit; a text page at most 150 KB; the next page with a warm cache at
most 40 KB.

Then it builds the capstone plan on the same slow connection from three hosts (gzip, no
compression, Moodle's content types), first and repeat visit: time from the click to the
plan, bytes and the longest main-thread task (``tests/benchmarks/plan_build.py``; issue 19's
targets: 20 s on a first visit behind a gzip host, no task over 200 ms, 2 s on a repeat).
"""

from __future__ import annotations

import dataclasses
import email.utils
import functools
import gzip
import hashlib
import http.server
import mimetypes
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("COURSE_SITE", REPO / "_build" / "html"))
RUNS = 3
KB = 1000
ANSWER_SCRIPTS = (
    "course-data.js",
    "course-answers.js",
    "course-builder.js",
    "course-capstone.js",
)
"""The scripts that keep answers in the browser and build the capstone documents."""

COMPRESSED_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
)
"""Content types a static host compresses (fonts and images are compressed already)."""

SLOW_NETWORK = {
    "offline": False,
    "latency": 150,  # ms round trip
    "downloadThroughput": 1_600_000 / 8,  # bytes per second
    "uploadThroughput": 750_000 / 8,
}
"""Chromium network emulation for a weak guest Wi-Fi or mobile signal."""


# ---------------------------------------------------------------------------------------
# A static host on 127.0.0.1: gzip for text files, short caching, ETag revalidation.
# ---------------------------------------------------------------------------------------


MOODLE_TYPES = {
    ".css": "text/css",
    ".gz": "application/g-zip",
    ".html": "text/html",
    ".js": "application/x-javascript",
    ".json": "application/json",
    ".mjs": "text/plain",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".txt": "text/plain",
    ".zip": "application/zip",
}
"""Content types as Moodle serves a package's files (``lib/classes/filetypes.php``: it
knows neither ``.mjs`` nor ``.wasm``); any other file goes as
``application/octet-stream``."""


class StaticHost(http.server.BaseHTTPRequestHandler):
    """Serves a folder like GitHub Pages: gzip for text, ``max-age=600``, ETags.

    A subclass may turn compression off (``compress``), give every file a type from a
    table instead (``types``: Moodle's), and keep a list of what it sent (``log``: one
    ``(path, body bytes)`` per response, worker requests included, which the browser's
    own network events do not show).
    """

    protocol_version = "HTTP/1.1"
    root: Path = SITE
    compress: bool = True
    types: dict[str, str] | None = None
    log: list[tuple[str, int]] | None = None

    def log_message(self, *_args: object) -> None:
        pass

    @staticmethod
    @functools.lru_cache(maxsize=2048)
    def _encoded(path: Path, mtime: float) -> tuple[bytes, bytes, str]:
        """(raw body, gzip body, ETag) of a file; cached per modification time."""
        raw = path.read_bytes()
        return raw, gzip.compress(raw, compresslevel=6, mtime=0), hashlib.sha1(raw).hexdigest()

    def _file(self) -> Path | None:
        relative = unquote(urlsplit(self.path).path).lstrip("/")
        path = (self.root / relative).resolve()
        if not path.is_relative_to(self.root.resolve()):
            return None
        if path.is_dir():
            path = path / "index.html"
        return path if path.is_file() else None

    def _type(self, name: str) -> str:
        """The Content-Type header for a file (gzipped files as such, like most hosts)."""
        if self.types is not None:
            return self.types.get(Path(name).suffix, "application/octet-stream")
        guessed, encoding = mimetypes.guess_type(name)
        ctype = "application/gzip" if encoding == "gzip" else guessed or "application/octet-stream"
        return f"{ctype}; charset=utf-8" if ctype.startswith("text/") else ctype

    def do_HEAD(self) -> None:
        self.do_GET(head=True)

    def do_GET(self, head: bool = False) -> None:
        path = self._file()
        if path is None:
            self.send_error(404)
            return
        raw, packed, etag = self._encoded(path, path.stat().st_mtime)
        ctype = self._type(path.name)
        if self.headers.get("If-None-Match") == f'"{etag}"':
            self.send_response(304)
            self.send_header("ETag", f'"{etag}"')
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            if self.log is not None:
                self.log.append((self.path, 0))
            return
        compress = (
            self.compress
            and ctype.startswith(COMPRESSED_TYPES)
            and "gzip" in self.headers.get("Accept-Encoding", "")
        )
        body = packed if compress else raw
        if self.log is not None:
            self.log.append((self.path, len(body)))
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", email.utils.formatdate(path.stat().st_mtime, usegmt=True))
        self.send_header("ETag", f'"{etag}"')
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("Vary", "Accept-Encoding")
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if not head:
            self.wfile.write(body)


@contextmanager
def static_host(
    folder: Path,
    compress: bool = True,
    types: dict[str, str] | None = None,
    log: list[tuple[str, int]] | None = None,
) -> Iterator[str]:
    """Serve ``folder`` on a free port of 127.0.0.1 as a static host would; yield its URL.
    ``compress``, ``types`` and ``log`` are as :class:`StaticHost` describes them."""
    settings = {"root": folder, "compress": compress, "types": types, "log": log}
    handler = type("Host", (StaticHost,), settings)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# ---------------------------------------------------------------------------------------
# One visit to one page, as the browser sees it.
# ---------------------------------------------------------------------------------------


@dataclasses.dataclass
class Response:
    url: str
    status: int
    sent: int  # body bytes over the wire (compressed when the host compressed them)
    raw: int  # body bytes after decompression
    cached: bool  # answered from the browser's cache, nothing sent


@dataclasses.dataclass
class Visit:
    url: str
    responses: list[Response]
    load_ms: float

    @property
    def requests(self) -> int:
        """Requests that went to the network (cache hits are not counted)."""
        return sum(not r.cached for r in self.responses)

    @property
    def sent(self) -> int:
        return sum(r.sent for r in self.responses)

    @property
    def raw(self) -> int:
        return sum(r.raw for r in self.responses if not r.cached)

    def listing(self) -> str:
        """One line per response, heaviest first (for failure messages)."""
        rows = sorted(self.responses, key=lambda r: -r.sent)
        return "\n".join(
            f"      {r.sent / KB:7.1f} KB  {'(cache) ' if r.cached else ''}{r.status} {r.url}"
            for r in rows
        )


def visit(page, url: str, network: dict | None = None) -> Visit:
    """Open ``url`` in ``page`` and wait for the network to go quiet; return what it cost.

    ``network`` is a Chromium network emulation (``SLOW_NETWORK``), or None for full speed.
    The page's browser context decides whether the cache is cold (a new context) or warm.
    """
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    if network:
        session.send("Network.emulateNetworkConditions", network)
    seen: dict[str, dict] = {}

    def on_request(event: dict) -> None:
        url = event["request"]["url"]
        if not url.startswith(("data:", "blob:")):
            seen[event["requestId"]] = {
                "url": url,
                "status": 0,
                "cached": False,
                "header_bytes": 0,
                "raw": 0,
                "sent": 0,
            }

    def on_response(event: dict) -> None:
        entry = seen.get(event["requestId"])
        if entry is None:
            return
        response = event["response"]
        entry["status"] = response["status"]
        entry["header_bytes"] = response.get("encodedDataLength", 0)
        if response.get("fromDiskCache") or response.get("fromPrefetchCache"):
            entry["cached"] = True

    def on_cache(event: dict) -> None:
        if event["requestId"] in seen:
            seen[event["requestId"]]["cached"] = True

    def on_data(event: dict) -> None:
        if event["requestId"] in seen:
            seen[event["requestId"]]["raw"] += event["dataLength"]

    def on_finished(event: dict) -> None:
        entry = seen.get(event["requestId"])
        if entry is not None:
            # encodedDataLength counts the response headers too; keep the body alone.
            entry["sent"] = max(0, event["encodedDataLength"] - entry["header_bytes"])

    session.on("Network.requestWillBeSent", on_request)
    session.on("Network.responseReceived", on_response)
    session.on("Network.requestServedFromCache", on_cache)
    session.on("Network.dataReceived", on_data)
    session.on("Network.loadingFinished", on_finished)
    page.goto(url, wait_until="networkidle")
    load_ms = page.evaluate(
        "() => { const n = performance.getEntriesByType('navigation')[0];"
        " return n ? n.loadEventEnd - n.startTime : 0; }"
    )
    session.detach()
    responses = [
        Response(e["url"], e["status"], 0 if e["cached"] else e["sent"], e["raw"], e["cached"])
        for e in seen.values()
        if e["status"]
    ]
    return Visit(url, responses, float(load_ms))


# ---------------------------------------------------------------------------------------
# The stock theme page, for reference.
# ---------------------------------------------------------------------------------------


def stock_theme_site(folder: Path) -> Path:
    """Build a one-page book with the stock Jupyter Book theme settings; return its HTML."""
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


# ---------------------------------------------------------------------------------------


def measure(browser, url: str) -> tuple[Visit, Visit, Visit | None]:
    """On the slow network: a first visit (empty cache), a repeat visit (cache warm), and
    the page its 'next' link leads to (cache warm), if it has one."""
    context = browser.new_context()
    page = context.new_page()
    first = visit(page, url, SLOW_NETWORK)
    repeat = visit(page, url, SLOW_NETWORK)
    following = page.locator("a.right-next")
    onward = None
    if following.count():
        onward = visit(page, following.first.evaluate("a => a.href"), SLOW_NETWORK)
    context.close()
    return first, repeat, onward


def main() -> None:
    """Print the figures for four course pages beside the stock theme page, then for
    building the capstone plan."""
    from playwright.sync_api import sync_playwright

    from tests.benchmarks.plan_build import measure_plan, print_plan
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    if not (SITE / "book" / "index.html").exists():
        sys.exit(f"Build the site first (make book): nothing in {SITE}")
    if "--plan" in sys.argv:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            print(f"Site: {SITE}")
            print_plan(measure_plan(browser, SITE))
            browser.close()
        return
    pages = [
        ("stock theme page (reference)", None, "intro.html"),
        ("home page", SITE, "book/index.html"),
        ("Start here", SITE, "book/start-here.html"),
        ("Module 1 (exercises)", SITE, "book/modules/mindset.html"),
        ("Capstone", SITE, "book/modules/capstone.html"),
    ]
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        stock = stock_theme_site(Path(tmp))
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for name, folder, path in pages:
            with static_host(folder or stock) as base:
                runs = [measure(browser, f"{base}/{path}") for _ in range(RUNS)]
            rows.append((name, runs))
        browser.close()

    def median_ms(runs: list, i: int) -> str:
        times = [r[i].load_ms for r in runs if r[i] is not None]
        return f"{statistics.median(times):.0f}" if times else "-"

    print(f"Site: {SITE}")
    print(
        f"{'':30} {'first visit (empty cache)':^36} | {'repeat visit':^20} |"
        f" {'next page (warm cache)':^26}\n"
        f"{'page':30} {'reqs':>5} {'raw KB':>9} {'gzip KB':>9} {'load ms':>9} |"
        f" {'reqs':>4} {'KB':>5} {'load ms':>8} | {'reqs':>4} {'KB':>7} {'load ms':>8}"
    )
    for name, runs in rows:
        first, repeat, onward = runs[0]
        nxt = f"{onward.requests:>4} {onward.sent / KB:>7.1f}" if onward else f"{'-':>4} {'-':>7}"
        print(
            f"{name:30} {first.requests:>5} {first.raw / KB:>9.1f} {first.sent / KB:>9.1f}"
            f" {median_ms(runs, 0):>9} | {repeat.requests:>4} {repeat.sent / KB:>5.1f}"
            f" {median_ms(runs, 1):>8} | {nxt} {median_ms(runs, 2):>8}"
        )
    print(
        f"(KB = 1000 bytes of response bodies; load ms = median time to the load event of "
        f"{RUNS} runs at 1.6 Mbps down, 150 ms round trip; warm visits count only requests "
        "that reached the network)"
    )
    for name, runs in rows:
        if "Module" in name or "Capstone" in name:
            first = runs[0][0]
            script = sum(r.sent for r in first.responses if "/_static/course-" in r.url
                         and r.url.split("?")[0].endswith(ANSWER_SCRIPTS))  # fmt: skip
            print(f"{name}: the answer scripts add {script / KB:.1f} KB compressed "
                  f"({', '.join(ANSWER_SCRIPTS)}; target 30 KB)")  # fmt: skip
    if "--pages" not in sys.argv:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            print_plan(measure_plan(browser, SITE))
            browser.close()


if __name__ == "__main__":
    main()

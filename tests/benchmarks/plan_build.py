"""Benchmark (not a test): building the capstone plan on a slow network.

Part of ``python -m tests.benchmarks.page_weight`` (``--plan`` prints this part alone).
The built site is served on 127.0.0.1 three ways: by a host that compresses text with
gzip (GitHub Pages, Netlify, nginx with ``gzip on``), by a host without compression, and
with Moodle's content types (``MOODLE_TYPES``: ``.mjs`` as ``text/plain``, ``.wasm`` as
``application/octet-stream``) and no compression. Chromium emulates a slow connection
(1.6 Mbps down, 150 ms round trip). For each host, a first visit (empty cache) and a
repeat visit (same browser) open the capstone, press the plan's build button, and
measure, from the click to the plan on the page: the time, the bytes the host sent (its
own count, which sees the worker's requests too) and the longest main-thread task
(a ``PerformanceObserver`` for ``longtask``). A last row has her scroll the capstone and
read it for a while before the click, as the builder then starts downloading early.

Targets (issue 19): plan shown within 20 s of the click on a first visit behind a gzip
host; no main-thread task over 200 ms; under 2 s on a repeat visit.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from tests.benchmarks.page_weight import KB, MOODLE_TYPES, SLOW_NETWORK, static_host

CAPSTONE = "book/modules/capstone.html"
BUTTON = "Build my plan and learning record from my answers"
TIMEOUT_MS = 600_000

WATCH = """() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: "longtask", buffered: true });
  new MutationObserver(() => {
    if (window.__planAt) return;
    if (document.querySelector(".course-site-document[data-doc=plan]")) {
      window.__planAt = performance.now();
    } else if (/could not be built/.test(document.body ? document.body.innerText : "")) {
      window.__planAt = -1;
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}"""
"""Recorded in the page from its start: long tasks, and when the plan appeared (-1: the
page said it could not be built)."""

READING = 15
"""Seconds she reads the capstone (having scrolled it) before the click, in the last row."""

HOSTS = [
    ("gzip host", {"compress": True}),
    ("host without compression", {"compress": False}),
    ("Moodle's types, no compression", {"compress": False, "types": MOODLE_TYPES}),
]


@dataclasses.dataclass
class PlanRun:
    seconds: float | None  # click to plan shown (None: it was not built)
    sent: int  # bytes the host sent after the click
    requests: int
    longest_ms: float  # longest main-thread task from the click to the plan


def build_plan(page, url: str, log: list[tuple[str, int]], reading: float = 0) -> PlanRun:
    """Open the capstone at ``url`` on the slow network, press the build button, and wait
    for the plan (or the page's word that it could not be built). With ``reading``, she
    scrolls the page first and reads it for that many seconds before the click (the
    builder's files start downloading when she scrolls; bytes and long tasks are counted
    from the click)."""
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", SLOW_NETWORK)
    page.goto(url, wait_until="load")
    page.wait_for_function("() => window.CourseAnswers && window.CourseAnswers.page")
    if reading:
        page.mouse.move(400, 400)
        page.mouse.wheel(0, 300)
        page.wait_for_timeout(reading * 1000)  # a benchmark of a reader, not a test
    mark = len(log)
    clicked = page.evaluate("() => performance.now()")
    page.get_by_role("button", name=BUTTON).click()
    page.wait_for_function("() => window.__planAt", timeout=TIMEOUT_MS)
    shown = page.evaluate("() => window.__planAt")
    tasks = page.evaluate("() => window.__longTasks")
    session.detach()
    sent = log[mark:]
    return PlanRun(
        seconds=(shown - clicked) / 1000 if shown > 0 else None,
        sent=sum(n for _, n in sent),
        requests=len(sent),
        longest_ms=max((d for start, d in tasks if start + d >= clicked), default=0.0),
    )


def measure_plan(browser, site: Path) -> list[tuple[str, PlanRun, PlanRun]]:
    """For each host: a first visit and a repeat visit that build the plan."""
    rows = []
    for name, settings in HOSTS:
        log: list[tuple[str, int]] = []
        with static_host(site, log=log, **settings) as base:
            context = browser.new_context()
            context.add_init_script(script=f"({WATCH})()")
            page = context.new_page()
            first = build_plan(page, f"{base}/{CAPSTONE}", log)
            repeat = build_plan(page, f"{base}/{CAPSTONE}", log)
            context.close()
        rows.append((name, first, repeat))
    log = []
    with static_host(site, log=log) as base:
        context = browser.new_context()
        context.add_init_script(script=f"({WATCH})()")
        page = context.new_page()
        first = build_plan(page, f"{base}/{CAPSTONE}", log, reading=READING)
        repeat = build_plan(page, f"{base}/{CAPSTONE}", log, reading=READING)
        context.close()
    rows.append((f"gzip host, {READING} s reading first", first, repeat))
    return rows


def print_plan(rows: list[tuple[str, PlanRun, PlanRun]]) -> None:
    """The figures as a table."""

    def cells(run: PlanRun) -> str:
        time = f"{run.seconds:.1f}" if run.seconds is not None else "failed"
        return f"{time:>7} {run.sent / KB:>9.1f} {run.requests:>4} {run.longest_ms:>8.0f}"

    print(
        f"\n{'plan: click to plan shown':32} {'first visit (empty cache)':^31} |"
        f" {'repeat visit':^31}\n"
        f"{'host':32} {'s':>7} {'KB sent':>9} {'reqs':>4} {'task ms':>8} |"
        f" {'s':>7} {'KB sent':>9} {'reqs':>4} {'task ms':>8}"
    )
    for name, first, repeat in rows:
        print(f"{name:32} {cells(first)} | {cells(repeat)}")
    print(
        "(1.6 Mbps down, 150 ms round trip; KB = 1000 bytes the host sent after the click, "
        "worker requests included; task ms = longest main-thread task from the click to "
        "the plan)"
    )

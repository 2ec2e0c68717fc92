"""Benchmark (not a test): what one save costs in the website's browser store.

Run after `make book`:  .venv/bin/python -m tests.benchmarks.browser_store
(``COURSE_SITE=/path/to/_build/html`` measures another build.)

It serves the built site on 127.0.0.1, opens a module page in headless Debian Chromium,
fills this browser's storage with answers of 100 KB and then 1.5 MB (the sizes at which
the old whole-workbook store lost saves between tabs), and times what a learner's save
does in the page: the store writes the answer's own key, then the page re-reads every
answer for the device panel and the listeners (``CourseAnswers.page.changed()``).
Target on the course's reference machine (2 cores): median at most 16 ms (one frame)
at 1.5 MB.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, free_port

SITE = Path(os.environ.get("COURSE_SITE", Path(__file__).resolve().parents[2] / "_build" / "html"))
SAVES, TARGET_MS = 60, 16.0

MEASURE = """([size, saves]) => {
  const store = CourseAnswers.page.store;
  store.clear();
  const text = 'A reflection about spreading a change. '.repeat(500);  // 19.5 KB
  for (let n = 0; n * text.length < size; n += 1) store.save(`bench.answer-${n}`, text);
  const times = [];
  for (let n = 0; n < saves; n += 1) {
    const start = performance.now();
    store.save('mindset.my-innovation', `Edit ${n}: ${text}`);
    CourseAnswers.page.changed();
    times.push(performance.now() - start);
  }
  const used = Object.keys(localStorage)
    .reduce((total, key) => total + key.length + localStorage.getItem(key).length, 0);
  times.sort((a, b) => a - b);
  return { used, median: times[Math.floor(saves / 2)], p90: times[Math.floor(saves * 0.9)],
           max: times[saves - 1] };
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_args: object) -> None:
        pass


def main() -> None:
    """Time single saves at two sizes of stored answers."""
    handler = functools.partial(_Quiet, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/book/modules/mindset.html")
            page.wait_for_function("() => window.CourseAnswers && window.CourseAnswers.page")
            for size in (100_000, 1_500_000):
                r = page.evaluate(MEASURE, [size, SAVES])
                print(
                    f"{r['used'] / 1000:7.0f} KB of answers, {SAVES} saves: median "
                    f"{r['median']:.2f} ms, 90th percentile {r['p90']:.2f} ms, "
                    f"max {r['max']:.2f} ms"
                )
            verdict = "met" if r["median"] <= TARGET_MS else "NOT met"
            print(f"target: median <= {TARGET_MS} ms at 1.5 MB -> {verdict}")
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()

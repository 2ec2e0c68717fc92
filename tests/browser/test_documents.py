"""The documents the course writes, checked as people will open them in a browser.

A learner downloads their plan, progress and learning record; a facilitator opens the
cohort summary. Each is a standalone HTML file, so each gets the site's checks: axe-core
finds no WCAG 2.2 A or AA violation, nothing scrolls sideways at 320 pixels, and
printed, every part is still there. The learner's documents are built from a workbook
filled through the widgets of every module; the summary from rehearsal data with
damaged files and text that holds markup.

The second half builds them on the website, as a learner does: the capstone draws her
progress at once without the document builder; the builder runs in a Web Worker (no
main-thread task over 200 ms, measured with a PerformanceObserver) from a host that
serves Moodle's content types, shows its steps, and is kept for the next visit; the
print frame runs no script; the device panel gives the readable copy; from ``file://``
the page explains what to do, with no page error; on Module 15 the builder's files are
fetched in the background only when the connection allows it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exercises import plan, report
from exercises.catalogue import course_catalogue
from exercises.cohort import summary, summary_output
from exercises.cohort.rehearsal import write_demo
from exercises.report import to_fragment
from exercises.widgets import Session
from exercises.workbook import Workbook
from tests.benchmarks.page_weight import MOODLE_TYPES, static_host
from tests.browser.conftest import SITE, run_axe, sideways_scroll
from tests.test_widgets_capstone import fill

pytestmark = pytest.mark.browser

DOCUMENTS = ("plan", "progress", "learning record", "cohort summary")


@pytest.fixture(scope="module")
def full_workbook(tmp_path_factory: pytest.TempPathFactory) -> Workbook:
    """A workbook with every question answered through the widgets of every module."""
    folder = tmp_path_factory.mktemp("workbook")
    catalogue = course_catalogue()
    session = Session(Workbook(folder / "workbook.json", checker=catalogue.check), catalogue)
    for module in catalogue.modules.values():
        for n, prompt in enumerate(module.prompts):
            fill(session.show(prompt.id), n)
    return session.workbook


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory, full_workbook: Workbook) -> dict[str, str]:
    """Each document's HTML, from a complete workbook and a rehearsal cohort."""
    folder = tmp_path_factory.mktemp("documents")
    catalogue = course_catalogue()
    answers = full_workbook.answers()
    write_demo(folder / "shares", 24, "LEEDS-2027", seed=3, catalogue=catalogue, bad=True)
    return {
        "plan": report.to_html(plan.plan_doc(catalogue, answers)),
        "progress": report.to_html(plan.progress_doc(catalogue, answers)),
        "learning record": report.to_html(plan.learning_record_doc(catalogue, answers)),
        "cohort summary": summary_output.to_html(summary.summarise(folder / "shares", catalogue)),
    }


def open_document(browser, html: str, width: int = 1200):
    """A page showing the document, with every request blocked (it must need none)."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    requests: list[str] = []

    def block(route) -> None:
        requests.append(route.request.url)
        route.abort()

    context.route("**/*", block)
    page = context.new_page()
    page.set_content(html, wait_until="load")
    page.requests = requests
    return context, page


@pytest.mark.parametrize("name", DOCUMENTS)
def test_document_has_no_wcag_violations(browser, documents, name: str) -> None:
    """axe-core finds no WCAG 2.2 A or AA violation, and the file asks for nothing outside."""
    context, page = open_document(browser, documents[name])
    found = [
        f"{v['id']} ({v['impact']}): {' '.join(n['target'])}"
        for v in run_axe(page)
        for n in v["nodes"]
    ]
    requests = page.requests
    context.close()
    assert not found, f"{name}:\n" + "\n".join(found)
    assert requests == [], f"{name} asked for {requests}"


@pytest.mark.parametrize("name", DOCUMENTS)
def test_document_reflows_at_320_pixels(browser, documents, name: str) -> None:
    """At 320 CSS pixels wide, the document needs no sideways scrolling (WCAG 1.4.10)."""
    context, page = open_document(browser, documents[name], width=320)
    overflow, wide = sideways_scroll(page)
    context.close()
    assert overflow <= 0, f"the {name} scrolls sideways by {overflow}px at 320px: {wide}"


@pytest.mark.parametrize("name", DOCUMENTS)
def test_document_prints_every_part(browser, documents, name: str) -> None:
    """Printed, every heading and table is still shown, and the result is a real PDF."""
    context, page = open_document(browser, documents[name])
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => [...document.querySelectorAll('h1, h2, h3, table, figure, .gap')]
            .filter(e => e.getClientRects().length === 0).map(e => e.textContent.slice(0, 40))"""
    )
    pdf = page.pdf(format="A4")
    context.close()
    assert hidden == [], f"the printed {name} hides {hidden}"
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 1


def test_the_plan_prints_answers_not_gaps(documents) -> None:
    """The complete workbook's plan shows the learner's words, not gaps (a guard that the
    checks above ran on a real, filled-in plan)."""
    assert "My answer to The change I want to spread" in documents["plan"]
    assert "LEEDS-2027" in documents["cohort summary"]


# ---------------------------------------------------------------------------------------
# Built on the website: the capstone's script and the document builder.
# ---------------------------------------------------------------------------------------

BUILD_TIMEOUT = 240_000
"""Milliseconds to wait for the document builder (Pyodide) on a slow, busy machine."""
PLAN_BUTTON = "Build my plan and learning record from my answers"
READABLE_BUTTON = "Download a readable copy of all my answers (web page)"
CAPSTONE = "book/modules/capstone.html"

WATCH = """() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
  }).observe({ type: "longtask", buffered: true });
  window.__said = [];
  window.__drawnAt = null;
  new MutationObserver(() => {
    if (window.__drawnAt === null
        && document.querySelector(".course-site-document[data-doc=progress]")) {
      window.__drawnAt = performance.now();
    }
    for (const line of document.querySelectorAll(".course-doc-status, .course-readable-status")) {
      const text = line.textContent;
      if (text && window.__said[window.__said.length - 1] !== text) window.__said.push(text);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}"""
"""Recorded in the page from its start: long tasks, what the status lines said, and when
the progress view was drawn."""


def watched_page(browser, **options):
    """A page that records long tasks, status lines and builder requests."""
    context = browser.new_context(locale="en-GB", **options)
    context.add_init_script(script=f"({WATCH})()")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.errors = errors
    return context, page


def open_with_answers(page, url: str, workbook: Workbook | None) -> None:
    """Open ``url`` with the workbook's answers kept in the browser (through the page's own
    store), and wait for the capstone's script."""
    page.goto(url, wait_until="load")
    page.wait_for_function("() => window.CourseAnswers && window.CourseAnswers.page")
    if workbook is not None:
        page.evaluate(
            """(text) => { const api = window.CourseAnswers;
                api.page.store.write(api.parseWorkbook(text, api.page.data)); }""",
            workbook.path.read_text(encoding="utf-8"),
        )
        page.reload(wait_until="load")
    page.wait_for_function("() => window.CourseCapstone && window.CourseCapstone.page")


def as_text(page, fragment: str) -> str:
    """How a piece of HTML reads in this browser."""
    return page.evaluate(
        """(html) => { const d = document.createElement('div'); d.innerHTML = html;
            document.body.append(d); const t = d.innerText; d.remove(); return t; }""",
        fragment,
    )


def builder_requests(log: list[tuple[str, int]]) -> list[str]:
    """The requests for the document builder's files (Pyodide and the course package)."""
    return [p for p, _ in log if "/_static/course-builder/" in p or ".wasm" in p]


def test_capstone_draws_progress_at_once_and_never_alarms(browser, full_workbook) -> None:
    """Her progress is drawn by the page's script as the page opens (in its
    DOMContentLoaded handlers, before any download), reads exactly as Python's, and no
    file of the document builder is asked for; the plan's place does not say her
    answers are missing, and the note gives the builder's real size."""
    log: list[tuple[str, int]] = []
    context, page = watched_page(browser)
    with static_host(SITE, log=log) as base:
        open_with_answers(page, f"{base}/{CAPSTONE}", full_workbook)
        catalogue = course_catalogue()
        expected = to_fragment(plan.progress_doc(catalogue, full_workbook.answers()), level=3)
        shown = page.locator(".course-site-document[data-doc=progress] .course-doc-body")
        assert shown.inner_text() == as_text(page, expected)
        drawn, ready = page.evaluate(
            """() => [window.__drawnAt,
                      performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd]"""
        )
        plan_box = page.locator(".course-site-doc[data-docs~=plan]")
        waiting = plan_box.locator(".course-doc-waiting").inner_text()
        note = plan_box.locator(".course-needs-script p").first.inner_text()
        asked = builder_requests(log)
        plan_text = plan_box.inner_text()
        found = [f"{v['id']}: {' '.join(n['target'])}" for v in run_axe(page) for n in v["nodes"]]
    context.close()
    assert 0 < drawn <= ready, (drawn, ready)
    assert asked == []
    total = sum(len(m.prompts) for m in catalogue.modules.values())
    assert waiting.startswith("Not built yet.") and f"the {total} answers kept" in waiting
    assert "Not answered yet" not in plan_text
    size = json.loads(
        (SITE / "_static/course-data.js").read_text().split("=", 1)[1].rstrip().rstrip(";")
    )["builder"]["bytes"]
    assert f"({size / 1e6:.1f} MB" in note and "about 6 MB" not in note
    assert found == [] and page.errors == []


def test_plan_builds_in_a_worker_from_moodle_types_and_is_kept(browser, full_workbook) -> None:
    """Served with Moodle's content types (.mjs as text/plain, .wasm as
    application/octet-stream) and no compression, the plan builds; the page says each step
    with the bytes; no main-thread task lasts over 200 ms from the click to the plan; the
    print frame is sandboxed; and the next visit builds without downloading again."""
    log: list[tuple[str, int]] = []
    context, page = watched_page(browser)
    with static_host(SITE, compress=False, types=MOODLE_TYPES, log=log) as base:
        open_with_answers(page, f"{base}/{CAPSTONE}", full_workbook)
        clicked = page.evaluate("() => performance.now()")
        page.get_by_role("button", name=PLAN_BUTTON).click()
        page.locator(".course-site-document[data-doc=plan]").wait_for(timeout=BUILD_TIMEOUT)
        tasks, said = page.evaluate("() => [window.__longTasks, window.__said]")
        text = page.locator(".course-site-document[data-doc=plan]").inner_text()
        first = builder_requests(log)
        page.get_by_role("button", name="Print My spread and adoption plan").click()
        frame = page.locator("iframe.course-print-frame")
        sandbox = frame.get_attribute("sandbox")
        printed = frame.content_frame.locator("h1").inner_text()
        # The next visit: the builder's files come from this browser, not the host.
        log.clear()
        open_with_answers(page, f"{base}/{CAPSTONE}", None)
        note = page.locator(".course-site-doc .course-needs-script p").first.inner_text()
        page.get_by_role("button", name=PLAN_BUTTON).click()
        page.locator(".course-site-document[data-doc=plan]").wait_for(timeout=BUILD_TIMEOUT)
        again = builder_requests(log)
    context.close()
    assert "My answer to The change I want to spread" in text
    assert any(p.endswith(".asm.wasm.gz") for p in first)
    long = [round(d) for start, d in tasks if start + d >= clicked and d > 200]
    assert long == [], f"main-thread tasks over 200 ms while building: {long}"
    assert any(line.startswith("Downloading the document builder: ") for line in said), said
    assert "Starting the document builder…" in said, said
    assert said[-1].startswith("Built from your answers on this device at"), said
    assert set(sandbox.split()) == {"allow-same-origin", "allow-modals"}
    assert printed == "My spread and adoption plan"
    assert "already on this device" in note
    assert again == [], f"the repeat visit downloaded {again}"
    assert page.errors == []


def test_the_print_frame_runs_no_script(offline_page, site) -> None:
    page = offline_page
    page.goto(f"{site}/{CAPSTONE}", wait_until="load")
    page.wait_for_function("() => window.CourseCapstone && window.CourseCapstone.page")
    page.evaluate(
        """() => { window.__ran = false; CourseCapstone.printDocument(document,
            '<h1>Printed</h1><script>parent.__ran = true<' + '/script>'
            + '<img src="data:," onerror="parent.__ran = true">'); }"""
    )
    frame = page.locator("iframe.course-print-frame")
    assert frame.content_frame.locator("h1").inner_text() == "Printed"
    assert page.evaluate("() => window.__ran") is False
    assert page.errors == []


def test_the_device_panel_downloads_a_readable_copy(offline_page, site) -> None:
    """The website's panel offers the readable copy of every answer, as Jupyter's does."""
    page = offline_page
    page.goto(f"{site}/book/modules/mindset.html", wait_until="load")
    page.wait_for_function("() => window.CourseAnswers && window.CourseAnswers.page")
    page.locator("#ex-mindset-my-innovation").fill("A falls clinic <b>run</b> by pharmacists")
    page.locator("#ex-mindset-my-innovation").blur()
    with page.expect_download(timeout=BUILD_TIMEOUT) as info:
        page.get_by_role("button", name=READABLE_BUTTON).click()
    copy = Path(info.value.path()).read_text(encoding="utf-8")
    assert info.value.suggested_filename.startswith("my-answers-")
    assert "<title>My course workbook</title>" in copy
    assert "A falls clinic &lt;b&gt;run&lt;/b&gt; by pharmacists" in copy
    status = page.locator(".course-readable-status").inner_text()
    assert status.startswith("Your readable copy is downloaded")
    assert page.errors == [] and page.guard.blocked == []


def test_from_disk_the_capstone_explains_what_to_do(browser) -> None:
    """Opened as files (file://), the capstone still draws her progress, says plainly how
    to build the plan, and raises no page error."""
    context, page = watched_page(browser)
    page.goto((SITE / CAPSTONE).as_uri(), wait_until="load")
    page.wait_for_function("() => window.CourseCapstone && window.CourseCapstone.page")
    note = page.locator(".course-site-doc .course-needs-script p").first.inner_text()
    progress = page.locator(".course-site-document[data-doc=progress]").inner_text()
    build_hidden = not page.get_by_role("button", name=PLAN_BUTTON).is_visible()
    readable = page.get_by_role("button", name=READABLE_BUTTON)
    readable_off = readable.count() == 0 or readable.first.is_disabled()
    context.close()
    assert "opened from files on this computer" in note and "make serve" in note
    assert "Jupyter" in note
    assert "Module by module" in progress
    assert build_hidden and readable_off
    assert page.errors == []


MODULE_15 = "book/modules/progress.html"
SAVE_DATA = """Object.defineProperty(navigator, "connection", {
  get: () => ({ saveData: true, effectiveType: "4g" }) });"""


@pytest.mark.parametrize("save_data", [False, True])
def test_module_15_fetches_the_builder_early_only_when_the_connection_allows(
    browser, save_data: bool
) -> None:
    """Reading Module 15 (she scrolls), the builder's files are fetched in the background
    and kept; with Data Saver on, nothing is fetched."""
    context, page = watched_page(browser)
    if save_data:
        context.add_init_script(script=SAVE_DATA)
    log: list[tuple[str, int]] = []
    with static_host(SITE, log=log) as base:
        page.goto(f"{base}/{MODULE_15}", wait_until="load")
        page.wait_for_function("() => window.CourseBuilder && window.CourseBuilder.client")
        before = builder_requests(log)
        page.evaluate(
            """() => { window.__scrolled = new Promise((done) =>
                document.addEventListener("scroll", done, { once: true })); }"""
        )
        page.mouse.move(400, 400)
        page.mouse.wheel(0, 400)
        # The builder listens on the window, in the capture phase: by the time the
        # document's own listener hears the scroll, the builder has decided.
        started = page.evaluate(
            "async () => { await window.__scrolled; return CourseBuilder.client.worker !== null; }"
        )
        if not save_data:  # every file of the builder is kept in this browser
            page.wait_for_function(
                """() => { CourseBuilder.client.cached().then((kept) => { window.__kept = kept; });
                    return window.__kept === true; }""",
                timeout=BUILD_TIMEOUT,
            )
        kept = page.evaluate("() => CourseBuilder.client.cached()")
        fetched = builder_requests(log)
    context.close()
    assert before == []
    assert started is not save_data
    assert kept is not save_data
    assert (len(fetched) == 6) is not save_data, fetched

"""The plan and the one-page progress report as a learner prints them, and Maya's worked
example as a learner opens it (website, form view).

The printed page counts come from the print itself: each document is printed to PDF by
headless Chromium (``page.pdf``, A4, the documents' own ``@page`` margins), and the PDF's
pages are read back: how many there are, that the first one carries the title, and that
no page ends on a heading (a heading's text runs are told apart by their font size, which
the print stylesheet gives each heading level). The figures are printed for the record.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from exercises.catalogue import course_catalogue
from exercises.plan import plan_doc
from exercises.progress_report import TITLE, report_doc, word_count
from exercises.report import to_fragment, to_html, to_markdown
from exercises.workbook import FORMAT, VERSION
from exercises.worked_example import REPORT_SUMMARY, SUMMARY, answers, course_example
from tests.browser.conftest import run_axe, sideways_scroll
from tests.browser.test_form_view import voila  # noqa: F401 (the Voila fixture)
from tests.browser.test_site_answers import BUILD_TIMEOUT, as_text, open_module, violations

pytestmark = pytest.mark.browser

MOST_REPORT_PAGES = 2
"""The progress report fits on one or two printed A4 pages."""


# --- Reading a printed PDF ---------------------------------------------------------------


def _objects(pdf: bytes) -> dict[int, tuple[bytes, bytes]]:
    """Each object of a PDF as (its dictionary, its stream's bytes or b""), read in order;
    a stream is skipped by its /Length, so bytes inside it are never taken for objects."""
    objects: dict[int, tuple[bytes, bytes]] = {}
    header = re.compile(rb"(\d+) 0 obj\s*")
    pos = 0
    while match := header.search(pdf, pos):
        start = match.end()
        stream, end = pdf.find(b"stream", start), pdf.find(b"endobj", start)
        if stream != -1 and stream < end:
            head = pdf[start:stream]
            length = int(re.search(rb"/Length (\d+)(?!\s+\d+\s+R)", head)[1])
            begin = stream + 6 + (2 if pdf[stream + 6 : stream + 8] == b"\r\n" else 1)
            data = pdf[begin : begin + length]
            objects[int(match[1])] = (
                head,
                zlib.decompress(data) if b"/FlateDecode" in head else data,
            )
            pos = begin + length
        else:
            objects[int(match[1])] = (pdf[start:end], b"")
            pos = end
    return objects


def printed_pages(pdf: bytes) -> list[list[tuple[float, float]]]:
    """Each page's text runs, in page order, as (font size in CSS px, top in CSS px)."""
    objects = _objects(pdf)

    def leaves(node: bytes) -> Iterator[bytes]:
        kids = re.search(rb"/Kids\s*\[(.*?)\]", node, re.S)
        for ref in re.findall(rb"(\d+) 0 R", kids[1] if kids else b""):
            kid = objects[int(ref)][0]
            yield from leaves(kid) if re.search(rb"/Type\s*/Pages\b", kid) else [kid]

    root = next(
        head
        for head, _ in objects.values()
        if re.search(rb"/Type\s*/Pages\b", head) and b"/Parent" not in head
    )
    pages = []
    for page in leaves(root):
        refs = re.search(rb"/Contents\s*(\[.*?\]|\d+ 0 R)", page, re.S)
        ops = b"".join(objects[int(r)][1] for r in re.findall(rb"(\d+) 0 R", refs[1]))
        runs = re.findall(r"/F\d+ ([\d.]+) Tf\s+(?:[-\d.]+ ){5}([-\d.]+) Tm", ops.decode("latin-1"))
        pages.append([(round(float(size), 1), float(top)) for size, top in runs])
    return pages


def print_and_read(browser, html: str) -> tuple[list[list[tuple[float, float]]], dict]:
    """Print a document to A4 PDF; return its pages and the heading sizes in print."""
    context = browser.new_context()
    context.route("**/*", lambda route: route.abort())  # a document needs nothing outside
    page = context.new_page()
    page.set_content(html, wait_until="load")
    page.emulate_media(media="print")
    sizes = page.evaluate(
        """() => Object.fromEntries(['h1', 'h2', 'h3'].map(h => {
             const probe = document.createElement(h); document.body.append(probe);
             const size = parseFloat(getComputedStyle(probe).fontSize); probe.remove();
             return [h, Math.round(size * 10) / 10]; }))"""
    )
    pdf = page.pdf(format="A4", prefer_css_page_size=True)  # the document's @page, as printed
    context.close()
    return printed_pages(pdf), sizes


def print_problems(pages: list[list[tuple[float, float]]], sizes: dict) -> list[str]:
    """A blank or title-less first page, and every page that ends on a heading."""
    found = []
    if not pages or not any(size == sizes["h1"] for size, _ in pages[0]):
        found.append("the first page does not carry the title")
    headings = {sizes["h2"], sizes["h3"]}
    for n, runs in enumerate(pages[:-1], start=1):
        last = max(runs, key=lambda run: run[1]) if runs else None
        if last is None:
            found.append(f"page {n} is blank")
        elif last[0] in headings:
            found.append(f"page {n} ends on a heading")
    return found


def test_the_pdf_reader_finds_pages_and_runs(browser) -> None:
    """A guard for the reader itself: a page break it is told about, and sizes it is given."""
    html = (
        "<!DOCTYPE html><html lang='en'><head><title>t</title><style>h1{font-size:30px}"
        "h2{font-size:20px}p{font-size:12px}.next{break-before:page}</style></head><body>"
        "<h1>Title</h1><p>one</p><h2 class='next'>Two</h2><p class='next'>three</p></body></html>"
    )
    pages, sizes = print_and_read(browser, html)
    assert [[size for size, _ in runs] for runs in pages] == [[30, 12], [20], [12]]
    assert (sizes["h1"], sizes["h2"]) == (30, 20)
    assert print_problems(pages, sizes) == ["page 2 ends on a heading"]
    assert print_problems(pages[1:], sizes) == ["the first page does not carry the title",
                                               "page 1 ends on a heading"]  # fmt: skip


# --- The documents, printed ---------------------------------------------------------------

MAYA = answers(course_example())


@pytest.fixture(scope="module")
def docs() -> dict[str, str]:
    """Maya's plan and report (a realistic, full workbook) and the empty ones."""
    catalogue = course_catalogue()
    return {
        "plan": to_html(plan_doc(catalogue, MAYA)),
        "report": to_html(report_doc(catalogue, MAYA)),
        "empty plan": to_html(plan_doc(catalogue, {})),
        "empty report": to_html(report_doc(catalogue, {})),
    }


@pytest.mark.parametrize("name", ["plan", "report", "empty plan", "empty report"])
def test_documents_print_cleanly(browser, docs, name: str) -> None:
    """No blank first page and no heading at the foot of a page; the report fits on one
    or two pages. Page counts are printed."""
    pages, sizes = print_and_read(browser, docs[name])
    print(f"{name}: {len(pages)} printed A4 pages")
    assert print_problems(pages, sizes) == [], name
    if "report" in name:
        assert len(pages) <= MOST_REPORT_PAGES, f"the {name} prints on {len(pages)} pages"


@pytest.mark.parametrize("name", ["plan", "report"])
def test_printed_tables_have_borders_and_dates_do_not_wrap(browser, docs, name: str) -> None:
    """In print, every table cell has a border, and each date sits on one line."""
    context = browser.new_context(viewport={"width": 700, "height": 900})
    page = context.new_page()
    page.set_content(docs[name], wait_until="load")
    page.emulate_media(media="print")
    found = page.evaluate(
        """() => {
          const cells = [...document.querySelectorAll('th, td')];
          const bare = cells.filter(c => ['Top', 'Bottom', 'Left', 'Right'].some(
              side => getComputedStyle(c)['border' + side + 'Style'] === 'none')).length;
          const dates = [...document.querySelectorAll('td.nowrap')].map(c => {
              const r = document.createRange(); r.selectNodeContents(c);
              return r.getClientRects().length; });
          return {cells: cells.length, bare, dates};
        }"""
    )
    context.close()
    assert found["cells"] and found["bare"] == 0
    assert found["dates"] and set(found["dates"]) == {1}, found["dates"]


@pytest.mark.parametrize("name", ["plan", "report", "empty plan", "empty report"])
def test_documents_have_no_wcag_violations_and_reflow(browser, docs, name: str) -> None:
    """axe-core finds no WCAG 2.2 A or AA violation; at 320 pixels nothing scrolls sideways."""
    context = browser.new_context(viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.set_content(docs[name], wait_until="load")
    found = [f"{v['id']}: {' '.join(n['target'])}" for v in run_axe(page) for n in v["nodes"]]
    overflow, wide = sideways_scroll(page)
    context.close()
    assert found == [], name
    assert overflow <= 0, f"the {name} scrolls sideways at 320px: {wide}"


# --- On the website -------------------------------------------------------------------------


def maya_workbook() -> str:
    """Maya's answers as the website keeps them (the workbook format Jupyter reads)."""
    entries = {pid: {"value": a.value, "saved_at": a.saved_at} for pid, a in MAYA.items()}
    return json.dumps({"format": FORMAT, "version": VERSION, "answers": entries})


def test_the_report_builds_on_the_website_downloads_and_prints(
    offline_page, site, browser, tmp_path: Path
) -> None:
    """From answers kept in the browser, the capstone builds the report as Python does; its
    Markdown and web page download; the web page prints on one or two pages; axe is clean."""
    page = offline_page
    open_module(page, site, "capstone")
    page.evaluate("(t) => localStorage.setItem('spread-course:workbook', t)", maya_workbook())
    page.reload(wait_until="networkidle")
    page.wait_for_function("() => window.CourseAnswers && window.CourseAnswers.page")
    page.get_by_role("button", name="Build my progress report from my answers").click()
    built = page.locator(".course-site-document[data-doc=report] .course-doc-body")
    built.wait_for(timeout=BUILD_TIMEOUT)
    expected = to_fragment(report_doc(course_catalogue(), MAYA), level=3)
    assert built.inner_text() == as_text(page, expected)
    assert "Not answered yet" not in built.inner_text()
    with page.expect_download() as info:
        page.get_by_role("button", name=f"Download {TITLE} (Markdown)").click()
    markdown = Path(info.value.path()).read_text(encoding="utf-8")
    assert markdown.startswith(f"# {TITLE}\n") and info.value.suggested_filename.startswith(
        "my-progress-report-"
    )
    print(f"Maya's report, built on the website: {word_count(markdown)} words")
    assert (
        markdown.split("\n", 3)[3]
        == to_markdown(report_doc(course_catalogue(), MAYA)).split("\n", 3)[3]
    )
    with page.expect_download() as info:
        page.get_by_role("button", name=f"Download {TITLE} (web page)").click()
    html = Path(info.value.path()).read_text(encoding="utf-8")
    pages, sizes = print_and_read(browser, html)
    print(f"Maya's report, downloaded from the website: {len(pages)} printed A4 pages")
    assert len(pages) <= MOST_REPORT_PAGES and print_problems(pages, sizes) == []
    assert page.get_by_role("button", name=f"Print {TITLE}").is_visible()
    assert violations(page) == []
    assert page.errors == [] and page.guard.blocked == []


def test_maya_opens_beside_an_exercise_and_on_the_capstone(offline_page, site) -> None:
    """On a module page her answer is folded beside the exercise and opens from the
    keyboard; on the capstone her finished report opens too. Nothing of hers is saved."""
    page = offline_page
    open_module(page, site, "benefit")
    exercise = page.locator('.course-static-form[data-prompt="benefit.narrative"]')
    summary = exercise.locator("summary", has_text=SUMMARY)
    answer = exercise.locator(".course-example-body")
    expect(answer).to_be_hidden()
    summary.focus()
    page.keyboard.press("Enter")
    expect(answer).to_be_visible()
    expect(answer).to_contain_text("Everyone in Eastvale should be able to get support")
    assert exercise.locator("textarea").input_value() == ""
    assert page.evaluate("() => localStorage.getItem('spread-course:workbook')") is None
    assert violations(page) == []
    open_module(page, site, "capstone")
    report = page.locator(".course-worked-example details", has_text=REPORT_SUMMARY).first
    report.locator("summary").click()
    expect(report.locator(".course-example-body")).to_contain_text("Our contribution")
    expect(report.locator(".course-example-body")).to_contain_text("(an invented example)")
    assert page.errors == []


def test_maya_opens_beside_an_exercise_in_the_form_view(browser, voila) -> None:  # noqa: F811
    """In Voila the exercise carries her answer, folded away; it opens on a click."""
    base, workbook = voila
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.goto(base + "/", timeout=120_000)
    exercise = page.locator(".course-exercise", has_text="The change I want to spread").first
    exercise.locator("textarea").wait_for(timeout=120_000)
    example = exercise.locator("details.course-example")
    expect(example.locator(".course-example-body")).to_be_hidden()
    example.locator("summary", has_text="an invented alliance lead").click()
    expect(example.locator(".course-example-body")).to_contain_text(
        "One front door for community support"
    )
    assert not workbook.exists() or "mindset.my-innovation" not in workbook.read_text()
    context.close()

"""The documents the course writes, checked as people will open them in a browser.

A learner downloads their plan, progress and learning record; a facilitator opens the
cohort summary. Each is a standalone HTML file, so each gets the site's checks: axe-core
finds no WCAG 2.2 A or AA violation, nothing scrolls sideways at 320 pixels, and
printed, every part is still there. The learner's documents are built from a workbook
filled through the widgets of every module; the summary from rehearsal data with
damaged files and text that holds markup.
"""

from __future__ import annotations

import pytest

from exercises import plan, report
from exercises.catalogue import course_catalogue
from exercises.cohort import summary, summary_output
from exercises.cohort.rehearsal import write_demo
from exercises.widgets import Session
from exercises.workbook import Workbook
from tests.browser.conftest import run_axe, sideways_scroll
from tests.test_widgets_capstone import fill

pytestmark = pytest.mark.browser

DOCUMENTS = ("plan", "progress", "learning record", "cohort summary")


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Each document's HTML, from a complete workbook and a rehearsal cohort."""
    folder = tmp_path_factory.mktemp("documents")
    catalogue = course_catalogue()
    session = Session(Workbook(folder / "workbook.json", checker=catalogue.check), catalogue)
    for module in catalogue.modules.values():
        for n, prompt in enumerate(module.prompts):
            fill(session.show(prompt.id), n)
    answers = session.workbook.answers()
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

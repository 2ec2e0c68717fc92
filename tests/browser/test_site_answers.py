"""The website as a working course: answers kept in the browser, moved to and from
Jupyter, shared with a group, and the capstone documents built in the page.

Every page is opened with every request that leaves 127.0.0.1 blocked.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from exercises.catalogue import course_catalogue
from exercises.plan import learning_record_doc, plan_doc, progress_doc
from exercises.report import to_fragment
from exercises.widgets import Session
from exercises.workbook import Workbook
from tests.browser.conftest import REPO, SCRIPT_ERRORS, run_axe, sideways_scroll
from tests.test_widgets_capstone import fill

pytestmark = pytest.mark.browser

BUILD_TIMEOUT = 180_000
"""Milliseconds to wait for the capstone's document builder (Pyodide) on a slow machine."""


def open_module(page, site: str, name: str) -> None:
    page.goto(f"{site}/book/modules/{name}.html", wait_until="networkidle")
    page.wait_for_function("() => window.CourseAnswers && window.CourseAnswers.page")


STORED = "() => new CourseAnswers.Store(localStorage, COURSE_DATA).answers()"
"""The answers kept in this browser's storage (a fresh store: nothing held in the page)."""


def stored(page) -> dict:
    """The answers the page keeps in this browser's storage (as JSON text: any question id,
    __proto__ included, comes through)."""
    answers: dict = json.loads(page.evaluate(f"() => JSON.stringify(({STORED})())"))
    return answers


def wait_stored(page, pid: str, value) -> None:
    """Wait until the browser's storage holds ``value`` as the answer to ``pid``."""
    page.wait_for_function(
        f"([pid, value]) => {{ const a = ({STORED})()[pid]; "
        "return a !== undefined && CourseAnswers.canonical(a.value) === "
        "CourseAnswers.canonical(value); }",
        arg=[pid, value],
    )


def violations(page) -> list[str]:
    return [f"{v['id']}: {' '.join(n['target'])}" for v in run_axe(page) for n in v["nodes"]]


@pytest.fixture(scope="module")
def full_workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workbook written by the Python package, with an answer to every question."""
    path = tmp_path_factory.mktemp("full") / "workbook.json"
    catalogue = course_catalogue()
    session = Session(Workbook(path, checker=catalogue.check), catalogue)
    for module in catalogue.modules.values():
        for n, prompt in enumerate(module.prompts):
            fill(session.show(prompt.id), n)
    return path


def test_answers_stay_after_a_reload(offline_page, site: str) -> None:
    """Each kind of form keeps its answer in this browser, says so, and shows it again."""
    page = offline_page
    open_module(page, site, "complexity")
    text = page.locator(".course-static-form[data-kind=text] textarea").first
    text.fill("Our falls huddle")
    page.locator("input[name='ex-complexity-signs']").nth(1).check()
    page.locator("input[name='ex-complexity-position-x'][value='4']").check()
    page.locator("input[name='ex-complexity-position-y'][value='2']").check()
    text.blur()
    status = page.locator(".course-static-form[data-kind=text] .course-status").first
    expect(status).to_have_text(re.compile(r"^Saved on this device at"))
    figure = page.locator(".course-static-form[data-kind=position] figure")
    expect(figure.locator("circle")).to_have_count(1)  # the learner's point is drawn
    expect(figure.locator("figcaption")).to_contain_text("4 of 5")
    wait_stored(page, "complexity.position", {"x": 4, "y": 2})
    page.reload(wait_until="networkidle")
    page.wait_for_function("() => window.CourseAnswers && window.CourseAnswers.page")
    expect(text).to_have_value("Our falls huddle")
    assert page.locator("input[name='ex-complexity-signs']").nth(1).is_checked()
    assert page.locator("input[name='ex-complexity-position-x'][value='4']").is_checked()
    assert figure.locator("circle").count() == 1
    assert "Kept on this device" in status.inner_text()
    assert not page.locator(".course-static-form .course-no-script").first.is_visible()
    assert page.errors == [] and page.guard.blocked == []


def test_rating_grid_list_rows_and_quiz_feedback(offline_page, site: str) -> None:
    """Rows can be added and removed; a knowledge check answers back in a live region.
    Every check waits for the state it checks (saves run off the input event)."""
    page = offline_page
    open_module(page, site, "networks")
    form = page.locator(".course-static-form[data-kind=list]").first
    first_cell = form.locator("[data-field]").first
    first_cell.fill("Practice nurse lead")
    add = form.get_by_role(
        "button", name=form.locator(".course-rows").get_attribute("data-add-label")
    )
    add.click()
    expect(form.locator(".course-row")).to_have_count(2)
    assert page.evaluate("() => document.activeElement.closest('.course-row') !== null")
    second_cell = form.locator(".course-row").nth(1).locator("[data-field]").first
    second_cell.fill("Carers' group chair")
    second_cell.blur()
    pid = form.get_attribute("data-prompt")
    field = first_cell.get_attribute("data-field")
    rows = [{field: "Practice nurse lead"}, {field: "Carers' group chair"}]
    columns = page.evaluate("(pid) => COURSE_DATA.prompts[pid].schema.items.properties", pid)
    full = [{c: row.get(c, "") for c in columns} for row in rows]
    wait_stored(page, pid, full)
    form.get_by_role("button", name="Remove row 1").click()
    wait_stored(page, pid, full[1:])
    expect(form.locator(".course-row")).to_have_count(1)
    expect(form.locator(".course-row legend")).to_have_text("Row 1")

    quiz = page.locator(".course-static-form[data-kind=quiz]").first
    option = quiz.locator("input[type=radio]").nth(2)
    option.check()
    feedback = quiz.locator(".course-quiz-feedback")
    assert feedback.get_attribute("role") == "status"
    expect(feedback).to_have_text(option.get_attribute("data-feedback") or "")
    assert feedback.inner_text().startswith(("Correct.", "Not the best answer."))

    open_module(page, site, "principles")
    grid = page.locator(".course-static-form[data-kind=rating]").filter(
        has=page.locator("fieldset[data-item]")
    )
    first = grid.first.locator("fieldset[data-item]").first
    first.locator("input").nth(3).check()
    item = first.get_attribute("data-item")
    wait_stored(page, grid.first.get_attribute("data-prompt") or "", {item: 4})
    assert page.errors == []


def test_site_workbook_imports_into_python_unchanged(offline_page, site, tmp_path) -> None:
    """Answers typed on the site, downloaded, preview in Python with nothing skipped."""
    page = offline_page
    open_module(page, site, "mindset")
    forms = page.locator(".course-static-form[data-kind=text] textarea")
    forms.first.fill("A pharmacist-led falls clinic")
    forms.first.blur()
    page.locator(".course-static-form[data-kind=choice] input[type=radio]").first.check()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download my workbook").click()
    data = Path(info.value.path()).read_bytes()
    catalogue = course_catalogue()
    workbook = Workbook(tmp_path / "workbook.json", checker=catalogue.check)
    preview = workbook.preview_import(data)
    assert not preview.skipped
    site_answers = stored(page)
    assert sorted(preview.added) == sorted(site_answers)
    workbook.import_bytes(data)
    for pid, answer in site_answers.items():
        assert workbook.get(pid).value == answer["value"]
    assert workbook.get("mindset.my-innovation").value == "A pharmacist-led falls clinic"


def test_python_workbook_fills_the_site_forms(offline_page, site, full_workbook) -> None:
    """A workbook from Jupyter, loaded on the site with a preview, fills every form."""
    page = offline_page
    open_module(page, site, "mindset")
    page.set_input_files("#course-load-file", str(full_workbook))
    preview = page.locator(".course-import")
    preview.get_by_role("button", name="Load these answers").wait_for()
    assert re.match(r"\d+ answers? will be added;", preview.inner_text())
    preview.get_by_role("button", name="Load these answers").click()
    assert "Loaded" in preview.inner_text()
    python = json.loads(full_workbook.read_text())["answers"]
    kept = stored(page)
    assert {pid: a["value"] for pid, a in kept.items()} == {
        pid: a["value"] for pid, a in python.items()
    }
    text = page.locator("#ex-mindset-my-innovation")
    assert text.input_value() == python["mindset.my-innovation"]["value"]
    assert violations(page) == []
    open_module(page, site, "complexity")  # another module shows its answers too
    position = python["complexity.position"]["value"]
    x = page.locator(f"input[name='ex-complexity-position-x'][value='{position['x']}']")
    assert x.is_checked()
    assert violations(page) == []
    page.set_viewport_size({"width": 320, "height": 800})
    overflow, wide = sideways_scroll(page)
    assert overflow <= 0, f"filled-in module page scrolls sideways: {wide}"


def build_documents(page) -> None:
    page.get_by_role("button", name="Build my plan and learning record from my answers").click()
    page.locator(".course-site-document[data-doc=plan]").wait_for(timeout=BUILD_TIMEOUT)
    page.locator(".course-site-document[data-doc=progress]").wait_for(timeout=BUILD_TIMEOUT)


def as_text(page, fragment: str) -> str:
    """How a piece of HTML reads in this browser (to compare documents as text)."""
    return page.evaluate(
        """(html) => { const d = document.createElement('div'); d.innerHTML = html;
            document.body.append(d); const t = d.innerText; d.remove(); return t; }""",
        fragment,
    )


def test_capstone_documents_match_python(offline_page, site, full_workbook) -> None:
    """The plan, progress and record built on the site read exactly as Python's."""
    page = offline_page
    open_module(page, site, "capstone")
    text = full_workbook.read_text()
    page.evaluate("(t) => localStorage.setItem('spread-course:workbook', t)", text)
    page.reload(wait_until="networkidle")
    page.wait_for_function("() => window.CourseAnswers && window.CourseAnswers.page")
    build_documents(page)
    catalogue = course_catalogue()
    answers = Workbook(full_workbook, checker=catalogue.check).answers()
    expected = {
        "plan": to_fragment(plan_doc(catalogue, answers), level=3),
        "record": to_fragment(learning_record_doc(catalogue, answers), level=3),
        "progress": to_fragment(progress_doc(catalogue, answers), level=3),
    }
    for key, fragment in expected.items():
        shown = page.locator(f".course-site-document[data-doc={key}] .course-doc-body")
        assert shown.inner_text() == as_text(page, fragment), key
    assert "Not answered yet" not in page.locator("[data-doc=plan]").inner_text()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download My spread and adoption plan (Markdown)").click()
    assert Path(info.value.path()).read_text().startswith("# My spread and adoption plan")
    assert violations(page) == []
    page.set_viewport_size({"width": 320, "height": 800})
    overflow, wide = sideways_scroll(page)
    assert overflow <= 0, f"the built plan scrolls sideways at 320px: {wide}"
    assert page.errors == [] and page.guard.blocked == []


def test_empty_browser_builds_the_plan_with_gaps(offline_page, site) -> None:
    page = offline_page
    open_module(page, site, "capstone")
    build_documents(page)
    plan = page.locator(".course-site-document[data-doc=plan]").inner_text()
    assert "Not answered yet" in plan
    assert page.errors == []


def test_share_file_from_the_site_is_summarised(offline_page, site, tmp_path) -> None:
    """A share file made on the site is accepted by the cohort summary command."""
    page = offline_page
    open_module(page, site, "mindset")
    page.locator("#ex-mindset-my-innovation").fill("A falls clinic")
    page.locator("#ex-mindset-my-innovation").blur()
    page.locator(".course-static-form[data-kind=choice] input[type=radio]").first.check()
    page.fill("#course-cohort-code", "LEEDS-2027")
    page.get_by_role("button", name="Show what will be shared").click()
    preview = page.locator(".course-share-preview")
    assert "Your name is not in the file" in preview.inner_text()
    assert "A falls clinic" not in preview.inner_text()  # written answers stay out
    with page.expect_download() as info:
        preview.get_by_role("button", name="Download the share file").click()
    folder = tmp_path / "shares"
    folder.mkdir()
    info.value.save_as(folder / info.value.suggested_filename)
    assert info.value.suggested_filename.startswith("share-")
    out = subprocess.run(
        [sys.executable, "-m", "exercises", "cohort", "summarise", str(folder), "--out",
         str(tmp_path / "out")],
        capture_output=True, text=True, cwd=REPO,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    rejected = (tmp_path / "out" / "rejected.csv").read_text().strip().splitlines()
    assert len(rejected) <= 1, rejected  # only the header: nothing set aside


def test_remove_all_answers_after_confirming(offline_page, site) -> None:
    page = offline_page
    open_module(page, site, "mindset")
    page.evaluate("() => localStorage.setItem('another-site:thing', 'keep me')")
    page.locator("#ex-mindset-my-innovation").fill("To be removed")
    page.locator("#ex-mindset-my-innovation").blur()
    page.get_by_role("button", name="Remove all my answers from this browser").click()
    page.get_by_role("button", name="No, keep them").click()
    assert stored(page)
    page.get_by_role("button", name="Remove all my answers from this browser").click()
    page.get_by_role("button", name="Yes, remove my answers").click()
    assert stored(page) == {}
    assert page.locator("#ex-mindset-my-innovation").input_value() == ""
    assert page.evaluate("() => localStorage.getItem('another-site:thing')") == "keep me"


def test_blocked_storage_is_explained_without_errors(offline_page, site) -> None:
    """With browser storage blocked, one plain sentence says so, and nothing breaks."""
    page = offline_page
    ours: list[str] = []  # errors raised in the course's answer scripts
    page.on(
        "pageerror",
        lambda err: (
            re.search(r"course-(answers|data|capstone)", err.stack or "") and ours.append(err.stack)
        ),
    )
    page.add_init_script(
        """Object.defineProperty(window, 'localStorage', {
             get() { throw new DOMException('blocked', 'SecurityError'); } });"""
    )
    open_module(page, site, "mindset")
    page.locator("#ex-mindset-my-innovation").fill("Typed anyway")
    page.locator("#ex-mindset-my-innovation").blur()
    status = page.locator("#ex-mindset-my-innovation").locator(
        "xpath=ancestor::div[contains(@class,'course-static-form')]//p[@role='status']"
    )
    assert "not keeping answers" in status.inner_text()
    assert "not keeping answers" in page.locator(".course-device-count").inner_text()
    assert ours == []
    # The theme's inline script (dark mode) stumbles without storage; it is not the course's.
    SCRIPT_ERRORS.forgive(": blocked")

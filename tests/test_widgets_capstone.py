"""Fill every module's exercises through the widgets, then build the capstone documents."""

from __future__ import annotations

import html
import re
from pathlib import Path

import ipywidgets as W
import pytest

from exercises.kinds import kind_of
from exercises.widgets import Exercise, Session
from exercises.widgets.exercise import flush_pending
from exercises.workbook import Workbook


def fill(view: Exercise, n: int = 0) -> None:
    """Answer one exercise through its controls, as a learner would (each input's value
    set, a knowledge check's button clicked), with its kind's first example; a written
    answer says which question it answers (``n``: the exercise's place in its module)."""
    kind = kind_of(view.prompt)
    example = kind.examples(view.prompt).fit[0]
    if kind.free_text and isinstance(example, str):
        example = f"My answer to {view.prompt.title} ({n})"
    view.control.enter(example)
    for extra in view.control.extras:
        if isinstance(extra, W.Button):
            extra.click()
    # Typing saves after a pause when an event loop runs (as under Playwright's sync API,
    # which other tests use); save now, so the workbook holds every answer at once.
    flush_pending()


def text(markup: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub("<[^>]+>", " ", markup)))


@pytest.fixture
def session(tmp_path: Path, catalogue) -> Session:
    return Session(Workbook(tmp_path / "wb.json", checker=catalogue.check), catalogue)


def test_complete_workbook_through_every_module_builds_the_plan(session: Session) -> None:
    """Every prompt of every module answered through its widgets gives a full plan."""
    for module in session.catalogue.modules.values():
        for n, prompt in enumerate(module.prompts):
            view = session.show(prompt.id)
            fill(view, n)
            assert "Saved at" in view.status.value, f"{prompt.id}: {view.status.value}"
    answers = session.workbook.answers()
    assert set(answers) == set(session.catalogue.prompts)

    plan = session.show_plan()
    shown = text(plan.body.value)
    in_plan = shown.split("Show my learning record")[0]
    # every part of the plan is filled in: no gap is left when every prompt is answered
    assert "Not answered yet" not in in_plan
    assert "My answer to My plan in brief" in in_plan  # the summary comes first
    assert in_plan.index("In brief") < in_plan.index("Why it matters")
    links = re.findall(r'download="([^"]+)"', plan.body.value)
    assert len(links) == 4 and any(n.startswith("my-spread-and-adoption-plan") for n in links)
    assert "Asha Patel" in in_plan  # action rows gathered into the next 90 days
    # self-assessments are in the learning record, drawn as a chart, never in the plan
    record = shown.split("Show my learning record")[1]
    baseline = session.catalogue.prompts["principles.baseline"]
    assert baseline.title not in in_plan and baseline.title in record
    assert "<svg" in plan.body.value.split("Show my learning record")[1]

    report = session.show_report()
    words = text(report.body.value)
    links = re.findall(r'download="([^"]+)"', report.body.value)
    assert sorted(n.rsplit("-", 3)[0] for n in links) == ["my-progress-report"] * 2
    assert "Progress report" in words and "Not answered yet" not in words
    assert "My answer to What I learned" not in words

    progress = text(session.show_progress().body.value)
    assert progress.count("Nothing – complete") == len(
        [m for m in session.catalogue.modules.values() if m.prompts]
    )


def test_empty_workbook_builds_a_plan_of_gaps(session: Session) -> None:
    """With nothing answered the plan, the report and the record still build, showing
    gaps, not errors."""
    plan = session.show_plan()
    shown = text(plan.body.value)
    assert "Not answered yet" in shown and "No actions yet" in shown
    assert "Problem" not in shown
    report = text(session.show_report().body.value)
    assert "0 of 9 parts written" in report and "Problem" not in report
    assert "Answer a module's questions to start your learning record" in shown
    assert not session.workbook.path.exists()
    progress = text(session.show_progress().body.value)
    assert "0 of" in progress and "Nothing – complete" not in progress


def test_update_button_rereads_the_workbook(session: Session) -> None:
    """Answers saved after the plan or the report was shown appear when the learner
    presses its Update button (named as the capstone page names it)."""
    plan, report = session.show_plan(), session.show_report()
    assert plan.refresh_button.description == "Update my plan"
    assert report.refresh_button.description == "Update my progress report"
    session.show("mindset.my-innovation").control.box.value = "Community pharmacy checks"
    session.show("progress.ask").control.box.value = "Ten minutes at the March meeting"
    assert "Community pharmacy checks" not in plan.body.value
    plan.refresh_button.click()
    assert "Community pharmacy checks" in plan.body.value
    assert "Ten minutes at the March meeting" not in report.body.value
    report.refresh_button.click()
    assert "Ten minutes at the March meeting" in report.body.value


def test_buttons_the_capstone_page_names_are_the_real_ones(session: Session) -> None:
    """The page tells the learner which button to press: in Jupyter the widgets' Update
    buttons, on the website the build buttons (never a button that does not exist)."""
    import json

    from tests.test_book import MODULES

    cells = json.loads((MODULES / "capstone.ipynb").read_text(encoding="utf-8"))["cells"]
    page = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    live = re.findall(r'<p class="course-live-only">(.+?)</p>', page)
    site = re.findall(r'<p class="course-static-only" hidden>(.+?)</p>', page)
    named = lambda parts: set(re.findall(r"<strong>([^<]+)</strong>", " ".join(parts)))  # noqa: E731
    views = (session.show_plan(), session.show_report())
    assert {v.refresh_button.description for v in views} <= named(live)
    assert {v.site_button for v in views} <= named(site)
    assert "Press **Update my plan**" not in page and "close Binder" not in " ".join(site)


def test_plan_and_progress_show_answers_to_earlier_versions(session: Session) -> None:
    """Every prompt answered for an earlier version of its question: the plan, the record
    and progress still build (nothing raises) and show the old answers in words."""
    import json

    answers = {
        pid: {"value": kind_of(p).examples(p).unfit[0], "saved_at": "2025-03-04T10:00:00+00:00"}
        for pid, p in session.catalogue.prompts.items()
    }
    data = json.dumps(
        {"format": "spread-course-workbook", "version": 1, "answers": answers}
    ).encode()
    session.workbook.path.write_bytes(data)
    plan = session.show_plan()
    shown = text(plan.body.value)
    assert "Problem" not in shown
    assert "Given to an earlier version of this question" in shown
    assert "a-column-since-removed: Priya" in shown  # the network list, in words
    assert "Problem" not in text(session.show_progress().body.value)
    assert session.workbook.path.read_bytes() == data

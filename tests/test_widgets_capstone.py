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
    named = (
        "mindset.my-innovation",
        "principles.baseline",
        "complexity.position",
        "networks.people",
    )
    missing = [key for key in named if key not in session.catalogue.prompts]
    # only parts the course itself lacks can be gaps when every prompt is answered
    assert shown.split("Show my learning record")[0].count("Not answered yet") == len(missing)
    assert "My answer to The change I want to spread" in shown
    links = re.findall(r'download="([^"]+)"', plan.body.value)
    assert len(links) == 4 and any(n.startswith("my-spread-and-adoption-plan") for n in links)
    for key in ("principles.baseline", "complexity.position", "networks.people"):
        if key in session.catalogue.prompts:
            assert session.catalogue.prompts[key].title in shown
    if "principles.baseline" in session.catalogue.prompts:
        assert "<svg" in plan.body.value
    assert "Asha Patel (1)" in shown  # action rows gathered into "My actions"

    progress = text(session.show_progress().body.value)
    assert progress.count("Nothing – complete") == len(
        [m for m in session.catalogue.modules.values() if m.prompts]
    )


def test_empty_workbook_builds_a_plan_of_gaps(session: Session) -> None:
    """With nothing answered the plan and record still build, showing gaps, not errors."""
    plan = session.show_plan()
    shown = text(plan.body.value)
    assert "Not answered yet" in shown and "No actions yet" in shown
    assert "Problem" not in shown
    assert "Answer a module's questions to start your learning record" in shown
    assert not session.workbook.path.exists()
    progress = text(session.show_progress().body.value)
    assert "0 of" in progress and "Nothing – complete" not in progress


def test_update_button_rereads_the_workbook(session: Session) -> None:
    """Answers saved after the plan was shown appear when the learner presses Update."""
    plan = session.show_plan()
    session.show("mindset.my-innovation").control.box.value = "Community pharmacy checks"
    assert "Community pharmacy checks" not in plan.body.value
    plan.refresh_button.click()
    assert "Community pharmacy checks" in plan.body.value


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

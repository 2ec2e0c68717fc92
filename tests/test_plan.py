"""The capstone documents: plan, progress and learning record, from any set of answers."""

from __future__ import annotations

import pytest

from exercises.catalogue import Catalogue
from exercises.model import Answer, Module, Prompt
from exercises.plan import learning_record_doc, plan_doc, progress
from exercises.report import to_html, to_markdown


def p(pid: str, kind: str = "text", **extra) -> Prompt:
    module = pid.split(".")[0]
    return Prompt(id=pid, kind=kind, title=pid.title(), question="Q?", module=module, **extra)


@pytest.fixture
def small() -> Catalogue:
    one = Module(
        "mindset", 1, "Mindset", 30,
        (p("mindset.my-innovation"), p("mindset.learned"), p("mindset.practice"),
         p("mindset.first-step", "actions")),
    )  # fmt: skip
    two = Module(
        "networks", 7, "Networks", 45,
        (p("networks.learned"), p("networks.practice"), p("networks.next", "actions")),
    )  # fmt: skip
    return Catalogue([one, two])


def a(pid: str, value, when: str = "2026-11-20T09:00:00+00:00") -> Answer:
    return Answer(pid, value, when)


def test_plan_gathers_actions_soonest_first_with_their_module(small: Catalogue) -> None:
    """Actions from every module appear in one table, dated ones first, undated last."""
    answers = {
        "mindset.first-step": a(
            "mindset.first-step",
            [
                {"what": "Later", "who": "", "when": "2027-03-01"},
                {"what": "Whenever", "who": "", "when": ""},
            ],
        ),
        "networks.next": a(
            "networks.next", [{"what": "Sooner", "who": "Me", "when": "2027-01-05"}]
        ),
    }
    md = to_markdown(plan_doc(small, answers))
    order = [md.index(word) for word in ("Sooner", "Later", "Whenever")]
    assert order == sorted(order)
    assert "| Sooner | Me | 2027-01-05 | Module 7 |" in md
    assert "| Whenever |  | not set | Module 1 |" in md


def test_plan_shows_gaps_for_missing_parts_even_when_the_course_lacks_them(small) -> None:
    """A course without the baseline or network prompts still gives a plan, with gaps."""
    doc = plan_doc(small, {})
    md = to_markdown(doc)
    assert "My starting point on the seven principles" in md and "Not answered yet" in md
    assert "No actions yet" in md
    assert "0 of" in doc.subtitle


def test_progress_counts_answered_and_left(small: Catalogue) -> None:
    """Blank answers count as left; the newest save time is kept per module."""
    answers = {
        "mindset.my-innovation": a("mindset.my-innovation", "x", "2026-11-01T10:00:00+00:00"),
        "mindset.learned": a("mindset.learned", "  ", "2026-11-02T10:00:00+00:00"),
        "mindset.practice": a("mindset.practice", "y", "2026-11-03T10:00:00+00:00"),
    }
    rows = {r.module.id: r for r in progress(small, answers)}
    assert [x.id for x in rows["mindset"].answered] == ["mindset.my-innovation", "mindset.practice"]
    assert [x.id for x in rows["mindset"].left] == ["mindset.learned", "mindset.first-step"]
    assert rows["mindset"].last_saved == "2026-11-03T10:00:00+00:00"
    assert not rows["mindset"].complete and rows["networks"].answered == ()


def test_learning_record_lists_worked_modules_with_time_and_reflections(small) -> None:
    """Only modules with answers appear, with minutes, status and the two reflections."""
    answers = {
        "networks.learned": a("networks.learned", "Brokers matter"),
        "networks.practice": a("networks.practice", "I will map my network"),
        "networks.next": a("networks.next", [{"what": "x", "who": "", "when": ""}]),
    }
    doc = learning_record_doc(small, answers)
    md = to_markdown(doc)
    assert "Module 7: Networks" in md and "Module 1: Mindset" not in md
    assert "About 45 minutes of learning; completed" in md
    assert "Brokers matter" in md and "I will map my network" in md
    assert "about 0.8 hours" in doc.subtitle
    html = to_html(doc)
    assert "What I learned" in html and "How it changes my practice" in html

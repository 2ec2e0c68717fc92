"""The worked example: Maya Brennan's answers are real answers, shown beside exercises and
built into a plan and a report by the learner's own code."""

from __future__ import annotations

from pathlib import Path

import pytest

from exercises.plan import PLAN, plan_doc
from exercises.progress_report import REPORT, report_doc
from exercises.report import to_html, to_markdown
from exercises.static_form import exercise_html
from exercises.workbook import Workbook
from exercises.worked_example import (
    PLAN_SUMMARY,
    REPORT_SUMMARY,
    SUMMARY,
    ExampleError,
    Persona,
    answers,
    course_example,
    example_docs,
    example_docs_html,
    example_html,
    problems,
    read_example,
)

MAYA = course_example()


def test_every_example_answer_fits_its_prompt(catalogue) -> None:
    """Each value passes check_value for its prompt, and none is empty."""
    assert problems(MAYA, catalogue) == []
    assert len(MAYA.answers) >= 80


def test_the_example_covers_what_the_plan_and_report_read_and_more(catalogue) -> None:
    """Every exercise that feeds the plan or the report has an example answer, and each
    module has at least two more than that, its core exercises, besides."""
    feeds = {part.pid for _, parts in PLAN for part in parts}
    feeds |= {pid for _, pids in REPORT for pid in pids} | {"networks.people"}
    assert sorted(feeds - set(MAYA.answers)) == []
    for module in catalogue.modules.values():
        core = [
            p.id
            for p in module.prompts
            if p.kind != "quiz"
            and p.id not in feeds
            and not p.id.endswith((".learned", ".practice"))
        ]
        others = [pid for pid in core if pid in MAYA.answers]
        assert len(others) >= min(2, len(core)), module.id


def test_quizzes_and_reflections_have_no_example(catalogue) -> None:
    """A knowledge check's answer and a learner's own reflections are not modelled."""
    for pid in MAYA.answers:
        prompt = catalogue.prompt(pid)
        assert prompt.kind != "quiz" and not pid.endswith((".learned", ".practice")), pid
        assert example_html(prompt) if prompt.kind != "quiz" else True


def test_she_is_always_labelled_as_invented(catalogue) -> None:
    """Her name never appears without the word invented nearby: in the summary that opens
    an example, in her documents' titles and notes, and in the introduction."""
    assert "invented" in SUMMARY and "invented" in PLAN_SUMMARY and "invented" in REPORT_SUMMARY
    assert "invented" in MAYA.about and MAYA.name == "Maya Brennan"
    plan, report = example_docs(catalogue)
    for doc in (plan, report):
        assert "(an invented example)" in doc.title and "invented" in doc.subtitle
    assert "Eastvale VCSE Alliance" in MAYA.role


def test_her_plan_and_report_are_built_by_the_learners_own_code(catalogue) -> None:
    """The same builders, the same sections; her full workbook leaves no gap in either."""
    plan, report = example_docs(catalogue)
    given = answers(MAYA)
    assert [s.title for s in plan.sections] == [
        s.title for s in plan_doc(catalogue, given).sections
    ]
    assert (
        to_markdown(report).split("\n", 3)[3]
        == to_markdown(report_doc(catalogue, given)).split("\n", 3)[3]
    )
    for doc in (plan, report):
        md = to_markdown(doc)
        assert "Not answered yet" not in md and "No actions yet" not in md, doc.title
    assert "My first list in Module 7: 9 people, including 2 brokers." in to_markdown(report)
    html = example_docs_html(catalogue)
    assert html.count("<details>") == 2 and MAYA.about in html
    assert "One front door for community support" in html


def test_an_example_opens_beside_the_exercise_on_the_website(catalogue) -> None:
    """The static form folds her answer away under a summary that says she is invented."""
    html = exercise_html(catalogue.prompt("benefit.narrative"))
    assert '<details class="course-example">' in html
    assert "See Maya&#x27;s example answer (an invented alliance lead)" in html
    assert "Everyone in Eastvale should be able to get support" in html
    assert "course-example" not in exercise_html(catalogue.prompt("progress.check-early"))
    table = exercise_html(catalogue.prompt("individual.people"))
    assert "<table>" in table.split('class="course-example-body"')[1]
    # a chart is given in words: the form's own chart is the learner's, never hers
    chart = exercise_html(catalogue.prompt("complexity.position")).split("course-example-body")[1]
    assert "<svg" not in chart and "<figure" not in chart and "4 of 5" in chart


def test_an_example_opens_beside_the_exercise_in_jupyter(tmp_path: Path, catalogue) -> None:
    """The exercise widget carries her answer, folded away, below its controls (and the
    exercise still starts empty: her answer is never put into the learner's workbook)."""
    from exercises.widgets import Session

    session = Session(Workbook(tmp_path / "wb.json", checker=catalogue.check), catalogue)
    view = session.show("seventh-principle.core-flex")
    assert view.example in view.children
    assert view.children.index(view.example) > view.children.index(view.control.widget)
    assert SUMMARY.replace("'", "&#x27;") in view.example.value
    assert "A reply to the person within a week" in view.example.value
    assert view.control.get() == [] and not (tmp_path / "wb.json").exists()
    quiz = session.show("progress.check-early")
    assert quiz.example.value == "" and quiz.example not in quiz.children
    shown = session.show_worked_example()
    for summary in (PLAN_SUMMARY, REPORT_SUMMARY):
        assert summary.replace("'", "&#x27;") in shown.body.value
    assert shown.static_html() == example_docs_html(catalogue)


def test_a_value_that_breaks_its_prompts_rule_is_reported(catalogue) -> None:
    """problems() names each answer that is unknown, does not fit or is empty."""
    bad = Persona(
        "Test Person", "a tester", "Invented.", "2026-01-01T00:00:00+00:00",
        {"no.such": "x", "complexity.position": {"x": 9, "y": 1}, "benefit.why": "  "},
    )  # fmt: skip
    found = problems(bad, catalogue)
    assert [f.split(":")[0] for f in found] == ["no.such", "complexity.position", "benefit.why"]
    assert example_html(catalogue.prompt("complexity.position"), bad) == ""


def test_a_damaged_example_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.yml"
    path.write_text("persona: [not, a, mapping]\nanswers: {}\n", encoding="utf-8")
    with pytest.raises(ExampleError, match="a name, a role"):
        read_example(path)
    path.write_text("answers: [1\n", encoding="utf-8")
    with pytest.raises(ExampleError, match="cannot be read"):
        read_example(path)


def test_example_text_is_escaped(catalogue) -> None:
    sneaky = Persona("X Y", "r", "Invented.", "", {"benefit.why": "<script>alert(1)</script>"})
    html = example_html(catalogue.prompt("benefit.why"), sneaky)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<script>" not in to_html(example_docs(catalogue, sneaky)[0])

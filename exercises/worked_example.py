"""The course's worked example: Maya Brennan, an invented alliance lead, and her answers.

Her answers are data (``exercises/examples/maya-brennan.yml``). This module reads them,
checks every one against its prompt (:func:`problems`: a test keeps the list empty), and
builds from them what the course shows: her example answer beside an exercise
(:func:`example_html`, on the website, in JupyterLab and in the form view), and her plan
and progress report, made by the same code as the learner's own (:func:`example_docs`).
She is always labelled as invented.

Pure logic: no widgets, nothing written. PyYAML is imported only to read the file.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from .blocks import Block
from .catalogue import Catalogue
from .fitting import fit_value, is_answered
from .kinds import check_value
from .model import Answer, AnswerError, Prompt
from .plan import plan_doc
from .progress_report import report_doc
from .report import Doc, answer_blocks, blocks_html, to_fragment

EXAMPLE_FILE = Path(__file__).parent / "examples" / "maya-brennan.yml"
"""Where the worked example's answers are kept."""

SUMMARY = "See Maya's example answer (an invented alliance lead)"
"""The words that open an example beside an exercise."""

PLAN_SUMMARY = "See Maya's finished plan (an invented example)"
REPORT_SUMMARY = "See Maya's one-page progress report (an invented example)"
"""The words that open her finished documents on the capstone and in Module 15."""


@dataclass(frozen=True)
class Persona:
    """An invented learner: who she is, and her answers by prompt id."""

    name: str
    role: str
    about: str
    saved_at: str
    answers: dict[str, Any]

    @property
    def first_name(self) -> str:
        """Her first name, as the course speaks of her."""
        return self.name.split()[0]


class ExampleError(ValueError):
    """The example file cannot be read as a persona; the message says why."""


def read_example(path: Path = EXAMPLE_FILE) -> Persona:
    """Read a worked example file (its values are checked by :func:`problems`)."""
    import yaml  # here: the website's document builder never reads the example

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise ExampleError(f"{path.name}: cannot be read: {err}") from None
    if not isinstance(data, dict) or not isinstance(data.get("answers"), dict):
        raise ExampleError(f"{path.name}: needs 'persona' and 'answers'.")
    who = data.get("persona")
    if not isinstance(who, dict) or not all(
        isinstance(who.get(k), str) and who[k].strip() for k in ("name", "role", "about")
    ):
        raise ExampleError(f"{path.name}: 'persona' needs a name, a role and 'about'.")
    return Persona(
        who["name"], who["role"], " ".join(who["about"].split()),
        str(data.get("saved_at", "")), dict(data["answers"]),
    )  # fmt: skip


@functools.cache
def course_example() -> Persona:
    """The course's own worked example, read once per process."""
    return read_example()


def problems(persona: Persona, catalogue: Catalogue) -> list[str]:
    """Every example answer that names no prompt, fails its prompt's rule or is empty."""
    found = []
    for pid, value in persona.answers.items():
        prompt = catalogue.prompts.get(pid)
        if prompt is None:
            found.append(f"{pid}: no such prompt")
            continue
        try:
            checked = check_value(prompt, value)
        except AnswerError as err:
            found.append(f"{pid}: {err}")
            continue
        if not is_answered(checked):
            found.append(f"{pid}: empty")
    return found


def answers(persona: Persona) -> dict[str, Answer]:
    """Her answers as a workbook holds them."""
    return {pid: Answer(pid, value, persona.saved_at) for pid, value in persona.answers.items()}


def example_value(prompt: Prompt, persona: Persona | None = None) -> Any:
    """Her answer to this prompt, fitted to it; None when she has none (or it does not fit
    this prompt, as in a test's own small catalogue)."""
    persona = persona or course_example()
    if prompt.id not in persona.answers:
        return None
    value = fit_value(prompt, persona.answers[prompt.id])
    return value if is_answered(value) else None


def example_html(prompt: Prompt, persona: Persona | None = None) -> str:
    """Her answer to this exercise, folded away under :data:`SUMMARY` ("" when none).

    A chart is given in its words only: the exercise's own form draws the learner's chart,
    and a second drawing beside it would be mistaken for hers.
    """
    value = example_value(prompt, persona)
    if value is None:
        return ""
    blocks = [
        Block("para", b.text) if b.kind == "chart" else b for b in answer_blocks(prompt, value)
    ]
    return (
        f'<details class="course-example"><summary>{escape(SUMMARY)}</summary>'
        f'<div class="course-example-body">{blocks_html(blocks)}</div></details>'
    )


def example_docs(catalogue: Catalogue, persona: Persona | None = None) -> tuple[Doc, Doc]:
    """Her plan and her progress report, built by the learner's own document code."""
    persona = persona or course_example()
    given = answers(persona)
    label = f"{persona.name} (an invented example)"
    note = f"An invented example: the answers of {persona.name}, {persona.role}."
    plan, report = plan_doc(catalogue, given), report_doc(catalogue, given)
    return (
        Doc(f"{label}: spread and adoption plan", note, plan.sections),
        Doc(f"{label}: progress report", note, report.sections),
    )


def example_docs_html(catalogue: Catalogue, persona: Persona | None = None) -> str:
    """Who she is, then her plan and her report, each folded away (headings from h3)."""
    persona = persona or course_example()
    plan, report = example_docs(catalogue, persona)
    return (
        '<div class="course-worked-example">'
        f"<p>{escape(persona.about)}</p>"
        f"<details><summary>{escape(PLAN_SUMMARY)}</summary>"
        f'<div class="course-example-body">{to_fragment(plan, level=3)}</div></details>'
        f"<details><summary>{escape(REPORT_SUMMARY)}</summary>"
        f'<div class="course-example-body">{to_fragment(report, level=3)}</div></details>'
        "</div>"
    )

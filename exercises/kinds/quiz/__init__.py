"""``quiz``: a knowledge check; pick one option, then see feedback on every option. Its
value is the option's id."""

from __future__ import annotations

import random
from html import escape
from typing import Any

from ...blocks import Block
from ...form_parts import choices_html
from ...model import Option, Prompt
from ..options import check_one, count_one, labelled, one_block, one_examples, one_schema
from ..options import one_layout as _one_layout
from ..spec import Counted, Layout, Reader, kind_spec, no_taste


def verdict(correct: bool) -> str:
    """How a knowledge-check option is judged, in words: the course's one phrasing, on the
    website, in Jupyter and in documents."""
    return "Correct" if correct else "Not the best answer"


def feedback(option: Option) -> str:
    """The verdict on an option, then its feedback: 'Correct. Well reasoned: ...'."""
    return f"{verdict(option.correct)}. {option.feedback}"


def answers_html(prompt: Prompt) -> str:
    """Every option with its feedback, folded away until the reader opens it."""
    items = "".join(
        f"<li><strong>{escape(o.label)}</strong> – {escape(feedback(o))}</li>"
        for o in prompt.options
    )
    return f"<details><summary>Show every answer with feedback</summary><ul>{items}</ul></details>"


def read(reader: Reader, data: dict[str, Any]) -> dict[str, Any]:
    options = reader.options(data)
    if sum(o.correct for o in options) != 1:
        raise reader.fail("a quiz needs exactly one option with 'correct: true'.")
    missing = [o.id for o in options if not o.feedback]
    if missing:
        raise reader.fail(f"every quiz option needs 'feedback'; missing for {missing}.")
    return {"options": options}


def form(prompt: Prompt, base: str) -> str:
    verdicts = {o.id: {"data-feedback": feedback(o)} for o in prompt.options}
    return (
        choices_html(base, "Your answer", labelled(prompt), each=verdicts)
        + '<p class="course-quiz-feedback" role="status" aria-live="polite"></p>'
        + answers_html(prompt)
    )


def blocks(prompt: Prompt, value: str) -> list[Block]:
    option = prompt.option(value)
    return one_block(prompt, value, verdict(option.correct).lower() if option else "")


def layout(prompt: Prompt) -> Layout:
    return _one_layout(prompt, marked=True)


def rehearsal(prompt: Prompt, taste: None, tilt: float, rng: random.Random) -> str:
    right = [o.id for o in prompt.options if o.correct]
    wrong = [o.id for o in prompt.options if not o.correct]
    return right[0] if rng.random() < 0.75 else rng.choice(wrong)


check = check_one
schema = one_schema
examples = one_examples
rehearsal_taste = no_taste


SPEC = kind_spec(
    "quiz",
    "Check your understanding",
    "QuizControl",
    globals(),
    {"options"},
    cohort=Counted(count_one, layout),
)

"""``quiz``: a knowledge check; pick one option, then see feedback on every option."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from ..blocks import Block
from ..form_parts import choices_html, verdict
from ..model import Prompt
from .options import check_one, labelled, one_block, one_schema
from .spec import Counted, Layout, kind_spec, no_taste

if TYPE_CHECKING:
    from ..catalogue import PromptReader


def read(reader: PromptReader, data: dict[str, Any]) -> dict[str, Any]:
    options = reader.options(data)
    if sum(o.correct for o in options) != 1:
        raise reader.fail("a quiz needs exactly one option with 'correct: true'.")
    missing = [o.id for o in options if not o.feedback]
    if missing:
        raise reader.fail(f"every quiz option needs 'feedback'; missing for {missing}.")
    return {"options": options}


def form(prompt: Prompt, base: str) -> str:
    verdicts = {
        o.id: {"data-feedback": f"{verdict(o.correct)}. {o.feedback}"} for o in prompt.options
    }
    return choices_html(base, "Your answer", labelled(prompt), each=verdicts) + (
        '<p class="course-quiz-feedback" role="status" aria-live="polite"></p>'
    )


def blocks(prompt: Prompt, value: str) -> list[Block]:
    return one_block(prompt, value, marked=True)


def layout(prompt: Prompt) -> Layout:
    columns = {
        o.id: f"{o.label} (the correct answer)" if o.correct else o.label for o in prompt.options
    }
    return {"": "Everyone"}, columns, ""


def rehearsal(prompt: Prompt, taste: None, tilt: float, rng: random.Random) -> str:
    right = [o.id for o in prompt.options if o.correct]
    wrong = [o.id for o in prompt.options if not o.correct]
    return right[0] if rng.random() < 0.75 else rng.choice(wrong)


check = check_one
schema = one_schema
rehearsal_taste = no_taste


SPEC = kind_spec(
    "quiz",
    "Check your understanding",
    "QuizControl",
    globals(),
    {"options"},
    cohort=Counted("options", layout),
)

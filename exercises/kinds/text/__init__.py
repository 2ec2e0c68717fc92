"""``text``: a written answer in the learner's own words. Its value is the text (at most
:data:`~exercises.model.MAX_TEXT` characters)."""

from __future__ import annotations

import random
from typing import Any

from ...blocks import Block
from ...model import MAX_TEXT, Prompt
from ..samples import LEARNED, PRACTICE, REFLECTION
from ..spec import Examples, Listed, Reader, kind_spec, no_taste
from ..values import text_in


def read(reader: Reader, data: dict[str, Any]) -> dict[str, Any]:
    return {}


def check(prompt: Prompt, value: Any) -> str:
    return text_in(value, "The answer")


def schema(prompt: Prompt) -> dict[str, Any]:
    return {"type": "string", "maxLength": MAX_TEXT}


def form(prompt: Prompt, base: str) -> str:
    return (
        f'<div class="course-field"><label for="{base}">Your answer</label>'
        f'<textarea id="{base}" rows="5" data-answer></textarea></div>'
    )


def blocks(prompt: Prompt, value: str) -> list[Block]:
    return [Block("para", para) for para in value.strip().split("\n\n")]


def words(prompt: Prompt, value: str) -> str:
    """A shared answer as the summary lists it."""
    return value.strip()


def rehearsal(prompt: Prompt, taste: None, tilt: float, rng: random.Random) -> str:
    if prompt.id.endswith(".learned"):
        return rng.choice(LEARNED)
    if prompt.id.endswith(".practice"):
        return rng.choice(PRACTICE)
    return rng.choice(REFLECTION)


def examples(prompt: Prompt) -> Examples:
    fit = (
        "We lost our champion when she moved on.\n\nNow the ward teams own it.",
        "A few words.",
        "",
        "x" * MAX_TEXT,
        "Emoji 🙂, accents é, and <b>markup</b> typed as text.",
    )
    unfit = (["An answer", "that was a list"], None, 3, True, {"a": 1}, "x" * (MAX_TEXT + 1))
    return Examples(fit, unfit)


rehearsal_taste = no_taste


SPEC = kind_spec("text", "Reflection", "TextControl", globals(), (), cohort=Listed(words))

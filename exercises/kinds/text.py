"""``text``: a written answer in the learner's own words."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from ..blocks import Block
from ..model import MAX_TEXT, Prompt, text_in
from .samples import LEARNED, PRACTICE, REFLECTION
from .spec import kind_spec, no_taste

if TYPE_CHECKING:
    from ..catalogue import PromptReader


def read(reader: PromptReader, data: dict[str, Any]) -> dict[str, Any]:
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


def rehearsal(prompt: Prompt, taste: None, tilt: float, rng: random.Random) -> str:
    if prompt.id.endswith(".learned"):
        return rng.choice(LEARNED)
    if prompt.id.endswith(".practice"):
        return rng.choice(PRACTICE)
    return rng.choice(REFLECTION)


rehearsal_taste = no_taste


SPEC = kind_spec("text", "Reflection", "TextControl", globals())

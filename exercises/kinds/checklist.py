"""``checklist``: tick any number of options."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from ..blocks import Block
from ..form_parts import choices_html
from ..model import AnswerError, Prompt
from .options import labelled
from .spec import Counted, Layout, kind_spec

if TYPE_CHECKING:
    from ..catalogue import PromptReader


def read(reader: PromptReader, data: dict[str, Any]) -> dict[str, Any]:
    return {"options": reader.options(data)}


def check(prompt: Prompt, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise AnswerError("A checklist answer must be a list of option ids.")
    unknown = [v for v in value if prompt.option(v) is None]
    if unknown:
        raise AnswerError(f"{unknown[0]!r} is not one of this checklist's options.")
    return [o.id for o in prompt.options if o.id in value]


def schema(prompt: Prompt) -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string", "enum": [o.id for o in prompt.options]}}


def form(prompt: Prompt, base: str) -> str:
    return choices_html(base, "Tick any that apply", labelled(prompt), "checkbox")


def blocks(prompt: Prompt, value: list[str]) -> list[Block]:
    return [Block("bullets", items=[o.label for o in prompt.options if o.id in value])]


def layout(prompt: Prompt) -> Layout:
    rows = {o.id: o.label for o in prompt.options}
    return rows, {True: "Ticked", False: "Not ticked"}, "Each person may tick several."


def rehearsal_taste(prompt: Prompt, rng: random.Random) -> dict[str, float]:
    """How likely each option is to be ticked in this made-up cohort."""
    return {option.id: rng.uniform(0.15, 0.75) for option in prompt.options}


def rehearsal(prompt: Prompt, taste: dict[str, float], tilt: float, rng: random.Random) -> Any:
    return [o.id for o in prompt.options if rng.random() < taste[o.id]]


SPEC = kind_spec(
    "checklist",
    "Tick all that apply",
    "ChecklistControl",
    globals(),
    {"options"},
    cohort=Counted("ticks", layout),
)

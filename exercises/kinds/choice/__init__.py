"""``choice``: pick one option. Its value is the option's id."""

from __future__ import annotations

import random
from typing import Any

from ...blocks import Block
from ...form_parts import choices_html
from ...model import Prompt
from ..options import (
    check_one,
    count_one,
    labelled,
    one_block,
    one_examples,
    one_layout,
    one_schema,
)
from ..spec import Counted, Layout, Reader, kind_spec


def read(reader: Reader, data: dict[str, Any]) -> dict[str, Any]:
    return {"options": reader.options(data)}


def form(prompt: Prompt, base: str) -> str:
    return choices_html(base, "Your choice", labelled(prompt))


def blocks(prompt: Prompt, value: str) -> list[Block]:
    return one_block(prompt, value)


def layout(prompt: Prompt) -> Layout:
    return one_layout(prompt)


def rehearsal_taste(prompt: Prompt, rng: random.Random) -> list[float]:
    """How popular each option is in this made-up cohort."""
    return [rng.gammavariate(1.2, 1.0) for _ in prompt.options]


def rehearsal(prompt: Prompt, taste: list[float], tilt: float, rng: random.Random) -> str:
    return rng.choices([o.id for o in prompt.options], taste)[0]


check = check_one
schema = one_schema
examples = one_examples


SPEC = kind_spec(
    "choice",
    "Choose one",
    "ChoiceControl",
    globals(),
    {"options"},
    cohort=Counted(count_one, layout),
)

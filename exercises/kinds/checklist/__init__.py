"""``checklist``: tick any number of options. Its value is a list of option ids, in the
prompt's order."""

from __future__ import annotations

import random
from typing import Any

from ...blocks import Block
from ...form_parts import choices_html
from ...model import AnswerError, Prompt
from ..options import labelled
from ..spec import Counted, Counts, Examples, Layout, Reader, kind_spec


def read(reader: Reader, data: dict[str, Any]) -> dict[str, Any]:
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


def count(prompt: Prompt, values: list[Any]) -> Counts:
    """Each option: how many ticked it, and how many did not."""
    ticked = {o.id: 0 for o in prompt.options}
    for value in values:
        for option_id in set(value):
            if option_id in ticked:
                ticked[option_id] += 1
    counts: Counts = {}
    for option_id, n in ticked.items():
        counts[(option_id, True)] = n
        counts[(option_id, False)] = len(values) - n
    return counts


def layout(prompt: Prompt) -> Layout:
    rows = {o.id: o.label for o in prompt.options}
    return Layout(
        rows, {True: "Ticked", False: "Not ticked"}, "Each person may tick several.", "Option"
    )


def rehearsal_taste(prompt: Prompt, rng: random.Random) -> dict[str, float]:
    """How likely each option is to be ticked in this made-up cohort."""
    return {option.id: rng.uniform(0.15, 0.75) for option in prompt.options}


def rehearsal(prompt: Prompt, taste: dict[str, float], tilt: float, rng: random.Random) -> Any:
    return [o.id for o in prompt.options if rng.random() < taste[o.id]]


def examples(prompt: Prompt) -> Examples:
    ids = [o.id for o in prompt.options]
    fit: tuple[Any, ...] = (ids[:2], ids, ids[-1:], [], ids[::-1])
    unfit = (["an-option-since-removed"], ids[0], [*ids[:1], 3], None, {ids[0]: True}, [None])
    return Examples(fit, unfit)


SPEC = kind_spec(
    "checklist",
    "Tick all that apply",
    "ChecklistControl",
    globals(),
    {"options"},
    cohort=Counted(count, layout),
)

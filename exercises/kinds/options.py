"""What the kinds answered by picking options (choice, quiz, checklist) have in common."""

from __future__ import annotations

from typing import Any

from ..blocks import Block
from ..model import AnswerError, Prompt
from .spec import Counts, Examples, Layout


def check_one(prompt: Prompt, value: Any) -> str:
    """One option id of the prompt, else AnswerError."""
    if not isinstance(value, str) or prompt.option(value) is None:
        raise AnswerError(f"{value!r} is not one of this question's options.")
    return value


def one_schema(prompt: Prompt) -> dict[str, Any]:
    """The schema of one option id."""
    return {"type": "string", "enum": [o.id for o in prompt.options]}


def labelled(prompt: Prompt) -> list[tuple[str, str]]:
    """Each option as (id, label), for a form."""
    return [(o.id, o.label) for o in prompt.options]


def one_block(prompt: Prompt, value: str, mark: str = "") -> list[Block]:
    """The chosen option's words, with ``mark`` in brackets after them if given."""
    option = prompt.option(value)
    text = option.label if option else str(value)
    return [Block("para", f"{text} ({mark})" if mark and option else text)]


def count_one(prompt: Prompt, values: list[Any]) -> Counts:
    """How many chose each option (one row)."""
    counts: Counts = {}
    for value in values:
        counts[("", value)] = counts.get(("", value), 0) + 1
    return counts


def one_layout(prompt: Prompt, marked: bool = False) -> Layout:
    """One row, "Everyone"; a column per option (``marked``: the correct one says so)."""
    columns = {
        o.id: f"{o.label} (the correct answer)" if marked and o.correct else o.label
        for o in prompt.options
    }
    return Layout({"": "Everyone"}, columns)


def one_examples(prompt: Prompt) -> Examples:
    """Each option fits; a removed option, junk and other shapes do not."""
    ids = tuple(o.id for o in prompt.options)
    return Examples(ids, ("an-option-since-removed", None, "", 1, True, [ids[0]], {ids[0]: 1}))

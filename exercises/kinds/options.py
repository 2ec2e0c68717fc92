"""What the kinds answered by picking options (choice, quiz, checklist) have in common."""

from __future__ import annotations

from typing import Any

from ..blocks import Block
from ..model import AnswerError, Prompt


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


def one_block(prompt: Prompt, value: str, marked: bool = False) -> list[Block]:
    """The chosen option's words; ``marked`` adds whether a knowledge check was right."""
    option = prompt.option(value)
    text = option.label if option else str(value)
    if marked and option:
        text += " (correct)" if option.correct else " (not the best answer)"
    return [Block("para", text)]

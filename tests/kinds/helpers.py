"""Prompts of every kind for the kinds' tests, and the checks they share."""

from __future__ import annotations

from typing import Any

import pytest

from exercises.kinds import check_value
from exercises.model import AnswerError, Axis, Field, Item, Option, Prompt


def prompt(kind: str, **extra: Any) -> Prompt:
    """A prompt of ``kind`` in module ``m``."""
    return Prompt(id=f"m.{kind}", kind=kind, title="T", question="Q?", module="m", **extra)


SCALE = ("Low", "Mid", "High")
OPTIONS = (
    Option("a", "A", feedback="Well reasoned."),
    Option("b", "B", correct=True, feedback="Yes."),
    Option("c", "C", feedback="Think again."),
)
TEXT = prompt("text")
RATING = prompt("rating", scale=SCALE)
GRID = prompt("rating", scale=SCALE, items=(Item("one", "One"), Item("two", "Two")))
CHOICE = prompt("choice", options=OPTIONS)
CHECKLIST = prompt("checklist", options=OPTIONS)
QUIZ = prompt("quiz", options=OPTIONS)
POSITION = prompt("position", x=Axis("X", "lo", "hi", 5), y=Axis("Y", "lo", "hi", 3))
EVEN = prompt("position", x=Axis("X", "lo", "hi", 4), y=Axis("Y", "lo", "hi", 4))
LIST = prompt(
    "list",
    fields=(Field("name", "Name"), Field("role", "Role", "choice", ("broker", "energiser"))),
)
ACTIONS = prompt("actions")


def accepts(p: Prompt, value: Any, expected: Any) -> None:
    """The value fits and comes back in the canonical order and shape."""
    assert check_value(p, value) == expected


def refuses(p: Prompt, value: Any, message: str) -> None:
    """The value does not fit, and the message says what is wrong."""
    with pytest.raises(AnswerError, match=message):
        check_value(p, value)

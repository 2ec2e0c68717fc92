"""The shapes of prompts and answers: the data every other module builds on.

Pure data: no file access and no ipywidgets, and it imports nothing of the package (every
other module builds on it). A prompt's kind decides which value it accepts: each kind's
rule lives in its folder of :mod:`exercises.kinds`, and :func:`exercises.kinds.check_value`
asks it, when a widget saves, when a workbook is imported and when a share file is read.

Each kind's value is described in its folder's docstring and in ``exercises/prompts/README.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Kind = str
"""The name of an exercise kind; each is defined once, in its folder of
:mod:`exercises.kinds`, which lists every kind (:data:`exercises.kinds.KINDS`)."""

MAX_TEXT = 20_000
"""Longest answer text kept, in characters (about eight pages)."""

MAX_ROWS = 50
"""Most rows a list or action plan may hold."""


class AnswerError(ValueError):
    """An answer's value does not fit its prompt; the message is plain English."""


@dataclass(frozen=True)
class Option:
    """One option of a choice, checklist or quiz."""

    id: str
    label: str
    correct: bool = False
    feedback: str = ""


@dataclass(frozen=True)
class Item:
    """One row of a rating grid."""

    id: str
    label: str


@dataclass(frozen=True)
class Axis:
    """One axis of a position exercise, with the words at each end."""

    label: str
    low: str
    high: str
    steps: int = 5

    @property
    def middle(self) -> float:
        """The step on the axis's middle line (a half step when the steps are even)."""
        return (self.steps + 1) / 2


@dataclass(frozen=True)
class Field:
    """One column of a list exercise."""

    id: str
    label: str
    kind: str = "text"
    options: tuple[str, ...] = ()


ACTION_FIELDS = (
    Field("what", "What will you do?"),
    Field("who", "Who with, or who leads it?"),
    Field("when", "By when?", kind="date"),
)
"""The fixed columns of an action plan."""


@dataclass(frozen=True)
class Prompt:
    """One exercise: its stable id, kind, wording and kind-specific settings."""

    id: str
    kind: Kind
    title: str
    question: str
    module: str
    hint: str = ""
    essential: bool = False
    """True for the exercises that build a high-level plan (the course's short route)."""
    scale: tuple[str, ...] = ()
    items: tuple[Item, ...] = ()
    options: tuple[Option, ...] = ()
    x: Axis | None = None
    y: Axis | None = None
    quadrants: tuple[str, ...] = ()
    fields: tuple[Field, ...] = ()
    add_label: str = "Add a row"

    @property
    def columns(self) -> tuple[Field, ...]:
        """The row fields of a list or action exercise."""
        return ACTION_FIELDS if self.kind == "actions" else self.fields

    def option(self, option_id: str) -> Option | None:
        """The option with this id, or None."""
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class Module:
    """One module's prompts, in the order the data file gives them."""

    id: str
    number: int
    title: str
    minutes: int
    prompts: tuple[Prompt, ...] = field(default=())


@dataclass(frozen=True)
class Answer:
    """A saved answer: the prompt id, its value and when it was saved (ISO 8601, UTC)."""

    prompt_id: str
    value: Any
    saved_at: str


def is_empty(value: Any) -> bool:
    """True when a value holds no answer (blank text, nothing ticked, no rows)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, dict)):
        return not value
    return False

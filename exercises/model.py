"""The shapes of prompts and answers, and the rules an answer's value must follow.

Pure data: no file access and no ipywidgets. A prompt's kind decides which value it
accepts: each kind's rule lives in its module of :mod:`exercises.kinds`, and
:func:`check_value` asks it, when a widget saves, when a workbook is imported and when a
share file is read.

Values by kind:

========== ==========================================================
kind       value
========== ==========================================================
text       a string
rating     an int from 1 to the number of scale labels; with items,
           a dict of item id to that int
choice     one option id
checklist  a list of option ids, in the prompt's order
quiz       one option id
position   ``{"x": int, "y": int}``, each from 1 to the axis steps
list       a list of rows, each a dict of field id to string
actions    a list of rows with the fields ``what``, ``who``, ``when``
           (``when`` is an ISO date ``YYYY-MM-DD`` or empty)
========== ==========================================================
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

Kind = Literal["text", "rating", "choice", "checklist", "quiz", "position", "list", "actions"]
"""The name of an exercise kind; each is defined once, in :mod:`exercises.kinds`."""

KINDS: tuple[Kind, ...] = get_args(Kind)
"""Every exercise kind the engine knows."""

MAX_TEXT = 20_000
"""Longest answer text kept, in characters (about eight pages)."""

MAX_ROWS = 50
"""Most rows a list or action plan may hold."""

ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
"""The one date form an action's ``when`` takes: ``YYYY-MM-DD``."""


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


def now_iso() -> str:
    """The current time as an ISO 8601 UTC string with microseconds."""
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="microseconds")


def is_empty(value: Any) -> bool:
    """True when a value holds no answer (blank text, nothing ticked, no rows)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, dict)):
        return not value
    return False


def int_in(value: Any, top: int, what: str) -> int:
    """``value`` if it is a whole number from 1 to ``top``, else AnswerError."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= top:
        raise AnswerError(f"{what} must be a whole number from 1 to {top}, not {value!r}.")
    return value


def text_in(value: Any, what: str) -> str:
    """``value`` if it is text of at most :data:`MAX_TEXT` characters, else AnswerError."""
    if not isinstance(value, str):
        raise AnswerError(f"{what} must be text, not {type(value).__name__}.")
    if len(value) > MAX_TEXT:
        raise AnswerError(f"{what} is longer than {MAX_TEXT:,} characters.")
    return value


def rows_in(prompt: Prompt, value: Any) -> list[dict[str, str]]:
    """``value`` if it is a list of rows fitting the prompt's columns, else AnswerError."""
    if not isinstance(value, list):
        raise AnswerError("A list answer must be a list of rows.")
    if len(value) > MAX_ROWS:
        raise AnswerError(f"A list can hold at most {MAX_ROWS} rows.")
    columns = {f.id: f for f in prompt.columns}
    rows = []
    for n, row in enumerate(value, start=1):
        if not isinstance(row, dict) or set(row) - set(columns):
            raise AnswerError(f"Row {n} must only hold the fields {', '.join(columns)}.")
        clean = {}
        for fid, col in columns.items():
            cell = text_in(row.get(fid, ""), f"Row {n}, {col.label}")
            if cell and col.kind == "choice" and cell not in col.options:
                raise AnswerError(f"Row {n}, {col.label}: {cell!r} is not one of the choices.")
            if cell and col.kind == "date":
                try:
                    if not ISO_DATE.match(cell):
                        raise ValueError(cell)
                    _dt.date.fromisoformat(cell)
                except ValueError:
                    raise AnswerError(f"Row {n}, {col.label}: {cell!r} is not a date.") from None
            clean[fid] = cell
        rows.append(clean)
    return rows


def check_value(prompt: Prompt, value: Any) -> Any:
    """Return ``value`` if it fits ``prompt``, else raise :class:`AnswerError` (the rule is
    the prompt's kind's: :mod:`exercises.kinds`)."""
    from .kinds import KIND_SPECS  # here: every kind's module builds on this one

    spec = KIND_SPECS.get(prompt.kind)
    if spec is None:
        raise AnswerError(f"Unknown exercise kind {prompt.kind!r}.")
    return spec.check(prompt, value)


def row_schema(prompt: Prompt) -> dict[str, Any]:
    """The JSON Schema of one row of a list or action plan."""
    cells: dict[str, Any] = {}
    for col in prompt.columns:
        cell: dict[str, Any] = {"type": "string", "maxLength": MAX_TEXT}
        if col.kind == "choice":
            cell["enum"] = ["", *col.options]
        elif col.kind == "date":
            cell["anyOf"] = [{"const": ""}, {"format": "date"}]
        cells[col.id] = cell
    return {"type": "object", "properties": cells, "additionalProperties": False}


def value_schema(prompt: Prompt) -> dict[str, Any]:
    """The JSON Schema of the values :func:`check_value` accepts for ``prompt``.

    The website's script checks answers with this schema (a small subset of JSON
    Schema: type, enum, minimum, maximum, maxLength, maxItems, items, properties,
    required, additionalProperties, anyOf, const and the ``date`` format), so the browser
    and Python follow one rule; ``tests/test_site.py`` checks that the two agree.
    """
    from .kinds import KIND_SPECS  # here: every kind's module builds on this one

    spec = KIND_SPECS.get(prompt.kind)
    if spec is None:
        raise AnswerError(f"Unknown exercise kind {prompt.kind!r}.")
    return spec.schema(prompt)

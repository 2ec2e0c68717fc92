"""What every exercise kind must give: :class:`KindSpec`, one per kind module."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from ..blocks import Block
from ..model import Kind, Prompt

if TYPE_CHECKING:
    from ..catalogue import PromptReader

Layout = tuple[dict[str, str], dict[Any, str], str]
"""A count table's row keys to labels, column keys to labels, and a note under it."""


@dataclass(frozen=True)
class Counted:
    """How the cohort summary counts a kind's answers: which of its counters
    (:data:`exercises.cohort.summary.COUNTERS`) and the table's layout for a prompt."""

    counter: Literal["rating", "options", "ticks", "quadrants"]
    layout: Callable[[Prompt], Layout]


LISTED: Literal["listed"] = "listed"
"""The cohort treatment of a free-text kind: its shared answers are listed, never counted."""


@dataclass(frozen=True)
class KindSpec:
    """Everything the course needs to know about one exercise kind. Every field is
    required, so a kind module that leaves a part out fails when it is imported."""

    name: Kind
    heading: str
    """The small heading above an exercise of this kind (widget and website)."""
    prompt_keys: frozenset[str]
    """The keys a prompt of this kind may have in a prompt file, beside the common ones."""
    read: Callable[[PromptReader, dict[str, Any]], dict[str, Any]]
    """Checks those keys and returns the matching :class:`~exercises.model.Prompt` fields."""
    check: Callable[[Prompt, Any], Any]
    """The value rule: the value, tidied, or :class:`~exercises.model.AnswerError`."""
    schema: Callable[[Prompt], dict[str, Any]]
    """The JSON Schema of the values ``check`` accepts (the website checks with it)."""
    widget: str
    """The Jupyter control, as ``"module:Class"``: loaded only when a widget is built, so
    pure logic never imports ipywidgets."""
    form: Callable[[Prompt, str], str]
    """The website's plain HTML controls, given the prompt and the base element id."""
    blocks: Callable[[Prompt, Any], list[Block]]
    """A non-empty, fitting answer as document blocks (plan, workbook, record)."""
    free_text: bool
    """The share rule: True when answers are the learner's own words, shared only by choice."""
    cohort: Counted | Literal["listed"]
    """Counted in the cohort summary, or (free text) listed when shared."""
    rehearsal_taste: Callable[[Prompt, random.Random], Any]
    """What a made-up cohort tends to answer to a prompt, drawn once per prompt."""
    rehearsal: Callable[[Prompt, Any, float, random.Random], Any]
    """A made-up answer, given that taste, a learner's tilt and the random source."""


def no_taste(prompt: Prompt, rng: random.Random) -> None:
    """For kinds whose rehearsal answers need no shared leaning."""
    return None


PARTS = ("read", "check", "schema", "form", "blocks", "rehearsal_taste", "rehearsal")
"""The functions a kind module defines under these names (:func:`kind_spec` collects them)."""


def kind_spec(
    name: Kind,
    heading: str,
    control: str,
    parts: Mapping[str, Any],
    prompt_keys: Iterable[str] = (),
    cohort: Counted | Literal["listed"] = LISTED,
) -> KindSpec:
    """A kind's :class:`KindSpec`, from its module's namespace (``globals()``), which
    defines each of :data:`PARTS`: a function of its own, or a shared one imported under
    the part's name (``from .rows import form as form``: the ``as`` keeps linters from
    calling the import unused).

    ``control`` names a class of :mod:`exercises.widgets.controls`. The share rule follows
    the cohort treatment: a listed kind is free text, shared only by choice. A part left
    out is a :class:`TypeError` when the kind module is imported.
    """
    missing = [part for part in PARTS if not callable(parts.get(part))]
    if missing:
        raise TypeError(f"The {name!r} kind module does not define {', '.join(missing)}.")
    return KindSpec(
        name=name,
        heading=heading,
        prompt_keys=frozenset(prompt_keys),
        widget=f"exercises.widgets.controls:{control}",
        free_text=cohort == LISTED,
        cohort=cohort,
        **{part: parts[part] for part in PARTS},
    )

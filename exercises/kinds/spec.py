"""What every exercise kind must give: :class:`KindSpec`, one per kind folder."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from ..blocks import Block
from ..model import Axis, Kind, Option, Prompt


class Reader(Protocol):
    """What a kind's ``read`` may use to check its own keys of a prompt file: the helpers
    of :class:`exercises.catalogue.PromptReader` (named here, so the kinds never import
    the catalogue, which imports them)."""

    scales: dict[str, tuple[str, ...]]

    def fail(self, message: str) -> Exception:
        """An error naming the file and the prompt, to raise."""

    def text(self, data: dict[str, Any], key: str, required: bool = True) -> str:
        """A text value, stripped."""

    def slug(self, data: dict[str, Any], key: str = "id") -> str:
        """An id: lower-case words joined by hyphens."""

    def mapping_list(self, data: dict[str, Any], key: str, minimum: int) -> list[dict[str, Any]]:
        """A list of at least ``minimum`` mappings."""

    def unique(self, ids: list[str], what: str) -> None:
        """Fails when an id is repeated."""

    def labels(self, values: list[Any], key: str) -> tuple[str, ...]:
        """A list of non-empty labels."""

    def options(self, data: dict[str, Any]) -> tuple[Option, ...]:
        """The prompt's ``options``."""

    def axis(self, data: dict[str, Any], key: str) -> Axis:
        """One axis of a position exercise."""


class Layout(NamedTuple):
    """A count table's shape: row keys to labels, column keys to labels, a note under
    it, and the heading of its row labels."""

    rows: dict[Any, str]
    columns: dict[Any, str]
    note: str = ""
    corner: str = "Who"


class Grid(NamedTuple):
    """A count table drawn as two rows of two cells (the position kind's quadrants): the
    headings of the two columns and of the two rows (top first), the column key counted
    in each cell, and a key counted outside the grid (with its words), if any."""

    across: tuple[str, str]
    down: tuple[str, str]
    cells: tuple[tuple[str, str], tuple[str, str]]
    outside: str | None = None
    outside_words: str = ""


Counts = dict[tuple[Any, Any], int]
"""How many answers fall in each cell of a count table: (row key, column key) to a count."""


@dataclass(frozen=True)
class Counted:
    """How the cohort summary counts a kind's answers: plain Python counts (the summary
    makes the table), the table's layout for a prompt, and, for a kind whose table is a
    two-by-two grid, where each cell goes."""

    count: Callable[[Prompt, list[Any]], Counts]
    layout: Callable[[Prompt], Layout]
    grid: Callable[[Prompt], Grid] | None = None


@dataclass(frozen=True)
class Listed:
    """The cohort treatment of a free-text kind: the answers learners chose to share are
    listed, never counted, each as plain text (``words``: rows one a line)."""

    words: Callable[[Prompt, Any], str]


@dataclass(frozen=True)
class Examples:
    """Values that fit a prompt of the kind (the first a full, typical answer) and values
    that do not (the first like an answer to an earlier version of the question). The
    tests, the differential check of the website's rules and the widgets' tests use them."""

    fit: tuple[Any, ...]
    unfit: tuple[Any, ...]


@dataclass(frozen=True)
class KindSpec:
    """Everything the course needs to know about one exercise kind. Every field is
    required, so a kind that leaves a part out fails when it is imported."""

    name: Kind
    heading: str
    """The small heading above an exercise of this kind (widget and website)."""
    prompt_keys: frozenset[str]
    """The keys a prompt of this kind may have in a prompt file, beside the common ones."""
    read: Callable[[Reader, dict[str, Any]], dict[str, Any]]
    """Checks those keys and returns the matching :class:`~exercises.model.Prompt` fields."""
    check: Callable[[Prompt, Any], Any]
    """The value rule: the value, tidied, or :class:`~exercises.model.AnswerError`."""
    schema: Callable[[Prompt], dict[str, Any]]
    """The JSON Schema of the values ``check`` accepts (the website checks with it)."""
    widget: str
    """The Jupyter control, as ``"module:Class"`` (the kind's ``widget.py``): loaded only
    when a widget is built, so pure logic never imports ipywidgets."""
    form: Callable[[Prompt, str], str]
    """The website's plain HTML controls, given the prompt and the base element id."""
    blocks: Callable[[Prompt, Any], list[Block]]
    """A non-empty, fitting answer as document blocks (plan, workbook, record)."""
    free_text: bool
    """The share rule: True when answers are the learner's own words, shared only by choice."""
    cohort: Counted | Listed
    """Counted in the cohort summary, or (free text) listed when shared."""
    rehearsal_taste: Callable[[Prompt, random.Random], Any]
    """What a made-up cohort tends to answer to a prompt, drawn once per prompt."""
    rehearsal: Callable[[Prompt, Any, float, random.Random], Any]
    """A made-up answer, given that taste, a learner's tilt and the random source."""
    examples: Callable[[Prompt], Examples]
    """Values that fit a prompt and values that do not, for tests."""


def no_taste(prompt: Prompt, rng: random.Random) -> None:
    """For kinds whose rehearsal answers need no shared leaning."""
    return None


PARTS = ("read", "check", "schema", "form", "blocks", "rehearsal_taste", "rehearsal", "examples")
"""The functions a kind defines under these names (:func:`kind_spec` collects them)."""


def kind_spec(
    name: Kind,
    heading: str,
    control: str,
    parts: Mapping[str, Any],
    prompt_keys: Iterable[str],
    cohort: Counted | Listed,
) -> KindSpec:
    """A kind's :class:`KindSpec`, from its folder's namespace (``globals()``), which
    defines each of :data:`PARTS`: a function of its own, or a shared one imported under
    the part's name (``from ..rows import form as form``: the ``as`` keeps linters from
    calling the import unused).

    ``control`` names a class in the kind's ``widget.py``. The share rule follows the
    cohort treatment: a listed kind is free text, shared only by choice. A part left out
    is a :class:`TypeError` when the kind is imported.
    """
    missing = [part for part in PARTS if not callable(parts.get(part))]
    if missing:
        raise TypeError(f"The {name!r} kind does not define {', '.join(missing)}.")
    return KindSpec(
        name=name,
        heading=heading,
        prompt_keys=frozenset(prompt_keys),
        widget=f"{parts['__name__']}.widget:{control}",
        free_text=isinstance(cohort, Listed),
        cohort=cohort,
        **{part: parts[part] for part in PARTS},
    )

"""Every exercise kind, each defined once, in a folder of its own.

``exercises/kinds/<kind>/__init__.py`` gives the kind's :class:`KindSpec` (its value rule
and schema, prompt keys and reader, website form, document blocks, cohort treatment,
share rule, rehearsal values and examples); ``widget.py`` beside it holds its Jupyter
control (loaded only when a widget is built) and ``form.js`` its reader and writer for
the website's form. Pieces several kinds share are here too: :mod:`.options` (the kinds
answered by picking options), :mod:`.rows` and :mod:`.rows_widget` (the kinds answered
in rows), :mod:`.values` (shared value rules) and :mod:`.spec` (what a kind must give).

The rest of the code asks :func:`kind_of`, :func:`check_value` and :func:`value_schema`.
Pure logic: no ipywidgets, no pandas, no file access.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from ..model import AnswerError, Prompt
from .spec import Counted, Examples, Grid, KindSpec, Layout, Listed

FOLDERS = ("text", "rating", "choice", "checklist", "quiz", "position", "listing", "actions")
"""The registration: each kind's folder, in the order the course lists the kinds."""


def _load(folder: str) -> KindSpec:
    spec = getattr(import_module(f"{__name__}.{folder}"), "SPEC", None)
    if not isinstance(spec, KindSpec):
        raise ImportError(f"exercises/kinds/{folder}/__init__.py defines no KindSpec as SPEC.")
    return spec


KIND_SPECS: dict[str, KindSpec] = {spec.name: spec for spec in map(_load, FOLDERS)}
"""Each kind's parts, by kind name."""

KINDS: tuple[str, ...] = tuple(KIND_SPECS)
"""Every exercise kind the engine knows, by name."""


def kind_of(prompt: Prompt) -> KindSpec:
    """The parts of a prompt's kind (an AnswerError for a kind the course does not know)."""
    spec = KIND_SPECS.get(prompt.kind)
    if spec is None:
        raise AnswerError(f"Unknown exercise kind {prompt.kind!r}.")
    return spec


def check_value(prompt: Prompt, value: Any) -> Any:
    """Return ``value`` if it fits ``prompt`` (tidied into the kind's order), else raise
    :class:`~exercises.model.AnswerError` saying why in plain words."""
    return kind_of(prompt).check(prompt, value)


def value_schema(prompt: Prompt) -> dict[str, Any]:
    """The JSON Schema of the values :func:`check_value` accepts for ``prompt``.

    The website's script checks answers with this schema (a small subset of JSON
    Schema: type, enum, minimum, maximum, maxLength, maxItems, items, properties,
    required, additionalProperties, anyOf, const and the ``date`` format), so the browser
    and Python follow one rule; ``tests/test_site.py`` checks that the two agree.
    """
    return kind_of(prompt).schema(prompt)


__all__ = [
    "FOLDERS",
    "KINDS",
    "KIND_SPECS",
    "Counted",
    "Examples",
    "Grid",
    "KindSpec",
    "Layout",
    "Listed",
    "check_value",
    "kind_of",
    "value_schema",
]

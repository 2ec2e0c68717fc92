"""Every exercise kind, each defined once: one module per kind gives a :class:`KindSpec`
(its value rule and schema, prompt fields, widget, website form, document blocks, cohort
treatment, share rule and rehearsal value). The rest of the code asks :func:`kind_of`.

Pure logic: no ipywidgets (the widget is named, and loaded only when one is built), no
pandas, no file access.
"""

from __future__ import annotations

from ..model import KINDS, Kind, Prompt
from . import actions, checklist, choice, listing, position, quiz, rating, text
from .spec import LISTED, Counted, KindSpec

KIND_SPECS: dict[Kind, KindSpec] = {
    m.SPEC.name: m.SPEC for m in (text, rating, choice, checklist, quiz, position, listing, actions)
}
"""Each kind's parts, in the order of :data:`~exercises.model.KINDS`."""

if tuple(KIND_SPECS) != KINDS:
    raise ImportError(f"exercises.kinds defines {tuple(KIND_SPECS)}, not every kind of {KINDS}.")


def kind_of(prompt: Prompt) -> KindSpec:
    """The parts of a prompt's kind."""
    return KIND_SPECS[prompt.kind]


__all__ = ["KIND_SPECS", "LISTED", "Counted", "KindSpec", "kind_of"]

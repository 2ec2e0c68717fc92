"""Exercises for the course on leading the spread and adoption of innovation.

In a notebook::

    from exercises import show, show_workbook
    show("mindset.stalled-change")

``show``, ``show_module`` and ``show_workbook`` load ipywidgets only when first used,
so ``import exercises`` stays light for the command line and for pure logic.
Importing the package writes nothing. pandas and numpy are loaded only by the
facilitator's cohort summary, never in a learner's kernel.
"""

from __future__ import annotations

from typing import Any

from .catalogue import Catalogue, CatalogueError, course_catalogue, load_catalogue
from .model import Answer, AnswerError, Prompt, check_value
from .workbook import Workbook, WorkbookError, workbook_path

WIDGET_FUNCTIONS = (
    "go_to_linked_heading",
    "show",
    "show_cohort_summary",
    "show_module",
    "show_plan",
    "show_progress",
    "show_report",
    "show_workbook",
    "show_worked_example",
)
"""The notebook's one-line calls: loaded from the widget layer (:mod:`exercises.widgets`,
which exports the same names) on first use. Listed only here."""

__all__ = [
    "Answer",
    "AnswerError",
    "Catalogue",
    "CatalogueError",
    "Prompt",
    "WIDGET_FUNCTIONS",
    "Workbook",
    "WorkbookError",
    "check_value",
    "course_catalogue",
    "load_catalogue",
    "workbook_path",
    *WIDGET_FUNCTIONS,
]


def __getattr__(name: str) -> Any:
    """Load the widget layer on first use of a widget function."""
    if name in WIDGET_FUNCTIONS:
        from . import widgets

        return getattr(widgets, name)
    raise AttributeError(f"module 'exercises' has no attribute {name!r}")

"""The notebook's one-line calls, by name: :mod:`exercises` offers each one and loads it
from the widget layer (:mod:`exercises.widgets`, which exports the same names) on first
use. Listed only here, so neither layer imports the other to learn them."""

from __future__ import annotations

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
"""Every widget function a notebook calls through :mod:`exercises`."""

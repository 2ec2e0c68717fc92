"""The widget layer: builds ipywidgets for exercises and forwards events to the workbook.

Notebooks use three calls, through :mod:`exercises`: ``show(prompt_id)``,
``show_module(module_id)`` and ``show_workbook()``.
"""

from .api import (
    Session,
    session,
    show,
    show_cohort_summary,
    show_module,
    show_plan,
    show_progress,
    show_workbook,
)
from .cohort import CohortSummaryPanel
from .exercise import Exercise
from .panel import WorkbookPanel
from .share import SharePanel

__all__ = [
    "CohortSummaryPanel",
    "Exercise",
    "Session",
    "SharePanel",
    "WorkbookPanel",
    "session",
    "show",
    "show_cohort_summary",
    "show_module",
    "show_plan",
    "show_progress",
    "show_workbook",
]

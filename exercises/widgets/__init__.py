"""The widget layer: builds ipywidgets for exercises and forwards events to the workbook.

Notebooks use three calls, through :mod:`exercises`: ``show(prompt_id)``,
``show_module(module_id)`` and ``show_workbook()``.
"""

from .api import (
    Session,
    session,
    show,
    show_module,
    show_plan,
    show_progress,
    show_workbook,
)
from .exercise import Exercise
from .panel import WorkbookPanel

__all__ = [
    "Exercise",
    "Session",
    "WorkbookPanel",
    "session",
    "show",
    "show_module",
    "show_plan",
    "show_progress",
    "show_workbook",
]

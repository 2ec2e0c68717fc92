"""The widget layer: builds ipywidgets for exercises and forwards events to the workbook.

Notebooks use a few one-line calls, through :mod:`exercises`: ``show(prompt_id)``,
``show_module(module_id)``, ``show_workbook()``, ``show_plan()`` and ``show_progress()``.

The facilitator's cohort summary (``show_cohort_summary`` and
:class:`CohortSummaryPanel`) needs pandas; it is loaded only when first used, so a
learner's kernel never imports pandas or numpy (``tests/test_learner_imports.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
from .exercise import Exercise
from .panel import WorkbookPanel
from .share import SharePanel

if TYPE_CHECKING:
    from .cohort import CohortSummaryPanel

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


def __getattr__(name: str) -> Any:
    """Load the facilitator's cohort panel (and with it pandas) on first use."""
    if name == "CohortSummaryPanel":
        from .cohort import CohortSummaryPanel

        return CohortSummaryPanel
    raise AttributeError(f"module 'exercises.widgets' has no attribute {name!r}")

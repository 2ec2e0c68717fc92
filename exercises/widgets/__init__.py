"""The widget layer: builds ipywidgets for exercises and forwards events to the workbook.

Notebooks use a few one-line calls, through :mod:`exercises`: ``show(prompt_id)``,
``show_module(module_id)``, ``show_workbook()``, ``show_plan()`` and ``show_progress()``.

The facilitator's cohort summary (``show_cohort_summary`` and
:class:`CohortSummaryPanel`) needs pandas; it is loaded only when first used, so a
learner's kernel never imports pandas or numpy (``tests/test_learner_imports.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..widget_names import WIDGET_FUNCTIONS
from .api import Session, session
from .api import show as show
from .api import show_cohort_summary as show_cohort_summary
from .api import show_module as show_module
from .api import show_plan as show_plan
from .api import show_progress as show_progress
from .api import show_report as show_report
from .api import show_workbook as show_workbook
from .api import show_worked_example as show_worked_example
from .exercise import Exercise
from .heading import go_to_linked_heading as go_to_linked_heading
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
    *WIDGET_FUNCTIONS,  # show, show_module, ...: the names are listed in exercises/widget_names.py
]


def __getattr__(name: str) -> Any:
    """Load the facilitator's cohort panel (and with it pandas) on first use."""
    if name == "CohortSummaryPanel":
        from .cohort import CohortSummaryPanel

        return CohortSummaryPanel
    raise AttributeError(f"module 'exercises.widgets' has no attribute {name!r}")

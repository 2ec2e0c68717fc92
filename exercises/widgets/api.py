"""One kernel's session: its workbook, the catalogue and the exercises on screen."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

import ipywidgets as W

from ..catalogue import Catalogue, course_catalogue
from ..workbook import Workbook
from .capstone import PlanView, ProgressView, ReportView, WorkedExample
from .exercise import Exercise
from .panel import WorkbookPanel

if TYPE_CHECKING:  # the cohort panel loads pandas, so learners' kernels never import it
    from .cohort import CohortSummaryPanel


class Session:
    """Builds exercises bound to one workbook and refreshes them after an import.

    When one prompt is on screen more than once in this kernel (the same notebook open
    in two views), a save in one view is shown at once in the others.
    """

    def __init__(self, workbook: Workbook | None = None, catalogue: Catalogue | None = None):
        self.catalogue = catalogue or course_catalogue()
        self.workbook = workbook or Workbook(checker=self.catalogue.check)
        if self.workbook.names is None:  # notices name questions by their titles
            self.workbook.names = lambda pid: self.catalogue.prompt(pid).title
        self._views: weakref.WeakSet[Exercise] = weakref.WeakSet()

    def show(self, prompt_id: str) -> Exercise:
        """The exercise for one prompt."""
        view = Exercise(self.catalogue.prompt(prompt_id), self.workbook)
        view.on_saved = self._saved
        self._views.add(view)
        return view

    def _saved(self, saved: Exercise) -> None:
        for view in list(self._views):
            if view is not saved and view.prompt.id == saved.prompt.id and not view.pending:
                view.reload()

    def show_module(self, module_id: str) -> W.VBox:
        """Every exercise of one module, in order."""
        module = self.catalogue.module(module_id)
        return W.VBox([self.show(p.id) for p in module.prompts])

    def show_workbook(self) -> WorkbookPanel:
        """The workbook panel (downloads and import)."""
        return WorkbookPanel(self.workbook, self.catalogue, on_import=self.reload_all)

    def show_plan(self) -> PlanView:
        """The learner's plan and learning record, built from every answer."""
        return PlanView(self.workbook, self.catalogue)

    def show_report(self) -> ReportView:
        """The one-page progress report, built from every answer."""
        return ReportView(self.workbook, self.catalogue)

    def show_worked_example(self) -> WorkedExample:
        """The worked example's finished plan and progress report."""
        return WorkedExample(self.catalogue)

    def show_progress(self) -> ProgressView:
        """Module by module: what is answered and what is left."""
        return ProgressView(self.workbook, self.catalogue)

    def reload_all(self) -> None:
        """Show the workbook's current answers in every exercise of this session."""
        for view in list(self._views):
            view.reload()


_session: Session | None = None


def session() -> Session:
    """This kernel's session, made on first use (reading ``$COURSE_WORKBOOK`` then)."""
    global _session
    if _session is None:
        _session = Session()
    return _session


def show(prompt_id: str) -> Exercise:
    """Show one exercise, saving to your workbook."""
    return session().show(prompt_id)


def show_module(module_id: str) -> W.VBox:
    """Show every exercise of a module."""
    return session().show_module(module_id)


def show_workbook() -> WorkbookPanel:
    """Show your workbook: where it is, downloads and import."""
    return session().show_workbook()


def show_plan() -> PlanView:
    """Show your spread and adoption plan and your learning record, with downloads."""
    return session().show_plan()


def show_report() -> ReportView:
    """Show your one-page progress report for a board or funder, with downloads."""
    return session().show_report()


def show_worked_example() -> WorkedExample:
    """Show Maya's finished plan and progress report (an invented example)."""
    return session().show_worked_example()


def show_progress() -> ProgressView:
    """Show what you have answered in each module and what is left."""
    return session().show_progress()


def show_cohort_summary() -> CohortSummaryPanel:
    """Facilitators: summarise a folder of share files (starts with a rehearsal cohort)."""
    from .cohort import CohortSummaryPanel

    return CohortSummaryPanel()

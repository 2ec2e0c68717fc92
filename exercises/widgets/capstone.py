"""The capstone's widgets: the plan with its downloads, the learning record, the one-page
progress report, progress, and the worked example's finished plan and report."""

from __future__ import annotations

from html import escape

import ipywidgets as W

from ..catalogue import Catalogue
from ..model import Answer
from ..plan import learning_record_doc, plan_doc, progress_doc
from ..progress_report import report_doc
from ..report import Doc, to_fragment
from ..static_form import site_doc_html
from ..workbook import Workbook
from ..worked_example import example_docs_html
from .exercise import flush_pending, live_only
from .fallback import StaticFallback
from .parts import document_links, read_answers
from .style import style_tag


def _downloads(doc: Doc, stem: str, what: str) -> str:
    return "".join(f"<li>{link}</li>" for link in document_links(doc, stem, what))


class _DocView(StaticFallback, W.VBox):
    """A document built from the workbook, shown inline, with a refresh button."""

    title = ""
    button = "Update"
    documents: tuple[str, ...] = ()
    """The documents the website builds here (keys of ``exercises.site.DOCUMENTS``)."""
    site_button = "Build from my answers"

    def __init__(self, workbook: Workbook, catalogue: Catalogue) -> None:
        self.workbook = workbook
        self.catalogue = catalogue
        self.refresh_button = live_only(W.Button(description=self.button))
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.body = W.HTML()
        head = W.HTML(f"{style_tag()}<p><strong>{escape(self.title)}</strong></p>")
        super().__init__([head, self.refresh_button, self.body])
        self.add_class("course-exercise")
        self.add_class("course-document")
        self.refresh()

    def build(self, answers: dict[str, Answer], live: bool = True) -> str:  # pragma: no cover
        """The HTML to show for these answers (``live``: with download links)."""
        raise NotImplementedError

    def static_html(self) -> str:
        """What the website shows: the document as it looks with no answers yet."""
        return (
            f'<div class="course-exercise"><p><strong>{escape(self.title)}</strong></p>'
            f"{site_doc_html(self.documents, self.site_button, self.build({}, live=False))}</div>"
        )

    def refresh(self) -> None:
        """Read the workbook now and redraw (after saving any typing still waiting)."""
        flush_pending()
        answers, notices = read_answers(self.workbook)
        if answers is None:
            self.body.value = notices
            return
        try:
            built = self.build(answers)
        except Exception as err:  # a document that cannot be built must not break the page
            built = (
                "<p><strong>Problem:</strong> This document could not be made this time "
                f"({escape(type(err).__name__)}). Your answers are safe in your workbook; "
                "the workbook panel downloads them.</p>"
            )
        self.body.value = notices + built


class PlanView(_DocView):
    """'My spread and adoption plan' and the learning record, with downloads."""

    title = "My spread and adoption plan"
    button = "Update my plan"
    documents = ("plan", "record")
    site_button = "Build my plan and learning record from my answers"

    def build(self, answers: dict[str, Answer], live: bool = True) -> str:
        plan = plan_doc(self.catalogue, answers)
        record = learning_record_doc(self.catalogue, answers)
        links = _downloads(plan, "my-spread-and-adoption-plan", "my plan") + _downloads(
            record, "my-learning-record", "my learning record"
        )
        return (
            (f'<div class="course-live-only"><ul>{links}</ul></div>' if live else "")
            + f'<div class="course-plan">{to_fragment(plan, level=3)}</div>'
            "<details><summary>Show my learning record</summary>"
            f"{to_fragment(record, level=3)}</details>"
        )


class ReportView(_DocView):
    """The one-page progress report for a board or funder, with downloads."""

    title = "My progress report"
    button = "Update my progress report"
    documents = ("report",)
    site_button = "Build my progress report from my answers"

    def build(self, answers: dict[str, Answer], live: bool = True) -> str:
        report = report_doc(self.catalogue, answers)
        links = _downloads(report, "my-progress-report", "my progress report")
        return (f'<div class="course-live-only"><ul>{links}</ul></div>' if live else "") + (
            f'<div class="course-report">{to_fragment(report, level=3)}</div>'
        )


class WorkedExample(StaticFallback, W.VBox):
    """Maya Brennan's finished plan and progress report (an invented example), folded away."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.body = W.HTML(style_tag() + self.static_html())
        super().__init__([self.body])
        self.add_class("course-worked-example-view")

    def static_html(self) -> str:
        """The same on the website as in Jupyter: nothing in it depends on the workbook."""
        return example_docs_html(self.catalogue)


class ProgressView(_DocView):
    """Module by module: what is answered and what is left."""

    title = "My progress"
    button = "Update my progress"
    documents = ("progress",)
    site_button = "Show my progress from my answers"

    def build(self, answers: dict[str, Answer], live: bool = True) -> str:
        return to_fragment(progress_doc(self.catalogue, answers), level=3)

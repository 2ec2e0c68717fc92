"""The workbook panel: where answers are kept, downloads, and importing a saved copy.

Downloads are links holding the file itself (data URLs), so they work on Binder, a
JupyterHub or a laptop without knowing the server's folders. The workbook download never
depends on the readable copy being made. An import shows, question by question, what
will change (with the time of both answers) and waits for the learner to confirm;
answers stamped later than now are flagged and only replace the learner's own when the
learner ticks a box.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as W

from ..catalogue import Catalogue
from ..report import answers_doc
from ..static_form import device_panel_html
from ..timefmt import local_now
from ..workbook import ImportPreview, Workbook, WorkbookError
from .exercise import flush_pending
from .fallback import StaticFallback
from .parts import document_links, download_link, live_only, problem_html, read_answers
from .share import SharePanel
from .style import style_tag


class WorkbookPanel(StaticFallback, W.VBox):
    """Shows where the workbook is, offers downloads and imports a saved workbook."""

    def __init__(
        self,
        workbook: Workbook,
        catalogue: Catalogue,
        on_import: Callable[[], None] | None = None,
    ) -> None:
        self.workbook = workbook
        self.catalogue = catalogue
        self.on_import = on_import
        self._pending: bytes | None = None
        self.where = W.HTML()
        self.prepare = W.Button(description="Prepare my downloads")
        self.prepare.on_click(lambda _b: self.make_downloads())
        self.downloads = W.HTML()
        self.upload = W.FileUpload(
            accept=".json", multiple=False, description="Choose a workbook file"
        )
        self.upload.observe(lambda _c: self.preview(), "value")
        self.take_future = W.Checkbox(
            value=False,
            description="Also take answers whose time is later than now",
            indent=False,
            layout=W.Layout(width="100%", display="none"),
        )
        self.take_future.observe(self._future_changed, "value")
        self.confirm = W.Button(description="Import these answers", disabled=True)
        self.confirm.on_click(lambda _b: self.apply())
        self.cancel = W.Button(description="Cancel", disabled=True)
        self.cancel.on_click(lambda _b: self.reset("Import cancelled. Nothing changed."))
        self.message = W.HTML()
        live = W.VBox(
            [
                self.where,
                W.HTML(
                    "<p><strong>Take a copy with you.</strong> Binder forgets everything "
                    "when it closes: download your workbook before you leave, and import "
                    "it next time. The plan is a readable copy of every answer.</p>"
                ),
                self.prepare,
                self.downloads,
                W.HTML(
                    "<p><strong>Bring answers back.</strong> Choose a workbook file you "
                    "downloaded earlier. You will see what changes before anything "
                    "does; for each question the newer answer is kept.</p>"
                ),
                self.upload,
                self.take_future,
                W.HBox([self.confirm, self.cancel]),
                self.message,
            ]
        )
        static = W.HTML(
            '<div class="course-static-only" style="display:none" role="note">'
            "Your workbook panel works when this module runs in Jupyter (Binder, a "
            "JupyterHub or your own computer). There you can download your answers and "
            "import them again.</div>"
        )
        head = W.HTML(f"{style_tag()}<p><strong>Your workbook</strong></p>")
        self.share = SharePanel(workbook, catalogue)
        share_head = W.HTML("<p><strong>Share with your group</strong></p>")
        super().__init__([head, live_only(live), static, share_head, self.share])
        self.add_class("course-workbook-panel")
        self.add_class("course-exercise")
        self.refresh()

    def static_html(self) -> str:
        """What the website shows: where the panel's tools are, since none work there."""
        return device_panel_html()

    def refresh(self) -> None:
        """Update the line saying where the workbook is and how many answers it holds."""
        answers, notices = read_answers(self.workbook)
        count = len(answers or {})
        counted = f" It holds {count} answer{'s' if count != 1 else ''}." if answers else ""
        self.where.value = (
            f"{notices}<p>Your answers save by themselves to "
            f"<code>{escape(str(self.workbook.path))}</code>.{counted}</p>"
        )

    def make_downloads(self) -> None:
        """Build fresh download links for the workbook and the readable plan.

        The workbook (JSON) link is made first and on its own: if the readable copy
        cannot be made, the learner can still take every answer with them.
        """
        flush_pending()
        day = local_now().date().isoformat()
        links, problems = [], []
        try:
            links.append(
                download_link(
                    self.workbook.export_bytes(),
                    f"workbook-{day}.json",
                    "application/json",
                    "Download my workbook (JSON, to import later)",
                )
            )
        except WorkbookError as err:
            problems.append(str(err))
        try:
            doc = answers_doc(self.catalogue, self.workbook.answers())
            readable = document_links(doc, "my-answers", "my answers")
        except WorkbookError as err:
            if str(err) not in problems:
                problems.append(str(err))
        except Exception as err:  # never let the readable copy take the workbook with it
            problems.append(
                "The readable copy of your answers could not be made this time "
                f"({type(err).__name__}). The workbook download holds every answer."
            )
        else:
            links += readable
        listed = "<ul>" + "".join(f"<li>{a}</li>" for a in links) + "</ul>" if links else ""
        said = "".join(problem_html(p) for p in problems)
        self.downloads.value = listed + said
        self.refresh()

    def _future_changed(self, _change: object = None) -> None:
        if self._pending is not None:
            self.preview()

    def preview(self) -> None:
        """Read the chosen file and say, question by question, what importing it would change."""
        if not self.upload.value:
            return
        flush_pending()
        upload = self.upload.value[0]
        data = bytes(upload["content"])
        try:
            plan: ImportPreview = self.workbook.preview_import(
                data, take_future=self.take_future.value
            )
        except WorkbookError as err:
            self.reset(f"<strong>Problem:</strong> {escape(str(err))}", escaped=True)
            return
        self._pending = data
        self.confirm.disabled = self.cancel.disabled = False
        self.take_future.layout.display = None if plan.future else "none"
        lines = plan.lines(self.catalogue)
        details = (
            "<details open><summary>What changes, question by question</summary><ul>"
            + "".join(f"<li>{escape(line)}</li>" for line in lines)
            + "</ul></details>"
            if lines
            else ""
        )
        self.message.value = (
            f"<p>In <code>{escape(upload['name'])}</code>: {escape(plan.summary())} "
            f"Choose <em>Import these answers</em> to go ahead.</p>{details}"
        )

    def apply(self) -> None:
        """Import the previewed file."""
        if self._pending is None:
            return
        flush_pending()
        try:
            plan = self.workbook.import_bytes(self._pending, take_future=self.take_future.value)
        except WorkbookError as err:
            self.reset(f"<strong>Problem:</strong> {escape(str(err))}", escaped=True)
            return
        changed = len(plan.added) + len(plan.replaced)
        self.reset(
            f"Imported: {changed} answer{'s' if changed != 1 else ''} added or updated. "
            "The exercises on this page now show them."
        )
        self.share.refresh()
        if self.on_import is not None:
            self.on_import()

    def reset(self, message: str, escaped: bool = False) -> None:
        """Forget any pending import and show a message."""
        self._pending = None
        self.confirm.disabled = self.cancel.disabled = True
        self.take_future.layout.display = "none"
        self.take_future.value = False  # no import pending, so this previews nothing
        if self.upload.value:
            self.upload.value = ()  # so the same file can be chosen again
        self.message.value = f"<p>{message if escaped else escape(message)}</p>"
        self.refresh()

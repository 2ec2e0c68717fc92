"""The facilitator's cohort summary panel: choose a folder, summarise it, download the files.

It only builds controls and forwards events to :mod:`exercises.cohort.summary`,
:mod:`exercises.cohort.summary_output` and :mod:`exercises.cohort.rehearsal`. A rehearsal
cohort of made-up learners is written into a temporary folder outside the course (removed when the
kernel stops), so the page shows a real summary even before any share files arrive.
"""

from __future__ import annotations

import tempfile
from html import escape
from pathlib import Path

import ipywidgets as W

from ..catalogue import Catalogue, CatalogueError, course_catalogue
from ..cohort.rehearsal import write_demo
from ..cohort.share_file import ShareError
from ..cohort.summary import CohortSummary, summarise
from ..cohort.summary_output import rejected_csv, summary_csv, to_html, to_html_fragment
from ..cohort.suppression import DEFAULT_MIN_COUNT, MIN_COUNT_RANGE
from .fallback import StaticFallback
from .parts import LABEL_STYLE, download_link, live_only
from .style import style_tag

REHEARSAL_COHORT = "REHEARSAL"
"""The cohort code of made-up rehearsal learners."""

REHEARSAL_LEARNERS = 10
"""How many made-up learners a rehearsal has at first: a typical group (6 to 12), so the
facilitator sees what a summary of a group that size shows and hides."""

WEBSITE_NOTE = (
    "On this web page you see the summary of a made-up rehearsal cohort, so you know "
    "what to expect. To summarise your own group's share files, open this page in "
    "Jupyter (Binder, your organisation's JupyterHub or your own computer), or use the "
    "command <code>python -m exercises cohort summarise</code>."
)
"""What the website says above the rehearsal summary."""


class CohortSummaryPanel(StaticFallback, W.VBox):
    """A folder box, a minimum count and buttons; shows the summary and offers downloads."""

    def __init__(
        self,
        catalogue: Catalogue | None = None,
        rehearsal: bool = True,
        rehearsal_learners: int = REHEARSAL_LEARNERS,
    ) -> None:
        self.catalogue = catalogue or course_catalogue()
        self.summary: CohortSummary | None = None
        self._temp: tempfile.TemporaryDirectory[str] | None = None
        self._rehearsals = 0
        self.folder = W.Text(
            description="Folder of share files",
            placeholder="for example /home/jovyan/cohort-share-files",
            style=LABEL_STYLE,
            layout=W.Layout(width="100%", max_width="44rem"),
        )
        low, high = MIN_COUNT_RANGE
        self.min_count = W.BoundedIntText(
            value=DEFAULT_MIN_COUNT,
            min=low,
            max=high,
            description="Hide any count below",
            style=LABEL_STYLE,
        )
        self.run = W.Button(description="Summarise this folder")
        self.run.on_click(lambda _b: self.summarise())
        self.learners = W.BoundedIntText(
            value=rehearsal_learners,
            min=1,
            max=2000,
            description="Learners in a rehearsal cohort",
            style=LABEL_STYLE,
        )
        self.damaged = W.Checkbox(
            value=False,
            description="Add some damaged files, to see how they are reported",
            indent=False,
            style=LABEL_STYLE,
            layout=W.Layout(width="100%"),
        )
        self.rehearse = W.Button(description="Make a rehearsal cohort and summarise it")
        self.rehearse.on_click(lambda _b: self.make_rehearsal())
        self.prepare = W.Button(description="Prepare the downloads", disabled=True)
        self.prepare.on_click(lambda _b: self.make_downloads())
        self.downloads = W.HTML()
        self.status = W.HTML()
        self.output = W.HTML()
        controls = W.VBox(
            [
                W.HTML(
                    "<p><strong>Your group's share files.</strong> Put them in one folder, "
                    "type its path, then summarise. Counts of answers smaller than the "
                    "minimum are hidden so no one can be singled out; how far people have "
                    "got is always shown.</p>"
                ),
                self.folder,
                self.min_count,
                self.run,
                W.HTML(
                    "<p><strong>Rehearse.</strong> Make share files for made-up learners in "
                    "a temporary folder, and summarise them.</p>"
                ),
                self.learners,
                self.damaged,
                self.rehearse,
                self.prepare,
                self.downloads,
            ]
        )
        super().__init__(
            [W.HTML(style_tag()), live_only(controls), live_only(self.status), self.output]
        )
        self.add_class("course-cohort-summary")
        self.add_class("course-exercise")
        if rehearsal:
            self.make_rehearsal()

    def static_html(self) -> str:
        """What the website shows: a note, then the rehearsal summary as plain HTML."""
        return (
            f'<div class="course-exercise"><p class="course-note" role="note">{WEBSITE_NOTE}'
            f"</p>{self.output.value}</div>"
        )

    def _say(self, message: str, problem: bool = False) -> None:
        head = "<strong>Problem:</strong> " if problem else ""
        self.status.value = f'<p role="status">{head}{escape(message)}</p>'

    def make_rehearsal(self) -> None:
        """Write a rehearsal cohort into a fresh temporary folder and summarise it."""
        if self._temp is None:
            self._temp = tempfile.TemporaryDirectory(prefix="cohort-rehearsal-")
        self._rehearsals += 1
        folder = Path(self._temp.name) / f"rehearsal-{self._rehearsals}"
        try:
            write_demo(
                folder,
                self.learners.value,
                REHEARSAL_COHORT,
                seed=self._rehearsals,
                catalogue=self.catalogue,
                bad=self.damaged.value,
            )
        except (ShareError, ValueError, OSError) as err:
            self._say(f"The rehearsal cohort could not be made: {err}", problem=True)
            return
        self.folder.value = str(folder)
        self.summarise(rehearsal=True)

    def summarise(self, rehearsal: bool = False) -> None:
        """Summarise the folder in the box and show the result on the page."""
        self.downloads.value = ""
        self.prepare.disabled = True
        if not self.folder.value.strip():
            self._say("Type the path of the folder that holds the share files.", problem=True)
            return
        try:
            summary = summarise(self.folder.value.strip(), self.catalogue, self.min_count.value)
        except (FileNotFoundError, NotADirectoryError, ValueError, CatalogueError) as err:
            self._say(str(err), problem=True)
            return
        self.summary = summary
        label = (
            "<p><strong>This is a rehearsal cohort of made-up learners.</strong></p>"
            if rehearsal
            else ""
        )
        self.output.value = label + to_html_fragment(summary, level=3)
        set_aside = len(summary.rejected)
        if summary.learners == 0:
            self._say(
                f"No share file in that folder could be used ({summary.files_found} found, "
                f"{set_aside} set aside: see the reasons below).",
                problem=True,
            )
            return
        self._say(
            f"Summarised {summary.learners} learner{'s' if summary.learners != 1 else ''} "
            f"in cohort {summary.cohort}; {set_aside} file{'s' if set_aside != 1 else ''} "
            "set aside."
        )
        self.prepare.disabled = False

    def make_downloads(self) -> None:
        """Offer the summary page and both CSV files as downloads."""
        if self.summary is None:
            return
        links = [
            download_link(
                to_html(self.summary),
                "summary.html",
                "text/html",
                "Download the summary as a web page (summary.html)",
            ),
            download_link(
                summary_csv(self.summary),
                "summary.csv",
                "text/csv",
                "Download the figures and shared answers (summary.csv)",
            ),
            download_link(
                rejected_csv(self.summary),
                "rejected.csv",
                "text/csv",
                "Download the list of files set aside (rejected.csv)",
            ),
        ]
        self.downloads.value = "<ul>" + "".join(f"<li>{a}</li>" for a in links) + "</ul>"

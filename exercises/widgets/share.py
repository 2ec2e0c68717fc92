"""The share panel: make a share file for your group, seeing what it holds first.

It only builds controls and forwards events to :mod:`exercises.cohort.share_file`. The
file is offered as a download link holding the file itself, so nothing is written on the
server and nothing is sent anywhere: the learner hands the file to their facilitator.
It sits inside the workbook panel, whose website form says what it does.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as W

from ..catalogue import Catalogue
from ..cohort.share_file import (
    Share,
    ShareError,
    build_share,
    describe,
    free_text_prompts,
    new_nickname,
    preview,
    read_nickname,
    remember_nickname,
)
from ..workbook import Workbook, WorkbookError
from .parts import LABEL_STYLE, download_link, live_only, problem_html

INTRO = (
    "<p>If you are learning with a group, your facilitator may ask for a <em>share "
    "file</em>. It holds a random nickname instead of your name, the cohort code, your "
    "ratings, choices and positions, and which questions you have answered. Your written "
    "answers stay out unless you tick them below. You see everything it holds before "
    "the file is made, and it is only a download: nothing is sent anywhere.</p>"
)


def _wide() -> W.Layout:
    return W.Layout(width="100%", max_width="40rem")


class SharePanel(W.VBox):
    """Cohort code, which written answers to share, a preview, then a download link."""

    def __init__(self, workbook: Workbook, catalogue: Catalogue) -> None:
        self.workbook = workbook
        self.catalogue = catalogue
        self._share: Share | None = None
        self.nickname = W.Text(
            value=read_nickname(workbook.path) or new_nickname(),
            description="Your nickname (keep it each time you share)",
            style=LABEL_STYLE,
            layout=_wide(),
        )
        self.new_nickname = W.Button(description="Give me a new nickname")
        self.new_nickname.on_click(lambda _b: setattr(self.nickname, "value", new_nickname()))
        self.cohort = W.Text(
            description="Cohort code",
            placeholder="from your facilitator, for example LEEDS-2027",
            style=LABEL_STYLE,
            layout=_wide(),
        )
        self.boxes: dict[str, W.Checkbox] = {}
        self.choices = W.VBox()
        self.preview_button = W.Button(description="Preview what I will share")
        self.preview_button.on_click(lambda _b: self.preview())
        self.preview_area = W.HTML()
        self.make_button = W.Button(description="Make my share file", disabled=True)
        self.make_button.on_click(lambda _b: self.make())
        self.result = W.HTML()
        for widget in (self.nickname, self.cohort):
            widget.observe(self._stale, "value")
        live = W.VBox(
            [
                W.HTML(INTRO),
                self.cohort,
                self.nickname,
                self.new_nickname,
                self.choices,
                self.preview_button,
                self.preview_area,
                self.make_button,
                self.result,
            ]
        )
        super().__init__([live_only(live)])
        self.add_class("course-share-panel")
        self.refresh()

    def refresh(self) -> None:
        """Offer a "Share this answer" box for each answered written question (ticks kept)."""
        try:
            prompts = free_text_prompts(self.workbook.answers(), self.catalogue)
        except WorkbookError as err:
            self.preview_area.value = problem_html(str(err))
            return
        boxes = {}
        for prompt in prompts:
            box = self.boxes.get(prompt.id) or W.Checkbox(
                value=False,
                description=f"Share this answer: {prompt.title}",
                indent=False,
                style=LABEL_STYLE,
                layout=W.Layout(width="100%"),
            )
            if prompt.id not in self.boxes:
                box.observe(self._stale, "value")
            boxes[prompt.id] = box
        self.boxes = boxes
        lead = (
            "Tick any written answers you want your group to see. The group summary "
            "shows them without your nickname, and only when a few others shared an "
            "answer to the same question:"
            if boxes
            else "You have no written answers yet, so none can be shared."
        )
        self.choices.children = [W.HTML(f"<p>{lead}</p>"), *boxes.values()]

    def _stale(self, _change: Any = None) -> None:
        if self._share is not None:
            self.preview_area.value += (
                "<p><strong>You changed something.</strong> Preview again before you make "
                "the file.</p>"
            )
        self._share = None
        self.make_button.disabled = True

    def preview(self) -> None:
        """Show, in plain words, exactly what the share file will hold."""
        self.refresh()
        self.result.value = ""
        chosen = [pid for pid, box in self.boxes.items() if box.value]
        try:
            share = build_share(
                self.workbook.answers(),
                self.catalogue,
                self.cohort.value,
                self.nickname.value,
                chosen,
            )
        except (ShareError, WorkbookError) as err:
            self._stale()
            self.preview_area.value = problem_html(str(err))
            return
        items = "".join(f"<li>{escape(line)}</li>" for line in describe(share, self.catalogue))
        self.preview_area.value = (
            f"<p><strong>Your share file will hold:</strong></p><ul>{items}</ul>"
            "<details><summary>Show the exact file</summary>"
            f"<pre style='white-space:pre-wrap'>{escape(preview(share))}</pre></details>"
        )
        self._share = share
        self.make_button.disabled = False

    def make(self) -> None:
        """Offer the previewed share file as a download, and remember the nickname."""
        if self._share is None:
            self.result.value = "<p>Preview what you will share first.</p>"
            return
        share = self._share
        try:
            remember_nickname(self.workbook.path, share.doc["nickname"])
            kept = ""
        except OSError:
            kept = " (Your nickname could not be remembered; note it down to use it again.)"
        link = download_link(
            preview(share),
            share.filename,
            "application/json",
            f"Download {share.filename}",
        )
        self.result.value = (
            f"<p>Your share file is ready: {link}. Send it to your facilitator the way "
            f"they asked (for example by email or a shared folder).{escape(kept)}</p>"
        )

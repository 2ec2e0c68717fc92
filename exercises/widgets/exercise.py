"""One exercise on screen: its question, its control, a save status and any feedback.

The exercise forwards every change to the workbook and shows what happened in a status
line written in words (never colour alone). Parts that only work with a live kernel
carry the ``course-live-only`` class, and a note for readers of the static website
carries ``course-static-only``; the website's stylesheet swaps them, so the note is
never shown in JupyterLab.
"""

from __future__ import annotations

import datetime as _dt
from html import escape

import ipywidgets as W

from ..charts import describe_position, describe_ratings, profile_svg, quadrant_svg
from ..model import Prompt, is_empty
from ..static_form import NOT_KEPT, exercise_html, feedback_html, head_html
from ..workbook import Workbook, WorkbookError
from .controls import build_control
from .fallback import StaticFallback
from .style import style_tag

STATIC_NOTE = f'<div class="course-static-only" style="display:none" role="note">{NOT_KEPT}</div>'
"""The website note, for the rare page where the widget itself is drawn on the website."""


def live_only(widget: W.Widget) -> W.Widget:
    """Mark a widget as useful only with a live kernel (hidden on the static website)."""
    widget.add_class("course-live-only")
    return widget


def saved_words(saved_at: str, earlier: bool) -> str:
    """'Saved at 14:32:05.' or 'Saved earlier, on 26 Nov 2026 at 14:32.' in local time."""
    moment = _dt.datetime.fromisoformat(saved_at).astimezone()
    if earlier:
        return f"Saved earlier, on {moment:%d %b %Y} at {moment:%H:%M}."
    return f"Saved at {moment:%H:%M:%S}."


class Exercise(StaticFallback, W.VBox):
    """A prompt's widget, bound to a workbook."""

    def __init__(self, prompt: Prompt, workbook: Workbook) -> None:
        self.prompt = prompt
        self.workbook = workbook
        self.control = build_control(prompt)
        self.status = live_only(W.HTML())
        self.chart = W.HTML()
        self.feedback = W.HTML()
        self.check_button = live_only(W.Button(description="Check my answer"))
        self.check_button.on_click(lambda _b: self.check())
        head = W.HTML(style_tag() + head_html(prompt))
        parts: list[W.Widget] = [head, self.control.widget]
        if prompt.kind == "quiz":
            parts += [self.check_button, self.feedback, W.HTML(feedback_html(prompt))]
        if prompt.kind == "position" or (prompt.kind == "rating" and prompt.items):
            parts.append(self.chart)
        parts += [self.status, W.HTML(STATIC_NOTE)]
        super().__init__(parts, layout=W.Layout(margin="1rem 0", width="100%"))
        self.add_class("course-exercise")
        self.control.on_change(self.save)
        self.reload()

    def static_html(self) -> str:
        """The exercise as a plain HTML form, for the website."""
        return exercise_html(self.prompt)

    def reload(self) -> None:
        """Show the answer saved in the workbook now (used at start and after an import)."""
        try:
            answer = self.workbook.get(self.prompt.id)
        except WorkbookError as err:
            self._say(str(err), problem=True)
            return
        if answer is not None:
            self.control.set(answer.value)
        self._draw()
        if answer is None or is_empty(answer.value):
            self._say(
                "Not answered yet. Your answer saves by itself as you go."
                if self.prompt.kind != "quiz"
                else "Not answered yet. Choose an answer, then check it."
            )
        else:
            self._say(saved_words(answer.saved_at, earlier=True))

    def save(self) -> None:
        """Save the control's value now, and say what happened."""
        self._draw()
        value = self.control.get()
        if value is None:
            return  # half-finished (for example one axis of two chosen): nothing to save yet
        try:
            answer = self.workbook.save(self.prompt.id, value)
        except WorkbookError as err:
            self._say(str(err), problem=True)
            return
        except OSError as err:
            self._say(f"Not saved: your workbook could not be written ({err}).", problem=True)
            return
        self._say(saved_words(answer.saved_at, earlier=False))

    def check(self) -> None:
        """Show the feedback for the chosen quiz option."""
        option = self.prompt.option(self.control.get() or "")
        if option is None:
            self.feedback.value = "<p>Choose an answer first, then check it.</p>"
            return
        verdict = "Correct." if option.correct else "Not quite."
        self.feedback.value = (
            f'<p class="course-feedback" role="status"><strong>{verdict}</strong> '
            f"{escape(option.feedback)}</p>"
        )

    def _draw(self) -> None:
        value = self.control.get()
        if self.prompt.kind == "position":
            self.chart.value = quadrant_svg(self.prompt, value) + (
                f'<p class="course-chart-text">{escape(describe_position(self.prompt, value))}</p>'
            )
        elif self.prompt.kind == "rating" and self.prompt.items:
            self.chart.value = profile_svg(self.prompt, value) + (
                f'<p class="course-chart-text">{escape(describe_ratings(self.prompt, value))}</p>'
            )

    def _say(self, message: str, problem: bool = False) -> None:
        notices = self.workbook.take_notices()
        lines = [f"<strong>Important:</strong> {escape(n)}" for n in notices]
        lines.append(("<strong>Problem:</strong> " if problem else "") + escape(message))
        self.status.value = (
            '<div class="course-status" role="status" aria-live="polite">'
            + "<br>".join(lines)
            + "</div>"
        )

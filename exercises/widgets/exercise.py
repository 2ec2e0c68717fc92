"""One exercise on screen: its question, its control, a save status and any feedback.

The exercise forwards every change to the workbook and shows what happened in a status
line written in words (never colour alone). Parts that only work with a live kernel
carry the ``course-live-only`` class, and a note for readers of the static website
carries ``course-static-only``; the website's stylesheet swaps them, so the note is
never shown in JupyterLab.

Saving rules kept here:

* Choices save at once. Typing saves after a short pause (:data:`TYPING_PAUSE`), not on
  every keystroke; a pending save is written when the exercise is closed, when the
  kernel stops (``atexit``) and before anything reads the workbook for the learner
  (:func:`flush_pending`).
* Each exercise remembers the version of the answer it last loaded or saved. A save
  that would overwrite a newer answer on disk (another tab, an import) keeps the newer
  one, says so, and offers to keep what is on screen instead.
* An answer given to an earlier version of the question is shown, in words, and left
  in the workbook until the learner answers again.
"""

from __future__ import annotations

import asyncio
import atexit
import sys
import weakref
from collections.abc import Callable
from html import escape
from typing import Protocol

import ipywidgets as W

from ..fitting import EARLIER, EARLIER_NOTE, Earlier, fit_value, readable
from ..model import Answer, Prompt, is_empty
from ..static_form import NOT_KEPT, exercise_html, head_html
from ..timefmt import local_clock, local_words
from ..workbook import ANY, SaveConflict, Workbook, WorkbookError
from ..worked_example import example_html
from .controls import build_control
from .fallback import StaticFallback
from .parts import live_only as live_only
from .parts import notice_lines
from .style import style_tag

STATIC_NOTE = f'<div class="course-static-only" style="display:none" role="note">{NOT_KEPT}</div>'
"""The website note, for the rare page where the widget itself is drawn on the website."""

TYPING_PAUSE = 0.5
"""Seconds of no typing after which a text answer saves."""


class Handle(Protocol):
    """What a scheduler returns: something that can be cancelled."""

    def cancel(self) -> None:  # pragma: no cover - a protocol
        """Stop the call from happening."""


def schedule_later(delay: float, action: Callable[[], None]) -> Handle | None:
    """Run ``action`` after ``delay`` seconds on the kernel's event loop.

    Returns None when there is no running event loop (a script or a test): the caller
    then saves at once.
    """
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None
    return loop.call_later(delay, action)


_LIVE: weakref.WeakSet[Exercise] = weakref.WeakSet()


def flush_pending() -> None:
    """Save every answer still waiting for a pause in typing (in this kernel)."""
    for view in list(_LIVE):
        view.flush()


def _flush_at_exit() -> None:
    for view in list(_LIVE):
        try:
            view.flush()
        except Exception as err:  # the kernel is stopping: say so, and save the others
            print(f"An answer could not be saved as the notebook stopped: {err}", file=sys.stderr)


atexit.register(_flush_at_exit)


def saved_words(saved_at: str, earlier: bool) -> str:
    """'Saved at 14:32:05.' or 'Saved earlier, on 26 Nov 2026 at 14:32.' in local time."""
    if earlier:
        return f"Saved earlier, on {local_words(saved_at)}."
    return f"Saved at {local_clock(saved_at)}."


def _shown(widget: W.Widget, visible: bool) -> None:
    widget.layout.display = None if visible else "none"


class Exercise(StaticFallback, W.VBox):
    """A prompt's widget, bound to a workbook."""

    scheduler: Callable[[float, Callable[[], None]], Handle | None] = staticmethod(schedule_later)
    """How a save is put off until typing pauses (tests replace it with a manual clock)."""

    def __init__(self, prompt: Prompt, workbook: Workbook) -> None:
        self.prompt = prompt
        self.workbook = workbook
        self.base: str | None = None
        """The ``saved_at`` of the answer this exercise last loaded or saved."""
        self._pending: Handle | None = None
        self._waiting = False
        self.on_saved: Callable[[Exercise], None] | None = None
        """Called after each save (the session refreshes other views of the prompt)."""
        self.control = build_control(prompt)
        self.status = live_only(W.HTML())
        self.earlier = W.HTML()
        self.chart = W.HTML()
        self.keep_mine = live_only(W.Button(description="Keep my answer instead"))
        self.keep_mine.on_click(lambda _b: self.save(force=True))
        self.show_newer = live_only(W.Button(description="Show the newer answer"))
        self.show_newer.on_click(lambda _b: self.reload(discard=True))
        self.choices = W.HBox([self.keep_mine, self.show_newer])
        _shown(self.choices, False)
        head = W.HTML(style_tag() + head_html(prompt))
        parts: list[W.Widget] = [head, self.earlier, self.control.widget, *self.control.extras]
        if self.control.charted:
            parts.append(self.chart)
        self.example = W.HTML(example_html(prompt))  # the worked example's answer, folded
        if self.example.value:
            parts.append(self.example)
        parts += [self.status, self.choices, W.HTML(STATIC_NOTE)]
        super().__init__(parts, layout=W.Layout(margin="1rem 0", width="100%"))
        self.add_class("course-exercise")
        self.control.on_change(self._changed)
        _LIVE.add(self)
        self.reload()

    def static_html(self) -> str:
        """The exercise as a plain HTML form, for the website."""
        return exercise_html(self.prompt)

    def reload(self, discard: bool = False) -> None:
        """Show the answer saved in the workbook now (at start, after an import, on request).

        A save still waiting for a pause in typing is written first, unless ``discard``
        (the learner chose to see the newer answer instead of theirs).
        """
        if discard:
            self._cancel()
        else:
            self.flush()
        _shown(self.choices, False)
        try:
            answer = self.workbook.get(self.prompt.id)
        except WorkbookError as err:
            self._say(str(err), problem=True)
            return
        self.base = answer.saved_at if answer is not None else None
        value = None
        self.earlier.value = ""
        if answer is not None:
            value = fit_value(self.prompt, answer.value)
            if not isinstance(value, Earlier) and not self.control.set(value):
                value = Earlier(answer.value)
            if isinstance(value, Earlier):
                self.control.set(None)
                self._show_earlier(answer)
        self._draw()
        if isinstance(value, Earlier):
            self._say(
                "Your saved answer was given to an earlier version of this question "
                "(shown above). Answer again to replace it."
            )
        elif answer is None or is_empty(answer.value):
            self._say(self.control.empty_note)
        else:
            self._say(saved_words(answer.saved_at, earlier=True))

    def _show_earlier(self, answer: Answer) -> None:
        paragraphs = readable(answer.value).split("\n\n")
        old = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        self.earlier.value = (
            '<div class="course-earlier" role="note">'
            f"<p><strong>{EARLIER}</strong> (saved on {escape(local_words(answer.saved_at))}):"
            f"</p><blockquote>{old}</blockquote><p>{escape(EARLIER_NOTE)}</p></div>"
        )

    def _changed(self, typing: bool) -> None:
        if not typing:
            self._cancel()
            self.save()
            return
        self._cancel()
        handle = type(self).scheduler(TYPING_PAUSE, self.flush)
        if handle is None:
            self.save()
            return
        self._pending = handle
        if not self._waiting:
            self._waiting = True
            self._say("Saving when you pause typing…")

    def _cancel(self) -> None:
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None

    @property
    def pending(self) -> bool:
        """True while typed text is waiting for a pause to be saved."""
        return self._pending is not None

    def flush(self) -> None:
        """Save now any typing still waiting for a pause."""
        if self._pending is not None:
            self._cancel()
            self.save()

    def close(self) -> None:
        """Save any waiting typing, then close the widget."""
        self.flush()
        _LIVE.discard(self)
        super().close()

    def save(self, force: bool = False) -> None:
        """Save the control's value now, and say what happened.

        ``force`` replaces a newer answer saved elsewhere (the learner chose to keep theirs).
        """
        self._cancel()
        self._waiting = False
        self._draw()
        value = self.control.get()
        if value is None:
            return  # half-finished (for example one axis of two chosen): nothing to save yet
        try:
            answer = self.workbook.save(self.prompt.id, value, base=ANY if force else self.base)
        except SaveConflict as err:
            self._conflict(err.newer)
            return
        except WorkbookError as err:
            self._say(f"{err} Your answer is still on screen.", problem=True)
            return
        except OSError as err:
            self._say(f"Not saved: your workbook could not be written ({err}).", problem=True)
            return
        self.base = answer.saved_at
        _shown(self.choices, False)
        self._say(saved_words(answer.saved_at, earlier=False))
        if self.on_saved is not None:
            self.on_saved(self)

    def _conflict(self, newer: Answer) -> None:
        _shown(self.choices, True)
        self._say(
            f"Not saved: a newer answer to this question was saved on "
            f"{local_words(newer.saved_at)}, in another tab or window or by an import. "
            "We kept that one, so nothing is lost. Choose “Keep my answer instead” to save "
            "what is on screen here, or “Show the newer answer” to see it.",
            problem=True,
        )

    def _draw(self) -> None:
        if self.control.charted:
            self.chart.value = self.control.chart_html()

    def _say(self, message: str, problem: bool = False) -> None:
        lines = notice_lines(self.workbook)
        lines.append(("<strong>Problem:</strong> " if problem else "") + escape(message))
        self.status.value = (
            '<div class="course-status" role="status" aria-live="polite">'
            + "<br>".join(lines)
            + "</div>"
        )

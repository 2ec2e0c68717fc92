"""What every exercise kind's input control is: :class:`Control`, and how one is built.

Each kind's control lives in its folder (``exercises/kinds/<kind>/widget.py``) and is
named by the kind (:attr:`exercises.kinds.KindSpec.widget`); :func:`build_control` loads
it. A control only builds ipywidgets and reports changes: ``get()`` returns the value in
the shape :func:`exercises.kinds.check_value` expects, ``set()`` shows a saved value
without reporting a change (a value that does not fit is shown as no answer, never an
error), ``enter()`` puts a value in as the learner would (each change reported), and
``on_change()`` registers the single callback the exercise uses to save. The callback is
told whether the change is typing (text, which the exercise saves after a pause) or a
choice (saved at once). Every input has a visible label.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import ipywidgets as W
from traitlets import TraitError

from ..kinds import kind_of
from ..model import Prompt
from .parts import LABEL_STYLE


def stacked() -> W.Layout:
    """Label above the control, full width, so long labels wrap instead of being cut off."""
    return W.Layout(flex_flow="column", align_items="stretch", width="100%")


def radios(options: list[tuple[str, Any]], label: str, across: bool = False) -> W.RadioButtons:
    """Labelled radio buttons with nothing chosen (``across``: in a row)."""
    return W.RadioButtons(
        options=options,
        value=None,
        description=label,
        orientation="horizontal" if across else "vertical",
        layout=stacked(),
        style=LABEL_STYLE,
    )


class Control:
    """Base class: holds the widget, the change callback and a guard for ``set``."""

    widget: W.Widget

    empty_note = "Not answered yet. Your answer saves by itself as you go."
    """What the exercise says while there is no answer."""

    def __init__(self, prompt: Prompt) -> None:
        self.prompt = prompt
        self._callback: Callable[[bool], None] | None = None
        self._quiet = False

    @property
    def extras(self) -> list[W.Widget]:
        """Widgets the exercise shows under the control (a knowledge check's feedback)."""
        return []

    @property
    def charted(self) -> bool:
        """True when the exercise draws the answer as a chart (see :meth:`chart_html`)."""
        return False

    def chart_html(self) -> str:
        """The answer on screen as a chart with its words ("" when the kind draws none)."""
        return ""

    def on_change(self, callback: Callable[[bool], None]) -> None:
        """Call ``callback(typing)`` whenever the learner changes the answer.

        ``typing`` is True for a change made by typing in a text box.
        """
        self._callback = callback

    def _changed(self, _change: Any = None) -> None:
        if not self._quiet and self._callback is not None:
            self._callback(False)

    def _typed(self, _change: Any = None) -> None:
        if not self._quiet and self._callback is not None:
            self._callback(True)

    def set(self, value: Any) -> bool:
        """Show a saved value without reporting it as a change.

        Returns False (and shows no answer) when the value cannot be shown; never raises.
        """
        self._quiet = True
        try:
            try:
                self._show(value)
            except (TraitError, TypeError, ValueError, KeyError, AttributeError):
                self._show(None)
                return False
            return True
        finally:
            self._quiet = False

    def enter(self, value: Any) -> None:
        """Put ``value`` into the inputs as the learner would, each change reported (a
        value that fits the prompt; the kind's examples give some)."""
        self._show(value)

    def get(self) -> Any:  # pragma: no cover - every subclass defines it
        """The value as the learner has it now."""
        raise NotImplementedError

    def _show(self, value: Any) -> None:  # pragma: no cover
        raise NotImplementedError


def build_control(prompt: Prompt) -> Control:
    """The control for a prompt's kind (named by the kind: :attr:`KindSpec.widget`)."""
    module, name = kind_of(prompt).widget.split(":")
    control: Control = getattr(importlib.import_module(module), name)(prompt)
    return control

"""One input control per exercise kind, built from a prompt.

A control only builds ipywidgets and reports changes: ``get()`` returns the value in
the shape :func:`exercises.model.check_value` expects, ``set()`` shows a saved value
without reporting a change (a value that does not fit is shown as no answer, never an
error), and ``on_change()`` registers the single callback the exercise uses to save. The
callback is told whether the change is typing (text, which the exercise saves after a
pause) or a choice (saved at once). Every input has a visible label.
"""

from __future__ import annotations

import datetime as _dt
import importlib
from collections.abc import Callable
from typing import Any

import ipywidgets as W
from traitlets import TraitError

from ..kinds import kind_of
from ..model import Field, Prompt
from .parts import LABEL_STYLE


def _stacked() -> W.Layout:
    """Label above the control, full width, so long labels wrap instead of being cut off."""
    return W.Layout(flex_flow="column", align_items="stretch", width="100%")


class Control:
    """Base class: holds the widget, the change callback and a guard for ``set``."""

    widget: W.Widget

    def __init__(self, prompt: Prompt) -> None:
        self.prompt = prompt
        self._callback: Callable[[bool], None] | None = None
        self._quiet = False

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

    def get(self) -> Any:  # pragma: no cover - every subclass defines it
        """The value as the learner has it now."""
        raise NotImplementedError

    def _show(self, value: Any) -> None:  # pragma: no cover
        raise NotImplementedError


class TextControl(Control):
    """A free-text box."""

    def __init__(self, prompt: Prompt) -> None:
        super().__init__(prompt)
        self.box = W.Textarea(
            description="Your answer",
            placeholder="Type here. Your answer saves when you pause typing.",
            rows=6,
            continuous_update=True,
            layout=_stacked(),
            style=LABEL_STYLE,
        )
        self.box.observe(self._typed, "value")
        self.widget = self.box

    def get(self) -> str:
        return str(self.box.value)

    def _show(self, value: Any) -> None:
        self.box.value = value if isinstance(value, str) else ""


def _radios(options: list[tuple[str, Any]], label: str, across: bool = False) -> W.RadioButtons:
    return W.RadioButtons(
        options=options,
        value=None,
        description=label,
        orientation="horizontal" if across else "vertical",
        layout=_stacked(),
        style=LABEL_STYLE,
    )


class RatingControl(Control):
    """One rating on a labelled scale, or a grid of them (one row per item)."""

    def __init__(self, prompt: Prompt) -> None:
        super().__init__(prompt)
        options = [(f"{n} – {label}", n) for n, label in enumerate(prompt.scale, start=1)]
        if prompt.items:
            self.rows = {i.id: _radios(options, i.label, across=True) for i in prompt.items}
        else:
            self.rows = {"": _radios(options, "Your rating")}
        for radios in self.rows.values():
            radios.observe(self._changed, "value")
        self.widget = W.VBox(list(self.rows.values()))

    def get(self) -> Any:
        if not self.prompt.items:
            return self.rows[""].value
        return {k: r.value for k, r in self.rows.items() if r.value is not None}

    def _show(self, value: Any) -> None:
        if not self.prompt.items:
            self.rows[""].value = value if isinstance(value, int) else None
            return
        value = value if isinstance(value, dict) else {}
        for key, radios in self.rows.items():
            radios.value = value.get(key)


class ChoiceControl(Control):
    """Pick one option (also used by knowledge checks)."""

    def __init__(self, prompt: Prompt, label: str = "Your choice") -> None:
        super().__init__(prompt)
        self.radios = _radios([(o.label, o.id) for o in prompt.options], label)
        self.radios.observe(self._changed, "value")
        self.widget = self.radios

    def get(self) -> str | None:
        value = self.radios.value
        return None if value is None else str(value)

    def _show(self, value: Any) -> None:
        ids = [o.id for o in self.prompt.options]
        self.radios.value = value if value in ids else None


class ChecklistControl(Control):
    """Tick any number of options."""

    def __init__(self, prompt: Prompt) -> None:
        super().__init__(prompt)
        self.boxes = {
            o.id: W.Checkbox(
                value=False,
                description=o.label,
                indent=False,
                layout=W.Layout(width="100%"),
                style=LABEL_STYLE,
            )
            for o in prompt.options
        }
        for box in self.boxes.values():
            box.observe(self._changed, "value")
        self.widget = W.VBox(list(self.boxes.values()))

    def get(self) -> list[str]:
        return [key for key, box in self.boxes.items() if box.value]

    def _show(self, value: Any) -> None:
        chosen = set(value) if isinstance(value, list) else set()
        for key, box in self.boxes.items():
            box.value = key in chosen


class PositionControl(Control):
    """Place yourself on two labelled axes (the exercise draws the quadrant)."""

    def __init__(self, prompt: Prompt) -> None:
        super().__init__(prompt)
        self.axes = {}
        for key, axis in (("x", prompt.x), ("y", prompt.y)):
            if axis is None:
                raise ValueError(f"{prompt.id} has no {key} axis.")
            ends = {1: f" – {axis.low}", axis.steps: f" – {axis.high}"}
            options = [(f"{n}{ends.get(n, '')}", n) for n in range(1, axis.steps + 1)]
            self.axes[key] = _radios(options, axis.label, across=True)
            self.axes[key].observe(self._changed, "value")
        self.widget = W.VBox(list(self.axes.values()))

    def get(self) -> dict[str, int] | None:
        x, y = self.axes["x"].value, self.axes["y"].value
        return None if x is None or y is None else {"x": x, "y": y}

    def _show(self, value: Any) -> None:
        value = value if isinstance(value, dict) else {}
        for key, radios in self.axes.items():
            radios.value = value.get(key)


class _Row:
    """The inputs of one row of a list exercise."""

    def __init__(self, fields: tuple[Field, ...], number: int) -> None:
        self.inputs: dict[str, W.ValueWidget] = {}
        for f in fields:
            label = f"{f.label} (row {number})"
            if f.kind == "choice":
                widget = W.Dropdown(
                    options=[("Choose…", "")] + [(o, o) for o in f.options],
                    value="",
                    description=label,
                )
            elif f.kind == "date":
                widget = W.DatePicker(description=label)
            else:
                widget = W.Text(description=label, continuous_update=True)
            widget.layout = _stacked()
            widget.style = LABEL_STYLE
            self.inputs[f.id] = widget
        self.remove = W.Button(description=f"Remove row {number}")
        self.widget = W.VBox(
            [*self.inputs.values(), self.remove],
            layout=W.Layout(border="1px solid #768692", padding="0.5rem", margin="0 0 0.5rem 0"),
        )

    def get(self) -> dict[str, str]:
        out = {}
        for fid, widget in self.inputs.items():
            value = widget.value
            out[fid] = value.isoformat() if isinstance(value, _dt.date) else (value or "")
        return out

    def show(self, row: dict[str, str]) -> None:
        for fid, widget in self.inputs.items():
            cell = row.get(fid, "")
            if isinstance(widget, W.DatePicker):
                widget.value = _dt.date.fromisoformat(cell) if cell else None
            else:
                widget.value = cell


class ListControl(Control):
    """Rows of a few fields, with buttons to add and remove rows (also action plans)."""

    def __init__(self, prompt: Prompt) -> None:
        super().__init__(prompt)
        self.rows: list[_Row] = []
        self.add = W.Button(description=prompt.add_label)
        self.add.on_click(lambda _b: self.add_row())
        self.body = W.VBox()
        self.widget = W.VBox([self.body, self.add])
        self._rebuild([{}])

    def _rebuild(self, values: list[dict[str, str]]) -> None:
        self.rows = []
        for n, row_value in enumerate(values, start=1):
            row = _Row(self.prompt.columns, n)
            row.show(row_value)
            for widget in row.inputs.values():
                typing = isinstance(widget, W.Text)
                widget.observe(self._typed if typing else self._changed, "value")
            row.remove.on_click(lambda _b, i=n - 1: self.remove_row(i))
            self.rows.append(row)
        self.body.children = [r.widget for r in self.rows]

    def add_row(self) -> None:
        """Add an empty row at the end."""
        self._rebuild([r.get() for r in self.rows] + [{}])

    def remove_row(self, index: int) -> None:
        """Remove one row (the last row is emptied instead, so there is always one)."""
        values = [r.get() for r in self.rows]
        del values[index]
        self._rebuild(values or [{}])
        self._changed()

    def get(self) -> list[dict[str, str]]:
        return [r.get() for r in self.rows if any(r.get().values())]

    def _show(self, value: Any) -> None:
        rows: list[dict[str, str]] = (
            [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []
        )
        self._rebuild(rows or [{}])


class QuizControl(ChoiceControl):
    """Pick one option of a knowledge check."""

    def __init__(self, prompt: Prompt) -> None:
        super().__init__(prompt, "Your answer")


def build_control(prompt: Prompt) -> Control:
    """The control for a prompt's kind (named by the kind: :attr:`KindSpec.widget`)."""
    module, name = kind_of(prompt).widget.split(":")
    control: Control = getattr(importlib.import_module(module), name)(prompt)
    return control

"""The Jupyter control of the kinds answered in rows (list, actions): rows of a few
fields, with buttons to add and remove rows."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import ipywidgets as W

from ..model import Field, Prompt
from ..widgets.controls import Control, stacked
from ..widgets.parts import LABEL_STYLE


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
            widget.layout = stacked()
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

    def enter(self, value: Any) -> None:
        """Fill the rows one cell at a time, adding rows with the add button as needed."""
        rows = [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []
        for n, row in enumerate(rows):
            if n >= len(self.rows):
                self.add.click()
            self.rows[n].show(row)  # the inputs are observed now: each change is reported

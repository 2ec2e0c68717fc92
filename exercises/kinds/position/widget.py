"""The ``position`` kind's Jupyter control: a row of steps per axis, and the quadrant chart."""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as W

from ...charts import describe_position, quadrant_svg
from ...model import Prompt
from ...widgets.controls import Control, radios


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
            self.axes[key] = radios(options, axis.label, across=True)
            self.axes[key].observe(self._changed, "value")
        self.widget = W.VBox(list(self.axes.values()))

    @property
    def charted(self) -> bool:
        return True

    def chart_html(self) -> str:
        value = self.get()
        words = escape(describe_position(self.prompt, value))
        return quadrant_svg(self.prompt, value) + f'<p class="course-chart-text">{words}</p>'

    def get(self) -> dict[str, int] | None:
        x, y = self.axes["x"].value, self.axes["y"].value
        return None if x is None or y is None else {"x": x, "y": y}

    def _show(self, value: Any) -> None:
        value = value if isinstance(value, dict) else {}
        for key, row in self.axes.items():
            row.value = value.get(key)

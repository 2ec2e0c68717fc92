"""The ``rating`` kind's Jupyter control: one rating, or a grid of them with its chart."""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as W

from ...charts import describe_ratings, profile_svg
from ...model import Prompt
from ...widgets.controls import Control, radios


class RatingControl(Control):
    """One rating on a labelled scale, or a grid of them (one row per item)."""

    def __init__(self, prompt: Prompt) -> None:
        super().__init__(prompt)
        options = [(f"{n} – {label}", n) for n, label in enumerate(prompt.scale, start=1)]
        if prompt.items:
            self.rows = {i.id: radios(options, i.label, across=True) for i in prompt.items}
        else:
            self.rows = {"": radios(options, "Your rating")}
        for row in self.rows.values():
            row.observe(self._changed, "value")
        self.widget = W.VBox(list(self.rows.values()))

    @property
    def charted(self) -> bool:
        return bool(self.prompt.items)

    def chart_html(self) -> str:
        if not self.prompt.items:
            return ""
        value = self.get()
        words = escape(describe_ratings(self.prompt, value))
        return profile_svg(self.prompt, value) + f'<p class="course-chart-text">{words}</p>'

    def get(self) -> Any:
        if not self.prompt.items:
            return self.rows[""].value
        return {k: r.value for k, r in self.rows.items() if r.value is not None}

    def _show(self, value: Any) -> None:
        if not self.prompt.items:
            self.rows[""].value = value if isinstance(value, int) else None
            return
        value = value if isinstance(value, dict) else {}
        for key, row in self.rows.items():
            row.value = value.get(key)

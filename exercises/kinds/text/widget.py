"""The ``text`` kind's Jupyter control: a free-text box."""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from ...model import Prompt
from ...widgets.controls import Control, stacked
from ...widgets.parts import LABEL_STYLE


class TextControl(Control):
    """A free-text box."""

    def __init__(self, prompt: Prompt) -> None:
        super().__init__(prompt)
        self.box = W.Textarea(
            description="Your answer",
            placeholder="Type here. Your answer saves when you pause typing.",
            rows=6,
            continuous_update=True,
            layout=stacked(),
            style=LABEL_STYLE,
        )
        self.box.observe(self._typed, "value")
        self.widget = self.box

    def get(self) -> str:
        return str(self.box.value)

    def _show(self, value: Any) -> None:
        self.box.value = value if isinstance(value, str) else ""

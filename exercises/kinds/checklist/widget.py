"""The ``checklist`` kind's Jupyter control: a tick box per option."""

from __future__ import annotations

from typing import Any

import ipywidgets as W

from ...model import Prompt
from ...widgets.controls import Control
from ...widgets.parts import LABEL_STYLE


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

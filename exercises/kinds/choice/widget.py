"""The ``choice`` kind's Jupyter control: radio buttons, one option to pick."""

from __future__ import annotations

from typing import Any

from ...model import Prompt
from ...widgets.controls import Control, radios


class ChoiceControl(Control):
    """Pick one option (knowledge checks build on it)."""

    def __init__(self, prompt: Prompt, label: str = "Your choice") -> None:
        super().__init__(prompt)
        self.radios = radios([(o.label, o.id) for o in prompt.options], label)
        self.radios.observe(self._changed, "value")
        self.widget = self.radios

    def get(self) -> str | None:
        value = self.radios.value
        return None if value is None else str(value)

    def _show(self, value: Any) -> None:
        ids = [o.id for o in self.prompt.options]
        self.radios.value = value if value in ids else None

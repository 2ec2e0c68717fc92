"""The ``quiz`` kind's Jupyter control: pick one option, check it, read the feedback."""

from __future__ import annotations

from html import escape

import ipywidgets as W

from ...model import Prompt
from ...widgets.parts import live_only
from ..choice.widget import ChoiceControl
from . import answers_html, verdict


class QuizControl(ChoiceControl):
    """Pick one option of a knowledge check; "Check my answer" shows its feedback."""

    empty_note = "Not answered yet. Choose an answer, then check it."

    def __init__(self, prompt: Prompt) -> None:
        super().__init__(prompt, "Your answer")
        self.check_button = live_only(W.Button(description="Check my answer"))
        self.check_button.on_click(lambda _b: self.check())
        self.feedback = W.HTML()
        self.answers = W.HTML(answers_html(prompt))

    @property
    def extras(self) -> list[W.Widget]:
        return [self.check_button, self.feedback, self.answers]

    def check(self) -> None:
        """Show the verdict and feedback for the chosen option."""
        option = self.prompt.option(self.get() or "")
        if option is None:
            self.feedback.value = "<p>Choose an answer first, then check it.</p>"
            return
        self.feedback.value = (
            f'<p class="course-feedback" role="status"><strong>{verdict(option.correct)}.'
            f"</strong> {escape(option.feedback)}</p>"
        )

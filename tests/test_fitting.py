"""Answers to an earlier version of a question (exercises/fitting.py)."""

from __future__ import annotations

from exercises.fitting import Earlier, fit_value, is_answered
from exercises.model import Prompt


def test_is_answered_counts_only_answers_that_fit_now() -> None:
    """Text, ticks and rows count; blanks and answers to an earlier version do not."""
    rows = Prompt(id="m.rows", kind="actions", title="Rows", question="Q?", module="m")
    earlier = fit_value(rows, "A sentence saved when the question took free text")
    assert isinstance(earlier, Earlier)
    assert not is_answered(earlier)
    assert not is_answered(None) and not is_answered("  ") and not is_answered([])
    assert is_answered("A falls clinic") and is_answered(["a"]) and is_answered(3)
    assert is_answered(fit_value(rows, [{"what": "Call the board", "who": "", "when": ""}]))

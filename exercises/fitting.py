"""Answers given to an earlier version of a question: kept, shown, never an error.

A course update can change a question (a new scale, a different option list, another
kind). An answer saved before the change may no longer fit. Such an answer stays in the
workbook file exactly as it was; everything that shows answers passes them through
:func:`fit_answers` (or :func:`fit_value` for one), the one place the catalogue's rules
decide what fits. A value that fits comes back in the shape the rules give it; one that
does not comes back wrapped in :class:`Earlier`, which every view shows as "given to an
earlier version of this question" with the old value in words (:func:`readable`).

Pure functions: no files, no widgets (the website's own script runs this module too).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .kinds import check_value
from .model import Answer, AnswerError, Prompt, is_empty

EARLIER = "Given to an earlier version of this question"
"""How an answer that no longer fits its question is introduced, wherever it is shown."""

EARLIER_NOTE = (
    "The question has changed since, so this answer is kept as it was and not filled in. "
    "Answer the question again to replace it."
)
"""What the learner can do about an answer to an earlier version of a question."""

MAX_READABLE = 5_000
"""Longest readable text made from one old value, in characters."""


@dataclass(frozen=True)
class Earlier:
    """A saved value that does not fit its question any more, with the reason why."""

    value: Any
    reason: str = ""

    @property
    def text(self) -> str:
        """The old value in words."""
        return readable(self.value)


def fit_value(prompt: Prompt, value: Any) -> Any:
    """``value`` as the prompt's rules give it, or :class:`Earlier` when it no longer fits.

    ``None`` (no answer) stays ``None``. Never raises.
    """
    if value is None or isinstance(value, Earlier):
        return value
    try:
        return check_value(prompt, value)
    except (AnswerError, TypeError, ValueError, KeyError, IndexError, RecursionError) as err:
        return Earlier(value, str(err))


def is_answered(value: Any) -> bool:
    """True for a fitted value that answers its question now: not empty, and not an answer
    to an earlier version (which the learner is asked to give again)."""
    return not is_empty(value) and not isinstance(value, Earlier)


def fit_answers(prompts: Mapping[str, Prompt], answers: Mapping[str, Answer]) -> dict[str, Answer]:
    """Every answer as it can be shown now, against the course's prompts (``catalogue.prompts``).

    Answers that fit keep their prompt's shape; answers that do not carry an
    :class:`Earlier` value; answers to prompts this copy of the course does not have are
    passed on unchanged (views look answers up by prompt, so they are simply not shown).
    """
    out: dict[str, Answer] = {}
    for pid, answer in answers.items():
        prompt = prompts.get(pid)
        if prompt is None:
            out[pid] = answer
            continue
        value = fit_value(prompt, answer.value)
        out[pid] = answer if value is answer.value else Answer(pid, value, answer.saved_at)
    return out


def _words(value: Any, depth: int) -> str:
    if depth > 6:
        return "…"
    if value is None:
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str):
        return value.strip() or "(empty)"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, Mapping):
        parts = [f"{_words(k, depth + 1)}: {_words(v, depth + 1)}" for k, v in value.items()]
        return ", ".join(parts) or "(empty)"
    if isinstance(value, (list, tuple)):
        sep = "; " if any(isinstance(v, (Mapping, list, tuple)) for v in value) else ", "
        return sep.join(_words(v, depth + 1) for v in value) or "(empty)"
    return str(value)


def readable(value: Any) -> str:
    """Any saved value in plain words (text as it is, rows as 'field: text, …; …')."""
    try:
        text = _words(value, 0)
    except (RecursionError, ValueError):
        text = "(an answer too complicated to show)"
    return text if len(text) <= MAX_READABLE else text[: MAX_READABLE - 1] + "…"

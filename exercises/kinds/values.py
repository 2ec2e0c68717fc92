"""The value rules several kinds share: a whole number in a range, and text."""

from __future__ import annotations

from typing import Any

from ..model import MAX_TEXT, AnswerError


def int_in(value: Any, top: int, what: str) -> int:
    """``value`` if it is a whole number from 1 to ``top``, else AnswerError."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= top:
        raise AnswerError(f"{what} must be a whole number from 1 to {top}, not {value!r}.")
    return value


def text_in(value: Any, what: str) -> str:
    """``value`` if it is text of at most :data:`~exercises.model.MAX_TEXT` characters,
    else AnswerError."""
    if not isinstance(value, str):
        raise AnswerError(f"{what} must be text, not {type(value).__name__}.")
    if len(value) > MAX_TEXT:
        raise AnswerError(f"{what} is longer than {MAX_TEXT:,} characters.")
    return value

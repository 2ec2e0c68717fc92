"""The shapes of prompts and answers: what counts as no answer, options, columns."""

from __future__ import annotations

import pytest

from exercises.model import Axis, Field, Option, Prompt, is_empty


def prompt(kind: str, **extra) -> Prompt:
    return Prompt(id=f"m.{kind}", kind=kind, title="T", question="Q?", module="m", **extra)


OPTIONS = (Option("a", "A"), Option("b", "B", correct=True), Option("c", "C"))
QUIZ = prompt("quiz", options=OPTIONS)
LIST = prompt(
    "list",
    fields=(Field("name", "Name"), Field("role", "Role", "choice", ("broker", "energiser"))),
)
ACTIONS = prompt("actions")


@pytest.mark.parametrize(
    ("value", "empty"),
    [(None, True), ("  ", True), ([], True), ({}, True), ("x", False), (0, False), ([1], False)],
)
def test_is_empty(value, empty: bool) -> None:
    """Blank text, nothing ticked and no rows count as unanswered; anything else does not."""
    assert is_empty(value) is empty


def test_prompt_option_lookup_and_action_columns() -> None:
    """Options are found by id; action plans always have what, who and when."""
    assert QUIZ.option("b").correct is True
    assert QUIZ.option("zz") is None
    assert [f.id for f in ACTIONS.columns] == ["what", "who", "when"]
    assert [f.id for f in LIST.columns] == ["name", "role"]


def test_an_axis_middle_is_a_half_step_when_the_steps_are_even() -> None:
    assert Axis("X", "lo", "hi", 5).middle == 3 and Axis("X", "lo", "hi", 4).middle == 2.5

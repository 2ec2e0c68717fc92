"""Answer values are accepted or refused by the rules of their prompt's kind."""

from __future__ import annotations

import pytest

from exercises.kinds import check_value
from exercises.model import (
    MAX_ROWS,
    MAX_TEXT,
    AnswerError,
    Axis,
    Field,
    Item,
    Option,
    Prompt,
    is_empty,
)


def prompt(kind: str, **extra) -> Prompt:
    return Prompt(id=f"m.{kind}", kind=kind, title="T", question="Q?", module="m", **extra)


SCALE = ("Low", "Mid", "High")
OPTIONS = (Option("a", "A"), Option("b", "B", correct=True), Option("c", "C"))
TEXT = prompt("text")
RATING = prompt("rating", scale=SCALE)
GRID = prompt("rating", scale=SCALE, items=(Item("one", "One"), Item("two", "Two")))
CHOICE = prompt("choice", options=OPTIONS)
CHECKLIST = prompt("checklist", options=OPTIONS)
QUIZ = prompt("quiz", options=OPTIONS)
POSITION = prompt("position", x=Axis("X", "lo", "hi", 5), y=Axis("Y", "lo", "hi", 3))
LIST = prompt(
    "list",
    fields=(Field("name", "Name"), Field("role", "Role", "choice", ("broker", "energiser"))),
)
ACTIONS = prompt("actions")

GOOD = [
    (TEXT, "Some words", "Some words"),
    (TEXT, "", ""),
    (RATING, 3, 3),
    (GRID, {"two": 1, "one": 3}, {"one": 3, "two": 1}),
    (GRID, {"one": 2}, {"one": 2}),
    (CHOICE, "c", "c"),
    (CHECKLIST, ["c", "a"], ["a", "c"]),
    (CHECKLIST, [], []),
    (QUIZ, "a", "a"),
    (POSITION, {"x": 5, "y": 1}, {"x": 5, "y": 1}),
    (LIST, [{"name": "Asha", "role": "broker"}], [{"name": "Asha", "role": "broker"}]),
    (LIST, [{"name": "Asha"}], [{"name": "Asha", "role": ""}]),
    (
        ACTIONS,
        [{"what": "Call the ward", "who": "Me", "when": "2026-12-01"}],
        [{"what": "Call the ward", "who": "Me", "when": "2026-12-01"}],
    ),
]


@pytest.mark.parametrize(("p", "value", "expected"), GOOD)
def test_good_values_are_accepted_and_normalised(p: Prompt, value, expected) -> None:
    """A value that fits is returned in the canonical order and shape."""
    assert check_value(p, value) == expected


BAD = [
    (TEXT, 5, "must be text"),
    (TEXT, "x" * (MAX_TEXT + 1), "longer than"),
    (RATING, 0, "from 1 to 3"),
    (RATING, 4, "from 1 to 3"),
    (RATING, True, "whole number"),
    (RATING, "2", "whole number"),
    (GRID, {"three": 1}, "not a row"),
    (GRID, {"one": 9}, "from 1 to 3"),
    (GRID, 2, "map each row"),
    (CHOICE, "z", "not one of"),
    (CHOICE, None, "not one of"),
    (CHECKLIST, ["a", "z"], "not one of"),
    (CHECKLIST, "a", "list of option ids"),
    (QUIZ, 1, "not one of"),
    (POSITION, {"x": 6, "y": 1}, "from 1 to 5"),
    (POSITION, {"x": 1, "y": 4}, "from 1 to 3"),
    (POSITION, {"x": 1}, 'exactly an "x" and a "y"'),
    (LIST, {"name": "x"}, "list of rows"),
    (LIST, [{"name": "x", "age": "3"}], "only hold the fields"),
    (LIST, [{"role": "boss"}], "not one of the choices"),
    (LIST, [{"name": 3}], "must be text"),
    (LIST, [{"name": "x"}] * (MAX_ROWS + 1), "at most"),
    (ACTIONS, [{"when": "next Tuesday"}], "not a date"),
]


@pytest.mark.parametrize(("p", "value", "message"), BAD)
def test_bad_values_are_refused_with_a_plain_message(p: Prompt, value, message: str) -> None:
    """A value that does not fit raises AnswerError saying what is wrong."""
    with pytest.raises(AnswerError, match=message):
        check_value(p, value)


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

"""The ``choice`` kind: one option, counted per option."""

from __future__ import annotations

import pytest

from exercises.kinds import Counted, kind_of
from tests.kinds.helpers import CHOICE, accepts, refuses


def test_an_option_id_fits() -> None:
    accepts(CHOICE, "c", "c")


@pytest.mark.parametrize("value", ["z", None, 1, ["a"]])
def test_anything_else_is_not_one_of_the_options(value: object) -> None:
    refuses(CHOICE, value, "not one of")


def test_choices_are_counted_in_one_row_and_shown_by_label() -> None:
    spec = kind_of(CHOICE)
    treatment = spec.cohort
    assert isinstance(treatment, Counted) and treatment.grid is None
    assert treatment.count(CHOICE, ["a", "c", "a"]) == {("", "a"): 2, ("", "c"): 1}
    assert treatment.layout(CHOICE).columns == {"a": "A", "b": "B", "c": "C"}
    assert [b.text for b in spec.blocks(CHOICE, "b")] == ["B"]

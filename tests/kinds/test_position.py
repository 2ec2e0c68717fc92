"""The ``position`` kind: a place on two axes, counted by quadrant and drawn as a grid."""

from __future__ import annotations

import pytest

from exercises.kinds import Counted, kind_of
from exercises.kinds.position import MIDDLE, quadrant
from tests.kinds.helpers import EVEN, POSITION, accepts, refuses


def test_a_place_on_both_axes_fits() -> None:
    accepts(POSITION, {"x": 5, "y": 1}, {"x": 5, "y": 1})


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"x": 6, "y": 1}, "from 1 to 5"),
        ({"x": 1, "y": 4}, "from 1 to 3"),
        ({"x": 1}, 'exactly an "x" and a "y"'),
        ({"x": 1, "y": 1, "z": 1}, 'exactly an "x" and a "y"'),
    ],
)
def test_bad_places_are_refused_in_words(value, message: str) -> None:
    refuses(POSITION, value, message)


def test_places_are_counted_by_quadrant_or_middle_line() -> None:
    assert quadrant(POSITION, {"x": 1, "y": 1}) == "low-low"
    assert quadrant(POSITION, {"x": 5, "y": 3}) == "high-high"
    assert quadrant(POSITION, {"x": 3, "y": 3}) == MIDDLE  # x's middle step of five
    assert quadrant(EVEN, {"x": 3, "y": 2}) == "high-low"  # four steps: no middle step
    treatment = kind_of(POSITION).cohort
    assert isinstance(treatment, Counted) and treatment.grid is not None
    counts = treatment.count(POSITION, [{"x": 1, "y": 1}, {"x": 1, "y": 1}, {"x": 4, "y": 3}])
    assert counts == {("", "low-low"): 2, ("", "high-high"): 1}


def test_the_grid_puts_high_y_at_the_top_and_knows_the_middle_line() -> None:
    treatment = kind_of(POSITION).cohort
    assert isinstance(treatment, Counted) and treatment.grid is not None
    grid = treatment.grid(POSITION)
    assert grid.across == ("X: lo", "X: hi") and grid.down == ("Y: hi", "Y: lo")
    assert grid.cells == (("low-high", "high-high"), ("low-low", "high-low"))
    assert grid.outside == MIDDLE
    assert treatment.grid(EVEN).outside is None
    assert set(treatment.layout(EVEN).columns) == {"low-low", "high-low", "low-high", "high-high"}

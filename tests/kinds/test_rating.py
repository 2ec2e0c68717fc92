"""The ``rating`` kind: one point on a scale, or a grid of them; counted per point."""

from __future__ import annotations

import random

import pytest

from exercises.kinds import Counted, kind_of
from tests.kinds.helpers import GRID, RATING, accepts, refuses


@pytest.mark.parametrize(
    ("p", "value", "expected"),
    [
        (RATING, 3, 3),
        (GRID, {"two": 1, "one": 3}, {"one": 3, "two": 1}),
        (GRID, {"one": 2}, {"one": 2}),
    ],
)
def test_good_ratings_are_accepted_in_the_grids_order(p, value, expected) -> None:
    accepts(p, value, expected)


@pytest.mark.parametrize(
    ("p", "value", "message"),
    [
        (RATING, 0, "from 1 to 3"),
        (RATING, 4, "from 1 to 3"),
        (RATING, True, "whole number"),
        (RATING, "2", "whole number"),
        (GRID, {"three": 1}, "not a row"),
        (GRID, {"one": 9}, "from 1 to 3"),
        (GRID, 2, "map each row"),
    ],
)
def test_bad_ratings_are_refused_in_words(p, value, message: str) -> None:
    refuses(p, value, message)


def test_counts_are_per_point_and_per_row() -> None:
    treatment = kind_of(GRID).cohort
    assert isinstance(treatment, Counted)
    counts = treatment.count(GRID, [{"one": 3, "two": 1}, {"one": 3}])
    assert counts == {("one", 3): 2, ("two", 1): 1}
    layout = treatment.layout(GRID)
    assert layout.rows == {"one": "One", "two": "Two"} and layout.corner == "Area"
    assert layout.columns == {1: "1 – Low", 2: "2 – Mid", 3: "3 – High"}
    single = treatment.count(RATING, [2, 2, 3])
    assert single == {("", 2): 2, ("", 3): 1} and treatment.layout(RATING).corner == "Who"


def test_rehearsal_ratings_stay_on_the_scale() -> None:
    spec, rng = kind_of(GRID), random.Random(3)
    taste = spec.rehearsal_taste(GRID, rng)
    made = [spec.rehearsal(GRID, taste, tilt, rng) for tilt in (-3.0, 0.0, 3.0) * 20]
    assert all(spec.check(GRID, value) == value for value in made)
    assert {v for value in made for v in value.values()} == {1, 2, 3}

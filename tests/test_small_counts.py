"""The small-count rule: its default and the thresholds a facilitator may choose."""

from __future__ import annotations

import pytest

from exercises.small_counts import DEFAULT_MIN_COUNT, MIN_COUNT_RANGE, check_min_count


def test_the_threshold_is_checked() -> None:
    """The minimum count is a whole number from 2 to 100; the default is 3."""
    assert DEFAULT_MIN_COUNT == 3 and check_min_count(5) == 5
    for bad in (1, 0, 101, 2.5, "3", True):
        with pytest.raises(ValueError, match="from 2 to 100"):
            check_min_count(bad)


def test_the_default_is_inside_the_allowed_range() -> None:
    """The default threshold is one a facilitator could also choose."""
    low, high = MIN_COUNT_RANGE
    assert low <= DEFAULT_MIN_COUNT <= high and low >= 2

"""The small-count rule: how small a count must be before the cohort summary hides it.

Kept apart from the pandas code so the command line can check ``--min-count`` (and
answer ``--help``) without loading pandas.
"""

from __future__ import annotations

from typing import Any

DEFAULT_MIN_COUNT = 3
"""Counts from 1 to ``min_count - 1`` are hidden. Three is the smallest threshold at which
every count shown, and every group of hidden cells, covers at least three people: a count
of 1 points at one person, and a count of 2 tells each of the two that exactly one other
person answered as they did, which in a group of 6 to 40 colleagues is often enough to
guess who. A higher threshold (5 is common in staff surveys, which report on whole teams)
would hide most of a small cohort's figures; raise it for a large or sensitive group."""

MIN_COUNT_RANGE = (2, 100)
"""The thresholds a facilitator may choose (2 hides single people; 1 would hide nothing)."""


def check_min_count(value: Any) -> int:
    """The threshold as an int, or a ValueError in plain words."""
    low, high = MIN_COUNT_RANGE
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError(f"The minimum count must be a whole number from {low} to {high}.")
    return value

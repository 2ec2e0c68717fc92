"""The small-count rule (its default and the thresholds a facilitator may choose) and the
hiding of small counts."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from exercises.cohort.suppression import (
    DEFAULT_MIN_COUNT,
    MIN_COUNT_RANGE,
    check_min_count,
    suppress,
)


def shown(row: pd.Series) -> list:
    """A row of counts as a list, with None where a count is hidden."""
    return [None if pd.isna(v) else int(v) for v in row]


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


def test_suppress_hides_small_counts_and_enough_others() -> None:
    """1 and 2 are hidden at 3, then the smallest other count until the hidden sum is 3+."""
    raw = pd.DataFrame(
        [[1, 0, 9, 4], [0, 5, 5, 0], [2, 2, 0, 6], [1, 1, 0, 0], [0, 0, 0, 0]],
        index=list("abcde"),
        columns=list("wxyz"),
    )
    counts, totals = suppress(raw, 3)
    assert shown(counts.loc["a"]) == [None, 0, 9, None]  # 1 alone could be worked out
    assert shown(counts.loc["b"]) == [0, 5, 5, 0]
    assert shown(counts.loc["c"]) == [None, None, 0, 6]  # 2 + 2 = 4 is enough
    assert counts.loc["d"].isna().all() and pd.isna(totals["d"])  # only 2 people
    assert shown(counts.loc["e"]) == [0, 0, 0, 0] and totals["e"] == 0
    assert totals[["a", "b", "c"]].tolist() == [14, 10, 10]


def test_suppressed_rows_can_never_be_worked_back() -> None:
    """Random rows: shown counts are 0 or at least K; hidden cells sum to at least K."""
    rng = random.Random(7)
    for k in (2, 3, 5):
        raw = pd.DataFrame([[rng.choice([0, 1, 2, 3, 4, 8]) for _ in range(5)] for _ in range(300)])
        counts, totals = suppress(raw, k)
        for i in range(len(raw)):
            shown = counts.iloc[i]
            assert all(v == 0 or v >= k for v in shown.dropna())
            hidden_sum = raw.iloc[i][shown.isna()].sum()
            if pd.notna(totals.iloc[i]) and shown.isna().any():
                assert hidden_sum >= k

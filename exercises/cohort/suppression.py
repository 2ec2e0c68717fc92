"""Small-count suppression: how small a count must be before the cohort summary hides it,
and the hiding itself (:func:`suppress`).

pandas and numpy are loaded only when :func:`suppress` runs, so the command line can check
``--min-count`` (and answer ``--help``) without loading them.

Which figures the rule protects, and why:

* **Protected: what people answered.** Counts of ratings, choices, ticks, positions and
  knowledge-check answers say what a person thinks, or what they got wrong; a small count
  can tell a colleague how one person answered. Counts from 1 to ``min_count - 1`` are
  hidden (and more where needed, so none can be worked out from a row's total). Written
  answers are listed only for a question that at least ``min_count`` people shared an
  answer to, so each one stands among several.
* **Not protected: how far people have got, and files set aside.** How many people have
  answered every question of a module, some or none, says nothing about what anyone
  thinks, and the facilitator sees who comes to each session anyway. A group of 6 to 12
  spreads out across the modules, so hiding these counts would hide most of the table the
  facilitator plans the next session from. Files set aside are counted by reason, and
  their names stay in ``rejected.csv``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

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


def suppress(counts: pd.DataFrame, min_count: int) -> tuple[pd.DataFrame, pd.Series]:
    """Hide small counts, row by row, and return (counts, row totals) with ``<NA>`` where hidden.

    Each row is one group of people (for example everyone who rated one principle), and
    its total is shown. So that no hidden count can be worked out by subtracting the
    others from the total, hiding goes on until the hidden cells of a row add up to at
    least ``min_count``: first every count from 1 to ``min_count - 1``, then the smallest
    other non-zero counts. A row answered by fewer than ``min_count`` people is hidden
    whole, total included. Zeros stay visible unless the whole row is hidden.
    """
    import numpy as np
    import pandas as pd

    values = counts.to_numpy(dtype="int64")
    shown = counts.astype("Int64")
    totals = pd.Series(values.sum(axis=1), index=counts.index, dtype="Int64")
    for i, row in enumerate(values):
        total = row.sum()
        if 0 < total < min_count:
            shown.iloc[i, :] = pd.NA
            totals.iloc[i] = pd.NA
            continue
        hidden = (row > 0) & (row < min_count)
        while 0 < row[hidden].sum() < min_count:
            left = np.flatnonzero(~hidden & (row > 0))
            hidden[left[np.argmin(row[left])]] = True
        if hidden.any():
            shown.iloc[i, np.flatnonzero(hidden)] = pd.NA
    return shown, totals

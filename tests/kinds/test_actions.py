"""The ``actions`` kind: an action plan with fixed columns (what, who, by when)."""

from __future__ import annotations

import datetime as dt
import random

from exercises.kinds import kind_of
from exercises.kinds.samples import REHEARSAL_START
from tests.kinds.helpers import ACTIONS


def test_the_columns_are_fixed() -> None:
    assert [f.id for f in ACTIONS.columns] == ["what", "who", "when"]
    assert [f.kind for f in ACTIONS.columns] == ["text", "text", "date"]


def test_rehearsal_actions_fit_and_fall_after_the_rehearsal_starts() -> None:
    spec, rng = kind_of(ACTIONS), random.Random(1)
    for _ in range(30):
        rows = spec.rehearsal(ACTIONS, None, 0.0, rng)
        assert spec.check(ACTIONS, rows) == rows and 1 <= len(rows) <= 3
        assert all(dt.date.fromisoformat(r["when"]) > REHEARSAL_START.date() for r in rows)

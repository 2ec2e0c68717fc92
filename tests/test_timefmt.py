"""Times: one clock for the whole package, and one way to write a time."""

from __future__ import annotations

import datetime as dt
import re

from exercises.timefmt import local_now, now_utc, parse_time, stamp
from tests.conftest import REPO

CLOCK_CALLS = re.compile(r"\b(?:datetime\.now|date\.today|datetime\.utcnow|time\.time)\(")


def test_the_package_has_one_clock() -> None:
    """Only exercises/timefmt.py reads the computer's clock; everything else asks it."""
    readers = sorted(
        p.relative_to(REPO).as_posix()
        for p in (REPO / "exercises").rglob("*.py")
        if CLOCK_CALLS.search(p.read_text(encoding="utf-8"))
    )
    assert readers == ["exercises/timefmt.py"]
    assert CLOCK_CALLS.search("x = _dt.date.today()") and not CLOCK_CALLS.search("stamp()")


def test_a_stamp_is_iso_8601_with_microseconds_and_its_zone() -> None:
    moment = dt.datetime(2026, 11, 26, 14, 32, 5, 123456, tzinfo=dt.UTC)
    assert stamp(moment) == "2026-11-26T14:32:05.123456+00:00"
    assert parse_time(stamp()) <= now_utc()
    assert local_now().utcoffset() is not None

"""Times in the course's files: one rule for reading them and one way to show them.

Every time the course writes (an answer's ``saved_at``, a share file's ``made_at``) is
ISO 8601 with a time zone, for example ``2026-11-26T14:32:05.123456+00:00``; the
website's script writes ``2026-11-26T14:32:05.123Z``, which reads the same. A time
without a zone cannot be placed on the clock (it could be any of 24 hours), so it is not
a valid time anywhere: :func:`parse_time` refuses it, in the workbook, in imports and
in share files alike.

The rule is written once, as :data:`TIME_PATTERN` (the form) plus the calendar (a real
day from year 1 to 9999), and the website's script reads the same pattern from the site
data (``exercises/site.py``), so the browser and Python accept exactly the same times
(``tests/test_site.py`` runs both on thousands of generated times).

Pure functions: no files, no widgets.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

MAX_TIME_CHARS = 64
"""Longest text read as a time (longer text is refused before it is parsed)."""


_CLOCK = (
    r"^([0-9]{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    r"T([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9])(?:\.([0-9]+))?"
)
TIME_PATTERN = _CLOCK + r"(Z|([+-])([01][0-9]|2[0-3]):([0-5][0-9]))$"
"""The form of every time in the course's files, as a regular expression that Python and
JavaScript read alike: RFC 3339 with an upper-case ``T`` and ``Z``, seconds, an optional
fraction (digits past microseconds are dropped) and a zone (``Z`` or ``+hh:mm``). Beyond
the form, the day must exist and the year must not be 0000. So ``2026-02-30T10:00:00Z``,
``0000-01-01T00:00:00Z``, ``2026-11-26T24:00:00Z``, ``2026-11-26 14:32:05Z`` and
``20261126T143205Z`` are all refused."""

_TIME_TEXT = re.compile(TIME_PATTERN)
_NO_ZONE = re.compile(_CLOCK + "$")


class NoZoneError(ValueError):
    """A time that has no time zone."""


def now_utc() -> _dt.datetime:
    """The current time, in UTC: the course's one clock."""
    return _dt.datetime.now(_dt.UTC)


def local_now() -> _dt.datetime:
    """The current time on this computer's clock and in its time zone (from :func:`now_utc`),
    for what people read: today's date, a file name's time."""
    return now_utc().astimezone()


def stamp(moment: _dt.datetime | None = None) -> str:
    """A time as the course writes it: ISO 8601 with microseconds and its zone, for
    example ``2026-11-26T14:32:05.123456+00:00`` (now, by :func:`now_utc`, if not given)."""
    return (moment or now_utc()).isoformat(timespec="microseconds")


def parse_time(value: Any) -> _dt.datetime:
    """Read an ISO 8601 time that carries a time zone; raise ValueError if it is not one."""
    if not isinstance(value, str) or len(value) > MAX_TIME_CHARS:
        raise ValueError("a time must be short text")
    if not _TIME_TEXT.fullmatch(value):
        if _NO_ZONE.fullmatch(value):
            raise NoZoneError("a time must carry a time zone")
        raise ValueError("a time must be written like 2026-11-26T14:32:05Z")
    return _dt.datetime.fromisoformat(value)  # ValueError for a day that does not exist


def is_time(value: Any) -> bool:
    """True when ``value`` is a time :func:`parse_time` reads."""
    try:
        parse_time(value)
    except ValueError:
        return False
    return True


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
"""The months as a saved time's words give them ('26 Nov 2026 at 14:32'), in any locale
(the website's script takes the same list)."""


def local_words(value: str, seconds: bool = False) -> str:
    """A saved time in the learner's local time: '26 Nov 2026 at 14:32'.

    Text that is not a valid time is shown as it is (it is never an error to show one).
    """
    try:
        moment = parse_time(value).astimezone()
    except (ValueError, OverflowError):
        return f"an unknown time ({str(value)[:MAX_TIME_CHARS]})"
    clock = f"{moment:%H:%M:%S}" if seconds else f"{moment:%H:%M}"
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year} at {clock}"


def local_clock(value: str) -> str:
    """A saved time's clock in local time, with seconds: '14:32:05'."""
    try:
        return f"{parse_time(value).astimezone():%H:%M:%S}"
    except (ValueError, OverflowError):
        return str(value)[:MAX_TIME_CHARS]


def day_words(day: _dt.date) -> str:
    """A day in words, the course's one date format: '26 November 2026'."""
    return f"{day.day} {day:%B %Y}"


def today_words() -> str:
    """Today's date in words, for the top of a document: '26 November 2026'."""
    return day_words(local_now().date())


def local_day(value: str) -> str:
    """A saved time's day in local time: '26 November 2026'."""
    try:
        moment = parse_time(value).astimezone()
    except (ValueError, OverflowError):
        return str(value)[:MAX_TIME_CHARS]
    return day_words(moment)

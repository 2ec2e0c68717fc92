"""One reader for the course's versioned JSON files (the workbook and the share file).

Each file is a JSON object with a ``format`` marker and a whole-number ``version``.
:func:`read_versioned` turns bytes into that object or raises :class:`VersionedFileError`
saying why not, with one rule for every way bytes can fail: bad UTF-8, bad JSON, numbers
JSON does not allow (``NaN``, ``Infinity``) or too large to read, nesting too deep, not an
object, the wrong marker, a version that is not a whole number from 1, or a version newer
than this code reads. Each file's module words the reason for its readers and adds its
own checks.

The website's script reads JSON by the same rules (``book/_scripts/json.js``, with
:data:`JSON_RULES` in the site data), so a file means the same in both:

* one leading UTF-8 byte-order mark is allowed (Windows Notepad writes one);
* a number is read by its value, as JavaScript reads it: one with no fractional part is a
  whole number however it is written (``4``, ``4.0`` and ``4e0`` are all the rating 4,
  and ``"version": 1.0`` is version 1); whole numbers larger than
  :data:`EXACT_INTEGERS` become the nearest 64-bit float, and a number beyond a float's
  range is refused (RFC 8259 section 6);
* arrays and objects may nest at most :data:`MAX_DEPTH` deep.

Pure functions: no files, no widgets.
"""

from __future__ import annotations

import json
import math
from typing import Any, Literal

WORKBOOK_FORMAT = "spread-course-workbook"
"""The ``format`` marker of a learner's workbook (:mod:`exercises.workbook`)."""

SHARE_FORMAT = "spread-course-share"
"""The ``format`` marker of a share file (:mod:`exercises.cohort.share_file`)."""

Problem = Literal["damaged", "other", "version", "newer"]
"""Why bytes are not a usable file: damaged (not text, not JSON, too deep or too large);
another kind of document (its marker is in :attr:`VersionedFileError.marker`); a version
that is not a version; or a version newer than this code reads."""


class VersionedFileError(ValueError):
    """Bytes that are not a usable versioned file. The message is the reason in plain words,
    starting in lower case with "it" (so it reads after "because" and as a sentence)."""

    def __init__(
        self, message: str, problem: Problem, version: int = 0, marker: Any = None
    ) -> None:
        super().__init__(message)
        self.problem: Problem = problem
        self.version = version
        """The file's version, for a ``"newer"`` problem."""
        self.marker = marker
        """The file's ``format`` marker, for an ``"other"`` problem (None if it has none)."""


MAX_DEPTH = 64
"""Deepest nesting of arrays and objects a file may have (a workbook needs 5)."""

EXACT_INTEGERS = 2**53
"""Whole numbers up to this size (either sign) are kept exactly, as in JavaScript."""

JSON_RULES = {"maxDepth": MAX_DEPTH, "exactIntegers": EXACT_INTEGERS}
"""The rules above, for the website's script (``exercises/site.py``)."""


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _whole(text: str) -> int:
    number = int(text)  # ValueError past Python's 4,300 digits
    if abs(number) > EXACT_INTEGERS:
        try:
            number = int(float(number))
        except OverflowError:
            raise ValueError(f"{text[:20]}... is too large") from None
    return number


def _real(text: str) -> int | float:
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(f"{text[:20]} is too large")
    return int(number) if number.is_integer() else number


def depth(doc: Any) -> int:
    """How deep arrays and objects nest in ``doc`` (0 for a lone number or text), counted
    only as far as one past :data:`MAX_DEPTH`."""
    deepest, stack = 0, [(doc, 1)]
    while stack and deepest <= MAX_DEPTH:
        value, level = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in children)
    return deepest


def loads(text: str) -> Any:
    """JSON text read by the course's rules for numbers (see the module's docstring); a
    ValueError (or RecursionError) when it is not JSON or holds a number it refuses. The
    nesting limit is checked by :func:`read_versioned`."""
    return json.loads(text, parse_constant=_no_constant, parse_int=_whole, parse_float=_real)


def read_versioned(data: bytes, marker: str, newest: int, what: str) -> dict[str, Any]:
    """The JSON object in ``data`` if it carries ``marker`` and a version from 1 to
    ``newest``; otherwise raise :class:`VersionedFileError`. ``what`` names the file in
    reasons ("share file")."""
    try:
        text = data.decode("utf-8-sig")  # one leading byte-order mark is allowed
    except UnicodeDecodeError:
        raise VersionedFileError(
            "it is not a text file (its bytes are not UTF-8)", "damaged"
        ) from None
    try:
        doc = loads(text)
    except json.JSONDecodeError as err:
        raise VersionedFileError(
            f"it is not valid JSON ({err.msg}, line {err.lineno})", "damaged"
        ) from None
    except RecursionError:
        raise VersionedFileError(
            "it is too deep or too large to read (it is nested too deeply)", "damaged"
        ) from None
    except (ValueError, MemoryError):
        raise VersionedFileError(
            "it is too deep or too large to read (it holds a number that is too large or "
            "not a number)",
            "damaged",
        ) from None
    if depth(doc) > MAX_DEPTH:
        raise VersionedFileError(
            "it is too deep or too large to read (it is nested too deeply)", "damaged"
        )
    if not isinstance(doc, dict):
        raise VersionedFileError(f"it is JSON, but a {type(doc).__name__}, not a {what}", "other")
    if doc.get("format") != marker:
        raise VersionedFileError(
            f"it is not a {what} (it has no {what} marker)", "other", marker=doc.get("format")
        )
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise VersionedFileError(
            f"its version number {version!r} is not a {what} version", "version"
        )
    if version > newest:
        raise VersionedFileError(
            f"it was made by a newer version of the course (version {version}); update this "
            "copy of the course to read it",
            "newer",
            version=version,
        )
    return doc

"""One reader for the course's versioned JSON files (the workbook and the share file).

Each file is a JSON object with a ``format`` marker and a whole-number ``version``.
:func:`read_versioned` turns bytes into that object or raises :class:`VersionedFileError`
saying why not, with one rule for every way bytes can fail: bad UTF-8, bad JSON, numbers
JSON does not allow (``NaN``, ``Infinity``) or too large to read, nesting too deep, not an
object, the wrong marker, a version that is not a whole number from 1, or a version newer
than this code reads. Each file's module words the reason for its readers and adds its
own checks.

Pure functions: no files, no widgets.
"""

from __future__ import annotations

import json
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


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def read_versioned(data: bytes, marker: str, newest: int, what: str) -> dict[str, Any]:
    """The JSON object in ``data`` if it carries ``marker`` and a version from 1 to
    ``newest``; otherwise raise :class:`VersionedFileError`. ``what`` names the file in
    reasons ("share file")."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise VersionedFileError(
            "it is not a text file (its bytes are not UTF-8)", "damaged"
        ) from None
    try:
        doc = json.loads(text, parse_constant=_no_constant)
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

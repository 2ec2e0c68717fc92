"""The workbook file's format: reading it (answer by answer) and writing it.

Pure functions: no files, no locks, no widgets, so the website's document builder (the
package in Pyodide, where ``filelock`` is absent) reads workbooks with the same rules as
Jupyter. The store that keeps the file on disk is :mod:`exercises.workbook`.

The file (UTF-8 JSON, one answer per line)::

    {"format": "spread-course-workbook", "version": 1,
     "answers": {"<prompt id>": {"value": <value>, "saved_at": "<ISO 8601 time with zone>"}}}

A file is unusable as a whole when it is not JSON, not a workbook, from a newer course or
has no list of answers (:class:`WorkbookError`). One answer that is damaged (not an
object with a value, or without a valid time) does not spoil the others:
:func:`read_workbook` returns every readable answer and names the damaged ones.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, TypedDict

from .model import Answer
from .timefmt import parse_time
from .versioned_json import WORKBOOK_FORMAT, VersionedFileError, read_versioned

FORMAT = WORKBOOK_FORMAT
"""The ``format`` marker every workbook file carries."""

VERSION = 1
"""The workbook schema version this code writes and the newest it reads."""

MAX_IMPORT_BYTES = 5_000_000
"""The largest workbook file that can be imported."""


class WorkbookError(Exception):
    """Something went wrong with a workbook; the message is written for the learner."""


class NewerWorkbookError(WorkbookError):
    """The workbook was written by a newer version of the course than this one."""

    def __init__(self, message: str, version: int) -> None:
        super().__init__(message)
        self.version = version


def newer_message(version: int) -> str:
    """What the learner is told when their workbook comes from a newer course."""
    return (
        f"Your workbook was saved by a newer version of the course (workbook version "
        f"{version}; this copy reads up to version {VERSION}). It is safe and has not been "
        "changed. Update the course to carry on: on a JupyterHub, open the course link "
        "again; on your own computer, get the latest copy. Then restart this notebook "
        "(Kernel menu, Restart Kernel). Until then nothing you type here is saved."
    )


class SavedAnswer(TypedDict):
    """One answer in a workbook file: the value and when it was saved (ISO 8601, with zone)."""

    value: Any
    saved_at: str


class WorkbookDoc(TypedDict):
    """A workbook file's document (see the module's docstring). :func:`dump_workbook` writes
    it as text, one answer a line; :func:`read_workbook` reads and checks it."""

    format: str
    version: int
    answers: dict[str, SavedAnswer]


DAMAGED_ENTRY = "is damaged"
"""Why an answer that is not an object holding a value cannot be read."""

NO_TIME = "has no valid time (with its time zone)"
"""Why an answer without a valid ``saved_at`` cannot be read."""


@dataclass
class WorkbookRead:
    """What a workbook file holds: every readable answer, and each damaged one with why."""

    answers: dict[str, Answer] = field(default_factory=dict)
    damaged: dict[str, str] = field(default_factory=dict)
    """Prompt id to the reason its answer cannot be read (:data:`DAMAGED_ENTRY`,
    :data:`NO_TIME`), in words that follow "the answer"."""

    def first_damage(self) -> str:
        """The first damaged answer as a reason, for a message that refuses the file."""
        pid, why = next(iter(self.damaged.items()))
        return f"the answer to {pid[:80]!r} {why}."


def _entry_problem(entry: Any) -> str:
    """Why one entry of a file's answers cannot be read ("" when it can)."""
    if not isinstance(entry, dict) or "value" not in entry:
        return DAMAGED_ENTRY
    try:
        parse_time(entry.get("saved_at"))
    except ValueError:
        return NO_TIME
    return ""


def read_entries(raw: dict[Any, Any]) -> WorkbookRead:
    """Check each entry of a workbook's ``answers`` object on its own (the one rule, for
    the store, imports and the website's documents)."""
    read = WorkbookRead()
    for pid, entry in raw.items():
        problem = _entry_problem(entry)
        if problem:
            read.damaged[str(pid)] = problem
        else:
            read.answers[pid] = Answer(pid, entry["value"], entry["saved_at"])
    return read


def read_workbook(data: bytes) -> WorkbookRead:
    """Read workbook bytes: every readable answer, and the damaged ones by name.

    Raises :class:`WorkbookError` (never another exception) only when the file as a whole
    is unusable, saying why; a workbook from a newer course is a
    :class:`NewerWorkbookError`.
    """
    try:
        doc = read_versioned(data, FORMAT, VERSION, "course workbook")
    except VersionedFileError as err:
        if err.problem == "newer":
            raise NewerWorkbookError(f"{err}.", err.version) from None
        raise WorkbookError(f"{err}.") from None
    raw = doc.get("answers")
    if not isinstance(raw, dict):
        raise WorkbookError("its list of answers is missing.")
    return read_entries(raw)


def parse_workbook(data: bytes) -> dict[str, Answer]:
    """Read workbook bytes into answers, all or nothing: a WorkbookError says why the file,
    or its first damaged answer, cannot be used (see :func:`read_workbook` to keep the
    readable answers of a file with a damaged one)."""
    read = read_workbook(data)
    if read.damaged:
        raise WorkbookError(read.first_damage())
    return read.answers


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
_ENCODE_ASCII = json.JSONEncoder(ensure_ascii=True).encode


def encode_line(pid: str, answer: Answer) -> str:
    """One answer's line of a workbook file."""
    entry: SavedAnswer = {"value": answer.value, "saved_at": answer.saved_at}
    line = f"  {_ENCODE(pid)}: {_ENCODE(entry)}"
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (half of an emoji, say) cannot be written as UTF-8; JSON's
        # \\ud83d escapes keep it exactly, so the answer still saves and reads back.
        line = f"  {_ENCODE_ASCII(pid)}: {_ENCODE_ASCII(entry)}"
    return line


def dump_workbook(
    answers: dict[str, Answer], memo: dict[str, tuple[Answer, str]] | None = None
) -> bytes:
    """Serialise answers as workbook bytes (sorted, one answer per line, UTF-8).

    ``memo`` (prompt id -> (answer, its encoded line)) lets a caller that saves often
    reuse the lines of answers that did not change; it is updated in place.
    """
    memo = {} if memo is None else memo
    lines: list[str] = []
    append, recall = lines.append, memo.get
    for pid in sorted(answers):
        answer = answers[pid]
        known = recall(pid)
        if known is None or known[0] is not answer:
            known = memo[pid] = (answer, encode_line(pid, answer))
        append(known[1])
    if len(memo) > len(answers):
        for pid in set(memo) - set(answers):
            del memo[pid]
    return assemble(lines)


def assemble(lines: list[str]) -> bytes:
    """The file's bytes from its answers' lines (in prompt-id order)."""
    body = "\n" + ",\n".join(lines) + "\n" if lines else ""
    head = f'{{\n"format": "{FORMAT}",\n"version": {VERSION},\n"answers": {{'
    return f"{head}{body}}}\n}}\n".encode()

"""The learner's workbook: one JSON file holding every answer, kept safe on disk.

Rules this module keeps:

* Where: ``$COURSE_WORKBOOK`` (a file path) if set, else :data:`DEFAULT_PATH`.
  Nothing is created until the first answer is saved; importing writes nothing.
* Every save takes a file lock, reads what is on disk, changes only its own prompt and
  writes the whole file atomically (temporary file, then rename). Two notebooks saving
  to one workbook at once therefore never erase each other's answers.
* The version before each write is kept as ``<name>.previous.json``.
* A damaged or foreign workbook is never overwritten: it is renamed to
  ``<name>.damaged-<time>.json``, a plain-English notice is queued, and saving carries
  on in a fresh file.
* Import merges per prompt, the newer answer winning; a damaged upload changes nothing.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from .model import Answer, AnswerError, now_iso

FORMAT = "spread-course-workbook"
"""The ``format`` marker every workbook file carries."""

VERSION = 1
"""The workbook schema version this code writes and the newest it reads."""

ENV_VAR = "COURSE_WORKBOOK"
"""The environment variable that sets the workbook's path."""

DEFAULT_PATH = Path("~") / "spread-course-workbook" / "workbook.json"
"""Where a workbook lives when ``$COURSE_WORKBOOK`` is not set (``~`` is your home)."""

MAX_IMPORT_BYTES = 5_000_000
"""The largest workbook file that can be imported."""

LOCK_TIMEOUT = 10.0
"""Seconds to wait for another notebook to finish saving."""


class WorkbookError(Exception):
    """Something went wrong with a workbook; the message is written for the learner."""


def workbook_path() -> Path:
    """The workbook's path: ``$COURSE_WORKBOOK`` if set, else the per-user default."""
    configured = os.environ.get(ENV_VAR, "").strip()
    return Path(configured or DEFAULT_PATH).expanduser()


def _parse_time(text: Any) -> _dt.datetime:
    if not isinstance(text, str):
        raise ValueError("time is not text")
    moment = _dt.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=_dt.timezone.utc)
    return moment


def parse_workbook(data: bytes) -> dict[str, Answer]:
    """Read workbook bytes into answers; raise WorkbookError saying why they are unusable."""
    try:
        doc = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise WorkbookError("it is not a text file.") from None
    except json.JSONDecodeError as err:
        raise WorkbookError(f"it is not valid JSON ({err.msg}, line {err.lineno}).") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise WorkbookError("it is not a course workbook (it has no workbook marker).")
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise WorkbookError("its version number is missing or wrong.")
    if version > VERSION:
        raise WorkbookError(
            f"it was written by a newer version of the course (version {version}); "
            "update your copy of the course to read it."
        )
    raw = doc.get("answers")
    if not isinstance(raw, dict):
        raise WorkbookError("its list of answers is missing.")
    answers = {}
    for prompt_id, entry in raw.items():
        if not isinstance(entry, dict) or "value" not in entry:
            raise WorkbookError(f"the answer to {prompt_id!r} is damaged.")
        try:
            _parse_time(entry.get("saved_at"))
        except ValueError:
            raise WorkbookError(f"the answer to {prompt_id!r} has no valid time.") from None
        answers[prompt_id] = Answer(prompt_id, entry["value"], entry["saved_at"])
    return answers


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def dump_workbook(
    answers: dict[str, Answer], memo: dict[str, tuple[Answer, str]] | None = None
) -> bytes:
    """Serialise answers as workbook bytes (sorted, one answer per line, UTF-8).

    ``memo`` (prompt id -> (answer, its encoded line)) lets a caller that saves often
    reuse the lines of answers that did not change; it is updated in place.
    """
    memo = {} if memo is None else memo
    lines = []
    for pid, answer in sorted(answers.items()):
        known = memo.get(pid)
        if known is None or known[0] is not answer:
            entry = {"value": answer.value, "saved_at": answer.saved_at}
            known = memo[pid] = (answer, f"  {_ENCODE(pid)}: {_ENCODE(entry)}")
        lines.append(known[1])
    for pid in set(memo) - set(answers):
        del memo[pid]
    body = "\n" + ",\n".join(lines) + "\n" if lines else ""
    head = f'{{\n"format": "{FORMAT}",\n"version": {VERSION},\n"answers": {{'
    return f"{head}{body}}}\n}}\n".encode()


@dataclass
class ImportPreview:
    """What an import would do (or did), prompt by prompt."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    incoming: dict[str, Answer] = field(default_factory=dict, repr=False)

    def summary(self) -> str:
        """One plain sentence describing the change."""

        def n(count: int, what: str) -> str:
            return f"{count} {what}{'' if count == 1 else 's'}"

        parts = [
            f"{n(len(self.added), 'answer')} will be added",
            f"{n(len(self.replaced), 'answer')} will be replaced by a newer one",
            f"{n(len(self.kept), 'answer')} will stay as they are because yours is newer"
            " or the same",
        ]
        text = "; ".join(parts) + "."
        if self.skipped:
            text += f" {n(len(self.skipped), 'answer')} cannot be used (they no longer fit)."
        return text


Checker = Callable[[str, Any], Any]
"""Checks a value for a prompt id; raises AnswerError, or KeyError when the id is unknown."""


class Workbook:
    """One learner's answers in one file on disk."""

    def __init__(self, path: Path | str | None = None, checker: Checker | None = None) -> None:
        self.path = Path(path).expanduser() if path is not None else workbook_path()
        self.checker = checker
        self.notices: list[str] = []
        # What this object last read or wrote: (file identity, answers, encoded lines).
        # A save under the lock reuses it when the file is unchanged since, so saving
        # one answer does not re-read and re-encode a large workbook.
        self._seen: tuple[tuple[int, ...], dict[str, Answer]] | None = None
        self._memo: dict[str, tuple[Answer, str]] = {}

    @property
    def previous_path(self) -> Path:
        """The copy of the workbook as it was before the last save."""
        return self.path.with_name(f"{self.path.stem}.previous{self.path.suffix}")

    @contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with FileLock(f"{self.path}.lock", timeout=LOCK_TIMEOUT):
                yield
        except Timeout:
            raise WorkbookError(
                "Your workbook is busy: another notebook has been saving to it for "
                f"{LOCK_TIMEOUT:.0f} seconds. Your answer is still on screen; change it "
                "again in a moment to save it."
            ) from None
        except PermissionError as err:
            raise WorkbookError(f"The workbook folder cannot be written to: {err}.") from None

    def _set_aside(self, reason: str) -> None:
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.stem}.damaged-{stamp}{self.path.suffix}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.stem}.damaged-{stamp}-{n}{self.path.suffix}")
        os.replace(self.path, target)
        self.notices.append(
            f"Your workbook could not be read because {reason} We have kept it, unchanged, "
            f"as {target.name} in the same folder, and your answers from now on go into "
            f"a fresh workbook. The copy from before your last save, {self.previous_path.name}, "
            "may hold your earlier answers: you can import it below."
        )

    def _identity(self) -> tuple[int, ...] | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)

    def _read_locked(self) -> dict[str, Answer]:
        identity = self._identity()
        if identity is None:
            return {}
        if self._seen is not None and self._seen[0] == identity:
            return dict(self._seen[1])
        try:
            data = self.path.read_bytes()
        except OSError as err:
            raise WorkbookError(f"Your workbook cannot be opened: {err}.") from None
        try:
            answers = parse_workbook(data)
        except WorkbookError as err:
            self._set_aside(str(err))
            return {}
        self._seen = (identity, answers)
        return dict(answers)

    def _write_locked(self, answers: dict[str, Answer]) -> None:
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as out:
            out.write(dump_workbook(answers, self._memo))
            out.flush()
            os.fsync(out.fileno())
        if self.path.exists():
            keep = self.path.with_name(f".{self.path.name}.{os.getpid()}.prev")
            try:
                os.link(self.path, keep)
            except OSError:
                shutil.copyfile(self.path, keep)
            os.replace(keep, self.previous_path)
        os.replace(tmp, self.path)
        identity = self._identity()
        self._seen = (identity, dict(answers)) if identity else None

    def answers(self) -> dict[str, Answer]:
        """Every saved answer, read from disk now."""
        if not self.path.exists():
            return {}
        with self._locked():
            return self._read_locked()

    def get(self, prompt_id: str) -> Answer | None:
        """The saved answer to one prompt, or None."""
        return self.answers().get(prompt_id)

    def save(self, prompt_id: str, value: Any) -> Answer:
        """Check and save one answer, merging with whatever else is on disk."""
        if self.checker is not None:
            try:
                value = self.checker(prompt_id, value)
            except AnswerError as err:
                raise WorkbookError(f"Not saved: {err}") from None
        answer = Answer(prompt_id, value, now_iso())
        with self._locked():
            answers = self._read_locked()
            answers[prompt_id] = answer
            self._write_locked(answers)
        return answer

    def export_bytes(self) -> bytes:
        """The workbook as bytes to download (an empty workbook if none is saved yet)."""
        return dump_workbook(self.answers())

    def preview_import(self, data: bytes) -> ImportPreview:
        """Say what importing ``data`` would change; raise WorkbookError if it is unusable."""
        if len(data) > MAX_IMPORT_BYTES:
            raise WorkbookError(
                f"That file is too large to be a workbook ({len(data):,} bytes). Nothing changed."
            )
        try:
            incoming = parse_workbook(data)
        except WorkbookError as err:
            raise WorkbookError(
                f"That file cannot be imported because {err} Nothing changed."
            ) from None
        return self._plan(incoming, self.answers())

    def _plan(self, incoming: dict[str, Answer], ours: dict[str, Answer]) -> ImportPreview:
        plan = ImportPreview()
        for pid, theirs in sorted(incoming.items()):
            if self.checker is not None:
                try:
                    theirs = Answer(pid, self.checker(pid, theirs.value), theirs.saved_at)
                except AnswerError as err:
                    plan.skipped[pid] = str(err)
                    continue
                except KeyError:
                    pass  # a prompt this copy of the course does not know: keep it as it is
            mine = ours.get(pid)
            if mine is None:
                plan.added.append(pid)
            elif _parse_time(theirs.saved_at) > _parse_time(mine.saved_at):
                plan.replaced.append(pid)
            else:
                plan.kept.append(pid)
                continue
            plan.incoming[pid] = theirs
        return plan

    def import_bytes(self, data: bytes) -> ImportPreview:
        """Merge an uploaded workbook into this one, newer answer winning per prompt."""
        self.preview_import(data)  # raises before anything is touched
        incoming = parse_workbook(data)
        with self._locked():
            ours = self._read_locked()
            plan = self._plan(incoming, ours)
            if plan.incoming:
                ours.update(plan.incoming)
                self._write_locked(ours)
        return plan

    def take_notices(self) -> list[str]:
        """Hand over and forget the notices queued for the learner."""
        notices, self.notices = self.notices, []
        return notices

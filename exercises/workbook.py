"""The learner's workbook store: one JSON file holding every answer, kept safe on disk.

The file's format (reading it answer by answer, writing it) is :mod:`exercises.workbook_file`
and the import merge is :mod:`exercises.workbook_merge`; both are pure, and their names
are re-exported here. Rules this module keeps:

* Where: ``$COURSE_WORKBOOK`` (a file path) if set, else :data:`DEFAULT_PATH`.
  Nothing is created until the first answer is saved; importing writes nothing. The
  folder is made private (0700) and every file this module creates is private (0600).
* Reading takes no lock and needs no write access: a save replaces the file in one
  step (a temporary file, then a rename), so a reader sees the old file or the new one.
* Every save takes a file lock, reads what is on disk, changes only its own prompt and
  writes the whole file. Two notebooks saving to one workbook at once therefore never
  erase each other's answers. Change detection compares the file's bytes, read under
  the lock, with what this object last read or wrote, so it is right on network file
  systems that answer ``stat`` from a stale cache.
* The time of an answer is stamped under the lock, always in UTC with its zone.
* A save names the version of the answer it replaces (``base``, the ``saved_at`` the
  exercise last loaded). If the answer on disk has changed since (another tab, an
  import), the newer answer is kept and :class:`SaveConflict` says so.
* The version before each write is kept as ``<name>.previous.json``.
* A damaged or foreign workbook is never overwritten: it is renamed to
  ``<name>.damaged-<time>.json``, the last good copy of the answers is frozen as
  ``<name>.last-good-<time>.json`` (later saves never replace it), a plain-English
  notice names both, and saving carries on in a fresh file.
* A workbook with some damaged answers (a bad time, an entry of the wrong shape) is set
  aside the same way, unchanged, but its readable answers carry on in the fresh file, so
  the learner and her plan keep them; the notice names the answers that could not be read.
* A workbook written by a newer version of the course is left exactly as it is; the
  learner is told to update the course, and nothing is saved until then.
* Answers that no longer fit their question stay in the file unchanged
  (see :mod:`exercises.fitting` for how they are shown).
* Every operating-system error becomes :class:`WorkbookError` with a plain message, and
  no temporary file is left behind.
"""

from __future__ import annotations

import bisect
import copy
import datetime as _dt
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from .model import Answer, AnswerError
from .timefmt import local_now, now_utc, parse_time, stamp
from .workbook_disk import (
    NoLock,
    holding_lock,
    keep_copy,
    move_aside,
    os_problem,
    read_bytes,
    replace_file,
    sweep,
)
from .workbook_file import (
    FORMAT,
    MAX_IMPORT_BYTES,
    VERSION,
    NewerWorkbookError,
    SavedAnswer,
    WorkbookDoc,
    WorkbookError,
    WorkbookRead,
    assemble,
    dump_workbook,
    encode_line,
    newer_message,
    parse_workbook,
    read_workbook,
)
from .workbook_merge import Checker, ImportChange, ImportPreview, merged, plan_import, read_upload

__all__ = [
    "ANY",
    "DEFAULT_PATH",
    "ENV_VAR",
    "FORMAT",
    "MAX_IMPORT_BYTES",
    "VERSION",
    "Checker",
    "ImportChange",
    "ImportPreview",
    "NewerWorkbookError",
    "SaveConflict",
    "SavedAnswer",
    "Workbook",
    "WorkbookDoc",
    "WorkbookError",
    "dump_workbook",
    "newer_message",
    "os_problem",
    "parse_workbook",
    "read_workbook",
    "workbook_path",
]

ENV_VAR = "COURSE_WORKBOOK"
"""The environment variable that sets the workbook's path."""

DEFAULT_PATH = Path("~") / "spread-course-workbook" / "workbook.json"
"""Where a workbook lives when ``$COURSE_WORKBOOK`` is not set (``~`` is your home)."""

ANY = object()
"""``base`` for :meth:`Workbook.save` meaning "replace whatever is saved"."""


class SaveConflict(WorkbookError):
    """A newer answer to the same question is on disk; it was kept and nothing was saved."""

    def __init__(self, newer: Answer) -> None:
        super().__init__(
            "A newer answer to this question was saved somewhere else (another tab or "
            "window, or an import), so it was kept and what is on screen here was not saved."
        )
        self.newer = newer


def workbook_path() -> Path:
    """The workbook's path: ``$COURSE_WORKBOOK`` if set, else the per-user default."""
    configured = os.environ.get(ENV_VAR, "").strip()
    return Path(configured or DEFAULT_PATH).expanduser()


_PLAIN = (str, int, float, bool, type(None))


def _private_copy(answers: dict[str, Answer]) -> dict[str, Answer]:
    """Answers a caller may change freely (values that can change are copied)."""
    return {
        pid: a if isinstance(a.value, _PLAIN) else Answer(pid, copy.deepcopy(a.value), a.saved_at)
        for pid, a in answers.items()
    }


def _newest(answers: dict[str, Answer]) -> _dt.datetime:
    times = []
    for a in answers.values():
        with suppress(ValueError):
            times.append(parse_time(a.saved_at))
    return max(times, default=_dt.datetime.min.replace(tzinfo=_dt.UTC))


class Workbook:
    """One learner's answers in one file on disk."""

    def __init__(
        self,
        path: Path | str | None = None,
        checker: Checker | None = None,
        names: Callable[[str], str] | None = None,
    ) -> None:
        self.path = Path(path).expanduser() if path is not None else workbook_path()
        self.checker = checker
        self.names = names
        """How a question is named in notices (its title); by its id if not given."""
        self.notices: list[str] = []
        # The bytes of a workbook with damaged answers that could not be set aside, once
        # the learner has been told (she is told once, not at every read).
        self._told: bytes | None = None
        # The bytes this object last read or wrote, and the answers they hold. A read
        # or a save under the lock reuses the answers when the file's bytes are the
        # same, so saving one answer does not re-parse and re-encode a large workbook.
        self._seen: tuple[bytes, dict[str, Answer]] | None = None
        self._memo: dict[str, tuple[Answer, str]] = {}
        # The sorted prompt ids and encoded lines of the answers this object last wrote,
        # so a save of one answer re-encodes one line.
        self._lines: tuple[dict[str, Answer], list[str], list[str]] | None = None
        self._swept = False

    @property
    def previous_path(self) -> Path:
        """The copy of the workbook as it was before the last save."""
        return self.path.with_name(f"{self.path.stem}.previous{self.path.suffix}")

    # --- locking and reading ---------------------------------------------------------

    @contextmanager
    def _locked(self) -> Iterator[None]:
        with holding_lock(self.path):
            yield

    def _read_bytes(self) -> bytes | None:
        return read_bytes(self.path)

    def _load(self, locked: bool) -> dict[str, Answer]:
        """The answers on disk now (the cached dict: callers must not change it)."""
        data = self._read_bytes()
        if data is None:
            return {}
        seen = self._seen
        if seen is not None and seen[0] == data:
            return seen[1]
        try:
            read = read_workbook(data)
        except NewerWorkbookError as err:
            self._seen = None
            raise WorkbookError(newer_message(err.version)) from None
        except WorkbookError as err:
            if locked:
                self._set_aside(str(err))
                return {}
            return self._load_locked(str(err), None)
        if read.damaged:
            if locked:
                return self._keep_readable(read)
            return self._load_locked(self._damage_words(read), (data, read))
        self._seen = (data, read.answers)
        return read.answers

    def _load_locked(
        self, reason: str, partly: tuple[bytes, WorkbookRead] | None
    ) -> dict[str, Answer]:
        """Read again under the lock (another save may have won) and set damage aside; if
        the lock cannot be taken, a partly damaged file's readable answers are still given."""
        try:
            with self._locked():
                return self._load(locked=True)
        except NoLock as why:
            if partly is None:
                raise WorkbookError(
                    f"Your workbook could not be read because {reason} It has been left as it "
                    f"is, and nothing can be saved until it can be moved aside: {why}"
                ) from None
            data, read = partly
            if self._told != data:
                self._told = data
                self.notices.append(
                    f"Your workbook could not be read in full: {reason} It has been left as "
                    "it is, and your other answers are shown, but nothing can be saved until "
                    f"it can be moved aside: {why}"
                )
            return read.answers

    def _damage_words(self, read: WorkbookRead) -> str:
        """Which answers of a file cannot be read, and why, naming each question."""
        named = [f"the answer to {self._name(pid)} {why}" for pid, why in read.damaged.items()]
        if len(named) > 5:
            named = [*named[:5], f"and {len(named) - 5} more"]
        return "; ".join(named) + "."

    def _name(self, prompt_id: str) -> str:
        name = prompt_id[:80]
        if self.names is not None:
            with suppress(KeyError, ValueError):
                name = f"{self.names(prompt_id)} ({name})"
        return f"“{name}”"

    def _keep_readable(self, read: WorkbookRead) -> dict[str, Answer]:
        """Set a partly damaged workbook aside, unchanged, and carry on with its readable
        answers in a fresh file (under the lock)."""
        self._set_aside(self._damage_words(read), kept=len(read.answers))
        if not read.answers:
            return {}
        try:
            self._write_locked(read.answers)
        except WorkbookError as err:
            self.notices.append(
                f"Your readable answers could not be written to a fresh workbook yet: {err} "
                "They are still in the file that was set aside, and on screen."
            )
            return read.answers
        return self._seen[1] if self._seen is not None else read.answers

    # --- writing -----------------------------------------------------------------------

    def _encode(
        self, answers: dict[str, Answer], base: dict[str, Answer], pid: str | None
    ) -> bytes:
        """The file's bytes; when ``answers`` is ``base`` with one answer changed, only
        that answer's line is encoded again."""
        known = self._lines
        if pid is not None and known is not None and known[0] is base:
            pids, lines = known[1], known[2][:]
            at = bisect.bisect_left(pids, pid)
            line = encode_line(pid, answers[pid])
            if at < len(pids) and pids[at] == pid:
                lines[at] = line
            else:
                pids = pids[:]
                pids.insert(at, pid)
                lines.insert(at, line)
        else:
            pids = sorted(answers)
            dump_workbook(answers, self._memo)
            lines = [self._memo[p][1] for p in pids]
        self._lines = (answers, pids, lines)
        return assemble(lines)

    def _write_locked(
        self,
        answers: dict[str, Answer],
        base: dict[str, Answer] | None = None,
        pid: str | None = None,
    ) -> None:
        if not self._swept:
            self._swept = True
            sweep(self.path)
        data = self._encode(answers, base if base is not None else {}, pid)
        replace_file(self.path, data, self.previous_path)
        self._seen = (data, answers)

    def _set_aside(self, reason: str, kept: int | None = None) -> None:
        """Rename a damaged workbook, freeze the last good copy and tell the learner.

        ``kept`` is given for a partly damaged workbook (``reason`` then names its damaged
        answers): how many of its answers carry on in the fresh file."""
        when = local_now().strftime("%Y%m%d-%H%M%S")
        try:
            target = move_aside(self.path, "damaged", when)
        except OSError as err:
            raise WorkbookError(
                f"Your workbook could not be read because {reason} It has been left as it "
                f"is, and nothing can be saved until it can be moved aside: {os_problem(err)}"
            ) from None
        frozen = self._freeze_last_good(when)
        self._seen = None
        if frozen is not None:
            rescue = (
                f"Your answers from before the damage are kept as {frozen.name}, which later "
                "saves never replace: to bring them back, import that file in the workbook "
                "panel (Bring answers back)."
            )
        else:
            rescue = "No earlier copy of your answers was found."
        if kept is None:
            self.notices.append(
                f"Your workbook could not be read because {reason} We have kept it, unchanged, "
                f"as {target.name} in the same folder. {rescue} Your answers from now on go "
                "into a fresh workbook."
            )
            return
        carried = (
            f"Your other {kept} answer{'s are' if kept != 1 else ' is'} safe: "
            f"{'they carry' if kept != 1 else 'it carries'} on in a fresh workbook, with your "
            "answers from now on."
            if kept
            else "Your answers from now on go into a fresh workbook."
        )
        self.notices.append(
            f"Your workbook could not be read in full: {reason} We have kept it, unchanged, "
            f"as {target.name} in the same folder. {carried} {rescue}"
        )

    def _freeze_last_good(self, when: str) -> Path | None:
        """Keep the newest good copy of the answers under a name no save replaces."""
        candidates: list[tuple[bytes, dict[str, Answer]]] = []
        if self._seen is not None:
            candidates.append(self._seen)
        try:
            previous = self.previous_path.read_bytes()
            candidates.append((previous, read_workbook(previous).answers))
        except (OSError, WorkbookError):
            pass
        candidates = [c for c in candidates if c[1]]
        if not candidates:
            return None
        data = max(candidates, key=lambda c: (_newest(c[1]), len(c[1])))[0]
        return keep_copy(self.path, "last-good", when, data)

    # --- what callers use ----------------------------------------------------------------

    def answers(self) -> dict[str, Answer]:
        """Every saved answer, read from disk now (yours to change: nothing is shared)."""
        return _private_copy(self._load(locked=False))

    def get(self, prompt_id: str) -> Answer | None:
        """The saved answer to one prompt, or None."""
        answer = self._load(locked=False).get(prompt_id)
        return None if answer is None else _private_copy({prompt_id: answer})[prompt_id]

    def save(self, prompt_id: str, value: Any, base: Any = ANY) -> Answer:
        """Check and save one answer, merging with whatever else is on disk.

        ``base`` is the ``saved_at`` of the answer the caller last loaded (``None`` if
        there was none). When the answer on disk has changed since and differs from
        ``value``, it is kept and :class:`SaveConflict` is raised. A value identical to
        the saved one writes nothing and returns the saved answer.
        """
        if self.checker is not None:
            try:
                value = self.checker(prompt_id, value)
            except AnswerError as err:
                raise WorkbookError(f"Not saved: {err}") from None
        if not isinstance(value, _PLAIN):
            value = copy.deepcopy(value)  # the caller's object is never kept
        with self._locked():
            answers = self._load(locked=True)
            mine = answers.get(prompt_id)
            if mine is not None and mine.value == value:
                return _private_copy({prompt_id: mine})[prompt_id]
            if base is not ANY and mine is not None and mine.saved_at != base:
                raise SaveConflict(_private_copy({prompt_id: mine})[prompt_id])
            answer = Answer(prompt_id, value, stamp(now_utc()))
            changed = dict(answers)
            changed[prompt_id] = answer
            self._write_locked(changed, answers, prompt_id)
        return _private_copy({prompt_id: answer})[prompt_id]

    def export_bytes(self) -> bytes:
        """The workbook as bytes to download (an empty workbook if none is saved yet).

        A readable workbook is given exactly as it is on disk, answers to earlier
        versions of questions and to questions this course does not know included; so
        is one from a newer course, so the learner can still take it with them.
        """
        data = self._read_bytes()
        if data is None:
            return dump_workbook({})
        try:
            parse_workbook(data)
        except NewerWorkbookError:
            return data
        except WorkbookError:  # sets the damaged file aside; the readable answers carry on
            return dump_workbook(self.answers())
        return data

    def preview_import(self, data: bytes, take_future: bool = False) -> ImportPreview:
        """Say what importing ``data`` would change; raise WorkbookError if it is unusable."""
        incoming = read_upload(data)
        return plan_import(incoming, self._load(locked=False), self.checker, take_future)

    def import_bytes(self, data: bytes, take_future: bool = False) -> ImportPreview:
        """Merge an uploaded workbook into this one, newer answer winning per prompt.

        Answers stamped later than now replace yours only with ``take_future``; any
        that are imported are stamped with the time of the import, so a wrong clock
        does not keep winning. Damaged answers in the file are left out.
        """
        incoming = read_upload(data)  # raises before anything is touched
        with self._locked():
            ours = self._load(locked=True)
            plan = plan_import(incoming, ours, self.checker, take_future)
            if plan.incoming:
                self._write_locked(merged(ours, plan, now_utc()))
        return plan

    def take_notices(self) -> list[str]:
        """Hand over and forget the notices queued for the learner."""
        notices, self.notices = self.notices, []
        return notices

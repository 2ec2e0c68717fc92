"""The learner's workbook: one JSON file holding every answer, kept safe on disk.

Rules this module keeps:

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
* A workbook written by a newer version of the course is left exactly as it is; the
  learner is told to update the course, and nothing is saved until then.
* Answers that no longer fit their question stay in the file unchanged
  (see :mod:`exercises.fitting` for how they are shown).
* Import merges per prompt, the newer answer winning, except that an answer stamped
  later than now (another computer's clock running fast) does not win unless the
  learner asks; identical values are not a change; a damaged upload changes nothing.
* Every operating-system error becomes :class:`WorkbookError` with a plain message, and
  no temporary file is left behind.

The file (UTF-8 JSON, one answer per line)::

    {"format": "spread-course-workbook", "version": 1,
     "answers": {"<prompt id>": {"value": <value>, "saved_at": "<ISO 8601 time with zone>"}}}
"""

from __future__ import annotations

import bisect
import copy
import datetime as _dt
import errno
import json
import os
import secrets
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypedDict

from filelock import FileLock, Timeout

from .model import Answer, AnswerError
from .timefmt import now_utc, parse_time
from .versioned_json import WORKBOOK_FORMAT, VersionedFileError, read_versioned

FORMAT = WORKBOOK_FORMAT
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

FOLDER_MODE, FILE_MODE = 0o700, 0o600
"""Permissions of a workbook folder and its files when this module creates them."""

ANY = object()
"""``base`` for :meth:`Workbook.save` meaning "replace whatever is saved"."""


class WorkbookError(Exception):
    """Something went wrong with a workbook; the message is written for the learner."""


class NewerWorkbookError(WorkbookError):
    """The workbook was written by a newer version of the course than this one."""

    def __init__(self, message: str, version: int) -> None:
        super().__init__(message)
        self.version = version


class SaveConflict(WorkbookError):
    """A newer answer to the same question is on disk; it was kept and nothing was saved."""

    def __init__(self, newer: Answer) -> None:
        super().__init__(
            "A newer answer to this question was saved somewhere else (another tab or "
            "window, or an import), so it was kept and what is on screen here was not saved."
        )
        self.newer = newer


class _NoLock(WorkbookError):
    """The lock could not be taken because the folder cannot be written to."""


def workbook_path() -> Path:
    """The workbook's path: ``$COURSE_WORKBOOK`` if set, else the per-user default."""
    configured = os.environ.get(ENV_VAR, "").strip()
    return Path(configured or DEFAULT_PATH).expanduser()


def newer_message(version: int) -> str:
    """What the learner is told when their workbook comes from a newer course."""
    return (
        f"Your workbook was saved by a newer version of the course (workbook version "
        f"{version}; this copy reads up to version {VERSION}). It is safe and has not been "
        "changed. Update the course to carry on: on a JupyterHub, open the course link "
        "again; on your own computer, get the latest copy. Then restart this notebook "
        "(Kernel menu, Restart Kernel). Until then nothing you type here is saved."
    )


def os_problem(err: OSError, doing: str = "saved") -> str:
    """An operating-system error as a plain sentence for the learner."""
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "you have used all the storage space your account is allowed",
        errno.EROFS: "the folder it is in can only be read, not written to",
        errno.EACCES: "you do not have permission to write in its folder",
        errno.EPERM: "you do not have permission to write in its folder",
        errno.ENOENT: "its folder has gone",
        errno.EISDIR: "there is a folder where the workbook file should be",
        errno.ENOTDIR: "part of its path is a file, not a folder",
        errno.EIO: "the disk reported a fault",
    }
    if doing != "saved":
        reasons[errno.EACCES] = reasons[errno.EPERM] = "you do not have permission to open it"
    reason = reasons.get(err.errno or -1)
    if reason is None:
        reason = f"the computer reported: {err.strerror or err}"
    advice = {
        errno.ENOSPC: " Free some space, then change your answer again to save it.",
        errno.EDQUOT: " Delete files you no longer need, then change your answer again.",
    }.get(err.errno or -1, "")
    return f"Your workbook could not be {doing} because {reason}.{advice}"


class SavedAnswer(TypedDict):
    """One answer in a workbook file: the value and when it was saved (ISO 8601, with zone)."""

    value: Any
    saved_at: str


class WorkbookDoc(TypedDict):
    """A workbook file's document (see the module's docstring). :func:`dump_workbook` writes
    it as text, one answer a line; :func:`parse_workbook` reads and checks it."""

    format: str
    version: int
    answers: dict[str, SavedAnswer]


def _saved_answer(prompt_id: str, entry: Any) -> SavedAnswer:
    """One answer of a workbook file, checked; WorkbookError if it is damaged."""
    if not isinstance(entry, dict) or "value" not in entry:
        raise WorkbookError(f"the answer to {prompt_id[:80]!r} is damaged.")
    try:
        parse_time(entry.get("saved_at"))
    except ValueError:
        raise WorkbookError(
            f"the answer to {prompt_id[:80]!r} has no valid time (with its time zone)."
        ) from None
    return {"value": entry["value"], "saved_at": entry["saved_at"]}


def parse_workbook(data: bytes) -> dict[str, Answer]:
    """Read workbook bytes into answers; raise WorkbookError saying why they are unusable.

    Every way bytes can fail to be a workbook is a :class:`WorkbookError` (never another
    exception); a workbook from a newer course is a :class:`NewerWorkbookError`.
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
    checked: WorkbookDoc = {
        "format": FORMAT,
        "version": doc["version"],
        "answers": {pid: _saved_answer(pid, entry) for pid, entry in raw.items()},
    }
    return {
        pid: Answer(pid, entry["value"], entry["saved_at"])
        for pid, entry in checked["answers"].items()
    }


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
_ENCODE_ASCII = json.JSONEncoder(ensure_ascii=True).encode


def _line(pid: str, answer: Answer) -> str:
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
            known = memo[pid] = (answer, _line(pid, answer))
        append(known[1])
    if len(memo) > len(answers):
        for pid in set(memo) - set(answers):
            del memo[pid]
    return _assemble(lines)


def _assemble(lines: list[str]) -> bytes:
    body = "\n" + ",\n".join(lines) + "\n" if lines else ""
    head = f'{{\n"format": "{FORMAT}",\n"version": {VERSION},\n"answers": {{'
    return f"{head}{body}}}\n}}\n".encode()


@dataclass(frozen=True)
class ImportChange:
    """What an import does to one question, with both times."""

    prompt_id: str
    action: str
    """``add``, ``replace``, ``keep`` (yours stays), ``same`` (identical) or ``skip`` (unusable)."""
    theirs_at: str
    mine_at: str | None = None
    future: bool = False
    """The file's time is later than now (the other computer's clock may be wrong)."""
    reason: str = ""
    """Why a skipped answer cannot be used."""


@dataclass
class ImportPreview:
    """What an import would do (or did), prompt by prompt."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    same: list[str] = field(default_factory=list)
    future: list[str] = field(default_factory=list)
    """Answers in the file stamped later than now (they replace yours only if you ask)."""
    held_back: list[str] = field(default_factory=list)
    """Future-stamped answers that would replace yours if you chose to take them."""
    changes: list[ImportChange] = field(default_factory=list)
    incoming: dict[str, Answer] = field(default_factory=dict, repr=False)

    def summary(self) -> str:
        """One plain paragraph describing the change."""

        def n(count: int, what: str) -> str:
            return f"{count} {what}{'' if count == 1 else 's'}"

        def are(count: int, one: str, many: str) -> str:
            return one if count == 1 else many

        kept = len(self.kept) - len(self.held_back)
        parts = [
            f"{n(len(self.added), 'answer')} will be added",
            f"{n(len(self.replaced), 'answer')} will be replaced by a newer one",
            f"{n(kept, 'answer')} will stay as {are(kept, 'it is', 'they are')} because yours "
            f"{are(kept, 'is', 'are')} newer",
        ]
        text = "; ".join(parts) + "."
        if self.same:
            count = len(self.same)
            text += f" {n(count, 'answer')} {are(count, 'is', 'are')} the same in both."
        if self.future:
            count = len(self.future)
            text += (
                f" {n(count, 'answer')} in the file {are(count, 'carries', 'carry')} a time "
                "later than now, so the computer that saved "
                f"{are(count, 'it', 'them')} may have its clock set wrong."
            )
            if self.held_back:
                count = len(self.held_back)
                text += (
                    f" {n(count, 'answer')} of yours will stay unless you choose to take "
                    f"{are(count, 'that answer', 'those answers')} from the file."
                )
        if self.skipped:
            count = len(self.skipped)
            why = are(count, "it no longer fits its question", "they no longer fit their questions")
            text += f" {n(count, 'answer')} cannot be used because {why}."
        return text


Checker = Callable[[str, Any], Any]
"""Checks a value for a prompt id; raises AnswerError, or KeyError when the id is unknown."""

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

    def __init__(self, path: Path | str | None = None, checker: Checker | None = None) -> None:
        self.path = Path(path).expanduser() if path is not None else workbook_path()
        self.checker = checker
        self.notices: list[str] = []
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
        folder = self.path.parent
        try:
            if not folder.is_dir():
                folder.parent.mkdir(parents=True, exist_ok=True)
                with suppress(FileExistsError):
                    folder.mkdir(mode=FOLDER_MODE)
            lock = FileLock(f"{self.path}.lock", timeout=LOCK_TIMEOUT, mode=FILE_MODE)
            lock.acquire()
        except Timeout:
            raise WorkbookError(
                "Your workbook is busy: another notebook has been saving to it for "
                f"{LOCK_TIMEOUT:.0f} seconds. Your answer is still on screen; change it "
                "again in a moment to save it."
            ) from None
        except OSError as err:
            raise _NoLock(os_problem(err)) from None
        try:
            yield
        finally:
            lock.release()

    def _read_bytes(self) -> bytes | None:
        try:
            with open(self.path, "rb") as src:
                return src.read()
        except FileNotFoundError:
            return None
        except OSError as err:
            raise WorkbookError(os_problem(err, "opened")) from None

    def _load(self, locked: bool) -> dict[str, Answer]:
        """The answers on disk now (the cached dict: callers must not change it)."""
        data = self._read_bytes()
        if data is None:
            return {}
        seen = self._seen
        if seen is not None and seen[0] == data:
            return seen[1]
        try:
            answers = parse_workbook(data)
        except NewerWorkbookError as err:
            self._seen = None
            raise WorkbookError(newer_message(err.version)) from None
        except WorkbookError as err:
            if locked:
                self._set_aside(str(err))
                return {}
            try:
                with self._locked():
                    return self._load(locked=True)  # read again: another save may have won
            except _NoLock as why:
                raise WorkbookError(
                    f"Your workbook could not be read because {err} It has been left as it "
                    f"is, and nothing can be saved until it can be moved aside: {why}"
                ) from None
        self._seen = (data, answers)
        return answers

    # --- writing -----------------------------------------------------------------------

    def _private_file(self, target: Path, data: bytes) -> None:
        """Write a new private file that did not exist (FileExistsError if it did)."""
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
        except BaseException:
            with suppress(OSError):
                os.unlink(target)
            raise

    def _sweep(self) -> None:
        """Remove temporary files a crashed save left (only the lock holder writes them)."""
        self._swept = True
        start = f".{self.path.name}."
        with suppress(OSError), os.scandir(self.path.parent) as entries:
            for entry in entries:
                if entry.name.startswith(start) and entry.name.endswith((".tmp", ".prev")):
                    with suppress(OSError):
                        os.unlink(entry.path)

    def _encode(
        self, answers: dict[str, Answer], base: dict[str, Answer], pid: str | None
    ) -> bytes:
        """The file's bytes; when ``answers`` is ``base`` with one answer changed, only
        that answer's line is encoded again."""
        known = self._lines
        if pid is not None and known is not None and known[0] is base:
            pids, lines = known[1], known[2][:]
            at = bisect.bisect_left(pids, pid)
            line = _line(pid, answers[pid])
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
        return _assemble(lines)

    def _write_locked(
        self,
        answers: dict[str, Answer],
        base: dict[str, Answer] | None = None,
        pid: str | None = None,
    ) -> None:
        if not self._swept:
            self._sweep()
        data = self._encode(answers, base if base is not None else {}, pid)
        folder, name = self.path.parent, self.path.name
        tmp: str | None = None
        keep: Path | None = None
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            keep = folder / f".{name}.{secrets.token_hex(8)}.prev"
            try:
                os.link(self.path, keep)
            except FileNotFoundError:
                keep = None  # the first save: there is no previous version
            except OSError:  # a file system without hard links
                old = self._read_bytes()
                if old is None:
                    keep = None
                else:
                    self._private_file(keep, old)
            if keep is not None:
                os.replace(keep, self.previous_path)
                keep = None
            os.replace(tmp, self.path)
            tmp = None
        except OSError as err:
            raise WorkbookError(os_problem(err)) from None
        finally:
            for leftover in (tmp, keep):
                if leftover is not None:
                    with suppress(OSError):
                        os.unlink(leftover)
        self._seen = (data, answers)

    def _set_aside(self, reason: str) -> None:
        """Rename a damaged workbook, freeze the last good copy and tell the learner."""
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        stem, suffix = self.path.stem, self.path.suffix
        target = self.path.with_name(f"{stem}.damaged-{stamp}{suffix}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{stem}.damaged-{stamp}-{n}{suffix}")
        try:
            os.replace(self.path, target)
        except OSError as err:
            raise WorkbookError(
                f"Your workbook could not be read because {reason} It has been left as it "
                f"is, and nothing can be saved until it can be moved aside: {os_problem(err)}"
            ) from None
        frozen = self._freeze_last_good(stamp)
        self._seen = None
        if frozen is not None:
            rescue = (
                f"Your answers from before the damage are kept as {frozen.name}, which later "
                "saves never replace: to bring them back, import that file in the workbook "
                "panel (Bring answers back)."
            )
        else:
            rescue = "No earlier copy of your answers was found."
        self.notices.append(
            f"Your workbook could not be read because {reason} We have kept it, unchanged, "
            f"as {target.name} in the same folder. {rescue} Your answers from now on go "
            "into a fresh workbook."
        )

    def _freeze_last_good(self, stamp: str) -> Path | None:
        """Keep the newest good copy of the answers under a name no save replaces."""
        candidates: list[tuple[bytes, dict[str, Answer]]] = []
        if self._seen is not None:
            candidates.append(self._seen)
        try:
            previous = self.previous_path.read_bytes()
            candidates.append((previous, parse_workbook(previous)))
        except (OSError, WorkbookError):
            pass
        candidates = [c for c in candidates if c[1]]
        if not candidates:
            return None
        data = max(candidates, key=lambda c: (_newest(c[1]), len(c[1])))[0]
        stem, suffix = self.path.stem, self.path.suffix
        for n in range(1, 1000):
            extra = "" if n == 1 else f"-{n}"
            target = self.path.with_name(f"{stem}.last-good-{stamp}{extra}{suffix}")
            try:
                self._private_file(target, data)
            except FileExistsError:
                continue
            except OSError:
                return None
            return target
        return None

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
            answer = Answer(prompt_id, value, now_utc().isoformat(timespec="microseconds"))
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
        except WorkbookError:
            return dump_workbook(self.answers())  # sets the damaged file aside
        return data

    def _upload(self, data: bytes) -> dict[str, Answer]:
        if len(data) > MAX_IMPORT_BYTES:
            raise WorkbookError(
                f"That file is too large to be a workbook ({len(data):,} bytes). Nothing changed."
            )
        try:
            return parse_workbook(data)
        except WorkbookError as err:
            raise WorkbookError(
                f"That file cannot be imported because {err} Nothing changed."
            ) from None

    def preview_import(self, data: bytes, take_future: bool = False) -> ImportPreview:
        """Say what importing ``data`` would change; raise WorkbookError if it is unusable."""
        incoming = self._upload(data)
        return self._plan(incoming, self._load(locked=False), take_future)

    def _plan(
        self, incoming: dict[str, Answer], ours: dict[str, Answer], take_future: bool
    ) -> ImportPreview:
        plan = ImportPreview()
        now = now_utc()
        for pid, theirs in sorted(incoming.items()):
            theirs_at = parse_time(theirs.saved_at)
            future = theirs_at > now
            mine = ours.get(pid)
            mine_at = mine.saved_at if mine else None
            if self.checker is not None:
                try:
                    theirs = Answer(pid, self.checker(pid, theirs.value), theirs.saved_at)
                except AnswerError as err:
                    plan.skipped[pid] = str(err)
                    plan.changes.append(
                        ImportChange(pid, "skip", theirs.saved_at, mine_at, future, str(err))
                    )
                    continue
                except KeyError:
                    pass  # a prompt this copy of the course does not know: keep it as it is
            if future:
                plan.future.append(pid)
            if mine is None:
                action = "add"
            elif mine.value == theirs.value:
                action = "same"
            elif theirs_at <= parse_time(mine.saved_at):
                action = "keep"
            elif future and not take_future:
                action = "keep"
                plan.held_back.append(pid)
            else:
                action = "replace"
            plan.changes.append(ImportChange(pid, action, theirs.saved_at, mine_at, future))
            {"add": plan.added, "replace": plan.replaced, "keep": plan.kept, "same": plan.same}[
                action
            ].append(pid)
            if action in ("add", "replace"):
                plan.incoming[pid] = theirs
        return plan

    def import_bytes(self, data: bytes, take_future: bool = False) -> ImportPreview:
        """Merge an uploaded workbook into this one, newer answer winning per prompt.

        Answers stamped later than now replace yours only with ``take_future``; any
        that are imported are stamped with the time of the import, so a wrong clock
        does not keep winning.
        """
        incoming = self._upload(data)  # raises before anything is touched
        with self._locked():
            ours = self._load(locked=True)
            plan = self._plan(incoming, ours, take_future)
            if plan.incoming:
                stamp = now_utc()
                merged = dict(ours)
                for pid, answer in plan.incoming.items():
                    if parse_time(answer.saved_at) > stamp:
                        answer = Answer(pid, answer.value, stamp.isoformat(timespec="microseconds"))
                    merged[pid] = answer
                self._write_locked(merged)
        return plan

    def take_notices(self) -> list[str]:
        """Hand over and forget the notices queued for the learner."""
        notices, self.notices = self.notices, []
        return notices

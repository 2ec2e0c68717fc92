"""The workbook store's file work: the lock, atomic writes, and files set aside.

Every function here takes paths and bytes and knows nothing of answers; the store
(:mod:`exercises.workbook`) decides what to write. Every file created is private (0600)
and a folder created for a workbook is private (0700). Every operating-system error
becomes :class:`~exercises.workbook_file.WorkbookError` with a plain sentence
(:func:`os_problem`), and no temporary file is left behind.
"""

from __future__ import annotations

import errno
import os
import secrets
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from filelock import FileLock, Timeout

from .workbook_file import WorkbookError

LOCK_TIMEOUT = 10.0
"""Seconds to wait for another notebook to finish saving."""

FOLDER_MODE, FILE_MODE = 0o700, 0o600
"""Permissions of a workbook folder and its files when this module creates them."""


class NoLock(WorkbookError):
    """The lock could not be taken because the folder cannot be written to."""


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


@contextmanager
def holding_lock(path: Path) -> Iterator[None]:
    """Hold the workbook's lock (``<path>.lock``), making its private folder if needed."""
    folder = path.parent
    try:
        if not folder.is_dir():
            folder.parent.mkdir(parents=True, exist_ok=True)
            with suppress(FileExistsError):
                folder.mkdir(mode=FOLDER_MODE)
        lock = FileLock(f"{path}.lock", timeout=LOCK_TIMEOUT, mode=FILE_MODE)
        lock.acquire()
    except Timeout:
        raise WorkbookError(
            "Your workbook is busy: another notebook has been saving to it for "
            f"{LOCK_TIMEOUT:.0f} seconds. Your answer is still on screen; change it "
            "again in a moment to save it."
        ) from None
    except OSError as err:
        raise NoLock(os_problem(err)) from None
    try:
        yield
    finally:
        lock.release()


def read_bytes(path: Path) -> bytes | None:
    """The file's bytes, or None when there is no file yet."""
    try:
        with open(path, "rb") as src:
            return src.read()
    except FileNotFoundError:
        return None
    except OSError as err:
        raise WorkbookError(os_problem(err, "opened")) from None


def private_file(target: Path, data: bytes) -> None:
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


def sweep(path: Path) -> None:
    """Remove temporary files a crashed save left (only the lock holder writes them)."""
    start = f".{path.name}."
    with suppress(OSError), os.scandir(path.parent) as entries:
        for entry in entries:
            if entry.name.startswith(start) and entry.name.endswith((".tmp", ".prev")):
                with suppress(OSError):
                    os.unlink(entry.path)


def replace_file(path: Path, data: bytes, previous: Path) -> None:
    """Replace the file with ``data`` in one step (under the lock), keeping the version
    it replaces as ``previous``; a WorkbookError in plain words if the disk refuses."""
    folder, name = path.parent, path.name
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
            os.link(path, keep)
        except FileNotFoundError:
            keep = None  # the first save: there is no previous version
        except OSError:  # a file system without hard links
            old = read_bytes(path)
            if old is None:
                keep = None
            else:
                private_file(keep, old)
        if keep is not None:
            os.replace(keep, previous)
            keep = None
        os.replace(tmp, path)
        tmp = None
    except OSError as err:
        raise WorkbookError(os_problem(err)) from None
    finally:
        for leftover in (tmp, keep):
            if leftover is not None:
                with suppress(OSError):
                    os.unlink(leftover)


def move_aside(path: Path, label: str, when: str) -> Path:
    """Rename the file to ``<stem>.<label>-<when><suffix>`` (a name no earlier file has);
    OSError if it cannot be moved."""
    stem, suffix = path.stem, path.suffix
    target = path.with_name(f"{stem}.{label}-{when}{suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{stem}.{label}-{when}-{n}{suffix}")
    os.replace(path, target)
    return target


def keep_copy(path: Path, label: str, when: str, data: bytes) -> Path | None:
    """Write ``data`` beside the file as ``<stem>.<label>-<when><suffix>``, under a new name
    (later saves never replace it); None if it cannot be written."""
    stem, suffix = path.stem, path.suffix
    for n in range(1, 1000):
        extra = "" if n == 1 else f"-{n}"
        target = path.with_name(f"{stem}.{label}-{when}{extra}{suffix}")
        try:
            private_file(target, data)
        except FileExistsError:
            continue
        except OSError:
            return None
        return target
    return None

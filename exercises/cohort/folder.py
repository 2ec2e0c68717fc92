"""Reading a folder of share files: each file checked on its own, the unusable ones set
aside with a plain reason and the kind of reason. Pure logic (no pandas, no ipywidgets).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..catalogue import Catalogue
from .share_file import DAMAGED, MAX_SHARE_BYTES, ShareDoc, ShareError
from .share_read import read_share

Rejected = tuple[str, str, str]
"""A file set aside: its name, the reason in a sentence, and the kind of reason."""


def share_files(folder: Path) -> list[Path]:
    """The candidate share files in a folder: every visible ``*.json`` file, by name."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() == ".json" and not p.name.startswith(".") and p.is_file()
    )


@contextmanager
def without_gc() -> Iterator[None]:
    """Pause Python's cycle collector during bulk work on many small objects (JSON
    documents and the tables built from them hold no cycles); without the pause the
    collector's work grows faster than the number of files."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


class FiledShare(ShareDoc):
    """A checked share file's document with the name of the file it was read from."""

    file: str


def read_folder(
    folder: Path | str, catalogue: Catalogue
) -> tuple[list[FiledShare], list[Rejected], int]:
    """Read and check every share file in ``folder``, one by one.

    Returns (usable documents, each with its ``file`` name; rejected (file, reason, kind)
    triples; the number of files looked at). Raises FileNotFoundError or
    NotADirectoryError, in plain words, when the folder itself is missing.
    """
    where = Path(folder).expanduser()
    if not where.exists():
        raise FileNotFoundError(f"There is no folder {where}.")
    if not where.is_dir():
        raise NotADirectoryError(f"{where} is a file, not a folder of share files.")
    docs: list[FiledShare] = []
    rejected: list[Rejected] = []
    checked: dict[Any, Any] = {}  # values already checked, shared by every file here
    paths = share_files(where)
    with without_gc():
        for path in paths:
            try:
                size = path.stat().st_size
                if size > MAX_SHARE_BYTES:
                    raise ShareError(
                        f"The file is {size:,} bytes; a share file is at most 1 MB.", DAMAGED
                    )
                doc = read_share(path.read_bytes(), catalogue, checked)
            except ShareError as err:
                rejected.append((path.name, str(err), err.kind))
            except OSError as err:
                reason = f"It could not be read ({err.strerror or err})."
                rejected.append((path.name, reason, DAMAGED))
            else:
                filed: FiledShare = {**doc, "file": path.name}
                docs.append(filed)
    return docs, rejected, len(paths)

"""Reading a folder of share files, each on its own."""

from __future__ import annotations

from pathlib import Path

from exercises.catalogue import Catalogue
from exercises.cohort.folder import read_folder
from tests.cohort.data import put, share_bytes


def test_read_folder_returns_each_file_on_its_own(tmp_path: Path, cat: Catalogue) -> None:
    """Good documents carry their file name; bad ones come back as (file, reason)."""
    folder = tmp_path / "f"
    put(folder, "ok.json", share_bytes(cat, "calm-heron-1000"))
    put(folder, "bad.json", b"nope")
    docs, rejected, found = read_folder(folder, cat)
    assert [d["file"] for d in docs] == ["ok.json"] and found == 2
    assert rejected[0][0] == "bad.json"

"""The README's map of the repository: every path it names exists, and every module of the
package and of the build extension is named, so the map cannot drift from the code."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def the_map() -> str:
    start = README.index("## Where things live")
    return README[start : README.index("\n## ", start + 1)]


def named_paths(text: str) -> set[str]:
    """Backticked things that look like repository paths (a folder or a file with a suffix)."""
    found = set()
    for item in re.findall(r"`([^`\s]+)`", text):
        item = item.rstrip(",")
        if "/" in item and not item.startswith(("_static/", "http")) and "<" not in item:
            found.add(item)
    return found


def test_every_path_the_map_names_exists() -> None:
    paths = named_paths(the_map())
    assert len(paths) > 30, "the map names the repository's paths"
    missing = sorted(p for p in paths if not any(REPO.glob(p)))
    assert not missing, f"the README's map names paths that do not exist: {missing}"


def test_every_module_is_on_the_map() -> None:
    """Each module of exercises/ (kinds aside: their folders are named as one) and of
    book/_ext/ and book/_scripts/ appears in the map by its file name."""
    text = the_map()
    modules = [
        *(
            p
            for p in (REPO / "exercises").glob("*.py")
            if p.name not in ("__init__.py", "__main__.py")
        ),
        *(REPO / "exercises" / "cohort").glob("[!_]*.py"),
        *(REPO / "book" / "_ext").glob("[!_]*.py"),
    ]
    missing = sorted(
        p.relative_to(REPO).as_posix()
        for p in modules
        if p.name not in text and not re.search(rf"{re.escape(p.stem.split('_')[0])}_\*\.py", text)
    )
    assert not missing, f"modules the README's map does not name: {missing}"

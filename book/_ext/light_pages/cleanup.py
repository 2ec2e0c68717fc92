"""After the build: theme files no page loads are removed, and every icon a page shows is
checked against the set the stylesheet draws."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

from . import icons

REMOVED_FROM_SITE = (
    "scripts/fontawesome.js",
    "scripts/fontawesome.js.LICENSE.txt",
    "scripts/fontawesome.js.map",
    "scripts/bootstrap.js.map",
    "scripts/pydata-sphinx-theme.js.map",
    "scripts/sphinx-book-theme.js.map",
    "styles/pydata-sphinx-theme.css.map",
    "styles/sphinx-book-theme.css.map",
    "vendor/fontawesome",
    "sphinx-thebe.css",
    "sphinx-thebe.js",
    "course-site.js",
)
"""Files no page loads (paths under ``_static/``): the icon font and script, source maps,
the unused live-code files, and the course script that is in the bundle."""


class _ClassReader(HTMLParser):
    """Collects the classes of every element of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.classes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "class" and value:
                self.classes.update(value.split())


def page_classes(html: str) -> set[str]:
    """Every class used in an HTML page."""
    reader = _ClassReader()
    reader.feed(html)
    reader.close()
    return reader.classes


def undrawn_icons(outdir: Path) -> list[str]:
    """Icon classes used by a built page that the stylesheet does not draw."""
    used: set[str] = set()
    for page in outdir.rglob("*.html"):
        if "_static" not in page.parts:
            used.update(c for c in page_classes(page.read_text("utf-8")) if icons.is_icon_class(c))
    return sorted(used - icons.known_classes())


def remove_unused(static: Path) -> None:
    """Delete the files of REMOVED_FROM_SITE (and folders they leave empty)."""
    for name in REMOVED_FROM_SITE:
        target = static / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
        if target.parent != static and target.parent.is_dir() and not any(target.parent.iterdir()):
            target.parent.rmdir()

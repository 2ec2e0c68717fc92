"""Sphinx extension: bundle the website's answer script when the book is built.

The script's source is small ES modules in ``book/_scripts/`` (one concern each: rules,
times, the workbook format, the import preview, the share file, the store, status
words, exercises, the device panel, the page) plus each exercise kind's form reader,
``exercises/kinds/<kind>/form.js``, with its HTML contract ``form.json``. Node and
esbuild (``npm ci``, pinned by ``package-lock.json``) bundle them into one script,
``_static/course-answers.js`` in the built site, by ``book/_scripts/build.mjs``, which
finds the kinds' readers itself.

The bundle is made when the builder starts (a missing tool stops the build at once,
rather than after every notebook has run) into a folder Sphinx then copies into
``_static``. A build without Node, without ``node_modules/esbuild``, or with a kind that
has no form reader fails with a plain message: it never ships a site without its script.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ExtensionError
from sphinx.util import logging

logger = logging.getLogger(__name__)

SCRIPT = "course-answers.js"
"""The bundle's name in the built site's ``_static`` (pages and SCORM packages load it)."""

BUILDER = "book/_scripts/build.mjs"
"""The bundling script, relative to the repository root."""


def _root(app: Sphinx) -> Path:
    return Path(app.confdir)


def _folder(app: Sphinx) -> Path:
    """Where the bundle is made before Sphinx copies it into ``_static``."""
    return Path(app.doctreedir) / "course_scripts"


def kinds_without_reader(root: Path) -> list[str]:
    """Every exercise kind of the package that has no ``form.json``/``form.js`` folder."""
    from exercises.kinds import KIND_SPECS

    readers = set()
    for contract in (root / "exercises" / "kinds").glob("*/form.json"):
        if (contract.parent / "form.js").is_file():
            readers.add(json.loads(contract.read_text(encoding="utf-8")).get("kind"))
    return sorted(set(KIND_SPECS) - readers)


def configure(app: Sphinx, config: Config) -> None:
    """Check the tools are there, and have Sphinx copy the bundle into ``_static``."""
    root = _root(app)
    if shutil.which("node") is None:
        raise ExtensionError(
            "course_scripts: Node.js is not installed; the build needs it to bundle the "
            "site's answer script."
        )
    if not (root / "node_modules" / "esbuild" / "package.json").is_file():
        raise ExtensionError(
            "course_scripts: node_modules/esbuild is missing, so the site's answer script "
            "cannot be bundled. Run `npm ci` (or `make js`) first."
        )
    missing = kinds_without_reader(root)
    if missing:
        raise ExtensionError(
            f"course_scripts: the kinds {', '.join(missing)} have no browser form reader: "
            "add exercises/kinds/<kind>/form.js and form.json."
        )
    _folder(app).mkdir(parents=True, exist_ok=True)  # Sphinx checks static paths exist
    config.html_static_path = [*config.html_static_path, str(_folder(app))]


def bundle(app: Sphinx) -> None:
    """Bundle the answer script (builder-inited); any failure stops the build."""
    folder = _folder(app)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / SCRIPT
    done = subprocess.run(
        ["node", str(_root(app) / BUILDER), str(target)],
        cwd=_root(app),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
        raise ExtensionError(
            f"course_scripts: bundling the answer script failed:\n{done.stderr or done.stdout}"
        )
    logger.info("course_scripts: bundled %s (%d bytes)", SCRIPT, target.stat().st_size)


def setup(app: Sphinx) -> dict[str, object]:
    """Register the extension."""
    app.connect("config-inited", configure)
    app.connect("builder-inited", bundle)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

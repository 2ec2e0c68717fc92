"""The document builder's files in the built site: Pyodide, the trimmed standard library,
the course package and its prompts, each compressed once at build time.

Everything goes into ``_static/course-builder/`` under a name that carries a hash of its
content (so a browser may keep it for good, and a new build never meets an old copy).
The big files are gzipped here, not left to the host: a host without compression still
sends few bytes, and a host that compresses sends them as they are. The worker
(``_static/course-builder-worker.js``) undoes the gzip itself and never depends on the
type a host gives a file, so Moodle's ``text/plain`` for ``.mjs`` and
``application/octet-stream`` for ``.wasm`` do no harm. The list of files, their sizes and
Pyodide's lock-file facts go into ``window.COURSE_DATA.builder`` (:func:`write_builder`).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from builder_package import package_zip, pure_modules, stdlib_names
from builder_stdlib import (
    TraceError,
    minified,
    needed_files,
    sample_workbooks,
    trace,
    trimmed,
)
from sphinx.util import logging

if TYPE_CHECKING:
    from exercises.catalogue import Catalogue

logger = logging.getLogger(__name__)

FOLDER = "course-builder"
"""Folder under ``_static/`` that holds the builder's files."""

PYODIDE = {"loader": "pyodide.mjs", "module": "pyodide.asm.mjs", "wasm": "pyodide.asm.wasm"}
"""Parts of the npm package ``pyodide`` the worker loads, by the worker's name for them."""

PACKAGE = Path(__file__).resolve().parents[2] / "exercises"
"""The course package whose pure modules the builder runs."""

WORKER = Path(__file__).resolve().parents[1] / "_static" / "course-builder-worker.js"
"""The builder's worker script (Sphinx copies it into ``_static/``)."""

STDLIB = "python_stdlib.zip"
LOCK = "pyodide-lock.json"


def _named(stem: str, data: bytes) -> str:
    """A file name carrying a hash of the content: ``stem.1a2b3c4d5e.ext.gz``."""
    digest = hashlib.sha256(data).hexdigest()[:10]
    base, dot, ext = stem.partition(".")
    return f"{base}.{digest}{dot}{ext}.gz"


def _write(folder: Path, stem: str, data: bytes) -> dict[str, Any]:
    """Write ``data`` gzipped (the same bytes every time) under its hash-carrying name."""
    body = gzip.compress(data, compresslevel=9, mtime=0)
    name = _named(stem, data)
    (folder / name).write_bytes(body)
    return {"url": f"{FOLDER}/{name}", "bytes": len(body), "size": len(data)}


def stdlib_for(pyodide: Path, package: bytes, prompts: str, workbooks: list[str]) -> bytes:
    """The trimmed, minified standard library, checked by building every sample workbook
    with it, and with the compiled copy the worker makes of it for later visits."""
    source = pyodide / STDLIB
    traced = trace(pyodide, package, prompts, workbooks)
    imported = stdlib_names([*pure_modules(PACKAGE), Path(__file__).with_name("builder_entry.py")])
    data = minified(pyodide, trimmed(source, needed_files(source, traced["files"], imported)))
    check = trace(pyodide, package, prompts, workbooks, stdlib=data, compiled=True)
    if check.get("built") != len(workbooks) or check.get("compiledBuilt") != len(workbooks):
        raise TraceError("the trimmed standard library did not build every sample workbook")
    return data


def early_modules(catalogue: Catalogue) -> list[str]:
    """The modules on whose pages the builder's files may start downloading early (and
    whose pages load the builder's client at once): the last two, Module 15 and the
    capstone. Elsewhere the client loads when the readable copy is first asked for."""
    return [m.id for m in catalogue.modules.values() if m.prompts][-2:]


def write_builder(
    static: Path, pyodide: Path, catalogue: Catalogue, prompts: str
) -> dict[str, Any]:
    """Write the builder's files under ``static`` and return their description for
    ``window.COURSE_DATA.builder``; an empty dict when Pyodide is missing (no builder)."""
    from exercises.site import site_data

    names = [*PYODIDE.values(), STDLIB, LOCK]
    if not all((pyodide / name).is_file() for name in names):
        logger.warning("course_site: node_modules/pyodide is missing (run `npm ci`).")
        return {}
    folder = static / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    package = package_zip(PACKAGE)
    workbooks = sample_workbooks(catalogue, site_data(catalogue)["workbook"])
    try:
        stdlib = stdlib_for(pyodide, package, prompts, workbooks)
    except (TraceError, OSError) as err:
        logger.warning(
            "course_site: the standard library could not be trimmed, so the site ships all "
            f"of it ({err})"
        )
        stdlib = (pyodide / STDLIB).read_bytes()
    files = {}
    for key, name in PYODIDE.items():
        files[key] = _write(folder, name, (pyodide / name).read_bytes())
    files["stdlib"] = _write(folder, STDLIB, stdlib)
    files["package"] = _write(folder, "exercises.zip", package)
    files["prompts"] = _write(folder, "prompts.json", prompts.encode("utf-8"))
    lock = json.loads((pyodide / LOCK).read_text(encoding="utf-8"))
    version = hashlib.sha256("".join(f["url"] for f in files.values()).encode()).hexdigest()
    worker = hashlib.sha256(WORKER.read_bytes()).hexdigest()[:10]
    return {
        "version": version[:16],
        "worker": f"{WORKER.name}?v={worker}",
        "files": files,
        "bytes": sum(f["bytes"] for f in files.values()),
        "lock": {"info": lock["info"], "packages": {}},
        "early": early_modules(catalogue),
    }

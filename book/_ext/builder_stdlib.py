"""The Python standard library the document builder needs, and nothing more.

Pyodide's ``python_stdlib.zip`` holds the whole standard library (2.5 MB compressed); the
capstone's documents need about a third of it. At build time the document code runs once
in Node.js with the full library (``builder_trace.mjs``: the same calls the browser's
worker makes, for an empty workbook, a complete one and one whose every answer was given
to an earlier version of its question), and the files it loaded are kept, with every
module the package's pure code imports anywhere (inside functions too) and what those
import at module level, as a safety margin for paths the sample workbooks do not take.
The kept files are then written without comments or docstrings (:func:`minified`).
"""

from __future__ import annotations

import io
import json
import random
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from builder_package import STAMP

if TYPE_CHECKING:
    from exercises.catalogue import Catalogue

TRACE = Path(__file__).with_name("builder_trace.mjs")
"""The Node.js script that runs the builder's Python and lists the files it loaded."""

MODULE_IMPORT = re.compile(r"^(?:from[ \t]+([\w.]+)[ \t]+import|import[ \t]+([\w., \t]+))", re.M)
"""An import statement at the start of a line (module level) in a standard library file."""


class TraceError(RuntimeError):
    """The builder's Python could not be run in Node.js at build time."""


def sample_workbooks(catalogue: Catalogue, workbook: dict[str, Any]) -> list[str]:
    """Workbook texts that take the documents down their paths: empty, every question
    answered (each kind's made-up rehearsal answer), every answer to an earlier version."""
    from exercises.kinds import kind_of

    rng = random.Random(7)
    when = "2026-01-12T09:30:00+00:00"
    full, old = {}, {}
    for pid, prompt in catalogue.prompts.items():
        kind = kind_of(prompt)
        value = kind.rehearsal(prompt, kind.rehearsal_taste(prompt, rng), 0.0, rng)
        full[pid] = {"value": value, "saved_at": when}
        old[pid] = {"value": {"an answer": ["in an old shape", 3]}, "saved_at": when}
    head = {"format": workbook["format"], "version": workbook["version"]}
    return [json.dumps({**head, "answers": answers}) for answers in ({}, full, old)]


def trace(
    pyodide: Path,
    package_zip: bytes,
    prompts: str,
    workbooks: list[str],
    stdlib: bytes | None = None,
    compiled: bool = False,
) -> dict[str, Any]:
    """Run the builder's Python in Node.js (with ``stdlib`` instead of Pyodide's own when
    given); return what it loaded: ``{"python": "3.14", "files": [...], "built": n}``.
    With ``compiled``, the library is also compiled as the worker does for later visits,
    and the workbooks are built again with that copy (``"compiledBuilt": n``)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "package.zip").write_bytes(package_zip)
        (folder / "prompts.json").write_text(prompts, encoding="utf-8")
        job: dict[str, Any] = {
            "pyodide": str(pyodide),
            "package": str(folder / "package.zip"),
            "prompts": str(folder / "prompts.json"),
            "workbooks": workbooks,
            "compiled": compiled,
        }
        if stdlib is not None:
            (folder / "stdlib.zip").write_bytes(stdlib)
            job["stdlib"] = str(folder / "stdlib.zip")
        return _node(job)


MINIFY = Path(__file__).with_name("builder_minify.py")
"""The Python that drops comments and docstrings, run inside Pyodide by the trace script."""


def _node(job: dict[str, Any]) -> dict[str, Any]:
    """Run the trace script on ``job``; return what it printed."""
    node = shutil.which("node")
    if node is None:
        raise TraceError("Node.js is not installed (it comes with npm).")
    done = subprocess.run(
        [node, str(TRACE)],
        input=json.dumps(job),
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if done.returncode != 0:
        raise TraceError(done.stderr.strip()[-2000:] or f"node exited with {done.returncode}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def minified(pyodide: Path, stdlib: bytes) -> bytes:
    """The library zip without comments or docstrings (``builder_minify.py``, run by the
    Python version that will read it)."""
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "input.zip", Path(tmp) / "output.zip"
        source.write_bytes(stdlib)
        job = {"script": str(MINIFY), "input": str(source), "output": str(target)}
        _node({"pyodide": str(pyodide), "minify": job})
        return target.read_bytes()


def _module_file(name: str, members: set[str]) -> str | None:
    path = name.replace(".", "/")
    for candidate in (f"{path}.py", f"{path}/__init__.py"):
        if candidate in members:
            return candidate
    return None


def with_imports(source: zipfile.ZipFile, names: Iterable[str]) -> set[str]:
    """The files of the named modules (and their packages), with every module they import
    at module level, as far as the zip holds them."""
    members = set(source.namelist())
    found: set[str] = set()
    todo = list(names)
    while todo:
        parts = todo.pop().split(".")
        for n in range(1, len(parts) + 1):
            path = _module_file(".".join(parts[:n]), members)
            if path is None or path in found:
                continue
            found.add(path)
            text = source.read(path).decode("utf-8", "replace")
            for match in MODULE_IMPORT.finditer(text):
                if match.group(1):
                    todo.append(match.group(1))
                else:
                    todo.extend(m.split(" as ")[0].strip() for m in match.group(2).split(","))
    return found


def trimmed(source: Path, keep: Iterable[str]) -> bytes:
    """A copy of the standard library zip with only the files in ``keep`` (and the folders
    that hold them), stored uncompressed: the site gzips it whole, which packs smaller."""
    wanted = set(keep)
    out = io.BytesIO()
    with zipfile.ZipFile(source) as full, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        members = full.namelist()
        missing = wanted - set(members)
        if missing:
            raise TraceError(f"not in {source.name}: {', '.join(sorted(missing)[:5])}")
        folders = {p.rsplit("/", n)[0] + "/" for p in wanted for n in range(1, p.count("/") + 1)}
        for name in members:
            if name in wanted or name in folders:
                zf.writestr(zipfile.ZipInfo(name, STAMP), full.read(name))
    return out.getvalue()


def needed_files(source: Path, traced: Iterable[str], imported: Iterable[str]) -> set[str]:
    """What the trimmed zip keeps: the traced files, and the modules the package imports
    anywhere with what they import at module level."""
    with zipfile.ZipFile(source) as full:
        return set(traced) | with_imports(full, imported)

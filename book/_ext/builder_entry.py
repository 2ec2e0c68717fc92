"""What the document builder runs in the browser (Pyodide, in a Web Worker).

This module is packed beside the course package's pure modules (``builder_package.py``)
and imported by ``_static/course-builder-worker.js``; the build runs the same calls in
Node.js to find the standard library modules they need (``builder_stdlib.py``). Every
result is JSON text, so the worker hands it to the page as it is.
"""

from __future__ import annotations

import json
from typing import Any

from exercises.catalogue import Catalogue, catalogue_from_data
from exercises.report import answers_doc, to_html, to_markdown
from exercises.site import answers_from_json, documents

_catalogue: list[Catalogue] = []


def load(prompts_json: str) -> None:
    """Read the course's prompts (``prompts.json``, written by the build) once."""
    _catalogue[:] = [catalogue_from_data(json.loads(prompts_json))]


def _course() -> Catalogue:
    if not _catalogue:
        raise RuntimeError("The course's prompts are not loaded yet.")
    return _catalogue[0]


def build_documents(workbook_json: str) -> str:
    """Every capstone document (``exercises.site.documents``), as JSON text."""
    return json.dumps(documents(workbook_json, _course()))


def build_readable(workbook_json: str) -> str:
    """The readable copy of every answer (``exercises.report.answers_doc``), as JSON text."""
    doc = answers_doc(_course(), answers_from_json(workbook_json))
    made: dict[str, Any] = {
        "stem": "my-answers",
        "title": doc.title,
        "html": to_html(doc),
        "markdown": to_markdown(doc),
    }
    return json.dumps(made)


def compile_stdlib(target: str) -> int:
    """Write a copy of the standard library zip in use with every module compiled to
    bytecode (``.pyc`` in place of ``.py``, as Python itself would cache it) to ``target``;
    return how many were compiled. The worker keeps the copy for later visits, which then
    start without compiling the library again."""
    import importlib.util
    import marshal
    import sys
    import zipfile

    source = f"/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip"
    header = importlib.util.MAGIC_NUMBER + (1).to_bytes(4, "little") + bytes(8)  # unchecked
    count = 0
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.endswith(".py"):
                code = compile(data, f"{source}/{info.filename}", "exec", dont_inherit=True)
                compiled = zipfile.ZipInfo(f"{info.filename}c", info.date_time)
                out.writestr(compiled, header + marshal.dumps(code))
                count += 1
            else:
                out.writestr(zipfile.ZipInfo(info.filename, info.date_time), data)
    return count

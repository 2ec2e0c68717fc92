"""Smaller standard library sources for the document builder: no comments, no docstrings.

Run inside Pyodide at build time (``builder_trace.mjs`` with a ``minify`` job), so the
sources are read and written by the same Python version that will run them: each module
is parsed and written back with :func:`ast.unparse`, which drops comments and layout,
and without docstrings, as ``python -OO`` runs it (the standard library is tested that
way). Pyodide's own packages keep their docstrings: its start-up reads some of them.
The result is checked by building every sample workbook with it (``builder_files.py``).
"""

from __future__ import annotations

import ast
import zipfile

KEEP_DOCSTRINGS = ("_pyodide/", "pyodide/")
"""Packages whose docstrings are used at run time."""

STAMP = (1980, 1, 1, 0, 0, 0)


class _NoDocstrings(ast.NodeTransformer):
    """Removes the docstring of every module, class and function (``pass`` if it was
    the whole body)."""

    def _strip(self, node: ast.AST) -> ast.AST:
        self.generic_visit(node)
        body = getattr(node, "body", [])
        first = body[0] if body else None
        if (
            isinstance(first, ast.Expr)
            and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)
        ):
            node.body = body[1:] or [ast.Pass()]  # type: ignore[attr-defined]
        return node

    visit_Module = visit_ClassDef = visit_FunctionDef = visit_AsyncFunctionDef = _strip


def minify(source: str, target: str) -> int:
    """Write ``source`` (a zip of Python files) to ``target`` with every module minified;
    return how many modules were."""
    count = 0
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.endswith(".py"):
                tree = ast.parse(data, info.filename)
                if not info.filename.startswith(KEEP_DOCSTRINGS):
                    tree = _NoDocstrings().visit(tree)
                data = (ast.unparse(tree) + "\n").encode("utf-8")
                count += 1
            out.writestr(zipfile.ZipInfo(info.filename, STAMP), data)
    return count

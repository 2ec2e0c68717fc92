"""The course package as the document builder gets it: its pure modules, in one zip.

The capstone's document builder runs the package's own Python in the browser (Pyodide),
where the widgets, the command line, the workbook's file locking and the data libraries
are of no use. :func:`pure_modules` picks the modules that import none of them (directly
or through another module of the package), and :func:`package_zip` packs them with the
builder's entry module (``builder_entry.py``, beside this file).
"""

from __future__ import annotations

import ast
import io
import zipfile
from pathlib import Path

BROWSER_LACKS = frozenset({"filelock", "ipywidgets", "numpy", "pandas", "yaml"})
"""Libraries the capstone's Pyodide does not load: a module importing one of them at import
time, directly or through another module of the package, stays out of the browser's copy."""

ENTRY = Path(__file__).with_name("builder_entry.py")
"""The module the builder's worker imports (it calls the package's document code)."""

STAMP = (1980, 1, 1, 0, 0, 0)
"""The time written for every file in the zip, so the same sources give the same bytes."""


def _imports(module: Path, package: Path) -> tuple[set[str], set[Path]]:
    """The outside libraries and the package's own modules that ``module`` imports when it
    is imported (statements at module level; imports inside functions are left out)."""
    outside: set[str] = set()
    inside: set[Path] = set()
    for node in ast.parse(module.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            outside.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            outside.add((node.module or "").split(".")[0])
        elif isinstance(node, ast.ImportFrom):
            base = module.parent
            for _ in range(node.level - 1):
                base = base.parent
            names = [node.module] if node.module else [a.name for a in node.names]
            for name in names:
                target = base.joinpath(*name.split("."))
                for found in (target.with_suffix(".py"), target / "__init__.py"):
                    if found.is_file():
                        inside.add(found)
    if module.parent != package and module.name != "__init__.py":
        inside.add(module.parent / "__init__.py")  # its subpackage is imported first
    return outside, {p for p in inside if p != package / "__init__.py"}


def pure_modules(package: Path) -> list[Path]:
    """Every module of the package the browser can import: not the widgets, not the
    command line, and nothing that needs a library in :data:`BROWSER_LACKS` at import."""
    candidates = [
        p
        for p in sorted(package.rglob("*.py"))
        if p != package / "__init__.py"
        and p.name != "__main__.py"
        and "widgets" not in p.relative_to(package).parts
        and "__pycache__" not in p.parts
    ]
    graph = {p: _imports(p, package) for p in candidates}
    heavy = {p for p, (outside, _) in graph.items() if outside & BROWSER_LACKS}
    changed = True
    while changed:
        changed = False
        for p, (_, inside) in graph.items():
            if p not in heavy and any(q in heavy or q not in graph for q in inside):
                heavy.add(p)
                changed = True
    return [p for p in candidates if p not in heavy and p.name != "cli.py"]


def stdlib_names(modules: list[Path]) -> set[str]:
    """Every module name the given files import anywhere (inside functions too), with its
    parent packages: the standard library modules the documents may ask for."""
    names: set[str] = set()
    for path in modules:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            found: list[str] = []
            if isinstance(node, ast.Import):
                found = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            for name in found:
                parts = name.split(".")
                names.update(".".join(parts[: n + 1]) for n in range(len(parts)))
    return names


def package_zip(package: Path) -> bytes:
    """The pure modules and the entry module as a zip (stored: the site gzips it whole)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:

        def add(name: str, text: str) -> None:
            zf.writestr(zipfile.ZipInfo(name, STAMP), text.encode("utf-8"))

        # The pure modules only; the package's __init__ also loads the workbook's file
        # locking, which the browser has no use for.
        add("exercises/__init__.py", '"""The course package (pure modules only)."""\n')
        for module in pure_modules(package):
            name = f"exercises/{module.relative_to(package).as_posix()}"
            add(name, module.read_text(encoding="utf-8"))
        add(ENTRY.name, ENTRY.read_text(encoding="utf-8"))
    return out.getvalue()

"""The package's shape: no module imports another that imports it back (no cycle, so the
ground floor stays the ground floor), and no source file is too long to read.

Every import counts, at the top of a module, under ``if TYPE_CHECKING:`` or inside a
function (a late import is still a dependency: ``model.check_value`` importing the kinds
inside the function, while every kind imported the model, was such a ring)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

MAX_LINES = 450
"""The longest a source file of ours may be, in lines."""

SIZED = {"exercises": 60, "book/_ext": 15, "book/_static": 6, "book/_scripts": 15}
"""The folders whose own Python, JavaScript and CSS files are held to :data:`MAX_LINES`,
each with how many files it holds at least (so a moved folder fails the check loudly
instead of passing on nothing)."""


def module_name(path: Path, root: Path) -> str:
    """``exercises/kinds/rating/__init__.py`` -> ``exercises.kinds.rating``."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(package: Path) -> dict[str, set[str]]:
    """Each module of the package (found under ``package``) to the package modules it
    imports anywhere in it, relative imports resolved."""
    root = package.parent
    modules = {module_name(p, root): p for p in package.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        here = name.split(".") if is_package else name.split(".")[:-1]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = here[: len(here) - node.level + 1] if node.level else []
                start = ".".join([*base, *([node.module] if node.module else [])])
                for alias in node.names:
                    submodule = f"{start}.{alias.name}"
                    targets.add(submodule if submodule in modules else start)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every group of modules that import each other in a ring (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_of_the_package_imports_itself_back() -> None:
    """The ground floor (model, then the kinds) imports nothing above it, even late."""
    graph = import_graph(REPO / "exercises")
    assert "exercises.kinds.rating" in graph and "exercises.model" in graph
    assert graph["exercises.model"] == set(), "the model imports nothing of the package"
    assert not cycles(graph), f"import cycles: {cycles(graph)}"


def test_the_cycle_check_finds_a_cycle_and_reads_every_import_form(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from . import b\n")
    (pkg / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .sub.c import X\n"
    )
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "sub" / "c.py").write_text("import pkg.a\n")
    graph = import_graph(pkg)
    assert graph["pkg.a"] == {"pkg.b"} and graph["pkg.b"] == {"pkg.sub.c"}
    assert graph["pkg.sub.c"] == {"pkg.a"}
    assert cycles(graph) == [["pkg.a", "pkg.b", "pkg.sub.c"]]
    (pkg / "sub" / "c.py").write_text("X = 1\n")
    assert cycles(import_graph(pkg)) == []
    (pkg / "sub" / "c.py").write_text("def late():\n    from .. import a\n")
    assert cycles(import_graph(pkg)) == [["pkg.a", "pkg.b", "pkg.sub.c"]]


def source_files() -> list[Path]:
    """Our Python and JavaScript files in :data:`SIZED` (no caches, nothing third-party)."""
    return sorted(
        p
        for folder in SIZED
        for p in (REPO / folder).rglob("*")
        if p.suffix in (".py", ".js", ".mjs", ".css") and "__pycache__" not in p.parts
    )


@pytest.mark.parametrize("folder", SIZED)
def test_no_source_file_is_too_long(folder: str) -> None:
    files = [p for p in source_files() if p.is_relative_to(REPO / folder)]
    assert len(files) >= SIZED[folder], f"the check found only {len(files)} files in {folder}/"
    long = {
        p.relative_to(REPO).as_posix(): n
        for p in files
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"files over {MAX_LINES} lines: {long}"

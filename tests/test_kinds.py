"""Every exercise kind is defined once, in its folder of exercises/kinds/, with every part,
and the rest of the package asks the kind instead of naming it."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from exercises.kinds import FOLDERS, KIND_SPECS, KINDS, Counted, KindSpec, Listed
from exercises.kinds.spec import PARTS, kind_spec
from tests.conftest import REPO

KINDS_DIR = REPO / "exercises" / "kinds"

KIND_FILES = ("__init__.py", "widget.py", "form.js", "form.json")
"""The files every kind's folder holds: its Python parts, its Jupyter control, the
website's form reader and the form's HTML contract (which both languages read)."""

FIELDS = [f.name for f in dataclasses.fields(KindSpec)]


def test_the_registration_names_every_folder_once_in_order() -> None:
    """The one registration line lists each kind folder, and each folder is registered."""
    folders = sorted(p.name for p in KINDS_DIR.iterdir() if (p / "__init__.py").is_file())
    assert sorted(FOLDERS) == folders and len(set(FOLDERS)) == len(FOLDERS)
    assert (
        KINDS
        == tuple(KIND_SPECS)
        == (
            "text",
            "rating",
            "choice",
            "checklist",
            "quiz",
            "position",
            "list",
            "actions",
        )
    )
    assert all(spec.name == kind for kind, spec in KIND_SPECS.items())


@pytest.mark.parametrize("folder", FOLDERS)
def test_a_kinds_folder_holds_every_file(folder: str) -> None:
    missing = [name for name in KIND_FILES if not (KINDS_DIR / folder / name).is_file()]
    assert not missing, f"exercises/kinds/{folder}/ lacks {', '.join(missing)}"


@pytest.mark.parametrize("kind", KINDS)
def test_a_kind_has_every_part(kind: str) -> None:
    """No part is missing or empty; the functions are functions."""
    spec = KIND_SPECS[kind]
    for part in FIELDS:
        value = getattr(spec, part)
        assert value is not None, f"{kind} has no {part}"
        if part in PARTS:
            assert callable(value), f"{kind}.{part} is not a function"
    assert spec.heading.strip()
    assert isinstance(spec.cohort, (Counted, Listed))
    assert spec.free_text == isinstance(spec.cohort, Listed), "free text is listed, never counted"


@pytest.mark.parametrize("kind", KINDS)
def test_a_kinds_widget_is_a_control_in_its_own_folder(kind: str) -> None:
    from exercises.widgets.controls import Control

    module, name = KIND_SPECS[kind].widget.split(":")
    folder = FOLDERS[KINDS.index(kind)]
    assert module == f"exercises.kinds.{folder}.widget"
    assert issubclass(getattr(importlib.import_module(module), name), Control)


def test_a_kind_that_leaves_out_a_part_cannot_be_made() -> None:
    parts = {part: (lambda *_: None) for part in PARTS if part != "examples"}
    with pytest.raises(TypeError, match="examples"):
        kind_spec("new", "New", "NewControl", {**parts, "__name__": "x"}, (), Listed(str))
    with pytest.raises(TypeError, match="rehearsal"):
        KindSpec(**{f: None for f in FIELDS if f != "rehearsal"})  # type: ignore[arg-type]


def test_the_kinds_load_no_widgets_and_no_pandas() -> None:
    probe = (
        "import sys, exercises.kinds, exercises.static_form, exercises.report; "
        "print(sorted(m for m in ('ipywidgets', 'pandas', 'numpy') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


KIND_NAMES = {*KINDS, *FOLDERS} - {"list"}
"""Kind names as they would appear in code that branches on them (``list`` is left out:
it is also a Python word)."""

ALLOWED = {
    "exercises/model.py",  # Prompt.columns: an action plan's fixed columns (data)
    "exercises/doc_parts.py",  # the plan and report gather every action plan's rows
}
"""Modules outside the kinds that may name a kind (each for a reason given here)."""


def _names_a_kind(tree: ast.AST) -> list[int]:
    """Lines comparing ``something.kind`` with a kind's name."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        kinds = [s for s in sides if isinstance(s, ast.Attribute) and s.attr == "kind"]
        words = {
            c.value
            for s in sides
            for c in ([s] if isinstance(s, ast.Constant) else getattr(s, "elts", []))
            if isinstance(c, ast.Constant) and isinstance(c.value, str)
        }
        if kinds and words & KIND_NAMES:
            lines.append(node.lineno)
    return lines


def test_the_rest_of_the_package_asks_the_kind() -> None:
    """No module outside exercises/kinds/ branches on a prompt's kind by name (the check
    finds ``prompt.kind == "quiz"`` and ``p.kind in ("position", ...)``)."""
    package = REPO / "exercises"
    found = {}
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(REPO).as_posix()
        if name.startswith("exercises/kinds/") or name in ALLOWED:
            continue
        lines = _names_a_kind(ast.parse(path.read_text(encoding="utf-8")))
        if lines:
            found[name] = lines
    assert not found, f"these branch on a kind's name instead of asking the kind: {found}"


def test_the_branch_check_finds_a_branch(tmp_path: Path) -> None:
    code = 'if prompt.kind == "quiz" or p.kind in ("position", "x"):\n    pass\n'
    assert _names_a_kind(ast.parse(code)) == [1, 1]
    assert _names_a_kind(ast.parse('if block.kind == "para":\n    pass\n')) == []


def one_prompt_of_each_kind(catalogue) -> dict[str, object]:
    found: dict[str, object] = {}
    for prompt in catalogue.prompts.values():
        found.setdefault(prompt.kind, prompt)
    assert set(found) == set(KINDS), "the course uses every kind"
    return found


@pytest.mark.parametrize("kind", KINDS)
def test_a_kinds_control_shows_and_takes_each_example_that_fits(kind: str, catalogue) -> None:
    """set() shows a value quietly; enter() puts it in as the learner would, reported as a
    change; get() gives a value that fits, the same both ways; a full answer (the first
    example) comes back as the kind's rule tidies it."""
    from exercises.kinds import check_value
    from exercises.widgets.controls import build_control

    prompt = one_prompt_of_each_kind(catalogue)[kind]
    examples = KIND_SPECS[kind].examples(prompt).fit[:4]  # type: ignore[arg-type]
    for n, value in enumerate(examples):  # the first few: a control per example is slow
        control = build_control(prompt)  # type: ignore[arg-type]
        changes: list[bool] = []
        control.on_change(changes.append)
        assert control.set(value) and changes == []
        shown = control.get()
        if shown is not None:
            assert check_value(prompt, shown) == shown  # type: ignore[arg-type]
        if n == 0:
            assert shown == check_value(prompt, value)  # type: ignore[arg-type]
        fresh = build_control(prompt)  # type: ignore[arg-type]
        fresh.on_change(changes.append)
        fresh.enter(value)
        assert fresh.get() == shown
        assert changes or n, f"{kind}: entering a full answer reported no change"

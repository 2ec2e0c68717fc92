"""The prompt files load, and a broken file fails with a message naming file and id."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from exercises.catalogue import PROMPTS_DIR, SCALES_FILE, CatalogueError, load_catalogue
from exercises.kinds import KINDS


def test_course_catalogue_loads_with_unique_ids(catalogue) -> None:
    """Every module file is valid; ids are unique and start with their module."""
    assert catalogue.modules, "no modules found"
    ids = [p.id for m in catalogue.modules.values() for p in m.prompts]
    assert len(ids) == len(set(ids))
    for module in catalogue.modules.values():
        for p in module.prompts:
            assert p.id.startswith(module.id + ".")
            assert p.module == module.id


def test_modules_are_in_number_order(catalogue) -> None:
    """Modules come back in course order."""
    numbers = [m.number for m in catalogue.modules.values()]
    assert numbers == sorted(numbers)


def test_lookup_errors_name_the_unknown_id(catalogue) -> None:
    """Asking for a prompt or module that does not exist says which, and suggests others."""
    with pytest.raises(KeyError, match=r"mindset\.nope.*Prompts in that module: mindset\."):
        catalogue.prompt("mindset.nope")
    with pytest.raises(KeyError, match="no module 'nope'"):
        catalogue.module("nope")


def test_check_uses_the_prompts_rules(catalogue) -> None:
    """Catalogue.check applies check_value for the named prompt."""
    assert catalogue.check("mindset.push-or-pull", "pull") == "pull"
    with pytest.raises(ValueError):
        catalogue.check("mindset.push-or-pull", "sideways")


def write_module(folder: Path, body: str, name: str = "demo.yml") -> Path:
    """A prompt folder holding the real scales and one module file."""
    shutil.copy(PROMPTS_DIR / SCALES_FILE, folder / SCALES_FILE)
    path = folder / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


HEAD = """\
module: demo
number: 1
title: Demo
minutes: 10
prompts:
"""


def test_a_valid_file_of_every_kind_loads(tmp_path: Path) -> None:
    """One prompt of each kind, written as the README describes, loads without error."""
    write_module(
        tmp_path,
        HEAD
        + """\
  - {id: demo.t, kind: text, title: T, question: Q}
  - {id: demo.r, kind: rating, title: T, question: Q, scale: agreement}
  - id: demo.g
    kind: rating
    title: T
    question: Q
    scale: ['No', 'Yes']
    items: [{id: a, label: A}, {id: b, label: B}]
  - {id: demo.c, kind: choice, title: T, question: Q,
     options: [{id: a, label: A}, {id: b, label: B}]}
  - {id: demo.k, kind: checklist, title: T, question: Q,
     options: [{id: a, label: A}, {id: b, label: B}]}
  - id: demo.q
    kind: quiz
    title: T
    question: Q
    options:
      - {id: a, label: A, correct: true, feedback: Right}
      - {id: b, label: B, feedback: Wrong}
  - id: demo.p
    kind: position
    title: T
    question: Q
    x: {label: X, low: l, high: h}
    y: {label: Y, low: l, high: h, steps: 3}
    quadrants: [a, b, c, d]
  - id: demo.l
    kind: list
    title: T
    question: Q
    fields: [{id: name, label: Name}, {id: role, label: Role, kind: choice, options: [x, y]}]
  - {id: demo.a, kind: actions, title: T, question: Q, add_label: Add}
""",
    )
    cat = load_catalogue(tmp_path)
    assert sorted(p.kind for p in cat.prompts.values()) == sorted([*KINDS, "rating"])
    assert cat.prompt("demo.p").y.steps == 3
    assert cat.prompt("demo.g").scale == ("No", "Yes")


BROKEN = [
    ("- not a mapping\n", "demo.yml: top level: the file must be a mapping"),
    (HEAD.replace("module: demo", "module: Demo"), "'module' must be lower-case"),
    (HEAD.replace("number: 1", "number: one"), "'number' must be a whole number"),
    (HEAD + "  - {id: other.x, kind: text, title: T, question: Q}\n", "prompt 1: 'id' must"),
    (HEAD + "  - {id: demo.Bad_Id, kind: text, title: T, question: Q}\n", "demo.Bad_Id: the part"),
    (HEAD + "  - {id: demo.x, kind: essay, title: T, question: Q}\n", "demo.x: 'kind' must"),
    (HEAD + "  - {id: demo.x, kind: text, title: T}\n", "demo.x: 'question' must be"),
    (
        HEAD + "  - {id: demo.x, kind: text, title: T, question: Q, scale: agreement}\n",
        "demo.x: keys not used by a text prompt",
    ),
    (
        HEAD + "  - {id: demo.x, kind: rating, title: T, question: Q, scale: vibes}\n",
        "demo.x: 'scale' must name a scale",
    ),
    (
        HEAD
        + "  - {id: demo.x, kind: choice, title: T, question: Q, options: [{id: a, label: A}]}\n",
        "demo.x: 'options' must be a list of at least 2",
    ),
    (
        HEAD + "  - {id: demo.x, kind: choice, title: T, question: Q,"
        " options: [{id: a, label: A}, {id: a, label: B}]}\n",
        "demo.x: option ids must be unique",
    ),
    (
        HEAD + "  - {id: demo.x, kind: quiz, title: T, question: Q, options: [{id: a, label: A,"
        " feedback: f}, {id: b, label: B, feedback: f}]}\n",
        "demo.x: a quiz needs exactly one",
    ),
    (
        HEAD + "  - {id: demo.x, kind: quiz, title: T, question: Q, options: [{id: a, label: A,"
        " correct: true}, {id: b, label: B, feedback: f}]}\n",
        "demo.x: every quiz option needs",
    ),
    (
        HEAD + "  - {id: demo.x, kind: position, title: T, question: Q, x: {label: X, low: l,"
        " high: h}}\n",
        "demo.x: 'y' must be a mapping",
    ),
    (
        HEAD + "  - {id: demo.x, kind: position, title: T, question: Q, quadrants: [a],"
        " x: {label: X, low: l, high: h}, y: {label: Y, low: l, high: h}}\n",
        "demo.x: 'quadrants' must list four",
    ),
    (
        HEAD + "  - {id: demo.x, kind: list, title: T, question: Q, fields: [{id: a, label: A,"
        " kind: choice}]}\n",
        "demo.x: a choice field needs",
    ),
    (
        HEAD + "  - {id: demo.x, kind: text, title: T, question: Q}\n"
        "  - {id: demo.x, kind: text, title: T, question: Q}\n",
        "demo.yml: top level: prompt ids must be unique; repeated: demo.x",
    ),
    (
        HEAD + "  - {id: demo.x, kind: rating, title: T, question: Q, scale: [No, Yes]}\n",
        "demo.x: every label in 'scale' must be text",
    ),
    ("module: demo\nprompts: [\n", "demo.yml: cannot be read as YAML"),
]


@pytest.mark.parametrize(("body", "message"), BROKEN)
def test_broken_files_fail_naming_file_and_id(tmp_path: Path, body: str, message: str) -> None:
    """Each rule, when broken, gives a CatalogueError that points at the mistake."""
    write_module(tmp_path, body)
    with pytest.raises(CatalogueError) as err:
        load_catalogue(tmp_path)
    assert message in str(err.value)
    assert str(err.value).startswith("demo.yml")


def test_file_name_must_match_module(tmp_path: Path) -> None:
    """A module's file is named after its id, so the id is easy to find."""
    write_module(tmp_path, HEAD + "  - {id: demo.t, kind: text, title: T, question: Q}\n", "x.yml")
    with pytest.raises(CatalogueError, match=r"x\.yml: the file name must be demo\.yml"):
        load_catalogue(tmp_path)


def test_duplicate_module_numbers_are_refused(tmp_path: Path) -> None:
    """Two modules may not share a number."""
    write_module(tmp_path, HEAD)
    (tmp_path / "other.yml").write_text(HEAD.replace("demo", "other"), encoding="utf-8")
    with pytest.raises(CatalogueError, match="module number 1 is also demo"):
        load_catalogue(tmp_path)

"""The website forms' HTML contract, from Python's side: every kind has its browser
reader (``exercises/kinds/<kind>/form.js``) and contract (``form.json``), and the HTML each
kind's ``form()`` makes has every part its contract names, as many as it says, with the
values it says. ``tests/js/forms.test.mjs`` checks the readers against the same HTML."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from exercises.kinds import KIND_SPECS
from exercises.model import Prompt
from exercises.static_form import exercise_html

KINDS = Path(__file__).resolve().parents[1] / "exercises" / "kinds"


def contracts() -> dict[str, tuple[Path, dict[str, Any]]]:
    """Each kind's folder and contract, by kind name."""
    found = {}
    for path in sorted(KINDS.glob("*/form.json")):
        contract = json.loads(path.read_text(encoding="utf-8"))
        assert contract["kind"] not in found, f"two folders define {contract['kind']}"
        found[contract["kind"]] = (path.parent, contract)
    return found


COMMON = json.loads((KINDS / "form.json").read_text(encoding="utf-8"))["parts"]


def test_every_kind_has_its_browser_form_reader_and_contract() -> None:
    found = contracts()
    assert sorted(found) == sorted(KIND_SPECS), "a kind without form.json, or one without a kind"
    for kind, (folder, contract) in found.items():
        assert (folder / "form.js").is_file(), f"{kind}: {folder.name}/form.js is missing"
        assert contract["parts"], kind
        for name, part in contract["parts"].items():
            assert {"selector", "count", "about"} <= part.keys(), f"{kind}.{name}"
    assert found["list"][0].name == "listing"  # the kind whose Python module is listing


def expected_count(prompt: Prompt, count: int | str) -> int | None:
    """How many elements a part's count asks for (None: one or more)."""
    if count == "+":
        return None
    if isinstance(count, int):
        return count
    return {
        "items": len(prompt.items),
        "options": len(prompt.options),
        "columns": len(prompt.columns),
    }[count]


def expected_values(prompt: Prompt, source: str) -> set[str]:
    """The values a part's attribute takes, by its ``from``."""
    if source in ("x", "y"):
        axis = prompt.x if source == "x" else prompt.y
        assert axis is not None
        return {str(n) for n in range(1, axis.steps + 1)}
    return {
        "scale": {str(n) for n in range(1, len(prompt.scale) + 1)},
        "items": {i.id for i in prompt.items},
        "options": {o.id for o in prompt.options},
        "columns": {c.id for c in prompt.columns},
        "axes": {"x", "y"},
    }[source]


def broken_parts(prompt: Prompt, html: str) -> list[str]:
    """Every way ``html`` breaks the common and the kind's contract."""
    soup = BeautifulSoup(html, "html.parser")
    problems = []
    parts = {**COMMON, **contracts()[prompt.kind][1]["parts"]}
    for name, part in parts.items():
        found = soup.select(part["selector"])
        want = expected_count(prompt, part["count"])
        if (want is None and not found) or (want is not None and len(found) != want):
            problems.append(f"{name}: {len(found)} of {part['selector']!r}, not {part['count']}")
        if "attribute" in part:
            values = {str(el.get(part["attribute"])) for el in found}
            if values != expected_values(prompt, part["from"]):
                problems.append(f"{name}: {part['attribute']} values {sorted(values)}")
    rows = soup.select(".course-rows[data-row-base]")
    for box in rows:
        start = f"{box['data-row-base']}-1-"
        problems += [
            f"cell id {cell['id']!r} does not start with {start!r}"
            for cell in box.select("[data-field]")
            if not str(cell["id"]).startswith(start)
        ]
    return problems


def test_every_form_keeps_its_contract(catalogue) -> None:
    """Every prompt of the course, every kind: the HTML has what the reader relies on."""
    broken = {p.id: broken_parts(p, exercise_html(p)) for p in catalogue.prompts.values()}
    assert not {pid: b for pid, b in broken.items() if b}
    assert {p.kind for p in catalogue.prompts.values()} == set(KIND_SPECS)


@pytest.mark.parametrize(
    ("kind", "breakage"),
    [
        ("text", ("data-answer", "data-gone")),
        ("rating", ("data-item", "data-row")),
        ("choice", ('type="radio"', 'type="checkbox"')),
        ("quiz", ("data-feedback", "data-said")),
        ("position", ('data-axis="y"', 'data-axis="z"')),
        ("list", ("data-field", "data-cell")),
        ("actions", ("course-rows", "course-list")),
    ],
)
def test_a_form_that_breaks_its_contract_is_caught(catalogue, kind: str, breakage) -> None:
    """The check is not a formality: renaming what a reader relies on fails it."""
    prompt = next(
        p for p in catalogue.prompts.values() if p.kind == kind and (kind != "rating" or p.items)
    )
    assert broken_parts(prompt, exercise_html(prompt).replace(*breakage))

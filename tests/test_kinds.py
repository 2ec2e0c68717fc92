"""Every exercise kind is defined once, in exercises/kinds/, with every part."""

from __future__ import annotations

import dataclasses
import importlib
import subprocess
import sys

import pytest

from exercises.kinds import KIND_SPECS, LISTED, Counted, KindSpec
from exercises.model import KINDS
from tests.conftest import REPO

PARTS = [f.name for f in dataclasses.fields(KindSpec)]


def test_every_kind_has_a_spec_in_the_order_of_the_kind_names() -> None:
    assert tuple(KIND_SPECS) == KINDS
    assert all(spec.name == kind for kind, spec in KIND_SPECS.items())


@pytest.mark.parametrize("kind", KINDS)
def test_a_kind_has_every_part(kind: str) -> None:
    """No part is missing or empty; the functions are functions."""
    spec = KIND_SPECS[kind]  # type: ignore[index]
    for part in PARTS:
        value = getattr(spec, part)
        assert value is not None, f"{kind} has no {part}"
        if part in ("read", "check", "schema", "form", "blocks", "rehearsal_taste", "rehearsal"):
            assert callable(value), f"{kind}.{part} is not a function"
    assert spec.heading.strip()
    assert isinstance(spec.cohort, Counted) or spec.cohort == LISTED
    assert spec.free_text == (spec.cohort == LISTED), "free text is listed, never counted"


@pytest.mark.parametrize("kind", KINDS)
def test_a_kinds_widget_is_a_control(kind: str) -> None:
    from exercises.widgets.controls import Control

    module, name = KIND_SPECS[kind].widget.split(":")  # type: ignore[index]
    assert issubclass(getattr(importlib.import_module(module), name), Control)


def test_a_kind_that_leaves_out_a_part_cannot_be_made() -> None:
    parts = {part: None for part in PARTS if part != "rehearsal"}
    with pytest.raises(TypeError, match="rehearsal"):
        KindSpec(**parts)  # type: ignore[arg-type]


def test_the_kinds_load_no_widgets_and_no_pandas() -> None:
    probe = (
        "import sys, exercises.kinds, exercises.static_form, exercises.report; "
        "print(sorted(m for m in ('ipywidgets', 'pandas', 'numpy') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"

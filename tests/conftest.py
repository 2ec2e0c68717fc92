"""Shared fixtures. Every test runs with its own workbook path in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from exercises.catalogue import Catalogue, course_catalogue
from exercises.workbook import Workbook

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _private_workbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch a real learner's workbook: point the default at a temp folder."""
    monkeypatch.setenv("COURSE_WORKBOOK", str(tmp_path / "default" / "workbook.json"))


@pytest.fixture
def catalogue() -> Catalogue:
    """The course's own prompts."""
    return course_catalogue()


@pytest.fixture
def workbook(tmp_path: Path, catalogue: Catalogue) -> Workbook:
    """An empty workbook in a temporary folder that checks values against the catalogue."""
    return Workbook(tmp_path / "wb" / "workbook.json", checker=catalogue.check)

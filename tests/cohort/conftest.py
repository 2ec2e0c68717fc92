"""Fixtures shared by the cohort tools' tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from exercises.catalogue import Catalogue
from tests.cohort.data import make_catalogue


@pytest.fixture
def cat(tmp_path: Path) -> Catalogue:
    """The small test catalogue."""
    return make_catalogue(tmp_path / "prompts")

"""The glossary's one call in the form view: it puts the heading script on the page."""

from __future__ import annotations

import tomllib
from pathlib import Path

from IPython.core.formatters import DisplayFormatter

import exercises
from exercises.widgets import heading


def test_the_call_shows_the_script_as_javascript() -> None:
    """The notebook's call returns output that Jupyter shows as the whole browser script."""
    output = exercises.go_to_linked_heading()  # the notebook's call, through the package
    data, _metadata = DisplayFormatter().format(output)
    assert data["application/javascript"] == heading.SCRIPT.read_text(encoding="utf-8")
    assert "goToLinkedHeading(window)" in data["application/javascript"]
    assert "<" not in data["text/plain"]  # no object address in a plain-text view


def test_the_script_ships_with_the_package() -> None:
    """The script is package data, so an installed course has it too."""
    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    assert "*.js" in project["tool"]["setuptools"]["package-data"]["exercises.widgets"]
    assert heading.SCRIPT.is_file()

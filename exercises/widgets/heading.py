"""Open a page reached through a link at the heading the link names (for the form view)."""

from __future__ import annotations

from pathlib import Path

SCRIPT = Path(__file__).with_name("go-to-heading.js")
"""The browser script, beside this module (plain JavaScript, linted and unit-tested)."""


class LinkedHeading:
    """Output that Jupyter shows as JavaScript (IPython's ``_repr_javascript_`` protocol)."""

    def _repr_javascript_(self) -> str:
        return SCRIPT.read_text(encoding="utf-8")

    def __repr__(self) -> str:
        return "(scrolls to the heading a link names, once the page shows)"


def go_to_linked_heading() -> LinkedHeading:
    """Show the heading named by the page address's #anchor once Voila shows the page.

    Voila hides a page until all its cells are rendered, so a link such as
    ``glossary.ipynb#Broker`` would otherwise open the glossary at the top.
    """
    return LinkedHeading()

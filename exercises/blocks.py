"""The pieces a document is made of, shared by every kind's document blocks
(:mod:`exercises.kinds`) and the renderers in :mod:`exercises.report`."""

from __future__ import annotations

from dataclasses import dataclass, field

GAP = "Not answered yet: open the module to add your answer."
"""What a gap says."""


@dataclass
class Block:
    """One piece of a document: a paragraph, bullets, a table, a chart or a gap."""

    kind: str  # "para" | "bullets" | "table" | "chart" | "gap"
    text: str = ""
    items: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    svg: str = ""
    nowrap: list[int] = field(default_factory=list)
    """Table columns (0-based) whose cells must not wrap, such as dates."""

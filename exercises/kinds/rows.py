"""What the kinds answered in rows (list, actions) have in common."""

from __future__ import annotations

from html import escape
from typing import Any

from ..blocks import GAP, Block
from ..form_parts import field_html
from ..model import MAX_ROWS, Prompt, row_schema


def schema(prompt: Prompt) -> dict[str, Any]:
    return {"type": "array", "maxItems": MAX_ROWS, "items": row_schema(prompt)}


def form(prompt: Prompt, base: str) -> str:
    fields = "".join(field_html(f"{base}-1", c) for c in prompt.columns)
    add = escape(prompt.add_label)
    return (
        f'<div class="course-rows" data-add-label="{add}" data-row-base="{escape(base)}">'
        f'<fieldset class="course-row"><legend>Row 1</legend>{fields}</fieldset></div>'
    )


def blocks(prompt: Prompt, value: list[dict[str, str]]) -> list[Block]:
    cols = prompt.columns
    rows = [[row.get(c.id, "") for c in cols] for row in value if any(row.values())]
    if not rows:
        return [Block("gap", GAP)]
    return [Block("table", headers=[c.label for c in cols], rows=rows)]


def add_label(reader: Any, data: dict[str, Any]) -> dict[str, Any]:
    """The optional wording of the add-a-row button."""
    if "add_label" in data:
        return {"add_label": reader.text(data, "add_label")}
    return {}

"""What the kinds answered in rows (list, actions) have in common: the rows' value rule and
schema, their website form, document blocks and examples. Their Jupyter control is in
:mod:`exercises.kinds.rows_widget`."""

from __future__ import annotations

import datetime as _dt
import re
from html import escape
from typing import Any

from ..blocks import GAP, Block
from ..form_parts import slug
from ..model import MAX_ROWS, MAX_TEXT, AnswerError, Field, Prompt
from .spec import Examples, Listed, Reader
from .values import text_in

ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
"""The one date form a date cell (an action's ``when``) takes: ``YYYY-MM-DD``."""


def check(prompt: Prompt, value: Any) -> list[dict[str, str]]:
    """``value`` if it is a list of rows fitting the prompt's columns, else AnswerError."""
    if not isinstance(value, list):
        raise AnswerError("A list answer must be a list of rows.")
    if len(value) > MAX_ROWS:
        raise AnswerError(f"A list can hold at most {MAX_ROWS} rows.")
    columns = {f.id: f for f in prompt.columns}
    rows = []
    for n, row in enumerate(value, start=1):
        if not isinstance(row, dict) or set(row) - set(columns):
            raise AnswerError(f"Row {n} must only hold the fields {', '.join(columns)}.")
        clean = {}
        for fid, col in columns.items():
            cell = text_in(row.get(fid, ""), f"Row {n}, {col.label}")
            if cell and col.kind == "choice" and cell not in col.options:
                raise AnswerError(f"Row {n}, {col.label}: {cell!r} is not one of the choices.")
            if cell and col.kind == "date":
                try:
                    if not ISO_DATE.match(cell):
                        raise ValueError(cell)
                    _dt.date.fromisoformat(cell)
                except ValueError:
                    raise AnswerError(f"Row {n}, {col.label}: {cell!r} is not a date.") from None
            clean[fid] = cell
        rows.append(clean)
    return rows


def row_schema(prompt: Prompt) -> dict[str, Any]:
    """The JSON Schema of one row of a list or action plan."""
    cells: dict[str, Any] = {}
    for col in prompt.columns:
        cell: dict[str, Any] = {"type": "string", "maxLength": MAX_TEXT}
        if col.kind == "choice":
            cell["enum"] = ["", *col.options]
        elif col.kind == "date":
            cell["anyOf"] = [{"const": ""}, {"format": "date"}]
        cells[col.id] = cell
    return {"type": "object", "properties": cells, "additionalProperties": False}


def schema(prompt: Prompt) -> dict[str, Any]:
    """The JSON Schema of a list of rows."""
    return {"type": "array", "maxItems": MAX_ROWS, "items": row_schema(prompt)}


def field_html(base: str, column: Field) -> str:
    """One labelled cell of a list row: a text box, a drop-down or a date."""
    fid = f"{base}-{slug(column.label)}"
    data = f'id="{fid}" data-field="{escape(column.id)}"'
    if column.kind == "choice":
        opts = '<option value="">Choose…</option>' + "".join(
            f"<option>{escape(o)}</option>" for o in column.options
        )
        control = f"<select {data}>{opts}</select>"
    elif column.kind == "date":
        control = f'<input type="date" {data}>'
    else:
        control = f'<input type="text" {data}>'
    label = escape(column.label)
    return f'<div class="course-field"><label for="{fid}">{label}</label>{control}</div>'


def form(prompt: Prompt, base: str) -> str:
    """The website's rows: one row of fields, which the page's script adds to."""
    fields = "".join(field_html(f"{base}-1", c) for c in prompt.columns)
    add = escape(prompt.add_label)
    return (
        f'<div class="course-rows" data-add-label="{add}" data-row-base="{escape(base)}">'
        f'<fieldset class="course-row"><legend>Row 1</legend>{fields}</fieldset></div>'
    )


def blocks(prompt: Prompt, value: list[dict[str, str]]) -> list[Block]:
    """The rows with words in them, as a table."""
    cols = prompt.columns
    rows = [[row.get(c.id, "") for c in cols] for row in value if any(row.values())]
    if not rows:
        return [Block("gap", GAP)]
    return [Block("table", headers=[c.label for c in cols], rows=rows)]


def words(prompt: Prompt, value: list[dict[str, str]]) -> str:
    """Rows as the summary lists them: a line each, ``What will you do: …; By when: …``."""
    return "\n".join(
        "; ".join(f"{c.label.rstrip('?')}: {row.get(c.id, '')}" for c in prompt.columns)
        for row in value
    )


LISTED = Listed(words)
"""The cohort treatment of the row kinds: shared rows are listed, a line each."""


def add_label(reader: Reader, data: dict[str, Any]) -> dict[str, Any]:
    """The optional wording of the add-a-row button."""
    if "add_label" in data:
        return {"add_label": reader.text(data, "add_label")}
    return {}


def examples(prompt: Prompt) -> Examples:
    """Rows that fit the prompt's columns, and rows that do not."""
    cols = prompt.columns

    def cell(kind: str, options: tuple[str, ...], n: int) -> str:
        if kind == "choice":
            return options[n % len(options)]
        return f"2027-03-0{n + 1}" if kind == "date" else f"Asha Patel ({n + 1})"

    full = {c.id: cell(c.kind, c.options, 0) for c in cols}
    second = {c.id: cell(c.kind, c.options, 1) for c in cols}
    unfit: list[Any] = [
        [{"a-column-since-removed": "Priya"}],
        "Asha",
        {"rows": []},
        [full] * (MAX_ROWS + 1),
        [{**full, "extra": ""}],
        [{cols[0].id: 5}],
        [None],
        ["just words"],
        [{cols[0].id: "x" * (MAX_TEXT + 1)}],
    ]
    for col in cols:
        if col.kind == "choice":
            unfit.append([{**full, col.id: "not a choice"}])
        if col.kind == "date":
            unfit += [[{**full, col.id: bad}] for bad in ("2027-02-30", "20270301", "1 March")]
            unfit.append([{**full, col.id: "2027-W09-1"}])
    fit: tuple[Any, ...] = (
        [full, second],
        [full],
        [{c.id: "" for c in cols}],
        [],
        [full] * MAX_ROWS,
    )
    return Examples(fit, tuple(unfit))

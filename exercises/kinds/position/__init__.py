"""``position``: place something on two axes (for example the complexity grid). Its value
is ``{"x": n, "y": n}``, each a whole number from 1 to its axis's steps."""

from __future__ import annotations

import json
import random
from html import escape
from typing import Any

from ...blocks import Block
from ...charts import describe_position, position_marks, quadrant_svg
from ...form_parts import choices_html
from ...model import AnswerError, Axis, Prompt
from ..spec import Counted, Counts, Examples, Grid, Layout, Reader, kind_spec, no_taste
from ..values import int_in

QUADRANT_KEYS = ("low-low", "high-low", "low-high", "high-high")
"""Quadrants in the order a prompt lists their labels (x first, then y)."""

MIDDLE = "middle"
"""The key for a position on a middle line (between quadrants)."""


def axes(prompt: Prompt) -> tuple[Axis, Axis]:
    """The prompt's two axes (an AnswerError if a position prompt lacks one)."""
    if prompt.x is None or prompt.y is None:
        raise AnswerError("This position exercise has no axes.")
    return prompt.x, prompt.y


def read(reader: Reader, data: dict[str, Any]) -> dict[str, Any]:
    quadrants = data.get("quadrants", [])
    if not isinstance(quadrants, list) or len(quadrants) not in (0, 4):
        raise reader.fail(
            "'quadrants' must list four labels: low x low y, high x low y, "
            "low x high y, high x high y."
        )
    return {
        "x": reader.axis(data, "x"),
        "y": reader.axis(data, "y"),
        "quadrants": reader.labels(quadrants, "quadrants"),
    }


def check(prompt: Prompt, value: Any) -> dict[str, int]:
    if not isinstance(value, dict) or set(value) != {"x", "y"}:
        raise AnswerError('A position must have exactly an "x" and a "y".')
    x, y = axes(prompt)
    return {
        "x": int_in(value["x"], x.steps, f"The position on {x.label!r}"),
        "y": int_in(value["y"], y.steps, f"The position on {y.label!r}"),
    }


def schema(prompt: Prompt) -> dict[str, Any]:
    x, y = axes(prompt)
    return {
        "type": "object",
        "properties": {
            "x": {"type": "integer", "minimum": 1, "maximum": x.steps},
            "y": {"type": "integer", "minimum": 1, "maximum": y.steps},
        },
        "required": ["x", "y"],
        "additionalProperties": False,
    }


def form(prompt: Prompt, base: str) -> str:
    parts = []
    for key, axis in zip(("x", "y"), axes(prompt), strict=True):
        ends = {1: f" – {axis.low}", axis.steps: f" – {axis.high}"}
        options = [(str(n), f"{n}{ends.get(n, '')}") for n in range(1, axis.steps + 1)]
        parts.append(
            choices_html(
                f"{base}-{key}", axis.label, options, across=True, group={"data-axis": key}
            )
        )
    chart = quadrant_svg(prompt, None)
    caption = escape(describe_position(prompt, None))
    marks = escape(json.dumps(position_marks(prompt), separators=(",", ":")))
    parts.append(f'<figure data-marks="{marks}">{chart}<figcaption>{caption}</figcaption></figure>')
    return "".join(parts)


def blocks(prompt: Prompt, value: dict[str, int]) -> list[Block]:
    return [Block("chart", describe_position(prompt, value), svg=quadrant_svg(prompt, value))]


def quadrant_labels(prompt: Prompt) -> dict[str, str]:
    """The name of each quadrant key (the prompt's own labels when it has them)."""
    x, y = axes(prompt)
    labels = prompt.quadrants or tuple(
        f"{x.label}: {xe.lower()}; {y.label}: {ye.lower()}"
        for ye in (y.low, y.high)
        for xe in (x.low, x.high)
    )
    names = dict(zip(QUADRANT_KEYS, labels, strict=True))
    if x.steps % 2 or y.steps % 2:
        names[MIDDLE] = "On a middle line"
    return names


def quadrant(prompt: Prompt, value: dict[str, int]) -> str:
    """The key of the quadrant a position is in, or :data:`MIDDLE` on a middle line."""
    x, y = axes(prompt)
    if value["x"] == x.middle or value["y"] == y.middle:
        return MIDDLE
    return QUADRANT_KEYS[(value["x"] > x.middle) + 2 * (value["y"] > y.middle)]


def count(prompt: Prompt, values: list[Any]) -> Counts:
    """One row: how many placed their change in each quadrant, or on a middle line."""
    counts: Counts = {}
    for value in values:
        cell = ("", quadrant(prompt, value))
        counts[cell] = counts.get(cell, 0) + 1
    return counts


def layout(prompt: Prompt) -> Layout:
    return Layout({"": "Everyone"}, quadrant_labels(prompt))


def grid(prompt: Prompt) -> Grid:
    """The quadrants as they are drawn: high y at the top, low x on the left."""
    x, y = axes(prompt)
    low_low, high_low, low_high, high_high = QUADRANT_KEYS
    middle = MIDDLE if MIDDLE in quadrant_labels(prompt) else None
    return Grid(
        (f"{x.label}: {x.low}", f"{x.label}: {x.high}"),
        (f"{y.label}: {y.high}", f"{y.label}: {y.low}"),
        ((low_high, high_high), (low_low, high_low)),
        middle,
        "On a middle line between quadrants",
    )


def rehearsal(prompt: Prompt, taste: None, tilt: float, rng: random.Random) -> dict[str, int]:
    return {
        key: min(a.steps, max(1, round(rng.gauss(0.72 * a.steps + 0.3, a.steps / 4))))
        for key, a in zip(("x", "y"), axes(prompt), strict=True)
    }


def examples(prompt: Prompt) -> Examples:
    x, y = axes(prompt)
    fit = ({"x": x.steps, "y": 1}, {"x": 1, "y": 1}, {"x": x.steps, "y": y.steps})
    unfit = (
        {"x": x.steps + 1, "y": 1},
        {"x": 0, "y": 1},
        {"x": 1, "y": y.steps + 1},
        {"x": 1},
        {"x": 1, "y": 1, "z": 1},
        {"x": "1", "y": 1},
        {"x": True, "y": 1},
        [1, 1],
        None,
    )
    return Examples(fit, unfit)


rehearsal_taste = no_taste


SPEC = kind_spec(
    "position",
    "Place yourself",
    "PositionControl",
    globals(),
    {"x", "y", "quadrants"},
    cohort=Counted(count, layout, grid),
)

"""Small, accessible SVG charts of a learner's own answers (no plotting library needed).

Every chart carries a text alternative (``aria-label`` and ``<title>``) that says the
same as the picture, and writes values as words beside the marks, so colour is never
the only signal. Pure functions: they return markup as text.
"""

from __future__ import annotations

import textwrap
from html import escape

from .model import Prompt

INK = "#212b32"
"""Text and axis colour (NHS black)."""

MARK = "#005eb8"
"""Bar and point colour (NHS blue, 7:1 contrast on white)."""

GRID = "#aeb7bd"
"""Faint lines (decorative only)."""


def _svg(width: int, height: int, label: str, body: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width:{width}px" role="img" aria-label="{escape(label)}">'
        f"<title>{escape(label)}</title>{body}</svg>"
    )


def _text(x: float, y: float, words: str, anchor: str = "start", size: int = 13) -> str:
    return (
        f'<text x="{x:.0f}" y="{y:.0f}" text-anchor="{anchor}" font-size="{size}" '
        f'fill="{INK}" font-family="Arial, sans-serif">{escape(words)}</text>'
    )


def _lead(title: str) -> str:
    """A title as the start of a sentence: 'Title:' or, after a question mark, 'Title?'."""
    return title if title.endswith(("?", "!", ".")) else f"{title}:"


def describe_position(prompt: Prompt, value: dict[str, int] | None) -> str:
    """One sentence saying where the learner placed themselves on both axes."""
    if prompt.x is None or prompt.y is None:
        raise ValueError(f"{prompt.id} is not a position exercise.")
    if not value:
        return f"No position chosen yet for {prompt.title}."
    x, y = prompt.x, prompt.y
    text = (
        f"{_lead(prompt.title)} {x.label} {value['x']} of {x.steps} "
        f"(1 is {x.low.lower()}, {x.steps} is {x.high.lower()}); "
        f"{y.label} {value['y']} of {y.steps} "
        f"(1 is {y.low.lower()}, {y.steps} is {y.high.lower()})."
    )
    quadrant = quadrant_label(prompt, value)
    return f"{text} Quadrant: {quadrant}." if quadrant else text


def quadrant_label(prompt: Prompt, value: dict[str, int] | None) -> str:
    """The label of the quadrant a position falls in ('' on a middle line or unlabelled)."""
    if not value or not prompt.quadrants or prompt.x is None or prompt.y is None:
        return ""
    mid_x, mid_y = prompt.x.middle, prompt.y.middle
    if value["x"] == mid_x or value["y"] == mid_y:
        return "on the line between quadrants"
    return prompt.quadrants[(value["x"] > mid_x) + 2 * (value["y"] > mid_y)]


def quadrant_svg(prompt: Prompt, value: dict[str, int] | None) -> str:
    """A two-axis chart with the four quadrant labels and the learner's point, if any."""
    if prompt.x is None or prompt.y is None:
        raise ValueError(f"{prompt.id} is not a position exercise.")
    size, pad = 300, 60
    x_axis, y_axis = prompt.x, prompt.y
    mid = pad + size / 2
    parts = [
        f'<rect x="{pad}" y="{pad}" width="{size}" height="{size}" fill="#fff" '
        f'stroke="{INK}" stroke-width="1.5"/>',
        f'<line x1="{mid}" y1="{pad}" x2="{mid}" y2="{pad + size}" stroke="{GRID}"/>',
        f'<line x1="{pad}" y1="{mid}" x2="{pad + size}" y2="{mid}" stroke="{GRID}"/>',
        _text(pad, pad + size + 20, x_axis.low),
        _text(pad + size, pad + size + 20, x_axis.high, "end"),
        _text(mid, pad + size + 42, x_axis.label, "middle", 14),
        _text(pad - 8, pad + size, y_axis.low, "end"),
        _text(pad - 8, pad + 12, y_axis.high, "end"),
        f'<text transform="translate(16 {mid}) rotate(-90)" text-anchor="middle" '
        f'font-size="14" fill="{INK}" font-family="Arial, sans-serif">'
        f"{escape(y_axis.label)}</text>",
    ]
    if prompt.quadrants:
        # Halfway between grid rows, so a point (always on a row) never covers a label.
        spots = [(0.25, 0.625), (0.75, 0.625), (0.25, 0.125), (0.75, 0.125)]
        for label, (fx, fy) in zip(prompt.quadrants, spots, strict=True):
            parts.append(_text(pad + fx * size, pad + fy * size, label, "middle", 12))
    # The learner's point sits in its own group, which the website redraws as they choose.
    parts.append(f'<g class="course-you">{_you_mark(prompt, value)}</g>')
    width = pad + size + 20
    return _svg(width, pad + size + 52, describe_position(prompt, value), "".join(parts))


def _you_mark(prompt: Prompt, value: dict[str, int] | None) -> str:
    """The learner's point and the word 'You' beside it, or nothing."""
    if not value or prompt.x is None or prompt.y is None:
        return ""
    size, pad = 300, 60
    cx = pad + (value["x"] - 1) / (prompt.x.steps - 1) * size
    cy = pad + size - (value["y"] - 1) / (prompt.y.steps - 1) * size
    anchor = "end" if value["x"] > prompt.x.middle else "start"
    shift = -14 if anchor == "end" else 14
    return (
        f'<circle cx="{cx:.0f}" cy="{cy:.0f}" r="9" fill="{MARK}" stroke="#fff" '
        'stroke-width="2"/>' + _text(cx + shift, cy + 5, "You", anchor, 14)
    )


def position_marks(prompt: Prompt) -> dict[str, list[str]]:
    """For every possible position ``"x,y"``: the point's markup and its description.

    The website's form draws the learner's point from these, so the chart and its text
    alternative come from this module alone.
    """
    if prompt.x is None or prompt.y is None:
        raise ValueError(f"{prompt.id} is not a position exercise.")
    marks = {}
    for x in range(1, prompt.x.steps + 1):
        for y in range(1, prompt.y.steps + 1):
            value = {"x": x, "y": y}
            marks[f"{x},{y}"] = [_you_mark(prompt, value), describe_position(prompt, value)]
    return marks


def describe_ratings(prompt: Prompt, value: dict[str, int] | int | None) -> str:
    """One sentence listing each rating in words, for a grid or a single rating."""
    scale = prompt.scale
    if not value:
        return f"No ratings yet for {prompt.title}."
    if isinstance(value, int):
        return f"{_lead(prompt.title)} {value} of {len(scale)}, {scale[value - 1]}."
    rated = [
        f"{item.label} {value[item.id]} of {len(scale)} ({scale[value[item.id] - 1]})"
        for item in prompt.items
        if item.id in value
    ]
    return f"{_lead(prompt.title)} " + "; ".join(rated) + "."


def profile_svg(prompt: Prompt, value: dict[str, int] | None) -> str:
    """A bar chart of a rating grid: each item's words above its bar, values written out."""
    top = len(prompt.scale)
    bar_w, pad = 420, 10
    parts = []
    y = 4
    for item in prompt.items:
        for line in textwrap.wrap(item.label, 62) or [""]:
            y += 16
            parts.append(_text(pad, y, line))
        y += 6
        parts.append(
            f'<rect x="{pad}" y="{y}" width="{bar_w}" height="16" fill="#e8edee" stroke="{GRID}"/>'
        )
        rating = (value or {}).get(item.id)
        if rating:
            width = rating / top * bar_w
            parts.append(f'<rect x="{pad}" y="{y}" width="{width:.0f}" height="16" fill="{MARK}"/>')
            parts.append(_text(pad + bar_w + 8, y + 13, f"{rating} of {top}"))
        else:
            parts.append(_text(pad + bar_w + 8, y + 13, "not rated"))
        y += 26
    body = "".join(parts)
    return _svg(bar_w + 90, y + 4, describe_ratings(prompt, value), body)

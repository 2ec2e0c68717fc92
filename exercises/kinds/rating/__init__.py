"""``rating``: one point on a scale, or one per row of a grid (``items``). Its value is a
whole number from 1 to the number of scale labels; for a grid, a dict of item id to that
number (rows not rated yet are left out)."""

from __future__ import annotations

import random
from typing import Any

from ...blocks import Block
from ...charts import describe_ratings, profile_svg
from ...form_parts import choices_html
from ...model import AnswerError, Item, Prompt
from ..spec import Counted, Counts, Examples, Layout, Reader, kind_spec
from ..values import int_in


def read(reader: Reader, data: dict[str, Any]) -> dict[str, Any]:
    name = data.get("scale")
    if isinstance(name, list):
        scale = reader.labels(name, "scale")
    elif isinstance(name, str) and name in reader.scales:
        scale = reader.scales[name]
    else:
        known = ", ".join(reader.scales)
        raise reader.fail(f"'scale' must name a scale ({known}) or list labels, not {name!r}.")
    if len(scale) < 2:
        raise reader.fail("a scale needs at least two labels.")
    items: tuple[Item, ...] = ()
    if "items" in data:
        raw = reader.mapping_list(data, "items", 1)
        items = tuple(Item(reader.slug(i), reader.text(i, "label")) for i in raw)
        reader.unique([i.id for i in items], "item")
    return {"scale": scale, "items": items}


def check(prompt: Prompt, value: Any) -> Any:
    top = len(prompt.scale)
    if not prompt.items:
        return int_in(value, top, "A rating")
    if not isinstance(value, dict):
        raise AnswerError("A rating grid answer must map each row to a rating.")
    known = {i.id: i.label for i in prompt.items}
    for item_id, rating in value.items():
        if item_id not in known:
            raise AnswerError(f"{item_id!r} is not a row of this rating grid.")
        int_in(rating, top, f"The rating for {known[item_id]!r}")
    return {i.id: value[i.id] for i in prompt.items if i.id in value}


def schema(prompt: Prompt) -> dict[str, Any]:
    rating = {"type": "integer", "minimum": 1, "maximum": len(prompt.scale)}
    if not prompt.items:
        return rating
    return {
        "type": "object",
        "properties": {i.id: rating for i in prompt.items},
        "additionalProperties": False,
    }


def form(prompt: Prompt, base: str) -> str:
    options = [(str(n), f"{n} – {label}") for n, label in enumerate(prompt.scale, start=1)]
    if not prompt.items:
        return choices_html(base, "Your rating", options)
    return "".join(
        choices_html(f"{base}-{i.id}", i.label, options, across=True, group={"data-item": i.id})
        for i in prompt.items
    )


def blocks(prompt: Prompt, value: Any) -> list[Block]:
    if not prompt.items:
        return [Block("para", f"{value} – {prompt.scale[value - 1]}")]
    return [
        Block("chart", describe_ratings(prompt, value), svg=profile_svg(prompt, value)),
        Block(
            "table",
            headers=["Area", "Your rating"],
            rows=[
                [i.label, f"{value[i.id]} – {prompt.scale[value[i.id] - 1]}"]
                if i.id in value
                else [i.label, "not rated yet"]
                for i in prompt.items
            ],
        ),
    ]


def count(prompt: Prompt, values: list[Any]) -> Counts:
    """Rows: items ("" for a single rating); columns: points on the scale."""
    counts: Counts = {}
    for value in values:
        for cell in value.items() if isinstance(value, dict) else [("", value)]:
            counts[cell] = counts.get(cell, 0) + 1
    return counts


def layout(prompt: Prompt) -> Layout:
    columns = {n: f"{n} – {label}" for n, label in enumerate(prompt.scale, start=1)}
    if prompt.items:
        return Layout({i.id: i.label for i in prompt.items}, columns, corner="Area")
    return Layout({"": "Everyone"}, columns)


def rehearsal_taste(prompt: Prompt, rng: random.Random) -> dict[str, float]:
    """The cohort's usual rating of each row ("" for a single rating)."""
    top = len(prompt.scale)
    return {
        item: rng.uniform(0.35, 0.8) * top + 0.5 for item in [i.id for i in prompt.items] or [""]
    }


def rehearsal(prompt: Prompt, taste: dict[str, float], tilt: float, rng: random.Random) -> Any:
    top = len(prompt.scale)

    def rate(item: str) -> int:
        return min(top, max(1, round(rng.gauss(taste[item] + tilt, 0.8))))

    return {i.id: rate(i.id) for i in prompt.items} if prompt.items else rate("")


def examples(prompt: Prompt) -> Examples:
    top = len(prompt.scale)
    if not prompt.items:
        return Examples((top, 1, 2 if top > 2 else 1), (top + 1, 0, -1, "1", True, 2.5, None, [1]))
    first = prompt.items[0].id
    fit: tuple[Any, ...] = (
        {i.id: 1 + n % top for n, i in enumerate(prompt.items)},
        {first: top},
        {first: 1},
        {},
    )
    unfit = (
        {"a-row-since-removed": 1},
        {first: 0},
        {first: top + 1},
        {first: "2"},
        {first: True},
        {first: None},
        1,
        [1],
    )
    return Examples(fit, unfit)


SPEC = kind_spec(
    "rating",
    "Rate yourself",
    "RatingControl",
    globals(),
    {"scale", "items"},
    cohort=Counted(count, layout),
)

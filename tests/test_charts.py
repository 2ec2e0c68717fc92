"""Charts say in words what they show, so colour and shape are never the only signal."""

from __future__ import annotations

from exercises.charts import (
    describe_position,
    describe_ratings,
    profile_svg,
    quadrant_label,
    quadrant_svg,
)
from exercises.model import Axis, Item, Prompt

POS = Prompt(
    id="m.pos",
    kind="position",
    title="My change",
    question="?",
    module="m",
    x=Axis("Innovation", "Simple", "Complex"),
    y=Axis("Situation", "Simple", "Complex"),
    quadrants=("Both simple", "Complex innovation", "Complex situation", "Both complex"),
)
GRID = Prompt(
    id="m.grid",
    kind="rating",
    title="Profile",
    question="?",
    module="m",
    scale=("Low", "Some", "High"),
    items=(Item("a", "Alpha & co"), Item("b", "Beta")),
)


def test_quadrant_label_follows_the_point() -> None:
    """Each corner maps to its label; the middle line is named as such."""
    assert quadrant_label(POS, {"x": 1, "y": 1}) == "Both simple"
    assert quadrant_label(POS, {"x": 5, "y": 2}) == "Complex innovation"
    assert quadrant_label(POS, {"x": 2, "y": 4}) == "Complex situation"
    assert quadrant_label(POS, {"x": 4, "y": 5}) == "Both complex"
    assert quadrant_label(POS, {"x": 3, "y": 5}) == "on the line between quadrants"
    assert quadrant_label(POS, None) == ""


def test_quadrant_svg_has_a_text_alternative_and_a_labelled_point() -> None:
    """The SVG is an image with a full description, and the point is labelled 'You'."""
    svg = quadrant_svg(POS, {"x": 5, "y": 5})
    assert 'role="img"' in svg and "Innovation 5 of 5" in svg and "Quadrant: Both complex" in svg
    assert ">You<" in svg and "<circle" in svg
    empty = quadrant_svg(POS, None)
    assert "<circle" not in empty and "No position chosen yet" in empty
    assert describe_position(POS, {"x": 1, "y": 2}).startswith("My change: Innovation 1 of 5")


def test_profile_svg_writes_every_rating_and_escapes_labels() -> None:
    """Bars carry their numbers as text; unrated rows say so; labels are escaped."""
    svg = profile_svg(GRID, {"b": 3})
    assert "Alpha &amp; co" in svg and "not rated" in svg and ">3 of 3<" in svg
    assert describe_ratings(GRID, {"a": 1, "b": 3}) == (
        "Profile: Alpha & co 1 of 3 (Low); Beta 3 of 3 (High)."
    )
    assert describe_ratings(GRID, None) == "No ratings yet for Profile."

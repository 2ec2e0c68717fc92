"""Pieces of the website's plain HTML forms, shared by every kind's form
(:mod:`exercises.kinds`) and by :mod:`exercises.static_form`."""

from __future__ import annotations

import re
from html import escape


def slug(text: str) -> str:
    """Lower-case words and digits joined by hyphens, for element ids."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def attrs(extra: dict[str, str] | None) -> str:
    """Extra HTML attributes, escaped."""
    return "".join(f' {key}="{escape(value)}"' for key, value in (extra or {}).items())


def choices_html(
    name: str,
    legend: str,
    options: list[tuple[str, str]],
    kind: str = "radio",
    across: bool = False,
    group: dict[str, str] | None = None,
    each: dict[str, dict[str, str]] | None = None,
) -> str:
    """A fieldset of radio buttons or checkboxes; ``group`` and ``each`` add data attributes."""
    layout = "course-options course-options-across" if across else "course-options"
    items = "".join(
        f'<label class="course-option"><input type="{kind}" name="{name}" value="{escape(value)}"'
        f"{attrs((each or {}).get(value))}> {escape(label)}</label>"
        for value, label in options
    )
    return (
        f"<fieldset{attrs(group)}><legend>{escape(legend)}</legend>"
        f'<div class="{layout}">{items}</div></fieldset>'
    )

"""Plain HTML forms of the exercises, for the course website where no kernel runs.

Each exercise widget also offers this HTML (as ``text/html`` beside its widget view).
Jupyter front ends show the live widget; the website build prefers the HTML, so a
module page needs no widget JavaScript at all: the questions and controls are ordinary,
accessible form elements (fieldsets with legends, labels tied to inputs) that work with
a keyboard and a screen reader, offline, and load quickly. Nothing typed there is kept,
and the form says so. Pure functions: no widgets, no files.
"""

from __future__ import annotations

import re
from html import escape

from .charts import describe_position, quadrant_svg
from .model import Prompt

KIND_NAMES = {
    "text": "Reflection",
    "rating": "Rate yourself",
    "choice": "Choose one",
    "checklist": "Tick all that apply",
    "quiz": "Check your understanding",
    "position": "Place yourself",
    "list": "Make a list",
    "actions": "Plan your actions",
}
"""The small heading shown above each kind of exercise (shared with the widgets)."""

NOT_KEPT = (
    "<strong>Answers typed on this web page are not kept.</strong> To save them, open "
    "this module with the rocket button at the top of the page. "
    '<a href="../start-here.html#do-the-exercises-in-jupyter">How to save your answers</a>'
)
"""The note every exercise carries on the website."""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def head_html(prompt: Prompt) -> str:
    """The exercise's small heading, title, question and hint."""
    hint = f'<p class="course-hint">Hint: {escape(prompt.hint)}</p>' if prompt.hint else ""
    return (
        f'<div class="course-exercise-head"><p><strong>{KIND_NAMES[prompt.kind]}: '
        f"{escape(prompt.title)}</strong></p><p>{escape(prompt.question)}</p>{hint}</div>"
    )


def _choices(
    name: str, legend: str, options: list[tuple[str, str]], kind: str = "radio", across=False
) -> str:
    layout = "course-options course-options-across" if across else "course-options"
    items = "".join(
        f'<label class="course-option"><input type="{kind}" name="{name}" value="{escape(value)}">'
        f" {escape(label)}</label>"
        for value, label in options
    )
    return (
        f'<fieldset><legend>{escape(legend)}</legend><div class="{layout}">{items}</div></fieldset>'
    )


def _field(base: str, label: str, kind: str, options: tuple[str, ...] = ()) -> str:
    fid = f"{base}-{_slug(label)}"
    if kind == "choice":
        opts = '<option value="">Choose…</option>' + "".join(
            f"<option>{escape(o)}</option>" for o in options
        )
        control = f'<select id="{fid}">{opts}</select>'
    elif kind == "date":
        control = f'<input type="date" id="{fid}">'
    else:
        control = f'<input type="text" id="{fid}">'
    return f'<div class="course-field"><label for="{fid}">{escape(label)}</label>{control}</div>'


def controls_html(prompt: Prompt) -> str:
    """The form controls for one prompt, empty (the website keeps no answers)."""
    base = "ex-" + _slug(prompt.id)
    kind = prompt.kind
    if kind == "text":
        return (
            f'<div class="course-field"><label for="{base}">Your answer</label>'
            f'<textarea id="{base}" rows="5"></textarea></div>'
        )
    if kind == "rating":
        options = [(str(n), f"{n} – {label}") for n, label in enumerate(prompt.scale, start=1)]
        if not prompt.items:
            return _choices(base, "Your rating", options)
        return "".join(
            _choices(f"{base}-{i.id}", i.label, options, across=True) for i in prompt.items
        )
    if kind in ("choice", "quiz"):
        legend = "Your answer" if kind == "quiz" else "Your choice"
        return _choices(base, legend, [(o.id, o.label) for o in prompt.options])
    if kind == "checklist":
        return _choices(base, "Tick any that apply", [(o.id, o.label) for o in prompt.options],
                        "checkbox")  # fmt: skip
    if kind == "position":
        parts = []
        for key, axis in (("x", prompt.x), ("y", prompt.y)):
            if axis is None:
                raise ValueError(f"{prompt.id} has no {key} axis.")
            ends = {1: f" – {axis.low}", axis.steps: f" – {axis.high}"}
            options = [(str(n), f"{n}{ends.get(n, '')}") for n in range(1, axis.steps + 1)]
            parts.append(_choices(f"{base}-{key}", axis.label, options, across=True))
        chart = quadrant_svg(prompt, None)
        caption = escape(describe_position(prompt, None))
        parts.append(f"<figure>{chart}<figcaption>{caption}</figcaption></figure>")
        return "".join(parts)
    if kind in ("list", "actions"):
        fields = "".join(_field(f"{base}-1", c.label, c.kind, c.options) for c in prompt.columns)
        return f"<fieldset><legend>Row 1</legend>{fields}</fieldset>"
    raise ValueError(f"Unknown exercise kind {kind!r}.")


def feedback_html(prompt: Prompt) -> str:
    """Every quiz option with its feedback, folded away until the reader opens it."""
    items = "".join(
        f"<li><strong>{escape(o.label)}</strong> – "
        f"{'Correct' if o.correct else 'Not the best answer'}. {escape(o.feedback)}</li>"
        for o in prompt.options
    )
    return f"<details><summary>Show every answer with feedback</summary><ul>{items}</ul></details>"


def exercise_html(prompt: Prompt) -> str:
    """The whole exercise as a plain HTML form, with the note that nothing is kept."""
    extra = feedback_html(prompt) if prompt.kind == "quiz" else ""
    return (
        f'<div class="course-exercise course-static-form">{head_html(prompt)}'
        f'{controls_html(prompt)}{extra}<p class="course-note" role="note">{NOT_KEPT}</p></div>'
    )

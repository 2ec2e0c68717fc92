"""Plain HTML forms of the exercises, for the course website where no kernel runs.

Each exercise widget also offers this HTML (as ``text/html`` beside its widget view).
Jupyter front ends show the live widget; the website build prefers the HTML, so a
module page needs no widget JavaScript at all: the questions and controls are ordinary,
accessible form elements (fieldsets with legends, labels tied to inputs) that work with
a keyboard and a screen reader, offline, and load quickly. Nothing typed there is kept,
and the form says so. Pure functions: no widgets, no files.
"""

from __future__ import annotations

import json
import re
from html import escape

from .charts import describe_position, position_marks, quadrant_svg
from .model import Field, Prompt

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
    "<strong>Answers typed on this web page are not kept</strong> here, because this "
    "browser is not running the page's script. To keep them, open this module with the "
    "rocket button at the top of the page. "
    '<a href="../start-here.html#do-the-exercises-in-jupyter">How to save your answers</a>'
)
"""The note an exercise carries on the website when the page's script cannot run."""

KEPT_HERE = (
    "Your answers are kept in this browser, on this device only. "
    '<a href="#your-answers-on-this-device">Download them</a> to keep a copy or to move '
    "them to Jupyter or another device."
)
"""What the website says once its script keeps answers in the browser."""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def head_html(prompt: Prompt) -> str:
    """The exercise's small heading, title, question and hint."""
    hint = f'<p class="course-hint">Hint: {escape(prompt.hint)}</p>' if prompt.hint else ""
    return (
        f'<div class="course-exercise-head"><p><strong>{KIND_NAMES[prompt.kind]}: '
        f"{escape(prompt.title)}</strong></p><p>{escape(prompt.question)}</p>{hint}</div>"
    )


def _attrs(extra: dict[str, str] | None) -> str:
    return "".join(f' {key}="{escape(value)}"' for key, value in (extra or {}).items())


def _choices(
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
        f"{_attrs((each or {}).get(value))}> {escape(label)}</label>"
        for value, label in options
    )
    return (
        f"<fieldset{_attrs(group)}><legend>{escape(legend)}</legend>"
        f'<div class="{layout}">{items}</div></fieldset>'
    )


def _field(base: str, column: Field) -> str:
    fid = f"{base}-{_slug(column.label)}"
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


def controls_html(prompt: Prompt) -> str:
    """The form controls for one prompt, empty (the website keeps no answers)."""
    base = "ex-" + _slug(prompt.id)
    kind = prompt.kind
    if kind == "text":
        return (
            f'<div class="course-field"><label for="{base}">Your answer</label>'
            f'<textarea id="{base}" rows="5" data-answer></textarea></div>'
        )
    if kind == "rating":
        options = [(str(n), f"{n} – {label}") for n, label in enumerate(prompt.scale, start=1)]
        if not prompt.items:
            return _choices(base, "Your rating", options)
        return "".join(
            _choices(f"{base}-{i.id}", i.label, options, across=True, group={"data-item": i.id})
            for i in prompt.items
        )
    if kind == "quiz":
        verdicts = {
            o.id: {"data-feedback": f"{_verdict(o.correct)}. {o.feedback}"} for o in prompt.options
        }
        return _choices(
            base, "Your answer", [(o.id, o.label) for o in prompt.options], each=verdicts
        ) + ('<p class="course-quiz-feedback" role="status" aria-live="polite"></p>')
    if kind == "choice":
        return _choices(base, "Your choice", [(o.id, o.label) for o in prompt.options])
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
            parts.append(
                _choices(
                    f"{base}-{key}", axis.label, options, across=True, group={"data-axis": key}
                )
            )
        chart = quadrant_svg(prompt, None)
        caption = escape(describe_position(prompt, None))
        marks = escape(json.dumps(position_marks(prompt), separators=(",", ":")))
        parts.append(
            f'<figure data-marks="{marks}">{chart}<figcaption>{caption}</figcaption></figure>'
        )
        return "".join(parts)
    if kind in ("list", "actions"):
        fields = "".join(_field(f"{base}-1", c) for c in prompt.columns)
        add = escape(prompt.add_label)
        return (
            f'<div class="course-rows" data-add-label="{add}">'
            f'<fieldset class="course-row"><legend>Row 1</legend>{fields}</fieldset></div>'
        )
    raise ValueError(f"Unknown exercise kind {kind!r}.")


def feedback_html(prompt: Prompt) -> str:
    """Every quiz option with its feedback, folded away until the reader opens it."""
    items = "".join(
        f"<li><strong>{escape(o.label)}</strong> – {_verdict(o.correct)}. {escape(o.feedback)}</li>"
        for o in prompt.options
    )
    return f"<details><summary>Show every answer with feedback</summary><ul>{items}</ul></details>"


def _verdict(correct: bool) -> str:
    return "Correct" if correct else "Not the best answer"


def exercise_html(prompt: Prompt) -> str:
    """The whole exercise as a plain HTML form.

    The page's script (``book/_static/course-answers.js``) finds it by ``data-prompt``,
    keeps its answer in the browser and shows the save status; without the script the
    note says that nothing is kept.
    """
    extra = feedback_html(prompt) if prompt.kind == "quiz" else ""
    return (
        f'<div class="course-exercise course-static-form" data-prompt="{escape(prompt.id)}" '
        f'data-kind="{prompt.kind}">{head_html(prompt)}{controls_html(prompt)}{extra}'
        '<p class="course-status" role="status" aria-live="polite"></p>'
        f'<p class="course-note course-no-script" role="note">{NOT_KEPT}</p></div>'
    )


DEVICE_ANCHOR = "your-answers-on-this-device"
"""The id of the "Your answers on this device" panel, which exercises link to."""


def device_panel_html() -> str:
    """The website's "Your answers on this device" panel: download, load, share, remove.

    Its buttons work through the page's script; without it, the panel says how to keep
    answers in Jupyter instead.
    """
    return f"""<div class="course-exercise course-device" id="{DEVICE_ANCHOR}">
<h2>Your answers on this device</h2>
<p>On this website your answers are kept in this web browser, on this device, for this site
only. Nothing you type is sent anywhere. Another browser, another device or a private window
will not see them, and clearing your browsing data removes them.</p>
<p><strong>On a shared computer</strong>, anyone who opens this site in the same browser can
read your answers. When you finish, download your workbook and then remove your answers
from this browser.</p>
<p class="course-no-script" role="note">This page's script is not running, so nothing is kept
here. You can still do the exercises in Jupyter: open this module with the rocket button at
the top of the page.</p>
<div class="course-needs-script" hidden>
<p class="course-device-count" role="status" aria-live="polite"></p>
<h3>Keep a copy</h3>
<p>Your workbook is one file with every answer. Jupyter reads the same file.</p>
<p><button type="button" data-action="download-workbook">Download my workbook</button></p>
<h3>Load a workbook</h3>
<p>Load a workbook you downloaded before, from Jupyter or another device. You will see what
changes before anything does; where both have an answer, the newer one is kept.</p>
<p><label for="course-load-file">Workbook file (.json)</label>
<input type="file" id="course-load-file" accept=".json,application/json"></p>
<div class="course-import" aria-live="polite"></div>
<h3>Share with your group</h3>
<p>If your facilitator asked for a share file, make one here. It carries a made-up
nickname, never your name. Your ratings, choices, ticks and positions go in; your written
answers stay out unless you tick them below.</p>
<p><label for="course-cohort-code">Cohort code from your facilitator</label>
<input type="text" id="course-cohort-code" autocomplete="off" spellcheck="false"></p>
<fieldset class="course-share-text"><legend>Written answers to share (optional)</legend>
<div class="course-options"></div></fieldset>
<p><button type="button" data-action="preview-share">Show what will be shared</button></p>
<div class="course-share-preview" aria-live="polite"></div>
<h3>Remove my answers</h3>
<p><button type="button" data-action="clear">Remove all my answers from this browser</button></p>
<div class="course-clear" aria-live="polite"></div>
</div>
</div>"""


DOC_NOTE = (
    "This is built on this page from the answers kept in this browser. The first time, "
    "the page downloads the course's document builder (about 6 MB), which your browser then "
    "keeps; nothing is sent anywhere."
)
"""What the capstone says before it builds a document on the website."""


def site_doc_html(keys: tuple[str, ...], button: str, preview: str) -> str:
    """A capstone document the website builds from the answers kept in the browser.

    ``keys`` name documents of :data:`exercises.site.DOCUMENTS`; ``preview`` is what the
    page shows until they are built (the documents with no answers yet).
    """
    return (
        f'<div class="course-site-doc" data-docs="{" ".join(keys)}">'
        f'<div class="course-needs-script" hidden><p>{DOC_NOTE}</p>'
        f'<p><button type="button" data-action="build-docs">{escape(button)}</button></p></div>'
        '<p class="course-doc-status" role="status" aria-live="polite"></p>'
        f'<div class="course-doc-output">{preview}</div></div>'
    )

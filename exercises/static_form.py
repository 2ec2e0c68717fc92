"""Plain HTML forms of the exercises, for the course website where no kernel runs.

Each exercise widget also offers this HTML (as ``text/html`` beside its widget view).
Jupyter front ends show the live widget; the website build prefers the HTML, so a
module page needs no widget JavaScript at all: the questions and controls are ordinary,
accessible form elements (fieldsets with legends, labels tied to inputs) that work with
a keyboard and a screen reader, offline, and load quickly. Nothing typed there is kept,
and the form says so. Pure functions: no widgets, no files.
"""

from __future__ import annotations

from html import escape

from .form_parts import slug
from .kinds import KIND_SPECS, kind_of
from .model import Prompt
from .worked_example import example_html

KIND_NAMES = {name: spec.heading for name, spec in KIND_SPECS.items()}
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


ESSENTIAL = '<span class="course-essential">(essential exercise)</span>'
"""How an essential exercise's heading says so: in words, not by colour alone."""


def head_html(prompt: Prompt) -> str:
    """The exercise's small heading (marked when the exercise is essential), title,
    question and hint; the website, JupyterLab and the form view all show this."""
    hint = f'<p class="course-hint">Hint: {escape(prompt.hint)}</p>' if prompt.hint else ""
    mark = f" {ESSENTIAL}" if prompt.essential else ""
    return (
        f'<div class="course-exercise-head"><p><strong>{KIND_NAMES[prompt.kind]}: '
        f"{escape(prompt.title)}</strong>{mark}</p><p>{escape(prompt.question)}</p>{hint}</div>"
    )


def controls_html(prompt: Prompt) -> str:
    """The form controls for one prompt, empty (the website keeps no answers)."""
    return kind_of(prompt).form(prompt, "ex-" + slug(prompt.id))


def exercise_html(prompt: Prompt) -> str:
    """The whole exercise as a plain HTML form.

    The page's script (``_static/course-answers.js``, bundled from ``book/_scripts/``) finds
    it by ``data-prompt``, keeps its answer in the browser and shows the save status;
    without the script the note says that nothing is kept. What the script relies on is
    written down in ``exercises/kinds/form.json`` and each kind's ``form.json``.
    Where the worked example answers the exercise, her answer is folded away beside it
    (:func:`exercises.worked_example.example_html`).
    """
    return (
        f'<div class="course-exercise course-static-form" data-prompt="{escape(prompt.id)}" '
        f'data-kind="{prompt.kind}">{head_html(prompt)}{controls_html(prompt)}{example_html(prompt)}'
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
<p>A readable copy is a web page with every question and your answer, to read, print or
keep. It is made on this page; the first time, the page downloads the course's document
builder to make it.</p>
<p><button type="button" data-action="download-readable">
Download a readable copy of all my answers (web page)</button></p>
<p class="course-readable-status" role="status" aria-live="polite"></p>
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
    "This is built on this page from the answers kept in this browser; nothing is sent anywhere."
)
"""What the capstone says before it builds a document on the website (its script then
says how much the document builder downloads, or that it is already on this device)."""


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

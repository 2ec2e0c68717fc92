"""The website's own scripts on the pages that use them, and the data they read.

Every page gets the answer script and the course rules it works from (``course-data.js``,
from ``exercises/site.py``): it keeps the answers of a page's exercises, and on every page
marks each module in the navigation as not started, in progress or done and remembers the
page for "Continue where you left off". Module 15 and the capstone also get the document
builder's client (its early start); pages that show a capstone document get the capstone
script.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from builder_files import early_modules, write_builder
from site_vendor import node_modules
from sphinx.application import Sphinx

if TYPE_CHECKING:
    from exercises.catalogue import Catalogue

ANSWERS_JS = ("course-data.js", "course-answers.js")
"""The website's answer script and the course rules it works from (``exercises/site.py``)."""

BUILDER_JS = "course-builder.js"
"""The document builder's client: starts its worker and shows its progress. Loaded at once
on the pages that start it early or show a capstone document; elsewhere the answer script
loads it when the device panel's readable copy is first asked for (book/_scripts/lazy.js),
so module pages stay light."""

NO_ANSWER_SCRIPT = frozenset({"search", "genindex"})
"""Sphinx's own pages: the search page already carries the search index, and neither has
anything of the course's to mark or remember."""

CAPSTONE_JS = "course-capstone.js"
"""The capstone's script: the progress view at once, and the documents the builder makes."""


def add_answer_scripts(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Load the answer script and its data on every page (it marks the modules in the
    navigation and remembers the last page read), and the builder's client and the
    capstone script where they are used."""
    body = context.get("body", "")
    if pagename in NO_ANSWER_SCRIPT:
        return
    for name in ANSWERS_JS:
        app.add_js_file(name, loading_method="defer")
    if "course-site-doc" in body or pagename.rsplit("/", 1)[-1] in _early(app):
        app.add_js_file(BUILDER_JS, loading_method="defer")
    if "course-site-doc" in body:
        app.add_js_file(CAPSTONE_JS, loading_method="defer")


def _early(app: Sphinx) -> list[str]:
    """The early modules (:func:`builder_files.early_modules`), read once per build."""
    found: list[str] | None = getattr(app, "course_early_modules", None)
    if found is None:
        from exercises.catalogue import course_catalogue

        found = early_modules(course_catalogue())
        app.course_early_modules = found  # type: ignore[attr-defined]
    return found


def progress_view(catalogue: Catalogue) -> dict[str, Any]:
    """The wording of the progress view (``exercises.plan.progress_doc``), for the capstone
    script that draws it at once from the answers in the browser."""
    from exercises.plan import AGAIN, COMPLETE, COUNT, progress_doc
    from exercises.timefmt import today_words

    day = today_words()
    doc = progress_doc(catalogue, {})
    section = doc.sections[0]
    return {
        "title": doc.title,
        "subtitle": doc.subtitle.replace(day, "{day}"),
        "section": section.title,
        "headers": list(section.blocks[0].headers),
        "count": COUNT,
        "complete": COMPLETE,
        "again": AGAIN,
    }


def write_course_data(app: Sphinx, exception: Exception | None) -> None:
    """Write ``course-data.js``: the course rules, the progress view's wording and the
    document builder's files (written here too, see :mod:`builder_files`)."""
    if exception is not None or app.builder.format != "html":
        return
    from exercises.catalogue import course_catalogue, prompt_files
    from exercises.site import site_data

    static = Path(app.outdir) / "_static"
    catalogue = course_catalogue()
    prompts = json.dumps(prompt_files(), ensure_ascii=False, separators=(",", ":"))
    data = site_data(catalogue)
    data["builder"] = write_builder(static, node_modules(app) / "pyodide", catalogue, prompts)
    data["progressView"] = progress_view(catalogue)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    (static / ANSWERS_JS[0]).write_text(f"window.COURSE_DATA = {text};\n", encoding="utf-8")

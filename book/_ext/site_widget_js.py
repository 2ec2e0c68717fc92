"""Widget scripts only where a live widget is shown.

Exercises are drawn on the website as plain HTML forms (``exercises/static_form.py``), so
most pages need none of the widget JavaScript that MyST-NB adds to every notebook page.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
"""The MIME type of a live widget's output (what the widget scripts draw)."""


def drop_unused_widget_js(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Leave out widget state and scripts on pages that show no live widget.

    Exercises are drawn on the website as plain HTML forms, so a module page carries
    widget state that nothing uses; MyST-NB would still add it and the widget scripts.
    Runs before MyST-NB's own page handler.
    """
    if WIDGET_VIEW in context.get("body", ""):
        return
    metadata: dict[str, dict[str, Any]] = getattr(app.env, "nb_metadata", {})
    js_files = metadata.get(pagename, {}).get("js_files", {})
    for key in [k for k in js_files if k.startswith("ipywidgets")]:
        del js_files[key]

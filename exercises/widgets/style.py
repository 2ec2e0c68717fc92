"""The exercises' own CSS, shipped inside the widgets so it works everywhere they show.

JupyterLab, Voila and the static website all render it, because each exercise carries
it in an HTML widget (a few hundred bytes). Site-only rules live in book/_static.
"""

from __future__ import annotations

STYLE = """
.course-exercise { border-left: 4px solid #005eb8; padding: 0.25rem 0 0.25rem 1rem; }
.course-exercise .widget-label, .course-exercise .widget-label-basic {
  text-align: left; white-space: normal; overflow: visible; text-overflow: clip;
  height: auto; line-height: 1.4; max-width: none; }
.course-exercise .widget-inline-hbox, .course-exercise .widget-inline-vbox { height: auto; }
.course-exercise .widget-radio-box label { white-space: normal; height: auto; }
.course-exercise .widget-radio-box-horizontal { flex-wrap: wrap; column-gap: 1rem; }
.course-exercise .widget-radio-box-horizontal label { width: auto; }
.course-exercise .widget-checkbox { height: auto; }
.course-exercise .widget-button, .course-exercise .widget-upload { width: auto; height: auto;
  min-height: 2rem; white-space: normal; align-self: flex-start; padding: 0.25rem 1rem; }
.course-exercise svg { height: auto; }
.course-exercise .course-status { font-size: 0.9em; }
.course-exercise details { margin: 0.5rem 0; }
body[data-voila] .course-lab-only { display: none; }
body:not([data-voila]) .course-form-only { display: none; }
"""
"""The last two rules: once the exercises show, each place keeps only its own line of the
module's "How to use this page" box. Voila (the form view) marks its page ``data-voila``;
JupyterLab does not, and before Run All it shows both lines, each naming its place."""


def style_tag() -> str:
    """The exercise CSS as a <style> element."""
    return f"<style>{STYLE}</style>"

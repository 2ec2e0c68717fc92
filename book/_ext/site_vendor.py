"""Widget and maths JavaScript served by the course site itself, not by public CDNs.

NHS networks often block public CDNs, so the built site carries its own copies of
RequireJS, the Jupyter widgets HTML manager and MathJax, taken from ``node_modules``
(installed by ``npm ci`` from the committed lock file). They are copied into
``_static/course-vendor/`` after the build, and are loaded only on the pages that need
them (see :mod:`site_widget_js`). When ``node_modules`` is missing, the build says so and
falls back to the public CDNs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging
from sphinx.util.console import bold

logger = logging.getLogger(__name__)

VENDOR_DIR = "course-vendor"
"""Folder under ``_static/`` in the built site that holds the copies."""

FILES = {
    "require.js": "requirejs/require.js",
    "embed-amd.js": "@jupyter-widgets/html-manager/dist/embed-amd.js",
    "mathjax/tex-mml-chtml.js": "mathjax/es5/tex-mml-chtml.js",
}
"""Target path under ``_static/course-vendor/`` to source path under ``node_modules``."""

MATHJAX_PARTS = ("a11y", "adaptors", "input", "output", "sre", "ui")
"""MathJax folders its loader fetches on demand (fonts, extensions, menu)."""


def node_modules(app: Sphinx) -> Path:
    """The ``node_modules`` folder beside the book's configuration."""
    return Path(app.confdir) / "node_modules"


def vendored(app: Sphinx) -> bool:
    """True when every file to copy is in ``node_modules``."""
    root = node_modules(app)
    return all((root / source).is_file() for source in FILES.values())


def configure(app: Sphinx, config: Config) -> None:
    """Point the widget and MathJax script settings at the local copies."""
    if not vendored(app):
        logger.info(
            bold(
                "course_site: node_modules has no widget/MathJax JavaScript (run `npm ci`); "
                "this build loads them from public CDNs, so widgets will not show "
                "where CDNs are blocked."
            )
        )
        return
    config.nb_ipywidgets_js = {
        f"{VENDOR_DIR}/require.js": {},
        f"{VENDOR_DIR}/embed-amd.js": {},
    }
    config.mathjax_path = f"{VENDOR_DIR}/mathjax/tex-mml-chtml.js"
    app.connect("build-finished", copy_vendor)
    logger.info(bold("course_site: serving widget and MathJax JavaScript from the site"))


def copy_vendor(app: Sphinx, exception: Exception | None) -> None:
    """Copy the JavaScript files into the built site."""
    if exception is not None or app.builder.format != "html":
        return
    root = node_modules(app)
    target = Path(app.outdir) / "_static" / VENDOR_DIR
    for name, source in FILES.items():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / source, target / name)
    for part in MATHJAX_PARTS:
        shutil.copytree(root / "mathjax/es5" / part, target / "mathjax" / part, dirs_exist_ok=True)

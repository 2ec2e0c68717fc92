"""Sphinx extension: light pages for slow networks (issue 13), through the theme's own doors.

The stock Jupyter Book theme makes every page fetch about 1 MB (compressed) in 32
requests before the learner reads a word: a 1.5 MB icon script for a handful of toolbar
icons, two icon fonts, the search index, and a dozen small stylesheets and scripts. This
extension keeps the same theme (sphinx-book-theme, no fork) and everything a learner uses,
and changes only what the pages load:

* **Icons** are drawn by the site's stylesheet from committed SVG files (CSS masks
  coloured with the text colour, so they follow dark mode and high-contrast settings),
  instead of Font Awesome's script and fonts (``icons.py``, ``icons/``). The theme's own
  icon rules (admonitions, external links) get the same treatment. A build that meets an
  icon the set lacks fails with a warning.
* **One stylesheet and one script** (``_static/course-light.css``, ``course-light.js``)
  replace the theme's and extensions' small files, made at build time with a CSS parser
  (``bundle.py``); the theme's Bootstrap and theme scripts stay as they are (deferred).
* **Only what a page uses**: the copy-button, toggle-button and sphinx-design files load
  only on pages that have code blocks, toggles or design elements (``assets.py``).
* **Search** keeps the theme's search box on every page; the search index and search
  scripts load only on the search page (see ``book/_templates/layout.html``).
* The unused live-code (Thebe) scripts are left out, which also ends the
  "Identifier 'THEBE_JS_URL' has already been declared" error on every page.

It also gives each page what the theme leaves out (``page.py``): a meta description, a
"Skip to the first exercise" link on pages with exercises, ``<style>`` elements moved to
the head, and names for the navigation's show/hide buttons (``navigation.py``).

Files the pages no longer load are removed from the built site, so nothing can fall back
to them and the site (and any package made from it) stays small (``cleanup.py``). The site
root gets a complete page that leads to the home page (``root.py``).

Every change goes through a supported door: Sphinx's public API (``add_css_file``, the
page context), the theme's templates (``book/_templates/``) and a real parser for each
language (tinycss2 for CSS, BeautifulSoup and Python's HTML parser for HTML).
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from . import assets, cleanup, root
from .bundle import CSS_BUNDLE, JS_BUNDLE, Bundles
from .icons import LOGO_MARK, LOGOS
from .navigation import named_toggles
from .page import PageBody

logger = logging.getLogger(__name__)

PAGE_TITLES = {"search": "Search this course", "genindex": "Index of this course"}
"""Names of the pages Sphinx writes without a title of their own."""

_BUNDLES: weakref.WeakKeyDictionary[Sphinx, Bundles] = weakref.WeakKeyDictionary()


def _bundles(app: Sphinx) -> Bundles:
    return _BUNDLES.setdefault(app, Bundles())


def _configure(app: Sphinx, config: Config) -> None:
    """Leave out the live-code extension's scripts (the course sets ``thebe: false``)."""
    for event in ("env-before-read-docs", "doctree-resolved"):
        for listener in list(app.events.listeners.get(event, [])):
            if getattr(listener.handler, "__module__", "") == "sphinx_thebe":
                app.disconnect(listener.id)
    _BUNDLES[app] = Bundles()


def _logo_buttons(buttons: list[dict[str, Any]]) -> None:
    """Launch-menu entries show their logo from the stylesheet, not as an image file."""
    for button in buttons:
        if button.get("type") == "group":
            _logo_buttons(button.get("buttons", []))
            continue
        icon = button.get("icon") or ""
        for cls, image in LOGOS.items():
            if icon == f"_static/{image}":
                button["icon"] = f"{LOGO_MARK} {cls}"


def lighten_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Give the page the two bundles and only the extra files it uses, and what the theme
    leaves out of its head and body."""
    if "css_files" not in context or "script_files" not in context:
        return
    _bundles(app).make(Path(app.outdir) / "_static")
    body = PageBody.read(context.get("body") or "")
    unused = assets.unused_files(body.classes())
    context["css_files"] = assets.keep_css(list(context["css_files"]), CSS_BUNDLE, unused)
    context["script_files"] = assets.keep_scripts(list(context["script_files"]), unused)

    meta = context.get("meta") or {}
    # Front matter may set a page's description; otherwise its opening paragraph, or for
    # a page without one (search, index) its title in the course's.
    title = context.get("title") or PAGE_TITLES.get(pagename, pagename)
    context["course_description"] = str(
        meta.get("description")
        or body.description()
        or f"{title} – {context.get('docstitle', '')}".strip(" –")
    )
    context["course_head_styles"] = "\n".join(body.take_styles())
    context["course_first_exercise"] = body.mark_first_exercise()
    if context.get("body"):
        context["body"] = body.html

    _logo_buttons(context.get("header_buttons", []))
    if callable(context.get("generate_toctree_html")):
        context["generate_toctree_html"] = named_toggles(context["generate_toctree_html"])


def finish(app: Sphinx, exception: Exception | None) -> None:
    """Remove what no page loads; fail the build on an icon the set does not draw."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    for missing in sorted(_bundles(app).missing_icons):
        logger.warning("light_pages: no icon shape for %s (add it to icons.THEME_GLYPHS)", missing)
    for cls in cleanup.undrawn_icons(outdir):
        logger.warning(
            "light_pages: a page uses the icon %s, which book/_ext/light_pages does not draw "
            "(add its SVG file to icons/ and to icons.ICON_CLASSES)",
            cls,
        )
    cleanup.remove_unused(outdir / "_static")


def write_root_page(app: Sphinx, exception: Exception | None) -> None:
    """A proper page at the site root, before sphinx-external-toc writes its bare redirect."""
    if exception is not None or app.builder.format != "html" or app.builder.name != "html":
        return
    root.write_root_page(
        Path(app.outdir),
        app.config.root_doc,
        app.config.html_title or app.config.project,
        str(app.config.html_favicon or ""),
        app.config.language or "en",
    )


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the extension."""
    app.connect("config-inited", _configure, priority=950)
    # The bundles load first (priority 100), before anything the pages keep.
    app.add_css_file(CSS_BUNDLE, priority=100)
    app.add_js_file(JS_BUNDLE, priority=100)
    # After the theme (500-501) and MyST-NB have added their files and buttons.
    app.connect("html-page-context", lighten_page, priority=950)
    app.connect("build-finished", finish)
    app.connect("build-finished", write_root_page, priority=400)  # before the toc's (500)
    return {"parallel_read_safe": True, "parallel_write_safe": False}

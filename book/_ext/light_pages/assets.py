"""Which files each page loads: the two bundles, and the optional files only where used.

Sphinx lists a page's stylesheets and scripts in its context (``css_files``,
``script_files``); the bundles are added there by ``app.add_css_file``/``add_js_file``
(see ``__init__.py``), and this module takes out what the bundles hold and what the page
does not use.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .bundle import JS_BUNDLED, bundled_css

ONLY_WHEN_USED: dict[tuple[str, ...], str] = {
    # pygments.css stays a file of its own: the theme rewrites it (light and dark colours)
    # only when the build finishes, after the bundle is made.
    ("pygments.css", "copybutton.css", "copybutton.js", "clipboard.min.js"): "highlight",
    ("togglebutton.css", "togglebutton.js"): "toggle",
    ("sphinx-design.min.css", "design-tabs.js"): "sd-",
}
"""Files that load only on pages whose body uses a class that names them (see ``uses``)."""

INLINE_ONLY_WHEN_USED: dict[str, tuple[str, ...]] = {
    "togglebutton.js": ("toggleHint", "toggleOpenOnPrint", "togglebuttonSelector"),
}
"""Inline script snippets that belong to an optional file."""

DROPPED = ("sphinx-thebe.css", "sphinx-thebe.js")
"""Files of the live-code extension, which the course does not use (launch_buttons.thebe)."""


def uses(feature: str, classes: Iterable[str]) -> bool:
    """True when a body with ``classes`` needs the files of ``feature`` (ONLY_WHEN_USED)."""
    if feature == "highlight":
        return any(c == "highlight" or c.startswith("highlight-") for c in classes)
    if feature == "toggle":
        return any(c in ("toggle", "dropdown") for c in classes)
    return any(c.startswith(feature) for c in classes)


def unused_files(classes: set[str]) -> set[str]:
    """The optional files a page with these body classes does not load."""
    unused = set(DROPPED)
    for files, feature in ONLY_WHEN_USED.items():
        if not uses(feature, classes):
            unused.update(files)
    return unused


def filename(asset: Any) -> str:
    """An asset's path under ``_static/`` (without a version query)."""
    name = str(getattr(asset, "filename", asset) or "").split("?")[0]
    return name.removeprefix("_static/")


def keep_css(css_files: list[Any], bundle: str, unused: set[str]) -> list[Any]:
    """The page's stylesheets: the bundle and what it does not hold, less unused files."""
    return [
        asset
        for asset in css_files
        if filename(asset) == bundle
        or not (bundled_css(filename(asset)) or filename(asset) in unused)
    ]


def _inline_owner(body: str) -> str | None:
    return next(
        (name for name, keys in INLINE_ONLY_WHEN_USED.items() if any(k in body for k in keys)),
        None,
    )


def keep_scripts(script_files: list[Any], unused: set[str]) -> list[Any]:
    """The page's scripts: the bundle and what it does not hold, less unused files and
    inline snippets (each snippet once)."""
    kept = []
    seen_inline: set[str] = set()
    for asset in script_files:
        name = filename(asset)
        inline = str(getattr(asset, "attributes", {}).get("body", "") or "")
        # THEBE_JS_URL: the live-code extension's inline setting, unused (launch_buttons.thebe)
        if name in JS_BUNDLED or name in unused or "THEBE_JS_URL" in inline:
            continue
        if inline:
            owner = _inline_owner(inline)
            if (owner and owner in unused) or inline in seen_inline:
                continue
            seen_inline.add(inline)
        kept.append(asset)
    return kept

"""Sphinx extension: light pages for slow networks (issue 13).

The stock Jupyter Book theme makes every page fetch about 1 MB (compressed) in 32
requests before the learner reads a word: a 1.5 MB icon script for a handful of toolbar
icons, two icon fonts, the search index, and a dozen small stylesheets and scripts. This
extension keeps the same theme (sphinx-book-theme, no fork) and everything a learner uses,
and changes only what the pages load:

* **Icons** are drawn from a small set of SVG shapes in the site's stylesheet (CSS masks
  coloured with the text colour, so they follow dark mode and high-contrast settings),
  instead of Font Awesome's script and fonts. The shapes are read at build time from the
  copy of Font Awesome Free that ships with the pinned theme (icons: CC BY 4.0). The
  theme's own icon rules (admonitions, external links, "on this page") get the same
  treatment. A build that meets an icon the set lacks fails with a warning.
* **One stylesheet and one script** (``_static/course-light.css``, ``course-light.js``)
  replace the theme's and extensions' small files, bundled at build time; the theme's
  Bootstrap and theme scripts stay as they are (deferred).
* **Only what a page uses**: the copy-button, toggle-button and sphinx-design files load
  only on pages that have code blocks, toggles or design elements.
* **Search** keeps the theme's search box on every page; the search index and search
  scripts load only on the search page (see ``book/_templates/layout.html``).
* The unused live-code (Thebe) scripts are left out, which also ends the
  "Identifier 'THEBE_JS_URL' has already been declared" error on every page.
* The Binder and JupyterHub logos in the launch menu come from the stylesheet too.

Files the pages no longer load are removed from the built site, so nothing can fall back
to them and the site (and any package made from it) stays small.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
import shutil
import tempfile
from pathlib import Path
from urllib.parse import quote

from sphinx.application import Sphinx
from sphinx.builders.html._assets import _CascadingStyleSheet, _JavaScript
from sphinx.config import Config
from sphinx.util import logging

logger = logging.getLogger(__name__)

CSS_BUNDLE = "course-light.css"
JS_BUNDLE = "course-light.js"

CSS_BUNDLED = (
    "basic.css",
    "styles/pydata-sphinx-theme.css",
    "styles/sphinx-book-theme.css",
    "mystnb.*.css",
    "course.css",
)
"""Stylesheets every page needs, in the order the theme loads them (``*`` = any text)."""

JS_BUNDLED = (
    "documentation_options.js",
    "doctools.js",
    "sphinx_highlight.js",
    "scripts/sphinx-book-theme.js",
)
"""Small scripts every page runs, in the order the theme loads them."""

ONLY_WHEN_USED = {
    # files: a pattern in the page body that shows they are needed
    # pygments.css stays a file of its own: the theme rewrites it (light and dark colours)
    # only when the build finishes, after the bundle is made.
    ("pygments.css", "copybutton.css", "copybutton.js", "clipboard.min.js"): r'class="highlight',
    ("togglebutton.css", "togglebutton.js"): r'class="[^"]*\b(toggle|dropdown)\b',
    ("sphinx-design.min.css", "design-tabs.js"): r'class="[^"]*\bsd-',
}
"""Files that load only on the pages that use them."""

INLINE_ONLY_WHEN_USED = {
    "togglebutton.js": ("toggleHint", "toggleOpenOnPrint", "togglebuttonSelector"),
}
"""Inline script snippets that belong to an optional file."""

DROPPED = ("sphinx-thebe.css", "sphinx-thebe.js")
"""Files of the live-code extension, which the course does not use (launch_buttons.thebe)."""

REMOVED_FROM_SITE = (
    "scripts/fontawesome.js",
    "scripts/fontawesome.js.LICENSE.txt",
    "scripts/fontawesome.js.map",
    "scripts/bootstrap.js.map",
    "scripts/pydata-sphinx-theme.js.map",
    "scripts/sphinx-book-theme.js.map",
    "styles/pydata-sphinx-theme.css.map",
    "styles/sphinx-book-theme.css.map",
    "vendor/fontawesome",
    "sphinx-thebe.css",
    "sphinx-thebe.js",
)
"""Theme files no page loads any more (paths under ``_static/``)."""

ICON_CLASSES = {
    # class name on the page: (Font Awesome pack, icon name)
    "fa-angle-left": ("fas", "angle-left"),
    "fa-angle-right": ("fas", "angle-right"),
    "fa-arrow-up": ("fas", "arrow-up"),
    "fa-bars": ("fas", "bars"),
    "fa-chevron-down": ("fas", "chevron-down"),
    "fa-circle-half-stroke": ("fas", "circle-half-stroke"),
    "fa-code": ("fas", "code"),
    "fa-download": ("fas", "download"),
    "fa-expand": ("fas", "expand"),
    "fa-file": ("fas", "file"),
    "fa-file-pdf": ("fas", "file-pdf"),
    "fa-lightbulb": ("fas", "lightbulb"),
    "fa-list": ("fas", "list"),
    "fa-magnifying-glass": ("fas", "magnifying-glass"),
    "fa-moon": ("fas", "moon"),
    "fa-outdent": ("fas", "outdent"),
    "fa-pencil-alt": ("fas", "pencil"),
    "fa-play": ("fas", "play"),
    "fa-rocket": ("fas", "rocket"),
    "fa-sun": ("fas", "sun"),
    "fa-xmark": ("fas", "xmark"),
    "fa-github": ("fab", "github"),
    "fa-gitlab": ("fab", "gitlab"),
    "fa-bitbucket": ("fab", "bitbucket"),
}
"""Icons the theme's templates and buttons use, by class (pydata-sphinx-theme 0.17,
sphinx-book-theme 1.3: toolbar, launch menu, search, colour mode, page navigation)."""

ICON_MODIFIERS = {
    "fa",
    "fas",
    "far",
    "fab",
    "fa-solid",
    "fa-regular",
    "fa-brands",
    "fa-lg",
    "fa-fw",
    "fa-xs",
    "fa-sm",
}
"""Font Awesome classes that choose a style or size rather than an icon."""

LOGOS = {
    "fa-course-binder": "images/logo_binder.svg",
    "fa-course-jupyterhub": "images/logo_jupyterhub.svg",
}
"""Launch-menu logos drawn by the stylesheet (class: image under ``_static/``)."""

FONT_AWESOME_JS = "scripts/fontawesome.js"
"""Where the theme keeps Font Awesome Free; the icon shapes are read from it."""


# ---------------------------------------------------------------------------------------
# A small reader for minified CSS: rules as (prelude, body), at-rules nested.
# ---------------------------------------------------------------------------------------


def _skip_string_or_comment(css: str, i: int) -> int:
    """If ``css[i]`` opens a string or comment, return the index just after it."""
    if css.startswith("/*", i):
        end = css.find("*/", i + 2)
        return len(css) if end < 0 else end + 2
    if css[i] in "\"'":
        quote_char, j = css[i], i + 1
        while j < len(css) and css[j] != quote_char:
            j += 2 if css[j] == "\\" else 1
        return j + 1
    return i


def parse_rules(css: str) -> list[tuple[str, str | list]]:
    """Split a stylesheet into ``(prelude, body)`` items.

    ``body`` is the declaration text of a style rule, or a list of items for an at-rule
    with a block of rules (``@media``, ``@supports``, ``@layer``). Statements such as
    ``@import`` or ``@charset`` come back as ``(statement, "")``. Comments are dropped.
    """
    items: list[tuple[str, str | list]] = []
    i, start, n = 0, 0, len(css)
    prelude_parts: list[str] = []
    while i < n:
        j = _skip_string_or_comment(css, i)
        if j != i:
            if not css.startswith("/*", i):
                prelude_parts.append(css[start:j])
            else:
                prelude_parts.append(css[start:i])
            i = start = j
            continue
        ch = css[i]
        if ch == ";" and "".join([*prelude_parts, css[start:i]]).strip().startswith("@"):
            items.append(("".join([*prelude_parts, css[start : i + 1]]).strip(), ""))
            prelude_parts, i, start = [], i + 1, i + 1
            continue
        if ch == "{":
            prelude = "".join([*prelude_parts, css[start:i]]).strip()
            depth, k = 1, i + 1
            while k < n and depth:
                m = _skip_string_or_comment(css, k)
                if m != k:
                    k = m
                    continue
                depth += {"{": 1, "}": -1}.get(css[k], 0)
                k += 1
            inner = css[i + 1 : k - 1]
            nested = prelude.startswith("@") and prelude.split()[0] in (
                "@media",
                "@supports",
                "@layer",
                "@container",
                "@document",
            )
            items.append((prelude, parse_rules(inner) if nested else inner))
            prelude_parts, i, start = [], k, k
            continue
        i += 1
    return items


def write_rules(items: list[tuple[str, str | list]]) -> str:
    """The stylesheet text of ``parse_rules`` items."""
    out = []
    for prelude, body in items:
        if isinstance(body, list):
            out.append(f"{prelude}{{{write_rules(body)}}}")
        elif body == "" and prelude.endswith(";"):
            out.append(prelude)
        else:
            out.append(f"{prelude}{{{body}}}")
    return "".join(out)


def walk(items: list[tuple[str, str | list]], within: tuple[str, ...] = ()):
    """Every style rule as ``(at-rules it sits in, prelude, body)``."""
    for prelude, body in items:
        if isinstance(body, list):
            yield from walk(body, (*within, prelude))
        else:
            yield within, prelude, body


_FA_SELECTOR = re.compile(r"^(\.fa[a-z0-9-]*|\.svg-inline--fa\S*|\.fa-[a-z0-9-]+\S*)")


def _is_font_awesome(prelude: str, body: str | list) -> bool:
    """True for the rules of Font Awesome's own stylesheet."""
    if isinstance(body, list):
        return False
    if prelude.startswith("@font-face"):
        return "Font Awesome" in body
    if prelude.startswith("@keyframes"):
        return prelude.split()[-1].startswith("fa-")
    selectors = [s.strip() for s in prelude.split(",")]
    if all(_FA_SELECTOR.match(s) for s in selectors):
        return True
    if set(selectors) <= {":host", ":root"}:
        names = [d.split(":", 1)[0].strip() for d in body.split(";") if d.strip()]
        return bool(names) and all(name.startswith("--fa-") for name in names)
    return False


def strip_font_awesome(items: list) -> list:
    """The items without Font Awesome's rules (fonts, icon glyphs, animations)."""
    kept = []
    for prelude, body in items:
        if isinstance(body, list):
            inner = strip_font_awesome(body)
            if inner:
                kept.append((prelude, inner))
        elif not _is_font_awesome(prelude, body):
            kept.append((prelude, body))
    return kept


# ---------------------------------------------------------------------------------------
# Icons
# ---------------------------------------------------------------------------------------

_ICON_ENTRY = re.compile(
    r'(?:"([a-z0-9-]+)"|([a-z0-9_]+)):\[(\d+),(\d+),\[([^\]]*)\],"([0-9a-f]+)","([^"]*)"\]'
)
_PACK = re.compile(r'var p=\{(.*?)\};!function\(c\)\{.*?\}\(function\(\)\{d\("(fa[bsr])",p\)', re.S)


def font_awesome_icons(script: str) -> dict[str, dict[str, tuple[int, int, str]]]:
    """Icon shapes from Font Awesome's script: ``{pack: {name or codepoint: (w, h, path)}}``.

    Each icon is listed under its name, its aliases and its code point (``f135``).
    """
    packs: dict[str, dict[str, tuple[int, int, str]]] = {}
    for match in _PACK.finditer(script):
        body, pack = match.groups()
        icons = packs.setdefault(pack, {})
        for entry in _ICON_ENTRY.finditer(body):
            name = entry.group(1) or entry.group(2)
            shape = (int(entry.group(3)), int(entry.group(4)), entry.group(7))
            aliases = [a.strip('"') for a in entry.group(5).split(",") if a.startswith('"')]
            for key in [name, *aliases, entry.group(6)]:
                icons.setdefault(key, shape)
    return packs


def svg_url(shape: tuple[int, int, str]) -> str:
    """A CSS ``url()`` holding the icon as an SVG image."""
    width, height, path = shape
    svg = (
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}'>"
        f"<path d='{path}'/></svg>"
    )
    data = quote(svg, safe=" =:/,.-'")
    return f'url("data:image/svg+xml,{data}")'


MASK = (
    "-webkit-mask-position:center;mask-position:center;-webkit-mask-size:contain;"
    "mask-size:contain;-webkit-mask-repeat:no-repeat;mask-repeat:no-repeat;"
    "background-color:currentColor"
)


def _codepoint(value: str, variables: dict[str, str]) -> str | None:
    """The Font Awesome code point a ``content`` value stands for, if any."""
    value = value.strip()
    for _ in range(5):
        var = re.fullmatch(r"var\((--[a-z0-9-]+)\)", value)
        if not var:
            break
        value = variables.get(var.group(1), "").strip()
    text = value.strip("\"'")
    if re.fullmatch(r"\\[0-9a-f]{4}", text):
        return text[1:]
    if len(text) == 1 and 0xE000 <= ord(text) <= 0xF8FF:
        return f"{ord(text):x}"
    return None


def icon_css(theme_items: list, packs: dict, missing: set[str]) -> str:
    """CSS that draws every icon the theme uses, with no icon font or script.

    * ``<i class="fa-solid fa-rocket">``: a box of the text's size, the shape as a mask.
    * Theme rules that print an icon glyph with the icon font (``content: "\\f05a"`` or a
      ``--pst-icon-*`` variable) get the same rule with the glyph drawn as a mask.
    """
    declarations = {}
    for _within, prelude, body in walk(theme_items):
        if prelude.split(",")[0].strip() in (":root", "html", ":host"):
            for decl in body.split(";"):
                name, _, value = decl.partition(":")
                if name.strip().startswith("--"):
                    declarations[name.strip()] = value
    solid, brands = packs.get("fas", {}), packs.get("fab", {})
    out = [
        "/* Icons: shapes from Font Awesome Free 6 (https://fontawesome.com, CC BY 4.0), "
        "drawn as CSS masks by book/_ext/light_pages.py. */",
        # content-box: the theme pads some icons (".sidebar-secondary-item i"), which in
        # Bootstrap's border-box would squeeze the shape into what is left of the 1em box.
        ".fa,.fas,.far,.fab,.fa-solid,.fa-regular,.fa-brands{display:inline-block;"
        "box-sizing:content-box;width:1em;height:1em;vertical-align:-.125em;"
        "font-style:normal;line-height:1}",
        ".fa::before,.fas::before,.far::before,.fab::before,.fa-solid::before,"
        ".fa-regular::before,.fa-brands::before{content:'';display:block;width:100%;"
        f"height:100%;-webkit-mask-image:var(--course-icon);mask-image:var(--course-icon);{MASK}}}",
        ".fa-lg{font-size:1.25em;vertical-align:-.2em}",
        "@media (forced-colors:active){.fa::before,.fas::before,.far::before,.fab::before,"
        ".fa-solid::before,.fa-regular::before,.fa-brands::before{background-color:CanvasText;"
        "forced-color-adjust:none}}",
    ]
    for cls, (pack, name) in sorted(ICON_CLASSES.items()):
        shape = packs.get(pack, {}).get(name)
        if shape is None:
            missing.add(f"{pack} {name}")
            continue
        # As wide as the shape, like Font Awesome's own SVG icons.
        out.append(f".{cls}{{--course-icon:{svg_url(shape)};width:{shape[0] / shape[1]:.3g}em}}")
    shapes: dict[str, str] = {}
    rules = []
    for within, prelude, body in walk(theme_items):
        content = re.search(r"(?:^|;)\s*content:([^;]+)", body)
        if not content:
            continue
        code = _codepoint(content.group(1), declarations)
        if code is None:
            continue
        font_rule = re.search(r"font(-family)?:[^;]*(--fa-font|Font Awesome)", body)
        pack = [brands, solid] if "brands" in body else [solid, brands]
        shape = pack[0].get(code) or pack[1].get(code)
        if shape is None:
            missing.add(f"code point {code} ({prelude})")
            continue
        shapes[code] = svg_url(shape)
        mask = f"var(--course-fa-{code})"
        rule = f"content:'';-webkit-mask-image:{mask};mask-image:{mask}"
        if font_rule:
            rule += f";display:inline-block;width:1em;height:1em;vertical-align:-.125em;{MASK}"
        text = f"{prelude}{{{rule}}}"
        for at_rule in reversed(within):
            text = f"{at_rule}{{{text}}}"
        rules.append(text)
    if shapes:
        out.append(":root{" + ";".join(f"--course-fa-{c}:{u}" for c, u in shapes.items()) + "}")
    out += rules
    return "\n".join(out) + "\n"


def logo_css(static: Path) -> str:
    """The launch-menu logos as background images of their icon boxes."""
    rules = []
    for cls, image in LOGOS.items():
        data = quote((static / image).read_text(encoding="utf-8"), safe=" =:/,.-")
        rules.append(
            f".{cls}{{display:inline-block;width:1.25em;height:1.25em;vertical-align:-.25em;"
            f'background:url("data:image/svg+xml,{data}") center/contain no-repeat}}'
        )
    return "\n".join(rules) + "\n"


# ---------------------------------------------------------------------------------------
# Bundles
# ---------------------------------------------------------------------------------------


def _matches(filename: str, pattern: str) -> bool:
    return re.fullmatch(re.escape(pattern).replace(r"\*", "[^/]*"), filename) is not None


def _relocate_urls(css: str, source: str) -> str:
    """Rewrite relative ``url()`` references of a file under ``_static/`` for the bundle,
    which lives directly in ``_static/``."""
    folder = posixpath.dirname(source)
    if not folder:
        return css

    def fix(match: re.Match) -> str:
        quote_char, target = match.group(1), match.group(2)
        if re.match(r"^(data:|[a-z]+:|/|#)", target):
            return match.group(0)
        return f"url({quote_char}{posixpath.normpath(posixpath.join(folder, target))}{quote_char})"

    return re.sub(r"url\((['\"]?)([^'\")]+)\1\)", fix, css)


def _write_atomic(path: Path, text: str) -> None:
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as f:
        f.write(text)
    os.chmod(f.name, 0o644)  # readable by the web server, like the files Sphinx copies
    os.replace(f.name, path)


class Bundles:
    """Builds the two bundles once per build, from the files Sphinx copied to ``_static``."""

    def __init__(self) -> None:
        self.versions: dict[str, str] = {}
        self.missing_icons: set[str] = set()

    def make(self, static: Path) -> None:
        if self.versions:
            return
        parts = []
        theme_items: list = []
        for pattern in CSS_BUNDLED:
            for path in sorted(static.glob(pattern)):
                name = path.relative_to(static).as_posix()
                items = parse_rules(path.read_text(encoding="utf-8"))
                if name == "styles/pydata-sphinx-theme.css":
                    items = strip_font_awesome(items)
                if name.startswith("styles/"):
                    theme_items += items
                text = write_rules([(p, b) for p, b in items if not p.startswith("@import")])
                parts.append(f"/* {name} */\n{_relocate_urls(text, name)}\n")
        packs = font_awesome_icons((static / FONT_AWESOME_JS).read_text(encoding="utf-8"))
        parts.append(icon_css(theme_items, packs, self.missing_icons))
        parts.append(logo_css(static))
        css = "".join(parts)
        js = "".join(
            f"/* {name} */\n{(static / name).read_text(encoding='utf-8')}\n;\n"
            for name in JS_BUNDLED
        )
        for bundle, text in ((CSS_BUNDLE, css), (JS_BUNDLE, js)):
            _write_atomic(static / bundle, text)
            self.versions[bundle] = hashlib.sha256(text.encode()).hexdigest()[:12]


def _configure(app: Sphinx, config: Config) -> None:
    """Leave out the live-code extension's scripts (the course sets ``thebe: false``)."""
    for event in ("env-before-read-docs", "doctree-resolved"):
        for listener in list(app.events.listeners.get(event, [])):
            if getattr(listener.handler, "__module__", "") == "sphinx_thebe":
                app.disconnect(listener.id)
    app.env_bundles = Bundles()  # type: ignore[attr-defined]


def _filename(asset) -> str:
    """The asset's path under ``_static/`` (without a version query)."""
    name = str(getattr(asset, "filename", asset) or "").split("?")[0]
    return name.removeprefix("_static/")


def lighten_page(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object
) -> None:
    """Give the page the two bundles and only the extra files it uses."""
    if "css_files" not in context or "script_files" not in context:
        return
    body = context.get("body", "") or ""
    unused: set[str] = set(DROPPED)
    for files, pattern in ONLY_WHEN_USED.items():
        if not re.search(pattern, body):
            unused.update(files)
    bundles: Bundles = app.env_bundles  # type: ignore[attr-defined]
    bundles.make(Path(app.outdir) / "_static")

    css_files = [_CascadingStyleSheet(f"_static/{CSS_BUNDLE}", priority=100)]
    for asset in context["css_files"]:
        name = _filename(asset)
        if not any(_matches(name, p) for p in CSS_BUNDLED) and name not in unused:
            css_files.append(asset)
    script_files = [_JavaScript(f"_static/{JS_BUNDLE}", priority=100)]
    seen_inline: set[str] = set()
    for asset in context["script_files"]:
        name = _filename(asset)
        inline = getattr(asset, "attributes", {}).get("body", "")
        if name in JS_BUNDLED or name in unused or "THEBE_JS_URL" in inline:
            continue
        if inline:
            owner = next(
                (f for f, keys in INLINE_ONLY_WHEN_USED.items() if any(k in inline for k in keys)),
                None,
            )
            if (owner and owner in unused) or inline in seen_inline:
                continue
            seen_inline.add(inline)
        script_files.append(asset)
    context["css_files"] = css_files
    context["script_files"] = script_files
    _logo_buttons(context.get("header_buttons", []))
    if callable(context.get("generate_toctree_html")):
        context["generate_toctree_html"] = _named_toggles(context["generate_toctree_html"])


_TOGGLE = re.compile(
    r'(<a class="[^"]*reference internal[^"]*" href="[^"]*">)((?:(?!</a>).)*)'
    r'(</a>\s*<details[^>]*>\s*<summary>)(?=<span class="toctree-toggle")',
    re.S,
)


def _named_toggles(generate):
    """Give each show/hide button of the table of contents a name (WCAG 4.1.2).

    The theme draws it as a ``<summary>`` holding only the chevron icon; once the icon is
    no longer an SVG made by Font Awesome's script it has no text at all, and axe reports
    ``summary-name``. The name says whose pages it shows, for screen readers only.
    """

    def wrapped(*args, **kwargs):
        html = generate(*args, **kwargs)
        if not isinstance(html, str):  # kind="raw" asks for the parsed tree: leave it
            return html

        def name(match: re.Match) -> str:
            title = re.sub(r"<[^>]+>", "", match.group(2)).strip()
            return (
                f"{match.group(1)}{match.group(2)}{match.group(3)}"
                f'<span class="visually-hidden">Pages under {title}</span>'
            )

        return _TOGGLE.sub(name, html)

    return wrapped


def _logo_buttons(buttons: list[dict]) -> None:
    """Launch-menu entries show their logo from the stylesheet, not as an image file."""
    for button in buttons:
        if button.get("type") == "group":
            _logo_buttons(button.get("buttons", []))
            continue
        icon = button.get("icon") or ""
        for cls, image in LOGOS.items():
            if icon == f"_static/{image}":
                button["icon"] = f"fa-course-logo {cls}"


def finish(app: Sphinx, exception: Exception | None) -> None:
    """Remove what no page loads; fail the build on an icon the set does not draw."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    bundles: Bundles = app.env_bundles  # type: ignore[attr-defined]
    for missing in sorted(bundles.missing_icons):
        logger.warning("light_pages: no icon shape for %s", missing)
    used: set[str] = set()
    for page in outdir.rglob("*.html"):
        if "_static" in page.parts:
            continue
        for classes in re.findall(r'class="([^"]*)"', page.read_text("utf-8")):
            used.update(c for c in classes.split() if re.fullmatch(r"fa[bsr]?|fa-[a-z0-9-]+", c))
    known = set(ICON_CLASSES) | ICON_MODIFIERS | set(LOGOS) | {"fa-course-logo"}
    for cls in sorted(used - known):
        logger.warning(
            "light_pages: a page uses the icon %s, which book/_ext/light_pages.py does not draw "
            "(add it to ICON_CLASSES)",
            cls,
        )
    static = outdir / "_static"
    for name in REMOVED_FROM_SITE:
        target = static / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
        if target.parent != static and target.parent.is_dir() and not any(target.parent.iterdir()):
            target.parent.rmdir()


def setup(app: Sphinx) -> dict:
    """Register the extension."""
    app.connect("config-inited", _configure, priority=950)
    # After the theme (500-501) and MyST-NB have added their files and buttons.
    app.connect("html-page-context", lighten_page, priority=950)
    app.connect("build-finished", finish)
    return {"parallel_read_safe": True, "parallel_write_safe": False}

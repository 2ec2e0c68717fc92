"""Icons without an icon font: committed SVG shapes, drawn by the stylesheet as CSS masks.

The shapes are Font Awesome Free 6.5.2 SVG files (icons: CC BY 4.0), copied once into
``icons/`` next to this file (see ``icons/README.md`` for where they came from). A mask is
coloured with the text colour, so the icons follow dark mode and high-contrast settings.
"""

from __future__ import annotations

import dataclasses
import functools
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import quote

ICON_DIR = Path(__file__).parent / "icons"
"""The committed SVG files, by Font Awesome style (``solid/``, ``brands/``)."""

ICON_CLASSES: dict[str, str] = {
    # class name on the page: SVG file under icons/
    "fa-angle-left": "solid/angle-left.svg",
    "fa-angle-right": "solid/angle-right.svg",
    "fa-arrow-up": "solid/arrow-up.svg",
    "fa-bars": "solid/bars.svg",
    "fa-chevron-down": "solid/chevron-down.svg",
    "fa-circle-half-stroke": "solid/circle-half-stroke.svg",
    "fa-code": "solid/code.svg",
    "fa-download": "solid/download.svg",
    "fa-expand": "solid/expand.svg",
    "fa-file": "solid/file.svg",
    "fa-file-pdf": "solid/file-pdf.svg",
    "fa-lightbulb": "solid/lightbulb.svg",
    "fa-list": "solid/list.svg",
    "fa-magnifying-glass": "solid/magnifying-glass.svg",
    "fa-moon": "solid/moon.svg",
    "fa-outdent": "solid/outdent.svg",
    "fa-pencil-alt": "solid/pencil.svg",
    "fa-play": "solid/play.svg",
    "fa-rocket": "solid/rocket.svg",
    "fa-sun": "solid/sun.svg",
    "fa-xmark": "solid/xmark.svg",
    "fa-github": "brands/github.svg",
    "fa-gitlab": "brands/gitlab.svg",
    "fa-bitbucket": "brands/bitbucket.svg",
}
"""Icons the theme's templates and buttons use, by class (pydata-sphinx-theme 0.17,
sphinx-book-theme 1.3: toolbar, launch menu, search, colour mode, page navigation)."""

THEME_GLYPHS: dict[str, str] = {
    # code point the theme's stylesheet prints in the icon font: SVG file under icons/
    "f010": "solid/magnifying-glass-minus.svg",  # search-result highlight link
    "f019": "solid/download.svg",  # download links
    "f057": "solid/circle-xmark.svg",  # "error" admonitions
    "f05a": "solid/circle-info.svg",  # "note" admonitions
    "f064": "solid/share.svg",  # "see also" admonitions
    "f06a": "solid/circle-exclamation.svg",  # "attention", "important", version notes
    "f071": "solid/triangle-exclamation.svg",  # "caution", "warning", "danger"
    "f09b": "brands/github.svg",  # repository links
    "f0eb": "solid/lightbulb.svg",  # "hint", "tip"
    "f0f3": "solid/bell.svg",  # any other admonition
    "f104": "solid/angle-left.svg",
    "f105": "solid/angle-right.svg",  # breadcrumbs
    "f107": "solid/angle-down.svg",  # "Contents" of a collapsed secondary sidebar
    "f296": "brands/gitlab.svg",
    "f303": "solid/pencil.svg",  # "to do" admonitions
    "f35d": "solid/up-right-from-square.svg",  # external links in the navigation
}
"""Glyphs the theme's own rules print with the icon font (``content: "\\f05a"``)."""

ICON_MODIFIERS = frozenset(
    {
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
)
"""Font Awesome classes that choose a style or size rather than an icon."""

ICON_BOXES = ".fa,.fas,.far,.fab,.fa-solid,.fa-regular,.fa-brands"
"""The elements that hold an icon (``<i class="fa-solid fa-rocket">``)."""

LOGOS: dict[str, str] = {
    "fa-course-binder": "images/logo_binder.svg",
    "fa-course-jupyterhub": "images/logo_jupyterhub.svg",
}
"""Launch-menu logos drawn by the stylesheet (class: the theme's image under ``_static/``)."""

LOGO_MARK = "fa-course-logo"
"""Class every launch-menu logo carries besides its own."""

MASK = (
    "-webkit-mask-position:center;mask-position:center;-webkit-mask-size:contain;"
    "mask-size:contain;-webkit-mask-repeat:no-repeat;mask-repeat:no-repeat;"
    "background-color:currentColor"
)
"""How a shape fills its box: centred, whole, in the text colour."""

_SVG = "{http://www.w3.org/2000/svg}"


@dataclasses.dataclass(frozen=True)
class Shape:
    """One icon: its drawing box and its outline."""

    width: float
    height: float
    path: str

    def url(self) -> str:
        """A CSS ``url()`` holding the shape as a small SVG image."""
        svg = (
            "<svg xmlns='http://www.w3.org/2000/svg' "
            f"viewBox='0 0 {self.width:g} {self.height:g}'><path d='{self.path}'/></svg>"
        )
        data = quote(svg, safe=" =:/,.-'")
        return f'url("data:image/svg+xml,{data}")'


@functools.cache
def read_shape(name: str) -> Shape:
    """The shape in ``icons/<name>`` (an SVG file with one path), read with an XML parser."""
    root = ET.parse(ICON_DIR / name).getroot()
    box = [float(n) for n in root.get("viewBox", "").split()]
    paths = root.findall(f"{_SVG}path")
    if len(box) != 4 or len(paths) != 1 or not paths[0].get("d"):
        raise ValueError(f"{ICON_DIR / name}: expected a viewBox and one <path d=...>")
    return Shape(box[2], box[3], paths[0].get("d", ""))


def class_rules() -> list[str]:
    """CSS for ``<i class="fa-solid fa-rocket">``: a box of the text's size, the shape as a
    mask of its ``::before``."""
    before = ",".join(f"{box}::before" for box in ICON_BOXES.split(","))
    rules = [
        "/* Icons: shapes from Font Awesome Free 6.5.2 (https://fontawesome.com, CC BY 4.0), "
        "drawn as CSS masks by book/_ext/light_pages/icons.py. */",
        # content-box: the theme pads some icons (".sidebar-secondary-item i"), which in
        # Bootstrap's border-box would squeeze the shape into what is left of the 1em box.
        f"{ICON_BOXES}{{display:inline-block;box-sizing:content-box;width:1em;height:1em;"
        "vertical-align:-.125em;font-style:normal;line-height:1}",
        f"{before}{{content:'';display:block;width:100%;height:100%;"
        f"-webkit-mask-image:var(--course-icon);mask-image:var(--course-icon);{MASK}}}",
        ".fa-lg{font-size:1.25em;vertical-align:-.2em}",
        f"@media (forced-colors:active){{{before}{{background-color:CanvasText;"
        "forced-color-adjust:none}}",
    ]
    for cls, name in sorted(ICON_CLASSES.items()):
        shape = read_shape(name)
        # As wide as the shape, like Font Awesome's own SVG icons.
        rules.append(
            f".{cls}{{--course-icon:{shape.url()};width:{shape.width / shape.height:.3g}em}}"
        )
    return rules


def glyph_variables(codes: list[str]) -> str:
    """A ``:root`` rule naming the shape of each theme glyph, ``--course-fa-<code>``."""
    if not codes:
        return ""
    pairs = (f"--course-fa-{code}:{read_shape(THEME_GLYPHS[code]).url()}" for code in codes)
    return ":root{" + ";".join(pairs) + "}"


def glyph_declarations(code: str, icon_box: bool) -> str:
    """Declarations that draw the theme glyph ``code`` as a mask instead of a character.

    ``icon_box`` is true for a rule that also chose the icon font: it then gets the box and
    mask settings that the font's character had given it.
    """
    mask = f"var(--course-fa-{code})"
    text = f"content:'';-webkit-mask-image:{mask};mask-image:{mask}"
    if icon_box:
        text += f";display:inline-block;width:1em;height:1em;vertical-align:-.125em;{MASK}"
    return text


def logo_rules(static: Path) -> list[str]:
    """The launch-menu logos as background images of their icon boxes."""
    rules = []
    for cls, image in LOGOS.items():
        data = quote((static / image).read_text(encoding="utf-8"), safe=" =:/,.-")
        rules.append(
            f".{cls}{{display:inline-block;width:1.25em;height:1.25em;vertical-align:-.25em;"
            f'background:url("data:image/svg+xml,{data}") center/contain no-repeat}}'
        )
    return rules


def known_classes() -> frozenset[str]:
    """Every ``fa``-style class the stylesheet draws or accepts."""
    return frozenset(ICON_CLASSES) | ICON_MODIFIERS | frozenset(LOGOS) | {LOGO_MARK}


def is_icon_class(name: str) -> bool:
    """True for a class in Font Awesome's naming (``fa``, ``fas``, ``fa-rocket``)."""
    return name in ("fa", "fas", "far", "fab") or (name.startswith("fa-") and len(name) > 3)

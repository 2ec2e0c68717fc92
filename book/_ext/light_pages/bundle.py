"""The site's one stylesheet and one script, made at build time from the theme's files.

Stylesheets are read with a real CSS parser (tinycss2): Font Awesome's rules (its fonts,
its 2,000 glyph rules) are left out, relative ``url()`` references are pointed at their
files again from the bundle's folder, and every theme rule that prints an icon glyph with
the icon font gets a rule that draws the glyph as a mask instead (see ``icons.py``).
Scripts are joined as they are.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import posixpath
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import tinycss2
import tinycss2.ast as css
from tinycss2.serializer import serialize_url

from . import icons

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
    "course-site.js",
)
"""Small scripts every page runs, in the order the theme loads them (the course's own last)."""

THEME_STYLESHEETS = ("styles/pydata-sphinx-theme.css", "styles/sphinx-book-theme.css")
"""The theme's stylesheets: the ones whose icon-font glyphs are redrawn as masks."""

GROUPING_RULES = frozenset({"media", "supports", "layer", "container", "document", "scope"})
"""At-rules whose block holds style rules."""

Node = Any
"""A tinycss2 node (tinycss2 ships no type information)."""


@dataclasses.dataclass
class StyleRule:
    """One style rule of a stylesheet, with the grouping at-rules it sits in."""

    within: tuple[str, ...]  # "@media (min-width:1200px)", outermost first
    selector: str
    declarations: list[Node]


def parse(text: str) -> list[Node]:
    """A stylesheet's rules, without comments or whitespace between them."""
    return list(tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True))


def _grouped(rule: Node) -> list[Node] | None:
    """The rules inside a grouping at-rule (``@media``), or None for any other node."""
    if rule.type != "at-rule" or rule.lower_at_keyword not in GROUPING_RULES or not rule.content:
        return None
    if all(n.type in ("qualified-rule", "at-rule") for n in rule.content):
        return list(rule.content)  # parsed already (a rule made by _regroup)
    return list(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))


def _regroup(rule: Node, inner: list[Node]) -> Node:
    """A copy of the grouping at-rule ``rule`` holding ``inner``."""
    return css.AtRule(
        rule.source_line,
        rule.source_column,
        rule.at_keyword,
        rule.lower_at_keyword,
        rule.prelude,
        inner,
    )


def _at_rule_text(rule: Node) -> str:
    return f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude).rstrip()}"


def style_rules(nodes: Sequence[Node], within: tuple[str, ...] = ()) -> Iterator[StyleRule]:
    """Every style rule, however deep in ``@media`` and the like."""
    for node in nodes:
        inner = _grouped(node)
        if inner is not None:
            yield from style_rules(inner, (*within, _at_rule_text(node)))
        elif node.type == "qualified-rule":
            declarations = [
                d
                for d in tinycss2.parse_blocks_contents(
                    node.content, skip_comments=True, skip_whitespace=True
                )
                if d.type == "declaration"
            ]
            yield StyleRule(within, tinycss2.serialize(node.prelude).strip(), declarations)


def selectors(prelude: Sequence[Node]) -> list[list[Node]]:
    """The selectors of a rule's prelude (split at its top-level commas), as tokens."""
    parts: list[list[Node]] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append([])
        elif token.type not in ("whitespace", "comment") or parts[-1]:
            parts[-1].append(token)
    return parts


def _is_font_awesome_selector(tokens: list[Node]) -> bool:
    """True for a selector that starts with one of Font Awesome's own classes."""
    if len(tokens) < 2 or tokens[0].type != "literal" or tokens[0].value != ".":
        return False
    name = tokens[1].value if tokens[1].type == "ident" else ""
    return name in ("fa", "fas", "far", "fab") or name.startswith(("fa-", "svg-inline--fa"))


def _is_font_awesome(node: Node) -> bool:
    """True for a rule of Font Awesome's own stylesheet (fonts, glyphs, animations)."""
    if node.type == "at-rule":
        if node.lower_at_keyword == "font-face":
            return "Font Awesome" in tinycss2.serialize(node.content or [])
        if node.lower_at_keyword in ("keyframes", "-webkit-keyframes"):
            names = [t.value for t in node.prelude if t.type == "ident"]
            return bool(names) and names[0].startswith("fa-")
        return False
    if node.type != "qualified-rule":
        return False
    parts = selectors(node.prelude)
    if all(_is_font_awesome_selector(p) for p in parts):
        return True
    if {tinycss2.serialize(p).strip() for p in parts} <= {":host", ":root"}:
        names = [
            d.name
            for d in tinycss2.parse_blocks_contents(node.content, skip_whitespace=True)
            if d.type == "declaration"
        ]
        return bool(names) and all(name.startswith("--fa-") for name in names)
    return False


def strip_font_awesome(nodes: Sequence[Node]) -> list[Node]:
    """The rules without Font Awesome's own; grouping rules left empty are dropped too."""
    kept = []
    for node in nodes:
        inner = _grouped(node)
        if inner is not None:
            inner = strip_font_awesome(inner)
            if inner:
                kept.append(_regroup(node, inner))
        elif not _is_font_awesome(node):
            kept.append(node)
    return kept


def _relocated(target: str, folder: str) -> str:
    if not folder or target.startswith(("data:", "/", "#")) or ":" in target.split("/")[0]:
        return target
    return posixpath.normpath(posixpath.join(folder, target))


def relocate_urls(nodes: Sequence[Node], source: str) -> list[Node]:
    """The nodes with relative ``url()`` references of ``source`` (a path under ``_static``)
    rewritten for a file directly in ``_static``."""
    folder = posixpath.dirname(source)

    def fix(token: Node, in_url: bool = False) -> Node:
        if token.type == "url":
            value = _relocated(token.value, folder)
            return css.URLToken(
                token.source_line, token.source_column, value, f"url({serialize_url(value)})"
            )
        if in_url and token.type == "string":
            value = _relocated(token.value, folder)
            return css.StringToken(token.source_line, token.source_column, value, f'"{value}"')
        url = token.type == "function" and token.lower_name == "url"
        for attribute in ("prelude", "content", "arguments"):
            inner = getattr(token, attribute, None)
            if isinstance(inner, list):
                setattr(token, attribute, [fix(t, url) for t in inner])
        return token

    return [fix(node) for node in nodes] if folder else list(nodes)


def custom_properties(rules: Sequence[StyleRule]) -> dict[str, list[Node]]:
    """Custom properties (``--name``) the stylesheet sets on the whole page."""
    found: dict[str, list[Node]] = {}
    for rule in rules:
        if rule.selector.split(",")[0].strip() in (":root", "html", ":host"):
            for declaration in rule.declarations:
                if declaration.name.startswith("--"):
                    found[declaration.name] = declaration.value
    return found


def glyph_code(value: Sequence[Node], variables: dict[str, list[Node]]) -> str | None:
    """The icon-font code point (``f05a``) a ``content`` value prints, if it prints one."""
    for _ in range(5):  # var(--a) may name var(--b)
        tokens = [t for t in value if t.type not in ("whitespace", "comment")]
        if len(tokens) == 1 and tokens[0].type == "function" and tokens[0].lower_name == "var":
            names = [t.value for t in tokens[0].arguments if t.type == "ident"]
            value = variables.get(names[0], []) if names else []
            continue
        if len(tokens) == 1 and tokens[0].type == "string" and len(tokens[0].value) == 1:
            point = ord(tokens[0].value)
            return f"{point:x}" if 0xE000 <= point <= 0xF8FF else None
        return None
    return None


def _uses_icon_font(rule: StyleRule) -> bool:
    for declaration in rule.declarations:
        if declaration.lower_name in ("font", "font-family"):
            text = tinycss2.serialize(declaration.value)
            if "--fa-font" in text or "Font Awesome" in text:
                return True
    return False


def glyph_rules(rules: Sequence[StyleRule], missing: set[str]) -> list[str]:
    """Rules that draw each icon-font glyph of ``rules`` as a mask; unknown code points are
    added to ``missing``."""
    variables = custom_properties(rules)
    codes: list[str] = []
    out = []
    for rule in rules:
        content = [d for d in rule.declarations if d.lower_name == "content"]
        code = glyph_code(content[-1].value, variables) if content else None
        if code is None:
            continue
        if code not in icons.THEME_GLYPHS:
            missing.add(f"code point {code} ({rule.selector})")
            continue
        if code not in codes:
            codes.append(code)
        text = f"{rule.selector}{{{icons.glyph_declarations(code, _uses_icon_font(rule))}}}"
        for at_rule in reversed(rule.within):
            text = f"{at_rule}{{{text}}}"
        out.append(text)
    return [icons.glyph_variables(codes), *out] if out else []


def _matches(name: str, pattern: str) -> bool:
    """True when ``name`` fits ``pattern``, where ``*`` stands for any text without ``/``."""
    head, star, tail = pattern.partition("*")
    if not star:
        return name == pattern
    middle = name[len(head) : len(name) - len(tail)]
    return (
        len(name) >= len(head) + len(tail)
        and name.startswith(head)
        and name.endswith(tail)
        and "/" not in middle
    )


def bundled_css(name: str) -> bool:
    """True for a stylesheet (path under ``_static``) that the one stylesheet holds."""
    return any(_matches(name, pattern) for pattern in CSS_BUNDLED)


def _write_atomic(path: Path, text: str) -> None:
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as f:
        f.write(text)
    os.chmod(f.name, 0o644)  # readable by the web server, like the files Sphinx copies
    os.replace(f.name, path)


def _is_import(node: Node) -> bool:
    return bool(node.type == "at-rule" and node.lower_at_keyword == "import")


def make_css(static: Path, missing: set[str]) -> str:
    """The one stylesheet's text, from the files in ``static``."""
    parts = []
    theme_rules: list[StyleRule] = []
    for pattern in CSS_BUNDLED:
        for path in sorted(static.glob(pattern)):
            name = path.relative_to(static).as_posix()
            nodes = parse(path.read_text(encoding="utf-8"))
            nodes = [n for n in nodes if not _is_import(n)]
            if name in THEME_STYLESHEETS:
                nodes = strip_font_awesome(nodes)
                theme_rules += style_rules(nodes)
            parts.append(f"/* {name} */\n{tinycss2.serialize(relocate_urls(nodes, name))}\n")
    parts.append("\n".join([*icons.class_rules(), *glyph_rules(theme_rules, missing)]) + "\n")
    parts.append("\n".join(icons.logo_rules(static)) + "\n")
    return "".join(parts)


def make_js(static: Path) -> str:
    """The one script's text, from the files in ``static``."""
    return "".join(
        f"/* {name} */\n{(static / name).read_text(encoding='utf-8')}\n;\n" for name in JS_BUNDLED
    )


class Bundles:
    """Makes the two bundles once per build, from the files Sphinx copied to ``_static``."""

    def __init__(self) -> None:
        self.versions: dict[str, str] = {}
        self.missing_icons: set[str] = set()

    def make(self, static: Path) -> None:
        """Write ``course-light.css`` and ``course-light.js`` (the first call only)."""
        if self.versions:
            return
        for bundle, text in (
            (CSS_BUNDLE, make_css(static, self.missing_icons)),
            (JS_BUNDLE, make_js(static)),
        ):
            _write_atomic(static / bundle, text)
            self.versions[bundle] = hashlib.sha256(text.encode()).hexdigest()[:12]

"""The light-pages extension (book/_ext/light_pages), piece by piece, without a build.

The built site is checked in the browser (tests/browser/test_page_budget.py and
test_accessibility.py); these tests pin down each piece on small inputs: the CSS bundle
(Font Awesome's rules out, the theme's icon glyphs redrawn, urls moved), the committed
icon files, what is read from and changed in a page body, and the navigation's names.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import tinycss2

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "book" / "_ext" / "light_pages"


def _light_pages():
    """The Sphinx extension package, loaded from book/_ext without touching sys.path."""
    spec = importlib.util.spec_from_file_location(
        "light_pages", PACKAGE / "__init__.py", submodule_search_locations=[str(PACKAGE)]
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["light_pages"] = module
    spec.loader.exec_module(module)
    return module


light_pages = _light_pages()
from light_pages import assets, bundle, cleanup, icons, navigation, page, root  # noqa: E402

THEME_CSS = "".join(
    [
        '@font-face{font-family:"Font Awesome 6 Free";',
        "src:url(../vendor/fontawesome/webfonts/fa-solid-900.woff2)}",
        ':root{--fa-style-family:"Font Awesome 6 Free";',
        '--fa-font-solid:normal 900 1em/1 "Font Awesome 6 Free"}',
        '.fa-rocket:before{content:"\\f135"}',
        ".fa,.fas{font-family:var(--fa-style-family)}",
        "@keyframes fa-spin{0%{transform:rotate(0)}}",
        ':root{--pst-icon-admonition-note:"\\f05a";--pst-color-primary:#0a7d91}',
        ".admonition>.admonition-title:after{content:var(--pst-icon-admonition-note);",
        "font:var(--fa-font-solid)}",
        '@media (min-width:1200px){.onthispage:after{content:"\\f107"}.x{color:red}',
        ".fa-spin{animation:fa-spin 2s}}",
        ".logo{background:url(../images/logo.svg)}",
        ".btn-group>.btn:nth-child(n+3){margin:0}",
    ]
)


# ---------------------------------------------------------------------------------------
# The stylesheet bundle
# ---------------------------------------------------------------------------------------


def test_font_awesome_rules_are_left_out_and_the_rest_kept() -> None:
    kept = tinycss2.serialize(bundle.strip_font_awesome(bundle.parse(THEME_CSS)))
    assert "Font Awesome" not in kept and "fa-spin" not in kept and "f135" not in kept
    assert "--fa-style-family" not in kept and "--fa-font-solid:" not in kept
    for survivor in ("--pst-color-primary:#0a7d91", ".x{color:red}", ".logo{", "nth-child"):
        assert survivor in kept
    assert kept.count("@media") == 1  # the media rule keeps what is not Font Awesome's


def test_a_media_rule_left_empty_is_dropped() -> None:
    nodes = bundle.parse("@media print{.fa-x{color:red}}.y{color:blue}")
    assert tinycss2.serialize(bundle.strip_font_awesome(nodes)) == ".y{color:blue}"


def test_theme_glyphs_are_redrawn_as_masks_where_they_sit() -> None:
    missing: set[str] = set()
    rules = list(bundle.style_rules(bundle.strip_font_awesome(bundle.parse(THEME_CSS))))
    out = bundle.glyph_rules(rules, missing)
    assert missing == set()
    assert out[0].startswith(":root{--course-fa-f05a:url(") and "--course-fa-f107" in out[0]
    note = next(r for r in out if r.startswith(".admonition"))
    assert "mask-image:var(--course-fa-f05a)" in note
    assert "display:inline-block" in note  # it chose the icon font: it gets the icon box
    on_page = next(r for r in out if "onthispage" in r)
    assert on_page.startswith("@media (min-width:1200px){.onthispage:after{")
    assert "display:inline-block" not in on_page


def test_an_unknown_glyph_is_reported() -> None:
    missing: set[str] = set()
    rules = list(bundle.style_rules(bundle.parse('.new:before{content:"\\f7ff"}')))
    assert bundle.glyph_rules(rules, missing) == []
    assert missing == {"code point f7ff (.new:before)"}


def test_relative_urls_point_at_their_files_from_the_bundle() -> None:
    nodes = bundle.parse('.a{background:url(../images/a.svg)}.b{src:url("fonts/b.woff")}'
                         ".c{background:url(data:image/png;base64,AA==)}")  # fmt: skip
    text = tinycss2.serialize(bundle.relocate_urls(nodes, "styles/theme.css"))
    assert "url(images/a.svg)" in text
    assert 'url("styles/fonts/b.woff")' in text
    assert "url(data:image/png;base64,AA==)" in text


def test_bundled_stylesheets_are_matched_by_pattern() -> None:
    assert bundle.bundled_css("mystnb.11b3986.css") and bundle.bundled_css("course.css")
    assert not bundle.bundled_css("styles/mystnb.1.css") and not bundle.bundled_css("x.css")


def test_the_bundle_from_the_installed_theme_draws_every_glyph(tmp_path: Path) -> None:
    """The real theme files: Font Awesome's 2,000 glyph rules go, the theme's icon glyphs
    all have a committed shape, and the course's own stylesheet is there, last."""
    theme = Path(sys.prefix).glob("lib/python3*/site-packages/pydata_sphinx_theme/theme/*")
    folder = next((p for p in theme if p.name == "pydata_sphinx_theme"), None)
    if folder is None:
        pytest.fail("pydata-sphinx-theme is not installed: run make install-test")
    static = tmp_path / "_static"
    (static / "styles").mkdir(parents=True)
    for name in ("styles/pydata-sphinx-theme.css",):
        (static / name).write_text((folder / "static" / name).read_text())
    (static / "course.css").write_text((REPO / "book/_static/course.css").read_text())
    (static / "images").mkdir()
    for logo in icons.LOGOS.values():
        (static / logo).write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    missing: set[str] = set()
    text = bundle.make_css(static, missing)
    assert missing == set()
    assert text.count(":before{content:") < 40  # was over 2,000 glyph rules
    assert "Font Awesome 6 Free" not in text.split("/* Icons")[0]
    assert text.index("/* course.css */") < text.index("/* Icons")


# ---------------------------------------------------------------------------------------
# Icons
# ---------------------------------------------------------------------------------------


def test_every_icon_is_a_committed_svg_with_its_licence() -> None:
    names = {*icons.ICON_CLASSES.values(), *icons.THEME_GLYPHS.values()}
    for name in sorted(names):
        shape = icons.read_shape(name)
        assert shape.width > 0 and shape.height > 0 and shape.path.startswith("M"), name
        assert "Font Awesome Free 6.5.2" in (icons.ICON_DIR / name).read_text()
    on_disk = {p.relative_to(icons.ICON_DIR).as_posix() for p in icons.ICON_DIR.rglob("*.svg")}
    assert on_disk == names, "icons/ holds exactly the files the tables name"
    licence = (icons.ICON_DIR / "LICENSE.txt").read_text()
    assert "CC BY 4.0" in licence
    readme = (icons.ICON_DIR / "README.md").read_text()
    assert "@fortawesome/fontawesome-free" in readme and "6.5.2" in readme


def test_a_shape_becomes_a_small_svg_url() -> None:
    url = icons.read_shape("solid/rocket.svg").url()
    assert url.startswith('url("data:image/svg+xml,') and "viewBox='0 0 512 512'" in url
    assert "Font Awesome" not in url  # the licence comment stays in the file, not each page


def test_a_file_without_one_path_is_refused(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "two.svg").write_text(
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 1 1'><path d='M0'/><path d='M1'/>"
        "</svg>"
    )
    monkeypatch.setattr(icons, "ICON_DIR", tmp_path)
    with pytest.raises(ValueError, match="one <path"):
        icons.read_shape.__wrapped__("two.svg")


def test_icon_classes_in_a_page_are_found_and_checked() -> None:
    html = '<i class="fa-solid fa-rocket"></i><span class="fab fa-mastodon x">'
    used = {c for c in cleanup.page_classes(html) if icons.is_icon_class(c)}
    assert used == {"fa-solid", "fa-rocket", "fab", "fa-mastodon"}
    assert used - icons.known_classes() == {"fa-mastodon"}


# ---------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------

BODY = """<section><h1>Module 1</h1>
<p><strong>Time to complete:</strong> about 30 minutes</p>
<div class="admonition course-howto"><p>How to use this page: a long box paragraph that is not
the page's opening, however many words it has in it.</p></div>
<p>By the end of this module you will be able to:</p>
<ul><li><p>explain why a change that works in one place often stalls elsewhere</p></li></ul>
<p>This course is practical. In every module you will apply the ideas to <a href="#">one
real change</a> that you want to spread, module by module, into a plan you can use at work.</p>
<style>.summary td{padding:2px}</style>
<div class="cell_output"><div class="course-exercise course-static-form" data-prompt="m.one">
<textarea id="ex-one"></textarea></div></div>
<div class="course-exercise course-static-form" data-prompt="m.two"></div>
<style type="text/css">
.b{color:red}</style></section>"""


def test_description_is_the_opening_paragraph_of_the_text() -> None:
    text = page.PageBody.read(BODY).description()
    assert text.startswith("This course is practical. In every module you will apply the ideas")
    assert "to one real change that" in text  # inline markup leaves no stray spaces
    assert len(text) <= page.DESCRIPTION_LENGTH and text.endswith("…")
    assert page.shorten("Short enough.", 160) == "Short enough."


def test_styles_move_out_and_the_first_exercise_gets_the_skip_link_id() -> None:
    body = page.PageBody.read(BODY)
    assert body.take_styles() == [
        "<style>.summary td{padding:2px}</style>",
        '<style type="text/css">\n.b{color:red}</style>',
    ]
    assert body.mark_first_exercise() == page.FIRST_EXERCISE_ID
    assert "<style" not in body.html
    assert (
        '<div id="course-first-exercise" tabindex="-1" class="course-exercise '
        'course-static-form" data-prompt="m.one">'
    ) in body.html
    assert body.html.count("course-first-exercise") == 1
    untouched = BODY.replace("<style>.summary td{padding:2px}</style>", "")
    untouched = untouched.replace('<style type="text/css">\n.b{color:red}</style>', "")
    assert body.html.replace(' id="course-first-exercise" tabindex="-1"', "") == untouched


def test_a_page_without_exercises_or_styles_is_left_alone() -> None:
    html = "<section><p>Only text here, and a paragraph of it that is long enough.</p></section>"
    body = page.PageBody.read(html)
    assert body.take_styles() == [] and body.mark_first_exercise() is None
    assert body.html == html


def test_optional_files_load_only_where_used() -> None:
    code = page.PageBody.read('<div class="highlight-python3"><div class="highlight">').classes()
    assert "copybutton.js" not in assets.unused_files(code)
    plain = assets.unused_files({"course-exercise"})
    assert {"copybutton.js", "togglebutton.js", "sphinx-design.min.css"} <= plain
    assert "sphinx-thebe.js" in assets.unused_files(code)


def test_navigation_buttons_get_a_name_saying_whose_pages_they_show() -> None:
    html = (
        '<li><a class="reference internal" href="f.html">For <em>facilitators</em></a>'
        '<details><summary><span class="toctree-toggle" role="presentation">'
        '<i class="fa-solid fa-chevron-down"></i></span></summary><ul></ul></details></li>'
    )
    named = navigation.name_toggles(html)
    assert '<span class="visually-hidden">Pages under For facilitators</span></summary>' in named
    assert navigation.name_toggles(named) == named  # named once only
    assert navigation.name_toggles("<ul><li>no toggles</li></ul>") == "<ul><li>no toggles</li></ul>"
    raw = object()
    assert navigation.named_toggles(lambda *a, **k: raw)(kind="raw") is raw


def test_the_site_root_gets_a_whole_page_that_leads_home(tmp_path: Path) -> None:
    assert root.write_root_page(tmp_path, "book/index", "A <course>", "book/_static/f.svg", "en")
    html = (tmp_path / "index.html").read_text()
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html
    assert "<title>A &lt;course&gt;</title>" in html
    assert '<link rel="icon" href="_static/f.svg"/>' in html
    assert 'content="0; url=book/index.html"' in html and '<a href="book/index.html">' in html
    (tmp_path / "index.html").write_text("the site's own page")
    assert not root.write_root_page(tmp_path, "book/index", "A course", "", "en")
    assert (tmp_path / "index.html").read_text() == "the site's own page"
    assert not root.write_root_page(tmp_path / "x", "index", "A course", "", "en")

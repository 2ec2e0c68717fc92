"""Links in the pages a learner reaches in Jupyter and the form view (book/_ext/form_view.py).

Voila (the form view) renders notebooks only, and gives each heading the id that
JupyterLab gives it too. These checks follow every link from the modules, page by page,
as a learner clicking through the form view would.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import deque
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from nbconvert.filters.markdown_mistune import markdown2html_mistune

REPO = Path(__file__).resolve().parents[1]
MODULES = REPO / "book" / "modules"
LINK = re.compile(r"\]\(([^)\s]+)\)")


def _form_view():
    """The Sphinx extension module, loaded from book/_ext without touching sys.path."""
    spec = importlib.util.spec_from_file_location("form_view", REPO / "book/_ext/form_view.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["form_view"] = module  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


form_view = _form_view()


@cache
def markdown_cells(path: Path) -> tuple[str, ...]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return tuple("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def code(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")


@cache
def jupyter_ids(path: Path) -> frozenset[str]:
    """The element ids a notebook's Markdown gets in Voila (nbconvert renders it there)."""
    html = "".join(markdown2html_mistune(cell) for cell in markdown_cells(path))
    return frozenset(unquote(i) for i in re.findall(r'\bid="([^"]+)"', html))


def local_links(path: Path) -> list[str]:
    """Links in a notebook's Markdown that stay inside the course (not web or mail)."""
    return [
        href
        for cell in markdown_cells(path)
        for href in LINK.findall(cell)
        if not urlsplit(href).scheme
    ]


def test_heading_ids_are_the_ones_jupyter_makes() -> None:
    """MyST's anchors (heading_id) equal the ids nbconvert gives the same headings."""
    for path in [*MODULES.glob("*.ipynb"), *(REPO / "book/reference").glob("*.ipynb")]:
        headings = [
            h for cell in markdown_cells(path) for h in re.findall(r"^#+ (.+)$", cell, re.M)
        ]
        for heading in headings:
            plain = re.sub(r"[*_`]", "", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading))
            assert form_view.heading_id(plain) in jupyter_ids(path), (path.name, heading)
    assert (
        form_view.heading_id("Simple, complicated and complex") == "Simple,-complicated-and-complex"
    )


def form_view_problems(start: list[Path]) -> tuple[list[str], set[Path]]:
    """Follow every local link from ``start``, page by page, as a learner clicking through
    the form view would: what fails, and every page reached."""
    queue = deque(start)
    seen = set(queue)
    broken = []
    while queue:
        page = queue.popleft()
        for href in local_links(page):
            parts = urlsplit(href)
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            where = f"{page.name}: {href}"
            if target.suffix != ".ipynb" or not target.is_file():
                broken.append(f"{where} (the form view opens only a notebook that exists)")
                continue
            if parts.fragment and unquote(parts.fragment) not in jupyter_ids(target):
                broken.append(f"{where} (no heading with that id)")
            elif parts.fragment and parts.path and "go_to_linked_heading()" not in code(target):
                # Voila hides a page until it is rendered: without the call the browser
                # cannot jump to the heading, and the page opens at the top.
                broken.append(f"{where} (the page opens at the top in the form view)")
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return broken, seen


def test_every_link_from_a_module_works_in_the_form_view() -> None:
    """From every module, each link leads to a notebook that exists (Voila can show it),
    and each #anchor to a heading on it; the pages reached are checked the same way."""
    broken, reached = form_view_problems(sorted(MODULES.glob("*.ipynb")))
    assert not broken, "links that fail in the form view:\n" + "\n".join(broken)
    names = {p.relative_to(REPO).as_posix() for p in reached}
    assert {"book/reference/glossary.ipynb", "book/reference/about.ipynb"} <= names


def _notebook(path: Path, *cells: str) -> Path:
    body = [{"cell_type": "markdown", "metadata": {}, "source": c} for c in cells]
    if path.name == "terms.ipynb":
        body.append({"cell_type": "code", "source": "go_to_linked_heading()"})
    path.write_text(json.dumps({"cells": body}), encoding="utf-8")
    return path


def test_the_link_check_catches_what_the_form_view_cannot_open(tmp_path: Path) -> None:
    """A Markdown page, a missing notebook, a wrong-case anchor and an anchor on a page that
    cannot jump to it are caught, also on a page reached only through another; good links
    are not."""
    (tmp_path / "start.md").write_text("# Start\n", encoding="utf-8")
    _notebook(
        tmp_path / "terms.ipynb", "## Systems convening\n\n[back](module.ipynb) [x](start.md)"
    )
    _notebook(tmp_path / "about.ipynb", "## Who we are")
    module = _notebook(
        tmp_path / "module.ipynb",
        "# Module\n\n[ok](terms.ipynb#Systems-convening) [top](#Module) [web](https://example.org)",
        "[case](terms.ipynb#systems-convening) [gone](missing.ipynb) [md](start.md)",
        "[jump](about.ipynb#Who-we-are)",
    )
    broken, reached = form_view_problems([module])
    assert sorted(broken) == [
        "module.ipynb: about.ipynb#Who-we-are (the page opens at the top in the form view)",
        "module.ipynb: missing.ipynb (the form view opens only a notebook that exists)",
        "module.ipynb: start.md (the form view opens only a notebook that exists)",
        "module.ipynb: terms.ipynb#systems-convening (no heading with that id)",
        "terms.ipynb: start.md (the form view opens only a notebook that exists)",
    ]
    assert {p.name for p in reached} == {"module.ipynb", "terms.ipynb", "about.ipynb"}


MYST_ONLY = re.compile(r"\{[a-z:-]+\}`|^(```|~~~|:::)\{|^\([\w-]+\)=$", re.M)
"""MyST roles (``{cite:p}`key` ``), directives and targets: raw text in the form view."""


def test_pages_in_the_form_view_use_no_myst_only_syntax() -> None:
    """A citation or directive would show as raw text in Voila, so the pages a learner can
    reach there use plain Markdown and HTML only."""
    _broken, reached = form_view_problems(sorted(MODULES.glob("*.ipynb")))
    found = [
        f"{page.name}: {match[0]}"
        for page in sorted(reached)
        for cell in markdown_cells(page)
        for match in MYST_ONLY.finditer(cell)
    ]
    assert not found, f"MyST-only syntax in pages the form view shows: {found}"
    assert MYST_ONLY.search("the standard guide {cite:p}`davies-dart-2005-msc`.")
    assert MYST_ONLY.search("```{bibliography}\n```")


# ---------------------------------------------------------------------------------------
# Routes from the website to Jupyter (launch menu and the note at the end of a module)
# ---------------------------------------------------------------------------------------

THEME_OPTIONS = {
    "repository_url": "https://github.com/nhs-spread-course/spread-adoption-course",
    "repository_branch": "main",
    "launch_buttons": {"binderhub_url": "https://mybinder.org", "jupyterhub_url": ""},
}


def test_placeholder_hubs_are_recognised() -> None:
    for placeholder in (
        "https://jupyterhub.example.nhs.uk",
        "https://jupyter.YOUR-ORG.nhs.uk",
        "https://hub.example.com/",
        "https://example.org",
        "https://hub.example",
    ):
        assert form_view.is_placeholder(placeholder), placeholder
    for real in ("https://jupyter.leedsth.nhs.uk", "https://hub.exampleton-ccg.nhs.uk"):
        assert not form_view.is_placeholder(real), real


def test_routes_open_the_notebook_in_jupyterlab_and_the_form_view() -> None:
    routes = form_view.jupyter_routes(THEME_OPTIONS, "book/modules/mindset.ipynb")
    assert [r.text for r in routes] == ["JupyterLab on Binder", "Form view on Binder"]
    binder = "https://mybinder.org/v2/gh/nhs-spread-course/spread-adoption-course/main"
    assert routes[0].url == f"{binder}?urlpath=lab/tree/book/modules/mindset.ipynb"
    assert routes[1].url == f"{binder}?urlpath=voila/render/book/modules/mindset.ipynb"


def test_a_real_hub_adds_its_routes_and_a_placeholder_adds_none() -> None:
    options = {**THEME_OPTIONS, "launch_buttons": {"jupyterhub_url": "https://hub.trust.nhs.uk/"}}
    routes = form_view.jupyter_routes(options, "book/modules/mindset.ipynb")
    assert [r.text for r in routes] == [
        "JupyterLab on your JupyterHub",
        "Form view on your JupyterHub",
    ]
    assert routes[1].url == (
        "https://hub.trust.nhs.uk/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2F"
        "nhs-spread-course%2Fspread-adoption-course&urlpath=voila/render/spread-adoption-course/"
        "book/modules/mindset.ipynb&branch=main"
    )
    options["launch_buttons"] = {"jupyterhub_url": "https://jupyterhub.example.nhs.uk"}
    assert form_view.jupyter_routes(options, "book/modules/mindset.ipynb") == []


def test_a_placeholder_hub_is_dropped_with_a_warning(caplog) -> None:
    import logging
    from types import SimpleNamespace

    hub = {"jupyterhub_url": "https://jupyter.YOUR-ORG.nhs.uk"}
    config = SimpleNamespace(html_theme_options={"launch_buttons": hub})
    with caplog.at_level(logging.WARNING):
        form_view.check_hub(None, config)
    assert hub["jupyterhub_url"] == ""
    assert "placeholder" in caplog.text and "_config.yml" in caplog.text


def test_the_course_sets_no_placeholder_hub() -> None:
    import yaml

    config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
    hub = config["launch_buttons"].get("jupyterhub_url") or ""
    assert not form_view.is_placeholder(hub), hub


def test_the_note_names_each_route_and_links_to_help() -> None:
    routes = form_view.jupyter_routes(THEME_OPTIONS, "book/modules/mindset.ipynb")
    note = form_view.other_ways_note(routes, "../start-here.html#do-the-exercises-in-jupyter")
    assert note.startswith('<aside class="course-other-ways"')
    assert ">JupyterLab on Binder</a>" in note and ">Form view on Binder</a>" in note
    assert 'href="../start-here.html#do-the-exercises-in-jupyter"' in note

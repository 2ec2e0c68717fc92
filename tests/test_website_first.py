"""Website first: the pages a learner reads on the website speak to a website learner.

The Jupyter and Binder lines show only in Jupyter and the form view: they carry
``course-live-only``, which the website's stylesheet hides, while the website's own line
carries ``course-static-only`` with the ``hidden`` attribute (kept hidden in Jupyter, shown
by the website's stylesheet), as the modules' "How to use this page" box does. Start here
and the home page exist only on the website, so they name no Jupyter-only control and no
Binder, and Start here explains every button of the website's answers panel.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from exercises.static_form import device_panel_html

REPO = Path(__file__).resolve().parents[1]
BOOK = REPO / "book"
MODULES = BOOK / "modules"
PLAN_HELPER_OWNS = {"capstone"}
"""The capstone's workbook lines are written with its document panel (see the capstone)."""
JUPYTER_ONLY = ("Binder", "Run All Cells", "workbook panel", "Prepare my downloads", "JupyterLab")
"""Words that belong to Jupyter and say nothing to a reader of the website."""


def markdown(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def website_text(html_or_markdown: str) -> str:
    """What the website shows: live-only elements removed (the stylesheet hides them)."""
    return re.sub(r'<p class="course-live-only[^"]*">.*?</p>', " ", html_or_markdown, flags=re.S)


def section(text: str, heading: str) -> str:
    """The text under a heading, up to the next heading of the same level or higher."""
    start = re.search(rf"^(#+) {re.escape(heading)}\n", text, re.M)
    assert start, f"no section {heading!r}"
    rest = text[start.end() :]
    end = re.search(rf"^#{{1,{len(start[1])}}} ", rest, re.M)
    return rest[: end.start()] if end else rest


def placeholder_hub() -> str:
    config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
    hub = config["launch_buttons"].get("jupyterhub_url") or "jupyterhub.example"
    return re.sub(r"^https?://", "", hub)


@pytest.mark.parametrize(
    "path",
    [p for p in sorted(MODULES.glob("*.ipynb")) if p.stem not in PLAN_HELPER_OWNS],
    ids=lambda p: p.stem,
)
def test_the_workbook_paragraph_speaks_to_each_place(path: Path) -> None:
    """On the website the workbook paragraph is about this browser; in Jupyter and the
    form view it is about the workbook file and Binder."""
    part = section(markdown(path), "Your workbook")
    site = re.findall(r'<p class="course-static-only" hidden>(.+?)</p>', part, re.S)
    live = re.findall(r'<p class="course-live-only">(.+?)</p>', part, re.S)
    assert len(site) == 1 and "this website" in site[0] and "this browser" in site[0]
    assert len(live) == 1 and "workbook" in live[0] and "Binder" in live[0]
    shown = website_text(part)
    for word in JUPYTER_ONLY:
        assert word not in shown, f"{path.name}: the website shows {word!r} under Your workbook"


@pytest.mark.parametrize("name", ["start-here", "index"])
def test_website_pages_name_no_jupyter_only_control(name: str) -> None:
    """Start here and the home page speak to someone on the website."""
    text = (BOOK / f"{name}.md").read_text(encoding="utf-8")
    for word in ("Binder", "Run All Cells", "workbook panel"):
        assert word not in text, f"{name}.md names {word!r}"
    assert placeholder_hub() not in text


def test_start_here_explains_every_button_of_the_website_panel() -> None:
    """Every control of "Your answers on this device" is described on Start here, under
    the website's own heading, and that part promises nothing only Jupyter has."""
    text = (BOOK / "start-here.md").read_text(encoding="utf-8")
    website = section(section(text, "Keeping your answers"), "On this website")
    panel = device_panel_html()
    assert "Your answers on this device" in panel and "**Your answers on this device**" in text
    buttons = [" ".join(b.split()) for b in re.findall(r"<button[^>]*>([^<]+)</button>", panel)]
    assert buttons, "the panel has no buttons to describe"
    for label in buttons:
        if label.startswith("Show what"):  # the share file's preview: "make a share file"
            assert "share file" in website
            continue
        assert f"**{label}**" in website, f"Start here does not describe {label!r}"
    assert "load a workbook" in website.lower()
    for word in JUPYTER_ONLY:
        assert word not in website, f"the website part of Start here names {word!r}"


def test_start_here_says_the_website_is_enough() -> None:
    """The first way to use the course is this website, with nothing to install; Jupyter
    comes second and only if a course lead offers it."""
    text = (BOOK / "start-here.md").read_text(encoding="utf-8")
    ways = re.findall(r"^### (\d)\. (.+)$", section(text, "Three ways to use the course"), re.M)
    assert ways[0] == ("1", "On this website")
    assert "if your course lead offers it" in ways[1][1]
    assert "To keep your answers, open a module in Jupyter" not in text

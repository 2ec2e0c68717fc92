"""Routes through the course and the essential exercises they rest on (issue 21).

Start here lists two routes, each with its time, in its own section:

- **a high-level plan in about two hours**: in each listed module, read *What you will
  learn* and *Key points*, and do the exercises marked essential, reading the section
  each one sits in; a module that builds the plan (it calls ``show_plan()``) adds the
  section that builds it;
- **for partnership and alliance leads**: whole modules, so its time is the sum of
  their stated times.

The two-hour route's time is estimated with the same reading pace and exercise
allowances as each module's time (``tests/test_course_voice.py``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import ipywidgets as W
import pytest

from exercises.catalogue import Catalogue, CatalogueError, load_catalogue
from exercises.model import Prompt
from exercises.static_form import ESSENTIAL, head_html
from exercises.widgets import Session
from exercises.workbook import Workbook
from tests.test_catalogue import HEAD, write_module
from tests.test_course_voice import (
    PAUSE_MINUTES,
    TOLERANCE,
    WORDS_PER_MINUTE,
    allowance,
    markdown,
    pauses,
)

REPO = Path(__file__).resolve().parents[1]
BOOK = REPO / "book"
START_HERE = BOOK / "start-here.md"
ROUTES = "## Routes through the course"
TWO_HOURS = 120
"""The short route's promise, in minutes."""

LINK = re.compile(r"\]\(modules/([a-z-]+)\.ipynb\)")
WORD = re.compile(r"[A-Za-z0-9]+(?:['’][a-z]+)?")
SHOW = re.compile(r"""^show\(\s*["']([a-z0-9.-]+)["']\s*\)$""")


def routes() -> dict[str, str]:
    """Each route's heading and text, from the routes section of Start here."""
    text = START_HERE.read_text(encoding="utf-8")
    assert ROUTES in text, f"Start here needs a section headed {ROUTES!r}"
    section = re.split(r"^## ", text.split(ROUTES, 1)[1], flags=re.M)[0]
    parts = re.split(r"^### (.+)$", section, flags=re.M)
    return {parts[i].strip(): parts[i + 1] for i in range(1, len(parts), 2)}


def route(word: str) -> tuple[str, str]:
    """The one route whose heading contains a word."""
    found = [(h, t) for h, t in routes().items() if word in h.lower()]
    assert len(found) == 1, f"Start here needs one route whose heading says {word!r}"
    return found[0]


def stated_minutes(text: str) -> int:
    match = re.search(r"\*\*Time:\*\* about (?:(\d+) hours?)?\s*(?:(\d+) minutes)?", text)
    assert match and (match[1] or match[2]), f"no '**Time:** about ...' in {text[:60]!r}"
    return int(match[1] or 0) * 60 + int(match[2] or 0)


def cells(module_id: str) -> list[dict]:
    path = BOOK / "modules" / f"{module_id}.ipynb"
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def prose_words(text: str) -> int:
    text = re.sub(r'<p class="[^"]*course-live-only[^"]*">.*?</p>', " ", text, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return len(WORD.findall(re.sub(r"\]\([^)]*\)", "]", text)))


def sections(module_id: str) -> list[tuple[str, str, list[str]]]:
    """The module split at its '## ' headings: (heading, Markdown, what its code cells
    show: prompt ids, or the name of a call such as 'show_plan')."""
    found: list[tuple[str, str, list[str]]] = [("", "", [])]
    for cell in cells(module_id):
        source = "".join(cell["source"])
        if cell["cell_type"] == "code":
            match = SHOW.match(source.strip())
            found[-1][2].append(match[1] if match else source.strip().removesuffix("()"))
            continue
        for n, piece in enumerate(re.split(r"(?m)^(?=## )", source)):
            if piece.startswith("## "):
                found.append((piece.split("\n", 1)[0][3:].strip(), piece, []))
            elif n == 0:
                heading, text, shown = found[-1]
                found[-1] = (heading, text + "\n" + piece, shown)
    return found


def prompt_words(prompt: Prompt) -> int:
    parts = [prompt.title, prompt.question, prompt.hint, *(o.label for o in prompt.options)]
    return len(WORD.findall(" ".join(parts + [i.label for i in prompt.items])))


def short_route_minutes(module_id: str, catalogue: Catalogue) -> float:
    """Minutes a module adds to the two-hour route: reading the whole page (its pauses
    included) and doing only its essential exercises."""
    page = BOOK / "modules" / f"{module_id}.ipynb"
    words = prose_words(markdown(page))
    doing = PAUSE_MINUTES * pauses(page)
    for p in catalogue.module(module_id).prompts:
        if p.essential:
            words += prompt_words(p)
            doing += allowance(p)
    return words / WORDS_PER_MINUTE + doing


def builds_the_plan(module_id: str) -> bool:
    return any("show_plan" in shown for _h, _t, shown in sections(module_id))


# ---- the routes on Start here -----------------------------------------------------------


def test_start_here_lists_both_routes_with_their_times() -> None:
    found = routes()
    assert len(found) == 2, f"two routes, not {list(found)}"
    for heading, text in found.items():
        assert stated_minutes(text) > 0, heading
        assert LINK.findall(text), f"{heading}: link the modules it uses"


def test_the_two_hour_route_takes_about_two_hours(catalogue: Catalogue) -> None:
    """Its stated time is within 25 percent of the estimate, and both are near two hours."""
    heading, text = route("two-hour")
    modules = LINK.findall(text)
    guess = sum(short_route_minutes(m, catalogue) for m in modules)
    stated = stated_minutes(text)
    print(f"two-hour route: states {stated} minutes; estimate {guess:.0f}")
    assert abs(stated - guess) <= TOLERANCE * guess, f"{heading}: estimate {guess:.0f}"
    assert stated <= TWO_HOURS * (1 + TOLERANCE) and guess <= TWO_HOURS * (1 + TOLERANCE)


def test_the_two_hour_route_rests_on_the_essential_exercises(catalogue: Catalogue) -> None:
    """Every module on it has an essential exercise (or builds the plan from them), and
    every essential exercise is on it."""
    _heading, text = route("two-hour")
    modules = LINK.findall(text)
    for m in modules:
        essential = [p for p in catalogue.module(m).prompts if p.essential]
        assert essential or builds_the_plan(m), f"{m}: mark the exercise the route needs"
    stray = [p.id for p in catalogue.prompts.values() if p.essential and p.module not in modules]
    assert not stray, f"essential, but not on the two-hour route: {stray}"
    assert any(builds_the_plan(m) for m in modules), "the route ends with the plan"


def test_the_partnership_route_adds_up_its_modules(catalogue: Catalogue) -> None:
    """Whole modules: the stated time is their stated times added up (within 10 percent,
    so a round figure), and it points to the partnership notes."""
    heading, text = route("partnership")
    total = sum(catalogue.module(m).minutes for m in LINK.findall(text))
    print(f"partnership route: states {stated_minutes(text)} minutes; modules add to {total}")
    assert abs(stated_minutes(text) - total) <= 0.10 * total, f"{heading}: modules add to {total}"
    assert "If your change is a partnership or alliance" in text


def test_the_whole_course_time_on_start_here_matches_the_modules(catalogue: Catalogue) -> None:
    """The routes section says how long the whole course takes, to the nearest hour."""
    section = START_HERE.read_text(encoding="utf-8").split(ROUTES, 1)[1].split("###")[0]
    match = re.search(r"about (\d+) hours", section)
    assert match, "say how long the whole course takes"
    total = sum(m.minutes for m in catalogue.modules.values()) / 60
    assert abs(int(match[1]) - total) <= 1, f"the modules add to {total:.1f} hours"


# ---- the essential flag ----------------------------------------------------------------


def test_the_catalogue_reads_the_flag_and_rejects_anything_else(tmp_path: Path) -> None:
    write_module(
        tmp_path,
        HEAD
        + "  - {id: demo.a, kind: text, title: A, question: 'Why?', essential: true}\n"
        + "  - {id: demo.b, kind: text, title: B, question: 'How?'}\n",
    )
    catalogue = load_catalogue(tmp_path)
    assert catalogue.prompt("demo.a").essential and not catalogue.prompt("demo.b").essential
    write_module(
        tmp_path,
        HEAD + "  - {id: demo.a, kind: text, title: A, question: 'Why?', essential: yes please}\n",
    )
    with pytest.raises(
        CatalogueError, match=r"demo\.yml: demo\.a: 'essential' must be true or false"
    ):
        load_catalogue(tmp_path)


def test_an_essential_exercise_says_so_in_words(catalogue: Catalogue) -> None:
    """On the website (and so in JupyterLab and the form view, which use the same head)."""
    essential = catalogue.prompt("mindset.my-innovation")
    other = catalogue.prompt("mindset.stalled-change")
    assert essential.essential and not other.essential
    assert "(essential exercise)" in head_html(essential)
    assert "essential" not in head_html(other)
    assert re.sub(r"<[^>]+>", "", ESSENTIAL) == "(essential exercise)"  # words, not a colour


def test_the_jupyter_exercise_heading_marks_it_too(tmp_path: Path, catalogue: Catalogue) -> None:
    session = Session(Workbook(tmp_path / "workbook.json", checker=catalogue.check), catalogue)

    def heading(pid: str) -> str:
        view = session.show(pid)
        return next(
            w.value for w in view.children if isinstance(w, W.HTML) and "exercise-head" in w.value
        )

    assert "(essential exercise)" in heading("benefit.why")
    assert "(essential exercise)" not in heading("benefit.gains")


def test_the_route_reads_sections_as_the_page_shows_them() -> None:
    """The section finder keeps each exercise with the heading above it."""
    found = {h: shown for h, _t, shown in sections("mindset")}
    assert "mindset.my-innovation" in found["The change you will work on"]
    assert markdown(BOOK / "modules" / "mindset.ipynb").count("## ") >= len(found) - 1

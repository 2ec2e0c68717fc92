"""Content checks for the course voice: callouts, sources notes, the "How to use this page"
box, no research-log prose, and stated module times that match the real load."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
MODULES = REPO / "book" / "modules"


def module_notebooks() -> list[Path]:
    return sorted(MODULES.glob("*.ipynb"))


def markdown(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "\n\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


# --- No research log -------------------------------------------------------------------

BOOK = REPO / "book"
PROMPTS = REPO / "exercises" / "prompts"
ABOUT = BOOK / "reference" / "about.ipynb"
"""The one page that lists what could not be confirmed, and may say how the sources were
read; every other page teaches."""

RESEARCH_LOG = [
    r"we could (?:not |only )?(?:read|find|confirm|see)",
    r"we (?:were|have been) (?:un)?able to read",
    r"we (?:did not|have not) (?:find|found|confirm|confirmed|read|see)",
    r"we found",
    r"(?:the )?parts? we could",
    r"(?:whose|its) heading we",
    r"our (?:notes|copy|guess|summary)",
    r"(?:page|text|list|copy|version|blog)s? (?:is|was|were|are) cut (?:short|off)",
    r"not retrieved",
    r"as we read it",
    r"when (?:we wrote|the course was written)",
    r"the list goes on",
    r"does not reproduce (?:that|this|the) (?:table|list|page)",
    r"first part of (?:that|the|this) page",
]
"""How the course's research went: what the authors could or could not read. A learner
needs to know whose idea a passage is (the callouts say so), not the research log; the
About page keeps the honest list of what is not confirmed."""

OURS_TAGS = [
    "our own",
    "are ours",
    "is ours",
    "these links are ours",
    "our judgements",
    "our reading",
    "our description",
]
"""Inline "ours" tags. In a module or a prompt the callouts and "the course's own" say
whose idea a passage is; elsewhere (Start here, the licence) "in our own words" is the
course speaking about itself."""

AUTHOR_TAGS = [t for t in OURS_TAGS if t != "our own"]
"""The tags that can only be the authors speaking. Prompts are often in the learner's
voice ("people beyond our own team have had a say"), so "our own" is fine there."""

SKIP_PARTS = {"_ext", "_static", "exercises", ".ipynb_checkpoints"}


def book_pages() -> list[Path]:
    """Every page of the book (Markdown and notebooks), the About page included."""
    return sorted(
        p
        for p in BOOK.rglob("*")
        if p.suffix in (".md", ".ipynb") and not SKIP_PARTS & set(p.relative_to(BOOK).parts)
    )


def page_prose(path: Path) -> str:
    return markdown(path) if path.suffix == ".ipynb" else path.read_text(encoding="utf-8")


def prompt_files() -> list[Path]:
    return sorted(PROMPTS.glob("*.yml"))


def found(patterns: list[str], text: str) -> list[str]:
    """The patterns (phrases or regular expressions) that occur in a text, as words."""
    text = " ".join(text.lower().replace("\u2019", "'").split())
    return [p for p in patterns if re.search(rf"\b{p}\b", text)]


def test_the_research_log_check_catches_the_old_wording() -> None:
    """Phrases that reviews found in the glossary, resources and modules are caught, and
    ordinary teaching about what is not confirmed is not."""
    old = [
        "We could read only the first part of that page.",
        "A part whose heading we could not read.",
        "The list goes on to more ways of thinking.",
        "This course does not reproduce that table.",
        "The Guide names the term but, in the parts we could read, does not define it.",
        "The page text is cut short after this.",
    ]
    assert all(found(RESEARCH_LOG, line) for line in old)
    fine = "The seventh principle's name is not confirmed. No answer is ever cut short."
    assert found(RESEARCH_LOG, fine) == []


@pytest.mark.parametrize(
    "path", [p for p in book_pages() if p != ABOUT], ids=lambda p: str(p.relative_to(BOOK))
)
def test_no_page_reads_like_a_research_log(path: Path) -> None:
    hits = found(RESEARCH_LOG, page_prose(path))
    assert not hits, (
        f"{path.relative_to(REPO)}: rewrite as teaching, or move to the About page: {hits}"
    )


@pytest.mark.parametrize("path", prompt_files(), ids=lambda p: p.name)
def test_no_prompt_reads_like_a_research_log(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    hits = found(RESEARCH_LOG, text) + found(AUTHOR_TAGS, text)
    assert not hits, f"{path.name}: rewrite as teaching: {hits}"


@pytest.mark.parametrize("path", module_notebooks(), ids=lambda p: p.stem)
def test_module_prose_has_no_inline_ours_tags(path: Path) -> None:
    hits = found(OURS_TAGS, markdown(path))
    assert not hits, f"{path.name}: say whose idea it is with a callout: {hits}"


def test_the_about_page_keeps_the_list_of_what_is_not_confirmed() -> None:
    """The honest list lives in one place, and the modules' sources notes link to it."""
    assert "## What we could not confirm" in markdown(ABOUT)


# --- Partnership notes --------------------------------------------------------------

PARTNERSHIP_NOTE = "**If your change is a partnership or alliance.**"
PARTNERSHIP_MODULES = {"mindset", "complexity", "individual", "seventh-principle", "convening"}
"""Where the course's frame (take a change from where it works to the next place) fits
partnership work worst: what "your change" and "spread" mean (1), placing it on the
complexity grid (3), gains and losses for partner organisations (5), adopters who are the
partners (9) and the three roles (10)."""


def test_partnership_notes_sit_where_the_spread_frame_fits_badly() -> None:
    """One short note in each of those modules, in a Course suggestion box, and not in
    every module (a note everywhere would stop being read)."""
    with_note = set()
    for path in module_notebooks():
        text = markdown(path)
        if PARTNERSHIP_NOTE not in text:
            continue
        with_note.add(path.stem)
        assert text.count(PARTNERSHIP_NOTE) == 1, f"{path.name}: one note is enough"
        box = text.split(PARTNERSHIP_NOTE)[0].rsplit("<div", 1)[1]
        assert 'class="admonition course-suggestion"' in box, f"{path.name}: label it"
        body = text.split(PARTNERSHIP_NOTE)[1].split("</div>")[0]
        assert len(body.split()) <= 90, f"{path.name}: keep the note short"
    assert with_note == PARTNERSHIP_MODULES


# --- Callouts and the sources note --------------------------------------------------------

CALLOUTS = {
    "course-guide": "From the Guide",
    "course-horizons": "From NHS Horizons",
    "course-suggestion": "Course suggestion",
    "course-sources": "Sources for this module",
    "course-howto": "How to use this page",
}
"""Each box's class and the one title it may carry, so a box looks and reads the same
everywhere: styled by the site's CSS, and a plain titled block in JupyterLab and Voila."""

BOX = re.compile(
    r'<div class="admonition ([a-z-]+)">\n<p class="admonition-title">(?:<strong>)?'
    r"([^<]+)(?:</strong>)?</p>"
)


@pytest.mark.parametrize("path", module_notebooks(), ids=lambda p: p.stem)
def test_callouts_use_the_three_labels_consistently(path: Path) -> None:
    text = markdown(path)
    boxes = BOX.findall(text)
    assert text.count('<div class="admonition') == len(boxes), f"{path.name}: malformed box"
    for cls, title in boxes:
        assert CALLOUTS.get(cls) == title, f"{path.name}: box {cls!r} titled {title!r}"
    # A box is closed, and its Markdown body is set off by blank lines (so links work).
    assert text.count("<div") == text.count("</div>"), f"{path.name}: a box is not closed"


@pytest.mark.parametrize("path", module_notebooks(), ids=lambda p: p.stem)
def test_every_module_has_a_sources_note(path: Path) -> None:
    """One short note naming the pages the module draws on, with a link to the About page."""
    text = markdown(path)
    assert text.count('class="admonition course-sources"') == 1, f"{path.name}: one note"
    note = text.split('class="admonition course-sources"', 1)[1].split("</div>", 1)[0]
    assert "(../reference/about.ipynb" in note, f"{path.name}: the note must link the About page"
    assert re.search(r"\(https://(www\.england\.nhs\.uk|horizonsnhs\.com|blog\.horizonsnhs)", note)
    assert len(re.findall(r"\w+", re.sub(r"\([^)]*\)", "", note))) <= 120, "keep it short"


@pytest.mark.parametrize("path", module_notebooks(), ids=lambda p: p.stem)
def test_how_to_use_box_speaks_to_each_place(path: Path) -> None:
    """The website, JupyterLab and the form view each get their own instruction. Outside
    the site no course CSS loads, so the website text carries the hidden attribute (which
    JupyterLab's sanitiser keeps; the site's CSS shows it) and the Jupyter texts name their
    place plainly (the site's CSS hides them; once the exercises show, their CSS keeps
    only the line for JupyterLab or for the form view, see exercises/widgets/style.py)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    first = "".join(nb["cells"][0]["source"])
    assert 'class="admonition course-howto"' in first
    site = re.search(r'<p class="course-static-only" hidden>(.+?)</p>', first)
    assert site and "On this website" in site[1] and "Your answers on this device" in site[1]
    assert "this browser" in site[1]
    lab = re.findall(r'<p class="course-live-only course-lab-only">(.+?)</p>', first)
    form = re.findall(r'<p class="course-live-only course-form-only">(.+?)</p>', first)
    assert len(lab) == len(form) == 1
    assert lab[0].startswith("<strong>In JupyterLab") and "Run All Cells" in lab[0]
    assert form[0].startswith("<strong>In the form view") and "Run" not in form[0]


# --- A realistic load --------------------------------------------------------------------

WORDS_PER_MINUTE = 180
"""Reading pace for the course's pages. Adults read non-fiction silently at about 240
words a minute (Brysbaert, 2019, Journal of Memory and Language 109, 104047); reading to
learn and apply, with new terms, boxes and tables, is slower, so the course plans at three
quarters of that."""

MINUTES_BY_KIND = {
    "text": 4.0,  # think about one's own work, then write a few sentences
    "rating": 0.5,  # per statement rated (a single rating counts as one statement)
    "choice": 1.0,  # read the options, pick one
    "checklist": 1.5,  # read a list, tick what applies
    "quiz": 2.0,  # read a scenario's options, answer, read the feedback
    "position": 2.0,  # judge two scales, look at the grid
    "list": 6.0,  # several rows, each with two or three fields
    "actions": 3.0,  # one or two actions with who and when
}
"""A fair time for each exercise, by kind, on top of reading the page."""

PAUSE_MINUTES = 1.0
"""Each **Think about it** or **Talk about it** prompt asks the learner to stop and think."""

PAUSE = re.compile(r"\*\*(?:Think|Talk) about it")

TOLERANCE = 0.25
"""How far a module's stated minutes may be from the estimate, as a share of it."""

TOTAL_TOLERANCE = 0.10
"""How far the course's stated total may be from the total estimate."""


def reading_words(path: Path, catalogue) -> int:
    """Words a learner reads: the Markdown (the website's text where a page has one text
    per place, no markup or addresses) and each exercise's title, question, hint, options
    and items."""
    text = markdown(path)
    text = re.sub(r'<p class="[^"]*course-live-only[^"]*">.*?</p>', " ", text, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    parts = [text]
    for pid in shown_ids(path):
        p = catalogue.prompt(pid)
        parts += [p.title, p.question, p.hint, *(o.label for o in p.options)]
        parts += [i.label for i in p.items]
    return len(re.findall(r"[A-Za-z0-9]+(?:['’][a-z]+)?", " ".join(parts)))


def shown_ids(path: Path) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    return re.findall(r"""^show\(\s*["']([a-z0-9.-]+)["']\s*\)$""", code, re.M)


def allowance(prompt) -> float:
    """The minutes one exercise takes, on top of reading it."""
    per = MINUTES_BY_KIND[prompt.kind]
    return per * max(1, len(prompt.items)) if prompt.kind == "rating" else per


def exercise_minutes(path: Path, catalogue) -> float:
    return sum(allowance(catalogue.prompt(pid)) for pid in shown_ids(path))


def pauses(path: Path) -> int:
    return len(PAUSE.findall(markdown(path)))


def estimate(path: Path, catalogue) -> float:
    """Minutes to read the page, do its exercises and stop at its pauses."""
    reading = reading_words(path, catalogue) / WORDS_PER_MINUTE
    return reading + exercise_minutes(path, catalogue) + PAUSE_MINUTES * pauses(path)


@pytest.mark.parametrize("path", module_notebooks(), ids=lambda p: p.stem)
def test_stated_time_matches_the_load(path: Path, catalogue) -> None:
    """The time in the data file, shown on the page, is within 25 percent of the time to
    read the page, do its exercises and stop where it asks you to think."""
    module = catalogue.module(path.stem)
    if not shown_ids(path):
        pytest.fail(f"{path.name} shows no exercises")
    guess = estimate(path, catalogue)
    assert abs(module.minutes - guess) <= TOLERANCE * guess, (
        f"{path.name}: states {module.minutes} minutes; reading and exercises take about "
        f"{guess:.0f} ({reading_words(path, catalogue)} words, "
        f"{exercise_minutes(path, catalogue):.0f} minutes of exercises, {pauses(path)} pauses)"
    )
    first = json.loads(path.read_text(encoding="utf-8"))["cells"][0]
    assert f"**Time to complete:** about {module.minutes} minutes" in "".join(first["source"])


def test_the_course_total_is_honest(catalogue) -> None:
    """Module by module the stated times may round; taken together they must not drift
    below (or above) the real load. Prints the figures."""
    stated = sum(catalogue.module(p.stem).minutes for p in module_notebooks())
    guess = sum(estimate(p, catalogue) for p in module_notebooks())
    print(f"course: states {stated} minutes ({stated / 60:.1f} h); estimate {guess:.0f}")
    assert abs(stated - guess) <= TOTAL_TOLERANCE * guess


def test_the_estimate_counts_reading_exercises_and_pauses(tmp_path: Path, catalogue) -> None:
    """A page of 360 words, one reflection and one pause is about 2 + 4 + 1 minutes."""
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": ["word " * 356 + "\n"]},
        {"cell_type": "markdown", "metadata": {}, "source": ["**Think about it:** why?"]},
        {"cell_type": "code", "metadata": {}, "source": ['show("mindset.stalled-change")']},
    ]
    page = tmp_path / "demo.ipynb"
    page.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    prompt = catalogue.prompt("mindset.stalled-change")
    words = 360 + len(re.findall(r"[A-Za-z0-9']+", f"{prompt.title} {prompt.question}"))
    assert reading_words(page, catalogue) == words
    assert estimate(page, catalogue) == pytest.approx(words / 180 + 4 + 1)


# --- Closing prompts ----------------------------------------------------------------------


def test_closing_reflections_are_worded_for_each_module(catalogue) -> None:
    """The two closing prompts keep their ids but are not the same words in every module."""
    for standard in ("learned", "practice"):
        questions = [
            catalogue.prompt(f"{m}.{standard}").question
            for m in catalogue.modules
            if f"{m}.{standard}" in catalogue.prompts
        ]
        assert len(set(questions)) == len(questions), f"repeated wording in {standard}"

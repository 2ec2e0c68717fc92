"""Content checks on the facilitator pack: the sequence of work, timings that add up,
handouts that match the exercises, and the pages a facilitator runs from."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
import yaml

from exercises.plan import plan_doc

REPO = Path(__file__).resolve().parents[1]
PACK = REPO / "book" / "facilitators"
SESSIONS = range(1, 7)
LINK = re.compile(r"\.\./modules/([a-z-]+)\.ipynb")
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "pairs": 2, "threes": 3, "fours": 4}  # fmt: skip
MOST_MINUTES_BETWEEN_SESSIONS = 125
"""The pack promises "one and a half to two hours" between sessions (two hours and a bit)."""


def page(name: str) -> str:
    return (PACK / f"{name}.md").read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    """The text under a '## heading' up to the next '## ' heading."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, f"no section {heading!r}"
    return match[1]


def stated_minutes(text: str) -> int:
    match = re.search(r"\*\*Time:\*\* about (?:(\d+) hours?)?\s*(?:(\d+) minutes)?", text)
    assert match and (match[1] or match[2]), f"no stated time in: {text[:80]!r}"
    return int(match[1] or 0) * 60 + int(match[2] or 0)


def prework(text: str, catalogue) -> dict[str, int]:
    """Minutes of each module in a pre-work list: a bullet's "(about N minutes)" is the
    part of its first module that is set; otherwise whole modules count."""
    found: dict[str, int] = {}
    for bullet in re.split(r"\n(?=- )", text):
        ids = LINK.findall(bullet)
        part = re.search(r"\(about\s+(\d+)\s+minutes\)", bullet.replace("\n", " "))
        for n, mid in enumerate(ids):
            if part and n == 0:
                found[mid] = int(part[1])
            elif part is None:
                found[mid] = catalogue.module(mid).minutes
    return found


def toc_pack() -> list[str]:
    toc = yaml.safe_load((REPO / "_toc.yml").read_text())
    part = next(p for p in toc["parts"] if p["caption"] == "Facilitators")
    return [Path(chapter["file"]).name for chapter in part["chapters"]]


def test_the_pack_has_every_page_a_facilitator_runs_from() -> None:
    """Each part of the pack is a page under Facilitators in the table of contents."""
    needed = {
        "handouts", "handout-pre-work", "handout-quadrant", "handout-role-cards",
        "handout-plan-review", "evaluation", "materials", "joining-email", "faq",
        "absentees", "low-tech", "plan-b",
    }  # fmt: skip
    assert needed <= set(toc_pack())
    index = page("index")
    for name in needed - {"handout-pre-work", "handout-quadrant", "handout-role-cards",
                          "handout-plan-review"}:  # fmt: skip
        assert f"({name}.md)" in index, f"the facilitators' front page does not link {name}"
    listed = re.findall(r"^\| \[[^]]+\]\(([a-z-]+)\.md\)", page("handouts"), re.M)
    assert set(listed) == {"handout-pre-work", "handout-quadrant", "handout-role-cards",
                           "handout-plan-review", "evaluation"}  # fmt: skip


def test_every_module_is_set_before_the_session_that_uses_it(catalogue) -> None:
    """A module discussed in session N was set in the work before session N (module 1 is
    started in session 1; module 16 is drafted in session 6), and every module is set."""
    set_before: dict[int, set[str]] = {}
    for n in SESSIONS:
        if n < 6:
            work = section(page(f"session-{n}"), f"Work before session {n + 1}")
            set_before[n + 1] = set(prework(work, catalogue))
    for n in range(2, 7):
        header = page(f"session-{n}").split("\n## ", 1)[0]
        discussed = set(LINK.findall(header)) - {"capstone"}
        missing = discussed - set_before[n]
        assert not missing, f"session {n} uses {missing}, not set before it"
    every = {m for ids in set_before.values() for m in ids}
    assert every == set(catalogue.modules) - {"capstone"}, "a module is never set"


def test_pre_work_times_are_honest_and_about_two_hours_at_most(catalogue) -> None:
    """Each gap's stated time matches its modules' own times, on the session page and on
    the pre-work sheet alike; no gap is much over two hours; split modules add up."""
    sheet = page("handout-pre-work")
    parts: dict[str, int] = {}
    for n in range(1, 6):
        work = section(page(f"session-{n}"), f"Work before session {n + 1}")
        modules = prework(work, catalogue)
        total = sum(modules.values())
        stated = stated_minutes(work)
        assert abs(stated - total) <= 5, f"before session {n + 1}: says {stated}, is {total}"
        assert total <= MOST_MINUTES_BETWEEN_SESSIONS, f"before session {n + 1}: {total} min"
        handout = section(sheet, f"Before session {n + 1}")
        assert stated_minutes(handout) == stated, f"the pre-work sheet differs for {n + 1}"
        assert prework(handout, catalogue) == modules, f"different modules before {n + 1}"
        for mid, minutes in modules.items():
            if minutes != catalogue.module(mid).minutes:
                parts[mid] = parts.get(mid, 0) + minutes
    started_in_session_1 = {"mindset"}
    for mid, minutes in parts.items():
        whole = catalogue.module(mid).minutes
        if mid in started_in_session_1:
            assert minutes < whole
        else:
            assert minutes == whole, f"{mid}: the parts set add to {minutes}, not {whole}"


@pytest.mark.parametrize("n", SESSIONS)
def test_session_timings_fill_ninety_minutes_and_breakouts_fit(n: int) -> None:
    """The timings table runs from 0 to 90 without gaps, and a breakout of groups of G
    people with M minutes each fits its slot."""
    text = page(f"session-{n}")
    rows = re.findall(r"^\| (\d+)–(\d+) \| ([^|]+)\|", text, re.M)
    assert rows and rows[0][0] == "0" and rows[-1][1] == "90"
    assert all(a[1] == b[0] for a, b in itertools.pairwise(rows)), "the timings have a gap"
    task = section(text, "Breakout task").replace("\n", " ")
    each = re.search(r"\bin (pairs|threes|fours)\b.*?each person (?:has|takes) (\w+) minutes",
                     task, re.I)  # fmt: skip
    if n in (1, 5):  # pairs described under Activities; a case read together
        return
    assert each, f"session {n}: say the group size and the minutes each person has"
    need = NUMBERS[each[1].lower()] * NUMBERS[each[2].lower()]
    slot = next(int(b) - int(a) for a, b, what in rows if "Breakout" in what)
    assert need <= slot, f"session {n}: the breakout needs {need} minutes, has {slot}"


def test_no_session_plan_hedges_about_its_own_modules() -> None:
    """The plans say what the modules ask, rather than guessing ("If the module asks")."""
    for n in SESSIONS:
        text = page(f"session-{n}")
        assert not re.search(r"\bif the module (asks|has)\b", text, re.I), f"session {n}"


def test_quadrant_handout_matches_the_module_3_exercise(catalogue) -> None:
    """The printed quadrant uses the exercise's axes and quarter labels, and lists its
    signs of a complex situation."""
    position = catalogue.prompt("complexity.position")
    svg = (PACK / "images" / "complexity-quadrant.svg").read_text(encoding="utf-8")
    handout = page("handout-quadrant")
    for label in (*position.quadrants, position.x.label, position.y.label):
        assert f">{label}</text>" in svg, label
    for option in catalogue.prompt("complexity.signs").options:
        assert f"- {option.label}." in handout, option.label
    assert "images/complexity-quadrant.svg" in handout


def test_paper_route_lists_the_plan_headings(catalogue) -> None:
    """Someone working on paper writes the same plan the course builds."""
    paper = section(page("low-tech"), "On paper")
    for part in plan_doc(catalogue, {}).sections:
        assert f"- {part.title}\n" in paper, part.title


def test_faq_answers_the_questions_about_content() -> None:
    """The FAQ covers the seventh principle and the course's independence."""
    faq = page("faq")
    headings = re.findall(r"^## (.+)$", faq, re.M)
    assert any("seventh principle" in h for h in headings)
    assert "Is this course an NHS England product?" in headings
    independence = section(faq, "Is this course an NHS England product?")
    assert independence.lstrip().startswith("No.") and "not made, checked or endorsed" in (
        independence
    )


def test_hub_setting_matches_the_file_binder_reads() -> None:
    """The JSON that hosting.md asks a hub to add is the repository's own Binder file."""
    shipped = json.loads((REPO / ".jupyter" / "labconfig" / "default_setting_overrides.json")
                         .read_text(encoding="utf-8"))  # fmt: skip
    block = re.search(r"```json\n(.*?)```", page("hosting"), re.S)
    assert block and json.loads(block[1]) == shipped
    assert shipped["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"

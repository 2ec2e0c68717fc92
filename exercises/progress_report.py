"""The one-page progress report for a board, a funder or a partnership meeting.

Built from the learner's answers like the plan (:mod:`exercises.plan`), it says what was
agreed and with whom, how change is expected to happen, the signs so far and how each was
gathered, one short story, how the network changed, what the work contributed (not what
it alone caused), what happens next and what the board is asked for. Self-ratings and
personal reflections never go in. An empty part says so plainly, and where to fill it.

Pure functions returning :class:`exercises.report.Doc`; nothing here reads files or
imports widgets.
"""

from __future__ import annotations

import re

from .blocks import Block
from .catalogue import Catalogue
from .doc_parts import (
    NETWORK,
    NETWORK_LATER,
    SIGNS,
    actions,
    actions_table,
    filled_rows,
    gap_text,
    network_blocks,
    network_size,
    value_of,
)
from .fitting import Earlier, fit_answers, is_answered
from .model import Answer
from .report import Doc, Section, answer_blocks, earlier_blocks
from .timefmt import today_words

TITLE = "Progress report"
SUMMARY = "capstone.plan-summary"
AGREEMENT = "progress.agreement"
THEORY = "progress.theory-of-change"
PROCESS = "progress.process-outcomes"
STORY = "progress.story"
CONTRIBUTION = "progress.contribution"
ASK = "progress.ask"

NEXT_DAYS = "capstone.next-steps"
"""The next 90 days: the steps the report lists (the plan lists every action)."""

MAX_WORDS = 700
"""A one-page report stays under this many words with a full, realistic workbook."""

PARTNERSHIP, SERVICES = "How the partnership is working", "What changes for people and services"
"""The framework's two kinds of sign (its ``shows`` column), reported side by side."""

SIGN_HEADERS = ["Sign", "Where we started", "Agreed level", "Latest", "How we gather it"]


def _prompt_blocks(catalogue: Catalogue, answers: dict[str, Answer], pid: str) -> list[Block]:
    """One answer as its kind shows it, or the brief gap that says where to write it."""
    return answer_blocks(catalogue.prompts[pid], value_of(answers, pid), gap_text(catalogue, pid))


def _theory(catalogue: Catalogue, answers: dict[str, Answer]) -> list[Block]:
    """The theory of change as one chain of steps (its assumptions stay in the plan)."""
    value = value_of(answers, THEORY)
    steps = [r["step"].strip() for r in filled_rows(value) if r.get("step", "").strip()]
    if not steps or isinstance(value, Earlier):
        return _prompt_blocks(catalogue, answers, THEORY)
    return [Block("para", " → ".join(steps) + ".")]


def _gathered(row: dict[str, str]) -> str:
    """How a sign is gathered, in one cell: how often and from where (the plan says who)."""
    parts = [row.get(k, "").strip() for k in ("how", "source")]
    return "; ".join(p for p in parts if p) or "not said yet"


def _sign_row(row: dict[str, str]) -> list[str]:
    return [
        row.get("sign", "").strip() or "A sign with no name yet",
        row.get("baseline", "").strip() or "not known",
        row.get("level", "").strip() or "not agreed yet",
        row.get("now", "").strip() or "no reading yet",
        _gathered(row),
    ]


def _signs(catalogue: Catalogue, answers: dict[str, Answer]) -> list[Block]:
    """The framework's signs: partnership signs beside service signs, then any others
    (signs listed before the framework had its ``shows`` column), and the partnership
    outcomes the learner counts."""
    value = value_of(answers, SIGNS)
    blocks: list[Block] = []
    if isinstance(value, Earlier):
        blocks += earlier_blocks(value)
    rows = filled_rows(value)
    for label in (PARTNERSHIP, SERVICES, ""):
        group = [r for r in rows if r.get("shows", "") == label]
        if group:
            heading = f"{label}:" if label else "Other signs:" if len(group) < len(rows) else ""
            if heading:
                blocks.append(Block("para", heading))
            blocks.append(Block("table", headers=SIGN_HEADERS, rows=[_sign_row(r) for r in group]))
    if not blocks:
        blocks.append(Block("gap", gap_text(catalogue, SIGNS)))
    process = value_of(answers, PROCESS)
    prompt = catalogue.prompts[PROCESS]
    if is_answered(process):
        chosen = [_short(o.label) for o in prompt.options if o.id in process]
        blocks.append(
            Block("para", "We also count how we work together: " + "; ".join(chosen) + ".")
        )
    return blocks


def _short(label: str) -> str:
    """An option's words up to its first comma, in lower case after the first letter."""
    words = label.split(",")[0].strip()
    return words[0].lower() + words[1:]


def _agreement(catalogue: Catalogue, answers: dict[str, Answer]) -> list[Block]:
    """The progress agreement under short column names of the report's own."""
    value = value_of(answers, AGREEMENT)
    rows = filled_rows(value)
    if not rows or isinstance(value, Earlier):
        return _prompt_blocks(catalogue, answers, AGREEMENT)
    cells = [[r.get("when", ""), r.get("counts", ""), r.get("agreed-with", "")] for r in rows]
    return [Block("table", headers=["When", "What counts as progress", "Agreed with"], rows=cells)]


def _network(catalogue: Catalogue, answers: dict[str, Answer]) -> list[Block]:
    """The network then and now, or what is missing for the comparison."""
    compared = network_blocks(catalogue, answers, short=True)
    if compared:
        return compared
    later = value_of(answers, NETWORK_LATER)
    if is_answered(later):
        return [
            Block("para", f"Now: {network_size(later)}."),
            Block("gap", gap_text(catalogue, NETWORK)),
        ]
    return [Block("gap", gap_text(catalogue, NETWORK_LATER))]


def _next(catalogue: Catalogue, answers: dict[str, Answer]) -> list[Block]:
    """The steps of the next 90 days, soonest first (every other action is in the plan)."""
    rows = [a for a in actions(catalogue, answers) if a.pid == NEXT_DAYS]
    if not rows:
        return [Block("gap", gap_text(catalogue, NEXT_DAYS))]
    return [actions_table(rows, with_module=False)]


NETWORK_TITLE = "How our network has changed"
AGREED_TITLE = "What we agreed, and with whom"

REPORT: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("The work in brief", (SUMMARY,)),
    (AGREED_TITLE, (AGREEMENT,)),
    ("How we expect change to happen", (THEORY,)),
    ("Signs so far, and how we gather them", (SIGNS, PROCESS)),
    ("What changed: one story", (STORY,)),
    (NETWORK_TITLE, (NETWORK, NETWORK_LATER)),
    ("Our contribution", (CONTRIBUTION,)),
    ("What happens next", (NEXT_DAYS,)),
    ("What we ask of you", (ASK,)),
)
"""The report's sections and the prompts each is built from. A section whose prompts
this copy of the course lacks is left out; a section counts as written when its first
prompt (for the network, the later list) is answered."""

BUILDERS = {
    AGREED_TITLE: _agreement,
    "How we expect change to happen": _theory,
    "Signs so far, and how we gather them": _signs,
    NETWORK_TITLE: _network,
    "What happens next": _next,
}
"""Sections laid out by their own function; the others show their one answer as it is."""


def report_doc(catalogue: Catalogue, answers: dict[str, Answer]) -> Doc:
    """The one-page progress report, with plain gaps where parts are still empty."""
    answers = fit_answers(catalogue.prompts, answers)  # the one check of every value
    sections = []
    filled = 0
    for title, pids in REPORT:
        if not all(pid in catalogue.prompts for pid in pids):
            continue
        build = BUILDERS.get(title)
        blocks = build(catalogue, answers) if build else _prompt_blocks(catalogue, answers, pids[0])
        filled += is_answered(value_of(answers, pids[-1] if title == NETWORK_TITLE else pids[0]))
        sections.append(Section(title, blocks=blocks))
    return Doc(
        TITLE,
        f"Made on {today_words()} from my answers in the course. {filled} of {len(sections)} "
        "parts written; an empty part says where to add it.",
        sections,
    )


def word_count(markdown: str) -> int:
    """The words a reader reads in a Markdown document (table rules and marks left out)."""
    return len(re.findall(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?", markdown))

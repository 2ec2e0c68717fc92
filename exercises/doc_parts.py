"""Pieces the capstone documents share: a part under a short label of its own, the brief
gap that says where to answer it, every action soonest first, how a network list changed,
and the measurement and learning framework laid out one sign at a time.

Every function here takes answers already fitted to their prompts
(:func:`exercises.fitting.fit_answers`), so nothing checks a value twice. Pure functions:
no files, no widgets.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from .blocks import Block
from .catalogue import Catalogue
from .fitting import is_answered
from .model import Answer, Prompt
from .report import Entry, answer_blocks
from .timefmt import day_words

NETWORK = "networks.people"
NETWORK_LATER = "progress.network-again"
SIGNS = "progress.indicators"
"""The measurement and learning framework (once a three-column list of signs)."""

NO_DATE = "not set"
"""What an action without a date says in its "By when" column."""


@dataclass(frozen=True)
class Part:
    """One answer a document shows, and the short label it is shown under."""

    pid: str
    label: str


def gap_text(catalogue: Catalogue, pid: str) -> str:
    """A brief gap that says where to answer: 'Not answered yet: Module 6, “The need…”.'"""
    prompt = catalogue.prompts[pid]
    module = catalogue.modules[prompt.module]
    end = "" if prompt.title.endswith(("?", "!")) else "."
    return f"Not answered yet: Module {module.number}, “{prompt.title}”{end}"


def value_of(answers: dict[str, Answer], pid: str) -> Any:
    """The fitted value saved for a prompt, or None."""
    answer = answers.get(pid)
    return answer.value if answer else None


def part_blocks(catalogue: Catalogue, answers: dict[str, Answer], pid: str) -> list[Block]:
    """One answer's blocks, or its brief gap (the framework is laid out sign by sign)."""
    prompt = catalogue.prompts[pid]
    value = value_of(answers, pid)
    if pid == SIGNS and is_answered(value):
        return framework_blocks(prompt, value)
    return answer_blocks(prompt, value, gap_text(catalogue, pid))


def part_entry(catalogue: Catalogue, answers: dict[str, Answer], part: Part) -> Entry | None:
    """A part under its own label, with no question; None when the course lacks the prompt."""
    if part.pid not in catalogue.prompts:
        return None
    answered = is_answered(value_of(answers, part.pid))
    return Entry(part.label, "", part_blocks(catalogue, answers, part.pid), answered)


def filled_rows(value: Any) -> list[dict[str, str]]:
    """The rows of a fitted list answer that hold something ([] for anything else)."""
    if not isinstance(value, list):
        return []
    return [r for r in value if isinstance(r, dict) and any(str(v).strip() for v in r.values())]


def framework_blocks(prompt: Prompt, value: list[dict[str, str]]) -> list[Block]:
    """Each sign as a small two-column table: its name on top, then every filled column."""
    blocks = []
    for row in filled_rows(value):
        name = row.get("sign", "").strip() or "A sign with no name yet"
        cells = [
            [f.label, row[f.id].strip()]
            for f in prompt.columns
            if f.id != "sign" and row.get(f.id, "").strip()
        ]
        blocks.append(Block("table", headers=["Sign", name], rows=cells))
    return blocks


@dataclass(frozen=True)
class Action:
    """One action row from any module's action prompt."""

    what: str
    who: str
    when: str
    module: int
    pid: str
    """The action prompt it was written in."""

    @property
    def day(self) -> str:
        """The date in words ('10 January 2027'), or :data:`NO_DATE`."""
        if not self.when:
            return NO_DATE
        return day_words(_dt.date.fromisoformat(self.when))


def actions(catalogue: Catalogue, answers: dict[str, Answer]) -> list[Action]:
    """Every action from every module, dated ones soonest first, undated ones last."""
    found = []
    for module in catalogue.modules.values():
        for prompt in module.prompts:
            if prompt.kind != "actions":
                continue
            for row in filled_rows(value_of(answers, prompt.id)):
                found.append(
                    Action(
                        row.get("what", ""),
                        row.get("who", ""),
                        row.get("when", ""),
                        module.number,
                        prompt.id,
                    )
                )
    return sorted(found, key=lambda a: (not a.when, a.when))


def actions_table(rows: list[Action], with_module: bool = True) -> Block:
    """The actions as one table; the date column never wraps."""
    headers = ["What", "Who", "By when"] + (["From"] if with_module else [])
    cells = [[a.what, a.who, a.day] + ([f"Module {a.module}"] if with_module else []) for a in rows]
    return Block("table", headers=headers, rows=cells, nowrap=[2])


def _people(value: Any) -> dict[str, tuple[str, str]]:
    """A network list as {name folded for comparison: (name as written, role)}."""
    people = {}
    for row in filled_rows(value):
        name = " ".join(str(row.get("name", "")).split())
        if name:
            people[name.casefold()] = (name, str(row.get("role", "")).strip())
    return people


def network_change(first: Any, later: Any, short: bool = False) -> list[str]:
    """How a network list changed between two answers: who is new, who is no longer
    listed, and whose role changed (``short``: how many changed role). Names are matched
    ignoring case and spacing."""
    before, after = _people(first), _people(later)
    new = [after[k][0] for k in after if k not in before]
    gone = [before[k][0] for k in before if k not in after]
    moved = [
        f"{after[k][0]}: {before[k][1] or 'no role'} then, {after[k][1] or 'no role'} now"
        for k in after
        if k in before and before[k][1] != after[k][1]
    ]
    lines = []
    if new:
        lines.append("New since my first list: " + "; ".join(new) + ".")
    if gone:
        lines.append("On my first list but not now: " + "; ".join(gone) + ".")
    if moved and short:
        n = len(moved)
        lines.append(f"{n} {'person has' if n == 1 else 'people have'} a new network role.")
    elif moved:
        lines.append("Role changed – " + "; ".join(moved) + ".")
    return lines or ["The same people, in the same roles, as my first list."]


def network_size(value: Any) -> str:
    """'9 people, including 2 brokers' (or 'no brokers') for a network list."""
    people = _people(value)
    brokers = sum(role == "Broker" for _, role in people.values())
    noun = "person" if len(people) == 1 else "people"
    if not brokers:
        return f"{len(people)} {noun}, no brokers"
    return f"{len(people)} {noun}, including {brokers} {'broker' if brokers == 1 else 'brokers'}"


def network_blocks(
    catalogue: Catalogue, answers: dict[str, Answer], short: bool = False
) -> list[Block]:
    """The first network list compared with the later one (nothing when either is missing
    or was given to an earlier version of its question)."""
    first, later = value_of(answers, NETWORK), value_of(answers, NETWORK_LATER)
    if not (is_answered(first) and is_answered(later)):
        return []
    module = catalogue.modules[catalogue.prompts[NETWORK].module].number
    return [
        Block(
            "para",
            f"My first list in Module {module}: {network_size(first)}. Now: {network_size(later)}.",
        ),
        Block("bullets", items=network_change(first, later, short)),
    ]

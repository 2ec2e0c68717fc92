"""The capstone documents, built from a learner's answers across every module.

* :func:`plan_doc` – "My spread and adoption plan": the change, the starting profile on
  the principles, the complexity position, the network, every action item, how the
  learner will know the change is working and report it (module 15, with the network
  listed again to show change) and the capstone's own answers. Missing answers appear as
  gaps to fill.
* :func:`progress` – module by module, what has been answered and what is left.
* :func:`learning_record_doc` – a short reflective record for a professional portfolio:
  modules completed with their time, what I learned and how it changes my practice.

Pure functions returning :class:`exercises.report.Doc` (render with ``to_html`` or
``to_markdown``); nothing here reads files or imports widgets.
"""

from __future__ import annotations

from dataclasses import dataclass

from .blocks import GAP, Block
from .catalogue import Catalogue
from .fitting import Earlier, fit_answers, is_answered
from .model import Answer, Module, Prompt
from .report import Doc, Entry, Section, answer_blocks, entry
from .timefmt import local_day, today_words

CHANGE = "mindset.my-innovation"
BASELINE = "principles.baseline"
POSITION = "complexity.position"
NETWORK = "networks.people"
SIGNS = "progress.indicators"
AGREEMENT = "progress.agreement"
STORY = "progress.story"
NETWORK_LATER = "progress.network-again"
"""Module 15's answers that show how the learner will know the change is working."""
PROGRESS_TITLE = "How I will know it is working, and how I will report it"
PROGRESS_GAP = (
    "Not started yet: Module 15 helps you choose signs of progress, agree what counts as "
    "progress at 3, 6 and 12 months, draft a progress story and list your network again."
)
"""What the progress section says when none of its answers exists yet."""
LEARNED, PRACTICE = "learned", "practice"
"""The standard closing prompts of every module (``<module>.learned`` and ``.practice``)."""


def _named(catalogue: Catalogue, answers: dict[str, Answer], pid: str, lead: str) -> Section:
    """A section for one well-known prompt, or a gap if the course has no such prompt."""
    prompt = catalogue.prompts.get(pid)
    if prompt is None:
        return Section(lead, blocks=[Block("gap", GAP)])
    return Section(lead, entries=[entry(prompt, answers.get(pid))])


def _actions(catalogue: Catalogue, answers: dict[str, Answer]) -> Section:
    """Every action item from every module, soonest first, with the module it came from."""
    rows = []
    for module in catalogue.modules.values():
        for p in module.prompts:
            answer = answers.get(p.id)
            if p.kind != "actions" or answer is None or not isinstance(answer.value, list):
                continue
            for row in answer.value:
                if isinstance(row, dict) and any(row.values()):
                    when = row.get("when", "")
                    rows.append(
                        (
                            when or "9999",
                            [
                                row.get("what", ""),
                                row.get("who", ""),
                                when or "not set",
                                f"Module {module.number}",
                            ],
                        )
                    )
    rows.sort(key=lambda r: r[0])
    blocks = (
        [Block("table", headers=["What", "Who", "By when", "From"], rows=[r for _, r in rows])]
        if rows
        else [Block("gap", "No actions yet: each module's action prompts add them here.")]
    )
    return Section(
        "My actions",
        "Every action you planned in the course, soonest first.",
        blocks=blocks,
    )


def _people(value: object) -> dict[str, tuple[str, str]]:
    """A network list as {name folded for comparison: (name as written, role)}."""
    people = {}
    if isinstance(value, list):
        for row in value:
            if isinstance(row, dict) and str(row.get("name", "")).strip():
                name = " ".join(str(row["name"]).split())
                people[name.casefold()] = (name, str(row.get("role", "")).strip())
    return people


def network_change(first: object, later: object) -> list[str]:
    """How a network list changed between two answers: who is new, who is no longer
    listed, and whose role changed. Names are matched ignoring case and spacing."""
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
    if moved:
        lines.append("Role changed – " + "; ".join(moved) + ".")
    return lines or ["The same people, in the same roles, as my first list."]


def _progress(catalogue: Catalogue, answers: dict[str, Answer]) -> Section:
    """Module 15's signs of progress, the progress agreement, the progress story and the
    network listed again, compared with the first network list."""
    entries = []
    for pid in (SIGNS, AGREEMENT, STORY, NETWORK_LATER):
        prompt = catalogue.prompts.get(pid)
        if prompt is None:
            continue
        item = entry(prompt, answers.get(pid))
        first = answers.get(NETWORK)
        if pid == NETWORK_LATER and item.answered and first and is_answered(first.value):
            item.blocks.append(Block("para", "Compared with my first list in Module 7:"))
            item.blocks.append(
                Block("bullets", items=network_change(first.value, answers[pid].value))
            )
        entries.append(item)
    blocks = [] if any(e.answered for e in entries) else [Block("gap", PROGRESS_GAP)]
    return Section(
        PROGRESS_TITLE,
        "The signs of progress I will track, what we agreed counts as progress, the story "
        "I will tell, and how my network has changed.",
        entries=entries,
        blocks=blocks,
    )


def plan_doc(catalogue: Catalogue, answers: dict[str, Answer]) -> Doc:
    """'My spread and adoption plan', with gaps where answers are missing."""
    answers = fit_answers(catalogue.prompts, answers)  # answers to earlier versions never raise
    sections = [
        _named(catalogue, answers, CHANGE, "The change I want to spread"),
        _named(catalogue, answers, BASELINE, "My starting point on the principles"),
        _named(catalogue, answers, POSITION, "How complex my change is"),
        _named(catalogue, answers, NETWORK, "People in my network"),
        _actions(catalogue, answers),
        _progress(catalogue, answers),
    ]
    capstone = catalogue.modules.get("capstone")
    if capstone is not None:
        own = [p for p in capstone.prompts if p.kind not in ("quiz", "actions")]
        sections.append(
            Section("My plan in brief", entries=[entry(p, answers.get(p.id)) for p in own])
        )
    done = sum(e.answered for s in sections for e in s.entries)
    total = sum(len(s.entries) for s in sections)
    return Doc(
        "My spread and adoption plan",
        f"Made on {today_words()} from my answers in the course. {done} of {total} parts "
        "filled in; gaps show what is still to do.",
        sections,
    )


@dataclass(frozen=True)
class ModuleProgress:
    """How far a learner has got with one module."""

    module: Module
    answered: tuple[Prompt, ...]
    left: tuple[Prompt, ...]
    last_saved: str | None
    earlier: tuple[Prompt, ...] = ()
    """Prompts in ``left`` whose answer was given to an earlier version of the question."""

    @property
    def complete(self) -> bool:
        """Every prompt of the module has an answer."""
        return not self.left


def progress(catalogue: Catalogue, answers: dict[str, Answer]) -> list[ModuleProgress]:
    """Module by module: answered prompts, prompts left and when the last answer was saved.

    An answer to an earlier version of a question is not counted as answered: it is left
    to do, and listed in ``earlier`` so the views can say why.
    """
    answers = fit_answers(catalogue.prompts, answers)
    rows = []
    for module in catalogue.modules.values():
        given = {p: answers[p.id] for p in module.prompts if p.id in answers}
        done = [p for p, a in given.items() if is_answered(a.value)]
        earlier = [p for p, a in given.items() if isinstance(a.value, Earlier)]
        left = [p for p in module.prompts if p not in done]
        times = [a.saved_at for p, a in given.items() if p in done or p in earlier]
        rows.append(
            ModuleProgress(
                module, tuple(done), tuple(left), max(times, default=None), tuple(earlier)
            )
        )
    return rows


AGAIN = "the question has changed: answer it again"
"""How the progress view marks a question answered only in an earlier version."""
COMPLETE = "Nothing – complete"
"""What the progress view says is still to do in a module with every question answered."""
COUNT = "{done} of {total}"
"""How the progress view counts a module's answered questions."""


def progress_doc(catalogue: Catalogue, answers: dict[str, Answer]) -> Doc:
    """The progress view as a document: one table row per module."""
    table = []
    for row in progress(catalogue, answers):
        if not row.module.prompts:
            continue
        left = (
            ", ".join(f"{p.title} ({AGAIN})" if p in row.earlier else p.title for p in row.left)
            or COMPLETE
        )
        table.append(
            [
                f"{row.module.number}. {row.module.title}",
                COUNT.format(done=len(row.answered), total=len(row.module.prompts)),
                left,
            ]
        )
    return Doc(
        "My progress",
        f"On {today_words()}.",
        [
            Section(
                "Module by module",
                blocks=[Block("table", headers=["Module", "Answered", "Still to do"], rows=table)],
            )
        ],
    )


def _day(saved_at: str) -> str:
    return local_day(saved_at)


def learning_record_doc(catalogue: Catalogue, answers: dict[str, Answer]) -> Doc:
    """A reflective learning record: one section per module the learner has worked on."""
    answers = fit_answers(catalogue.prompts, answers)
    sections = []
    total = 0
    for row in progress(catalogue, answers):
        if not row.answered and not row.earlier:
            continue
        module = row.module
        total += module.minutes
        status = (
            "completed"
            if row.complete
            else (f"in progress ({len(row.answered)} of {len(module.prompts)} questions answered)")
        )
        lead = (
            f"About {module.minutes} minutes of learning; {status}; "
            f"last worked on {_day(row.last_saved)}."
            if row.last_saved
            else ""
        )
        entries = []
        for suffix, title in (
            (LEARNED, "What I learned"),
            (PRACTICE, "How it changes my practice"),
        ):
            prompt = catalogue.prompts.get(f"{module.id}.{suffix}")
            if prompt is not None:
                answer = answers.get(prompt.id)
                value = answer.value if answer else None
                blocks = answer_blocks(prompt, value)
                entries.append(Entry(title, prompt.question, blocks, is_answered(value)))
        sections.append(Section(f"Module {module.number}: {module.title}", lead, entries))
    if not sections:
        sections.append(
            Section(
                "No modules yet",
                blocks=[Block("gap", "Answer a module's questions to start your learning record.")],
            )
        )
    hours = f"{total / 60:.1f}".rstrip("0").rstrip(".")
    return Doc(
        "My learning record",
        f"Course: Leading the spread and adoption of innovation. Made on {today_words()}. "
        f"Modules worked on: {len([s for s in sections if s.entries])}; about {hours} hours "
        "of learning. Name: ____________________",
        sections,
    )

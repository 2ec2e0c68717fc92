"""The capstone documents, built from a learner's answers across every module.

* :func:`plan_doc` – "My spread and adoption plan", laid out as a plan: in brief, why,
  who, how, learning and progress, the next 90 days, risks and support. Each answer sits
  under a short label of its own (:data:`PLAN`); a missing one is a brief gap that says
  where to answer it.
* :func:`progress` – module by module, what has been answered and what is left.
* :func:`learning_record_doc` – a short reflective record for a professional portfolio:
  modules worked on with their time, the self-assessments, what I learned and how it
  changes my practice.

The one-page progress report is :func:`exercises.progress_report.report_doc`. Pure
functions returning :class:`exercises.report.Doc` (render with ``to_html`` or
``to_markdown``); nothing here reads files or imports widgets.
"""

from __future__ import annotations

from dataclasses import dataclass

from .blocks import Block
from .catalogue import Catalogue
from .doc_parts import (
    NETWORK,
    NETWORK_LATER,
    SIGNS,
    Part,
    actions,
    actions_table,
    network_blocks,
    network_change,
    part_entry,
)
from .fitting import Earlier, fit_answers, is_answered
from .model import Answer, Module, Prompt
from .report import Doc, Entry, Section, answer_blocks
from .timefmt import local_day, today_words

__all__ = ["NETWORK", "NETWORK_LATER", "SIGNS", "network_change"]  # shared with the report

CHANGE = "mindset.my-innovation"
SUMMARY = "capstone.plan-summary"
AGREEMENT = "progress.agreement"
STORY = "progress.story"
THEORY = "progress.theory-of-change"

PLAN: tuple[tuple[str, tuple[Part, ...]], ...] = (
    (
        "In brief",
        (
            Part(SUMMARY, "Summary"),
            Part(CHANGE, "The change"),
            Part("capstone.approach", "How I will lead"),
            Part("capstone.review", "When I will review this plan"),
        ),
    ),
    (
        "Why it matters",
        (
            Part("benefit.why", "The need"),
            Part("benefit.narrative", "Our shared story"),
            Part("benefit.gains", "Who gains, and how"),
        ),
    ),
    (
        "Who is involved",
        (
            Part("individual.people", "What each group gains, loses and brings"),
            Part(NETWORK, "My network"),
            Part("convening.roles", "Innovators, adopters and conveners"),
        ),
    ),
    (
        "How I will lead the change",
        (
            Part("complexity.position", "How complex it is"),
            Part("convening.enough", "Programme management, convening or both"),
            Part("convening.split", "Where convening comes in"),
            Part("approaches.fit", "Approaches chosen"),
            Part("approaches.why", "Why these approaches"),
            Part("seventh-principle.core-flex", "What stays the same and what can flex"),
            Part("adaptive-space.purpose", "Adaptive space: its purpose"),
            Part("adaptive-space.who", "Adaptive space: who comes"),
        ),
    ),
    (
        "Learning and progress",
        (
            Part("learning.questions", "What we want to learn"),
            Part("progress.asked-for", "What I am asked to report"),
            Part(THEORY, "How we expect change to happen"),
            Part(AGREEMENT, "Progress agreed for 3, 6 and 12 months"),
            Part("progress.process-outcomes", "Partnership outcomes we count"),
            Part(SIGNS, "Signs of progress, and how we gather them"),
            Part("progress.method", "The method I will try first"),
            Part(STORY, "Progress story"),
            Part(NETWORK_LATER, "My network then and now"),
        ),
    ),
    (
        "Risks and support",
        (
            Part("capstone.risks", "What could get in the way"),
            Part("capstone.support", "Support I need"),
        ),
    ),
)
"""The plan's sections in order, each with its parts: a prompt and the short label it
is shown under (never the exercise's question). The next 90 days come before the last."""

NEXT_TITLE = "The next 90 days"
NEXT_LEAD = "Every step I planned in the course, soonest first; steps with no date come last."
NO_ACTIONS = "No actions yet: each module's action prompts add them here."
EMPTY_SECTION = "Nothing here yet."
"""What a section says when this copy of the course has none of its prompts."""

SELF_ASSESSMENTS = ("principles.baseline", "convener.self-rating")
"""Self-assessments: shown in the learning record, never in the plan or the report."""

LEARNED, PRACTICE = "learned", "practice"
"""The standard closing prompts of every module (``<module>.learned`` and ``.practice``)."""


def _section(
    catalogue: Catalogue, answers: dict[str, Answer], title: str, parts: tuple[Part, ...]
) -> Section:
    """One section of the plan: its parts the course has, each under its own label."""
    entries = [e for e in (part_entry(catalogue, answers, p) for p in parts) if e is not None]
    for item, part in zip(entries, [p for p in parts if p.pid in catalogue.prompts], strict=True):
        if part.pid == NETWORK_LATER and item.answered:
            item.blocks += network_blocks(catalogue, answers)
    blocks = [] if entries else [Block("gap", EMPTY_SECTION)]
    return Section(title, entries=entries, blocks=blocks)


def _next_days(catalogue: Catalogue, answers: dict[str, Answer]) -> Section:
    """Every action item from every module, soonest first, with the module it came from."""
    rows = actions(catalogue, answers)
    block = actions_table(rows) if rows else Block("gap", NO_ACTIONS)
    return Section(NEXT_TITLE, NEXT_LEAD, blocks=[block])


def plan_doc(catalogue: Catalogue, answers: dict[str, Answer]) -> Doc:
    """'My spread and adoption plan', summary first, with brief gaps where answers are missing."""
    answers = fit_answers(catalogue.prompts, answers)  # the one check of every value
    sections = [_section(catalogue, answers, title, parts) for title, parts in PLAN]
    sections.insert(len(sections) - 1, _next_days(catalogue, answers))
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
    return _progress(catalogue, fit_answers(catalogue.prompts, answers))


def _progress(catalogue: Catalogue, answers: dict[str, Answer]) -> list[ModuleProgress]:
    """:func:`progress` from answers already fitted to their prompts."""
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
    """A reflective learning record: one section per module the learner has worked on, with
    the module's self-assessment (principles, convener profile) and its two reflections."""
    answers = fit_answers(catalogue.prompts, answers)  # the one check of every value
    sections = []
    total = 0
    for row in _progress(catalogue, answers):
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
        own = [(p.id, p.title) for p in module.prompts if p.id in SELF_ASSESSMENTS]
        for pid, title in (
            *own,  # the module's self-assessment, under its own title
            (f"{module.id}.{LEARNED}", "What I learned"),
            (f"{module.id}.{PRACTICE}", "How it changes my practice"),
        ):
            prompt = catalogue.prompts.get(pid)
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

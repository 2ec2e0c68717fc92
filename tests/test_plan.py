"""The capstone documents: plan, progress and learning record, from any set of answers."""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest

from exercises.catalogue import Catalogue
from exercises.doc_parts import NO_DATE
from exercises.model import Answer, Field, Module, Prompt
from exercises.plan import (
    AGAIN,
    NETWORK_LATER,
    NEXT_TITLE,
    PLAN,
    SELF_ASSESSMENTS,
    SIGNS,
    learning_record_doc,
    network_change,
    plan_doc,
    progress,
    progress_doc,
)
from exercises.report import Doc, Section, answers_doc, to_html, to_markdown

ISSUE_18_MISSING = (
    "benefit.why",
    "benefit.narrative",
    "benefit.gains",
    "individual.people",
    "convening.roles",
    "convening.enough",
    "approaches.fit",
    "approaches.why",
    "seventh-principle.core-flex",
    "adaptive-space.purpose",
    "adaptive-space.who",
    "learning.questions",
    "progress.asked-for",
)
"""The answers issue 18 found never reached the plan."""


def p(pid: str, kind: str = "text", **extra) -> Prompt:
    module = pid.split(".")[0]
    return Prompt(id=pid, kind=kind, title=pid.title(), question="Q?", module=module, **extra)


@pytest.fixture
def small() -> Catalogue:
    one = Module(
        "mindset", 1, "Mindset", 30,
        (p("mindset.my-innovation"), p("mindset.learned"), p("mindset.practice"),
         p("mindset.first-step", "actions")),
    )  # fmt: skip
    two = Module(
        "networks", 7, "Networks", 45,
        (p("networks.learned"), p("networks.practice"), p("networks.next", "actions")),
    )  # fmt: skip
    return Catalogue([one, two])


def a(pid: str, value, when: str = "2026-11-20T09:00:00+00:00") -> Answer:
    return Answer(pid, value, when)


def sample(prompt: Prompt, marker: str) -> Any:
    """A value that fits ``prompt``, with ``marker`` in every piece of free text."""
    kind = prompt.kind
    if kind == "text":
        return f"{marker} in words"
    if kind in ("choice", "quiz"):
        return prompt.options[-1].id
    if kind == "checklist":
        return [prompt.options[0].id, prompt.options[-1].id]
    if kind == "rating":
        top = len(prompt.scale)
        return {i.id: top for i in prompt.items} if prompt.items else top
    if kind == "position":
        return {"x": 1, "y": 2}
    if kind == "actions":
        return [{"what": f"{marker} step", "who": "Me", "when": "2027-02-01"}]
    return [
        {
            f.id: f.options[0] if f.kind == "choice" else f"{marker} {f.label}"
            for f in prompt.columns
        }
    ]


def full(catalogue: Catalogue) -> dict[str, Answer]:
    """Every prompt of the course answered, each with its id as the marker."""
    return {pid: a(pid, sample(q, f"«{pid}»")) for pid, q in catalogue.prompts.items()}


def headings(markdown: str) -> list[str]:
    return re.findall(r"^#+ (.+)$", markdown, re.M)


def test_with_a_full_workbook_every_listed_answer_reaches_the_plan(catalogue) -> None:
    """Each part of the plan is filled in, with its own answer; the answers issue 18 found
    missing are all there."""
    answers = full(catalogue)
    doc = plan_doc(catalogue, answers)
    md = to_markdown(doc)
    listed = [part.pid for _, parts in PLAN for part in parts]
    assert set(ISSUE_18_MISSING) <= set(listed)
    for pid in listed:
        prompt = catalogue.prompt(pid)
        if prompt.kind in ("text", "list", "actions"):
            assert f"«{pid}»" in md, pid
        elif prompt.kind in ("choice", "checklist"):
            assert prompt.options[-1].label in md, pid
    assert all(e.answered for s in doc.sections for e in s.entries)
    assert "Not answered yet" not in md
    assert f"{len(listed)} of {len(listed)} parts filled in" in doc.subtitle


def test_the_plan_opens_with_the_summary(catalogue) -> None:
    """In brief, first: the learner's own summary, before anything else she wrote."""
    md = to_markdown(plan_doc(catalogue, full(catalogue)))
    body = md.split("\n## ", 1)[1]
    assert body.startswith("In brief\n\n### Summary\n\n«capstone.plan-summary» in words")
    titles = [t for t, _ in PLAN]
    assert titles[0] == "In brief" and titles[-1] == "Risks and support"
    order = [md.index(f"\n## {t}\n") for t in (*titles[:-1], NEXT_TITLE, titles[-1])]
    assert order == sorted(order)


@pytest.mark.parametrize("filled", [True, False], ids=["full", "empty"])
def test_no_exercise_question_appears_in_the_plan(catalogue, filled: bool) -> None:
    """Each answer sits under a short label of its own, never the exercise's question."""
    md = to_markdown(plan_doc(catalogue, full(catalogue) if filled else {}))
    questions = [q.question for q in catalogue.prompts.values()]
    assert [q for q in questions if q in md] == []
    assert "\n> " not in md  # no quoted question at all


@pytest.mark.parametrize("filled", [True, False], ids=["full", "empty"])
def test_no_two_identical_headings_in_a_row(catalogue, filled: bool) -> None:
    """A section's title is never repeated by its first part (and no label twice)."""
    for doc in (
        plan_doc(catalogue, full(catalogue) if filled else {}),
        learning_record_doc(catalogue, full(catalogue) if filled else {}),
    ):
        found = headings(to_markdown(doc))
        repeats = [x for x, y in itertools.pairwise(found) if x.casefold() == y.casefold()]
        assert repeats == [], doc.title
    labels = [part.label for _, parts in PLAN for part in parts]
    assert len(labels) == len(set(labels))


def test_an_empty_workbook_gives_the_plan_with_brief_gaps(catalogue) -> None:
    """Every section is there; each gap is one line that names where to answer."""
    doc = plan_doc(catalogue, {})
    assert [s.title for s in doc.sections] == [t for t, _ in PLAN[:-1]] + [NEXT_TITLE, PLAN[-1][0]]
    gaps = [b.text for s in doc.sections for e in s.entries for b in e.blocks]
    assert gaps and all(re.fullmatch(r"Not answered yet: Module \d+, “[^”]+”\.?", g) for g in gaps)
    assert "Not answered yet: Module 6, “The need behind my change”." in gaps
    assert "Module 3, “How complex is my change?”" in to_markdown(doc)  # no "?." at the end
    assert "No actions yet" in to_markdown(doc)
    assert "0 of" in doc.subtitle


def test_self_assessments_are_in_the_learning_record_not_the_plan(catalogue) -> None:
    """Principle ratings and the convener profile go to the record; so do reflections."""
    answers = full(catalogue)
    plan, record = (
        to_markdown(plan_doc(catalogue, answers)),
        learning_record_doc(catalogue, answers),
    )
    for pid in SELF_ASSESSMENTS:
        prompt = catalogue.prompt(pid)
        assert prompt.items[0].label not in plan, pid
        module = catalogue.module(prompt.module)
        section = next(s for s in record.sections if s.title.endswith(module.title))
        assert next(e.title for e in section.entries) == prompt.title
        assert any(b.kind == "chart" for b in section.entries[0].blocks)
    assert "«mindset.learned»" not in plan and "«mindset.learned»" in to_markdown(record)


def test_plan_gathers_actions_soonest_first_with_their_module(small: Catalogue) -> None:
    """Actions from every module appear in one table, dated ones first, undated last, and
    the dates in words that never wrap."""
    answers = {
        "mindset.first-step": a(
            "mindset.first-step",
            [
                {"what": "Later", "who": "", "when": "2027-03-01"},
                {"what": "Whenever", "who": "", "when": ""},
            ],
        ),
        "networks.next": a(
            "networks.next", [{"what": "Sooner", "who": "Me", "when": "2027-01-05"}]
        ),
    }
    doc = plan_doc(small, answers)
    md = to_markdown(doc)
    order = [md.index(word) for word in ("Sooner", "Later", "Whenever")]
    assert order == sorted(order)
    assert "| Sooner | Me | 5 January 2027 | Module 7 |" in md
    assert f"| Whenever |  | {NO_DATE} | Module 1 |" in md
    assert '<td class="nowrap">5 January 2027</td>' in to_html(doc)


def test_a_course_without_the_plans_prompts_still_gives_every_section(small) -> None:
    """Parts the course lacks are left out; an empty section says so in one line."""
    doc = plan_doc(small, {})
    assert next(s.title for s in doc.sections) == "In brief"
    why = next(s for s in doc.sections if s.title == "Why it matters")
    assert why.entries == [] and why.blocks[0].text == "Nothing here yet."
    brief = next(s for s in doc.sections if s.title == "In brief")
    assert [e.title for e in brief.entries] == ["The change"]


def test_progress_counts_answered_and_left(small: Catalogue) -> None:
    """Blank answers count as left; the newest save time is kept per module."""
    answers = {
        "mindset.my-innovation": a("mindset.my-innovation", "x", "2026-11-01T10:00:00+00:00"),
        "mindset.learned": a("mindset.learned", "  ", "2026-11-02T10:00:00+00:00"),
        "mindset.practice": a("mindset.practice", "y", "2026-11-03T10:00:00+00:00"),
    }
    rows = {r.module.id: r for r in progress(small, answers)}
    assert [x.id for x in rows["mindset"].answered] == ["mindset.my-innovation", "mindset.practice"]
    assert [x.id for x in rows["mindset"].left] == ["mindset.learned", "mindset.first-step"]
    assert rows["mindset"].last_saved == "2026-11-03T10:00:00+00:00"
    assert not rows["mindset"].complete and rows["networks"].answered == ()


OLD_STYLE = "Ring the practice managers"
"""A plain sentence saved when the first step was free text; the question now takes rows."""


def test_an_answer_to_an_earlier_version_is_left_to_do(small: Catalogue) -> None:
    """It is not counted as answered: the progress view lists it as still to do and says
    why, and its save time still counts as work on the module."""
    answers = {
        "mindset.my-innovation": a("mindset.my-innovation", "x", "2026-11-01T10:00:00+00:00"),
        "mindset.first-step": a("mindset.first-step", OLD_STYLE, "2026-11-05T10:00:00+00:00"),
    }
    row = next(r for r in progress(small, answers) if r.module.id == "mindset")
    assert [x.id for x in row.answered] == ["mindset.my-innovation"]
    assert [x.id for x in row.earlier] == ["mindset.first-step"]
    assert "mindset.first-step" in [x.id for x in row.left] and not row.complete
    assert row.last_saved == "2026-11-05T10:00:00+00:00"
    md = to_markdown(progress_doc(small, answers))
    assert f"Mindset.First-Step ({AGAIN})" in md
    assert "| 1. Mindset | 1 of 4 |" in md


def test_earlier_answers_do_not_fill_the_plan_or_the_record(small: Catalogue) -> None:
    """The plan's count of parts filled in leaves them out, and a module answered only in
    an earlier version is in the learning record as in progress, not completed."""
    answers = {
        "mindset.my-innovation": a("mindset.my-innovation", 12),
        "mindset.first-step": a("mindset.first-step", OLD_STYLE),
    }
    doc = plan_doc(small, answers)
    assert "0 of 1 parts filled in" in doc.subtitle
    md = to_markdown(doc)
    assert "Given to an earlier version of this question" in md and "12" in md
    record = to_markdown(learning_record_doc(small, answers))
    assert "Module 1: Mindset" in record
    assert "in progress (0 of 4 questions answered)" in record


def test_learning_record_lists_worked_modules_with_time_and_reflections(small) -> None:
    """Only modules with answers appear, with minutes, status and the two reflections."""
    answers = {
        "networks.learned": a("networks.learned", "Brokers matter"),
        "networks.practice": a("networks.practice", "I will map my network"),
        "networks.next": a("networks.next", [{"what": "x", "who": "", "when": ""}]),
    }
    doc = learning_record_doc(small, answers)
    md = to_markdown(doc)
    assert "Module 7: Networks" in md and "Module 1: Mindset" not in md
    assert "About 45 minutes of learning; completed" in md
    assert "Brokers matter" in md and "I will map my network" in md
    assert "about 0.8 hours" in doc.subtitle
    html = to_html(doc)
    assert "What I learned" in html and "How it changes my practice" in html


NETWORK_FIELDS = (
    Field("name", "Name or role"),
    Field("role", "Network role", "choice", ("Broker", "Central connector", "Energiser")),
    Field("how", "How they help"),
)


@pytest.fixture
def with_progress() -> Catalogue:
    """A course with module 7's network list and module 15's progress prompts."""
    seven = Module(
        "networks", 7, "Networks", 40,
        (p("networks.people", "list", fields=NETWORK_FIELDS),),
    )  # fmt: skip
    fifteen = Module(
        "progress", 15, "Progress", 45,
        (
            p("progress.indicators", "list",
              fields=(Field("sign", "Sign of progress"), Field("type", "Type"),
                      Field("how", "How often, and how"))),
            p("progress.agreement", "list",
              fields=(Field("when", "When"), Field("counts", "What will count as progress"),
                      Field("agreed-with", "Agreed with"))),
            p("progress.story"),
            p("progress.network-again", "list", fields=NETWORK_FIELDS),
        ),
    )  # fmt: skip
    return Catalogue([seven, fifteen])


def learning_section(doc: Doc) -> Section:
    return next(s for s in doc.sections if s.title == "Learning and progress")


def person(name: str, role: str) -> dict[str, str]:
    return {"name": name, "role": role, "how": ""}


def test_plan_shows_module_15_with_the_network_then_and_now(with_progress) -> None:
    """The signs (one small table a sign), the agreement, the story and the network listed
    again all appear under learning and progress, with what changed since the first list."""
    answers = {
        SIGNS: a(SIGNS, [{"sign": "Referrals between partners", "type": "Log", "how": "Monthly"}]),
        "progress.agreement": a(
            "progress.agreement",
            [
                {
                    "when": "After 6 months",
                    "counts": "Six partners share referrals",
                    "agreed-with": "Partnership board",
                }
            ],
        ),
        "progress.story": a("progress.story", "A ward manager now rings the carers' group."),
        "networks.people": a(
            "networks.people", [person("Ward manager", "Broker"), person("GP lead", "Energiser")]
        ),
        NETWORK_LATER: a(
            NETWORK_LATER,
            [person("ward  MANAGER", "Central connector"), person("Carers' group chair", "Broker")],
        ),
    }
    doc = plan_doc(with_progress, answers)
    section = learning_section(doc)
    assert [e.title for e in section.entries] == [
        "Progress agreed for 3, 6 and 12 months",
        "Signs of progress, and how we gather them",
        "Progress story",
        "My network then and now",
    ]
    assert all(e.answered for e in section.entries)
    md = to_markdown(doc)
    assert "| Sign | Referrals between partners |" in md
    assert "| How often, and how | Monthly |" in md
    assert "| After 6 months | Six partners share referrals | Partnership board |" in md
    assert "A ward manager now rings the carers' group." in md
    assert "My first list in Module 7: 2 people, including 1 broker. Now: 2 people" in md
    assert "- New since my first list: Carers' group chair." in md
    assert "- On my first list but not now: GP lead." in md
    assert "- Role changed – ward MANAGER: Broker then, Central connector now." in md


def test_old_three_column_signs_still_show_in_the_plan(catalogue) -> None:
    """A sign list saved before the framework had its new columns still fits, and shows."""
    old = [{"sign": "Partners at the monthly meeting", "type": "Reach and engagement",
            "how": "Count at each meeting"}]  # fmt: skip
    md = to_markdown(plan_doc(catalogue, {SIGNS: a(SIGNS, old)}))
    assert "| Sign | Partners at the monthly meeting |" in md
    assert "| Type | Reach and engagement |" in md
    assert "| How often, and how | Count at each meeting |" in md


def test_no_network_comparison_without_both_lists(with_progress) -> None:
    """A network listed once only adds no comparison; neither does a first list saved as
    free text (an earlier version), both ways round."""
    once = {"networks.people": a("networks.people", [person("Ward manager", "Broker")])}
    assert "Compared" not in to_markdown(plan_doc(with_progress, once))
    rows = [person("Ward manager", "Broker")]
    for first, later in (("Ward manager, GP lead", rows), (rows, "Ward manager")):
        answers = {
            "networks.people": a("networks.people", first),
            NETWORK_LATER: a(NETWORK_LATER, later),
        }
        md = to_markdown(plan_doc(with_progress, answers))
        assert "My first list in Module 7" not in md
        assert "The same people, in the same roles" not in md


def test_network_change_matches_names_ignoring_case_and_spacing() -> None:
    """Blank names are ignored; an unchanged list says so."""
    first = [person("A Smith", "Broker"), {"name": " ", "role": "Broker", "how": ""}]
    assert network_change(first, [person("a  smith", "Broker")]) == [
        "The same people, in the same roles, as my first list."
    ]
    assert network_change([], [person("New", "")]) == ["New since my first list: New."]
    assert network_change(first, [person("A Smith", "")]) == [
        "Role changed – A Smith: Broker then, no role now."
    ]
    assert network_change(first, [person("A Smith", "")], short=True) == [
        "1 person has a new network role."
    ]


def test_the_course_holds_every_prompt_the_plan_reads(catalogue) -> None:
    """Every part names a real prompt; the repeat network list has the same fields and roles
    as module 7's list, so the two can be compared."""
    missing = [part.pid for _, parts in PLAN for part in parts if part.pid not in catalogue.prompts]
    assert missing == []
    first, later = catalogue.prompt("networks.people"), catalogue.prompt(NETWORK_LATER)
    assert [(f.id, f.kind, f.options) for f in first.fields] == [
        (f.id, f.kind, f.options) for f in later.fields
    ]
    agreement = {f.id: f for f in catalogue.prompt("progress.agreement").fields}
    assert {"After 3 months", "After 6 months", "After 12 months"} <= set(agreement["when"].options)


def test_answers_to_earlier_versions_never_raise(small: Catalogue) -> None:
    """Values that no longer fit their prompts build every document, shown in words."""
    answers = {
        "mindset.my-innovation": a("mindset.my-innovation", {"once": "a mapping"}),
        "mindset.learned": a("mindset.learned", 12),
        "mindset.first-step": a("mindset.first-step", [{"what": 3, "when": [1]}]),
        "networks.next": a("networks.next", "not rows"),
    }
    for doc in (
        plan_doc(small, answers),
        learning_record_doc(small, answers),
        progress_doc(small, answers),
    ):
        assert to_markdown(doc) and to_html(doc)
    md = to_markdown(plan_doc(small, answers))
    assert "Given to an earlier version of this question" in md and "once: a mapping" in md
    assert "12" in to_markdown(learning_record_doc(small, answers))


@pytest.mark.parametrize(
    "build", [plan_doc, learning_record_doc, progress_doc, answers_doc], ids=lambda f: f.__name__
)
def test_each_value_is_checked_once(catalogue, monkeypatch, build) -> None:
    """A document checks each saved answer against its prompt exactly once (fit_answers),
    then passes the fitted value on: nothing in the renderers checks it again."""
    import exercises.fitting as fitting

    checked: list[str] = []
    real = fitting.check_value

    def counting(prompt: Prompt, value: Any) -> Any:
        checked.append(prompt.id)
        return real(prompt, value)

    monkeypatch.setattr(fitting, "check_value", counting)
    answers = full(catalogue)
    to_markdown(build(catalogue, answers))
    assert sorted(checked) == sorted(answers)

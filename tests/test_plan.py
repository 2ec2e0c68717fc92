"""The capstone documents: plan, progress and learning record, from any set of answers."""

from __future__ import annotations

import pytest

from exercises.catalogue import Catalogue
from exercises.model import Answer, Field, Module, Prompt
from exercises.plan import (
    AGAIN,
    AGREEMENT,
    NETWORK_LATER,
    PROGRESS_GAP,
    PROGRESS_TITLE,
    SIGNS,
    STORY,
    learning_record_doc,
    network_change,
    plan_doc,
    progress,
    progress_doc,
)
from exercises.report import Doc, Section, to_html, to_markdown


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


def test_plan_gathers_actions_soonest_first_with_their_module(small: Catalogue) -> None:
    """Actions from every module appear in one table, dated ones first, undated last."""
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
    md = to_markdown(plan_doc(small, answers))
    order = [md.index(word) for word in ("Sooner", "Later", "Whenever")]
    assert order == sorted(order)
    assert "| Sooner | Me | 2027-01-05 | Module 7 |" in md
    assert "| Whenever |  | not set | Module 1 |" in md


def test_plan_shows_gaps_for_missing_parts_even_when_the_course_lacks_them(small) -> None:
    """A course without the baseline or network prompts still gives a plan, with gaps."""
    doc = plan_doc(small, {})
    md = to_markdown(doc)
    assert "My starting point on the principles" in md and "Not answered yet" in md
    assert "No actions yet" in md
    assert "0 of" in doc.subtitle


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
    answers = {"mindset.first-step": a("mindset.first-step", OLD_STYLE)}
    doc = plan_doc(small, answers)
    assert doc.subtitle.split(" from my answers")[1].startswith(" in the course. 0 of")
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
            p("progress.indicators", "list", fields=(Field("sign", "Sign of progress"),)),
            p("progress.agreement", "list",
              fields=(Field("when", "When"), Field("counts", "What will count as progress"),
                      Field("agreed-with", "Agreed with"))),
            p("progress.story"),
            p("progress.network-again", "list", fields=NETWORK_FIELDS),
        ),
    )  # fmt: skip
    return Catalogue([seven, fifteen])


def progress_section(doc: Doc) -> Section:
    return next(s for s in doc.sections if s.title == PROGRESS_TITLE)


def person(name: str, role: str) -> dict[str, str]:
    return {"name": name, "role": role, "how": ""}


def test_plan_shows_how_i_will_know_it_is_working_from_module_15(with_progress) -> None:
    """Signs of progress, the agreement, the story and the network listed again all appear
    in the plan's progress section, with what changed since the first network list."""
    answers = {
        "progress.indicators": a("progress.indicators", [{"sign": "Referrals between partners"}]),
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
        "progress.network-again": a(
            "progress.network-again",
            [person("ward  MANAGER", "Central connector"), person("Carers' group chair", "Broker")],
        ),
    }
    doc = plan_doc(with_progress, answers)
    section = progress_section(doc)
    assert [e.title for e in section.entries] == [
        "Progress.Indicators",
        "Progress.Agreement",
        "Progress.Story",
        "Progress.Network-Again",
    ]
    assert all(e.answered for e in section.entries) and section.blocks == []
    md = to_markdown(doc)
    assert f"## {PROGRESS_TITLE}" in md
    assert "| Referrals between partners |" in md
    assert "| After 6 months | Six partners share referrals | Partnership board |" in md
    assert "A ward manager now rings the carers' group." in md
    assert "- New since my first list: Carers' group chair." in md
    assert "- On my first list but not now: GP lead." in md
    assert "- Role changed – ward MANAGER: Broker then, Central connector now." in md
    assert PROGRESS_GAP not in md
    # the plan comes before the capstone's own section and after the actions
    titles = [s.title for s in doc.sections]
    assert titles.index(PROGRESS_TITLE) == titles.index("My actions") + 1
    assert "<h2>How I will know it is working, and how I will report it</h2>" in to_html(doc)


def test_plan_progress_section_says_what_to_do_when_module_15_is_empty(with_progress) -> None:
    """With no answers from module 15 the section shows its gap text and one gap per part;
    a network listed once only (no repeat yet) adds no comparison."""
    answers = {"networks.people": a("networks.people", [person("Ward manager", "Broker")])}
    doc = plan_doc(with_progress, answers)
    section = progress_section(doc)
    assert [b.kind for b in section.blocks] == ["gap"] and section.blocks[0].text == PROGRESS_GAP
    assert [e.answered for e in section.entries] == [False] * 4
    assert all(e.blocks[0].kind == "gap" for e in section.entries)
    md = to_markdown(doc)
    assert f"*{PROGRESS_GAP}*" in md and "Compared with my first list" not in md
    assert f'<p class="gap">{PROGRESS_GAP}</p>' in to_html(doc)
    # one answer is enough to replace the section's gap text
    answers["progress.story"] = a("progress.story", "We met for the first time.")
    assert progress_section(plan_doc(with_progress, answers)).blocks == []


def test_plan_progress_section_without_module_15_is_a_gap(small: Catalogue) -> None:
    """A course without module 15's prompts still gives the section, holding its gap text."""
    section = progress_section(plan_doc(small, {}))
    assert section.entries == [] and section.blocks[0].text == PROGRESS_GAP


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


def test_the_course_holds_module_15s_progress_prompts_for_the_plan(catalogue) -> None:
    """The real course has every prompt the section reads; the repeat network list has the
    same fields and roles as module 7's list, so the two can be compared."""
    for pid in (SIGNS, AGREEMENT, STORY, NETWORK_LATER):
        assert catalogue.prompt(pid).module == "progress"
    agreement = {f.id: f for f in catalogue.prompt(AGREEMENT).fields}
    assert set(agreement) == {"when", "counts", "agreed-with"}
    assert {"After 3 months", "After 6 months", "After 12 months"} <= set(agreement["when"].options)
    first, later = catalogue.prompt("networks.people"), catalogue.prompt(NETWORK_LATER)
    assert [(f.id, f.kind, f.options) for f in first.fields] == [
        (f.id, f.kind, f.options) for f in later.fields
    ]
    md = to_markdown(plan_doc(catalogue, {}))
    assert f"## {PROGRESS_TITLE}" in md and PROGRESS_GAP in md


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


def test_no_network_comparison_from_an_answer_to_an_earlier_version(with_progress) -> None:
    """A first network list saved as free text (an earlier version) cannot be compared
    with the list made later, so the plan says nothing about change rather than
    'the same people' (both ways round)."""
    rows = [person("Ward manager", "Broker")]
    for first, later in (("Ward manager, GP lead", rows), (rows, "Ward manager")):
        answers = {
            "networks.people": a("networks.people", first),
            "progress.network-again": a("progress.network-again", later),
        }
        md = to_markdown(plan_doc(with_progress, answers))
        assert "Compared with my first list" not in md
        assert "The same people, in the same roles" not in md

"""The one-page progress report: what a board reads, built from the learner's answers."""

from __future__ import annotations

import re

import pytest

from exercises.catalogue import Catalogue
from exercises.model import Answer, Module, Prompt
from exercises.progress_report import (
    MAX_WORDS,
    NEXT_DAYS,
    PARTNERSHIP,
    REPORT,
    SERVICES,
    SIGN_HEADERS,
    TITLE,
    report_doc,
    word_count,
)
from exercises.report import to_html, to_markdown
from exercises.site import DOCUMENTS, documents
from exercises.worked_example import answers as example_answers
from exercises.worked_example import course_example
from tests.test_plan import a, full

SIGNS = "progress.indicators"


def report_md(catalogue: Catalogue, answers: dict[str, Answer]) -> str:
    return to_markdown(report_doc(catalogue, answers))


def section_text(md: str, title: str) -> str:
    return md.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_the_report_carries_the_agreement_the_signs_and_the_story(catalogue) -> None:
    """What was agreed and with whom, each sign with its baseline, level, latest reading
    and how it is gathered, the story, the contribution, the next steps and the ask."""
    md = report_md(catalogue, full(catalogue))
    assert md.startswith(f"# {TITLE}\n")
    agreed = section_text(md, "What we agreed, and with whom")
    assert "| When | What counts as progress | Agreed with |" in agreed
    assert "| After 3 months | «progress.agreement» What will count as progress |" in agreed
    signs = section_text(md, "Signs so far, and how we gather them")
    assert "| " + " | ".join(SIGN_HEADERS) + " |" in signs
    for column in ("Latest reading", "Where we started (baseline)", "How often, and how"):
        assert f"«{SIGNS}» {column}" in signs
    for pid in ("progress.story", "progress.contribution", "progress.ask", "capstone.plan-summary"):
        assert f"«{pid}» in words" in md, pid
    assert "«capstone.next-steps» step" in section_text(md, "What happens next")
    assert "Not answered yet" not in md


def test_the_report_leaves_out_self_ratings_and_reflections(catalogue) -> None:
    """Nothing rated about oneself and nothing reflective reaches a board: no rating
    prompt's words, no closing reflection, no convener profile, no other exercise."""
    answers = full(catalogue)
    md = report_md(catalogue, answers)
    used = {pid for _, pids in REPORT for pid in pids} | {"networks.people"}
    for pid, prompt in catalogue.prompts.items():
        if pid not in used:
            assert f"«{pid}»" not in md, pid
        if prompt.kind == "rating":
            assert not any(i.label in md for i in prompt.items), pid
    assert "<svg" not in to_html(report_doc(catalogue, answers))


def test_the_report_stays_under_a_page_or_two_of_words(catalogue) -> None:
    """Under 700 words with a full workbook: every answer filled in, and Maya's realistic
    one; the figures are printed for the record."""
    for name, answers in (("full", full(catalogue)), ("Maya", example_answers(course_example()))):
        words = word_count(report_md(catalogue, answers))
        print(f"progress report, {name} workbook: {words} words")
        assert words < MAX_WORDS, name


def test_an_empty_workbook_gives_the_report_with_its_gaps(catalogue) -> None:
    """Every section is there and says plainly that it is empty, and where to fill it."""
    doc = report_doc(catalogue, {})
    assert [s.title for s in doc.sections] == [t for t, _ in REPORT]
    assert f"0 of {len(REPORT)} parts written" in doc.subtitle
    for section in doc.sections:
        assert [b.kind for b in section.blocks] == ["gap"], section.title
        assert re.match(r"Not answered yet: Module (15|16), “", section.blocks[0].text)
    md = to_markdown(doc)
    assert "Module 16, “My next 90 days”" in section_text(md, "What happens next")


def test_answers_to_the_old_sign_list_still_appear(catalogue) -> None:
    """A sign saved with only the three columns the list once had is reported as it is,
    with the new columns marked as not yet filled."""
    old = [{"sign": "Partners at the monthly meeting", "type": "Reach and engagement",
            "how": "Count at each meeting"}]  # fmt: skip
    md = report_md(catalogue, {SIGNS: a(SIGNS, old)})
    signs = section_text(md, "Signs so far, and how we gather them")
    row = "| Partners at the monthly meeting | not known | not agreed yet | no reading yet |"
    assert row + " Count at each meeting |" in signs
    assert "Other signs" not in signs  # all of them are old: no group heading


def test_partnership_signs_sit_beside_service_signs(catalogue) -> None:
    """Signs that show how the partnership works come first, then signs for people and
    services, then any others; the partnership outcomes counted follow in one line."""
    rows = [
        {"sign": "Repeat GP visits", "shows": SERVICES},
        {"sign": "Old sign"},
        {"sign": "Equity of voice", "shows": PARTNERSHIP, "now": "2 small groups joined"},
    ]
    answers = {
        SIGNS: a(SIGNS, rows),
        "progress.process-outcomes": a("progress.process-outcomes", ["trust", "seat"]),
    }
    signs = section_text(report_md(catalogue, answers), "Signs so far, and how we gather them")
    order = [signs.index(x) for x in (f"{PARTNERSHIP}:", "Equity of voice", f"{SERVICES}:",
                                      "Repeat GP visits", "Other signs:", "Old sign")]  # fmt: skip
    assert order == sorted(order)
    assert "| 2 small groups joined |" in signs
    assert (
        "We also count how we work together: trust between partners; "
        "a seat at the table where decisions are made." in signs
    )


def test_the_next_steps_are_the_next_90_days_soonest_first(catalogue) -> None:
    """The report lists the capstone's next 90 days in date order; other modules' actions
    stay in the plan."""
    steps = [
        {"what": "Later", "who": "Me", "when": "2027-03-01"},
        {"what": "Sooner", "who": "Chair", "when": "2027-01-05"},
    ]
    answers = {
        NEXT_DAYS: a(NEXT_DAYS, steps),
        "networks.next-steps": a(
            "networks.next-steps", [{"what": "Elsewhere", "who": "", "when": "2027-01-01"}]
        ),
    }
    md = section_text(report_md(catalogue, answers), "What happens next")
    assert md.index("Sooner") < md.index("Later") and "Elsewhere" not in md
    assert "| Sooner | Chair | 5 January 2027 |" in md


def test_the_network_change_is_counted_in_short(catalogue) -> None:
    """Then and now in numbers, who is new and who has gone; role changes are counted."""
    first = [{"name": "A", "role": "Broker", "how": ""}, {"name": "B", "role": "Energiser"}]
    later = [{"name": "A", "role": "Central connector", "how": ""}, {"name": "C", "role": "Broker"}]
    answers = {
        "networks.people": a("networks.people", first),
        "progress.network-again": a("progress.network-again", later),
    }
    md = section_text(report_md(catalogue, answers), "How our network has changed")
    assert "My first list in Module 7: 2 people, including 1 broker." in md
    assert "- New since my first list: C." in md and "- On my first list but not now: B." in md
    assert "- 1 person has a new network role." in md
    only_later = {"progress.network-again": answers["progress.network-again"]}
    md = section_text(report_md(catalogue, only_later), "How our network has changed")
    assert "Now: 2 people, including 1 broker." in md and "Module 7, “People in my network”" in md


def test_answers_to_earlier_versions_show_in_words(catalogue) -> None:
    """An answer that no longer fits is shown as given to an earlier version, never lost."""
    answers = {
        "progress.story": a("progress.story", ["once", "a list"]),
        SIGNS: a(SIGNS, "A sentence, saved when the signs were free text"),
        "progress.agreement": a("progress.agreement", 7),
    }
    md = report_md(catalogue, answers)
    assert md.count("Given to an earlier version of this question") == 3
    assert "A sentence, saved when the signs were free text" in md
    assert "0 of" in report_doc(catalogue, answers).subtitle


def test_a_course_without_module_15_still_gives_a_report() -> None:
    """Sections whose prompts the course lacks are left out; the rest still build."""
    summary = Prompt("capstone.plan-summary", "text", "My plan in brief", "Q?", "capstone")
    small = Catalogue([Module("capstone", 16, "Capstone", 20, (summary,))])
    doc = report_doc(small, {"capstone.plan-summary": a("capstone.plan-summary", "Short.")})
    assert [s.title for s in doc.sections] == ["The work in brief"]
    assert "1 of 1 parts written" in doc.subtitle


def test_the_website_builds_the_report_as_a_fourth_document(catalogue) -> None:
    """The report is one of the capstone's documents, so the website builds it as well."""
    stem, build = DOCUMENTS["report"]
    assert stem == "my-progress-report" and build is report_doc
    out = documents('{"format": "spread-course-workbook", "version": 1, "answers": {}}', catalogue)
    assert out["report"]["markdown"].startswith(f"# {TITLE}\n")
    assert out["report"]["title"] == TITLE


@pytest.mark.parametrize("text, words", [("One two, three.", 3), ("| a | b |\n| --- |", 2)])
def test_word_count_counts_words_not_marks(text: str, words: int) -> None:
    assert word_count(text) == words

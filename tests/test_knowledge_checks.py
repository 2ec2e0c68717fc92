"""Knowledge checks that teach, and no exercise that treats the unconfirmed seventh
principle as known.

The balance rules (issue 12) are measured over every quiz in the course together:

- the right answer is the longest option in at most a third of the questions, so that
  length gives nothing away;
- no position (A, B, C, ...) holds more than 40 percent of the right answers;
- every position that any question has is the right one somewhere;
- each question has exactly one right answer and teaching feedback for every option.

The seventh principle's name and content are not confirmed (facts file, section 3.7), so
no rating item, choice option or checklist option may offer it to be rated, chosen or
ticked. Its module can still teach what is and is not known.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from exercises.catalogue import Catalogue
from exercises.model import Option, Prompt

REPO = Path(__file__).resolve().parents[1]
MODULES = REPO / "book" / "modules"

MAX_LONGEST_SHARE = 1 / 3
"""At most this share of questions may have the right answer as their longest option."""

MAX_POSITION_SHARE = 0.40
"""No single position may hold more than this share of the right answers."""

MIN_FEEDBACK_WORDS = 10
"""Feedback shorter than this cannot say why an option is right or wrong."""

VERDICT = re.compile(r"^(yes|right|correct|wrong|no|not quite|not necessarily)\b", re.I)
"""The page already says "Correct" or "Not quite"; feedback starts with the teaching."""

RUN = 8
"""A quiz may not share a run of this many words with a module page's prose."""

SEVENTH = re.compile(r"\bseventh\b|\binnovation[\s-]+development\b", re.IGNORECASE)
"""Words that name the unconfirmed seventh principle (or its 2020 draft name)."""


def quizzes(catalogue: Catalogue) -> list[Prompt]:
    return [p for p in catalogue.prompts.values() if p.kind == "quiz"]


def right_position(quiz: Prompt) -> int:
    """The 0-based position of the quiz's right answer."""
    (position,) = [i for i, o in enumerate(quiz.options) if o.correct]
    return position


def right_is_longest(quiz: Prompt) -> bool:
    """True when no other option is as long as the right answer (a tie does not count)."""
    right = quiz.options[right_position(quiz)]
    others = [len(o.label) for o in quiz.options if o is not right]
    return len(right.label) > max(others)


def balance(quiz_list: list[Prompt]) -> dict:
    """The figures the balance rules are judged on."""
    positions = Counter(right_position(q) for q in quiz_list)
    return {
        "questions": len(quiz_list),
        "longest": sorted(q.id for q in quiz_list if right_is_longest(q)),
        "positions": positions,
        "offered": max(len(q.options) for q in quiz_list),
    }


def balance_problems(quiz_list: list[Prompt]) -> list[str]:
    """Every broken balance rule, in words a course writer can act on."""
    b = balance(quiz_list)
    n = b["questions"]
    problems = []
    if len(b["longest"]) > MAX_LONGEST_SHARE * n:
        problems.append(
            f"the right answer is the longest option in {len(b['longest'])} of {n} "
            f"questions (at most {int(MAX_LONGEST_SHARE * n)}): {', '.join(b['longest'])}"
        )
    for position, count in sorted(b["positions"].items()):
        if count > MAX_POSITION_SHARE * n:
            problems.append(
                f"position {'ABCDEFGH'[position]} holds {count} of {n} right answers "
                f"(at most {int(MAX_POSITION_SHARE * n)})"
            )
    unused = [p for p in range(b["offered"]) if p not in b["positions"]]
    if unused:
        problems.append(
            "no question has its right answer at position "
            + ", ".join("ABCDEFGH"[p] for p in unused)
        )
    return problems


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower().replace("\u2019", "'"))


def runs(text: str) -> set[tuple[str, ...]]:
    ws = words(text)
    return {tuple(ws[i : i + RUN]) for i in range(len(ws) - RUN + 1)}


def module_prose() -> dict[str, str]:
    """The Markdown of every module page, by module id."""
    prose = {}
    for path in sorted(MODULES.glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        prose[path.stem] = "\n".join(
            "".join(c["source"]) for c in cells if c["cell_type"] == "markdown"
        )
    return prose


def offered_choices(prompt: Prompt) -> list[tuple[str, str]]:
    """(id, label) of everything the learner rates, chooses or ticks in this prompt."""
    if prompt.kind == "rating":
        return [(i.id, i.label) for i in prompt.items]
    if prompt.kind in ("choice", "checklist"):
        return [(o.id, o.label) for o in prompt.options]
    if prompt.kind == "list":
        return [(o, o) for f in prompt.fields if f.kind == "choice" for o in f.options]
    return []


def names_the_seventh(prompt: Prompt) -> list[str]:
    """Items or options of a rating, choice, checklist or list prompt naming the seventh."""
    return [
        f"{prompt.id}: {oid} ({label})"
        for oid, label in offered_choices(prompt)
        if SEVENTH.search(label) or SEVENTH.search(oid.replace("-", " "))
    ]


# ---- the rules themselves, shown to catch what they should --------------------------


def quiz(pid: str, labels: list[str], right: int, feedback: str = "") -> Prompt:
    fb = feedback or "This option is explained here in enough words to teach something."
    options = tuple(Option(f"o{i}", label, i == right, fb) for i, label in enumerate(labels))
    return Prompt(pid, "quiz", "T", "Q?", "demo", options=options)


def test_balance_rules_catch_a_giveaway_set() -> None:
    """A set where the longest option is always right, and always B, breaks every rule."""
    giveaway = [
        quiz(f"demo.q{n}", ["Short.", "The long and careful right answer.", "No.", "Nope."], 1)
        for n in range(6)
    ]
    problems = balance_problems(giveaway)
    assert any("longest option in 6 of 6" in p for p in problems)
    assert any("position B holds 6 of 6" in p for p in problems)
    assert any("position A, C, D" in p for p in problems)


def test_balance_rules_pass_a_fair_set() -> None:
    """Right answers spread over A to D, rarely the longest, pass."""
    same = ["Option one here.", "Option two here.", "Option three here", "Option four here."]
    fair = [quiz(f"demo.q{n}", same, n % 4) for n in range(8)]
    fair.append(quiz("demo.long", ["A much longer right answer.", "No.", "Nah."], 0))
    assert balance_problems(fair) == []
    assert balance(fair)["longest"] == ["demo.long"]


def test_a_tie_for_longest_does_not_count_as_longest() -> None:
    assert not right_is_longest(quiz("demo.tie", ["Same size", "Same size"], 0))
    assert right_is_longest(quiz("demo.win", ["Longer one", "Short"], 0))


def test_seventh_check_finds_items_and_options_by_label_or_id() -> None:
    from exercises.model import Field, Item

    rating = Prompt(
        "demo.r",
        "rating",
        "T",
        "Q?",
        "demo",
        scale=("a", "b"),
        items=(Item("learning", "Learning"), Item("seventh", "A principle we cannot name")),
    )
    choice = Prompt(
        "demo.c",
        "choice",
        "T",
        "Q?",
        "demo",
        options=(Option("x", "Innovation Development"), Option("y", "Networks")),
    )
    table = Prompt(
        "demo.l",
        "list",
        "T",
        "Q?",
        "demo",
        fields=(Field("p", "Principle", "choice", ("Benefit", "The seventh principle")),),
    )
    assert names_the_seventh(rating) == ["demo.r: seventh (A principle we cannot name)"]
    assert names_the_seventh(choice) == ["demo.c: x (Innovation Development)"]
    assert names_the_seventh(table) == ["demo.l: The seventh principle (The seventh principle)"]


# ---- the course's own knowledge checks ----------------------------------------------


def test_every_module_quiz_is_counted(catalogue: Catalogue) -> None:
    """The rules cover a real set: every quiz of every module, at least one per module."""
    modules = {p.module for p in quizzes(catalogue)}
    with_prompts = {m.id for m in catalogue.modules.values() if m.prompts}
    assert modules == with_prompts


def test_each_quiz_has_one_right_answer_and_teaching_feedback(catalogue: Catalogue) -> None:
    for q in quizzes(catalogue):
        assert len(q.options) >= 3, f"{q.id}: give at least three options"
        assert sum(o.correct for o in q.options) == 1, f"{q.id}: exactly one right answer"
        for o in q.options:
            n = len(words(o.feedback))
            assert n >= MIN_FEEDBACK_WORDS, f"{q.id}/{o.id}: feedback of {n} words cannot teach"
            assert not VERDICT.match(o.feedback), f"{q.id}/{o.id}: the page adds the verdict"
        labels = [o.label.strip().lower() for o in q.options]
        assert len(set(labels)) == len(labels), f"{q.id}: two options read the same"


def test_right_answers_are_balanced_across_the_course(catalogue: Catalogue) -> None:
    """Length and position give nothing away, taken over all the course's quizzes."""
    assert balance_problems(quizzes(catalogue)) == []


def test_quizzes_do_not_reuse_the_teaching_examples(catalogue: Catalogue) -> None:
    """A question or option shares no run of eight words with any module page, so a
    learner answers from understanding, not from recognising a sentence."""
    pages = {name: runs(text) for name, text in module_prose().items()}
    copied = []
    for q in quizzes(catalogue):
        for part in (q.question, *(o.label for o in q.options)):
            for name, page_runs in pages.items():
                shared = runs(part) & page_runs
                if shared:
                    copied.append(f"{q.id} and {name}: {' '.join(sorted(shared)[0])}")
    assert not copied, "write a fresh scenario:\n" + "\n".join(copied)


@pytest.mark.parametrize("kind", ["rating", "choice", "checklist", "list"])
def test_no_exercise_offers_the_seventh_principle(catalogue: Catalogue, kind: str) -> None:
    """Its name is not confirmed, so nobody is asked to rate, choose or tick it."""
    found = [
        hit for p in catalogue.prompts.values() if p.kind == kind for hit in names_the_seventh(p)
    ]
    assert not found, "remove these items or options:\n" + "\n".join(found)

"""Knowledge checks that teach, and no exercise that treats the unconfirmed seventh
principle as known.

The balance rules (issue 12) are measured over every quiz in the course together:

- the right answer is the longest option in at most a third of the questions, so that
  length gives nothing away;
- no position (A, B, C, ...) holds more than 40 percent of the right answers;
- every position that any question has is the right one somewhere;
- each question has exactly one right answer and teaching feedback for every option.

A check must need the module (issue 21):

- a test-wise reader who has not read the module, and picks the option that sounds most
  collaborative and says nothing absolute, gets at most 40 percent of the course's checks
  right; so does a reader who has learned to distrust that option and picks the least
  collaborative-sounding one (the rule and its calibration are described at
  :func:`guess_without_reading`);
- no check is about sources: its question does not ask what the Guide, NHS Horizons or the
  course says, calls, lists or describes (or whether they do), and its right answer is not
  a statement about a source (:func:`about_sources`).

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


# ---- the test-wise rule ---------------------------------------------------------------

COLLABORATIVE = (
    "listen", "involv", "shar", "explor", "together", "learn", "ask", "invit", "adapt",
    "connect", "trust", "relation", "partner", "convers", "discuss", "understand", "reflect",
    "shap", "help", "support", "collaborat", "engag", "agree", "hear", "respect", "peer",
    "voice", "safe", "open", "mutual", "joint", "both", "each", "alongside", "combin", "mix",
    "balanc", "weigh", "bring",
)  # fmt: skip
"""Word beginnings that make an option sound collaborative, listening or balanced: the
values the course teaches, so the words a test-wise reader looks for."""

DIRECTIVE = (
    "tell", "instruct", "requir", "insist", "enforc", "mandat", "order", "impos", "push",
    "overrid", "firm", "stick", "direct",
)  # fmt: skip
"""Word beginnings that make an option sound like telling people; each takes a point off."""

ABSOLUTES = frozenset(
    {
        "always", "never", "only", "all", "every", "everything", "must", "just", "completely",
        "entirely", "exactly", "fully", "totally", "wholly", "solely", "simply", "none",
        "nothing", "nobody", "certain", "guarantee", "alone",
    }
)  # fmt: skip
"""Whole words that make an option sound absolute, which test-wise readers avoid."""

TEST_WISE_LIMIT = 0.40
"""The most either rule may get right, as a share of the course's checks."""

BEFORE_REWRITE = (23, 33)
"""What :func:`guess_without_reading` got right on the course's checks before issue 21's rewrite
(the reviewer, applying the rule by hand, got 22 of the same 33)."""


def label_words(text: str) -> list[str]:
    return re.findall(r"[a-z]+(?:'[a-z]+)?", text.lower().replace("\u2019", "'"))


def collaborative(label: str) -> int:
    """Collaborative-sounding words in a label, less the words that sound like telling."""
    ws = label_words(label)
    friendly = sum(w.startswith(s) for w in ws for s in COLLABORATIVE)
    return friendly - sum(w.startswith(s) for w in ws for s in DIRECTIVE)


def absolutes(label: str) -> int:
    return sum(w in ABSOLUTES for w in label_words(label))


def guess_without_reading(quiz: Prompt) -> int:
    """The option a test-wise reader picks without reading the module (0-based).

    The rule, applied mechanically: prefer the options with the fewest absolute words
    (:data:`ABSOLUTES`); among those, the one that sounds most collaborative
    (:func:`collaborative`); a tie goes to the longer label (test-wise readers favour the
    longest answer, which the balance rules keep from helping), then to the earlier
    position. Calibration: on the 33 checks before the rewrite it got 23 right
    (:data:`BEFORE_REWRITE`), close to the reviewer's 22.
    """
    return max(
        range(len(quiz.options)),
        key=lambda i: (
            -absolutes(quiz.options[i].label),
            collaborative(quiz.options[i].label),
            len(quiz.options[i].label),
            -i,
        ),
    )


def guess_against_the_grain(quiz: Prompt) -> int:
    """The option a reader picks who has learned that the friendly option is a trap: the
    least collaborative-sounding one (ties as in :func:`guess_without_reading`)."""
    return max(
        range(len(quiz.options)),
        key=lambda i: (-collaborative(quiz.options[i].label), len(quiz.options[i].label), -i),
    )


def rule_gets_right(quiz_list: list[Prompt], pick) -> list[str]:
    """The ids of the checks that a picking rule answers correctly."""
    return [q.id for q in quiz_list if q.options[pick(q)].correct]


# ---- checks about sources -------------------------------------------------------------

SOURCE = r"(?:the guide|nhs horizons|horizons|the companion|this course|the course)"
SOURCE_QUESTION = [
    re.compile(rf"\bwhat (?:does|do|did) {SOURCE}\b[^?]*\b(?:says?|calls?|lists?|names?|"
               rf"describes?|defines?|sets? out|mean by)\b"),
    re.compile(rf"\b(?:whether|if) {SOURCE}\b"),
    re.compile(rf"\baccording to {SOURCE}\b"),
    re.compile(r"\bwhat (?:it|they|the [a-z ]+) (?:is|are) called\b"),
    re.compile(r"\bwhere (?:does|do|did) [^?]*\bcome from\b"),
]  # fmt: skip
"""Questions whose point is what a source says, or where an idea comes from."""

SOURCE_ANSWER = [
    re.compile(rf"\b{SOURCE} (?:says|calls|lists|names|describes|confirms|does not)\b"),
    re.compile(r"\b(?:part of|in|outside) the guide\b"),
    re.compile(r"\b(?:horizons|separate|companion) (?:resource|publication|blog)\b"),
]  # fmt: skip
"""Right answers that are statements about a source rather than about the work."""


def about_sources(quiz: Prompt) -> list[str]:
    """Why a check tests where an idea comes from instead of how to do the work (empty if it
    does not): the question asks what a source says, or the right answer is about one."""
    right = quiz.options[right_position(quiz)].label.lower()
    question = " ".join(quiz.question.lower().split())
    found = [f"question: {p.search(question)[0]!r}" for p in SOURCE_QUESTION if p.search(question)]
    found += [f"right answer: {p.search(right)[0]!r}" for p in SOURCE_ANSWER if p.search(right)]
    return found


# ---- the rules themselves, shown to catch what they should --------------------------


def quiz(pid: str, labels: list[str], right: int, question: str = "Q?") -> Prompt:
    fb = "This option is explained here in enough words to teach something."
    options = tuple(Option(f"o{i}", label, i == right, fb) for i, label in enumerate(labels))
    return Prompt(pid, "quiz", "T", question, "demo", options=options)


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


def test_the_test_wise_guess_takes_the_friendly_option_without_absolutes() -> None:
    q = quiz(
        "demo.friendly",
        [
            "Tell the team to use the new form from Monday.",
            "Listen to every concern and share all the evidence together.",
            "Ask the team what the form changes, and explore it together.",
            "Leave the form for now and see what happens next year.",
        ],
        right=0,
    )
    assert guess_without_reading(q) == 2  # the most collaborative with no absolutes
    assert guess_against_the_grain(q) == 0  # the one that sounds most like telling


def test_the_guesses_break_ties_by_length_then_position() -> None:
    same = quiz("demo.tie", ["A broker", "An energiser", "A link"], right=0)
    assert guess_without_reading(same) == 1  # no cue at all: the longest label
    level = quiz("demo.level", ["Option one.", "Option two."], right=0)
    assert guess_without_reading(level) == 0  # same length too: the earlier one


def test_the_test_wise_rule_catches_checks_that_reward_it() -> None:
    """A set where the friendly option is always right lets the rule score full marks."""
    giveaway = [
        quiz(f"demo.q{n}", ["Insist on the plan.", "Ask, listen and learn together.", "Wait."], 1)
        for n in range(5)
    ]
    assert len(rule_gets_right(giveaway, guess_without_reading)) == 5
    assert rule_gets_right(giveaway, guess_against_the_grain) == []


def test_source_rule_finds_checks_about_where_an_idea_comes_from() -> None:
    """The kinds of check issue 21 named: each is caught, and a scenario check is not."""
    status = quiz(
        "demo.status",
        ["Innovation Development.", "There is no seventh.", "This course does not confirm it."],
        right=2,
        question="A colleague asks what the seventh principle is called. What do you say?",
    )
    thread = quiz(
        "demo.thread",
        ["The relational side.", "Measures.", "Evidence."],
        right=0,
        question="What does NHS Horizons describe as common to all of them?",
    )
    companion = quiz("demo.companion", ["A chapter of the Guide.", "A Horizons resource."], 1)
    enough = quiz(
        "demo.enough",
        ["When it is simple.", "Never."],
        right=0,
        question="When could a plan be enough? What does the Guide say?",
    )
    scenario = quiz(
        "demo.scenario",
        ["Ask what it changes.", "Hold firm."],
        right=0,
        question="Staff object to a new form. What should the team do?",
    )
    for check in (status, thread, companion, enough):
        assert about_sources(check), check.id
    assert about_sources(scenario) == []


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


def test_the_test_wise_rule_gets_at_most_forty_percent(catalogue: Catalogue) -> None:
    """Picking the most collaborative-sounding option with no absolutes does not pass the
    course: two options sound right in most checks, and the module decides between them."""
    checks = quizzes(catalogue)
    right = rule_gets_right(checks, guess_without_reading)
    before, of = BEFORE_REWRITE
    print(f"test-wise rule: {len(right)} of {len(checks)} right (before: {before} of {of})")
    assert len(right) <= TEST_WISE_LIMIT * len(checks), (
        f"the test-wise rule gets {len(right)} of {len(checks)} right; rewrite some of these "
        "so that a second option sounds just as right:\n" + "\n".join(right)
    )


def test_distrusting_the_friendly_option_does_not_pass_either(catalogue: Catalogue) -> None:
    """Rewriting must not swing the other way, with the right answer always the blunt one."""
    checks = quizzes(catalogue)
    right = rule_gets_right(checks, guess_against_the_grain)
    print(f"opposite rule: {len(right)} of {len(checks)} right")
    assert len(right) <= TEST_WISE_LIMIT * len(checks), "\n".join(right)


def test_no_check_is_about_sources(catalogue: Catalogue) -> None:
    """A check tests how to do the work, not who said what (the callouts and the About page
    teach where ideas come from)."""
    found = [f"{q.id}: {why}" for q in quizzes(catalogue) for why in about_sources(q)]
    assert not found, "ask about the work instead:\n" + "\n".join(found)

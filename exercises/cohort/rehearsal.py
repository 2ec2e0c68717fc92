"""Rehearsal data: realistic, made-up share files for a whole cohort.

A facilitator can rehearse a session with them, and we can measure how the summary
scales. Everything is drawn from a seeded random generator, so the same seed gives the
same files. The answers follow the catalogue, whatever modules it holds: most learners
are part-way through the course, ratings cluster around a middle that differs by
question, positions lean towards the complex corner, most knowledge checks are right,
and about a third of written answers are shared. Deliberately damaged files are added
only when asked for (``bad=True``), to show how the summary reports them.
"""

from __future__ import annotations

import datetime as _dt
import json
import random
from pathlib import Path
from typing import Any

from ..catalogue import Catalogue, course_catalogue
from ..model import Answer, Prompt
from ..workbook import FORMAT as WORKBOOK_FORMAT
from .folder import share_files
from .share_file import (
    MAX_SHARE_BYTES,
    Share,
    ShareError,
    build_share,
    is_free_text,
    new_nickname,
    write_share,
)

DEMO_START = _dt.datetime(2026, 1, 12, 9, 30, tzinfo=_dt.timezone.utc)
"""When the first rehearsal file is stamped as made (the rest follow over a fortnight)."""

SHARE_RATE = 0.35
"""The chance that a learner shares any one of their written answers."""

_LEARNED = [
    "Spread is a social process: the relationships matter as much as the evidence.",
    "Adopting teams will change what we give them, and that is a good sign, not a failure.",
    "I had been pushing our new discharge checklist at people instead of asking what they need.",
    "A plan is still useful, but I need to leave room for what we cannot predict.",
    "The people who connect teams are often invisible, and they need recognising.",
    "It helps to start from the problem people already feel, not from our solution.",
    "Small, safe conversations across boundaries moved things faster than formal meetings.",
    "Learning from the second and third sites matters as much as the first pilot.",
    "Our care homes see the same change very differently from the hospital team.",
    "I can lead this without being in charge of everyone involved.",
]
_PRACTICE = [
    "I will ask the ward teams what would make the new pathway worth their time.",
    "I will book a monthly huddle with the district nurses to hear what is not working.",
    "I will share our early results with the voluntary sector partners before the board.",
    "I will stop sending long updates and start short conversations instead.",
    "I will map who already connects our GP practices and invite them in early.",
    "I will write down what each site changes, so the next site can learn from it.",
    "I will ask a carer to help us explain the benefit in plain words.",
    "I will make time in team meetings to say what went wrong as well as what went well.",
]
_REFLECTION = [
    "We are spreading a virtual ward model for frail older people across three places.",
    "A falls-prevention programme that worked in one care home group stalled in the next.",
    "Our community pharmacy scheme relies on two enthusiastic people and little else.",
    "The digital referral form saved time in outpatients but nobody owned it elsewhere.",
    "A social prescribing link-worker role that grew out of a local charity partnership.",
    "Paramedics in one area started a new frailty assessment, and others want to try it.",
    "The new wound-care pathway stalled when the practice nurse who led it moved on.",
    "Families told us the hospital discharge letters made no sense, so we co-wrote new ones.",
    "Our mental health crisis café works because local people run it with us.",
    "A shared care record pilot that clinicians liked but managers never funded.",
    "We tried to copy another trust's sepsis tool exactly and it did not fit our wards.",
    "Community connectors in the voluntary sector reach people our clinics never see.",
]
_ROW_TEXT = [
    "Practice manager at a GP surgery",
    "Lead nurse for the care home team",
    "Volunteer coordinator at a local charity",
    "Consultant who chairs the frailty network",
    "Pharmacist in the primary care network",
    "Carer who sits on our patient panel",
    "Social worker in the hospital discharge team",
    "Digital lead at the integrated care board",
]
_ACTIONS = [
    ("Meet the care home managers to hear their concerns", "Me and the lead nurse"),
    ("Invite two adopting sites to a shared learning session", "Our improvement team"),
    ("Write a one-page story of the benefit for families", "Me with the patient panel"),
    ("Ask the network chair for ten minutes at the next meeting", "Me"),
    ("Find out who already links the GP practices", "Practice manager"),
    ("Set up a simple log of what each site adapts", "Project support officer"),
]
_TRICKY = [
    "<script>alert('hello')</script> We should <b>never</b> trust pasted markup.",
    '=HYPERLINK("http://example.invalid","click me") is what I typed first.',
    "+44 for the phone line; -5% on waiting times; @everyone in the team chat",
]


def _free_text(prompt: Prompt, rng: random.Random) -> Any:
    """A made-up written answer that fits the prompt's kind."""
    if prompt.kind == "text":
        if prompt.id.endswith(".learned"):
            return rng.choice(_LEARNED)
        if prompt.id.endswith(".practice"):
            return rng.choice(_PRACTICE)
        return rng.choice(_REFLECTION)
    if prompt.kind == "actions":
        rows = []
        for what, who in rng.sample(_ACTIONS, rng.randint(1, 3)):
            when = DEMO_START.date() + _dt.timedelta(days=rng.randint(7, 70))
            rows.append({"what": what, "who": who, "when": when.isoformat()})
        return rows
    rows = []
    for _ in range(rng.randint(1, 4)):
        rows.append(
            {
                f.id: rng.choice(f.options) if f.kind == "choice" else rng.choice(_ROW_TEXT)
                for f in prompt.columns
            }
        )
    return rows


class _Tastes:
    """What this cohort tends to answer, drawn once per prompt so learners agree a bit."""

    def __init__(self, catalogue: Catalogue, rng: random.Random) -> None:
        self.centre: dict[tuple[str, str], float] = {}
        self.weights: dict[str, list[float]] = {}
        self.tick: dict[tuple[str, str], float] = {}
        for prompt in catalogue.prompts.values():
            top = len(prompt.scale)
            for item in prompt.items or ():
                self.centre[prompt.id, item.id] = rng.uniform(0.35, 0.8) * top + 0.5
            if prompt.kind == "rating" and not prompt.items:
                self.centre[prompt.id, ""] = rng.uniform(0.35, 0.8) * top + 0.5
            if prompt.kind == "choice":
                self.weights[prompt.id] = [rng.gammavariate(1.2, 1.0) for _ in prompt.options]
            for option in prompt.options if prompt.kind == "checklist" else ():
                self.tick[prompt.id, option.id] = rng.uniform(0.15, 0.75)


def _value(prompt: Prompt, tastes: _Tastes, tilt: float, rng: random.Random) -> Any:
    """A made-up structured answer that fits the prompt."""
    kind = prompt.kind
    if kind == "rating":
        top = len(prompt.scale)

        def rate(item: str) -> int:
            return min(top, max(1, round(rng.gauss(tastes.centre[prompt.id, item] + tilt, 0.8))))

        return {i.id: rate(i.id) for i in prompt.items} if prompt.items else rate("")
    if kind == "choice":
        return rng.choices([o.id for o in prompt.options], tastes.weights[prompt.id])[0]
    if kind == "quiz":
        right = [o.id for o in prompt.options if o.correct]
        wrong = [o.id for o in prompt.options if not o.correct]
        return right[0] if rng.random() < 0.75 else rng.choice(wrong)
    if kind == "checklist":
        return [o.id for o in prompt.options if rng.random() < tastes.tick[prompt.id, o.id]]
    if kind == "position":
        assert prompt.x is not None and prompt.y is not None
        return {
            axis: min(a.steps, max(1, round(rng.gauss(0.72 * a.steps + 0.3, a.steps / 4))))
            for axis, a in (("x", prompt.x), ("y", prompt.y))
        }
    return _free_text(prompt, rng)


def demo_shares(
    learners: int,
    cohort: str,
    seed: int = 1,
    catalogue: Catalogue | None = None,
) -> list[Share]:
    """Made-up share files for ``learners`` people in one cohort (each nickname unique)."""
    if isinstance(learners, bool) or not isinstance(learners, int) or learners < 1:
        raise ValueError("The number of learners must be a whole number of at least 1.")
    catalogue = catalogue or course_catalogue()
    rng = random.Random(seed)
    tastes = _Tastes(catalogue, rng)
    modules = [m for m in catalogue.modules.values() if m.prompts]
    nicknames: set[str] = set()
    shares = []
    for n in range(learners):
        nickname = new_nickname(rng)
        while nickname in nicknames:
            nickname = new_nickname(rng)
        nicknames.add(nickname)
        reached = min(len(modules), max(1, round(rng.gauss(0.7, 0.3) * len(modules))))
        tilt = rng.gauss(0, 0.5)
        answers: dict[str, Answer] = {}
        for number, module in enumerate(modules[:reached], start=1):
            keen = 0.6 if number == reached < len(modules) else 0.92
            for prompt in module.prompts:
                if rng.random() < keen:
                    value = _value(prompt, tastes, tilt, rng)
                    answers[prompt.id] = Answer(prompt.id, value, "")
        free = [pid for pid in answers if is_free_text(catalogue.prompts[pid])]
        chosen = [pid for pid in free if rng.random() < SHARE_RATE]
        made = DEMO_START + _dt.timedelta(minutes=n * 20160 / learners + rng.uniform(0, 5))
        shares.append(
            build_share(
                answers, catalogue, cohort, nickname, chosen, made.isoformat(timespec="seconds")
            )
        )
    return shares


def _bad_files(shares: list[Share], catalogue: Catalogue) -> dict[str, bytes]:
    """One damaged or out-of-place file for each way a share file can go wrong."""
    good = shares[0].doc

    def variant(**changes: Any) -> bytes:
        return json.dumps({**good, **changes}).encode()

    files = {
        "broken-json.json": json.dumps(good).encode()[:-20],
        "empty.json": b"",
        "not-text.json": b"\xff\xfe\x00\x00 not UTF-8 \x80\x81",
        "a-list.json": b"[1, 2, 3]",
        "whole-workbook.json": json.dumps({"format": WORKBOOK_FORMAT, "version": 1}).encode(),
        "newer-version.json": variant(version=99),
        "missing-field.json": json.dumps(
            {k: v for k, v in good.items() if k != "made_at"}
        ).encode(),
        "extra-field.json": variant(name="Dr Jane Example"),
        "wrong-type.json": variant(answered="all of them"),
        "unknown-question.json": variant(
            answered=[*good["answered"], "nosuch.question"],
            answers={**good["answers"], "nosuch.question": 3},
        ),
        "other-cohort.json": variant(cohort="ANOTHER-GROUP", nickname="quiet-walrus-1234"),
        "too-big.json": b" " * (MAX_SHARE_BYTES + 1),
        f"{shares[0].filename[:-5]}-older.json": variant(made_at="2000-01-01T00:00:00+00:00"),
    }
    rating = next((p for p in catalogue.prompts.values() if p.kind == "rating"), None)
    if rating is not None:
        value = {rating.items[0].id: 99} if rating.items else 99
        answered = good["answered"]
        if rating.id not in answered:
            answered = [*answered, rating.id]
        files["out-of-scale.json"] = variant(
            answered=answered, answers={**good["answers"], rating.id: value}
        )
    return files


def write_demo(
    folder: Path | str,
    learners: int,
    cohort: str,
    seed: int = 1,
    catalogue: Catalogue | None = None,
    bad: bool = False,
) -> list[Path]:
    """Write a rehearsal cohort's share files into ``folder`` (made if needed; it must not
    already hold share files). With ``bad=True``, add damaged files and a few valid files
    whose text holds markup or spreadsheet formulas, to show how the summary copes."""
    target = Path(folder).expanduser()
    target.mkdir(parents=True, exist_ok=True)
    if share_files(target):
        raise ShareError(
            f"{target} already holds .json files; choose an empty folder for rehearsal data."
        )
    catalogue = catalogue or course_catalogue()
    shares = demo_shares(learners, cohort, seed, catalogue)
    written = [write_share(s, target / s.filename) for s in shares]
    if bad:
        texts = [p for p in catalogue.prompts.values() if p.kind == "text"]
        rng = random.Random(seed + 1)
        taken = {s.doc["nickname"] for s in shares}
        for n, words in enumerate(_TRICKY if texts else ()):
            prompt = texts[n % len(texts)]
            answers = {prompt.id: Answer(prompt.id, words, "")}
            nickname = new_nickname(rng)
            while nickname in taken:
                nickname = new_nickname(rng)
            share = build_share(answers, catalogue, cohort, nickname, [prompt.id])
            written.append(write_share(share, target / f"tricky-text-{n + 1}.json"))
        for name, data in _bad_files(shares, catalogue).items():
            path = target / name
            path.write_bytes(data)
            written.append(path)
    return written

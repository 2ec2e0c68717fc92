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
from ..kinds import check_value, kind_of
from ..kinds.samples import REHEARSAL_START as DEMO_START
from ..model import Answer, AnswerError, Prompt
from ..workbook_file import FORMAT as WORKBOOK_FORMAT
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

SHARE_RATE = 0.35
"""The chance that a learner shares any one of their written answers."""

_TRICKY = [
    "<script>alert('hello')</script> We should <b>never</b> trust pasted markup.",
    '=HYPERLINK("http://example.invalid","click me") is what I typed first.',
    "+44 for the phone line; -5% on waiting times; @everyone in the team chat",
]


def _tastes(catalogue: Catalogue, rng: random.Random) -> dict[str, Any]:
    """What this cohort tends to answer, drawn once per prompt so learners agree a bit."""
    return {p.id: kind_of(p).rehearsal_taste(p, rng) for p in catalogue.prompts.values()}


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
    tastes = _tastes(catalogue, rng)
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
                    value = kind_of(prompt).rehearsal(prompt, tastes[prompt.id], tilt, rng)
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
    counted = next((p for p in catalogue.prompts.values() if not kind_of(p).free_text), None)
    if counted is not None:  # an answer to an earlier version of a counted question
        value = kind_of(counted).examples(counted).unfit[0]
        answered = good["answered"]
        if counted.id not in answered:
            answered = [*answered, counted.id]
        files["answer-does-not-fit.json"] = variant(
            answered=answered, answers={**good["answers"], counted.id: value}
        )
    return files


def _takes(prompt: Prompt, words: str) -> bool:
    """True when a written answer of these words fits ``prompt``."""
    try:
        check_value(prompt, words)
    except AnswerError:
        return False
    return kind_of(prompt).free_text


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
        texts = [p for p in catalogue.prompts.values() if all(_takes(p, w) for w in _TRICKY)]
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

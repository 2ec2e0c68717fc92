"""The previews' words (exercises/wording.py), and the same words from the website's
script: Jupyter and the website say the same thing about the same workbook and share file."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from exercises.catalogue import Catalogue
from exercises.cohort.share_file import build_share, describe
from exercises.kinds import check_value, kind_of
from exercises.model import Answer, AnswerError
from exercises.site import site_data
from exercises.wording import (
    answer_words,
    counted,
    course_order,
    fill,
    import_summary,
    question,
)
from exercises.workbook_merge import plan_import, read_upload

REPO = Path(__file__).resolve().parents[1]
NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)


def test_fill_puts_values_in_as_they_are() -> None:
    assert fill("{a} and {b}", a="{b}", b=2) == "{b} and 2"
    assert counted(["k", "{n} answer", "{n} answers"], 1) == "1 answer"
    assert counted(["{n} answer", "{n} answers"], 0) == "0 answers"


def test_a_question_is_named_with_its_module(catalogue: Catalogue) -> None:
    """Every module has "What I learned": the name says which module's it is."""
    names = {question(catalogue, f"{m}.learned") for m in catalogue.modules}
    assert len(names) == len(catalogue.modules)
    assert question(catalogue, "mindset.learned") == (
        "What I learned (Module 1, The new mindset: why spreading change is hard)"
    )
    assert "does not have (gone.q)" in question(catalogue, "gone.q")


def test_course_order_puts_unknown_questions_last(catalogue: Catalogue) -> None:
    ids = ["zz.unknown", "capstone.plan-summary", "mindset.my-innovation", "aa.unknown"]
    assert course_order(catalogue, ids) == [
        "mindset.my-innovation",
        "capstone.plan-summary",
        "aa.unknown",
        "zz.unknown",
    ]


def test_the_summary_always_gives_the_first_three_counts_and_the_others_when_they_count() -> None:
    text = import_summary({"added": 1, "replaced": 0, "kept": 2, "damaged": 3})
    assert text.startswith("1 answer will be added; 0 answers will be replaced by a newer one;")
    assert "2 answers will stay as they are" in text
    assert "3 answers in the file are damaged" in text and "the same in both" not in text


def test_a_written_answer_is_quoted_short_on_one_line() -> None:
    assert answer_words("  two\nlines ") == "two lines"
    rows = [{"what": "Call Jo", "who": "", "when": "2027-01-05"}, {"what": "Visit"}]
    assert answer_words(rows) == "Call Jo; 2027-01-05 / Visit"
    long = answer_words("word " * 100)
    assert len(long) == 120 and long.endswith("…")


# --- the website says the same -------------------------------------------------------


def _fit(prompt: Any) -> Any:
    return kind_of(prompt).examples(prompt).fit[0]


def _unfit(prompt: Any) -> Any:
    for value in kind_of(prompt).examples(prompt).unfit:
        try:
            check_value(prompt, value)
        except AnswerError:
            return value
    return None


def _stamp(rng: random.Random, future: bool = False) -> str:
    days = rng.randint(1, 900) * (-1 if not future else 400)
    return (NOW + dt.timedelta(days=days, seconds=rng.randint(0, 86_000))).isoformat()


def _pair(catalogue: Catalogue, rng: random.Random) -> tuple[dict[str, Answer], str]:
    """Answers of ours, and a workbook file to load over them, of every kind of change."""
    prompts = rng.sample(list(catalogue.prompts.values()), 14)
    ours: dict[str, Answer] = {}
    entries: dict[str, Any] = {}
    for n, prompt in enumerate(prompts):
        value = _fit(prompt)
        case = n % 7
        if case in (1, 2, 3, 4):  # we have one too: same, older, newer, or theirs from the future
            ours[prompt.id] = Answer(prompt.id, value, _stamp(rng))
        other = value if case == 1 else (f"Other {n}" if isinstance(value, str) else value)
        if case == 5 and _unfit(prompt) is not None:
            other = _unfit(prompt)
        entries[prompt.id] = {"value": other, "saved_at": _stamp(rng, future=case == 4)}
        if case == 6:
            entries[prompt.id] = {"value": value, "saved_at": "soon"}  # damaged
    entries["gone.question"] = {"value": "kept as it is", "saved_at": _stamp(rng)}
    entries["broken.entry"] = "not an answer"
    doc = {"format": "spread-course-workbook", "version": 1, "answers": entries}
    return ours, json.dumps(doc)


def _python_import(catalogue: Catalogue, ours: dict[str, Answer], text: str) -> dict[str, Any]:
    plan = plan_import(read_upload(text.encode()), ours, catalogue.check, now=NOW)
    return {"summary": plan.summary(), "lines": plan.lines(catalogue)}


SKIP_REASON = re.compile(r"(cannot be used: ).*$")
"""A question that no longer fits is refused by each language's own checker, whose words
differ; the rest of its line is the same."""


def _masked(lines: list[str]) -> list[str]:
    return [SKIP_REASON.sub(r"\1…", line) for line in lines]


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js runs the site's script")
def test_the_website_and_jupyter_say_the_same_about_the_same_files(
    catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same workbooks loaded over the same answers, and the same share files: the
    import preview's summary and lines, and the share preview's lines, are the same text."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    rng = random.Random(11)
    pairs = [_pair(catalogue, rng) for _ in range(12)]
    shares = []
    for n in range(8):
        prompts = rng.sample(list(catalogue.prompts.values()), 25)
        answers = {p.id: Answer(p.id, _fit(p), _stamp(rng)) for p in prompts}
        bad = next(p for p in prompts if _unfit(p) is not None)
        answers[bad.id] = Answer(bad.id, _unfit(bad), _stamp(rng))
        free = [p.id for p in prompts if kind_of(p).free_text and p.id != bad.id]
        shares.append((answers, f"LEEDS-{n}", f"amber-heron-{1000 + n}", free[: n % 3]))
    batch = {
        "data": site_data(catalogue),
        "imports": [
            {
                "ours": {p: {"value": a.value, "saved_at": a.saved_at} for p, a in ours.items()},
                "file": text,
                "now": NOW.isoformat(),
            }
            for ours, text in pairs
        ],
        "shares": [
            {
                "answers": {p: {"value": a.value, "saved_at": a.saved_at} for p, a in ans.items()},
                "cohort": cohort,
                "nickname": nick,
                "chosen": chosen,
            }
            for ans, cohort, nick, chosen in shares
        ],
    }
    path = tmp_path / "batch.json"
    path.write_text(json.dumps(batch), encoding="utf-8")
    out = subprocess.run(
        ["node", str(REPO / "tests/js/preview-words.mjs"), str(path)],
        capture_output=True,
        encoding="utf-8",
        env={"TZ": "UTC", "PATH": shutil.which("node").rsplit("/", 1)[0]},  # type: ignore[union-attr]
        check=False,
    )
    assert out.returncode == 0, out.stderr
    website = json.loads(out.stdout)
    actions = set()
    for (ours, text), theirs in zip(pairs, website["imports"], strict=True):
        mine = _python_import(catalogue, ours, text)
        assert theirs["summary"] == mine["summary"]
        assert _masked(theirs["lines"]) == _masked(mine["lines"])
        actions |= {
            a
            for line in mine["lines"]
            for a in ("added", "replace", "stays", "cannot be used", "cannot be read")
            if a in line
        }
    assert len(actions) == 5, f"every kind of change was tried: {actions}"
    for (answers, cohort, nick, chosen), theirs in zip(shares, website["shares"], strict=True):
        share = build_share(answers, catalogue, cohort, nick, chosen)
        assert theirs == describe(share, catalogue)

"""The capstone's progress view drawn by the page script reads exactly as Python's.

The page draws "My progress" at once from the answers in the browser
(``book/_static/course-capstone.js``), with the rule of :func:`exercises.plan.progress`
(JavaScript's ``validate``/``isEmpty`` on the schemas Python writes) and the wording the
build takes from :func:`exercises.plan.progress_doc` (``site_answer_scripts.progress_view``).
Here both draw the same answers for the whole course and must give the same HTML.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from exercises.catalogue import Catalogue
from exercises.kinds import kind_of
from exercises.model import Answer
from exercises.plan import progress_doc
from exercises.report import to_fragment
from exercises.site import site_data
from exercises.timefmt import today_words

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "book" / "_ext"))

from site_answer_scripts import progress_view  # noqa: E402

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is needed")


def js_progress(catalogue: Catalogue, answers: dict[str, Answer], tmp_path: Path) -> str:
    data = {**site_data(catalogue), "progressView": progress_view(catalogue)}
    job = {
        "data": data,
        "answers": {pid: {"value": a.value, "saved_at": a.saved_at} for pid, a in answers.items()},
        "day": today_words(),
    }
    path = tmp_path / "job.json"
    path.write_text(json.dumps(job), encoding="utf-8")
    done = subprocess.run(
        ["node", str(REPO / "tests/js/progress-html.mjs"), str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def mixed_answers(catalogue: Catalogue) -> dict[str, Answer]:
    """Module 1 complete; elsewhere most questions answered, some blank, some missing and
    some given to an earlier version."""
    rng = random.Random(3)
    first = set(next(iter(catalogue.modules.values())).prompts)
    answers = {}
    for n, (pid, prompt) in enumerate(catalogue.prompts.items()):
        kind = kind_of(prompt)
        value: Any = kind.rehearsal(prompt, kind.rehearsal_taste(prompt, rng), 0.0, rng)
        if prompt in first:
            pass
        elif n % 7 == 3:
            value = {"an old": "shape"}  # fits no question now
        elif n % 11 == 5:
            value = "   " if prompt.kind == "text" else []
        elif n % 13 == 0:
            continue
        answers[pid] = Answer(pid, value, "2026-11-20T09:00:00+00:00")
    return answers


def test_the_page_draws_the_progress_python_builds(catalogue: Catalogue, tmp_path: Path) -> None:
    answers = mixed_answers(catalogue)
    expected = to_fragment(progress_doc(catalogue, answers), level=3)
    assert "the question has changed" in expected and "Nothing – complete" in expected
    assert js_progress(catalogue, answers, tmp_path) == expected


def test_an_empty_browser_draws_every_module_left_to_do(
    catalogue: Catalogue, tmp_path: Path
) -> None:
    expected = to_fragment(progress_doc(catalogue, {}), level=3)
    assert js_progress(catalogue, {}, tmp_path) == expected

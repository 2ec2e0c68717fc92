"""A small, stable catalogue and helpers for the share-file and cohort tests.

It holds the two prompts the cohort summary features (``principles.baseline`` and
``complexity.position``) and one prompt of every other kind, so the tests do not depend
on the course's own modules, which are still being written.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from exercises.catalogue import Catalogue, load_catalogue
from exercises.cohort.share_file import build_share, preview
from exercises.model import Answer
from tests.test_catalogue import write_module

PRINCIPLES = """\
module: principles
number: 2
title: The principles
minutes: 30
prompts:
  - id: principles.baseline
    kind: rating
    title: My starting point
    question: How well do you use each principle?
    scale: extent
    items:
      - {id: complexity, label: Complexity}
      - {id: leadership, label: Leadership}
      - {id: individual, label: Individual}
      - {id: benefit, label: Benefit}
      - {id: networks, label: Networks}
      - {id: learning, label: Learning}
      - {id: seventh, label: The seventh principle}
  - {id: principles.focus, kind: choice, title: Focus, question: "Which first?",
     options: [{id: one, label: One}, {id: two, label: Two}, {id: three, label: Three}]}
  - {id: principles.learned, kind: text, title: What I learned, question: "What?"}
"""

COMPLEXITY = """\
module: complexity
number: 3
title: Complexity
minutes: 30
prompts:
  - id: complexity.position
    kind: position
    title: Where my change sits
    question: Place it.
    x: {label: Innovation, low: Simple, high: Complex}
    y: {label: Situation, low: Simple, high: Complex}
    quadrants: [Plain sailing, Tricky tool, Tricky place, Convene]
  - {id: complexity.sure, kind: rating, title: Sure, question: "How sure?", scale: confidence}
  - {id: complexity.signs, kind: checklist, title: Signs, question: "Which?",
     options: [{id: a, label: Many teams}, {id: b, label: Shifting}, {id: c, label: Unsure}]}
  - id: complexity.check
    kind: quiz
    title: Check
    question: Which is right?
    options:
      - {id: right, label: Right, correct: true, feedback: That is right}
      - {id: wrong, label: Wrong, feedback: Think again}
  - id: complexity.people
    kind: list
    title: People
    question: Who?
    fields:
      - {id: name, label: Name}
      - {id: role, label: Role, kind: choice, options: [Broker, Energiser]}
  - {id: complexity.next, kind: actions, title: Next steps, question: "What next?"}
  - {id: complexity.story, kind: text, title: My story, question: "What happened?"}
"""

EXTRA = """\
module: extra
number: 4
title: Extra
minutes: 10
prompts:
  - {id: extra.note, kind: text, title: A note, question: "Anything else?"}
"""


def make_catalogue(folder: Path, headline: bool = True) -> Catalogue:
    """The test catalogue in ``folder``; without the headline modules when ``headline`` is
    False (only the extra module)."""
    folder.mkdir(parents=True, exist_ok=True)
    write_module(folder, EXTRA, "extra.yml")
    if headline:
        write_module(folder, PRINCIPLES, "principles.yml")
        write_module(folder, COMPLEXITY, "complexity.yml")
    return load_catalogue(folder)


FULL = {
    "principles.baseline": {
        "complexity": 2,
        "leadership": 3,
        "individual": 4,
        "benefit": 4,
        "networks": 1,
        "learning": 5,
        "seventh": 3,
    },
    "principles.focus": "two",
    "principles.learned": "Spread is social.",
    "complexity.position": {"x": 5, "y": 4},
    "complexity.sure": 4,
    "complexity.signs": ["a", "c"],
    "complexity.check": "right",
    "complexity.people": [{"name": "Priya", "role": "Broker"}],
    "complexity.next": [{"what": "Meet the ward", "who": "Me", "when": "2027-02-01"}],
    "complexity.story": "The pilot stalled when the lead left.",
}
"""One learner's answers to every prompt of the test catalogue."""


def answers(values: dict[str, Any]) -> dict[str, Answer]:
    """Saved answers from a dict of prompt id to value."""
    return {pid: Answer(pid, v, "2027-01-01T00:00:00+00:00") for pid, v in values.items()}


def share_bytes(
    catalogue: Catalogue,
    nickname: str,
    cohort: str = "TEST-1",
    values: dict[str, Any] | None = None,
    share_text: tuple[str, ...] = (),
    made_at: str = "2027-01-15T10:00:00+00:00",
) -> bytes:
    """A valid share file's bytes."""
    share = build_share(
        answers(FULL if values is None else values),
        catalogue,
        cohort,
        nickname,
        share_text,
        made_at,
    )
    return preview(share).encode()


def share_doc(catalogue: Catalogue, nickname: str, **kwargs: Any) -> dict[str, Any]:
    """A valid share file's document, to change in a test."""
    return json.loads(share_bytes(catalogue, nickname, **kwargs))


def put(folder: Path, name: str, data: bytes | dict) -> Path:
    """Write one file into a folder of share files."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else json.dumps(data).encode())
    return path

"""The words of the import preview and the share preview, written once.

Jupyter's panels fill these templates in Python; the website's panel fills the same
templates in JavaScript (``book/_scripts/wording.js``), taking them from
:func:`exercises.site.site_data`. So both places say the same thing about the same files,
and ``tests/test_wording.py`` runs both on the same workbooks and share files and requires
the same text. Every answer is named with its module (two modules both have "What I
learned"), and the lines follow the course's order.

A template holds ``{name}`` slots and nothing else; a count's wording is a pair, one and
many. Pure: no files, no widgets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .timefmt import MONTHS

if TYPE_CHECKING:
    from .catalogue import Catalogue

QUESTION = "{title} (Module {number}, {module})"
"""How a preview names a question: its title, then its module's number and title."""
UNKNOWN_QUESTION = "A question this copy of the course does not have ({id})"
"""How a preview names a question the course does not know."""

IMPORT: dict[str, Any] = {
    "theirs": "the file's answer (saved {at})",
    "mine": "yours (saved {at})",
    "mineUndated": "yours",
    "actions": {
        "add": "{theirs} will be added; you have no answer yet.",
        "replace": "{theirs} will replace {mine}.",
        "keep": "{mine} stays; {theirs} is older.",
        "held": "{mine} stays, because {theirs} has a time later than now.",
        "skip": "{theirs} cannot be used: {reason}",
        "damaged": "the file's answer cannot be read: it {reason}, so it is left out.",
    },
    "clock": (
        " The file's time, {at}, is later than now, so the computer that saved it may have "
        "its clock set wrong."
    ),
    "line": "{question}: {what}",
    "first": [
        ["added", "{n} answer will be added", "{n} answers will be added"],
        ["replaced", "{n} answer will be replaced by a newer one",
         "{n} answers will be replaced by a newer one"],
        ["kept", "{n} answer will stay as it is because yours is newer",
         "{n} answers will stay as they are because yours are newer"],
    ],
    "more": [
        ["same", "{n} answer is the same in both.", "{n} answers are the same in both."],
        ["future",
         "{n} answer in the file carries a time later than now, so the computer that saved "
         "it may have its clock set wrong.",
         "{n} answers in the file carry a time later than now, so the computer that saved "
         "them may have its clock set wrong."],
        ["held", "{n} answer of yours stays, because the file's answer is dated later than now.",
         "{n} answers of yours stay, because the file's answers are dated later than now."],
        ["skipped", "{n} answer cannot be used because it no longer fits its question.",
         "{n} answers cannot be used because they no longer fit their questions."],
        ["damaged", "{n} answer in the file is damaged, so it cannot be read and is left out.",
         "{n} answers in the file are damaged, so they cannot be read and are left out."],
    ],
}  # fmt: skip
"""The import preview: how a saved time's owner is named, one line per question (by what
the import does to it, with the clock note for a time later than now), and the summary:
the ``first`` counts always, in one sentence, then each of ``more`` that is not zero."""

SHARE: dict[str, Any] = {
    "nickname": "Your nickname: {nickname}. Your name is not in the file.",
    "cohort": "Cohort code: {cohort}.",
    "answered": (
        "Which questions you have answered: {n} (a list of question ids only, so your "
        "facilitator can count how far the group has got)."
    ),
    "counted": [
        "Your ratings, choices, ticks, positions and knowledge-check answers for {n} "
        "question: {list}.",
        "Your ratings, choices, ticks, positions and knowledge-check answers for {n} "
        "questions: {list}.",
    ],
    "noneCounted": "No ratings, choices or positions (you have not answered any yet).",
    "written": "Written answer you chose to share – {question}: “{words}”",
    "private": "Not shared (your written answers stay private): {list}.",
    "skipped": "Left out because they no longer fit this copy of the course: {list}.",
    "words": 120,
}
"""The share preview, a line per part of the file; ``words`` is how many characters of a
written answer it quotes."""

_SLOT = re.compile(r"\{([A-Za-z]+)\}")


def fill(template: str, **values: object) -> str:
    """``template`` with each ``{name}`` slot replaced by its value (values as they are)."""
    return _SLOT.sub(lambda m: str(values[m.group(1)]), template)


def counted(forms: list[str], n: int, **values: object) -> str:
    """A count's sentence: ``forms`` is [key, one, many] or [one, many]."""
    one, many = forms[-2:]
    return fill(one if n == 1 else many, n=n, **values)


def question(catalogue: Catalogue, pid: str) -> str:
    """A question as the previews name it, with its module."""
    prompt = catalogue.prompts.get(pid)
    module = catalogue.modules.get(prompt.module) if prompt is not None else None
    if prompt is None or module is None:
        return fill(UNKNOWN_QUESTION, id=pid)
    return fill(QUESTION, title=prompt.title, number=module.number, module=module.title)


def course_order(catalogue: Catalogue, ids: Iterable[str]) -> list[str]:
    """``ids`` in the course's order; questions the course does not know last, sorted."""
    place = {pid: n for n, pid in enumerate(catalogue.prompts)}
    return sorted(ids, key=lambda pid: (place.get(pid, len(place)), pid))


def import_summary(counts: Mapping[str, int]) -> str:
    """The import preview's summary from its counts (``added``, ``replaced``, ``kept``
    (yours stays because it is newer), ``same``, ``future``, ``held``, ``skipped``,
    ``damaged``)."""
    first = "; ".join(counted(f, counts.get(f[0], 0)) for f in IMPORT["first"]) + "."
    more = [counted(f, counts[f[0]]) for f in IMPORT["more"] if counts.get(f[0], 0)]
    return " ".join([first, *more])


def import_line(
    name: str, action: str, theirs_at: str, mine_at: str | None, future: bool, reason: str
) -> str:
    """One question's line: ``action`` is a key of ``IMPORT["actions"]``, the times are in
    words (:func:`exercises.timefmt.local_words`), ``reason`` says why one cannot be used."""
    theirs = fill(IMPORT["theirs"], at=theirs_at)
    mine = fill(IMPORT["mine"], at=mine_at) if mine_at else IMPORT["mineUndated"]
    what = fill(IMPORT["actions"][action], theirs=theirs, mine=mine, reason=reason)
    if future and action != "damaged":
        what += fill(IMPORT["clock"], at=theirs_at)
    return fill(IMPORT["line"], question=name, what=what)


def answer_words(value: Any) -> str:
    """A written answer in one short line, as the share preview quotes it: the text, or
    each row's filled cells joined by "; ", rows by " / "."""
    if isinstance(value, list):
        rows = [
            "; ".join(str(c) for c in row.values() if str(c).strip())
            for row in value
            if isinstance(row, dict)
        ]
        text = " / ".join(r for r in rows if r)
    else:
        text = str(value)
    flat = " ".join(text.split())
    limit = int(SHARE["words"])
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def site_wording() -> dict[str, Any]:
    """Everything above, for the website's script."""
    return {
        "question": QUESTION,
        "unknownQuestion": UNKNOWN_QUESTION,
        "months": list(MONTHS),
        "import": IMPORT,
        "share": SHARE,
    }

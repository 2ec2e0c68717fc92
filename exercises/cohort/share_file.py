"""Share files: what a learner chooses to hand to their group's facilitator.

A share file is made on purpose, from the learner's workbook, and the learner sees
exactly what it holds before it is written. It never holds the learner's name: it
carries a random nickname. Pure logic (no ipywidgets); the only files it touches are
the share file it is asked to write and a small note of the nickname beside the
workbook, so the same learner keeps the same nickname when they share again.

The format, version 1 (every field is required, and no other field is allowed)::

    {
      "format": "spread-course-share",
      "version": 1,
      "nickname": "amber-heron-4821",    # two words and a four-digit number
      "cohort": "LEEDS-2027",            # the code the facilitator gave the group
      "made_at": "2027-01-15T14:32:05.123456+00:00",
      "answered": ["mindset.learned", ...],   # every answered question id, no content
      "answers": {"mindset.push-or-pull": "pull", ...},  # ratings, choices, checklists,
                                                         # quiz answers and positions
      "shared_text": {"mindset.learned": "...", ...}     # only the free text the learner
    }                                                    # chose to share

Free text is the answer to a ``text`` prompt and the rows of a ``list`` or ``actions``
prompt (rows often name colleagues). :func:`exercises.cohort.share_read.read_share`
checks a file thoroughly and raises :class:`ShareError` with a plain reason when it
cannot be used.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypedDict

from ..catalogue import Catalogue
from ..kinds import KIND_SPECS
from ..model import Answer, AnswerError, Prompt, is_empty
from ..safe_text import repaired_value, utf8
from ..timefmt import stamp
from ..versioned_json import SHARE_FORMAT
from ..wording import SHARE, answer_words, counted, course_order, fill, question

FORMAT = SHARE_FORMAT
"""The ``format`` marker every share file carries."""

VERSION = 1
"""The share file schema version this code writes and the newest it reads."""

FIELDS = (
    "format",
    "version",
    "nickname",
    "cohort",
    "made_at",
    "answered",
    "answers",
    "shared_text",
)
"""Every field of a share file, in the order they are written."""

FREE_TEXT_KINDS = frozenset(name for name, spec in KIND_SPECS.items() if spec.free_text)
"""Kinds whose answers are the learner's own words: shared only when they choose (each
kind says so: :attr:`exercises.kinds.KindSpec.free_text`)."""

MAX_SHARE_BYTES = 1_000_000
"""The largest share file that is made or read (1 MB)."""

COHORT_CODE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,22}[A-Za-z0-9])?$")
"""A cohort code: 1 to 24 letters, digits and hyphens, starting and ending with a letter
or digit."""

NICKNAME = re.compile(r"^[a-z]{3,12}-[a-z]{3,12}-[0-9]{4}$")
"""A nickname: two lower-case words and a four-digit number, joined by hyphens."""

# Friendly words that are not people's first names (no Holly, Robin, Rowan or Daisy),
# so a nickname can never look like a name.
_FIRST_WORDS = """
amber azure bold breezy bright brisk calm candid cheery clear cosy crisp dapper eager
earnest fair gentle glad golden grand green happy hardy honest humble jolly jovial keen
kind lively lucid lucky mellow merry misty modest nimble noble patient placid plucky
polite proud quick quiet radiant rapid ready rustic serene shiny silver sincere sleek
smart snowy snug solid sparkly spry steady stellar sturdy sunny swift tender thrifty
tidy topaz tranquil trusty upbeat valiant verdant vivid warm wise witty zesty zippy
"""
_SECOND_WORDS = """
acorn aspen badger beacon beaver birch bison bluebell brook canyon cedar clover comet
cove crane delta dolphin eagle elm falcon fern finch fjord gannet glacier gorse harbour
hare heron island juniper kestrel kingfisher lagoon larch lark lichen lupin lynx maple
meadow meerkat moor newt oak orca osprey otter owl panda pebble pine plover puffin quail
rabbit raven reef ridge river salmon seal sparrow spruce squirrel starling stoat swan
thistle thrush tiger toucan tulip valley vole walrus whale yew zebra
"""
_FIRST = _FIRST_WORDS.split()
_SECOND = _SECOND_WORDS.split()
FIRST_WORDS, SECOND_WORDS = tuple(_FIRST), tuple(_SECOND)
"""The words a nickname is made of (the website's script makes nicknames from them too)."""


class ShareDoc(TypedDict):
    """A share file's document (the format above): what :func:`build_share` makes and
    :func:`read_share` returns once every field is checked."""

    format: str
    version: int
    nickname: str
    cohort: str
    made_at: str
    answered: list[str]
    answers: dict[str, Any]
    shared_text: dict[str, Any]


DAMAGED, WORKBOOK, NEWER, INVALID = "damaged", "workbook", "newer", "invalid"
"""The kinds of reason a share file cannot be read (see :attr:`ShareError.kind`): its bytes
are damaged or cut short; it is a whole workbook; it comes from a newer copy of the course;
or it is not a share file, or one was changed by hand."""


class ShareError(ValueError):
    """A share file cannot be made, written or read; the message is plain English.

    ``kind`` sorts a reading problem into one of a few kinds (:data:`DAMAGED`,
    :data:`WORKBOOK`, :data:`NEWER` or :data:`INVALID`), so a summary can count files set
    aside by reason without showing their names.
    """

    def __init__(self, message: str, kind: str = INVALID) -> None:
        super().__init__(message)
        self.kind = kind


def new_nickname(rng: Any = None) -> str:
    """A random nickname such as ``amber-heron-4821`` (never related to the learner).

    ``rng`` is for rehearsal data only (a seeded ``random.Random``); learners always get
    one drawn from :mod:`secrets`.
    """
    pick = rng or secrets.SystemRandom()
    return f"{pick.choice(_FIRST)}-{pick.choice(_SECOND)}-{pick.randrange(1000, 10000)}"


def check_cohort(code: Any) -> str:
    """The cohort code in capitals, or a ShareError saying what a code looks like."""
    if not isinstance(code, str) or not COHORT_CODE.match(code.strip()):
        shown = code if isinstance(code, str) else type(code).__name__
        raise ShareError(
            f"The cohort code {shown!r} is not valid: use the short code your facilitator "
            "gave you (up to 24 letters, digits and hyphens, for example LEEDS-2027)."
        )
    return code.strip().upper()


def check_nickname(nickname: Any) -> str:
    """The nickname if it has the course's form (two words and a number), else ShareError."""
    if not isinstance(nickname, str) or not NICKNAME.match(nickname.strip()):
        raise ShareError(
            "A nickname is two lower-case words and a four-digit number joined by hyphens, "
            "for example amber-heron-4821."
        )
    return nickname.strip()


def nickname_path(workbook_path: Path) -> Path:
    """Where the nickname is remembered: beside the workbook, named after it."""
    return workbook_path.with_name(f"{workbook_path.stem}.nickname.json")


def read_nickname(workbook_path: Path) -> str | None:
    """The nickname remembered for this workbook, or None if there is none (or it is unusable)."""
    try:
        data = json.loads(nickname_path(workbook_path).read_text(encoding="utf-8"))
        return check_nickname(data.get("nickname"))
    except (OSError, ValueError, AttributeError):
        return None


def remember_nickname(workbook_path: Path, nickname: str) -> None:
    """Keep the nickname beside the workbook so the next share file uses it too."""
    path = nickname_path(workbook_path)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    text = json.dumps({"nickname": check_nickname(nickname)}) + "\n"
    # Private like the workbook beside it (0600), whatever the process's umask.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        os.fchmod(out.fileno(), 0o600)
        out.write(text)


def is_free_text(prompt: Prompt) -> bool:
    """True when the prompt's answer is the learner's own words (text, list or actions)."""
    return KIND_SPECS[prompt.kind].free_text


def usable_answers(
    answers: dict[str, Answer], catalogue: Catalogue
) -> tuple[dict[str, Any], dict[str, str]]:
    """Split saved answers into the non-empty ones that fit the course now, and the reasons
    the others cannot be shared (prompt id to reason), in course order."""
    usable: dict[str, Any] = {}
    skipped: dict[str, str] = {}
    for prompt_id, answer in answers.items():
        if is_empty(answer.value):
            continue
        try:
            usable[prompt_id] = catalogue.check(prompt_id, answer.value)
        except KeyError:
            skipped[prompt_id] = "this copy of the course no longer has that question"
        except AnswerError as err:
            skipped[prompt_id] = f"the saved answer no longer fits the question ({err})"
    order = {pid: n for n, pid in enumerate(catalogue.prompts)}
    usable = dict(sorted(usable.items(), key=lambda kv: order[kv[0]]))
    return usable, skipped


def free_text_prompts(answers: dict[str, Answer], catalogue: Catalogue) -> list[Prompt]:
    """The answered free-text prompts a learner may choose to share, in course order."""
    usable, _ = usable_answers(answers, catalogue)
    return [catalogue.prompts[pid] for pid in usable if is_free_text(catalogue.prompts[pid])]


@dataclass
class Share:
    """A share file ready to write: its document, and what was left out and why."""

    doc: ShareDoc
    held_back: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)

    @property
    def filename(self) -> str:
        """The suggested file name, which carries the nickname and nothing else."""
        return f"share-{self.doc['nickname']}.json"


def build_share(
    answers: dict[str, Answer],
    catalogue: Catalogue,
    cohort: str,
    nickname: str,
    share_text: Collection[str] = (),
    made_at: str | None = None,
) -> Share:
    """Build a share file from saved answers; free text only for the ids in ``share_text``."""
    usable, skipped = usable_answers(answers, catalogue)
    free = [pid for pid in usable if is_free_text(catalogue.prompts[pid])]
    unknown = sorted(set(share_text) - set(free))
    if unknown:
        raise ShareError(
            f"{', '.join(unknown)}: only answered written questions can be chosen for sharing."
        )
    doc: ShareDoc = {
        "format": FORMAT,
        "version": VERSION,
        "nickname": check_nickname(nickname),
        "cohort": check_cohort(cohort),
        "made_at": made_at or stamp(),
        "answered": list(usable),
        "answers": {pid: v for pid, v in usable.items() if pid not in free},
        # Written answers are the learner's words exactly, except that half a character
        # (a lone surrogate, which no file can hold as UTF-8) is shown as '�'.
        "shared_text": {pid: repaired_value(usable[pid]) for pid in free if pid in share_text},
    }
    share = Share(doc, [pid for pid in free if pid not in share_text], skipped)
    size = len(utf8(preview(share)))
    if size > MAX_SHARE_BYTES:
        raise ShareError(
            f"This share file would be {size:,} bytes, more than the 1 MB a share file may "
            "hold. Choose fewer written answers to share."
        )
    return share


def preview(share: Share) -> str:
    """Exactly the text that :func:`write_share` writes (UTF-8 JSON)."""
    return json.dumps(share.doc, ensure_ascii=False, indent=1) + "\n"


def describe(share: Share, catalogue: Catalogue) -> list[str]:
    """What the share file holds, in plain sentences for the learner to read first (the
    wording is :mod:`exercises.wording`'s, which the website uses too)."""
    doc = share.doc
    words = SHARE

    def named(ids: Iterable[str]) -> str:
        return "; ".join(question(catalogue, pid) for pid in course_order(catalogue, ids))

    lines = [
        fill(words["nickname"], nickname=doc["nickname"]),
        fill(words["cohort"], cohort=doc["cohort"]),
        fill(words["answered"], n=len(doc["answered"])),
    ]
    if doc["answers"]:
        lines.append(counted(words["counted"], len(doc["answers"]), list=named(doc["answers"])))
    else:
        lines.append(words["noneCounted"])
    for pid in course_order(catalogue, doc["shared_text"]):
        value = doc["shared_text"][pid]
        lines.append(
            fill(words["written"], question=question(catalogue, pid), words=answer_words(value))
        )
    if share.held_back:
        lines.append(fill(words["private"], list=named(share.held_back)))
    if share.skipped:
        lines.append(fill(words["skipped"], list=named(share.skipped)))
    return lines


def write_share(share: Share, path: Path | str) -> Path:
    """Write the share file at ``path``; an existing file is never overwritten."""
    target = Path(path).expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(target, "xb") as out:
            out.write(utf8(preview(share)))
    except FileExistsError:
        raise ShareError(
            f"{target} already exists, so nothing was written. Choose another file name, "
            "or move the old file first."
        ) from None
    return target

"""Importing a workbook: what it would change, question by question, and the merge.

Rules: the newer answer wins per question, except that an answer stamped later than now
(another computer's clock running fast) wins only if the learner asks; identical values
are not a change; an answer that no longer fits its question, or that is damaged, is
reported and left out; a file with no readable answer at all changes nothing.

Pure functions: no files, no locks, no widgets (the store, :mod:`exercises.workbook`,
applies the merge under its lock).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .model import Answer, AnswerError
from .timefmt import local_words, now_utc, parse_time, stamp
from .wording import course_order, import_line, import_summary, question
from .workbook_file import MAX_IMPORT_BYTES, WorkbookError, WorkbookRead, read_workbook

if TYPE_CHECKING:
    from .catalogue import Catalogue

Checker = Callable[[str, Any], Any]
"""Checks a value for a prompt id; raises AnswerError, or KeyError when the id is unknown."""


@dataclass(frozen=True)
class ImportChange:
    """What an import does to one question, with both times."""

    prompt_id: str
    action: str
    """``add``, ``replace``, ``keep`` (yours stays), ``same`` (identical), ``skip`` (it no
    longer fits its question) or ``damaged`` (it cannot be read)."""
    theirs_at: str
    mine_at: str | None = None
    future: bool = False
    """The file's time is later than now (the other computer's clock may be wrong)."""
    reason: str = ""
    """Why a skipped or damaged answer cannot be used."""


@dataclass
class ImportPreview:
    """What an import would do (or did), prompt by prompt."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    same: list[str] = field(default_factory=list)
    future: list[str] = field(default_factory=list)
    """Answers in the file stamped later than now (they replace yours only if you ask)."""
    held_back: list[str] = field(default_factory=list)
    """Future-stamped answers that would replace yours if you chose to take them."""
    damaged: dict[str, str] = field(default_factory=dict)
    """Answers in the file that cannot be read, with why (they are left out)."""
    changes: list[ImportChange] = field(default_factory=list)
    incoming: dict[str, Answer] = field(default_factory=dict, repr=False)

    def summary(self) -> str:
        """One plain paragraph describing the change (:func:`exercises.wording.import_summary`)."""
        return import_summary(self.counts())

    def lines(self, catalogue: Catalogue) -> list[str]:
        """The preview's line for each question the import touches (not those the same in
        both), in the course's order, with both times in local words."""
        changes = {c.prompt_id: c for c in self.changes if c.action != "same"}
        lines = []
        for pid in course_order(catalogue, changes):
            change = changes[pid]
            action = "held" if change.action == "keep" and change.future else change.action
            mine_at = local_words(change.mine_at) if change.mine_at else None
            at, name = local_words(change.theirs_at), question(catalogue, pid)
            lines.append(import_line(name, action, at, mine_at, change.future, change.reason))
        return lines

    def counts(self) -> dict[str, int]:
        """How many answers each part of the summary is about."""
        return {
            "added": len(self.added),
            "replaced": len(self.replaced),
            "kept": len(self.kept) - len(self.held_back),
            "same": len(self.same),
            "future": len(self.future),
            "held": len(self.held_back),
            "skipped": len(self.skipped),
            "damaged": len(self.damaged),
        }


def read_upload(data: bytes) -> WorkbookRead:
    """An uploaded workbook's answers, or a WorkbookError saying why nothing can be taken
    from it (too large, not a workbook, or not one readable answer)."""
    if len(data) > MAX_IMPORT_BYTES:
        raise WorkbookError(
            f"That file is too large to be a workbook ({len(data):,} bytes). Nothing changed."
        )
    try:
        read = read_workbook(data)
        if read.damaged and not read.answers:
            raise WorkbookError(read.first_damage())
    except WorkbookError as err:
        raise WorkbookError(
            f"That file cannot be imported because {err} Nothing changed."
        ) from None
    return read


def plan_import(
    incoming: WorkbookRead,
    ours: dict[str, Answer],
    checker: Checker | None = None,
    take_future: bool = False,
    now: _dt.datetime | None = None,
) -> ImportPreview:
    """What importing ``incoming`` into ``ours`` would do, question by question."""
    plan = ImportPreview()
    now = now or now_utc()
    for pid, why in sorted(incoming.damaged.items()):
        plan.damaged[pid] = why
        mine_at = ours[pid].saved_at if pid in ours else None
        plan.changes.append(ImportChange(pid, "damaged", "", mine_at, reason=why))
    for pid, theirs in sorted(incoming.answers.items()):
        theirs_at = parse_time(theirs.saved_at)
        future = theirs_at > now
        mine = ours.get(pid)
        mine_at = mine.saved_at if mine else None
        if checker is not None:
            try:
                theirs = Answer(pid, checker(pid, theirs.value), theirs.saved_at)
            except AnswerError as err:
                plan.skipped[pid] = str(err)
                plan.changes.append(
                    ImportChange(pid, "skip", theirs.saved_at, mine_at, future, str(err))
                )
                continue
            except KeyError:
                pass  # a prompt this copy of the course does not know: keep it as it is
        if future:
            plan.future.append(pid)
        if mine is None:
            action = "add"
        elif mine.value == theirs.value:
            action = "same"
        elif theirs_at <= parse_time(mine.saved_at):
            action = "keep"
        elif future and not take_future:
            action = "keep"
            plan.held_back.append(pid)
        else:
            action = "replace"
        plan.changes.append(ImportChange(pid, action, theirs.saved_at, mine_at, future))
        {"add": plan.added, "replace": plan.replaced, "keep": plan.kept, "same": plan.same}[
            action
        ].append(pid)
        if action in ("add", "replace"):
            plan.incoming[pid] = theirs
    plan.changes.sort(key=lambda change: change.prompt_id)
    return plan


def merged(ours: dict[str, Answer], plan: ImportPreview, now: _dt.datetime) -> dict[str, Answer]:
    """``ours`` with the plan's incoming answers; any stamped later than ``now`` are
    stamped ``now``, so a wrong clock does not keep winning."""
    out = dict(ours)
    for pid, answer in plan.incoming.items():
        if parse_time(answer.saved_at) > now:
            answer = Answer(pid, answer.value, stamp(now))
        out[pid] = answer
    return out

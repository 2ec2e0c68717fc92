"""The cohort summary: read a folder of share files and count what the group shared.

Pure pandas functions (no ipywidgets, no network). Every file is checked on its own by
:func:`exercises.cohort.share_read.read_share`; a file that cannot be used is set aside with a
plain reason and the rest carry on, so one bad file never changes anyone else's figures.
Then, for one cohort code:

* when a nickname appears twice, the newest file is kept and the other is reported;
* completion is counted by module, and every rating, choice, checklist, knowledge check
  and position is counted, prompt by prompt, straight from the catalogue, each as its
  kind says (:attr:`exercises.kinds.KindSpec.cohort`: nothing here knows which kinds or
  modules exist, apart from the two headline prompts below);
* free text the learners chose to share is listed without nicknames, in a neutral order;
* what people answered is protected before anything leaves this module, so no renderer
  can show it in a way that could single someone out: small counts of ratings, choices,
  ticks, knowledge-check answers and positions are hidden (see
  :func:`~exercises.cohort.suppression.suppress`), and a question's shared written
  answers are listed only when at least ``min_count`` people shared one;
* how far people have got (the completion table) and the files set aside are shown in
  full: they say nothing about what anyone thinks, and a facilitator of a group of 6 to
  12 needs them whole (see :mod:`exercises.cohort.suppression`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..catalogue import Catalogue, course_catalogue
from ..kinds import Counted, Listed, kind_of
from ..model import Prompt
from .folder import FiledShare, Rejected, read_folder, without_gc
from .share_file import (
    DAMAGED,
    INVALID,
    NEWER,
    WORKBOOK,
)
from .suppression import DEFAULT_MIN_COUNT, check_min_count, suppress

HEADLINE_RATINGS = "principles.baseline"
"""The seven-principle self-rating, shown first as the cohort heat map."""

HEADLINE_POSITION = "complexity.position"
"""The two-axis position (complexity of the innovation and of the situation)."""

OTHER_COHORT, OLDER = "other-cohort", "older"
"""Two more reasons a readable file is set aside: it is for another cohort, or its learner
sent a newer one."""

SET_ASIDE_REASONS = {
    DAMAGED: (
        "Damaged or incomplete: empty, cut short, not text, too big or unreadable",
        "Ask for the share file again; it may not have saved fully.",
    ),
    WORKBOOK: (
        "A whole workbook instead of a share file",
        "Delete it without opening it, and ask the learner for a share file.",
    ),
    OTHER_COHORT: (
        "Made for another cohort",
        "Check the cohort code the learner typed; they can make a new file with the right code.",
    ),
    OLDER: (
        "An older file from a learner who also sent a newer one",
        "Nothing: the newer file was used.",
    ),
    NEWER: (
        "Made by a newer copy of the course",
        "Update your copy of the course, then summarise again.",
    ),
    INVALID: (
        "Not a share file, or changed by hand",
        "Ask the learner for a fresh share file.",
    ),
}
"""Each kind of reason a file is set aside: how the summary names it, and what to do. The
summary shows how many files were set aside for each; the file names, which often hold a
nickname, go only into ``rejected.csv``."""


@dataclass
class CountTable:
    """One prompt's counts, already made safe: hidden cells and totals are ``<NA>``."""

    prompt: Prompt
    module: str
    counts: pd.DataFrame
    answered: pd.Series
    note: str = ""


@dataclass
class CohortSummary:
    """Everything the report shows. Every count of answers has been through
    :func:`suppress` and ``texts`` holds only questions that at least ``min_count`` people
    shared an answer to; ``completion`` and the files set aside are counts in full."""

    cohort: str | None
    min_count: int
    files_found: int
    learners: int
    rejected: pd.DataFrame
    """Each file set aside: ``file``, ``reason`` (the full sentence) and ``kind`` (a key of
    :data:`SET_ASIDE_REASONS`). Only ``rejected.csv`` shows the file names."""
    completion: pd.DataFrame | None = None
    headline_ratings: CountTable | None = None
    headline_position: CountTable | None = None
    tables: list[CountTable] = field(default_factory=list)
    texts: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=["module", "prompt", "question", "text"])
    )
    notes: list[str] = field(default_factory=list)
    texts_held_back: int = 0
    """Written answers not listed, because fewer than ``min_count`` people shared an
    answer to their question."""
    questions_held_back: int = 0
    """How many questions those held-back answers belong to."""

    def all_tables(self) -> list[CountTable]:
        """Every count table: the two headline ones first (when the course has them)."""
        first = [t for t in (self.headline_ratings, self.headline_position) if t]
        return first + self.tables

    def set_aside(self) -> pd.DataFrame:
        """How many files were set aside for each kind of reason (only the kinds that
        occurred, in a fixed order), with what to do; no file names."""
        counts = self.rejected["kind"].value_counts()
        return pd.DataFrame(
            [
                {"reason": label, "files": int(counts[kind]), "what to do": todo}
                for kind, (label, todo) in SET_ASIDE_REASONS.items()
                if kind in counts
            ],
            columns=["reason", "files", "what to do"],
        )


def _choose_cohort(
    docs: list[FiledShare], cohort: str | None, rejected: list[Rejected], notes: list[str]
) -> tuple[str | None, list[FiledShare]]:
    """Keep one cohort's files (the named one, or the most common code) and report the rest."""
    if not docs:
        return (cohort.upper() if cohort else None), []
    codes = pd.Series([d["cohort"] for d in docs])
    if cohort is None:
        counts = codes.value_counts()
        tied = sorted(counts[counts == counts.max()].index)
        cohort = tied[0]
        if len(tied) > 1:
            notes.append(
                f"The folder holds the same number of files for the cohorts {', '.join(tied)}; "
                f"this summary is for {cohort}. Keep each cohort's files in a folder of its own."
            )
    else:
        cohort = cohort.upper()
    keep = []
    for doc in docs:
        if doc["cohort"] == cohort:
            keep.append(doc)
        else:
            rejected.append(
                (
                    doc["file"],
                    f"It is for the cohort {doc['cohort']}, not {cohort}, so it was left out "
                    "of this summary.",
                    OTHER_COHORT,
                )
            )
    return cohort, keep


def _newest_per_learner(docs: list[FiledShare], rejected: list[Rejected]) -> list[FiledShare]:
    """Keep each nickname's newest file; report the older ones."""
    if not docs:
        return []
    frame = pd.DataFrame(
        {
            "file": [d["file"] for d in docs],
            "nickname": [d["nickname"] for d in docs],
            "made_at": pd.to_datetime([d["made_at"] for d in docs], utc=True, format="ISO8601"),
        }
    ).sort_values(["made_at", "file"])
    newest = frame.drop_duplicates("nickname", keep="last").set_index("nickname")["file"]
    older = frame[frame.duplicated("nickname", keep="last")]
    for file, nickname in zip(older["file"], older["nickname"], strict=True):
        rejected.append(
            (
                file,
                f"An older share file from the same learner ({nickname}); their newer file, "
                f"{newest[nickname]}, was used instead.",
                OLDER,
            )
        )
    kept = set(newest)
    return [d for d in docs if d["file"] in kept]


# ------------------------------------------------------------------------ counting


def counted(prompt: Prompt) -> Counted:
    """How a prompt's answers are counted (its kind's treatment); ValueError for free text."""
    treatment = kind_of(prompt).cohort
    if not isinstance(treatment, Counted):
        raise ValueError(f"{prompt.id}: a {prompt.kind} prompt has no counts.")
    return treatment


def count_table(prompt: Prompt, values: list[Any]) -> pd.DataFrame:
    """Raw counts of one prompt's answers, laid out as its kind says (labels as the row and
    column names, a zero where nobody answered)."""
    treatment = counted(prompt)
    layout = treatment.layout(prompt)
    rows = {key: n for n, key in enumerate(layout.rows)}
    columns = {key: n for n, key in enumerate(layout.columns)}
    cells = [[0] * len(columns) for _ in rows]
    for (row, column), n in (treatment.count(prompt, values) if values else {}).items():
        if row in rows and column in columns:  # anything else is not in the table
            cells[rows[row]][columns[column]] = n
    return pd.DataFrame(
        cells,
        index=list(layout.rows.values()),
        columns=list(layout.columns.values()),
        dtype="int64",
    )


def count_answers(docs: list[FiledShare], catalogue: Catalogue) -> dict[str, pd.DataFrame]:
    """Raw counts (nothing hidden yet) for every structured prompt, keyed by prompt id."""
    values: dict[str, list[Any]] = defaultdict(list)
    for doc in docs:
        for pid, value in doc["answers"].items():
            values[pid].append(value)
    return {
        pid: count_table(prompt, values.get(pid, []))
        for pid, prompt in catalogue.prompts.items()
        if isinstance(kind_of(prompt).cohort, Counted)  # free text is listed, never counted
    }


def count_completion(docs: list[FiledShare], catalogue: Catalogue) -> pd.DataFrame:
    """Raw counts of learners per module: answered every question, some, or none yet."""
    modules = [m for m in catalogue.modules.values() if m.prompts]
    column = {p.id: n for n, m in enumerate(modules) for p in m.prompts}
    sizes = np.array([len(m.prompts) for m in modules])
    lengths = [len(doc["answered"]) for doc in docs]
    learner = np.repeat(np.arange(len(docs)), lengths)
    module = np.fromiter(
        (column[pid] for doc in docs for pid in doc["answered"]), dtype=np.int64, count=sum(lengths)
    )
    per = np.bincount(learner * len(modules) + module, minlength=len(docs) * len(modules))
    per = per.reshape(len(docs), len(modules))
    return pd.DataFrame(
        {
            "Answered every question": (per == sizes).sum(axis=0),
            "Answered some": ((per > 0) & (per < sizes)).sum(axis=0),
            "Not started": (per == 0).sum(axis=0),
        },
        index=[_module_title(catalogue, m.id) for m in modules],
    ).astype("int64")


def shared_texts(docs: list[FiledShare], catalogue: Catalogue) -> pd.DataFrame:
    """Every shared written answer with its module and question, without nicknames.

    Each answer is in words as its kind lists it (rows of a list or action plan a line
    each: :class:`~exercises.kinds.Listed`). Answers are in course order,
    then sorted by their words, so the order says nothing about who wrote what or when.
    """
    pairs = [(pid, value) for doc in docs for pid, value in doc["shared_text"].items()]
    frame = pd.DataFrame(pairs, columns=["prompt", "value"])
    prompts = catalogue.prompts
    frame["text"] = [_listed(prompts[pid], value) for pid, value in pairs]
    order = {pid: n for n, pid in enumerate(prompts)}
    frame["order"] = frame["prompt"].map(order)
    frame["module"] = frame["prompt"].map(
        {pid: _module_title(catalogue, p.module) for pid, p in prompts.items()}
    )
    frame["question"] = frame["prompt"].map({pid: p.title for pid, p in prompts.items()})
    frame = frame.sort_values(["order", "text"], kind="stable", ignore_index=True)
    return frame[["module", "prompt", "question", "text"]]


def _listed(prompt: Prompt, value: Any) -> str:
    treatment = kind_of(prompt).cohort
    if not isinstance(treatment, Listed):
        raise ValueError(f"{prompt.id}: a {prompt.kind} prompt is counted, not listed.")
    return treatment.words(prompt, value)


def _module_title(catalogue: Catalogue, module_id: str) -> str:
    module = catalogue.modules[module_id]
    return f"Module {module.number}: {module.title}"


def _safe(catalogue: Catalogue, pid: str, raw: pd.DataFrame, min_count: int) -> CountTable:
    prompt = catalogue.prompts[pid]
    counts, answered = suppress(raw, min_count)
    note = counted(prompt).layout(prompt).note
    return CountTable(prompt, _module_title(catalogue, prompt.module), counts, answered, note)


def summarise_docs(
    docs: list[FiledShare],
    catalogue: Catalogue,
    min_count: int = DEFAULT_MIN_COUNT,
    cohort: str | None = None,
    rejected: list[Rejected] | list[tuple[str, str]] | None = None,
    files_found: int | None = None,
) -> CohortSummary:
    """Summarise checked share documents (from :func:`read_folder`) for one cohort.

    ``rejected`` holds files already set aside, as (file, reason, kind) triples; a pair
    without a kind counts as :data:`~exercises.cohort.share_file.INVALID`."""
    min_count = check_min_count(min_count)
    rejected = [(r[0], r[1], r[2] if len(r) > 2 else INVALID) for r in rejected or []]
    notes: list[str] = []
    cohort, docs = _choose_cohort(docs, cohort, rejected, notes)
    docs = _newest_per_learner(docs, rejected)
    summary = CohortSummary(
        cohort=cohort,
        min_count=min_count,
        files_found=len(docs) + len(rejected) if files_found is None else files_found,
        learners=len(docs),
        rejected=pd.DataFrame(rejected, columns=["file", "reason", "kind"]).sort_values(
            "file", kind="stable", ignore_index=True
        ),
        notes=notes,
    )
    if not docs:
        return summary
    raw = count_answers(docs, catalogue)
    summary.completion = count_completion(docs, catalogue).astype("Int64")
    for pid, attr, what in (
        (HEADLINE_RATINGS, "headline_ratings", "the seven-principle self-rating"),
        (HEADLINE_POSITION, "headline_position", "the two-axis complexity position"),
    ):
        if pid in raw:
            setattr(summary, attr, _safe(catalogue, pid, raw.pop(pid), min_count))
        else:
            notes.append(
                f"This copy of the course has no {pid} question ({what}), so that chart is "
                "left out."
            )
    summary.tables = [_safe(catalogue, pid, t, min_count) for pid, t in raw.items()]
    texts = shared_texts(docs, catalogue)
    sharers = texts["prompt"].map(texts["prompt"].value_counts())  # one answer per learner
    summary.texts = texts[sharers >= min_count].reset_index(drop=True)
    held = texts[sharers < min_count]
    summary.texts_held_back, summary.questions_held_back = len(held), held["prompt"].nunique()
    return summary


def summarise(
    folder: Path | str,
    catalogue: Catalogue | None = None,
    min_count: int = DEFAULT_MIN_COUNT,
    cohort: str | None = None,
) -> CohortSummary:
    """Read a folder of share files and summarise one cohort (the most common code, unless
    ``cohort`` names one)."""
    catalogue = catalogue or course_catalogue()
    min_count = check_min_count(min_count)
    with without_gc():
        docs, rejected, found = read_folder(folder, catalogue)
        return summarise_docs(docs, catalogue, min_count, cohort, rejected, found)

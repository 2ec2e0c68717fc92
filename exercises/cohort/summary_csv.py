"""The cohort summary as CSV: ``summary.csv`` (every figure and shared answer in long
form) and ``rejected.csv`` (each file set aside and why).

Facilitators open these in Excel, so any cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return gets a leading apostrophe and is shown as text, never
run as a formula; the files are UTF-8 with a byte-order mark, and text UTF-8 cannot hold
(a file name that is not UTF-8, half a character) is written as '�'. Pure functions; no
ipywidgets.
"""

from __future__ import annotations

import codecs
import csv
import io
from typing import Any

import pandas as pd

from ..safe_text import utf8
from .summary import CohortSummary

HIDDEN = "hidden"
"""What a hidden count shows, in the page and in the CSV."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet may treat a cell that starts with one of these as a formula."""


def neutralise(value: Any) -> Any:
    """A CSV cell that a spreadsheet will show as text, never run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def count_text(value: Any) -> str:
    """A count as the page and the CSV show it: the number, or \"hidden\"."""
    return HIDDEN if pd.isna(value) else str(int(value))


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as text (empty where missing), with :func:`neutralise` applied."""
    cells = frame.astype(object).where(frame.notna(), "")
    safe = {
        column: [neutralise(v) for v in map(str, values.tolist())]
        for column, values in cells.items()
    }
    return pd.DataFrame(safe, columns=frame.columns, dtype=object)


CSV_COLUMNS = ["section", "module", "question", "row", "column", "count", "text"]
"""The columns of ``summary.csv``."""


def summary_frame(summary: CohortSummary) -> pd.DataFrame:
    """Every figure and shared answer in long form, one row per count or text, made safe
    for a spreadsheet."""
    rows: list[dict[str, Any]] = [
        {"section": "files", "row": "share files found", "count": summary.files_found},
        {"section": "files", "row": "learners summarised", "count": summary.learners},
        {"section": "files", "row": "files set aside", "count": len(summary.rejected)},
    ]
    set_aside = summary.set_aside()
    for reason, files in zip(set_aside["reason"], set_aside["files"], strict=True):
        rows.append({"section": "set aside", "row": reason, "count": files})
    if summary.completion is not None:
        for module, counts in summary.completion.iterrows():
            for column, value in counts.items():
                rows.append(
                    {
                        "section": "completion",
                        "module": module,
                        "column": column,
                        "count": count_text(value),
                    }
                )
    for table in summary.all_tables():
        prompt = table.prompt
        for label, counts in table.counts.iterrows():
            base = {
                "section": prompt.kind,
                "module": table.module,
                "question": prompt.title,
                "row": label,
            }
            rows.append({**base, "column": "answered", "count": count_text(table.answered[label])})
            for column, value in counts.items():
                rows.append({**base, "column": column, "count": count_text(value)})
    if summary.texts_held_back:
        rows.append(
            {
                "section": "shared text",
                "row": f"written answers not shown (fewer than {summary.min_count} people shared "
                "an answer to their question)",
                "count": summary.texts_held_back,
            }
        )
    texts = summary.texts[["module", "question", "text"]].assign(section="shared text")
    frame = pd.concat([pd.DataFrame(rows, dtype=object), texts], ignore_index=True)
    return neutralise_frame(frame.reindex(columns=CSV_COLUMNS))


def rejected_frame(summary: CohortSummary) -> pd.DataFrame:
    """The files set aside and why (file name and reason), made safe for a spreadsheet."""
    return neutralise_frame(summary.rejected[["file", "reason"]])


def _csv(frame: pd.DataFrame) -> bytes:
    """CSV bytes (header first) in UTF-8 with a byte-order mark, so Excel reads accents
    and dashes correctly."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(frame.columns)
    writer.writerows(zip(*(frame[column].tolist() for column in frame.columns), strict=True))
    return codecs.BOM_UTF8 + utf8(out.getvalue())


def summary_csv(summary: CohortSummary) -> bytes:
    """The bytes of ``summary.csv``."""
    return _csv(summary_frame(summary))


def rejected_csv(summary: CohortSummary) -> bytes:
    """The bytes of ``rejected.csv`` (a header only when nothing was set aside)."""
    return _csv(rejected_frame(summary))

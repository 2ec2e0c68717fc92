"""Write a cohort summary as files that are safe to open: HTML and two CSV files.

* ``summary.html`` is one self-contained page: its own styles, charts as HTML tables
  (the heat maps print their numbers, so colour is never the only signal), no scripts,
  no images and no addresses outside the page, so it opens offline with no requests.
  Every piece of learner text and every file name is escaped.
* ``summary.csv`` holds the same figures and shared text in long form, and
  ``rejected.csv`` the file name and reason for each file set aside. File names often
  hold a nickname, so they appear only in ``rejected.csv``: the page and
  ``summary.csv`` count the files set aside by reason. Both are made by
  :mod:`exercises.cohort.summary_csv` (safe to open in Excel).
* Writing never fails on text that UTF-8 cannot hold (half a character in a shared
  answer, a file name that is not UTF-8): it is shown as '�' (:mod:`exercises.safe_text`).
* Each prompt's table is drawn as its kind says (a heat map, or a position's quadrants
  as a two-by-two grid: :attr:`exercises.kinds.Counted.grid`).

Pure functions apart from :func:`write_outputs`; no ipywidgets.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

import pandas as pd

from ..kinds import Grid
from ..report import STYLE
from ..safe_text import repaired, utf8
from ..timefmt import today_words
from .folder import without_gc
from .summary import CohortSummary, CountTable, counted
from .summary_csv import (
    CSV_COLUMNS,
    FORMULA_STARTS,
    HIDDEN,
    count_text,
    neutralise,
    neutralise_frame,
    rejected_csv,
    rejected_frame,
    summary_csv,
    summary_frame,
)

__all__ = [  # the CSV files' names are kept here too, for the callers of this module
    "CSV_COLUMNS",
    "FORMULA_STARTS",
    "HIDDEN",
    "OUTPUT_FILES",
    "SUMMARY_CSS",
    "chart_table",
    "grid_table",
    "heat_table",
    "made_on",
    "neutralise",
    "neutralise_frame",
    "rejected_csv",
    "rejected_frame",
    "summary_csv",
    "summary_frame",
    "to_html",
    "to_html_fragment",
    "write_outputs",
]

OUTPUT_FILES = ("summary.html", "summary.csv", "rejected.csv")
"""The files :func:`write_outputs` writes."""


def made_on() -> str:
    """Today's date in words, for the top of a summary."""
    return today_words()


# -------------------------------------------------------------------------- HTML

# Heat-map shades, light to dark (NHS blues). Text is white on the two darkest; every
# pairing has a contrast of at least 4.5:1.
_SHADES = ("#ffffff", "#e6f0fa", "#bcd6f0", "#7eaee0", "#005eb8", "#003087")

SUMMARY_CSS = (
    ".cohort-summary table{border-collapse:collapse;margin:.5rem 0 1.5rem;width:auto}"
    ".cohort-summary th,.cohort-summary td{border:1px solid #768692;padding:.35rem .5rem;"
    "vertical-align:top}"
    ".cohort-summary th{background:#e8edee;text-align:left;font-weight:bold}"
    ".cohort-summary td.n{text-align:center;min-width:3.5rem}"
    ".cohort-summary td.q{text-align:center;height:4.5rem;min-width:9rem}"
    ".cohort-summary caption{text-align:left;font-weight:bold;padding:.3rem 0}"
    ".cohort-summary caption span{font-weight:normal}"
    ".cohort-summary .hidden{background:#f0f4f5;color:#425563;font-style:italic}"
    ".cohort-summary summary{cursor:pointer;font-weight:bold;margin:.5rem 0}"
    ".cohort-summary{overflow-wrap:break-word}"
    ".cohort-summary .scroll{overflow-x:auto;max-width:100%}"
    ".cohort-summary td.file{overflow-wrap:anywhere;min-width:8rem}"
    ".cohort-summary .scroll:focus-visible{outline:3px solid #ffeb3b;"
    "box-shadow:0 0 0 6px #212b32}"
    + "".join(
        f".cohort-summary .s{n}{{background:{shade};color:{'#fff' if n >= 4 else '#212b32'}}}"
        for n, shade in enumerate(_SHADES)
    )
)
"""The summary's styles, scoped to its wrapper so they cannot change the page around it."""


def _shade(count: Any, total: Any) -> str:
    """The class of a count's cell: ``hidden``, or a shade for its share of the row."""
    if pd.isna(count) or pd.isna(total):
        return "hidden"
    if count == 0 or not total:
        return "s0"
    return f"s{min(len(_SHADES) - 1, 1 + int(count / total * (len(_SHADES) - 1)))}"


def _caption(table: CountTable) -> str:
    p = table.prompt
    return f"<caption>{escape(p.title)} <span>({escape(p.id)})</span></caption>"


def _th(text: Any, scope: str = "col") -> str:
    return f'<th scope="{scope}">{escape(str(text))}</th>'


def _td(value: Any, total: Any) -> str:
    return f'<td class="n {_shade(value, total)}">{count_text(value)}</td>'


def _scroll(title: str, markup: str) -> str:
    """A wide table in its own sideways-scrolling region, so the page itself reflows on a
    phone; the region can take keyboard focus and is named after the table."""
    label = escape(f"{title}: table (scroll sideways on a narrow screen)")
    return f'<div class="scroll" role="region" tabindex="0" aria-label="{label}">{markup}</div>'


def chart_table(table: CountTable) -> str:
    """One prompt's counts as its kind draws them: a two-by-two grid, or a heat-map table."""
    grid = counted(table.prompt).grid
    return heat_table(table) if grid is None else grid_table(table, grid(table.prompt))


def heat_table(table: CountTable) -> str:
    """One prompt's counts as an accessible table: header cells, a caption, every number
    printed, and the cell colour only repeating what the number says."""
    head = _th(counted(table.prompt).layout(table.prompt).corner) + "".join(map(_th, table.counts))
    body = "".join(
        f"<tr>{_th(label, 'row')}"
        + "".join(_td(v, table.answered[label]) for v in counts)
        + f'<td class="n">{count_text(table.answered[label])}</td></tr>'
        for label, counts in table.counts.iterrows()
    )
    note = f"<p>{escape(table.note)}</p>" if table.note else ""
    markup = (
        f"<table>{_caption(table)}<thead><tr>{head}{_th('Answered')}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )
    return _scroll(table.prompt.title, markup) + note


def grid_table(table: CountTable, grid: Grid) -> str:
    """A prompt's counts laid out as its kind's two-by-two grid (a position's quadrants,
    high y at the top), with the count outside the grid, if any, and the total under it."""
    names = counted(table.prompt).layout(table.prompt).columns
    counts = dict(zip(names, table.counts.iloc[0], strict=True))
    total = table.answered.iloc[0]

    def cell(key: str) -> str:
        return (
            f'<td class="q {_shade(counts[key], total)}">{escape(names[key])}<br>'
            f"<strong>{count_text(counts[key])}</strong></td>"
        )

    outside = (
        f"{escape(grid.outside_words)}: <strong>{count_text(counts[grid.outside])}</strong>. "
        if grid.outside in names
        else ""
    )
    (left, right), (top, bottom) = grid.across, grid.down
    body = "".join(
        f"<tr>{_th(head, 'row')}{cell(first)}{cell(second)}</tr>"
        for head, (first, second) in zip((top, bottom), grid.cells, strict=True)
    )
    markup = (
        f"<table>{_caption(table)}<thead><tr><td></td>{_th(left)}{_th(right)}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )
    answered = f"<p>{outside}Answered by: <strong>{count_text(total)}</strong>.</p>"
    return _scroll(table.prompt.title, markup) + answered


def _section(title: str, body: str, level: int, lead: str = "") -> str:
    lead_html = f"<p>{escape(lead)}</p>" if lead else ""
    return f"<section><h{level}>{escape(title)}</h{level}>{lead_html}{body}</section>"


def _completion(summary: CohortSummary) -> str:
    frame = summary.completion
    if frame is None:
        return "<p>No share files could be used, so there is nothing to count.</p>"
    body = "".join(
        f"<tr>{_th(module, 'row')}" + "".join(_td(v, summary.learners) for v in counts) + "</tr>"
        for module, counts in frame.iterrows()
    )
    return _scroll(
        "Learners by module",
        f"<table><caption>Learners by module</caption><thead><tr>{_th('Module')}"
        f"{''.join(map(_th, frame.columns))}</tr></thead><tbody>{body}</tbody></table>",
    )


def _by_module(summary: CohortSummary) -> str:
    """Every other prompt's table, one collapsible part per module."""
    groups: dict[str, list[str]] = {}
    for table in summary.tables:
        chart = chart_table(table)
        groups.setdefault(table.module, []).append(chart)
    return "".join(
        f"<details><summary>{escape(module)} ({len(charts)} "
        f"question{'s' if len(charts) != 1 else ''})</summary>{''.join(charts)}</details>"
        for module, charts in groups.items()
    )


def _held_back(summary: CohortSummary) -> str:
    n, q = summary.texts_held_back, summary.questions_held_back
    if not n:
        return ""
    return (
        f"<p>{n} written answer{'s' if n != 1 else ''} to {q} other "
        f"question{'s' if q != 1 else ''} {'are' if n != 1 else 'is'} not shown: fewer than "
        f"{summary.min_count} people shared an answer to each of those questions, so an "
        "answer could point to the person who wrote it.</p>"
    )


def _texts(summary: CohortSummary, level: int) -> str:
    if summary.texts.empty:
        if summary.texts_held_back:
            return _held_back(summary)
        return "<p>No one chose to share a written answer.</p>"
    parts = []
    for _, group in summary.texts.groupby("prompt", sort=False):
        module, question = group["module"].iloc[0], group["question"].iloc[0]
        items = "".join(
            "<li>" + escape(text).replace("\n", "<br>") + "</li>" for text in group["text"]
        )
        parts.append(
            f"<h{level}>{escape(question)}</h{level}>"
            f"<p>{escape(module)} · {len(group)} shared</p><ul>{items}</ul>"
        )
    return "".join(parts) + _held_back(summary)


def _rejected(summary: CohortSummary) -> str:
    """How many files were set aside for each reason, and what to do. No file names: they
    often hold a nickname, so they are only in rejected.csv."""
    if summary.rejected.empty:
        return "<p>Every file could be used.</p>"
    rows = "".join(
        f'<tr>{_th(reason, "row")}<td class="n">{files}</td><td>{escape(todo)}</td></tr>'
        for reason, files, todo in summary.set_aside().itertuples(index=False)
    )
    table = _scroll(
        "Files set aside",
        f"<table><caption>Files set aside, by reason</caption><thead><tr>{_th('Why')}"
        f"{_th('Files')}{_th('What to do')}</tr></thead><tbody>{rows}</tbody></table>",
    )
    return table + (
        "<p>The name of each file and the full reason are in <code>rejected.csv</code> "
        "only, because file names often hold a nickname.</p>"
    )


def to_html_fragment(summary: CohortSummary, level: int = 1) -> str:
    """The summary as HTML with its own scoped styles (for a page or a notebook); its main
    heading is at ``level`` (1 for a page of its own, deeper inside another page)."""
    k = summary.min_count
    h2, h3 = level + 1, level + 2
    who = escape(summary.cohort or "no cohort")
    learners = f"{summary.learners} learner{'s' if summary.learners != 1 else ''}"
    found = f"{summary.files_found} file{'s' if summary.files_found != 1 else ''}"
    parts = [
        f"<h{level}>Cohort summary: {who}</h{level}>",
        f"<p>Made on {made_on()} from the share files of {learners} ({found} found, "
        f"{len(summary.rejected)} set aside).</p>",
        f"<p><strong>How answers are protected:</strong> in the tables of ratings, choices, "
        f"ticks, positions and knowledge checks, any count from 1 to {k - 1} says "
        f"<em>{HIDDEN}</em>, and so do a few larger ones where needed, so that a hidden "
        "count cannot be worked out from the rest of its row. Every count shown, and every "
        f"group of hidden cells, covers at least {k} people, so no one's answer can be "
        f"singled out. Written answers to a question appear only when at least {k} people "
        "shared one. How far people have got, and how many files were set aside, are shown "
        "in full: they say nothing about what anyone thinks. Nicknames never appear here.</p>",
        "<p>In the tables, darker cells mean a bigger share of the people who answered that "
        "row; every cell also prints its number.</p>",
        *(f"<p><strong>Note:</strong> {escape(n)}</p>" for n in summary.notes),
        _section(
            "Where the group has got to",
            _completion(summary),
            h2,
            "How many people have answered every question of each module, some of them, "
            "or none yet. These counts are never hidden.",
        ),
    ]
    if summary.headline_ratings is not None:
        parts.append(
            _section(
                "The principles: how the group rates itself",
                heat_table(summary.headline_ratings),
                h2,
                "Each row is one principle; each column is a point on the rating scale.",
            )
        )
    if summary.headline_position is not None:
        parts.append(
            _section(
                "Where the group places its change",
                chart_table(summary.headline_position),
                h2,
                "How many people put their change in each quadrant.",
            )
        )
    if summary.tables:
        parts.append(
            _section(
                "Every other rating, choice and knowledge check",
                _by_module(summary),
                h2,
                "Open a module to see its questions.",
            )
        )
    parts.append(
        _section(
            "Written answers shared for discussion",
            _texts(summary, h3),
            h2,
            "Only answers that learners chose to share, without nicknames, sorted by their "
            "words so the order says nothing about who wrote them, and only for questions "
            f"that at least {k} people shared an answer to.",
        )
    )
    parts.append(_section("Files set aside", _rejected(summary), h2))
    page = f'<style>{SUMMARY_CSS}</style><div class="cohort-summary">{"".join(parts)}</div>'
    return repaired(page)  # a file name that is not UTF-8 or half a character shows as '�'


def to_html(summary: CohortSummary) -> str:
    """The whole summary as one self-contained page (no scripts, no outside requests)."""
    title = escape(f"Cohort summary: {summary.cohort or 'no cohort'}")
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>{STYLE}body{{max-width:64rem}}</style></head>"
        f"<body><main>{to_html_fragment(summary)}</main></body></html>\n"
    )


def write_outputs(summary: CohortSummary, outdir: Path | str) -> dict[str, Path]:
    """Write summary.html, summary.csv and rejected.csv into ``outdir`` (made if needed);
    earlier copies of these three files are replaced."""
    target = Path(outdir).expanduser()
    target.mkdir(parents=True, exist_ok=True)
    with without_gc():
        contents = {
            "summary.html": utf8(to_html(summary)),
            "summary.csv": summary_csv(summary),
            "rejected.csv": rejected_csv(summary),
        }
    written = {}
    for name, data in contents.items():
        path = target / name
        path.write_bytes(data)
        written[name] = path
    return written

"""Small pieces several widgets share: label style, the live-only mark, the one way to
offer a download, and the lines that report a workbook's problems and notices. No widget
imports another widget's module for these, so the widget modules import each other in one
direction only."""

from __future__ import annotations

import base64
from html import escape

import ipywidgets as W

from ..model import Answer
from ..report import Doc, to_html, to_markdown
from ..safe_text import utf8
from ..timefmt import local_now
from ..workbook import Workbook, WorkbookError

LABEL_STYLE = {"description_width": "initial"}
"""Let a label take the width its words need."""


def live_only(widget: W.Widget) -> W.Widget:
    """Mark a widget as useful only with a live kernel (hidden on the static website)."""
    widget.add_class("course-live-only")
    return widget


def download_link(content: str | bytes, filename: str, mime: str, label: str) -> str:
    """An HTML link that downloads ``content`` as ``filename``: the file itself, in the
    link, so it works on any Jupyter server. Text is written as UTF-8 and never fails (a
    lone surrogate becomes '�': :mod:`exercises.safe_text`); bytes are given as they are."""
    data = utf8(content) if isinstance(content, str) else content
    encoded = base64.b64encode(data).decode("ascii")
    return (
        f'<a download="{escape(filename)}" href="data:{mime};base64,{encoded}">{escape(label)}</a>'
    )


def document_links(doc: Doc, stem: str, what: str) -> list[str]:
    """Two downloads of a readable document, named ``<stem>-<today>``: a web page and
    Markdown."""
    day = local_now().date().isoformat()
    return [
        download_link(
            to_html(doc),
            f"{stem}-{day}.html",
            "text/html",
            f"Download {what} as a web page (to read, print or save as PDF)",
        ),
        download_link(
            to_markdown(doc),
            f"{stem}-{day}.md",
            "text/markdown",
            f"Download {what} as Markdown (plain text)",
        ),
    ]


def problem_html(message: str) -> str:
    """A problem, said in a paragraph of its own."""
    return f"<p><strong>Problem:</strong> {escape(message)}</p>"


def notice_lines(workbook: Workbook) -> list[str]:
    """The workbook's notices (a damaged file set aside, say) as HTML lines, each once."""
    return [f"<strong>Important:</strong> {escape(n)}" for n in workbook.take_notices()]


def read_answers(workbook: Workbook) -> tuple[dict[str, Answer] | None, str]:
    """Read the workbook's answers; return them (None if it cannot be read) and the HTML to
    show first: its notices, then the problem if there is one."""
    try:
        answers: dict[str, Answer] | None = workbook.answers()
        problem = ""
    except WorkbookError as err:
        answers, problem = None, problem_html(str(err))
    return answers, "".join(f"<p>{line}</p>" for line in notice_lines(workbook)) + problem

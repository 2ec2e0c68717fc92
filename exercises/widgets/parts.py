"""Small pieces several widgets share: label style, download links, and the lines that
report a workbook's problems and notices. No widget imports another widget's module for
these, so the widget modules import each other in one direction only."""

from __future__ import annotations

import base64
from html import escape

from ..model import Answer
from ..workbook import Workbook, WorkbookError

LABEL_STYLE = {"description_width": "initial"}
"""Let a label take the width its words need."""


def document_bytes(text: str) -> bytes:
    """A readable document as UTF-8 (a lone surrogate in an answer becomes '?')."""
    return text.encode("utf-8", "replace")


def download_link(data: bytes, filename: str, mime: str, label: str) -> str:
    """An HTML link that downloads ``data`` as ``filename``."""
    encoded = base64.b64encode(data).decode("ascii")
    return (
        f'<a download="{escape(filename)}" href="data:{mime};base64,{encoded}">{escape(label)}</a>'
    )


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

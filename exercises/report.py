"""Turn saved answers into a readable, printable document (Markdown or HTML).

The document is built once as plain blocks (:class:`Doc`), then rendered by
:func:`to_markdown` or :func:`to_html`, so both formats always say the same thing.
Unanswered prompts appear as gaps to fill, never as errors. All learner text is
escaped in HTML, and in Markdown so that a Markdown viewer shows it as text: raw HTML
(``<script>``, ``<img onerror>``) is never HTML there, and no link, image or autolink
can be made from it (:func:`md_text`). Pure functions: no files, no widgets.

Each answer is checked once: a document's builder passes every answer through
:func:`exercises.fitting.fit_answers` and hands the fitted values on; nothing here
checks them again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from typing import Any

from .blocks import GAP, Block
from .catalogue import Catalogue
from .fitting import EARLIER, EARLIER_NOTE, Earlier, fit_answers, is_answered
from .kinds import kind_of
from .model import Answer, Prompt, is_empty
from .timefmt import today_words


@dataclass
class Entry:
    """One prompt's title, question and answer blocks (an empty question is not shown)."""

    title: str
    question: str
    blocks: list[Block]
    answered: bool


@dataclass
class Section:
    """A heading, optional lead text and its entries or blocks."""

    title: str
    lead: str = ""
    entries: list[Entry] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Doc:
    """A whole document: title, a line under it and its sections."""

    title: str
    subtitle: str
    sections: list[Section]


def earlier_blocks(value: Earlier) -> list[Block]:
    """An answer given to an earlier version of its question: kept as it was, in words."""
    paras = [Block("para", p) for p in value.text.split("\n\n") if p.strip()]
    return [Block("para", f"{EARLIER}:"), *paras, Block("gap", EARLIER_NOTE)]


def answer_blocks(prompt: Prompt, value: Any, gap: str = GAP) -> list[Block]:
    """The blocks that show one answer in words (and a chart where one helps).

    ``value`` is already fitted to the prompt (:func:`exercises.fitting.fit_answers`):
    a value that fits, :class:`~exercises.fitting.Earlier` or None. ``gap`` is what an
    empty answer says.
    """
    if isinstance(value, Earlier):  # kept as it was, shown in words, never an error
        return earlier_blocks(value)
    if is_empty(value):
        return [Block("gap", gap)]
    return kind_of(prompt).blocks(prompt, value)


def entry(prompt: Prompt, answer: Answer | None) -> Entry:
    """One prompt with its (fitted) answer, or with a gap."""
    value = answer.value if answer else None
    return Entry(prompt.title, prompt.question, answer_blocks(prompt, value), is_answered(value))


def answers_doc(
    catalogue: Catalogue, answers: dict[str, Answer], title: str = "My course workbook"
) -> Doc:
    """Every module with every prompt and its answer or gap, in course order."""
    answers = fit_answers(catalogue.prompts, answers)
    sections = [
        Section(
            f"Module {m.number}: {m.title}",
            entries=[entry(p, answers.get(p.id)) for p in m.prompts],
        )
        for m in catalogue.modules.values()
        if m.prompts
    ]
    today = today_words()
    done = sum(e.answered for s in sections for e in s.entries)
    total = sum(len(s.entries) for s in sections)
    return Doc(title, f"Made on {today}. {done} of {total} questions answered.", sections)


_MD_ESCAPED = re.compile(r"([\\`\[\]])")
"""Markdown's backslash, code-span and link characters, escaped wherever text goes."""

_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
"""An ampersand that would start an HTML entity such as ``&lt;``."""


def md_text(text: str) -> str:
    """Text as Markdown that shows it exactly, as text: a backslash before each
    backslash, backtick and square bracket (so no code span, link, image or link
    reference forms), ``&lt;`` for each ``<`` (so no raw HTML and no autolink forms) and
    ``&amp;`` for an ampersand that would start an entity. Other punctuation is left as
    typed: it can only format the text, never run or link anything."""
    text = _MD_ESCAPED.sub(r"\\\1", text)
    return _MD_ENTITY.sub("&amp;", text).replace("<", "&lt;")


def _md_cell(text: str) -> str:
    return md_text(text).replace("|", "\\|").replace("\n", " ")


def _md_blocks(blocks: list[Block]) -> list[str]:
    out = []
    for b in blocks:
        if b.kind in ("para", "chart"):
            out.append(md_text(b.text))
        elif b.kind == "gap":
            out.append(f"*{md_text(b.text)}*")
        elif b.kind == "bullets":
            out.append("\n".join(f"- {md_text(i)}" for i in b.items) or "*Nothing ticked.*")
        elif b.kind == "table":
            lines = ["| " + " | ".join(_md_cell(h) for h in b.headers) + " |"]
            lines.append("|" + " --- |" * len(b.headers))
            lines += ["| " + " | ".join(_md_cell(c) for c in r) + " |" for r in b.rows]
            out.append("\n".join(lines))
    return out


def to_markdown(doc: Doc) -> str:
    """Render a document as Markdown (every piece of text through :func:`md_text`)."""
    parts = [f"# {md_text(doc.title)}", md_text(doc.subtitle)]
    for s in doc.sections:
        parts.append(f"## {md_text(s.title)}")
        if s.lead:
            parts.append(md_text(s.lead))
        parts += _md_blocks(s.blocks)
        for e in s.entries:
            parts.append(f"### {md_text(e.title)}")
            if e.question:
                parts.append("> " + md_text(e.question).replace("\n", "\n> "))
            parts += _md_blocks(e.blocks)
    return "\n\n".join(parts) + "\n"


STYLE = """
body{font-family:Arial,Helvetica,sans-serif;color:#212b32;max-width:46rem;margin:2rem auto;
padding:0 1rem;line-height:1.5;overflow-wrap:break-word}
h1{font-size:2rem}h2{border-bottom:2px solid #005eb8;padding-bottom:.2rem;margin-top:2.5rem}
h3{margin-bottom:.3rem}.question{color:#425563;margin-top:0}
.gap{border:2px dashed #768692;padding:.6rem;min-height:3rem;color:#425563}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #768692;padding:.35rem;
text-align:left;vertical-align:top;overflow-wrap:anywhere}th{background:#e8edee}
figure{margin:1rem 0}figcaption{font-size:.9rem;color:#425563}
@page{size:A4;margin:15mm 14mm}
@media print{body{margin:0;padding:0;max-width:none;font-size:10.5pt;line-height:1.35}
h1{font-size:18pt;margin:0 0 .3rem}h2{font-size:14pt;margin:1rem 0 .4rem}
h3{font-size:11.5pt;margin:.7rem 0 .2rem}p{margin:.3rem 0}ul{margin:.3rem 0}
table{font-size:9.5pt}th,td{padding:.2rem .35rem}.gap{min-height:0;padding:.3rem .5rem}
th{-webkit-print-color-adjust:exact;print-color-adjust:exact}thead{display:table-header-group}
h1,h2,h3{break-after:avoid}h2+*,h3+*{break-before:avoid}.nowrap{white-space:nowrap}
.entry,figure,tr,li{break-inside:avoid}a{color:inherit;text-decoration:none}}
"""


def _html_blocks(blocks: list[Block]) -> str:
    out = []
    for b in blocks:
        if b.kind == "para":
            out.append(f"<p>{escape(b.text)}</p>")
        elif b.kind == "gap":
            out.append(f'<p class="gap">{escape(b.text)}</p>')
        elif b.kind == "bullets":
            items = "".join(f"<li>{escape(i)}</li>" for i in b.items)
            out.append(f"<ul>{items}</ul>" if items else "<p>Nothing ticked.</p>")
        elif b.kind == "chart":
            out.append(f"<figure>{b.svg}<figcaption>{escape(b.text)}</figcaption></figure>")
        elif b.kind == "table":
            head = "".join(f'<th scope="col">{escape(h)}</th>' for h in b.headers)
            cell = ('<td class="nowrap">', "<td>")
            body = "".join(
                "<tr>"
                + "".join(f"{cell[n not in b.nowrap]}{escape(c)}</td>" for n, c in enumerate(r))
                + "</tr>"
                for r in b.rows
            )
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    return "".join(out)


def blocks_html(blocks: list[Block]) -> str:
    """Document blocks as HTML, to place inside a page (learner text escaped)."""
    return _html_blocks(blocks)


def to_fragment(doc: Doc, level: int = 1) -> str:
    """Render a document's body as HTML to place inside another page (headings from h<level>)."""
    h1, h2, h3 = (f"h{min(level + n, 6)}" for n in range(3))
    body = [f"<{h1}>{escape(doc.title)}</{h1}><p>{escape(doc.subtitle)}</p>"]
    for s in doc.sections:
        body.append(f"<section><{h2}>{escape(s.title)}</{h2}>")
        if s.lead:
            body.append(f"<p>{escape(s.lead)}</p>")
        body.append(_html_blocks(s.blocks))
        for e in s.entries:
            question = f'<p class="question">{escape(e.question)}</p>' if e.question else ""
            body.append(
                f'<div class="entry"><{h3}>{escape(e.title)}</{h3}>'
                f"{question}{_html_blocks(e.blocks)}</div>"
            )
        body.append("</section>")
    return "".join(body)


def to_html(doc: Doc) -> str:
    """Render a document as one self-contained, printable HTML page."""
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(doc.title)}</title><style>{STYLE}</style></head>"
        f"<body><main>{to_fragment(doc)}</main></body></html>\n"
    )

"""The readable plan shows every answer in words, gaps as gaps, and escapes learner text."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from exercises.model import Answer
from exercises.report import GAP, answers_doc, to_html, to_markdown


def answer(pid: str, value) -> Answer:
    return Answer(pid, value, "2026-11-26T10:00:00+00:00")


def test_markdown_and_html_show_answers_and_gaps(catalogue) -> None:
    """Answered prompts show their value in words; unanswered ones show the gap text."""
    answers = {
        "mindset.my-innovation": answer("mindset.my-innovation", "A falls | pathway"),
        "mindset.push-or-pull": answer("mindset.push-or-pull", "pull"),
        "mindset.current-approach": answer("mindset.current-approach", {"push": 2}),
        "mindset.check-planning": answer("mindset.check-planning", "copy-exactly"),
        "mindset.first-step": answer(
            "mindset.first-step", [{"what": "Ask the ward", "who": "Me", "when": "2026-12-01"}]
        ),
    }
    doc = answers_doc(catalogue, answers)
    md = to_markdown(doc)
    assert "## Module 1: The new mindset: why spreading change is hard" in md
    assert "A falls | pathway" in md
    assert "Mostly pull" in md
    assert "| We mostly promote the innovation itself | 2 – Disagree |" in md
    assert "(not the best answer)" in md
    assert "| Ask the ward | Me | 2026-12-01 |" in md
    assert f"*{GAP}*" in md  # mindset.stalled-change has no answer
    html = to_html(doc)
    assert html.startswith("<!DOCTYPE html>") and 'lang="en-GB"' in html
    assert "@media print" in html and 'class="gap"' in html and "<svg" in html
    total = sum(len(m.prompts) for m in catalogue.modules.values())
    assert f"5 of {total} questions answered" in doc.subtitle


def test_html_escapes_everything_the_learner_typed(catalogue) -> None:
    """Markup typed into an answer is shown as text, never run."""
    evil = '<img src=x onerror="alert(1)"><script>steal()</script>'
    doc = answers_doc(catalogue, {"mindset.my-innovation": answer("mindset.my-innovation", evil)})
    html = to_html(doc)
    assert "<script>steal" not in html and "<img src=x" not in html
    assert "&lt;script&gt;steal()&lt;/script&gt;" in html


def test_empty_workbook_is_all_gaps(catalogue) -> None:
    """With no answers at all, every prompt appears as a gap and nothing fails."""
    doc = answers_doc(catalogue, {})
    assert all(not e.answered for s in doc.sections for e in s.entries)
    assert to_markdown(doc).count(GAP) == len(catalogue.prompts)


# --- Markdown downloads show the learner's text as text, in a real Markdown viewer ---

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    'a <b onclick="steal()">bold</b> move',
    "<!-- hidden --> and <style>body{display:none}</style>",
    "[click me](javascript:alert(1))",
    "![pixel](https://tracker.example/p.png)",
    "<javascript:alert(1)>",
    "<https://evil.example/login>",
    "[ref] then [ref]: javascript:alert(1)",
    "\\[escaped\\](javascript:alert(1)) and a \\ backslash",
    "`<b>code</b>` and ```fences```",
    "&lt;script&gt; typed as an entity, &amp; &#60;",
    "Tom & Jerry, 5 < 6 > 4 | a pipe",
]
"""What a learner might type (or paste) that a Markdown viewer could run, show as
something else or turn into a link."""

ALLOWED_TAGS = {
    "h1", "h2", "h3", "p", "blockquote", "em", "strong", "ul", "li",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
"""What the document's own Markdown makes: headings, paragraphs, the question's quote,
gaps in italics, bullets and tables. Never a link, an image, a script or a style."""


def _made(tag: str, attrs: list[tuple[str, str | None]], typed: str) -> bool:
    """True for an element the learner's text made. A web address typed as plain text,
    which a viewer may make clickable itself (going where the words say), is not one."""
    if tag == "a" and len(attrs) == 1 and attrs[0][0] == "href":
        target = attrs[0][1] or ""
        return not (target.startswith(("https://", "http://")) and target in typed)
    return tag not in ALLOWED_TAGS or bool(attrs)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_comment(self, data: str) -> None:
        self.tags.append(("!--", []))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def viewer(markdown: str) -> _Page:
    """Render like a permissive Markdown viewer (GitHub-like: tables, bare-URL links, raw
    HTML allowed, and no check on where a link goes), then read the HTML back."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("gfm-like")
    md.validateLink = lambda url: True  # a viewer that follows any link target
    page = _Page()
    page.feed(md.render(markdown))
    return page


@pytest.mark.parametrize("typed", HOSTILE)
def test_markdown_shows_typed_markup_and_links_as_text(catalogue, typed: str) -> None:
    """In a written answer and in an action plan's cells, a learner's markup never becomes
    HTML, a link or an image, and what she typed is shown exactly."""
    answers = {
        "mindset.my-innovation": answer("mindset.my-innovation", typed),
        "mindset.first-step": answer(
            "mindset.first-step", [{"what": typed, "who": typed, "when": "2026-12-01"}]
        ),
    }
    page = viewer(to_markdown(answers_doc(catalogue, answers)))
    odd = [(tag, attrs) for tag, attrs in page.tags if _made(tag, attrs, typed)]
    assert not odd, f"{typed!r} made {odd}"
    shown = " ".join("".join(page.text).split())
    assert shown.count(" ".join(typed.split())) >= 3  # the answer, and both cells


def test_the_hostile_samples_would_run_if_written_as_they_are() -> None:
    """The check above can fail: unescaped, the same text makes tags and links (all but
    the web address in angle brackets, which a viewer links where its words say)."""
    for typed in [t for t in HOSTILE[:8] if not t.startswith("<https:")]:
        page = viewer(typed)
        assert any(_made(tag, attrs, typed) for tag, attrs in page.tags), typed

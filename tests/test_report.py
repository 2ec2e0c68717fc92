"""The readable plan shows every answer in words, gaps as gaps, and escapes learner text."""

from __future__ import annotations

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

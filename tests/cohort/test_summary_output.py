"""Cohort output is safe to open: HTML escaped and self-contained, CSV never a formula."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from exercises.catalogue import Catalogue
from exercises.cohort.rehearsal import write_demo
from exercises.cohort.share_file import DAMAGED, INVALID, NEWER, WORKBOOK
from exercises.cohort.summary import (
    OLDER,
    OTHER_COHORT,
    SET_ASIDE_REASONS,
    CohortSummary,
    summarise,
)
from exercises.cohort.summary_output import (
    HIDDEN,
    neutralise,
    rejected_csv,
    summary_csv,
    to_html,
    to_html_fragment,
    write_outputs,
)
from tests.cohort.data import FULL, put, share_bytes, share_doc

TRICKY = [
    "<script>alert('x')</script><img src=https://evil.example/p.png>",
    '=HYPERLINK("http://evil.example","click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\tTabbed start",
    "\rReturn start",
    "Plain words & an ampersand",
]


@pytest.fixture
def summary(tmp_path: Path, cat: Catalogue) -> CohortSummary:
    """A cohort whose shared texts are all tricky, plus two bad files with tricky names."""
    folder = tmp_path / "share"
    for n, words in enumerate(TRICKY):
        focus = ["one", "two", "three"][n % 3]  # 3, 3 and 2: some counts are hidden
        values = {**FULL, "complexity.story": words, "principles.focus": focus}
        data = share_bytes(
            cat, f"calm-heron-{1000 + n}", values=values, share_text=("complexity.story",)
        )
        put(folder, f"share-{n}.json", data)
    put(folder, "=cmd()<b>.json", b"not json")
    put(folder, "@list.json", b"[1]")
    put(folder, "\ttab.json", b"")
    return summarise(folder, cat)


class Tags(HTMLParser):
    """Collects every tag and attribute of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, dict(attrs)))


def parse(page: str) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(page)
    return parser.tags


def test_learner_text_is_escaped_and_file_names_left_out(summary: CohortSummary) -> None:
    """Markup in shared text is shown as text, never run; file names (tricky or not) are
    not on the page at all."""
    page = to_html(summary)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "cmd()" not in page and "list.json" not in page and "tab.json" not in page
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "Plain words &amp; an ampersand" in page


def test_the_page_makes_no_outside_requests(summary: CohortSummary) -> None:
    """No scripts, images, frames, links or style imports; no attribute points anywhere."""
    page = to_html(summary)
    tags = parse(page)
    names = {tag for tag, _ in tags}
    assert not names & {"script", "img", "iframe", "link", "object", "embed", "audio", "video"}
    for tag, attrs in tags:
        for key in ("src", "href", "action", "srcset", "poster", "data"):
            assert key not in attrs, f"<{tag}> has {key}"
    assert "url(" not in page and "@import" not in page
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en-GB">' in page


def test_tables_have_captions_headers_and_printed_numbers(summary: CohortSummary) -> None:
    """Every table has a caption and scoped header cells; hidden counts say so in words."""
    page = to_html(summary)
    tags = parse(page)
    assert sum(tag == "table" for tag, _ in tags) == sum(tag == "caption" for tag, _ in tags)
    headers = [attrs for tag, attrs in tags if tag == "th"]
    assert headers and all(attrs.get("scope") in ("col", "row") for attrs in headers)
    assert f">{HIDDEN}<" in page  # eight learners: the small counts are hidden
    assert '<td class="n s' in page and ">8<" in page  # and the numbers are printed
    assert "My starting point" in page and "Where my change sits" in page


def test_a_fragment_fits_inside_another_page(summary: CohortSummary) -> None:
    """Inside a notebook the headings start lower and the styles are scoped to the summary."""
    fragment = to_html_fragment(summary, level=3)
    assert "<h1" not in fragment and "<h2" not in fragment and "<h3>Cohort summary" in fragment
    assert '<div class="cohort-summary">' in fragment
    style = fragment.split("<style>", 1)[1].split("</style>", 1)[0]
    rules = [rule for rule in style.split("}") if rule.strip()]
    assert all(rule.lstrip().startswith(".cohort-summary") for rule in rules)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_neutralise_prefixes_formula_starts(start: str) -> None:
    """A cell that a spreadsheet could run becomes text with a leading apostrophe."""
    assert neutralise(f"{start}1+1") == f"'{start}1+1"


def test_neutralise_leaves_other_cells_alone() -> None:
    """Ordinary words and numbers are unchanged."""
    assert neutralise("Plain words") == "Plain words"
    assert neutralise(" =later") == " =later"
    assert neutralise(12) == 12


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 mark to read dashes"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_summary_csv_never_starts_a_cell_with_a_formula(summary: CohortSummary) -> None:
    """Every cell of summary.csv that began with = + - @ tab or CR now begins with '."""
    rows = read_csv(summary_csv(summary))
    cells = [cell for row in rows for cell in row.values()]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    texts = [r["text"] for r in rows if r["section"] == "shared text"]
    assert sorted(texts) == sorted(neutralise(t.strip()) for t in TRICKY)
    assert '\'=HYPERLINK("http://evil.example","click")' in texts


def test_summary_csv_holds_the_counts_with_hidden_cells_in_words(summary) -> None:
    """The CSV has the same figures as the page, and hidden counts say 'hidden'."""
    rows = read_csv(summary_csv(summary))
    assert set(rows[0]) == {"section", "module", "question", "row", "column", "count", "text"}
    files = {r["row"]: r["count"] for r in rows if r["section"] == "files"}
    assert files == {"share files found": "11", "learners summarised": "8", "files set aside": "3"}
    by_reason = {r["row"]: r["count"] for r in rows if r["section"] == "set aside"}
    assert by_reason == {
        SET_ASIDE_REASONS[DAMAGED][0]: "2",
        SET_ASIDE_REASONS[INVALID][0]: "1",
    }
    baseline = [r for r in rows if r["question"] == "My starting point"]
    assert {r["count"] for r in baseline if r["row"] == "Complexity"} == {"8", "0"}
    assert HIDDEN in {r["count"] for r in rows}


def test_rejected_csv_lists_file_and_reason_safely(summary: CohortSummary) -> None:
    """rejected.csv has a file and a reason for each bad file, neutralised too."""
    rows = read_csv(rejected_csv(summary))
    assert [r["file"] for r in rows] == ["'\ttab.json", "'=cmd()<b>.json", "'@list.json"]
    assert all(r["reason"] for r in rows)


def test_write_outputs_writes_three_files(tmp_path: Path, summary: CohortSummary) -> None:
    """summary.html, summary.csv and rejected.csv, made in a new folder; rerunning replaces."""
    written = write_outputs(summary, tmp_path / "out" / "week-1")
    assert sorted(written) == ["rejected.csv", "summary.csv", "summary.html"]
    assert all(p.exists() and p.stat().st_size > 0 for p in written.values())
    again = write_outputs(summary, tmp_path / "out" / "week-1")
    assert again["summary.html"].read_text(encoding="utf-8") == to_html(summary)


def test_an_empty_summary_still_renders(tmp_path: Path, cat: Catalogue) -> None:
    """No usable files gives a page that says so, and CSV files with headers."""
    folder = tmp_path / "none"
    put(folder, "bad.json", b"")
    empty = summarise(folder, cat)
    page = to_html(empty)
    assert "nothing to count" in page and "bad.json" not in page
    assert SET_ASIDE_REASONS[DAMAGED][0] in page
    assert read_csv(rejected_csv(empty))[0]["reason"] == "The file is empty."


def test_files_set_aside_are_counted_by_reason_and_named_only_in_rejected_csv(
    tmp_path: Path, cat: Catalogue
) -> None:
    """The page and summary.csv count the files set aside by reason, with what to do;
    no nickname and no file name reaches them. rejected.csv still names each file."""
    folder = tmp_path / "week-3"
    names = [f"calm-heron-{1000 + n}" for n in range(4)]
    for n, nickname in enumerate(names):
        made = f"2027-01-1{n}T10:00:00+00:00"
        put(folder, f"share-{nickname}.json", share_bytes(cat, nickname, made_at=made))
    older = share_bytes(cat, names[0], made_at="2027-01-01T10:00:00+00:00")
    put(folder, f"share-{names[0]}-first-try.json", older)
    put(folder, "share-quiet-walrus-1234.json", share_bytes(cat, "quiet-walrus-1234", "OTHER-1"))
    put(folder, "share-brisk-otter-5555.json", b"{")
    put(folder, "share-bold-lark-6666.json", b"")
    put(folder, "share-tidy-vole-7777.json", b'{"format": "spread-course-workbook"}')
    newer = {**share_doc(cat, "keen-wren-8888"), "version": 99}
    put(folder, "share-keen-wren-8888.json", json.dumps(newer).encode())
    changed = {**share_doc(cat, "snug-newt-9999"), "name": "Dr Jane Example"}
    put(folder, "share-snug-newt-9999.json", json.dumps(changed).encode())
    summary = summarise(folder, cat, cohort="TEST-1")

    assert summary.learners == 4 and len(summary.rejected) == 7
    counts = dict(zip(summary.set_aside()["reason"], summary.set_aside()["files"], strict=True))
    assert counts == {
        SET_ASIDE_REASONS[DAMAGED][0]: 2,
        SET_ASIDE_REASONS[WORKBOOK][0]: 1,
        SET_ASIDE_REASONS[OTHER_COHORT][0]: 1,
        SET_ASIDE_REASONS[OLDER][0]: 1,
        SET_ASIDE_REASONS[NEWER][0]: 1,
        SET_ASIDE_REASONS[INVALID][0]: 1,
    }
    assert list(counts) == [label for label, _ in SET_ASIDE_REASONS.values()]  # fixed order

    page = to_html(summary)
    fragment = to_html_fragment(summary, level=3)
    csv_text = summary_csv(summary).decode("utf-8-sig")
    words = [*names, "quiet-walrus", "brisk-otter", "bold-lark", "tidy-vole", "keen-wren"]
    words += ["snug-newt", "first-try", ".json", "Jane"]
    for shown in (page, fragment, csv_text):
        assert not [w for w in words if w in shown]
    for label, todo in SET_ASIDE_REASONS.values():
        assert label in page and todo in page
    assert "Files set aside, by reason" in page and "rejected.csv" in page
    assert "7 set aside" in page

    listed = read_csv(rejected_csv(summary))
    assert set(listed[0]) == {"file", "reason"}
    assert len(listed) == 7 and f"share-{names[0]}-first-try.json" in {r["file"] for r in listed}
    assert any(names[0] in r["reason"] for r in listed)  # the older file's reason names it


def test_held_back_written_answers_are_counted_but_never_shown(
    tmp_path: Path, cat: Catalogue
) -> None:
    """Answers to a question shared by too few people are missing from the page and the
    CSV; both say how many were held back and why."""
    folder = tmp_path / "f"
    for n in range(4):
        values = {**FULL, "complexity.story": f"Story number {n}", "principles.learned": "Lone"}
        chosen = ("complexity.story", "principles.learned") if n == 0 else ("complexity.story",)
        put(
            folder,
            f"{n}.json",
            share_bytes(cat, f"calm-heron-{1000 + n}", values=values, share_text=chosen),
        )
    summary = summarise(folder, cat)
    page = to_html(summary)
    csv_text = summary_csv(summary).decode("utf-8-sig")
    assert "Story number 3" in page and "Story number 3" in csv_text
    assert "Lone" not in page and "Lone" not in csv_text
    assert "1 written answer to 1 other question is not shown: fewer than 3 people" in page
    rows = read_csv(summary_csv(summary))
    held = [r for r in rows if r["section"] == "shared text" and r["count"]]
    assert [r["count"] for r in held] == ["1"] and "fewer than 3 people" in held[0]["row"]


def test_a_rehearsal_group_of_eight_shows_where_everyone_has_got_to(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    """For 8 rehearsal learners on the real course, the completion table is whole, while
    no count of what people answered below the threshold is ever shown."""
    write_demo(tmp_path / "d", 8, "REHEARSAL", catalogue=catalogue)
    summary = summarise(tmp_path / "d", catalogue)
    rows = read_csv(summary_csv(summary))
    completion = [r["count"] for r in rows if r["section"] == "completion"]
    assert len(completion) == 3 * len(summary.completion) and HIDDEN not in completion
    assert all(sum(map(int, c)) == 8 for c in summary.completion.to_numpy().tolist())
    answers = [
        r["count"]
        for r in rows
        if r["section"] in {"rating", "choice", "checklist", "quiz", "position"}
    ]
    assert HIDDEN in answers  # the protection is still at work for a group this size
    assert not [c for c in answers if c in {"1", "2"}]
    page = to_html(summary)
    section = page.split("Where the group has got to")[1].split("</section>")[0]
    assert f">{HIDDEN}<" not in section and '"n hidden"' not in section
    assert "never hidden" in section

"""The cohort summary: bad files are set aside one by one, and small counts are hidden."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
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
    summarise_docs,
)
from tests.cohort.data import FULL, make_catalogue, put, share_bytes, share_doc


def varied(n: int) -> dict:
    """A learner's answers that differ a little from learner to learner."""
    return {
        **FULL,
        "principles.baseline": {**FULL["principles.baseline"], "leadership": 1 + n % 5},
        "principles.focus": ["one", "two", "three"][n % 3],
        "complexity.position": {"x": 1 + n % 5, "y": 5 - n % 3},
        "complexity.signs": [["a"], ["a", "b"], ["c"]][n % 3],
    }


@pytest.fixture
def good(tmp_path: Path, cat: Catalogue) -> Path:
    """A folder of twelve valid share files for the cohort TEST-1."""
    folder = tmp_path / "good"
    for n in range(12):
        nickname = f"calm-heron-{1000 + n}"
        data = share_bytes(cat, nickname, values=varied(n), share_text=("complexity.story",))
        put(folder, f"share-{nickname}.json", data)
    return folder


def shown(row: pd.Series) -> list:
    """A row of counts as a list, with None where a count is hidden."""
    return [None if pd.isna(v) else int(v) for v in row]


def reasons(summary: CohortSummary) -> dict[str, str]:
    return dict(zip(summary.rejected["file"], summary.rejected["reason"], strict=True))


def figures(summary: CohortSummary) -> list:
    """Every table of a summary, to compare two summaries."""
    tables = [summary.completion]
    for t in [summary.headline_ratings, summary.headline_position, *summary.tables]:
        tables += [t.counts, t.answered]
    return [*tables, summary.texts]


def only_reason(folder: Path, cat: Catalogue, name: str, data) -> str:
    """Summarise a folder holding one bad file next to one good one; return its reason."""
    put(folder, "share-good-heron-1234.json", share_bytes(cat, "good-heron-1234"))
    put(folder, name, data)
    summary = summarise(folder, cat)
    assert summary.learners == 1, "the good file must still be summarised"
    found = reasons(summary)
    assert list(found) == [name]
    return found[name]


# ------------------------------------------------------------- bad input, one by one


def test_malformed_json_is_set_aside(tmp_path: Path, cat: Catalogue) -> None:
    """A truncated file is rejected as not valid JSON."""
    data = share_bytes(cat, "calm-heron-1000")[:-30]
    assert "not valid JSON" in only_reason(tmp_path / "f", cat, "cut.json", data)


def test_json_of_the_wrong_shape_is_set_aside(tmp_path: Path, cat: Catalogue) -> None:
    """A list, a number or a string is JSON but not a share file."""
    assert "a list, not a share file" in only_reason(tmp_path / "f", cat, "l.json", b"[1, 2]")
    assert "not a share file" in only_reason(tmp_path / "g", cat, "n.json", b'"hello"')


def test_a_file_without_the_share_marker_is_set_aside(tmp_path: Path, cat: Catalogue) -> None:
    """Some other JSON document, or a whole workbook, is not read as a share file."""
    other = {"format": "something-else", "version": 1}
    assert "no share file marker" in only_reason(tmp_path / "f", cat, "o.json", other)
    workbook = {"format": "spread-course-workbook", "version": 1, "answers": {}}
    assert "whole workbook" in only_reason(tmp_path / "g", cat, "w.json", workbook)


@pytest.mark.parametrize(
    ("version", "words"),
    [
        (0, "not a share file version"),
        ("1", "not a share file version"),
        (True, "version"),
        (2, "newer version of the course"),
    ],
)
def test_a_wrong_schema_version_is_set_aside(tmp_path: Path, cat: Catalogue, version, words):
    """Versions must be whole numbers the course knows; a newer one asks for an update."""
    doc = {**share_doc(cat, "calm-heron-1000"), "version": version}
    assert words in only_reason(tmp_path / "f", cat, "v.json", doc)


@pytest.mark.parametrize("missing", ["nickname", "cohort", "made_at", "answered", "shared_text"])
def test_a_missing_field_is_set_aside(tmp_path: Path, cat: Catalogue, missing: str) -> None:
    """Every field is required."""
    doc = share_doc(cat, "calm-heron-1000")
    del doc[missing]
    assert f"missing the field ['{missing}']" in only_reason(tmp_path / "f", cat, "m.json", doc)


def test_an_extra_field_is_set_aside(tmp_path: Path, cat: Catalogue) -> None:
    """A field the format does not have (such as a name) is never read."""
    doc = {**share_doc(cat, "calm-heron-1000"), "name": "Dr Jane Example"}
    reason = only_reason(tmp_path / "f", cat, "x.json", doc)
    assert "fields a share file does not have: ['name']" in reason


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("answered", "all", "'answered' field must be a list"),
        ("answers", ["principles.focus"], "'answers' field must map"),
        ("shared_text", "text", "'shared_text' field must map"),
        ("nickname", 42, "nickname or cohort code is not valid"),
        ("cohort", None, "nickname or cohort code is not valid"),
        ("made_at", 20270115, "'made_at' time must be text"),
        ("made_at", "yesterday", "not a date and time"),
        ("made_at", "2027-01-15T10:00:00", "no time zone"),
    ],
)
def test_wrong_types_are_set_aside(tmp_path: Path, cat: Catalogue, field, value, words) -> None:
    """Each field must have its own type; the reason names the field."""
    doc = {**share_doc(cat, "calm-heron-1000"), field: value}
    assert words in only_reason(tmp_path / "f", cat, "t.json", doc)


@pytest.mark.parametrize(
    ("prompt", "value", "words"),
    [
        ("principles.baseline", {"complexity": 9}, "from 1 to 5, not 9"),
        ("principles.baseline", {"complexity": "5"}, "not '5'"),
        ("complexity.sure", 0, "from 1 to 5, not 0"),
        ("complexity.position", {"x": 6, "y": 1}, "from 1 to 5, not 6"),
        ("principles.focus", "four", "not one of this question's options"),
        ("complexity.signs", ["a", "z"], "not one of this checklist's options"),
    ],
)
def test_values_outside_a_scale_are_set_aside(tmp_path, cat, prompt, value, words) -> None:
    """A value the question does not allow rejects the whole file, naming the question."""
    doc = share_doc(cat, "calm-heron-1000")
    doc["answers"][prompt] = value
    reason = only_reason(tmp_path / "f", cat, "s.json", doc)
    assert prompt in reason and words in reason


def test_answers_in_the_wrong_place_are_set_aside(tmp_path: Path, cat: Catalogue) -> None:
    """Written text hidden among the ratings (or a rating among texts) is not accepted."""
    doc = share_doc(cat, "calm-heron-1000")
    doc["answers"]["complexity.story"] = "sneaked in"
    assert "belongs in 'shared_text'" in only_reason(tmp_path / "f", cat, "p.json", doc)
    doc = share_doc(cat, "calm-heron-1000")
    doc["answered"].remove("principles.focus")
    assert "not in its 'answered' list" in only_reason(tmp_path / "g", cat, "q.json", doc)


def test_unknown_prompt_ids_are_set_aside(tmp_path: Path, cat: Catalogue) -> None:
    """A question this copy of the course does not know is named, with what to do."""
    doc = share_doc(cat, "calm-heron-1000")
    doc["answered"].append("nosuch.question")
    doc["answers"]["nosuch.question"] = 3
    reason = only_reason(tmp_path / "f", cat, "u.json", doc)
    assert "'nosuch.question'" in reason and "update your copy" in reason


def test_the_same_nickname_twice_keeps_the_newest(tmp_path: Path, cat: Catalogue) -> None:
    """The older file is reported and the newer one is counted, whatever the file names."""
    folder = tmp_path / "f"
    three = {**FULL, "principles.focus": "three"}
    for n in range(3):
        put(folder, f"other{n}.json", share_bytes(cat, f"calm-heron-{2000 + n}", values=three))
    put(
        folder,
        "a-newer.json",
        share_bytes(cat, "calm-heron-1000", values=three, made_at="2027-02-01T10:00:00+00:00"),
    )
    older = {**FULL, "principles.focus": "one"}
    put(
        folder,
        "b-older.json",
        share_bytes(cat, "calm-heron-1000", values=older, made_at="2027-01-01T10:00:00+01:00"),
    )
    summary = summarise(folder, cat)
    assert summary.learners == 4
    assert list(reasons(summary)) == ["b-older.json"]
    assert "newer file, a-newer.json, was used" in reasons(summary)["b-older.json"]
    focus = next(t for t in summary.tables if t.prompt.id == "principles.focus")
    assert shown(focus.counts.iloc[0]) == [0, 0, 4]


def test_an_empty_file_is_set_aside(tmp_path: Path, cat: Catalogue) -> None:
    """Zero bytes, or only spaces, is an empty file."""
    assert only_reason(tmp_path / "f", cat, "e.json", b"") == "The file is empty."
    assert only_reason(tmp_path / "g", cat, "s.json", b" \n ") == "The file is empty."


def test_a_file_over_one_megabyte_is_set_aside_unread(tmp_path: Path, cat: Catalogue) -> None:
    """A huge file is refused by its size, before it is read."""
    reason = only_reason(tmp_path / "f", cat, "big.json", b"{" + b" " * 1_000_000 + b"}")
    assert "1,000,002 bytes" in reason and "at most 1 MB" in reason


def test_non_utf8_bytes_are_set_aside(tmp_path: Path, cat: Catalogue) -> None:
    """A file that is not UTF-8 text says so."""
    assert "not UTF-8" in only_reason(tmp_path / "f", cat, "b.json", b'{"a": "\xff\xfe"}')


def test_deeply_nested_or_huge_numbers_are_set_aside(tmp_path: Path, cat: Catalogue) -> None:
    """JSON that would exhaust the reader is rejected, not a crash."""
    deep = b"[" * 200_000 + b"]" * 200_000
    assert "too deep or too large" in only_reason(tmp_path / "f", cat, "d.json", deep)
    huge = b'{"format": ' + b"9" * 5000 + b"}"
    assert "too deep or too large" in only_reason(tmp_path / "g", cat, "h.json", huge)


def test_text_with_markup_or_formulas_is_kept_as_text(tmp_path: Path, cat: Catalogue) -> None:
    """Shared words holding HTML, scripts or spreadsheet formulas are valid answers."""
    folder = tmp_path / "f"
    tricky = ["<script>alert(1)</script>", '=HYPERLINK("http://x")', "@SUM(A1)", "-1+1"]
    for n, words in enumerate(tricky):
        values = {**FULL, "complexity.story": words}
        put(
            folder,
            f"{n}.json",
            share_bytes(
                cat, f"calm-heron-{1000 + n}", values=values, share_text=("complexity.story",)
            ),
        )
    summary = summarise(folder, cat)
    assert summary.rejected.empty and summary.learners == 4
    assert sorted(summary.texts["text"]) == sorted(tricky)


def test_a_folder_with_no_share_files(tmp_path: Path, cat: Catalogue) -> None:
    """No .json files: nothing summarised, nothing rejected, no crash; other files ignored."""
    folder = tmp_path / "f"
    put(folder, "notes.txt", b"not a share file")
    put(folder, ".hidden.json", b"{}")
    summary = summarise(folder, cat)
    assert (summary.files_found, summary.learners, len(summary.rejected)) == (0, 0, 0)
    assert summary.completion is None and summary.tables == []


def test_a_missing_folder_is_a_plain_error(tmp_path: Path, cat: Catalogue) -> None:
    """Summarising a folder that does not exist says so in words."""
    with pytest.raises(FileNotFoundError, match="There is no folder"):
        summarise(tmp_path / "nope", cat)
    put(tmp_path, "file.json", b"{}")
    with pytest.raises(NotADirectoryError, match="is a file"):
        summarise(tmp_path / "file.json", cat)


def test_another_cohort_is_reported_not_mixed_in(tmp_path: Path, good: Path, cat) -> None:
    """Files with another code are set aside; the summary is for the most common code."""
    put(good, "visitor.json", share_bytes(cat, "quiet-walrus-1234", cohort="other-group"))
    summary = summarise(good, cat)
    assert summary.cohort == "TEST-1" and summary.learners == 12
    assert "cohort OTHER-GROUP, not TEST-1" in reasons(summary)["visitor.json"]
    named = summarise(good, cat, cohort="other-group")
    assert named.cohort == "OTHER-GROUP" and named.learners == 1


def test_a_tie_between_cohorts_is_noted(tmp_path: Path, cat: Catalogue) -> None:
    """Equal numbers of two codes: the first alphabetically is used, and a note says so."""
    folder = tmp_path / "f"
    put(folder, "a.json", share_bytes(cat, "calm-heron-1000", cohort="B-GROUP"))
    put(folder, "b.json", share_bytes(cat, "calm-heron-1001", cohort="A-GROUP"))
    summary = summarise(folder, cat)
    assert summary.cohort == "A-GROUP"
    assert any("same number of files" in note for note in summary.notes)


def test_bad_files_never_change_another_learners_figures(tmp_path, good: Path, cat) -> None:
    """Every kind of bad file at once leaves each table exactly as it was."""
    before = summarise(good, cat)
    doc = share_doc(cat, "calm-heron-1000")
    bad = {
        "cut.json": share_bytes(cat, "calm-heron-1000")[:-9],
        "list.json": b"[]",
        "empty.json": b"",
        "utf16.json": "{}".encode("utf-16"),
        "big.json": b" " * 1_000_001,
        "v9.json": json.dumps({**doc, "version": 9}).encode(),
        "extra.json": json.dumps({**doc, "name": "Jo"}).encode(),
        "scale.json": json.dumps({**doc, "answers": {"complexity.sure": 7}}).encode(),
        "other.json": share_bytes(cat, "quiet-walrus-1234", cohort="OTHER"),
        "old-copy.json": share_bytes(cat, "calm-heron-1000", made_at="2001-01-01T00:00:00+00:00"),
    }
    for name, data in bad.items():
        put(good, name, data)
    after = summarise(good, cat)
    assert after.learners == before.learners == 12
    assert sorted(after.rejected["file"]) == sorted(bad)
    for old, new in zip(figures(before), figures(after), strict=True):
        pd.testing.assert_frame_equal(pd.DataFrame(old), pd.DataFrame(new))


# ------------------------------------------------------------------------ counting


def test_completion_is_counted_by_module(tmp_path: Path, cat: Catalogue) -> None:
    """Every question, some, or none yet, per module, for each learner."""
    folder = tmp_path / "f"
    some = {k: v for k, v in FULL.items() if k != "principles.focus"}
    for n in range(3):
        put(folder, f"all{n}.json", share_bytes(cat, f"calm-heron-{1000 + n}"))
        put(folder, f"some{n}.json", share_bytes(cat, f"calm-heron-{2000 + n}", values=some))
    summary = summarise(folder, cat)
    table = summary.completion
    assert list(table.columns) == ["Answered every question", "Answered some", "Not started"]
    assert table.loc["Module 2: The principles"].tolist() == [3, 3, 0]
    assert table.loc["Module 3: Complexity"].tolist() == [6, 0, 0]
    assert table.loc["Module 4: Extra"].tolist() == [0, 0, 6]


def test_completion_counts_are_never_hidden(tmp_path: Path, cat: Catalogue) -> None:
    """How far people have got is shown in full, even counts of 1 and 2, while the counts
    of what the same people answered stay protected."""
    folder = tmp_path / "f"
    some = {k: v for k, v in FULL.items() if k != "principles.focus"}
    put(folder, "a.json", share_bytes(cat, "calm-heron-1000"))
    put(folder, "b.json", share_bytes(cat, "calm-heron-1001", values=some))
    put(folder, "c.json", share_bytes(cat, "calm-heron-1002", values=some))
    put(folder, "d.json", share_bytes(cat, "calm-heron-1003", values={"extra.note": "hi"}))
    summary = summarise(folder, cat)
    table = summary.completion
    assert table is not None and not table.isna().any().any()
    assert table.loc["Module 2: The principles"].tolist() == [1, 2, 1]
    assert table.loc["Module 4: Extra"].tolist() == [1, 0, 3]
    focus = next(t for t in summary.tables if t.prompt.id == "principles.focus")
    assert shown(focus.counts.iloc[0]) == [None, None, None] and pd.isna(focus.answered.iloc[0])


def test_written_answers_need_enough_sharers(tmp_path: Path, cat: Catalogue) -> None:
    """A question's shared written answers are listed only when at least min_count people
    shared one; the others are counted, never shown."""
    folder = tmp_path / "f"
    for n in range(5):
        values = {**FULL, "complexity.story": f"Story number {n}"}
        chosen = ("complexity.story",) if n < 3 else ("complexity.story", "complexity.people")
        data = share_bytes(cat, f"calm-heron-{1000 + n}", values=values, share_text=chosen)
        put(folder, f"{n}.json", data)
    summary = summarise(folder, cat)
    assert sorted(summary.texts["text"]) == [f"Story number {n}" for n in range(5)]
    assert (summary.texts_held_back, summary.questions_held_back) == (2, 1)
    loose = summarise(folder, cat, min_count=2)
    assert (loose.texts_held_back, len(loose.texts)) == (0, 7)
    strict = summarise(folder, cat, min_count=6)
    assert strict.texts.empty and (strict.texts_held_back, strict.questions_held_back) == (7, 2)


def test_the_seven_principle_heat_map_counts_each_rating(good: Path, cat: Catalogue) -> None:
    """One row per principle, one column per scale point, with hidden small counts."""
    table = summarise(good, cat).headline_ratings
    assert table is not None and table.prompt.id == "principles.baseline"
    assert table.counts.index[0] == "Complexity"
    assert list(table.counts.columns) == [
        "1 – Not at all",
        "2 – A little",
        "3 – Partly",
        "4 – Mostly",
        "5 – Fully",
    ]
    assert table.counts.loc["Complexity"].tolist() == [0, 12, 0, 0, 0]
    # leadership is 1 + n % 5: three 1s, three 2s and two each of 3, 4 and 5
    assert shown(table.counts.loc["Leadership"]) == [3, 3, None, None, None]
    assert table.answered.tolist() == [12] * 7
    hidden = summarise(good, cat, min_count=4).headline_ratings.counts.loc["Leadership"]
    assert hidden.isna().all()  # every count is below 4


def test_positions_are_counted_by_quadrant(good: Path, cat: Catalogue) -> None:
    """Each learner lands in one quadrant or on a middle line."""
    table = summarise(good, cat, min_count=2).headline_position
    assert table is not None
    assert list(table.counts.columns) == [
        "Plain sailing",
        "Tricky tool",
        "Tricky place",
        "Convene",
        "On a middle line",
    ]
    # x = 1 + n % 5 and y = 5 - n % 3 for n = 0..11
    assert table.counts.iloc[0].tolist() == [0, 0, 4, 3, 5]
    assert table.answered.iloc[0] == 12


def test_checklists_count_ticked_and_not_ticked(good: Path, cat: Catalogue) -> None:
    """Each option is a row: how many ticked it and how many did not."""
    signs = next(t for t in summarise(good, cat).tables if t.prompt.id == "complexity.signs")
    assert signs.counts.loc["Many teams"].tolist() == [8, 4]
    assert signs.counts.loc["Shifting"].tolist() == [4, 8]
    assert signs.counts.loc["Unsure"].tolist() == [4, 8]


def test_missing_headline_prompts_are_noted_not_fatal(tmp_path: Path) -> None:
    """A course without the principles or complexity modules still summarises."""
    small = make_catalogue(tmp_path / "small", headline=False)
    folder = tmp_path / "f"
    put(folder, "a.json", share_bytes(small, "calm-heron-1000", values={"extra.note": "hi"}))
    summary = summarise(folder, small)
    assert summary.learners == 1
    assert summary.headline_ratings is None and summary.headline_position is None
    assert any("principles.baseline" in n for n in summary.notes)
    assert any("complexity.position" in n for n in summary.notes)


def test_shared_text_is_listed_without_nicknames(tmp_path: Path, cat: Catalogue) -> None:
    """Texts and list rows appear in a neutral order, with no nickname anywhere."""
    folder = tmp_path / "f"
    for n, words in enumerate(["Zebra crossing idea", "Apple pie plan"]):
        values = {**FULL, "complexity.story": words}
        chosen = ("complexity.story", "complexity.people")
        put(
            folder,
            f"{n}.json",
            share_bytes(cat, f"calm-heron-{1000 + n}", values=values, share_text=chosen),
        )
    texts = summarise(folder, cat, min_count=2).texts  # two sharers: enough at 2
    assert list(texts.columns) == ["module", "prompt", "question", "text"]
    story = texts[texts["prompt"] == "complexity.story"]["text"].tolist()
    assert story == ["Apple pie plan", "Zebra crossing idea"]
    assert "Name: Priya; Role: Broker" in texts["text"].tolist()
    assert not texts.apply(lambda col: col.astype(str).str.contains("heron")).any().any()


def test_checks_remembered_across_files_keep_types_apart(tmp_path: Path, cat: Catalogue) -> None:
    """A value checked once is not re-checked, but true is never taken for 1."""
    folder = tmp_path / "f"
    put(folder, "a.json", share_bytes(cat, "calm-heron-1000"))
    for name, prompt, value in [
        ("b.json", "complexity.sure", True),
        ("c.json", "complexity.position", {"x": True, "y": 4}),
        ("d.json", "complexity.sure", 4.5),  # (4.0 in a file reads as 4: versioned_json)
    ]:
        doc = share_doc(cat, "calm-heron-1001")
        doc["answers"][prompt] = value
        put(folder, name, doc)
    summary = summarise(folder, cat)
    assert summary.learners == 1 and sorted(reasons(summary)) == ["b.json", "c.json", "d.json"]


def test_each_file_set_aside_has_a_kind_of_reason(tmp_path: Path, cat: Catalogue) -> None:
    """Every way a file can fail is sorted into a kind of reason, so the summary can count
    them; the rehearsal's damaged files cover every kind."""
    write_demo(tmp_path / "d", 6, "TEST-1", catalogue=cat, bad=True)
    summary = summarise(tmp_path / "d", cat)
    kinds = dict(zip(summary.rejected["file"], summary.rejected["kind"], strict=True))
    expected = {
        "broken-json.json": DAMAGED,
        "empty.json": DAMAGED,
        "not-text.json": DAMAGED,
        "too-big.json": DAMAGED,
        "whole-workbook.json": WORKBOOK,
        "newer-version.json": NEWER,
        "unknown-question.json": NEWER,
        "other-cohort.json": OTHER_COHORT,
        "a-list.json": INVALID,
        "missing-field.json": INVALID,
        "extra-field.json": INVALID,
        "wrong-type.json": INVALID,
        "answer-does-not-fit.json": INVALID,
    }
    older = [f for f in kinds if f.endswith("-older.json")]
    assert {f: kinds[f] for f in expected} == expected and [kinds[f] for f in older] == [OLDER]
    assert set(kinds.values()) == set(SET_ASIDE_REASONS)
    counts = summary.set_aside().set_index("reason")["files"]
    assert counts.sum() == len(summary.rejected) and counts[SET_ASIDE_REASONS[DAMAGED][0]] == 4


def test_pairs_without_a_kind_still_count(cat: Catalogue) -> None:
    """Files set aside by a caller as (file, reason) pairs count as 'not a share file'."""
    summary = summarise_docs([], cat, rejected=[("x.json", "Made up by hand.")])
    assert summary.set_aside().to_dict("records") == [
        {
            "reason": SET_ASIDE_REASONS[INVALID][0],
            "files": 1,
            "what to do": SET_ASIDE_REASONS[INVALID][1],
        }
    ]

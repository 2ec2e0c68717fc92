"""The workbook file's format: read answer by answer (one damaged answer spoils none of the
others), or all or nothing; written one answer a line, lone surrogates kept exactly."""

from __future__ import annotations

import json
import random
import sys

import pytest

from exercises.model import Answer
from exercises.workbook_file import (
    DAMAGED_ENTRY,
    FORMAT,
    NO_TIME,
    VERSION,
    NewerWorkbookError,
    WorkbookError,
    dump_workbook,
    parse_workbook,
    read_entries,
    read_workbook,
)
from tests.conftest import REPO

GOOD_TIME = "2026-11-26T14:32:05.123456+00:00"


def workbook(answers: dict[str, object], version: object = VERSION) -> bytes:
    return json.dumps({"format": FORMAT, "version": version, "answers": answers}).encode()


BAD_ENTRIES = {
    "m.no-zone": ({"value": "words", "saved_at": "2026-11-26T14:32:05"}, NO_TIME),
    "m.plus-lost": ({"value": "words", "saved_at": "2026-11-26T14:32:05 00:00"}, NO_TIME),
    "m.number-time": ({"value": 3, "saved_at": 20261126}, NO_TIME),
    "m.null-time": ({"value": 3, "saved_at": None}, NO_TIME),
    "m.no-time": ({"value": 3}, NO_TIME),
    "m.no-value": ({"saved_at": GOOD_TIME}, DAMAGED_ENTRY),
    "m.a-list": (["value", GOOD_TIME], DAMAGED_ENTRY),
    "m.a-string": ("just words", DAMAGED_ENTRY),
}


def test_one_damaged_answer_leaves_the_others_readable() -> None:
    """Each kind of damage is named with its reason; every other answer is read as it is."""
    good = {
        "m.text": {"value": "Our falls clinic", "saved_at": GOOD_TIME},
        "m.rows": {"value": [{"what": "Call"}], "saved_at": "2026-11-26T14:32:05Z"},
        "m.gone-question": {"value": {"x": 99}, "saved_at": GOOD_TIME},
    }
    for pid, (entry, why) in BAD_ENTRIES.items():
        read = read_workbook(workbook({**good, pid: entry}))
        assert read.damaged == {pid: why}
        assert {p: a.value for p, a in read.answers.items()} == {
            p: e["value"] for p, e in good.items()
        }
        assert read.answers["m.rows"].saved_at == "2026-11-26T14:32:05Z"
        with pytest.raises(WorkbookError, match=f"the answer to '{pid}' {why[:12]}"):
            parse_workbook(workbook({**good, pid: entry}))
    every = read_workbook(workbook({**good, **{p: e for p, (e, _) in BAD_ENTRIES.items()}}))
    assert set(every.damaged) == set(BAD_ENTRIES) and set(every.answers) == set(good)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"not json", "not valid JSON"),
        (
            json.dumps({"format": FORMAT, "version": 1, "answers": []}).encode(),
            "answers is missing",
        ),
        (json.dumps({"format": "other", "answers": {}}).encode(), "not a course workbook"),
    ],
)
def test_a_file_unusable_as_a_whole_is_an_error(data: bytes, words: str) -> None:
    with pytest.raises(WorkbookError, match=words):
        read_workbook(data)


def test_a_newer_workbook_is_its_own_error() -> None:
    with pytest.raises(NewerWorkbookError) as err:
        read_workbook(workbook({}, version=VERSION + 1))
    assert err.value.version == VERSION + 1


def test_reading_entries_is_the_same_rule_for_every_reader() -> None:
    read = read_entries({"a.b": {"value": 1, "saved_at": GOOD_TIME}, "a.c": {"value": 1}})
    assert list(read.answers) == ["a.b"] and read.damaged == {"a.c": NO_TIME}


def test_read_workbook_raises_nothing_but_workbook_error() -> None:
    """Thousands of cut and corrupted workbooks: each is read, partly read or refused in
    words, and whatever is read is every answer that is whole."""
    good = dump_workbook(
        {
            f"m.q{n}": Answer(f"m.q{n}", v, GOOD_TIME)
            for n, v in enumerate(["text é 🙂", 3, {"x": 1, "y": 2}, [{"what": "a"}], None])
        }
    )
    rng = random.Random(20)
    partly = 0
    for _ in range(3000):
        data = bytearray(good)
        spot = rng.randrange(len(data))
        if rng.random() < 0.5:
            data[spot] = rng.randrange(256)
        else:
            data[spot:spot] = rng.choice([b'"', b"Z", b" ", b"{}", b"\\u", b"1", b"T"])
        try:
            read = read_workbook(bytes(data))
        except WorkbookError:
            continue
        partly += bool(read.damaged)
        for answer in read.answers.values():
            assert isinstance(answer.saved_at, str)
    assert partly > 10, "the fuzzing reached answers damaged one by one"


def test_a_lone_surrogate_is_written_as_an_escape_and_read_back_exactly() -> None:
    half = "half an emoji \ud83d here"
    data = dump_workbook({"m.t": Answer("m.t", half, GOOD_TIME)})
    data.decode("utf-8")
    assert b"\\ud83d" in data and parse_workbook(data)["m.t"].value == half


def test_the_format_and_the_merge_go_to_the_browser_and_the_store_does_not() -> None:
    """The website's document builder (the package's pure modules, in Pyodide where
    filelock is absent) gets the workbook's format and merge, never the store."""
    sys.path.insert(0, str(REPO / "book" / "_ext"))
    try:
        from course_site import pure_modules
    finally:
        sys.path.remove(str(REPO / "book" / "_ext"))
    names = {p.name for p in pure_modules(REPO / "exercises")}
    assert {"workbook_file.py", "workbook_merge.py", "safe_text.py"} <= names
    assert not {"workbook.py", "workbook_disk.py"} & names

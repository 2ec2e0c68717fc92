"""The workbook keeps every answer safe: atomic saves, merges, damaged files, import."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from exercises.workbook import (
    DEFAULT_PATH,
    FORMAT,
    MAX_IMPORT_BYTES,
    VERSION,
    Workbook,
    WorkbookError,
    dump_workbook,
    parse_workbook,
    workbook_path,
)

REPO = Path(__file__).resolve().parents[1]


def on_disk(wb: Workbook) -> dict:
    return json.loads(wb.path.read_text(encoding="utf-8"))


def just_now() -> str:
    """The time now (later than any answer saved before the call, not in the future)."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")


def workbook_bytes(answers: dict[str, tuple[object, str]], **head) -> bytes:
    doc = {"format": FORMAT, "version": VERSION, **head}
    doc["answers"] = {pid: {"value": v, "saved_at": t} for pid, (v, t) in answers.items()}
    return json.dumps(doc).encode()


# --- where the workbook lives ------------------------------------------------------


def test_env_var_sets_the_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """$COURSE_WORKBOOK (a file path, ~ allowed) overrides the default."""
    monkeypatch.setenv("COURSE_WORKBOOK", str(tmp_path / "mine.json"))
    assert workbook_path() == tmp_path / "mine.json"
    assert Workbook().path == tmp_path / "mine.json"


def test_default_path_is_per_user(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Without the variable, the workbook lives in a folder in the learner's home."""
    monkeypatch.delenv("COURSE_WORKBOOK")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert workbook_path() == tmp_path / "spread-course-workbook" / "workbook.json"
    assert DEFAULT_PATH.parts[0] == "~"


def test_importing_the_package_writes_nothing(tmp_path: Path) -> None:
    """Importing exercises (and its widget layer) creates no file anywhere in HOME."""
    env = {k: v for k, v in os.environ.items() if k != "COURSE_WORKBOOK"}
    env.update(HOME=str(tmp_path), PYTHONPATH=str(REPO))
    code = "import exercises, exercises.widgets; print(exercises.workbook_path())"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == str(tmp_path / "spread-course-workbook" / "workbook.json")
    assert list(tmp_path.iterdir()) == []


def test_reading_a_missing_workbook_creates_nothing(workbook: Workbook) -> None:
    """Looking at answers before any save leaves the disk untouched."""
    assert workbook.answers() == {}
    assert workbook.get("mindset.my-innovation") is None
    assert not workbook.path.parent.exists()


# --- saving ----------------------------------------------------------------------


def test_save_writes_id_value_time_and_schema(workbook: Workbook) -> None:
    """A save holds the prompt id, value and an ISO time, with format and version."""
    answer = workbook.save("mindset.my-innovation", "A virtual ward for frailty")
    doc = on_disk(workbook)
    assert doc["format"] == FORMAT and doc["version"] == VERSION
    entry = doc["answers"]["mindset.my-innovation"]
    assert entry["value"] == "A virtual ward for frailty"
    assert entry["saved_at"] == answer.saved_at and "T" in answer.saved_at
    assert workbook.get("mindset.my-innovation").value == "A virtual ward for frailty"


def test_save_refuses_a_bad_value_and_keeps_the_old_one(workbook: Workbook) -> None:
    """A value that does not fit its prompt is refused in words; nothing is overwritten."""
    workbook.save("mindset.push-or-pull", "pull")
    with pytest.raises(WorkbookError, match="Not saved: 'sideways' is not one of"):
        workbook.save("mindset.push-or-pull", "sideways")
    assert workbook.get("mindset.push-or-pull").value == "pull"


def test_previous_copy_is_kept_and_no_temp_files_remain(workbook: Workbook) -> None:
    """Each save keeps the version before it; the temporary file is renamed away."""
    workbook.save("mindset.my-innovation", "first")
    assert not workbook.previous_path.exists()
    workbook.save("mindset.my-innovation", "second")
    previous = json.loads(workbook.previous_path.read_text())
    assert previous["answers"]["mindset.my-innovation"]["value"] == "first"
    assert on_disk(workbook)["answers"]["mindset.my-innovation"]["value"] == "second"
    leftovers = [
        p.name for p in workbook.path.parent.iterdir() if p.name.endswith((".tmp", ".prev"))
    ]
    assert leftovers == []


def test_save_merges_with_what_another_notebook_wrote(tmp_path: Path) -> None:
    """Two Workbook objects on one file (two kernels) keep each other's answers."""
    path = tmp_path / "shared.json"
    module2, module3 = Workbook(path), Workbook(path)
    module2.save("principles.a", 1)
    module3.save("complexity.b", 2)
    module2.save("principles.c", 3)
    assert set(Workbook(path).answers()) == {"principles.a", "complexity.b", "principles.c"}


def test_unicode_and_markup_survive_a_round_trip(workbook: Workbook) -> None:
    """Text is kept exactly, whatever characters it holds."""
    text = 'Café "quotes", <b>tags</b>, emoji 🙂 and\nnew lines'
    workbook.save("mindset.stalled-change", text)
    assert Workbook(workbook.path).get("mindset.stalled-change").value == text


SAVER = textwrap.dedent(
    """
    import sys
    from exercises.workbook import Workbook
    wb = Workbook(sys.argv[1])
    for n in range(200):
        wb.save(f"{sys.argv[2]}.answer-{n:03d}", f"{sys.argv[2]} {n}")
    """
)


def test_two_processes_saving_200_answers_each_keep_all_400(tmp_path: Path) -> None:
    """Concurrent saves from two processes never lose an answer."""
    path = tmp_path / "busy.json"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [
        subprocess.Popen([sys.executable, "-c", SAVER, str(path), who], env=env)
        for who in ("left", "right")
    ]
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    answers = Workbook(path).answers()
    assert len(answers) == 400
    assert answers["left.answer-199"].value == "left 199"
    assert answers["right.answer-000"].value == "right 0"


# --- damaged files -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"format": "spread-course-workbook", "version": 1, "answ', "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not a text file"),
        (b"", "not valid JSON"),
        (b'{"some": "other app"}', "not a course workbook"),
        (
            b'{"format": "spread-course-workbook", "version": 1, "answers": []}',
            "answers is missing",
        ),
        (
            b'{"format": "spread-course-workbook", "version": 1, "answers": {"a": {"value": 1}}}',
            "no valid time",
        ),
    ],
)
def test_damaged_workbook_is_set_aside_never_overwritten(
    workbook: Workbook, content: bytes, reason: str
) -> None:
    """The damaged file is renamed and kept byte for byte; the learner is told; saving goes on."""
    workbook.path.parent.mkdir(parents=True)
    workbook.path.write_bytes(content)
    workbook.save("mindset.my-innovation", "typed after the damage")
    aside = list(workbook.path.parent.glob("workbook.damaged-*.json"))
    assert len(aside) == 1 and aside[0].read_bytes() == content
    notices = workbook.take_notices()
    assert len(notices) == 1 and reason in notices[0] and aside[0].name in notices[0]
    assert workbook.take_notices() == []
    assert set(on_disk(workbook)["answers"]) == {"mindset.my-innovation"}


def test_two_damaged_files_in_one_second_get_different_names(workbook: Workbook) -> None:
    """Setting aside never replaces an earlier set-aside file."""
    for junk in (b"one", b"two"):
        workbook.path.parent.mkdir(parents=True, exist_ok=True)
        workbook.path.write_bytes(junk)
        workbook.answers()
    kept = sorted(p.read_bytes() for p in workbook.path.parent.glob("workbook.damaged-*"))
    assert kept == [b"one", b"two"]


# --- export and import -------------------------------------------------------------


def test_export_is_a_valid_workbook(workbook: Workbook) -> None:
    """The download parses back to the same answers (and is valid even when empty)."""
    assert parse_workbook(workbook.export_bytes()) == {}
    workbook.save("mindset.push-or-pull", "mixed")
    assert parse_workbook(workbook.export_bytes())["mindset.push-or-pull"].value == "mixed"


def test_preview_counts_added_replaced_and_kept(workbook: Workbook) -> None:
    """The preview says what will change, and changes nothing itself."""
    workbook.save("mindset.my-innovation", "mine, newer")
    workbook.save("mindset.stalled-change", "mine, older")
    upload = workbook_bytes(
        {
            "mindset.my-innovation": ("theirs, older", "2020-01-01T00:00:00+00:00"),
            "mindset.stalled-change": ("theirs, newer", just_now()),
            "mindset.push-or-pull": ("pull", "2021-01-01T00:00:00+00:00"),
        }
    )
    before = workbook.path.read_bytes()
    plan = workbook.preview_import(upload)
    assert plan.added == ["mindset.push-or-pull"]
    assert plan.replaced == ["mindset.stalled-change"]
    assert plan.kept == ["mindset.my-innovation"]
    assert "1 answer will be added" in plan.summary()
    assert workbook.path.read_bytes() == before


def test_import_merges_newer_answer_wins(workbook: Workbook) -> None:
    """Import keeps the newer answer for each prompt and adds new ones."""
    workbook.save("mindset.my-innovation", "mine, newer")
    workbook.save("mindset.stalled-change", "mine, older")
    upload = workbook_bytes(
        {
            "mindset.my-innovation": ("theirs, older", "2020-01-01T00:00:00+00:00"),
            "mindset.stalled-change": ("theirs, newer", just_now().replace("+00:00", "Z")),
            "mindset.push-or-pull": ("pull", "2021-01-01T00:00:00+01:00"),
            "future-module.question": ("kept as is", "2021-01-01T00:00:00+00:00"),
        }
    )
    plan = workbook.import_bytes(upload)
    answers = workbook.answers()
    assert answers["mindset.my-innovation"].value == "mine, newer"
    assert answers["mindset.stalled-change"].value == "theirs, newer"
    assert answers["mindset.push-or-pull"].value == "pull"
    assert answers["future-module.question"].value == "kept as is"
    assert sorted(plan.added) == ["future-module.question", "mindset.push-or-pull"]


def test_import_skips_answers_that_no_longer_fit(workbook: Workbook) -> None:
    """An answer that breaks its prompt's rules is reported, not imported."""
    upload = workbook_bytes(
        {
            "mindset.push-or-pull": ("sideways", "2021-01-01T00:00:00+00:00"),
            "mindset.my-innovation": ("fine", "2021-01-01T00:00:00+00:00"),
        }
    )
    plan = workbook.import_bytes(upload)
    assert list(plan.skipped) == ["mindset.push-or-pull"]
    assert "cannot be used" in plan.summary()
    assert set(workbook.answers()) == {"mindset.my-innovation"}


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (b"not json at all", "not valid JSON"),
        (b"\x89PNG\r\n\x1a\n", "not a text file"),
        (b'{"format": "something-else", "answers": {}}', "not a course workbook"),
        (json.dumps({"format": FORMAT, "version": 2, "answers": {}}).encode(), "newer version"),
        (json.dumps({"format": FORMAT, "version": "1", "answers": {}}).encode(), "version number"),
        (json.dumps({"format": FORMAT, "version": 1, "answers": {"x": 3}}).encode(), "damaged"),
        (b" " * (MAX_IMPORT_BYTES + 1), "too large"),
    ],
)
def test_bad_upload_changes_nothing(workbook: Workbook, upload: bytes, message: str) -> None:
    """A wrong or damaged upload gets a clear message and the workbook is untouched."""
    workbook.save("mindset.my-innovation", "precious")
    before = workbook.path.read_bytes()
    for attempt in (workbook.preview_import, workbook.import_bytes):
        with pytest.raises(WorkbookError, match=message) as err:
            attempt(upload)
        assert "Nothing changed" in str(err.value)
    assert workbook.path.read_bytes() == before
    assert not list(workbook.path.parent.glob("*.damaged-*"))


def test_dump_is_readable_one_answer_per_line() -> None:
    """The file format is stable JSON with one answer per line, for humans and diff tools."""
    from exercises.model import Answer

    data = dump_workbook({"b.x": Answer("b.x", 2, "t2"), "a.y": Answer("a.y", "é", "t1")})
    lines = data.decode().splitlines()
    assert lines[4].startswith('  "a.y"') and "é" in lines[4]
    assert lines[5].startswith('  "b.x"')
    assert json.loads(data)["answers"]["b.x"] == {"value": 2, "saved_at": "t2"}

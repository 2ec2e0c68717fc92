"""The workbook keeps every answer safe: atomic saves, merges, damaged files, import."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from exercises.timefmt import parse_time
from exercises.workbook import (
    DEFAULT_PATH,
    FORMAT,
    MAX_IMPORT_BYTES,
    VERSION,
    SaveConflict,
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
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


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


# --- issue 10: no answer is ever lost ----------------------------------------------


def folder_names(wb: Workbook) -> set[str]:
    return {p.name for p in wb.path.parent.iterdir()}


def test_newer_workbook_is_left_untouched_and_nothing_is_saved(workbook: Workbook) -> None:
    """A workbook from a newer course stays exactly where it is; the learner is told to
    update the course, and saves and imports are refused until then (read-only)."""
    newer = workbook_bytes({"mindset.my-innovation": ("from the new course", just_now())})
    newer = newer.replace(b'"version": 1', b'"version": 2')
    workbook.path.parent.mkdir(parents=True)
    workbook.path.write_bytes(newer)
    for attempt in (
        workbook.answers,
        lambda: workbook.get("mindset.my-innovation"),
        lambda: workbook.save("mindset.my-innovation", "typed in the old kernel"),
        lambda: workbook.import_bytes(workbook_bytes({})),
    ):
        with pytest.raises(WorkbookError, match="newer version of the course") as err:
            attempt()
        assert "Update the course" in str(err.value) and "Restart Kernel" in str(err.value)
    assert workbook.path.read_bytes() == newer
    assert folder_names(workbook) <= {"workbook.json", "workbook.json.lock"}
    assert workbook.take_notices() == []
    assert workbook.export_bytes() == newer  # the learner can still take it with them


def test_last_good_copy_is_frozen_when_a_workbook_is_set_aside(workbook: Workbook) -> None:
    """After damage, a copy of the answers from before it survives any number of saves."""
    workbook.save("mindset.my-innovation", "weeks of reflection")
    workbook.save("mindset.stalled-change", "what stalled last time")
    data = workbook.path.read_bytes()
    workbook.path.write_bytes(data[: len(data) // 2])  # cut short
    for n in range(3):
        workbook.save("mindset.learned", f"typed after the damage {n}")
    notice = " ".join(workbook.take_notices())
    frozen = [p for p in workbook.path.parent.glob("workbook.last-good-*.json")]
    assert len(frozen) == 1 and frozen[0].name in notice
    kept = parse_workbook(frozen[0].read_bytes())
    assert kept["mindset.my-innovation"].value == "weeks of reflection"
    assert kept["mindset.stalled-change"].value == "what stalled last time"
    assert "import" in notice
    # a new kernel (no memory of the file) freezes the copy from before the last save
    fresh = Workbook(workbook.path, checker=workbook.checker)
    data = workbook.path.read_bytes()
    workbook.path.write_bytes(b"\x00" + data)
    fresh.answers()
    newest = max(workbook.path.parent.glob("workbook.last-good-*.json"), key=os.path.getmtime)
    assert newest != frozen[0] and "typed after the damage 1" in newest.read_text()
    assert frozen[0].read_bytes() != b"" and parse_workbook(frozen[0].read_bytes()) == kept


def test_answers_that_no_longer_fit_stay_in_the_file_unchanged(workbook: Workbook) -> None:
    """A course update that changes a question never removes or rewrites the old answer."""
    stale = {
        "mindset.push-or-pull": ("an option that was removed", "2025-01-01T09:00:00+00:00"),
        "mindset.my-innovation": (["once", "a", "list"], "2025-01-01T09:00:00+00:00"),
        "principles.baseline": ({"gone-row": 9}, "2025-01-01T09:00:00+00:00"),
    }
    workbook.path.parent.mkdir(parents=True)
    workbook.path.write_bytes(workbook_bytes(stale))
    workbook.save("mindset.learned", "a new answer")
    entries = on_disk(workbook)["answers"]
    for pid, (value, when) in stale.items():
        assert entries[pid] == {"value": value, "saved_at": when}
    from exercises.fitting import Earlier, fit_answers

    shown = fit_answers(workbook_checker_prompts(), workbook.answers())
    assert all(isinstance(shown[pid].value, Earlier) for pid in stale)
    assert shown["mindset.learned"].value == "a new answer"
    assert shown["mindset.push-or-pull"].value.text == "an option that was removed"
    assert shown["principles.baseline"].value.text == "gone-row: 9"
    assert parse_workbook(workbook.export_bytes())["mindset.push-or-pull"].value == (
        "an option that was removed"
    )


def workbook_checker_prompts():
    from exercises.catalogue import course_catalogue

    return course_catalogue().prompts


HEAD = '{"format": "spread-course-workbook", "version": 1, "answers": '


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ((HEAD + '{"a": {"value": ' + "[" * 100_000 + "]" * 100_000 + "}}}").encode(), "nested"),
        ((HEAD + '{"a": {"value": ' + "9" * 5000 + ', "saved_at": "x"}}}').encode(), "number"),
        ((HEAD + '{"a": {"value": NaN, "saved_at": "2025-01-01T00:00:00Z"}}}').encode(), "number"),
        (HEAD.encode() + b'{"a": {"value": "\xed\xa0\x80", "saved_at": "x"}}}', "not a text file"),
        ((HEAD + '{"a": {"value": ' + "[" * 70 + "]" * 70 + "}}}").encode(), "nested"),
        ((HEAD + '{"a": {"value": 1, "saved_at": "2025-01-01T09:00:00"}}}').encode(), "time zone"),
        ((HEAD + '{"a": {"value": 1, "saved_at": "' + "9" * 10_000 + '"}}}').encode(), "time"),
        (b"[" + b'"x", ' * 1000 + b"1]", "not a course workbook"),
    ],
)
def test_every_unreadable_file_is_damage_not_a_crash(
    workbook: Workbook, content: bytes, reason: str
) -> None:
    """Deep nesting, huge numbers, bad UTF-8, NaN, times without a zone: set aside, in words."""
    workbook.path.parent.mkdir(parents=True)
    workbook.path.write_bytes(content)
    assert workbook.answers() == {}
    aside = list(workbook.path.parent.glob("workbook.damaged-*.json"))
    assert len(aside) == 1 and aside[0].read_bytes() == content
    assert reason in workbook.take_notices()[0]
    with pytest.raises(WorkbookError, match="cannot be imported"):
        workbook.preview_import(content)


def test_parse_workbook_raises_nothing_but_workbook_error() -> None:
    """Thousands of cut and corrupted workbooks: each is read or refused in words."""
    import random

    from exercises.model import Answer

    good = dump_workbook(
        {
            f"m.q{n}": Answer(f"m.q{n}", v, "2026-01-02T03:04:05.000006+00:00")
            for n, v in enumerate(["text é 🙂", 3, {"x": 1, "y": 2}, [{"what": "a"}], None])
        }
    )
    rng = random.Random(10)
    for _ in range(3000):
        data = bytearray(good)
        for _ in range(rng.randint(1, 4)):
            spot = rng.randrange(len(data) + 1)
            choice = rng.random()
            if choice < 0.4 and spot < len(data):
                data[spot] = rng.randrange(256)
            elif choice < 0.7:
                del data[spot:]
            else:
                data[spot:spot] = rng.choice(
                    [b"[", b"{", b'"', b"\\u", b"\xff", b"1e999999", b",", b"[" * 3000, b"9" * 5000]
                )
        with contextlib.suppress(WorkbookError):
            parse_workbook(bytes(data))


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EDQUOT, "all the storage space your account is allowed"),
        (errno.EROFS, "can only be read"),
        (errno.EACCES, "do not have permission"),
    ],
)
@pytest.mark.parametrize("where", ["fsync", "mkstemp", "replace"])
def test_write_errors_are_plain_words_and_leave_no_temporary_files(
    workbook: Workbook, monkeypatch: pytest.MonkeyPatch, code: int, words: str, where: str
) -> None:
    """Disk full, read-only, over quota, no permission: a message, the old file intact."""
    import exercises.workbook_disk as wbmod

    workbook.save("mindset.my-innovation", "safe answer")
    workbook.save("mindset.my-innovation", "safer answer")
    before = workbook.path.read_bytes()

    def fail(*_a, **_k):
        raise OSError(code, os.strerror(code))

    if where == "mkstemp":
        monkeypatch.setattr(wbmod.tempfile, "mkstemp", fail)
    elif where == "fsync":
        monkeypatch.setattr(wbmod.os, "fsync", fail)
    else:
        real = os.replace

        def replace(src, dst):
            if Path(dst) == workbook.path:
                fail()
            real(src, dst)

        monkeypatch.setattr(wbmod.os, "replace", replace)
    with pytest.raises(WorkbookError) as err:
        workbook.save("mindset.my-innovation", "lost?")
    assert words in str(err.value) and "Errno" not in str(err.value)
    monkeypatch.undo()
    assert workbook.path.read_bytes() == before
    assert not [n for n in folder_names(workbook) if n.endswith((".tmp", ".prev"))]


def test_a_folder_that_cannot_be_written_is_plain_words(
    workbook: Workbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When even the lock cannot be made (a read-only home), the learner reads why."""
    import exercises.workbook_disk as wbmod

    def read_only(*_a, **_k):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(wbmod, "FileLock", read_only)
    with pytest.raises(WorkbookError, match="can only be read, not written to"):
        workbook.save("mindset.my-innovation", "x")


def test_reading_needs_no_write_access(workbook: Workbook, monkeypatch) -> None:
    """Reading takes no lock and creates no file (a read-only folder can still be read)."""
    import exercises.workbook_disk as wbmod

    workbook.save("mindset.my-innovation", "kept")
    Path(f"{workbook.path}.lock").unlink()

    def no_lock(*_a, **_k):
        raise AssertionError("reading took the lock")

    monkeypatch.setattr(wbmod, "FileLock", no_lock)
    reader = Workbook(workbook.path, checker=workbook.checker)
    assert reader.answers()["mindset.my-innovation"].value == "kept"
    assert reader.get("mindset.my-innovation").value == "kept"
    assert reader.preview_import(workbook_bytes({})).added == []
    assert reader.export_bytes() == workbook.path.read_bytes()
    assert "workbook.json.lock" not in folder_names(workbook)


def test_temporary_and_previous_names_are_unique_per_write(
    workbook: Workbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Names never rest on the process id alone (ids repeat in containers); a crashed
    save's leftovers never block a later save and are cleared."""
    import exercises.workbook_disk as wbmod

    folder = workbook.path.parent
    folder.mkdir(parents=True)
    pid = os.getpid()
    for leftover in (f".workbook.json.{pid}.prev", f".workbook.json.{pid}.tmp"):
        (folder / leftover).mkdir()  # a name the old code would need, made unusable
        (folder / leftover / "x").write_text("x")
    (folder / ".workbook.json.1234.prev").write_text("from a crash")
    used: list[str] = []
    real = os.replace

    def replace(src, dst):
        used.append(Path(src).name)
        real(src, dst)

    monkeypatch.setattr(wbmod.os, "replace", replace)
    for n in range(3):
        workbook.save("mindset.my-innovation", f"answer {n}")
    assert len(used) == len(set(used)) == 5  # 3 new files, 2 previous copies
    assert not any(name.endswith((f".{pid}.tmp", f".{pid}.prev")) for name in used)
    assert ".workbook.json.1234.prev" not in folder_names(workbook)
    assert workbook.get("mindset.my-innovation").value == "answer 2"


def test_a_lone_surrogate_never_blocks_saves(workbook: Workbook) -> None:
    """Half an emoji in one answer: it and every later answer still save and read back."""
    workbook.save("mindset.my-innovation", "half an emoji \ud83d here")
    workbook.save("mindset.learned", "the next answer")
    data = workbook.path.read_bytes()
    data.decode("utf-8")  # still valid UTF-8
    fresh = Workbook(workbook.path).answers()
    assert fresh["mindset.my-innovation"].value == "half an emoji \ud83d here"
    assert fresh["mindset.learned"].value == "the next answer"


def test_import_preview_lists_each_question_with_both_dates(workbook: Workbook) -> None:
    """Per question: what happens, the file's time and yours."""
    mine = workbook.save("mindset.my-innovation", "mine")
    theirs_at = just_now()
    upload = workbook_bytes(
        {
            "mindset.my-innovation": ("theirs", theirs_at),
            "mindset.learned": ("new", "2025-05-01T10:00:00+01:00"),
        }
    )
    changes = {c.prompt_id: c for c in workbook.preview_import(upload).changes}
    assert changes["mindset.my-innovation"].action == "replace"
    assert changes["mindset.my-innovation"].theirs_at == theirs_at
    assert changes["mindset.my-innovation"].mine_at == mine.saved_at
    assert changes["mindset.learned"].action == "add"
    assert changes["mindset.learned"].mine_at is None


def test_future_times_are_flagged_and_do_not_win_by_default(workbook: Workbook) -> None:
    """A laptop whose clock runs fast does not replace answers typed today, unless asked,
    and an answer taken from it is stamped now so it does not keep winning."""
    workbook.save("mindset.my-innovation", "typed today")
    upload = workbook_bytes(
        {
            "mindset.my-innovation": ("from a fast clock", "2999-01-01T00:00:00+00:00"),
            "mindset.learned": ("new from a fast clock", "2999-01-01T00:00:00+00:00"),
        }
    )
    plan = workbook.preview_import(upload)
    assert plan.future == ["mindset.learned", "mindset.my-innovation"]
    assert plan.held_back == ["mindset.my-innovation"] and plan.replaced == []
    assert "later than now" in plan.summary()
    assert "1 answer of yours stays, because the file's answer is dated later" in plan.summary()
    workbook.import_bytes(upload)
    assert workbook.get("mindset.my-innovation").value == "typed today"
    learned = workbook.get("mindset.learned")
    assert learned.value == "new from a fast clock"
    assert parse_time(learned.saved_at) <= dt.datetime.now(dt.UTC)
    plan = workbook.import_bytes(upload, take_future=True)
    assert plan.replaced == ["mindset.my-innovation"]
    taken = workbook.get("mindset.my-innovation")
    assert taken.value == "from a fast clock"
    assert parse_time(taken.saved_at) <= dt.datetime.now(dt.UTC)


def test_identical_values_are_not_a_change(workbook: Workbook) -> None:
    """The same answer with another time is neither replaced nor written."""
    workbook.save("mindset.my-innovation", "the same words")
    before = workbook.path.read_bytes()
    upload = workbook_bytes({"mindset.my-innovation": ("the same words", just_now())})
    plan = workbook.import_bytes(upload)
    assert plan.same == ["mindset.my-innovation"] and not plan.replaced
    assert "the same in both" in plan.summary()
    saved = workbook.save("mindset.my-innovation", "the same words")
    assert workbook.path.read_bytes() == before
    assert saved.saved_at in before.decode()


def test_times_are_stamped_under_the_lock_and_carry_a_zone(workbook: Workbook) -> None:
    """A save that waits for another notebook's lock is stamped when it writes."""
    import threading

    from filelock import FileLock

    workbook.save("mindset.learned", "first")
    lock = FileLock(f"{workbook.path}.lock")
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with lock:
            held.set()
            release.wait(5)

    other = threading.Thread(target=hold)
    other.start()
    held.wait(5)
    threading.Timer(0.4, release.set).start()
    asked = dt.datetime.now(dt.UTC)
    answer = workbook.save("mindset.my-innovation", "waited")
    other.join()
    assert parse_time(answer.saved_at) >= asked + dt.timedelta(seconds=0.35)
    assert answer.saved_at.endswith("+00:00")


def test_one_time_rule_everywhere() -> None:
    """Times must carry a zone; 'Z' (what browsers write) reads as UTC."""
    from exercises.cohort import share_read as share

    assert parse_time("2026-11-26T14:32:05.123Z") == dt.datetime(
        2026, 11, 26, 14, 32, 5, 123000, tzinfo=dt.UTC
    )
    for bad in ("2026-11-26T14:32:05", "yesterday", 20261126, "9" * 100):
        with pytest.raises(ValueError):
            parse_time(bad)
    with pytest.raises(share.ShareError, match="no time zone"):
        share._parse_time("2026-11-26T14:32:05")
    with pytest.raises(WorkbookError, match="time zone"):
        parse_workbook(workbook_bytes({"a.b": (1, "2026-11-26T14:32:05")}))


def test_a_save_over_a_newer_answer_keeps_the_newer_one(workbook: Workbook) -> None:
    """A save names the answer it replaces; if another tab saved since, theirs is kept."""
    first = workbook.save("mindset.my-innovation", "tab one")
    other_tab = Workbook(workbook.path, checker=workbook.checker)
    newer = other_tab.save("mindset.my-innovation", "tab two", base=first.saved_at)
    with pytest.raises(SaveConflict) as err:
        workbook.save("mindset.my-innovation", "tab one again", base=first.saved_at)
    assert err.value.newer.value == "tab two" and err.value.newer.saved_at == newer.saved_at
    assert workbook.get("mindset.my-innovation").value == "tab two"
    with pytest.raises(SaveConflict):  # nothing loaded, but something was saved since
        workbook.save("mindset.my-innovation", "tab one again", base=None)
    kept = workbook.save("mindset.my-innovation", "tab one again", base=newer.saved_at)
    assert workbook.get("mindset.my-innovation") == kept


def test_change_detection_does_not_trust_a_stale_stat(
    workbook: Workbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On NFS, stat can answer from a stale cache; what is read must still be the file."""
    import exercises.workbook_disk as wbmod

    reader = Workbook(workbook.path, checker=workbook.checker)
    workbook.save("mindset.my-innovation", "before")
    assert reader.get("mindset.my-innovation").value == "before"
    stale = os.stat(workbook.path)
    real_stat = os.stat
    workbook.save("mindset.my-innovation", "after")
    monkeypatch.setattr(
        wbmod.os, "stat", lambda p, *a, **k: stale if Path(p) == workbook.path else real_stat(p)
    )
    assert reader.get("mindset.my-innovation").value == "after"


def test_no_shared_mutable_state_is_handed_out(workbook: Workbook) -> None:
    """Changing what answers() returned changes neither the next read nor the next save."""
    workbook.save("mindset.first-step", [{"what": "Book a huddle", "who": "", "when": ""}])
    got = workbook.answers()
    got["mindset.first-step"].value.append({"what": "sneaked in"})
    got["mindset.first-step"].value[0]["what"] = "changed"
    workbook.get("mindset.first-step").value.clear()
    assert workbook.answers()["mindset.first-step"].value == [
        {"what": "Book a huddle", "who": "", "when": ""}
    ]
    workbook.save("mindset.learned", "another")
    assert on_disk(workbook)["answers"]["mindset.first-step"]["value"][0]["what"] == "Book a huddle"
    mine = {"a": 1}
    book = Workbook(workbook.path)
    saved = book.save("other.grid", mine)
    mine["a"] = 2
    saved.value["a"] = 3
    assert book.get("other.grid").value == {"a": 1}
    assert book.save("other.grid", {"a": 1}).value == {"a": 1}  # identical: not written


def test_workbook_folder_and_files_are_private(tmp_path: Path, catalogue) -> None:
    """Answers often name colleagues: the folder is 0700, every file 0600, from the start."""
    book = Workbook(tmp_path / "home" / "spread-course-workbook" / "workbook.json")
    book.save("mindset.my-innovation", "names a colleague")
    book.save("mindset.my-innovation", "names two colleagues")
    assert (book.path.parent.stat().st_mode & 0o777) == 0o700
    for name in ("workbook.json", "workbook.previous.json", "workbook.json.lock"):
        assert (book.path.parent / name).stat().st_mode & 0o777 == 0o600, name
    book.path.write_bytes(b"damaged")
    book.answers()
    (frozen,) = book.path.parent.glob("workbook.last-good-*.json")
    assert frozen.stat().st_mode & 0o777 == 0o600


def test_python_version_matches_what_ci_runs() -> None:
    """requires-python says 3.11, as runtime.txt pins and CI tests (the time rule needs it:
    3.10 cannot read the 'Z' times browsers write)."""
    import tomllib

    meta = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert meta["requires-python"] == ">=3.11"
    assert (REPO / "runtime.txt").read_text().strip() == "python-3.11"


def test_saving_one_answer_writes_the_same_bytes_as_a_full_write(workbook: Workbook) -> None:
    """The quick path that re-encodes only the changed answer gives the canonical file."""
    import random

    rng = random.Random(3)
    ids = [f"mod-{rng.randrange(20)}.q-{n}" for n in range(60)]
    fast = Workbook(workbook.path)
    for n in range(100):
        fast.save(rng.choice(ids), rng.choice(["é 🙂", n, {"x": n}, [n, "\ud83d"]]))
        data = workbook.path.read_bytes()
        assert data == dump_workbook(parse_workbook(data))


def test_a_workbook_that_cannot_be_opened_is_plain_words(
    workbook: Workbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No permission to read, or a folder where the file should be: said in words."""
    import builtins

    workbook.path.mkdir(parents=True)
    with pytest.raises(WorkbookError, match="there is a folder where the workbook file should be"):
        workbook.answers()
    workbook.path.rmdir()
    workbook.save("mindset.my-innovation", "kept")
    real_open = builtins.open

    def refuse(file, *a, **k):
        if Path(file) == workbook.path:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(file, *a, **k)

    monkeypatch.setattr(builtins, "open", refuse)
    with pytest.raises(WorkbookError, match="could not be opened because you do not have perm"):
        Workbook(workbook.path).answers()


# --- a workbook with some damaged answers keeps the others ---------------------------


PARTLY = {
    "mindset.my-innovation": ("weeks of reflection", "2026-11-20T09:00:00+00:00"),
    "mindset.push-or-pull": ("pull", "2026-11-20T09:05:00+00:00"),
    "mindset.learned": ("a + became a space", "2026-11-20T09:10:00 00:00"),
}


def test_one_bad_time_keeps_every_other_answer(workbook: Workbook) -> None:
    """The file is set aside byte for byte; the readable answers carry on in a fresh
    workbook; the learner is told, once, which answer could not be read and why."""
    workbook.names = {"mindset.learned": "What I learned"}.__getitem__
    data = workbook_bytes(PARTLY)
    workbook.path.parent.mkdir(parents=True)
    workbook.path.write_bytes(data)
    answers = workbook.answers()
    assert {pid: a.value for pid, a in answers.items()} == {
        "mindset.my-innovation": "weeks of reflection",
        "mindset.push-or-pull": "pull",
    }
    (aside,) = workbook.path.parent.glob("workbook.damaged-*.json")
    assert aside.read_bytes() == data
    (notice,) = workbook.take_notices()
    assert "“What I learned (mindset.learned)” has no valid time" in notice
    assert aside.name in notice and "other 2 answers are safe" in notice
    assert workbook.take_notices() == []
    fresh = Workbook(workbook.path)
    assert set(fresh.answers()) == {"mindset.my-innovation", "mindset.push-or-pull"}
    assert fresh.get("mindset.push-or-pull").saved_at == PARTLY["mindset.push-or-pull"][1]
    workbook.save("mindset.learned", "typed again")
    assert set(on_disk(workbook)["answers"]) == set(PARTLY)
    assert len(list(workbook.path.parent.glob("workbook.damaged-*"))) == 1


def test_an_entry_of_the_wrong_shape_is_named_and_the_download_keeps_the_rest(
    workbook: Workbook,
) -> None:
    doc = json.loads(workbook_bytes(PARTLY))
    doc["answers"]["mindset.learned"] = ["not", "an", "answer"]
    workbook.path.parent.mkdir(parents=True)
    workbook.path.write_text(json.dumps(doc))
    exported = parse_workbook(workbook.export_bytes())
    assert set(exported) == {"mindset.my-innovation", "mindset.push-or-pull"}
    (notice,) = workbook.take_notices()
    assert "“mindset.learned” is damaged" in notice


def test_a_partly_damaged_workbook_that_cannot_be_moved_is_still_read(
    workbook: Workbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only folder: the readable answers are shown, the file is left as it is, and
    the learner is told (once) that nothing can be saved until it can be moved aside."""
    import exercises.workbook_disk as wbmod

    data = workbook_bytes(PARTLY)
    workbook.path.parent.mkdir(parents=True)
    workbook.path.write_bytes(data)

    def read_only(*_a, **_k):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(wbmod, "FileLock", read_only)
    assert set(workbook.answers()) == {"mindset.my-innovation", "mindset.push-or-pull"}
    assert workbook.get("mindset.my-innovation").value == "weeks of reflection"
    (notice,) = workbook.take_notices()
    assert "could not be read in full" in notice and "can only be read" in notice
    assert workbook.take_notices() == []
    assert workbook.path.read_bytes() == data
    assert folder_names(workbook) == {"workbook.json"}
    with pytest.raises(WorkbookError, match="can only be read"):
        workbook.save("mindset.learned", "x")


def test_an_import_leaves_out_a_damaged_answer_and_takes_the_others(workbook: Workbook) -> None:
    plan = workbook.import_bytes(workbook_bytes(PARTLY))
    assert plan.damaged == {"mindset.learned": "has no valid time (with its time zone)"}
    assert set(workbook.answers()) == {"mindset.my-innovation", "mindset.push-or-pull"}
    assert "damaged" in plan.summary()

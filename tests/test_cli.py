"""The command line, run as `python -m exercises` in a subprocess, as people will run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO


def run(*args: str | bytes | Path, cwd: Path = REPO) -> subprocess.CompletedProcess:
    """Run `python -m exercises ARGS` and capture its output (an argument given as bytes
    is passed as it is: a file name that is not UTF-8)."""
    return subprocess.run(
        [sys.executable, "-m", "exercises", *(a if isinstance(a, bytes) else str(a) for a in args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def one_line_error(result: subprocess.CompletedProcess) -> str:
    """Assert a failure printed exactly one line and no traceback; return the line."""
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize(
    "command",
    [[], ["share"], ["cohort"], ["cohort", "demo"], ["cohort", "summarise"]],
    ids=lambda c: " ".join(c) or "top",
)
def test_every_command_answers_help(command: list[str]) -> None:
    """--help prints usage and a description, and exits 0."""
    result = run(*command, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"usage: python -m exercises {' '.join(command)}".rstrip())
    assert "--help" in result.stdout


@pytest.mark.parametrize(
    ("args", "words"),
    [
        ([], "required: COMMAND"),
        (["shar"], "invalid choice: 'shar'"),
        (["share", "--cohort", "A", "--out", "x.json"], "required: --workbook"),
        (["cohort", "demo", "--learners", "lots", "--cohort", "A", "--out", "d"], "'lots'"),
        (["cohort", "demo", "--learners", "0", "--cohort", "A", "--out", "d"], "at least 1"),
        (["cohort", "demo", "--learners", "3", "--cohort", "a b", "--out", "d"], "cohort code"),
        (["cohort", "summarise", "d", "--out", "o", "--min-count", "1"], "from 2 to 100"),
        (["cohort", "summarise", "--out", "o"], "required: DIR"),
        (["cohort", "summarise", "d", "--out", "o", "--colour"], "unrecognized arguments"),
    ],
)
def test_a_wrong_argument_gives_one_line(tmp_path: Path, args: list[str], words: str) -> None:
    """A mistake on the command line is one plain line on stderr and exit status 2."""
    result = run(*args, cwd=tmp_path)
    line = one_line_error(result)
    assert result.returncode == 2 and words in line
    assert not list(tmp_path.iterdir()), "nothing may be written after a wrong argument"


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    """A learner's workbook with a written answer, a choice and a rating."""
    path = tmp_path / "wb" / "workbook.json"
    path.parent.mkdir()
    saved = "2027-01-01T00:00:00+00:00"
    path.write_text(
        json.dumps(
            {
                "format": "spread-course-workbook",
                "version": 1,
                "answers": {
                    "mindset.my-innovation": {
                        "value": "Virtual ward <b>pilot</b>",
                        "saved_at": saved,
                    },
                    "mindset.push-or-pull": {"value": "pull", "saved_at": saved},
                },
            }
        )
    )
    return path


def test_share_leaves_out_text_unless_asked(tmp_path: Path, workbook: Path) -> None:
    """No written answers without --include-text, all with it; one nickname; no overwrite."""
    plain = run(
        "share", "--workbook", workbook, "--cohort", "leeds-2027", "--out", tmp_path / "a.json"
    )
    assert plain.returncode == 0, plain.stderr
    assert "Your share file holds:" in plain.stdout and "Not shared" in plain.stdout
    doc = json.loads((tmp_path / "a.json").read_text())
    assert doc["cohort"] == "LEEDS-2027" and doc["answers"] == {"mindset.push-or-pull": "pull"}
    assert doc["shared_text"] == {} and "Virtual ward" not in (tmp_path / "a.json").read_text()

    full = run(
        "share",
        "--workbook",
        workbook,
        "--cohort",
        "LEEDS-2027",
        "--out",
        tmp_path / "b.json",
        "--include-text",
    )
    assert full.returncode == 0, full.stderr
    again = json.loads((tmp_path / "b.json").read_text())
    assert again["shared_text"] == {"mindset.my-innovation": "Virtual ward <b>pilot</b>"}
    assert again["nickname"] == doc["nickname"]

    before = (tmp_path / "a.json").read_bytes()
    clash = run("share", "--workbook", workbook, "--cohort", "X", "--out", tmp_path / "a.json")
    assert "already exists" in one_line_error(clash) and clash.returncode == 1
    assert (tmp_path / "a.json").read_bytes() == before


def test_share_explains_a_missing_or_damaged_workbook(tmp_path: Path) -> None:
    """No workbook, or a damaged one, is one plain line; the damaged file is left alone."""
    missing = run(
        "share",
        "--workbook",
        tmp_path / "nope.json",
        "--cohort",
        "A",
        "--out",
        "s.json",
        cwd=tmp_path,
    )
    assert "There is no workbook" in one_line_error(missing)
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json")
    result = run("share", "--workbook", broken, "--cohort", "A", "--out", "s.json", cwd=tmp_path)
    assert "not valid JSON" in one_line_error(result)
    assert broken.read_text() == "{ not json" and not (tmp_path / "s.json").exists()


def test_demo_then_summarise_writes_three_files(tmp_path: Path) -> None:
    """A rehearsal cohort summarises with exit status 0 into the three output files."""
    demo = run(
        "cohort",
        "demo",
        "--learners",
        "8",
        "--cohort",
        "rehearse",
        "--out",
        tmp_path / "d",
        "--seed",
        "3",
    )
    assert demo.returncode == 0 and "Wrote 8" in demo.stdout
    done = run("cohort", "summarise", tmp_path / "d", "--out", tmp_path / "o", "--min-count", "4")
    assert done.returncode == 0, done.stderr
    assert "Summarised 8 learners in cohort REHEARSE" in done.stdout
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == [
        "rejected.csv",
        "summary.csv",
        "summary.html",
    ]
    assert "any count from 1 to 3" in (tmp_path / "o" / "summary.html").read_text()


def test_summarise_exits_2_when_nothing_could_be_summarised(tmp_path: Path) -> None:
    """An empty folder, a folder of bad files and a missing folder all exit 2 in words."""
    (tmp_path / "empty").mkdir()
    empty = run("cohort", "summarise", tmp_path / "empty", "--out", tmp_path / "o1")
    assert empty.returncode == 2 and "no share files" in one_line_error(empty)
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "x.json").write_text("[]")
    bad = run("cohort", "summarise", tmp_path / "bad", "--out", tmp_path / "o2")
    assert bad.returncode == 2 and "none of the 1 files could be used" in one_line_error(bad)
    assert "x.json" in (tmp_path / "o2" / "rejected.csv").read_text(encoding="utf-8-sig")
    missing = run("cohort", "summarise", tmp_path / "nope", "--out", tmp_path / "o3")
    assert missing.returncode == 2 and "There is no folder" in one_line_error(missing)
    assert not (tmp_path / "o3").exists()


def test_demo_refuses_a_folder_that_holds_share_files(tmp_path: Path) -> None:
    """Rehearsal files are never mixed into real ones: exit 1 with one line."""
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "share-a.json").write_text("{}")
    result = run("cohort", "demo", "--learners", "2", "--cohort", "A", "--out", tmp_path / "real")
    assert "choose an empty folder" in one_line_error(result) and result.returncode == 1


def test_share_survives_half_a_character_and_a_file_name_that_is_not_utf8(
    tmp_path: Path,
) -> None:
    """A workbook answer holding a lone surrogate (the workbook keeps it as an escape) and
    paths that are not UTF-8: the share file is made, its words shown with '�'."""
    folder = os.fsencode(tmp_path) + b"/caf\xe9"
    os.mkdir(folder)
    workbook = folder + b"/workbook.json"
    saved = "2027-01-01T00:00:00+00:00"
    answers = {
        "mindset.my-innovation": {"value": "Cut in half \ud83d here", "saved_at": saved},
        "mindset.push-or-pull": {"value": "pull", "saved_at": saved},
        "mindset.learned": {"value": "a + lost", "saved_at": "2027-01-01T00:00:00 00:00"},
    }
    with open(workbook, "w", encoding="utf-8") as out:
        json.dump({"format": "spread-course-workbook", "version": 1, "answers": answers}, out)
    out_path = folder + b"/share-\xff.json"
    result = run(
        "share", "--workbook", workbook, "--cohort", "A-1", "--out", out_path, "--include-text"
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "Written to" in result.stdout
    assert "caf\ufffd" in result.stdout and "share-\ufffd.json" in result.stdout
    assert "damaged in the workbook and cannot be read: mindset.learned" in result.stdout
    with open(out_path, "rb") as made:
        doc = json.loads(made.read().decode("utf-8"))
    assert doc["shared_text"] == {"mindset.my-innovation": "Cut in half \ufffd here"}
    assert doc["answers"] == {"mindset.push-or-pull": "pull"}


def test_summarise_survives_half_characters_and_names_that_are_not_utf8(
    tmp_path: Path,
) -> None:
    """Five share files made by the website hold a lone surrogate, one damaged file and one
    good file have names that are not UTF-8: every usable file is summarised, the damaged
    one set aside with its reason, and all three outputs are written as UTF-8."""
    from exercises.catalogue import course_catalogue
    from exercises.cohort.rehearsal import demo_shares

    catalogue = course_catalogue()
    shares = demo_shares(6, "HALF-1", seed=3, catalogue=catalogue)
    text = next(p.id for p in catalogue.prompts.values() if p.kind == "text")
    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    for n, share in enumerate(shares):
        doc = dict(share.doc)
        doc["answered"] = sorted({*doc["answered"], text})
        doc["shared_text"] = {**doc["shared_text"], text: f"Half \ud83d of it, file {n}"}
        doc["answers"] = {k: v for k, v in doc["answers"].items() if k != text}
        name = b"good-\xff.json" if n == 5 else f"share-{n}.json".encode()
        with open(folder + b"/" + name, "wb") as out:
            out.write(json.dumps(doc, ensure_ascii=True).encode())  # as the website writes
    with open(folder + b"/broken-\xfe.json", "wb") as out:
        out.write(b"{ not json")
    result = run("cohort", "summarise", folder, "--out", tmp_path / "out", "--min-count", "2")
    assert result.returncode == 0, result.stderr
    assert "Summarised 6 learners" in result.stdout and "1 file set aside" in result.stdout
    page = (tmp_path / "out" / "summary.html").read_bytes().decode("utf-8")
    assert "Half \ufffd of it, file 5" in page
    rejected = (tmp_path / "out" / "rejected.csv").read_bytes().decode("utf-8-sig")
    assert "broken-\ufffd.json" in rejected and "not valid JSON" in rejected
    figures = (tmp_path / "out" / "summary.csv").read_bytes().decode("utf-8-sig")
    assert "Half \ufffd of it, file 0" in figures

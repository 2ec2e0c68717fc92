"""The website's data: one rule for answers, times and files in Python and in the browser
(compared on thousands of generated samples, with jsonschema as a third opinion), and the
documents."""

from __future__ import annotations

import base64
import datetime as dt
import json
import random
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from exercises.catalogue import course_catalogue
from exercises.fitting import EARLIER
from exercises.kinds import check_value, kind_of, value_schema
from exercises.model import AnswerError, Prompt
from exercises.plan import plan_doc, progress_doc
from exercises.report import to_html, to_markdown
from exercises.site import STORAGE_PREFIX, answers_from_json, documents, schema_problems, site_data
from exercises.timefmt import parse_time
from exercises.versioned_json import loads
from exercises.workbook import (
    FORMAT,
    VERSION,
    NewerWorkbookError,
    WorkbookError,
    parse_workbook,
)
from exercises.workbook_file import DAMAGED_ENTRY, NO_TIME
from tests.site_samples import near_values, random_time, random_value, random_workbook, to_text

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)

REPO = Path(__file__).resolve().parents[1]


JUNK = [None, True, False, 2.5, "", "x", 7, 0, [], {}, [1], [None], {"a": 1}, {"": ""}]
"""Values of every shape, which fit some kinds and not others (Python decides which)."""


def samples(prompt: Prompt) -> list[tuple[Any, bool | None]]:
    """Each value to try, with whether the prompt's kind says it fits (None: junk)."""
    examples = kind_of(prompt).examples(prompt)
    return [
        *((v, True) for v in examples.fit),
        *((v, False) for v in examples.unfit),
        *((v, None) for v in JUNK),
    ]


def fits(prompt: Prompt, value: Any) -> bool:
    try:
        check_value(prompt, value)
    except AnswerError:
        return False
    return True


def test_each_kinds_examples_fit_and_do_not_fit_as_they_say(catalogue) -> None:
    """The examples every test uses are right about every prompt of the course."""
    for prompt in catalogue.prompts.values():
        for value, expected in samples(prompt):
            if expected is not None:
                assert fits(prompt, value) is expected, (prompt.id, value)


def node_verdicts(tmp_path: Path, **batch: Any) -> dict[str, Any]:
    """The browser code's verdicts (``tests/js/verdicts.mjs``, run in Node) on ``batch``:
    ``values`` [{schema, text}], ``times`` [text] and ``workbooks`` [base64 bytes]."""
    path = tmp_path / "batch.json"
    path.write_text(json.dumps({"data": site_data(course_catalogue()), **batch}), "utf-8")
    out = subprocess.run(
        ["node", str(REPO / "tests/js/verdicts.mjs"), str(path)],
        capture_output=True,
        encoding="utf-8",
        check=False,
    )
    assert out.returncode == 0, out.stderr
    verdicts: dict[str, Any] = json.loads(out.stdout)
    return verdicts


def same(a: Any, b: Any) -> bool:
    """Equal values of equal JSON types (unlike ==, true is not 1 here)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


NODE = pytest.mark.skipif(shutil.which("node") is None, reason="Node.js runs the site's script")


@NODE
def test_browser_python_and_jsonschema_accept_the_same_answers(catalogue, tmp_path) -> None:
    """For every prompt, the site's checker, check_value and jsonschema (a third opinion
    on the schemas) agree on thousands of values, each read from JSON text by the one
    rule for numbers (so 4.0 is 4 in all three)."""
    from jsonschema import Draft202012Validator

    rng = random.Random(8)
    cases = []
    for prompt in catalogue.prompts.values():
        known = [v for v, _ in samples(prompt)]
        valid = [v for v in known if fits(prompt, v)]
        made = [random_value(prompt, rng) for _ in range(12)]
        near = [v for good in valid[:3] for v in near_values(prompt, good, rng)]
        cases += [(prompt, to_text(v, rng)) for v in [*known, *made, *near]]
    batch = [{"schema": value_schema(p), "text": text} for p, text in cases]
    browser = node_verdicts(tmp_path, values=batch)["values"]
    validators: dict[str, Any] = {}
    wrong = []
    for (prompt, text), in_browser in zip(cases, browser, strict=True):
        if prompt.id not in validators:
            schema = value_schema(prompt)
            checker = Draft202012Validator.FORMAT_CHECKER
            validators[prompt.id] = Draft202012Validator(schema, format_checker=checker)
        value = loads(text)
        verdicts = (fits(prompt, value), in_browser, validators[prompt.id].is_valid(value))
        if len(set(verdicts)) > 1:
            wrong.append((prompt.id, text[:80], "python, browser, jsonschema:", verdicts))
    assert not wrong, f"{len(wrong)} of {len(cases)} disagree, first: {wrong[:5]}"
    assert len(cases) > 2000
    assert sum(browser) > 2 * len(catalogue.prompts)  # valid values for every prompt


def _micros(text: str) -> int | None:
    try:
        moment = parse_time(text)
    except ValueError:
        return None
    return (moment - EPOCH) // dt.timedelta(microseconds=1)


TIME_PROBES = [
    "2026-02-30T10:00:00Z", "0000-01-01T00:00:00Z", "2026-11-26T24:00:00Z",
    "2026-11-26T14:32:05", "2026-11-26 14:32:05Z", "20261126T143205Z", "2026-W48-4T14:32:05Z",
    "2026-11-26T14:32Z", "2026-11-26T14:32:05+05:60", "2026-11-26T14:32:05.Z",
    "2026-11-26T14:32:05.1234567+00:00", "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00",
    "2024-02-29T12:00:00Z", "2100-02-29T12:00:00Z",
]  # fmt: skip
"""Times the browser and Python once read differently (issue 20, case 8) and their edges."""


@NODE
def test_browser_and_python_read_the_same_times(tmp_path) -> None:
    """Thousands of generated times: both accept the same ones, as the same instant."""
    rng = random.Random(3)
    times = TIME_PROBES + [random_time(rng) for _ in range(4000)]
    browser = node_verdicts(tmp_path, times=times)["times"]
    wrong = []
    for text, parts in zip(times, browser, strict=True):
        theirs = None if parts is None else parts[0] * 1000 + parts[1]
        if theirs != _micros(text):
            wrong.append((text, theirs, _micros(text)))
    assert not wrong, f"{len(wrong)} of {len(times)} disagree, first: {wrong[:5]}"
    accepted = sum(p is not None for p in browser)
    assert 400 < accepted < len(times) - 400  # both kinds are well represented
    assert [_micros(t) is None for t in TIME_PROBES[:10]] == [True] * 10


def _python_workbook(data: bytes) -> dict[str, Any]:
    try:
        answers = parse_workbook(data)
    except NewerWorkbookError:
        return {"ok": False, "newer": True}
    except WorkbookError:
        return {"ok": False, "newer": False}
    return {"ok": True, "answers": {p: (a.value, a.saved_at) for p, a in answers.items()}}


@NODE
def test_browser_and_python_read_the_same_workbooks(catalogue, tmp_path) -> None:
    """Thousands of generated workbook files (byte-order marks, bad UTF-8, version 1.0,
    odd numbers, hostile ids, broken entries and times): the site and Jupyter refuse the
    same files and read the same answers from the rest."""
    rng = random.Random(5)
    prompts = list(catalogue.prompts.values())
    goods = {p.id: next(v for v, _ in samples(p) if fits(p, v)) for p in prompts}
    files = [random_workbook(rng, prompts, goods) for _ in range(2500)]
    encoded = [base64.b64encode(f).decode() for f in files]
    browser = node_verdicts(tmp_path, workbooks=encoded)["workbooks"]
    wrong = []
    for data, theirs in zip(files, browser, strict=True):
        ours = _python_workbook(data)
        if ours["ok"] and theirs["ok"]:
            seen = {
                p: (loads(json.dumps(a["value"])), a["saved_at"])
                for p, a in theirs["answers"].items()
            }
            agree = seen.keys() == ours["answers"].keys() and all(
                same(seen[p][0], ours["answers"][p][0]) and seen[p][1] == ours["answers"][p][1]
                for p in seen
            )
        else:
            agree = ours == theirs
        if not agree:
            wrong.append((data[:120], ours, theirs))
    assert not wrong, f"{len(wrong)} of {len(files)} disagree, first: {wrong[:3]}"
    read = sum(v["ok"] for v in browser)
    assert 300 < read < len(files) - 300  # both kinds are well represented
    assert sum(not v["ok"] and v["newer"] for v in browser) > 20


def test_one_rule_for_byte_order_marks_numbers_and_nesting() -> None:
    """What both languages now agree on, from Python's side (issue 20, case 8)."""
    head = '{"format": "spread-course-workbook", "version": 1.0, "answers": '
    entry = '{"q": {"value": 4.0, "saved_at": "2026-11-29T10:00:00Z"}}}'
    answers = parse_workbook(b"\xef\xbb\xbf" + (head + entry).encode())
    assert same(answers["q"].value, 4)
    assert same(loads("[1e0, 2.5, 9007199254740993]"), [1, 2.5, 9007199254740992])
    for bad in ("1e400", "-1e400", "1" + "0" * 400):
        with pytest.raises(ValueError):
            loads(bad)
    with pytest.raises(WorkbookError, match="nested too deeply"):
        parse_workbook((head + '{"q": {"value": ' + "[" * 64 + "]" * 64 + "}}}").encode())


def test_site_data_refuses_a_schema_keyword_the_browser_does_not_check(
    catalogue, monkeypatch
) -> None:
    """A kind whose schema uses a keyword the site's checker lacks stops the build."""
    assert schema_problems({"type": "string", "pattern": "^a"}) == [
        "/pattern: the keyword 'pattern'"
    ]
    nested = {"type": "array", "items": {"anyOf": [{"format": "email"}, {"type": "number"}]}}
    assert len(schema_problems(nested)) == 2
    for prompt in catalogue.prompts.values():
        assert schema_problems(value_schema(prompt)) == [], prompt.id
    import exercises.site

    monkeypatch.setattr(
        exercises.site, "value_schema", lambda p: {"type": "string", "pattern": "x"}
    )
    with pytest.raises(ValueError, match="keyword 'pattern'"):
        site_data(catalogue)


def test_site_data_names_every_prompt_with_its_rule(catalogue) -> None:
    data = site_data(catalogue)
    assert data["storagePrefix"] == STORAGE_PREFIX
    assert data["workbook"] == {
        "format": FORMAT,
        "version": VERSION,
        "damaged": {"entry": DAMAGED_ENTRY, "time": NO_TIME},
    }
    assert set(data["prompts"]) == set(catalogue.prompts)
    listed = [pid for m in data["modules"] for pid in m["prompts"]]
    assert listed == list(catalogue.prompts)
    text = data["prompts"]["mindset.my-innovation"]
    assert text["kind"] == "text" and text["freeText"] is True
    json.dumps(data)  # the build writes it as JSON


def test_documents_are_the_package_documents(catalogue) -> None:
    """What the site's capstone shows is what plan.py builds from the same answers."""
    workbook = {
        "format": FORMAT,
        "version": VERSION,
        "answers": {
            "mindset.my-innovation": {
                "value": "A falls clinic run by pharmacists.",
                "saved_at": "2026-11-20T09:00:00+00:00",
            },
            "complexity.position": {"value": {"x": 9, "y": 9}, "saved_at": "2026-11-20T09:00:00Z"},
            "gone.question": {"value": "x", "saved_at": "2026-11-20T09:00:00Z"},
        },
    }
    text = json.dumps(workbook)
    answers = answers_from_json(text)
    assert set(answers) == {"mindset.my-innovation", "complexity.position", "gone.question"}
    out = documents(text, catalogue)
    assert set(out) == {"plan", "report", "progress", "record"}
    assert out["plan"]["html"] == to_html(plan_doc(catalogue, answers))
    assert out["progress"]["markdown"] == to_markdown(progress_doc(catalogue, answers))
    assert "A falls clinic run by pharmacists." in out["plan"]["fragment"]
    assert EARLIER in out["plan"]["fragment"]  # the old position is shown, not an error


def test_the_browser_bundle_holds_every_pure_module_the_documents_need(tmp_path: Path) -> None:
    """The capstone's copy of the package (subpackages included) builds the documents in a
    Python that cannot import filelock, pandas, numpy, ipywidgets or yaml, as in Pyodide."""
    import sys

    sys.path.insert(0, str(REPO / "book" / "_ext"))
    try:
        from course_site import BROWSER_LACKS, pure_modules
    finally:
        sys.path.remove(str(REPO / "book" / "_ext"))
    package = REPO / "exercises"
    modules = {p.relative_to(package).as_posix() for p in pure_modules(package)}
    assert {"site.py", "cohort/__init__.py", "cohort/share_file.py"} <= modules
    assert not {"workbook.py", "cohort/summary.py", "cli.py"} & modules
    assert not any(m.startswith("widgets/") for m in modules)
    copy = tmp_path / "exercises"
    for name in modules:
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(package / name, copy / name)
    (copy / "__init__.py").write_text('"""stub"""\n', encoding="utf-8")
    from exercises.catalogue import prompt_files

    (tmp_path / "prompts.json").write_text(json.dumps(prompt_files()), encoding="utf-8")
    script = (
        "import json, sys\n"
        "sys.path.insert(0, '.')\n"
        f"for name in {sorted(BROWSER_LACKS)!r}: sys.modules[name] = None\n"
        "from exercises.catalogue import catalogue_from_data\n"
        "from exercises.site import documents\n"
        "cat = catalogue_from_data(json.loads(open('prompts.json').read()))\n"
        "print(sorted(documents('{}', cat)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-I", "-c", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["['plan',", "'progress',", "'record',", "'report']"]

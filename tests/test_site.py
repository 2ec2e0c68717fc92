"""The website's data: one rule for answers in Python and in the browser, and documents."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from exercises.fitting import EARLIER
from exercises.kinds import check_value, kind_of, value_schema
from exercises.model import AnswerError, Prompt
from exercises.plan import plan_doc, progress_doc
from exercises.report import to_html, to_markdown
from exercises.site import STORAGE_PREFIX, answers_from_json, documents, site_data
from exercises.workbook import FORMAT, VERSION

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


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is needed for the site script")
def test_browser_and_python_accept_the_same_answers(catalogue, tmp_path) -> None:
    """For every prompt, the site's validator and check_value agree on every sample."""
    cases = [(p, v) for p in catalogue.prompts.values() for v, _ in samples(p)]
    batch = [{"schema": value_schema(p), "value": v} for p, v in cases]
    path = tmp_path / "samples.json"
    path.write_text(json.dumps(batch))
    out = subprocess.run(
        ["node", str(REPO / "tests/js/validate-samples.mjs"), str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    verdicts = json.loads(out.stdout)
    wrong = [
        (p.id, v, fits(p, v))
        for (p, v), ok in zip(cases, verdicts, strict=True)
        if ok != fits(p, v)
    ]
    assert not wrong, f"{len(wrong)} disagreements, first: {wrong[:5]}"
    assert sum(verdicts) > len(catalogue.prompts)  # valid samples exist for every prompt


def test_site_data_names_every_prompt_with_its_rule(catalogue) -> None:
    data = site_data(catalogue)
    assert data["storagePrefix"] == STORAGE_PREFIX
    assert data["workbook"] == {"format": FORMAT, "version": VERSION}
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

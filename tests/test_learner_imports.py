"""A learner's kernel never imports pandas or numpy.

Only the facilitator's cohort summary needs pandas. Each test starts a fresh Python
process (``sys.modules`` in the test process already holds pandas), runs what the module
notebooks run, and reports which heavy modules got imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[1]
MODULES = REPO / "book" / "modules"
HEAVY = ("pandas", "numpy")

# Runs in the child process, from book/modules (where the notebooks run). It builds an
# exercise of every kind, answers it, then uses the workbook panel, plan and progress as
# a learner would, and prints the heavy modules that were imported.
LEARNER_SESSION = r"""
import json, sys

notebooks = json.loads(sys.argv[1])
for name, cells in notebooks.items():  # every code cell of every module notebook, in order
    namespace = {}
    for source in cells:
        exec(compile(source, name, "exec"), namespace)

from exercises import course_catalogue, show, show_module, show_plan, show_progress, show_workbook
from exercises.kinds import KINDS, kind_of

catalogue = course_catalogue()

kinds = {}
for prompt in catalogue.prompts.values():
    kinds.setdefault(prompt.kind, prompt)
for kind, prompt in kinds.items():
    view = show(prompt.id)
    view.control.set(kind_of(prompt).examples(prompt).fit[0])
    view.save()
    for extra in view.control.extras:  # a knowledge check's "Check my answer"
        if hasattr(extra, "click"):
            extra.click()
    assert "Problem" not in view.status.value, view.status.value
assert set(kinds) == set(KINDS), sorted(set(KINDS) - set(kinds))

show_module(next(iter(catalogue.modules)))
panel = show_workbook()
panel.make_downloads()
panel.share.refresh()
show_plan().refresh()
show_progress().refresh()
saved = json.loads(open(panel.workbook.path, encoding="utf-8").read())["answers"]
assert {p.id for p in kinds.values()} <= set(saved), "an answer was not saved"

if len(sys.argv) > 2:  # the control: the facilitator's panel does load pandas
    from exercises import show_cohort_summary

    show_cohort_summary()

print(json.dumps(sorted(name for name in ("pandas", "numpy") if name in sys.modules)))
"""


def notebook_code(folder: Path) -> dict[str, list[str]]:
    """Each notebook's name in ``folder`` with the source of its code cells, in order."""
    return {
        path.name: [
            c.source
            for c in nbformat.read(path, as_version=4).cells
            if c.cell_type == "code" and c.source.strip()
        ]
        for path in sorted(folder.glob("*.ipynb"))
    }


def heavy_imports(tmp_path: Path, *extra: str) -> list[str]:
    """Run a learner's session in a fresh process; return the heavy modules it imported."""
    result = subprocess.run(
        [sys.executable, "-c", LEARNER_SESSION, json.dumps(notebook_code(MODULES)), *extra],
        cwd=MODULES,
        env={**os.environ, "COURSE_WORKBOOK": str(tmp_path / "wb" / "workbook.json")},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_notebooks_call_the_learner_api() -> None:
    """The module notebooks really do open exercises and the workbook panel, so the next
    test runs what a learner's kernel runs."""
    notebooks = notebook_code(MODULES)
    assert len(notebooks) >= 16
    code = "\n".join(source for cells in notebooks.values() for source in cells)
    assert "show(" in code and "show_workbook()" in code
    assert "show_plan()" in code and "show_progress()" in code
    assert "show_cohort_summary" not in code


def test_a_learner_kernel_never_imports_pandas_or_numpy(tmp_path: Path) -> None:
    """Every module notebook's calls, an answered exercise of each kind, the workbook
    panel's downloads, the share panel, the plan and progress: none loads pandas or numpy."""
    assert heavy_imports(tmp_path) == []


def test_the_facilitator_panel_does_load_pandas(tmp_path: Path) -> None:
    """The control for the test above: the same process notices pandas once the
    facilitator's cohort summary is opened, so an empty list there means something."""
    assert heavy_imports(tmp_path, "facilitator") == list(HEAVY[::-1])

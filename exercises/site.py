"""What the course website's script needs to know, taken from the same data as Jupyter.

The site keeps answers in the learner's browser, so its script must follow the same
rules as the Python package: the workbook's format marker and version, each prompt's
kind and the values it accepts (:func:`exercises.kinds.value_schema`), and the share
file's rules. :func:`site_data` gathers them into one JSON-ready dict, which the book
build writes into the site (``book/_ext/course_site.py``). Nothing here is written
twice by hand: every value comes from the package.

:func:`documents` builds the capstone documents from a workbook's JSON text. It is what
the capstone page runs in the browser (the package's own code, in Pyodide), and what
the Jupyter widgets show, so the two are the same documents.
"""

from __future__ import annotations

import json
from typing import Any

from . import workbook_file as workbook
from .catalogue import Catalogue
from .cohort import share_file as share
from .kinds import value_schema
from .model import Answer
from .plan import learning_record_doc, plan_doc, progress_doc
from .progress_report import report_doc
from .report import to_fragment, to_html, to_markdown

STORAGE_PREFIX = "spread-course:"
"""Every key this course keeps in browser storage starts with this."""


def site_data(catalogue: Catalogue) -> dict[str, Any]:
    """The rules and prompt facts the website's script works from."""
    prompts = {}
    for module in catalogue.modules.values():
        for prompt in module.prompts:
            prompts[prompt.id] = {
                "module": module.id,
                "kind": prompt.kind,
                "title": prompt.title,
                "freeText": share.is_free_text(prompt),
                "schema": value_schema(prompt),
            }
    return {
        "storagePrefix": STORAGE_PREFIX,
        "workbook": {"format": workbook.FORMAT, "version": workbook.VERSION},
        "limits": {"maxImportBytes": workbook.MAX_IMPORT_BYTES},
        "modules": [
            {"id": m.id, "number": m.number, "title": m.title, "prompts": [p.id for p in m.prompts]}
            for m in catalogue.modules.values()
        ],
        "prompts": prompts,
        "share": {
            "format": share.FORMAT,
            "version": share.VERSION,
            "fields": list(share.FIELDS),
            "cohortPattern": share.COHORT_CODE.pattern,
            "nicknamePattern": share.NICKNAME.pattern,
            "firstWords": list(share.FIRST_WORDS),
            "secondWords": list(share.SECOND_WORDS),
            "maxBytes": share.MAX_SHARE_BYTES,
        },
    }


def answers_from_json(text: str) -> dict[str, Answer]:
    """Every readable answer of a workbook's JSON text, by the workbook's own rule for an
    answer (:func:`exercises.workbook_file.read_entries`: a damaged one, or one without a
    valid time, is left out and the others are kept).

    Answers that no longer fit their question are kept: the documents show them as given
    to an earlier version of the question (:mod:`exercises.fitting`), as Jupyter does.
    """
    doc = json.loads(text)
    raw = doc.get("answers", {}) if isinstance(doc, dict) else {}
    return workbook.read_entries(raw).answers if isinstance(raw, dict) else {}


DOCUMENTS = {
    "plan": ("my-spread-and-adoption-plan", plan_doc),
    "report": ("my-progress-report", report_doc),
    "progress": ("my-progress", progress_doc),
    "record": ("my-learning-record", learning_record_doc),
}
"""The capstone documents: key to (download file stem, builder)."""


def documents(workbook_json: str, catalogue: Catalogue) -> dict[str, dict[str, str]]:
    """Each capstone document as an HTML fragment, a whole HTML file and Markdown."""
    answers = answers_from_json(workbook_json)
    out = {}
    for key, (stem, build) in DOCUMENTS.items():
        doc = build(catalogue, answers)
        out[key] = {
            "stem": stem,
            "title": doc.title,
            "fragment": to_fragment(doc, level=3),
            "html": to_html(doc),
            "markdown": to_markdown(doc),
        }
    return out

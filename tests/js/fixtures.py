"""What the JavaScript unit tests take from the Python package, printed as JSON.

``tests/js/helpers.mjs`` runs this once per test file, so the browser code is tested
against the site data and the exercise HTML that Python really makes (never a hand-made
copy): the site data (``exercises.site.site_data``), every prompt's plain HTML form
(``exercises.static_form.exercise_html``) with sample values its kind accepts (made by
the kind's rehearsal and tidied by its value rule), and the device panel's HTML.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from exercises.catalogue import course_catalogue
from exercises.kinds import KIND_SPECS, check_value
from exercises.site import site_data
from exercises.static_form import device_panel_html, exercise_html

SAMPLES = 3
"""Sample values per prompt."""


def fixtures() -> dict[str, object]:
    """The site data, each prompt's form HTML and sample values, and the panel's HTML."""
    catalogue = course_catalogue()
    rng = random.Random(20)
    prompts = []
    for prompt in catalogue.prompts.values():
        spec = KIND_SPECS[prompt.kind]
        taste = spec.rehearsal_taste(prompt, rng)
        samples = [
            check_value(prompt, spec.rehearsal(prompt, taste, rng.uniform(-1, 1), rng))
            for _ in range(SAMPLES)
        ]
        prompts.append(
            {
                "id": prompt.id,
                "kind": prompt.kind,
                "html": exercise_html(prompt),
                "samples": samples,
            }
        )
    return {"data": site_data(catalogue), "prompts": prompts, "panel": device_panel_html()}


if __name__ == "__main__":
    json.dump(fixtures(), sys.stdout, ensure_ascii=False)

"""``list``: rows of short answers under the prompt's own columns (``fields``)."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from ..model import Field, Prompt, rows_in
from . import rows
from .samples import ROW_TEXT
from .spec import LISTED, KindSpec, no_taste

if TYPE_CHECKING:
    from ..catalogue import PromptReader


def read(reader: PromptReader, data: dict[str, Any]) -> dict[str, Any]:
    fields = []
    for raw in reader.mapping_list(data, "fields", 1):
        kind = raw.get("kind", "text")
        options = raw.get("options", [])
        if kind not in ("text", "choice"):
            raise reader.fail(f"field kind must be text or choice, not {kind!r}.")
        if kind == "choice" and (not isinstance(options, list) or len(options) < 2):
            raise reader.fail("a choice field needs a list of at least two options.")
        fields.append(
            Field(
                reader.slug(raw), reader.text(raw, "label"), kind, reader.labels(options, "options")
            )
        )
    reader.unique([f.id for f in fields], "field")
    return {"fields": tuple(fields), **rows.add_label(reader, data)}


def rehearsal(prompt: Prompt, taste: None, tilt: float, rng: random.Random) -> Any:
    made = []
    for _ in range(rng.randint(1, 4)):
        made.append(
            {
                f.id: rng.choice(f.options) if f.kind == "choice" else rng.choice(ROW_TEXT)
                for f in prompt.columns
            }
        )
    return made


SPEC = KindSpec(
    name="list",
    heading="Make a list",
    prompt_keys=frozenset({"fields", "add_label"}),
    read=read,
    check=rows_in,
    schema=rows.schema,
    widget="exercises.widgets.controls:ListControl",
    form=rows.form,
    blocks=rows.blocks,
    free_text=True,
    cohort=LISTED,
    rehearsal_taste=no_taste,
    rehearsal=rehearsal,
)

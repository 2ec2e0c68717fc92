"""``list``: rows of short answers under the prompt's own columns (``fields``). Its value
is a list of rows, each a dict of field id to text. (The folder is ``listing`` because
``list`` names a Python built-in; the kind's name stays ``list``.)"""

from __future__ import annotations

import random
from typing import Any

from ...model import Field, Prompt
from .. import rows
from ..rows import blocks as blocks
from ..rows import check as check
from ..rows import examples as examples
from ..rows import form as form
from ..rows import schema as schema
from ..samples import ROW_TEXT
from ..spec import Reader, kind_spec, no_taste


def read(reader: Reader, data: dict[str, Any]) -> dict[str, Any]:
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


rehearsal_taste = no_taste


SPEC = kind_spec(
    "list", "Make a list", "ListControl", globals(), {"fields", "add_label"}, rows.LISTED
)

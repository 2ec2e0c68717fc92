"""``actions``: an action plan, rows of what, who and by when (fixed columns)."""

from __future__ import annotations

import datetime as _dt
import random
from typing import Any

from ..model import Prompt, rows_in
from . import rows
from .samples import ACTIONS, REHEARSAL_START
from .spec import LISTED, KindSpec, no_taste


def rehearsal(prompt: Prompt, taste: None, tilt: float, rng: random.Random) -> Any:
    made = []
    for what, who in rng.sample(ACTIONS, rng.randint(1, 3)):
        when = REHEARSAL_START.date() + _dt.timedelta(days=rng.randint(7, 70))
        made.append({"what": what, "who": who, "when": when.isoformat()})
    return made


SPEC = KindSpec(
    name="actions",
    heading="Plan your actions",
    prompt_keys=frozenset({"add_label"}),
    read=rows.add_label,
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

"""``actions``: an action plan, rows of what, who and by when (fixed columns). Its value is
a list of rows with the fields ``what``, ``who`` and ``when`` (an ISO date
``YYYY-MM-DD``, or empty)."""

from __future__ import annotations

import datetime as _dt
import random
from typing import Any

from ...model import Prompt
from .. import rows
from ..rows import blocks as blocks
from ..rows import check as check
from ..rows import examples as examples
from ..rows import form as form
from ..rows import schema as schema
from ..samples import ACTIONS, REHEARSAL_START
from ..spec import kind_spec, no_taste


def rehearsal(prompt: Prompt, taste: None, tilt: float, rng: random.Random) -> Any:
    made = []
    for what, who in rng.sample(ACTIONS, rng.randint(1, 3)):
        when = REHEARSAL_START.date() + _dt.timedelta(days=rng.randint(7, 70))
        made.append({"what": what, "who": who, "when": when.isoformat()})
    return made


read = rows.add_label
rehearsal_taste = no_taste


SPEC = kind_spec(
    "actions", "Plan your actions", "ListControl", globals(), {"add_label"}, rows.LISTED
)

"""The ``checklist`` kind: any number of options ticked, counted ticked and not ticked."""

from __future__ import annotations

import pytest

from exercises.kinds import Counted, kind_of
from tests.kinds.helpers import CHECKLIST, accepts, refuses


@pytest.mark.parametrize(("value", "expected"), [(["c", "a"], ["a", "c"]), ([], [])])
def test_ticks_are_kept_in_the_prompts_order(value, expected) -> None:
    accepts(CHECKLIST, value, expected)


@pytest.mark.parametrize(
    ("value", "message"), [(["a", "z"], "not one of"), ("a", "list of option ids")]
)
def test_bad_ticks_are_refused_in_words(value, message: str) -> None:
    refuses(CHECKLIST, value, message)


def test_each_option_is_counted_ticked_and_not_ticked() -> None:
    treatment = kind_of(CHECKLIST).cohort
    assert isinstance(treatment, Counted)
    counts = treatment.count(CHECKLIST, [["a", "c"], ["a"], []])
    assert counts == {
        ("a", True): 2,
        ("a", False): 1,
        ("b", True): 0,
        ("b", False): 3,
        ("c", True): 1,
        ("c", False): 2,
    }
    layout = treatment.layout(CHECKLIST)
    assert layout.corner == "Option" and layout.note == "Each person may tick several."

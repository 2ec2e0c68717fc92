"""The ``text`` kind: the learner's own words, listed (never counted) when shared."""

from __future__ import annotations

import pytest

from exercises.kinds import kind_of
from exercises.kinds.spec import Listed
from exercises.model import MAX_TEXT
from tests.kinds.helpers import TEXT, accepts, refuses


@pytest.mark.parametrize("value", ["Some words", "", "x" * MAX_TEXT, "half \ud83d an emoji"])
def test_text_of_any_length_up_to_the_limit_fits(value: str) -> None:
    accepts(TEXT, value, value)


@pytest.mark.parametrize(
    ("value", "message"), [(5, "must be text"), ("x" * (MAX_TEXT + 1), "longer than")]
)
def test_other_values_are_refused_in_words(value: object, message: str) -> None:
    refuses(TEXT, value, message)


def test_paragraphs_become_document_paragraphs_and_the_list_keeps_the_words() -> None:
    spec = kind_of(TEXT)
    assert [b.text for b in spec.blocks(TEXT, "One.\n\nTwo.\n")] == ["One.", "Two."]
    assert isinstance(spec.cohort, Listed) and spec.free_text
    assert spec.cohort.words(TEXT, "  Shared words \n") == "Shared words"

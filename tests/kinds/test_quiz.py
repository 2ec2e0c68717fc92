"""The ``quiz`` kind: a knowledge check with one verdict phrasing everywhere."""

from __future__ import annotations

import pytest

from exercises.kinds import kind_of
from exercises.kinds.quiz import answers_html, verdict
from tests.kinds.helpers import QUIZ, accepts, refuses


def test_an_option_fits_and_anything_else_does_not() -> None:
    accepts(QUIZ, "a", "a")
    refuses(QUIZ, 1, "not one of")


@pytest.mark.parametrize(("correct", "words"), [(True, "Correct"), (False, "Not the best answer")])
def test_one_verdict_on_the_website_in_documents_and_in_the_list(correct, words) -> None:
    """The form's feedback, the list of every answer and the document all say the same."""
    option = next(o for o in QUIZ.options if o.correct is correct)
    assert verdict(correct) == words
    form = kind_of(QUIZ).form(QUIZ, "ex")
    assert f'data-feedback="{words}. {option.feedback}"' in form
    assert f"– {words}. {option.feedback}" in answers_html(QUIZ) and "<details>" in form
    (block,) = kind_of(QUIZ).blocks(QUIZ, option.id)
    assert block.text == f"{option.label} ({words.lower()})"


def test_the_correct_option_is_named_in_the_cohort_table() -> None:
    layout = kind_of(QUIZ).cohort.layout(QUIZ)  # type: ignore[union-attr]
    assert layout.columns["b"] == "B (the correct answer)" and layout.columns["a"] == "A"

"""Reading a share file: half a character in shared words is shown as '�', never a failure;
anywhere else it makes the file unusable, with a reason."""

from __future__ import annotations

import json

import pytest

from exercises.catalogue import Catalogue
from exercises.cohort.share_file import INVALID, ShareError
from exercises.cohort.share_read import read_share
from tests.cohort.data import share_doc


def website_bytes(doc: dict) -> bytes:
    """What the website's script writes: JSON with escapes, a lone surrogate included."""
    return json.dumps(doc, ensure_ascii=True).encode()


def test_a_lone_surrogate_in_shared_words_is_shown_as_a_replacement(cat: Catalogue) -> None:
    doc = share_doc(cat, "amber-heron-4821", share_text=("complexity.story", "complexity.next"))
    doc["shared_text"]["complexity.story"] = "Cut in half \ud83d by the page"
    doc["shared_text"]["complexity.next"][0]["what"] = "Meet \udcff the ward"
    read = read_share(website_bytes(doc), cat)
    assert read["shared_text"]["complexity.story"] == "Cut in half � by the page"
    assert read["shared_text"]["complexity.next"][0]["what"] == "Meet � the ward"
    json.dumps(read, ensure_ascii=False).encode("utf-8")  # everything can be written


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("nickname", "amber-heron-482\ud83d", "nickname"),
        ("cohort", "TEST-\ud83d", "cohort code"),
        ("made_at", "2027-01-15T10:00:00\ud83d", "made_at"),
    ],
)
def test_a_lone_surrogate_elsewhere_sets_the_file_aside(cat, field, value, words) -> None:
    doc = share_doc(cat, "amber-heron-4821")
    doc[field] = value
    with pytest.raises(ShareError, match=words) as err:
        read_share(website_bytes(doc), cat)
    assert err.value.kind == INVALID
    str(err.value).encode("utf-8")  # the reason itself can be written


def test_a_lone_surrogate_in_a_choice_is_an_answer_that_does_not_fit(cat: Catalogue) -> None:
    doc = share_doc(cat, "amber-heron-4821")
    doc["answers"]["principles.focus"] = "two\ud83d"
    with pytest.raises(ShareError, match="does not fit") as err:
        read_share(website_bytes(doc), cat)
    str(err.value).encode("utf-8")

"""Share files: made on purpose, previewed exactly, never holding unchosen text or a name."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from exercises.catalogue import Catalogue
from exercises.cohort.share_file import (
    FORMAT,
    MAX_SHARE_BYTES,
    NICKNAME,
    VERSION,
    ShareError,
    build_share,
    check_cohort,
    describe,
    free_text_prompts,
    new_nickname,
    nickname_path,
    preview,
    read_nickname,
    remember_nickname,
    write_share,
)
from exercises.cohort.share_read import read_share
from tests.cohort.data import FULL, answers


def test_nicknames_are_two_words_and_a_number_and_vary() -> None:
    """A nickname has the course's form, and 500 of them are (almost) all different."""
    names = [new_nickname() for _ in range(500)]
    assert all(NICKNAME.match(n) for n in names)
    assert len(set(names)) >= 499


def test_nickname_words_are_not_first_names() -> None:
    """The word lists leave out words that are also common first names."""
    from exercises.cohort import share_file as share

    names = {"holly", "robin", "rowan", "daisy", "poppy", "willow", "hazel", "rose", "frank"}
    assert not names & (set(share._FIRST) | set(share._SECOND))


def test_a_seeded_generator_gives_the_same_nickname() -> None:
    """Rehearsal data can draw nicknames from a seeded generator."""
    assert new_nickname(random.Random(3)) == new_nickname(random.Random(3))


@pytest.mark.parametrize("code", ["", "a b", "<script>", "-abc", "abc-", "x" * 25, "é-1", 7])
def test_bad_cohort_codes_are_refused_in_words(code) -> None:
    """A cohort code is short, letters, digits and hyphens; anything else says so."""
    with pytest.raises(ShareError, match="cohort code"):
        check_cohort(code)


def test_cohort_codes_are_kept_in_capitals() -> None:
    """Codes are compared in capitals, so 'leeds-2027' and 'LEEDS-2027' are one cohort."""
    assert check_cohort(" leeds-2027 ") == "LEEDS-2027"
    assert check_cohort("A") == "A"


def test_share_holds_structured_answers_and_no_unchosen_text(cat: Catalogue) -> None:
    """Ratings, choices, ticks, quiz answers and positions go in; written answers do not."""
    share = build_share(answers(FULL), cat, "leeds-2027", "amber-heron-4821")
    doc = share.doc
    assert doc["format"] == FORMAT and doc["version"] == VERSION
    assert doc["nickname"] == "amber-heron-4821" and doc["cohort"] == "LEEDS-2027"
    assert set(doc["answers"]) == {
        "principles.baseline",
        "principles.focus",
        "complexity.position",
        "complexity.sure",
        "complexity.signs",
        "complexity.check",
    }
    assert doc["shared_text"] == {}
    assert set(doc["answered"]) == set(FULL)
    text = preview(share)
    for private in ("Spread is social", "stalled", "Priya", "Meet the ward"):
        assert private not in text
    assert share.held_back == [
        "principles.learned",
        "complexity.people",
        "complexity.next",
        "complexity.story",
    ]


def test_only_the_chosen_free_text_is_shared(cat: Catalogue) -> None:
    """Text, list rows and action rows are shared only when chosen, one by one."""
    share = build_share(
        answers(FULL), cat, "T", "amber-heron-4821", ["complexity.people", "complexity.story"]
    )
    assert share.doc["shared_text"] == {
        "complexity.people": [{"name": "Priya", "role": "Broker"}],
        "complexity.story": "The pilot stalled when the lead left.",
    }
    assert "Spread is social" not in preview(share)
    assert "Meet the ward" not in preview(share)


def test_free_text_prompts_lists_text_list_and_actions(cat: Catalogue) -> None:
    """The learner is offered every answered written question, and nothing else."""
    offered = [p.id for p in free_text_prompts(answers(FULL), cat)]
    assert offered == [
        "principles.learned",
        "complexity.people",
        "complexity.next",
        "complexity.story",
    ]


def test_choosing_text_that_is_not_an_answered_written_answer_fails(cat: Catalogue) -> None:
    """Asking to share a rating as text, or an unanswered question, is refused."""
    with pytest.raises(ShareError, match=r"principles\.focus"):
        build_share(answers(FULL), cat, "T", "amber-heron-4821", ["principles.focus"])
    with pytest.raises(ShareError, match=r"extra\.note"):
        build_share(answers(FULL), cat, "T", "amber-heron-4821", ["extra.note"])


def test_empty_unknown_and_stale_answers_are_left_out_and_reported(cat: Catalogue) -> None:
    """Blank answers are not 'answered'; answers that no longer fit are named, not shared."""
    values = {
        "principles.focus": "two",
        "complexity.story": "   ",
        "complexity.signs": [],
        "gone.prompt": "old",
        "complexity.sure": 9,
    }
    share = build_share(answers(values), cat, "T", "amber-heron-4821")
    assert share.doc["answered"] == ["principles.focus"]
    assert set(share.skipped) == {"gone.prompt", "complexity.sure"}
    assert any("no longer fit" in line for line in describe(share, cat))


def test_bad_nickname_or_cohort_stops_the_build(cat: Catalogue) -> None:
    """A nickname typed as a real name, or a bad code, is refused before anything is made."""
    with pytest.raises(ShareError, match="nickname"):
        build_share(answers(FULL), cat, "T", "Jane Smith")
    with pytest.raises(ShareError, match="cohort code"):
        build_share(answers(FULL), cat, "no spaces please", "amber-heron-4821")


def test_describe_says_what_is_shared_in_plain_words(cat: Catalogue) -> None:
    """The preview names the nickname, the code, the questions and the chosen text only."""
    share = build_share(answers(FULL), cat, "T", "amber-heron-4821", ["complexity.story"])
    words = "\n".join(describe(share, cat))
    assert "amber-heron-4821" in words and "Your name is not in the file" in words
    assert "Cohort code: T." in words
    assert "My starting point" in words and "Where my change sits" in words
    assert "The pilot stalled when the lead left." in words
    assert "Not shared" in words and "What I learned" in words
    assert "Spread is social" not in words


def test_preview_is_exactly_what_is_written(cat: Catalogue, tmp_path: Path) -> None:
    """The bytes on disk are the preview, and they read back as the same document."""
    share = build_share(answers(FULL), cat, "T", "amber-heron-4821", ["complexity.story"])
    path = write_share(share, tmp_path / "out" / share.filename)
    assert path.name == "share-amber-heron-4821.json"
    assert path.read_text(encoding="utf-8") == preview(share)
    assert read_share(path.read_bytes(), cat) == share.doc


def test_writing_never_overwrites_a_file(cat: Catalogue, tmp_path: Path) -> None:
    """An existing file stays as it was, and the learner is told why nothing was written."""
    target = tmp_path / "share.json"
    target.write_text("my other file")
    share = build_share(answers(FULL), cat, "T", "amber-heron-4821")
    with pytest.raises(ShareError, match="already exists"):
        write_share(share, target)
    assert target.read_text() == "my other file"


def test_a_share_file_over_one_megabyte_is_not_made(cat: Catalogue) -> None:
    """Too much shared text is refused with a plain message, before anything is written."""
    rows = [{"name": "x" * 20_000, "role": ""} for _ in range(50)]
    values = {**FULL, "complexity.people": rows}
    with pytest.raises(ShareError, match="1 MB"):
        build_share(answers(values), cat, "T", "amber-heron-4821", ["complexity.people"])
    assert MAX_SHARE_BYTES == 1_000_000


def test_the_nickname_is_remembered_beside_the_workbook(tmp_path: Path) -> None:
    """The same learner keeps the same nickname next time; a damaged note is ignored."""
    workbook = tmp_path / "wb" / "workbook.json"
    assert read_nickname(workbook) is None
    remember_nickname(workbook, "amber-heron-4821")
    assert nickname_path(workbook).name == "workbook.nickname.json"
    assert read_nickname(workbook) == "amber-heron-4821"
    nickname_path(workbook).write_text("{not json")
    assert read_nickname(workbook) is None
    nickname_path(workbook).write_text(json.dumps({"nickname": "Jane Smith"}))
    assert read_nickname(workbook) is None


def test_the_nickname_note_is_private(tmp_path: Path) -> None:
    """Like the workbook, the note is readable by the learner alone (0600), whatever the umask."""
    workbook = tmp_path / "wb" / "workbook.json"
    old = os.umask(0o022)
    try:
        remember_nickname(workbook, "amber-heron-4821")
        remember_nickname(workbook, "amber-heron-4822")  # rewriting keeps it private
    finally:
        os.umask(old)
    assert nickname_path(workbook).stat().st_mode & 0o777 == 0o600
    assert read_nickname(workbook) == "amber-heron-4822"

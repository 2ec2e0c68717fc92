"""Rehearsal data: seeded, valid, varied like a real cohort, and damaged only on request."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest

from exercises.catalogue import Catalogue
from exercises.cohort.rehearsal import demo_shares, write_demo
from exercises.cohort.share_file import NICKNAME, ShareError
from exercises.cohort.share_read import read_share
from exercises.cohort.summary import summarise


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_same_seed_gives_the_same_files(tmp_path: Path, cat: Catalogue) -> None:
    """Two runs with one seed write identical files; another seed writes others."""
    write_demo(tmp_path / "a", 15, "rehearse", seed=4, catalogue=cat)
    write_demo(tmp_path / "b", 15, "rehearse", seed=4, catalogue=cat)
    write_demo(tmp_path / "c", 15, "rehearse", seed=5, catalogue=cat)
    assert contents(tmp_path / "a") == contents(tmp_path / "b")
    assert contents(tmp_path / "a") != contents(tmp_path / "c")
    assert len(contents(tmp_path / "a")) == 15


def test_every_file_is_a_valid_share_file(tmp_path: Path, cat: Catalogue) -> None:
    """Each file reads back cleanly, with a unique nickname and the cohort code."""
    paths = write_demo(tmp_path / "d", 40, "rehearse", catalogue=cat)
    docs = [read_share(p.read_bytes(), cat) for p in paths]
    nicknames = [d["nickname"] for d in docs]
    assert len(set(nicknames)) == 40 and all(NICKNAME.match(n) for n in nicknames)
    assert {d["cohort"] for d in docs} == {"REHEARSE"}
    assert [p.name for p in paths] == [f"share-{n}.json" for n in nicknames]


def test_answers_vary_like_a_real_cohort(cat: Catalogue) -> None:
    """Ratings use several points of the scale, most quizzes are right, some text is shared."""
    docs = [s.doc for s in demo_shares(200, "rehearse", seed=2, catalogue=cat)]
    ratings = collections.Counter(
        v for d in docs for v in d["answers"].get("principles.baseline", {}).values()
    )
    assert len(ratings) >= 4 and max(ratings.values()) < 0.6 * sum(ratings.values())
    quiz = [d["answers"]["complexity.check"] for d in docs if "complexity.check" in d["answers"]]
    assert 0.6 < quiz.count("right") / len(quiz) < 0.9
    stories = [d for d in docs if "complexity.story" in d["answered"]]
    shared = [d for d in stories if "complexity.story" in d["shared_text"]]
    assert 0.15 < len(shared) / len(stories) < 0.55
    finished = sum(set(d["answered"]) >= {"extra.note"} for d in docs)
    assert 0 < finished < len(docs)  # some learners are further on than others


def test_the_summary_of_a_rehearsal_cohort_has_something_to_show(tmp_path, cat) -> None:
    """A rehearsal of 24 gives a heat map, a quadrant chart and shared text."""
    write_demo(tmp_path / "d", 24, "rehearse", catalogue=cat)
    summary = summarise(tmp_path / "d", cat)
    assert summary.learners == 24 and summary.rejected.empty
    assert summary.headline_ratings.counts.notna().to_numpy().sum() > 10
    assert summary.headline_position.answered.iloc[0] > 10
    assert not summary.texts.empty


def test_damaged_files_only_when_asked(tmp_path: Path, cat: Catalogue) -> None:
    """bad=True adds damaged files (all set aside) and valid ones with tricky text (kept)."""
    paths = write_demo(tmp_path / "d", 10, "rehearse", catalogue=cat, bad=True)
    summary = summarise(tmp_path / "d", cat)
    assert summary.learners == 10 + 3  # three valid files with tricky text
    rejected = set(summary.rejected["file"])
    assert len(rejected) == len(paths) - 13 >= 13
    assert {"empty.json", "not-text.json", "too-big.json", "other-cohort.json"} <= rejected
    assert any(name.endswith("-older.json") for name in rejected)
    plain = write_demo(tmp_path / "e", 10, "rehearse", catalogue=cat)
    assert summarise(tmp_path / "e", cat).rejected.empty and len(plain) == 10


def test_a_folder_with_share_files_is_not_mixed_into(tmp_path: Path, cat: Catalogue) -> None:
    """Rehearsal data never lands among real share files."""
    write_demo(tmp_path / "d", 3, "rehearse", catalogue=cat)
    with pytest.raises(ShareError, match="choose an empty folder"):
        write_demo(tmp_path / "d", 3, "rehearse", catalogue=cat)
    assert len(list((tmp_path / "d").iterdir())) == 3


def test_the_number_of_learners_is_checked(cat: Catalogue) -> None:
    """Zero or a fraction of a learner is a plain error."""
    for bad in (0, -1, 2.5, True):
        with pytest.raises(ValueError, match="at least 1"):
            demo_shares(bad, "rehearse", catalogue=cat)

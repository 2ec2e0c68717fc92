"""Importing a workbook: what changes question by question, damaged answers left out, and
a file with nothing readable refused whole."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from exercises.model import Answer
from exercises.workbook_file import FORMAT, NO_TIME, VERSION, WorkbookError
from exercises.workbook_merge import merged, plan_import, read_upload

NOW = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)
EARLY, LATE = "2026-11-01T09:00:00+00:00", "2026-11-20T09:00:00+00:00"


def upload(answers: dict[str, object]) -> bytes:
    return json.dumps({"format": FORMAT, "version": VERSION, "answers": answers}).encode()


def test_damaged_answers_are_left_out_and_the_rest_imported() -> None:
    data = upload(
        {
            "m.new": {"value": "theirs", "saved_at": LATE},
            "m.broken": {"value": "theirs", "saved_at": "20 November"},
            "m.mine": {"value": "older", "saved_at": EARLY},
        }
    )
    ours = {"m.mine": Answer("m.mine", "mine", LATE), "m.broken": Answer("m.broken", "x", EARLY)}
    plan = plan_import(read_upload(data), ours, now=NOW)
    assert plan.added == ["m.new"] and plan.kept == ["m.mine"]
    assert plan.damaged == {"m.broken": NO_TIME} and list(plan.incoming) == ["m.new"]
    assert [(c.prompt_id, c.action) for c in plan.changes] == [
        ("m.broken", "damaged"),
        ("m.mine", "keep"),
        ("m.new", "add"),
    ]
    assert "1 answer in the file is damaged, so it cannot be read and is left out." in (
        plan.summary()
    )
    after = merged(ours, plan, NOW)
    assert after["m.broken"].value == "x" and after["m.new"].value == "theirs"


def test_a_file_with_no_readable_answer_is_refused_whole() -> None:
    with pytest.raises(WorkbookError, match=r"cannot be imported because the answer to 'm\.a'"):
        read_upload(upload({"m.a": {"value": 1}}))
    assert read_upload(upload({})).answers == {}  # an empty workbook is fine, and changes nothing


def test_answers_from_a_fast_clock_are_stamped_with_the_time_of_the_import() -> None:
    future = (NOW + dt.timedelta(days=2)).isoformat()
    plan = plan_import(
        read_upload(upload({"m.a": {"value": "x", "saved_at": future}})), {}, now=NOW
    )
    assert plan.future == ["m.a"] and plan.added == ["m.a"]
    assert merged({}, plan, NOW)["m.a"].saved_at == NOW.isoformat(timespec="microseconds")


def test_a_checker_skips_answers_that_no_longer_fit() -> None:
    def checker(pid: str, value: object) -> object:
        if value == "sideways":
            from exercises.model import AnswerError

            raise AnswerError("'sideways' is not one of this question's options.")
        if pid == "m.unknown":
            raise KeyError(pid)
        return value

    data = upload(
        {
            "m.bad": {"value": "sideways", "saved_at": EARLY},
            "m.unknown": {"value": "kept as it is", "saved_at": EARLY},
        }
    )
    plan = plan_import(read_upload(data), {}, checker, now=NOW)
    assert list(plan.skipped) == ["m.bad"] and plan.added == ["m.unknown"]
    assert "1 answer cannot be used because it no longer fits its question." in plan.summary()

"""What the row kinds (list, actions) share: the rows' rule, schema, form and words."""

from __future__ import annotations

import pytest

from exercises.kinds import rows
from exercises.model import MAX_ROWS
from tests.kinds.helpers import ACTIONS, LIST, accepts, refuses


@pytest.mark.parametrize(
    ("p", "value", "expected"),
    [
        (LIST, [{"name": "Asha", "role": "broker"}], [{"name": "Asha", "role": "broker"}]),
        (LIST, [{"name": "Asha"}], [{"name": "Asha", "role": ""}]),
        (
            ACTIONS,
            [{"what": "Call the ward", "who": "Me", "when": "2026-12-01"}],
            [{"what": "Call the ward", "who": "Me", "when": "2026-12-01"}],
        ),
    ],
)
def test_rows_fitting_the_columns_are_filled_out(p, value, expected) -> None:
    accepts(p, value, expected)


@pytest.mark.parametrize(
    ("p", "value", "message"),
    [
        (LIST, {"name": "x"}, "list of rows"),
        (LIST, [{"name": "x", "age": "3"}], "only hold the fields"),
        (LIST, [{"role": "boss"}], "not one of the choices"),
        (LIST, [{"name": 3}], "must be text"),
        (LIST, [{"name": "x"}] * (MAX_ROWS + 1), "at most"),
        (ACTIONS, [{"when": "next Tuesday"}], "not a date"),
        (ACTIONS, [{"when": "2027-02-30"}], "not a date"),
        (ACTIONS, [{"when": "20270301"}], "not a date"),
    ],
)
def test_bad_rows_are_refused_in_words(p, value, message: str) -> None:
    refuses(p, value, message)


def test_the_schema_and_form_follow_the_columns() -> None:
    schema = rows.schema(LIST)
    assert schema["maxItems"] == MAX_ROWS
    assert schema["items"]["properties"]["role"]["enum"] == ["", "broker", "energiser"]
    assert rows.schema(ACTIONS)["items"]["properties"]["when"]["anyOf"][1] == {"format": "date"}
    form = rows.form(LIST, "ex-m-list")
    assert 'data-row-base="ex-m-list"' in form and 'data-field="role"' in form
    assert '<label for="ex-m-list-1-name">Name</label>' in form


def test_shared_rows_are_listed_a_line_each() -> None:
    words = rows.words(
        ACTIONS,
        [{"what": "Call", "who": "Me", "when": ""}, {"what": "Meet", "who": "", "when": "2027"}],
    )
    assert words.splitlines() == [
        "What will you do: Call; Who with, or who leads it: Me; By when: ",
        "What will you do: Meet; Who with, or who leads it: ; By when: 2027",
    ]


def test_rows_with_no_words_are_a_gap_in_a_document() -> None:
    assert [b.kind for b in rows.blocks(LIST, [{"name": "", "role": ""}])] == ["gap"]
    (table,) = rows.blocks(LIST, [{"name": "Asha", "role": ""}])
    assert table.headers == ["Name", "Role"] and table.rows == [["Asha", ""]]

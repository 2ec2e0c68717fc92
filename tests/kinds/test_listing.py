"""The ``list`` kind (folder ``listing``): the prompt's own columns, read from its file."""

from __future__ import annotations

from pathlib import Path

import pytest

from exercises.catalogue import CatalogueError, load_catalogue
from exercises.kinds import kind_of
from tests.test_catalogue import write_module

LIST_PROMPT = """\
module: m
number: 1
title: M
minutes: 5
prompts:
  - id: m.people
    kind: list
    title: People
    question: Who?
    add_label: Add a person
    fields: {fields}
"""


def load(tmp_path: Path, fields: str):
    write_module(tmp_path, LIST_PROMPT.format(fields=fields), "m.yml")
    return load_catalogue(tmp_path)


def test_fields_and_the_add_button_are_read(tmp_path: Path) -> None:
    fields = "[{id: name, label: Name}, {id: role, label: Role, kind: choice, options: [A, B]}]"
    prompt = load(tmp_path, fields).prompt("m.people")
    assert [(f.id, f.kind, f.options) for f in prompt.columns] == [
        ("name", "text", ()),
        ("role", "choice", ("A", "B")),
    ]
    assert prompt.add_label == "Add a person" and kind_of(prompt).name == "list"


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ("[{id: a, label: A, kind: date}]", "field kind must be text or choice"),
        ("[{id: a, label: A, kind: choice, options: [One]}]", "at least two options"),
        ("[{id: a, label: A}, {id: a, label: B}]", "field ids must be unique"),
        ("[]", "at least 1"),
    ],
)
def test_bad_fields_stop_the_load_in_words(tmp_path: Path, fields: str, words: str) -> None:
    with pytest.raises(CatalogueError, match=words):
        load(tmp_path, fields)

"""Text that can always be written: half a character or a bad file name becomes '�'."""

from __future__ import annotations

import os
from pathlib import Path

from exercises.safe_text import repaired, repaired_value, shown_name, utf8


def test_lone_surrogates_become_the_replacement_character_and_nothing_else_changes() -> None:
    assert repaired("half \ud83d an emoji, \udcff a bad byte") == "half � an emoji, � a bad byte"
    whole = "A whole emoji 🙂, accents é and <markup>"
    assert repaired(whole) is whole
    assert utf8("x\ud800y") == "x�y".encode()


def test_every_string_in_a_value_is_repaired_keys_too() -> None:
    value = [{"what": "Call \ud83d", "\udcffkey": ["\ud800", 3, None]}, "ok"]
    assert repaired_value(value) == [{"what": "Call �", "�key": ["�", 3, None]}, "ok"]


def test_a_file_name_that_is_not_utf8_can_be_shown(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9.json"
    with open(raw, "wb") as out:
        out.write(b"{}")
    (path,) = tmp_path.iterdir()
    assert "\udce9" in path.name and shown_name(path.name) == "caf�.json"
    assert shown_name(path).endswith("caf�.json") and shown_name(path).encode()

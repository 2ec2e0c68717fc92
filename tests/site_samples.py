"""Generated samples for the Node-vs-Python comparison in ``tests/test_site.py``: answer
values as JSON text (numbers written in every form JSON allows), times, and whole
workbook files, valid and broken in the ways people and programs break them. Each
generator takes a seeded :class:`random.Random`, so a failure can be reproduced."""

from __future__ import annotations

import json
import random
from typing import Any

from exercises.model import MAX_ROWS, MAX_TEXT, Prompt

HOSTILE_KEYS = ("__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "")
"""Keys and question ids that name properties every JavaScript object inherits."""


def number_text(value: int | float, rng: random.Random) -> str:
    """A JSON number for ``value``, in one of the forms JSON allows (4, 4.0, 4e0, 40E-1)."""
    if isinstance(value, float) or rng.random() < 0.5:
        return json.dumps(value)
    return rng.choice([f"{value}.0", f"{value}e0", f"{value * 10}E-1", f"{value}.000"])


def to_text(value: Any, rng: random.Random) -> str:
    """JSON text for ``value``, writing whole numbers in varied forms."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, (int, float)):
        return number_text(value, rng)
    if isinstance(value, list):
        return "[" + ", ".join(to_text(v, rng) for v in value) + "]"
    return "{" + ", ".join(f"{json.dumps(k)}: {to_text(v, rng)}" for k, v in value.items()) + "}"


def _atoms(prompt: Prompt) -> list[Any]:
    ids = [o.id for o in prompt.options] + [i.id for i in prompt.items]
    top = max(len(prompt.scale), prompt.x.steps if prompt.x else 0, 5)
    return [
        None, True, False, 0, 1, 2, top, top + 1, -1, 2.5, 1e300, 9007199254740993, "", " ",
        "x", "1", "2027-03-01", "2027-02-30", "0000-01-01", "2027-3-1", "x" * MAX_TEXT,
        "x" * (MAX_TEXT + 1), "😀" * (MAX_TEXT // 2), *ids, *HOSTILE_KEYS,
    ]  # fmt: skip


def _keys(prompt: Prompt) -> list[str]:
    return [
        "x", "y", "z", "what", "who", "when", *(i.id for i in prompt.items),
        *(f.id for f in prompt.columns), *HOSTILE_KEYS,
    ]  # fmt: skip


def random_value(prompt: Prompt, rng: random.Random, depth: int = 0) -> Any:
    """A value of roughly the prompt's shape, often not quite right."""
    roll = rng.random()
    if depth > 2 or roll < 0.35:
        return rng.choice(_atoms(prompt))
    if roll < 0.65:
        size = rng.choice([0, 1, 2, 3, MAX_ROWS, MAX_ROWS + 1]) if depth == 0 else rng.randint(0, 3)
        return [random_value(prompt, rng, depth + 1) for _ in range(size)]
    keys = rng.sample(_keys(prompt), rng.randint(0, 3))
    return {k: random_value(prompt, rng, depth + 1) for k in keys}


def near_values(prompt: Prompt, valid: Any, rng: random.Random) -> list[Any]:
    """Small changes to a valid value: a part dropped, replaced or added."""
    out = []
    for _ in range(6):
        value = json.loads(json.dumps(valid))
        if isinstance(value, dict) and value:
            key = rng.choice(list(value))
            if rng.random() < 0.5:
                value[key] = rng.choice(_atoms(prompt))
            else:
                value[rng.choice(_keys(prompt))] = value.pop(key)
        elif isinstance(value, list) and value:
            n = rng.randrange(len(value))
            if isinstance(value[n], dict) and value[n]:
                value[n][rng.choice(list(value[n]))] = rng.choice(_atoms(prompt))
            else:
                value[n] = rng.choice(_atoms(prompt))
        else:
            value = rng.choice(_atoms(prompt))
        out.append(value)
    return out


_BROKEN = {
    "year": ["0000", "99", "20261", "٢٠٢٦"],
    "month": ["00", "13", "1"],
    "day": ["00", "32", "7", "29", "30", "31"],  # 29 to 31 break only some months
    "hour": ["24", "25", "9"],
    "minute": ["60", "5"],
    "second": ["60", "", "5"],
    "fraction": [".", ",5", ".1e3"],
    "zone": ["", "z", "+24:00", "+05:60", "+0530", "+05", "+05:30:00", "UTC", " Z"],
    "sep": ["t", " ", "_", ""],
}
"""Ways to break one part of a time."""


def random_time(rng: random.Random) -> str:
    """A valid time, or one with a part broken in a way the rules must agree on."""
    year = rng.choice([rng.randint(1, 9999), 1, 1969, 1970, 2024, 2026, 2100, 9999])
    month = rng.randint(1, 12)
    day = rng.randint(1, 31 if month in (1, 3, 5, 7, 8, 10, 12) else 28)
    parts = {
        "year": f"{year:04d}",
        "month": f"{month:02d}",
        "day": f"{day:02d}",
        "hour": f"{rng.randint(0, 23):02d}",
        "minute": f"{rng.randint(0, 59):02d}",
        "second": f"{rng.randint(0, 59):02d}",
        "fraction": rng.choice(["", "", ".1", ".123", ".123456", ".1234567", "." + "9" * 30]),
        "zone": rng.choice(["Z", "+00:00", "-00:00", "+05:30", "-11:45", "+23:59", "-23:59"]),
        "sep": "T",
    }
    if rng.random() < 0.6:
        broken = rng.choice(list(_BROKEN))
        parts[broken] = rng.choice(_BROKEN[broken])
    p = parts
    second = f":{p['second']}{p['fraction']}" if p["second"] else p["fraction"]
    text = (
        f"{p['year']}-{p['month']}-{p['day']}{p['sep']}{p['hour']}:{p['minute']}{second}{p['zone']}"
    )
    if rng.random() < 0.1:
        n = rng.randrange(len(text))
        text = text[:n] + rng.choice(["", "0", "-", ":", "\n"]) + text[n + 1 :]
    return text


def _version(rng: random.Random) -> str:
    return rng.choice(
        ["1", "1", "1", "1.0", "1e0", "10E-1", "2", "0", "-1", '"1"', "true", "null", "1.5",
         "9007199254740993", "1e400"]
    )  # fmt: skip


def _entry(rng: random.Random, prompt: Prompt, good: Any) -> str:
    roll = rng.random()
    saved = json.dumps(random_time(rng) if roll < 0.3 else "2026-11-29T10:00:00.123456+00:00")
    value = to_text(good if rng.random() < 0.6 else random_value(prompt, rng), rng)
    if roll < 0.05:
        return to_text(rng.choice([None, 1, "x", [value]]), rng)
    if roll < 0.1:
        return f'{{"saved_at": {saved}}}'
    if roll < 0.15:
        return f'{{"value": {value}}}'
    return f'{{"value": {value}, "saved_at": {saved}}}'


def random_workbook(rng: random.Random, prompts: list[Prompt], goods: dict[str, Any]) -> bytes:
    """A workbook file's bytes: mostly well formed, often with one thing wrong."""
    entries = []
    for _ in range(rng.randint(0, 6)):
        prompt = rng.choice(prompts)
        pid = prompt.id if rng.random() < 0.8 else rng.choice(HOSTILE_KEYS)
        entries.append(f"{json.dumps(pid)}: {_entry(rng, prompt, goods[prompt.id])}")
    answers = "{" + ", ".join(entries) + "}"
    roll = rng.random()
    if roll < 0.04:
        answers = rng.choice(["[]", "null", '"answers"'])
    elif roll < 0.08:
        answers = "[" * 64 + "]" * 64 if rng.random() < 0.5 else "[" * 61 + "]" * 61
    marker = rng.choice(['"spread-course-workbook"'] * 9 + ['"spread-course-share"', "null"])
    text = f'{{"format": {marker}, "version": {_version(rng)}, "answers": {answers}}}'
    roll = rng.random()
    if roll < 0.05:
        text = text[: rng.randrange(len(text))]  # cut short
    elif roll < 0.08:
        text = text.replace("1}", "NaN}", 1).replace(": 1,", ": NaN,", 1)
    elif roll < 0.1:
        text = text.replace('"version"', '"version": 1, "version"', 1)
    data = text.encode("utf-8", "surrogatepass")
    roll = rng.random()
    if roll < 0.1:
        data = b"\xef\xbb\xbf" + data
    elif roll < 0.13:
        data = b"\xef\xbb\xbf\xef\xbb\xbf" + data
    elif roll < 0.16:
        n = rng.randrange(len(data))
        data = data[:n] + rng.choice([b"\xff", b"\xed\xa0\x80", b"\xc3"]) + data[n:]
    return data

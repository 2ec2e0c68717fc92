"""Text that can always be written out: lone surrogates and undecodable file names repaired.

Python text can hold a *lone surrogate*: half of a character such as an emoji, which JSON
allows (``"\\ud83d"``) and the website's files can contain when an answer was cut in the
middle of one. A file name that is not UTF-8 reaches Python the same way (each bad byte
as a surrogate). Such text cannot be encoded as UTF-8, so writing it, printing it or
sending it to the notebook would fail. Everything the course writes for people to read
(documents, share files, summaries, messages) passes through :func:`repaired` first: each
lone surrogate becomes the replacement character ``�``, and everything else stays as it is.

The workbook is the one exception: it keeps a lone surrogate exactly, as a JSON escape
(:mod:`exercises.workbook_file`), so a learner's answer is never changed by saving it.

Pure functions: no files, no widgets.
"""

from __future__ import annotations

import os
import re
from typing import Any

LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""Half of a character (a surrogate code point), which UTF-8 cannot hold."""

REPLACEMENT = "\ufffd"
"""What stands in for a character that cannot be shown: ``�``."""


def repaired(text: str) -> str:
    """``text`` with each lone surrogate replaced by ``�`` (the same object when it has none)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return LONE_SURROGATE.sub(REPLACEMENT, text)
    return text


def repaired_value(value: Any) -> Any:
    """A JSON value with every string in it (keys too) :func:`repaired`."""
    if isinstance(value, str):
        return repaired(value)
    if isinstance(value, list):
        return [repaired_value(v) for v in value]
    if isinstance(value, dict):
        return {repaired(str(k)): repaired_value(v) for k, v in value.items()}
    return value


def utf8(text: str) -> bytes:
    """``text`` as UTF-8 bytes, never failing (see :func:`repaired`)."""
    return repaired(text).encode("utf-8")


def shown_name(name: str | os.PathLike[str]) -> str:
    """A file name or path as it can be shown: bytes that are not UTF-8 become ``�``."""
    return repaired(os.fspath(name))

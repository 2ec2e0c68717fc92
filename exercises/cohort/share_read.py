"""Reading a share file: every field checked against the course, or a plain reason why not.

A share file comes from a learner, through the website or Jupyter, and may have been cut
short, edited by hand or made by another copy of the course. :func:`read_share` checks
everything (the format, each field, every answer against its question) and raises
:class:`~exercises.cohort.share_file.ShareError`, sorted into a kind of reason, when the
file cannot be used. Written answers are kept exactly, except that half a character (a
lone surrogate, which JSON allows but UTF-8 cannot hold) is shown as '�'. Pure logic (no
pandas, no ipywidgets).
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

from ..catalogue import Catalogue
from ..model import AnswerError, Prompt, is_empty
from ..safe_text import repaired_value
from ..timefmt import NoZoneError, parse_time
from ..versioned_json import WORKBOOK_FORMAT, VersionedFileError, read_versioned
from .share_file import (
    DAMAGED,
    FIELDS,
    FORMAT,
    INVALID,
    MAX_SHARE_BYTES,
    NEWER,
    VERSION,
    WORKBOOK,
    ShareDoc,
    ShareError,
    check_cohort,
    check_nickname,
    is_free_text,
)


def _parse_time(value: Any) -> _dt.datetime:
    if not isinstance(value, str):
        raise ShareError("Its 'made_at' time must be text.")
    try:
        return parse_time(value)  # the one rule for times: ISO 8601 with a time zone
    except NoZoneError:
        raise ShareError("Its 'made_at' time has no time zone.") from None
    except ValueError:
        raise ShareError(f"Its 'made_at' time {value[:40]!r} is not a date and time.") from None


def _known(catalogue: Catalogue, prompt_id: Any) -> Prompt:
    if not isinstance(prompt_id, str):
        raise ShareError("Every question id must be text.")
    try:
        return catalogue.prompts[prompt_id]
    except KeyError:
        raise ShareError(
            f"It answers a question this copy of the course does not know ({prompt_id[:60]!r}). "
            "If the course has been updated, update your copy and summarise again.",
            NEWER,
        ) from None


def _decode(data: bytes) -> dict[str, Any]:
    if not data.strip():
        raise ShareError("The file is empty.", DAMAGED)
    if len(data) > MAX_SHARE_BYTES:
        raise ShareError(f"The file is {len(data):,} bytes; a share file is at most 1 MB.", DAMAGED)
    try:
        doc = read_versioned(data, FORMAT, VERSION, "share file")
    except VersionedFileError as err:
        if err.problem == "other" and err.marker == WORKBOOK_FORMAT:
            raise ShareError(
                "It is a whole workbook, not a share file; ask the learner to make a share "
                "file instead (their workbook was not read).",
                WORKBOOK,
            ) from None
        reason = {"damaged": DAMAGED, "newer": NEWER}.get(err.problem, INVALID)
        raise ShareError(f"{str(err)[0].upper()}{str(err)[1:]}.", reason) from None
    missing = [f for f in FIELDS if f not in doc]
    extra = sorted(str(f)[:40] for f in doc if f not in FIELDS)
    if missing:
        raise ShareError(f"It is missing the field{'s' if len(missing) > 1 else ''} {missing}.")
    if extra:
        raise ShareError(f"It has fields a share file does not have: {extra}.")
    return doc


def read_share(data: bytes, catalogue: Catalogue, cache: dict[Any, Any] | None = None) -> ShareDoc:
    """Check the bytes of a share file against ``catalogue``; return its document, with the
    nickname checked, the cohort code in capitals and every value checked.

    ``cache`` (an empty dict, reused across the files of one folder) remembers values that
    have passed their check, so a cohort's many identical ratings and choices are checked
    once; written answers are always checked afresh. Raises :class:`ShareError` with a
    plain sentence saying why the file cannot be used.
    """
    doc = _decode(data)
    try:
        nickname = check_nickname(doc["nickname"])
        cohort = check_cohort(doc["cohort"])
    except ShareError as err:
        raise ShareError(f"Its nickname or cohort code is not valid. {err}") from None
    _parse_time(doc["made_at"])
    answered = doc["answered"]
    if not isinstance(answered, list) or not all(isinstance(pid, str) for pid in answered):
        raise ShareError("Its 'answered' field must be a list of question ids.")
    listed = set(answered)
    if len(listed) != len(answered):
        raise ShareError("Its 'answered' list names a question more than once.")
    unknown = sorted(listed.difference(catalogue.prompts))
    if unknown:
        _known(catalogue, unknown[0])
    cache = {} if cache is None else cache
    clean: dict[str, dict[str, Any]] = {}
    for key, free in (("answers", False), ("shared_text", True)):
        values = doc[key]
        if not isinstance(values, dict):
            raise ShareError(f"Its '{key}' field must map question ids to answers.")
        for pid in values.keys() - listed:
            _known(catalogue, pid)
            raise ShareError(f"It has an answer to {pid!r}, which is not in its 'answered' list.")
        misplaced = [pid for pid in values if is_free_text(catalogue.prompts[pid]) != free]
        if misplaced:
            where = "'answers'" if free else "'shared_text'"
            raise ShareError(
                f"The answer to {misplaced[0]!r} is in the wrong place (it belongs in {where})."
            )
        clean[key] = {}
        for pid, value in values.items():
            # The key keeps types apart (True is not 1): a plain value with its class,
            # anything else as JSON text. Written answers are never cached.
            seen: tuple[Any, ...] | None
            if free:
                seen = None
            elif isinstance(value, (str, int)):
                seen = (pid, value.__class__, value)
            else:
                seen = (pid, json.dumps(value))
            if seen in cache:
                clean[key][pid] = cache[seen]
                continue
            if is_empty(value):
                raise ShareError(f"Its answer to {pid!r} is empty.")
            try:
                clean[key][pid] = catalogue.check(pid, value)
            except AnswerError as err:
                raise ShareError(
                    f"Its answer to {pid!r} does not fit the question: {err}"
                ) from None
            if free:  # half a character (a lone surrogate) is shown as '�', never a failure
                clean[key][pid] = repaired_value(clean[key][pid])
            if seen is not None:
                cache[seen] = clean[key][pid]
    return {
        "format": FORMAT,
        "version": doc["version"],
        "nickname": nickname,
        "cohort": cohort,
        "made_at": doc["made_at"],
        "answered": answered,
        "answers": clean["answers"],
        "shared_text": clean["shared_text"],
    }

"""Benchmark (not a test): how long one save takes in a workbook that holds 1,000 answers.

Run:  .venv/bin/python -m tests.benchmarks.workbook_save
Target on the course's reference machine (2 cores): median at most 5 ms.
A save locks the file, reads and merges what is on disk, writes a temporary file,
flushes it to disk (fsync), keeps the previous copy and renames the new one into place.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from exercises.catalogue import course_catalogue
from exercises.workbook import Workbook

ANSWERS, SAVES, TARGET_MS = 1_000, 200, 5.0


def main() -> None:
    """Fill a workbook with 1,000 answers, then time single saves."""
    catalogue = course_catalogue()
    with tempfile.TemporaryDirectory() as folder:
        book = Workbook(Path(folder) / "workbook.json")
        text = "A typical reflection of a few sentences about spreading a change. " * 4
        for n in range(ANSWERS):
            book.save(f"bench.answer-{n:04d}", text)
        checked = Workbook(book.path, checker=catalogue.check)
        times = []
        for n in range(SAVES):
            start = time.perf_counter()
            checked.save("mindset.my-innovation", f"Edit number {n}: {text}")
            times.append((time.perf_counter() - start) * 1000)
        size = book.path.stat().st_size
    median = statistics.median(times)
    p90 = statistics.quantiles(times, n=10)[-1]
    print(f"workbook with {ANSWERS + 1:,} answers ({size / 1024:.0f} KiB), {SAVES} saves")
    print(f"median {median:.2f} ms, 90th percentile {p90:.2f} ms, max {max(times):.2f} ms")
    print(f"target: median <= {TARGET_MS} ms -> {'met' if median <= TARGET_MS else 'NOT met'}")


if __name__ == "__main__":
    main()

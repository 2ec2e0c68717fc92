"""Benchmark (not a test): how long the cohort summary takes for 1,000 and 10,000 learners.

Run from the repository root::

    python -m tests.benchmarks.cohort_summary

It writes rehearsal share files for the course's own catalogue into a temporary folder
(removed afterwards), then times the whole ``cohort summarise`` job for each size:
reading and checking every file, counting, and writing summary.html, summary.csv and
rejected.csv. Each size is timed three times and the best is kept. It prints both times
and their ratio. Targets on a 2-core machine: 10,000 files in at most 10 s, and a ratio
of at most 12 (the cost grows linearly with the number of files).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from exercises.catalogue import course_catalogue
from exercises.cohort.rehearsal import write_demo
from exercises.cohort.summary import summarise
from exercises.cohort.summary_output import write_outputs

SIZES = (1_000, 10_000)
REPEATS = 3
TARGET_SECONDS = 10.0
TARGET_RATIO = 12.0


def best_time(folder: Path, out: Path) -> tuple[float, float, float, int]:
    """The best of REPEATS runs: (summarise seconds, whole job seconds, whole job CPU
    seconds, learners). Wall-clock time is what a facilitator waits; CPU time shows how
    much of it other programs on the machine took."""
    catalogue = course_catalogue()
    best_summary = best_total = best_cpu = float("inf")
    learners = 0
    for _ in range(REPEATS):
        cpu = time.process_time()
        start = time.perf_counter()
        summary = summarise(folder, catalogue)
        middle = time.perf_counter()
        write_outputs(summary, out)
        end = time.perf_counter()
        best_summary = min(best_summary, middle - start)
        best_total = min(best_total, end - start)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        learners = summary.learners
    return best_summary, best_total, best_cpu, learners


def main() -> int:
    """Generate, time, print; exit 1 if a target is missed."""
    catalogue = course_catalogue()
    print(f"Catalogue: {len(catalogue.modules)} modules, {len(catalogue.prompts)} prompts.")
    totals = {}
    with tempfile.TemporaryDirectory(prefix="cohort-benchmark-") as temp:
        for size in SIZES:
            folder = Path(temp) / f"share-{size}"
            start = time.perf_counter()
            write_demo(folder, size, "BENCH", seed=size, catalogue=catalogue)
            made = time.perf_counter() - start
            summary_s, total_s, cpu_s, learners = best_time(folder, Path(temp) / f"out-{size}")
            assert learners == size, f"expected {size} learners, summarised {learners}"
            totals[size] = total_s
            print(
                f"{size:>6,} share files: generated in {made:.1f} s; summarised in "
                f"{summary_s:.2f} s; with the three output files {total_s:.2f} s "
                f"(CPU {cpu_s:.2f} s)"
            )
    small, large = (totals[s] for s in SIZES)
    ratio = large / small
    print(f"Time for {SIZES[1]:,}: {large:.2f} s (target at most {TARGET_SECONDS:.0f} s)")
    print(f"Ratio {SIZES[1]:,} / {SIZES[0]:,}: {ratio:.1f} (target at most {TARGET_RATIO:.0f})")
    ok = large <= TARGET_SECONDS and ratio <= TARGET_RATIO
    print("Both targets met." if ok else "A target was missed.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

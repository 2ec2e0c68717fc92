"""The command line: make a share file, make rehearsal data, summarise a cohort.

The contract (kept stable; see the README)::

    python -m exercises share --workbook PATH --cohort CODE --out FILE [--include-text]
    python -m exercises cohort demo --learners N --cohort CODE --out DIR [--seed S]
    python -m exercises cohort summarise DIR --out OUTDIR [--min-count K]

Every command answers ``--help``. A wrong argument or a problem prints one plain line
to standard error and exits with a non-zero status, never a traceback. Nothing it prints
can fail on text UTF-8 cannot hold (a file name that is not UTF-8, half a character in an
answer): such text is shown as '�' (:mod:`exercises.safe_text`).
``cohort summarise`` exits 0 when at least one share file was summarised and 2 when
none could be.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from .catalogue import CatalogueError, course_catalogue
from .cohort.share_file import (
    ShareError,
    build_share,
    check_cohort,
    describe,
    free_text_prompts,
    new_nickname,
    read_nickname,
    remember_nickname,
    write_share,
)
from .cohort.suppression import DEFAULT_MIN_COUNT, MIN_COUNT_RANGE, check_min_count
from .safe_text import repaired, shown_name
from .workbook_file import WorkbookError, read_workbook

# The cohort tools load pandas; they are imported inside their commands so that --help
# and argument errors answer at once.

NONE_SUMMARISED = 2
"""Exit status of ``cohort summarise`` when no share file could be summarised."""


class CommandError(Exception):
    """A problem to report in one line (exit status 1)."""


def say(text: str, stream: TextIO | None = None) -> None:
    """Print one line (to standard output unless ``stream``), whatever the text holds and
    whatever the terminal's encoding."""
    out = stream or sys.stdout
    line = repaired(text) + "\n"
    try:
        out.write(line)
    except UnicodeEncodeError:
        encoding = getattr(out, "encoding", None) or "ascii"
        out.write(line.encode(encoding, "replace").decode(encoding))
    out.flush()


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, not a usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _whole(low: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"use a whole number, not {text!r}") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"use a whole number of at least {low}, not {value}")
        return value

    return parse


def _min_count(text: str) -> int:
    try:
        return check_min_count(int(text))
    except ValueError:
        low, high = MIN_COUNT_RANGE
        raise argparse.ArgumentTypeError(
            f"the minimum count must be a whole number from {low} to {high}, not {text!r}"
        ) from None


def _cohort_code(text: str) -> str:
    try:
        return check_cohort(text)
    except ShareError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _required(
    parser: argparse.ArgumentParser, flag: str, kind: Callable[[str], Any], metavar: str, help: str
) -> None:
    """Add a required option that takes one value."""
    parser.add_argument(flag, required=True, type=kind, metavar=metavar, help=help)


def _command(group: Any, name: str, summary: str, description: str) -> argparse.ArgumentParser:
    """Add a command: its one-line summary in the list of commands, its description in its help."""
    words = " ".join(description.split())  # a long description is written over several lines
    parser: argparse.ArgumentParser = group.add_parser(name, help=summary, description=words)
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The parser for ``python -m exercises``."""
    parser = _Parser(
        prog="python -m exercises",
        description="Share files and cohort summaries for the spread and adoption course.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    share = _command(
        commands,
        "share",
        "make a share file from your workbook, to hand to your facilitator",
        """
        Make a share file from a workbook: a random nickname (never your name), the
        cohort code, your ratings, choices, ticks, positions and knowledge-check
        answers, and which questions you have answered. Written answers are left out
        unless you add --include-text. What the file holds is printed first. An existing
        file is never overwritten. The nickname is remembered in a small file beside the
        workbook, so your next share file uses the same one.
        """,
    )
    _required(share, "--workbook", Path, "PATH", "your workbook file (workbook.json)")
    _required(share, "--cohort", _cohort_code, "CODE", "the cohort code your facilitator gave you")
    _required(share, "--out", Path, "FILE", "where to write the share file (must not exist yet)")
    share.add_argument(
        "--include-text",
        action="store_true",
        help="include all your written answers (without it, none)",
    )

    cohort = _command(
        commands,
        "cohort",
        "facilitators: rehearsal data and the cohort summary",
        "Tools for facilitators: make rehearsal data, or summarise share files.",
    )
    tools = cohort.add_subparsers(dest="tool", required=True, metavar="TOOL")

    demo = _command(
        tools,
        "demo",
        "write made-up share files for a rehearsal cohort",
        "Write realistic, made-up share files for a rehearsal cohort into an empty "
        "folder (made if needed). The same seed always gives the same files.",
    )
    _required(demo, "--learners", _whole(1), "N", "how many learners to invent")
    _required(demo, "--cohort", _cohort_code, "CODE", "the cohort code to put in every file")
    _required(demo, "--out", Path, "DIR", "an empty folder for the files")
    demo.add_argument(
        "--seed",
        type=_whole(0),
        default=1,
        metavar="S",
        help="the random seed (default 1)",
    )

    summary = _command(
        tools,
        "summarise",
        "summarise a folder of share files",
        """
        Read every .json file in DIR, set aside any that cannot be used (with the
        reason), and write OUTDIR/summary.html, OUTDIR/summary.csv and
        OUTDIR/rejected.csv (the only file that names the files set aside). Counts of
        answers from 1 to K-1 are hidden, and written answers show only for questions K
        or more people shared, so no one can be singled out; how far people have got is
        shown in full. Exit status 0 when at least one file was summarised, 2 when none
        could be.
        """,
    )
    summary.add_argument("folder", type=Path, metavar="DIR", help="the folder of share files")
    _required(summary, "--out", Path, "OUTDIR", "the folder for the summary files (made if needed)")
    summary.add_argument(
        "--min-count",
        type=_min_count,
        default=DEFAULT_MIN_COUNT,
        metavar="K",
        help=(
            f"hide every count of answers below K (default {DEFAULT_MIN_COUNT}: see the "
            "README for why)"
        ),
    )
    return parser


def run_share(args: argparse.Namespace) -> int:
    """Make a share file from a workbook, printing what it holds."""
    where = shown_name(args.workbook)
    try:
        data = args.workbook.expanduser().read_bytes()
    except FileNotFoundError:
        raise CommandError(f"There is no workbook at {where}.") from None
    except OSError as err:
        raise CommandError(f"The workbook {where} cannot be read ({err}).") from None
    try:
        read = read_workbook(data)
    except WorkbookError as err:
        raise CommandError(f"{where} cannot be used because {err}") from None
    answers = read.answers
    catalogue = course_catalogue()
    chosen = [p.id for p in free_text_prompts(answers, catalogue)] if args.include_text else []
    nickname = read_nickname(args.workbook) or new_nickname()
    share = build_share(answers, catalogue, args.cohort, nickname, chosen)
    if args.out.expanduser().exists():
        raise CommandError(f"{shown_name(args.out)} already exists, so nothing was written.")
    say("Your share file holds:")
    for line in describe(share, catalogue):
        say(f"- {line}")
    if read.damaged:
        say(
            f"- Left out because they are damaged in the workbook and cannot be read: "
            f"{', '.join(sorted(read.damaged))}."
        )
    path = write_share(share, args.out)
    try:
        remember_nickname(args.workbook.expanduser(), nickname)
    except OSError:
        say("(Your nickname could not be remembered beside the workbook.)")
    say(f"Written to {shown_name(path)}. Send this file to your facilitator.")
    return 0


def run_demo(args: argparse.Namespace) -> int:
    """Write a rehearsal cohort."""
    from .cohort.rehearsal import write_demo

    paths = write_demo(args.out, args.learners, args.cohort, args.seed)
    say(f"Wrote {len(paths)} made-up share files to {shown_name(args.out)}.")
    return 0


def run_summarise(args: argparse.Namespace) -> int:
    """Summarise a folder of share files and write the three output files."""
    from .cohort.summary import summarise
    from .cohort.summary_output import write_outputs

    try:
        summary = summarise(args.folder, min_count=args.min_count)
    except (FileNotFoundError, NotADirectoryError) as err:
        say(f"{err} Nothing was summarised.", sys.stderr)
        return NONE_SUMMARISED
    written = write_outputs(summary, args.out)
    set_aside = len(summary.rejected)
    if summary.learners == 0:
        found = (
            f"none of the {summary.files_found} files could be used (see {written['rejected.csv']})"
            if summary.files_found
            else f"there are no share files (.json) in {args.folder}"
        )
        say(f"Nothing was summarised: {found}.", sys.stderr)
        return NONE_SUMMARISED
    say(
        f"Summarised {summary.learners} learner{'s' if summary.learners != 1 else ''} "
        f"in cohort {summary.cohort}; {set_aside} file{'s' if set_aside != 1 else ''} set "
        f"aside. Wrote {', '.join(str(p) for p in written.values())}."
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit status."""
    args = build_parser().parse_args(argv)
    handlers = {"share": run_share, "demo": run_demo, "summarise": run_summarise}
    try:
        return handlers[getattr(args, "tool", None) or args.command](args)
    except (CommandError, ShareError, CatalogueError, ValueError, OSError) as err:
        say(f"python -m exercises: error: {err}", sys.stderr)
        return 1
    except Exception as err:  # a last resort: one line, never a traceback
        say(f"python -m exercises: unexpected problem: {err!r}", sys.stderr)
        return 1

"""Content checks: the table of contents, prompt ids, module anatomy and wording."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
BOOK = REPO / "book"
MODULES = BOOK / "modules"
SHARED = Path(os.environ.get("COURSE_SHARED") or REPO.parent / "shared")
"""The course team's shared folder (the Guide's fact sheet and the overlap checker), which
is not part of this repository: `../shared` beside it, or wherever COURSE_SHARED points."""
SHARED_NEEDS = ("tools/overlap-check", "guide/source-shingles.txt", "guide/titles.txt")
SKIP_PARTS = {"_ext", "_static", "exercises", ".ipynb_checkpoints"}


def toc_files() -> list[str]:
    """Every file named in _toc.yml, in order (without suffix)."""
    toc = yaml.safe_load((REPO / "_toc.yml").read_text())
    found = [toc["root"]]

    def walk(node):
        if isinstance(node, dict):
            if "file" in node:
                found.append(node["file"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(toc.get("parts", []))
    return found


def pages() -> list[Path]:
    """Every page source under book/ (Markdown and notebooks)."""
    return sorted(
        p
        for p in BOOK.rglob("*")
        if p.suffix in (".md", ".ipynb") and not SKIP_PARTS & set(p.relative_to(BOOK).parts)
    )


@cache
def notebook(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def cells(path: Path, kind: str) -> list[str]:
    return ["".join(c["source"]) for c in notebook(path)["cells"] if c["cell_type"] == kind]


def page_text(path: Path) -> str:
    if path.suffix == ".ipynb":
        return "\n\n".join("".join(c["source"]) for c in notebook(path)["cells"])
    return path.read_text(encoding="utf-8")


def module_notebooks() -> list[Path]:
    return sorted(MODULES.glob("*.ipynb"))


CALL = re.compile(r"""^(show|show_module)\(\s*["']([a-z0-9.-]+)["']\s*\)$""")


def shown_ids(path: Path) -> list[str]:
    """Prompt ids a notebook shows, in order (show_module counts as all its prompts)."""
    from exercises.catalogue import course_catalogue

    ids = []
    for source in cells(path, "code"):
        for line in source.splitlines():
            match = CALL.match(line.strip())
            if match and match[1] == "show":
                ids.append(match[2])
            elif match:
                ids += [p.id for p in course_catalogue().module(match[2]).prompts]
    return ids


def test_every_toc_entry_exists() -> None:
    """Each file in _toc.yml is a real page."""
    missing = [
        f for f in toc_files() if not any((REPO / f"{f}{s}").exists() for s in (".md", ".ipynb"))
    ]
    assert not missing, f"_toc.yml names pages that do not exist: {missing}"


def test_every_page_is_in_the_toc() -> None:
    """No page under book/ is left out of the table of contents (or listed twice)."""
    listed = toc_files()
    assert len(listed) == len(set(listed)), "a page is listed twice in _toc.yml"
    orphans = [
        str(p.relative_to(REPO))
        for p in pages()
        if str(p.relative_to(REPO).with_suffix("")) not in listed
    ]
    assert not orphans, f"pages missing from _toc.yml: {orphans}"


def test_prompt_ids_in_the_book_exist_and_every_prompt_is_used(catalogue) -> None:
    """Notebooks show only known prompts, each prompt appears once, and none is unused."""
    used: list[str] = []
    for path in sorted(BOOK.rglob("*.ipynb")):
        if SKIP_PARTS & set(path.relative_to(BOOK).parts):
            continue
        for pid in shown_ids(path):
            assert pid in catalogue.prompts, f"{path.name} shows unknown prompt {pid!r}"
            used.append(pid)
    repeated = sorted({p for p in used if used.count(p) > 1})
    assert not repeated, f"prompts shown more than once: {repeated}"
    unused = sorted(set(catalogue.prompts) - set(used))
    assert not unused, f"prompts in the data that no page shows: {unused}"


def test_notebooks_hold_prose_and_one_line_calls_only() -> None:
    """Code cells are one import or one call each; no outputs are committed."""
    allowed = re.compile(
        r"^(from exercises import [a-z_, ]+"
        r"|(show|show_module)\(\s*[\"'][a-z0-9.-]+[\"']\s*\)"
        r"|[a-z_]+\(\))$"
    )
    for path in sorted(BOOK.rglob("*.ipynb")):
        if SKIP_PARTS & set(path.relative_to(BOOK).parts):
            continue
        for cell in notebook(path)["cells"]:
            if cell["cell_type"] != "code":
                continue
            source = "".join(cell["source"]).strip()
            assert allowed.match(source), (
                f"{path.name}: code cell is not a one-line call: {source!r}"
            )
            assert cell.get("outputs") == [], f"{path.name}: committed outputs"
            hidden = {"remove-input", "remove-cell"} & set(cell["metadata"].get("tags", []))
            assert hidden, f"{path.name}: code shown"


@pytest.mark.parametrize("path", module_notebooks(), ids=lambda p: p.stem)
def test_code_is_collapsed_and_the_first_cell_says_what_to_click(path: Path) -> None:
    """In JupyterLab a newcomer sees prose, not code, and is told how to start."""
    first = notebook(path)["cells"][0]
    assert first["cell_type"] == "markdown" and "Run All Cells" in "".join(first["source"])
    for cell in notebook(path)["cells"]:
        if cell["cell_type"] == "code":
            assert cell["metadata"].get("jupyter", {}).get("source_hidden") is True


ANATOMY = [
    (r"^# Module \d+: .+", "a title 'Module N: ...'"),
    (r"\*\*Time to complete:\*\* about \d+ minutes", "the time to complete"),
    (r"^## What you will learn$", "a 'What you will learn' section"),
    (r"^## A real example", "a real example section"),
    (r"^## Check your understanding$", "a 'Check your understanding' section"),
    (r"^## Key points$", "a 'Key points' section"),
    (r"^## Go further$", "a 'Go further' section"),
]


@pytest.mark.parametrize("path", module_notebooks(), ids=lambda p: p.stem)
def test_module_has_the_full_anatomy(path: Path, catalogue) -> None:
    """Every module page has each part of the anatomy, in our standard wording."""
    text = page_text(path)
    for pattern, what in ANATOMY:
        assert re.search(pattern, text, re.M), f"{path.name} lacks {what}"
    ids = shown_ids(path)
    kinds = [catalogue.prompt(pid).kind for pid in ids]
    assert kinds.count("quiz") >= 1, f"{path.name} needs a knowledge check"
    assert len([k for k in kinds if k != "quiz"]) >= 2, f"{path.name} needs two reflections"
    module = catalogue.module(path.stem)
    assert re.search(rf"^# Module {module.number}: ", text, re.M), "number differs from data"
    assert f"about {module.minutes} minutes" in text, "time differs from the data file"
    further = text.split("## Go further", 1)[1]
    assert re.search(r"\(https://www\.england\.nhs\.uk/spread-and-adoption/", further), (
        f"{path.name}: 'Go further' must link the Guide page(s) it teaches"
    )
    assert "show_workbook()" in "".join(cells(path, "code")), "no workbook panel"
    if module.id != "capstone":
        for standard in ("learned", "practice"):
            assert f"{module.id}.{standard}" in ids, f"{path.name} lacks {module.id}.{standard}"


PLACEHOLDERS = re.compile(r"\b(TODO|TBD|FIXME|XXX|lorem ipsum|coming soon)\b", re.I)


@pytest.mark.parametrize("path", pages(), ids=lambda p: str(p.relative_to(BOOK)))
def test_no_placeholder_text(path: Path) -> None:
    """Nothing half-written ships."""
    match = PLACEHOLDERS.search(page_text(path))
    assert not match, f"{path.name}: placeholder text {match[0]!r}"


def test_prompt_data_has_no_placeholder_text() -> None:
    """The prompt files are finished too."""
    for path in sorted((REPO / "exercises" / "prompts").glob("*.yml")):
        match = PLACEHOLDERS.search(path.read_text(encoding="utf-8"))
        assert not match, f"{path.name}: placeholder text {match[0]!r}"


@pytest.mark.parametrize("path", pages(), ids=lambda p: str(p.relative_to(BOOK)))
def test_every_image_has_alt_text(path: Path) -> None:
    """Markdown images have alt text; HTML images have a non-empty alt."""
    text = page_text(path)
    assert not re.search(r"!\[\s*\]\(", text), f"{path.name}: image without alt text"
    for tag in re.findall(r"<img\b[^>]*>", text):
        assert re.search(r'\balt="[^"]+"', tag), f"{path.name}: <img> without alt: {tag}"


GLOSSARY = BOOK / "reference" / "glossary.ipynb"
# Anchors are the ids Jupyter gives headings ("Systems-convening"); see book/_ext/form_view.py.
GLOSSARY_LINK = re.compile(r"glossary(?:\.ipynb)?#([A-Za-z0-9,-]+)")
# Glossary entries that are everyday words for health and care staff: defined for
# reference, but a module may use them without a link. Every other entry is jargon.
EVERYDAY = {
    "adaptation", "adopter", "adoption", "diffusion", "dissemination", "implementation",
    "improvement", "innovation", "innovator", "scaling", "spread", "sustainability", "system",
}  # fmt: skip


def glossary_terms() -> dict[str, str]:
    """Each glossary entry's anchor (as Jupyter and MyST make it from the heading) and its term."""
    headings = re.findall(r"^## (.+)$", page_text(GLOSSARY), re.M)
    return {h.replace(" ", "-"): h for h in headings}


def test_glossary_links_point_to_defined_terms() -> None:
    """Every link into the glossary, from any page or prompt, names an entry it has."""
    terms = glossary_terms()
    sources = [*pages(), *sorted((REPO / "exercises" / "prompts").glob("*.yml"))]
    broken = [
        f"{path.name}: #{anchor}"
        for path in sources
        for anchor in GLOSSARY_LINK.findall(page_text(path))
        if anchor not in terms
    ]
    assert not broken, f"links to glossary entries that do not exist: {broken}"


@pytest.mark.parametrize("path", module_notebooks(), ids=lambda p: p.stem)
def test_module_links_the_jargon_it_uses(path: Path) -> None:
    """A module that uses a glossary term (other than an everyday word) links it at least once."""
    text = "\n".join(cells(path, "markdown"))
    linked = set(GLOSSARY_LINK.findall(text))
    prose = re.sub(r"\[[^\]]*\]\([^)]*\)", " ", text)  # link words are titles, not prose
    unlinked = [
        term
        for anchor, term in glossary_terms().items()
        if term.lower() not in EVERYDAY
        and anchor not in linked
        and re.search(rf"\b{re.escape(term)}\b", prose, re.I)
    ]
    assert not unlinked, f"{path.name} uses {unlinked} without a link to the glossary"


def words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.lower()))


def shared_file(name: str) -> Path:
    """A file from the team's shared folder, or a failure that says what is missing, where
    it was looked for and how to get it (a fresh clone of this repository does not have it)."""
    missing = [part for part in SHARED_NEEDS if not (SHARED / part).is_file()]
    if missing:
        where = (
            "set by COURSE_SHARED"
            if os.environ.get("COURSE_SHARED")
            else "the `shared` folder beside this repository"
        )
        pytest.fail(
            "The wording check needs the course team's shared folder, which is not part of "
            f"this repository.\nLooked in: {SHARED} ({where}).\n"
            f"Missing there: {', '.join(missing)}.\n"
            "To get it: put the team's `shared` folder (it holds guide/ and tools/) beside "
            f"this repository, as {REPO.parent / 'shared'}, or set COURSE_SHARED to the "
            "folder's path, then run the tests again. Ask the course's maintainers for a "
            "copy if you do not have one.",
            pytrace=False,
        )
    return SHARED / name


def test_a_missing_shared_folder_is_explained(tmp_path, monkeypatch) -> None:
    """Outside a checkout with the team's folder the check says what is missing, where it
    looked and how to get it, rather than failing on a path that does not exist."""
    monkeypatch.setattr(sys.modules[__name__], "SHARED", tmp_path / "shared")
    with pytest.raises(pytest.fail.Exception) as failure:
        shared_file("tools/overlap-check")
    message = str(failure.value)
    assert str(tmp_path / "shared") in message and "tools/overlap-check" in message
    assert "COURSE_SHARED" in message and "beside" in message
    (tmp_path / "shared" / "tools").mkdir(parents=True)
    (tmp_path / "shared" / "tools" / "overlap-check").write_text("")
    with pytest.raises(pytest.fail.Exception) as failure:
        shared_file("tools/overlap-check")
    assert "guide/source-shingles.txt" in str(failure.value)
    assert "tools/overlap-check" not in str(failure.value).split("Missing there:")[1]


def test_no_wording_shared_with_the_guide(catalogue) -> None:
    """The shared overlap check finds no run of words copied from the Guide's pages, and
    none from the facts file except inside a module's own title."""
    tool = shared_file("tools/overlap-check")
    out = subprocess.run(
        [sys.executable, str(tool), "book", "exercises"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert out.returncode in (0, 1) and not out.stderr.strip(), (
        f"the overlap check did not run: {tool}\n{out.stderr}"
    )
    assert out.returncode == 0 and " 0 runs shared with the Guide's pages" in out.stdout, out.stdout
    titles = [words(f"Module {m.number}: {m.title}") for m in catalogue.modules.values()]
    runs = re.findall(r'words shared with the facts file: "([^"]+)"', out.stdout)
    copied = [run for run in runs if not any(run in title for title in titles)]
    assert not copied, f"rewrite in your own words (shared with the facts file): {copied}"


MAX_GRADE = 10.0
"""Flesch-Kincaid grade that each module's prose must not exceed (plain English)."""


def prose(path: Path, catalogue) -> str:
    """What a learner reads on a module page: its text and its prompts, one line a sentence."""
    parts = cells(path, "markdown")
    for pid in shown_ids(path):
        p = catalogue.prompt(pid)
        parts += [p.title, p.question, p.hint, *(o.label for o in p.options)]
    lines = []
    for line in "\n".join(parts).splitlines():
        line = re.sub(r"\]\([^)]*\)", "]", line)  # keep link words, drop addresses
        line = re.sub(r"[#*>_`|\[\]]", " ", line).strip(" -:0123456789.")
        if line:
            lines.append(line if line[-1] in ".?!" else line + ".")
    return "\n".join(lines)


@pytest.mark.parametrize("path", module_notebooks(), ids=lambda p: p.stem)
def test_module_prose_is_plain_english(path: Path, catalogue) -> None:
    """Each module reads at a Flesch-Kincaid grade of 10 or lower."""
    import textstat

    grade = textstat.flesch_kincaid_grade(prose(path, catalogue))
    assert grade <= MAX_GRADE, f"{path.name}: grade {grade:.1f}; use shorter sentences and words"

"""The document builder's files: the course package zip, the trimmed standard library,
and the compressed, hash-named files with their description (``book/_ext/builder_*.py``)."""

from __future__ import annotations

import gzip
import io
import json
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

from exercises.catalogue import Catalogue, prompt_files
from exercises.site import site_data

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "book" / "_ext"))

import builder_files  # noqa: E402
import builder_minify  # noqa: E402
import builder_stdlib  # noqa: E402
from builder_package import package_zip, stdlib_names  # noqa: E402

PYODIDE = REPO / "node_modules" / "pyodide"
needs_pyodide = pytest.mark.skipif(
    shutil.which("node") is None or not (PYODIDE / "pyodide.mjs").is_file(),
    reason="Node.js and node_modules/pyodide (npm ci) are needed",
)


def prompts_json() -> str:
    return json.dumps(prompt_files(), ensure_ascii=False)


def test_the_package_zip_holds_the_entry_and_pure_modules_and_is_reproducible() -> None:
    data = package_zip(REPO / "exercises")
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert {"builder_entry.py", "exercises/__init__.py", "exercises/site.py"} <= set(names)
    assert not [n for n in names if n.startswith("exercises/widgets/")]
    assert package_zip(REPO / "exercises") == data  # same sources, same bytes


def test_the_documents_import_names_cover_their_standard_library_use() -> None:
    names = stdlib_names([REPO / "book/_ext/builder_entry.py", REPO / "exercises/site.py"])
    assert {"json", "typing", "exercises.catalogue", "exercises"} <= names


def test_imports_follow_module_level_statements_in_the_zip() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("a.py", "import b, c as d\nfrom e.f import g\ndef h():\n    import unused\n")
        zf.writestr("b.py", "")
        zf.writestr("c.py", "")
        zf.writestr("e/__init__.py", "")
        zf.writestr("e/f.py", "")
        zf.writestr("unused.py", "")
    found = builder_stdlib.with_imports(zipfile.ZipFile(out), ["a"])
    assert found == {"a.py", "b.py", "c.py", "e/__init__.py", "e/f.py"}


def test_minified_modules_lose_comments_and_docstrings_but_not_behaviour(tmp_path: Path) -> None:
    source = tmp_path / "in.zip"
    code = '''"""A module docstring."""
# A comment.
def twice(x):
    """Double it."""
    return x * 2  # inline


class Empty:
    """Only a docstring."""
'''
    with zipfile.ZipFile(source, "w") as zf:
        zf.writestr("mod.py", code)
        zf.writestr("pyodide/kept.py", code)
        zf.writestr("data.txt", "as it is")
    assert builder_minify.minify(str(source), str(tmp_path / "out.zip")) == 2
    out = zipfile.ZipFile(tmp_path / "out.zip")
    small = out.read("mod.py").decode()
    assert "docstring" not in small and "Double" not in small and "#" not in small
    space: dict[str, object] = {}
    exec(compile(small, "mod.py", "exec"), space)
    assert space["twice"](4) == 8  # type: ignore[operator]
    assert "Double it." in out.read("pyodide/kept.py").decode()  # Pyodide reads its own
    assert out.read("data.txt") == b"as it is"


@needs_pyodide
def test_the_trimmed_standard_library_builds_every_sample_workbook(catalogue: Catalogue) -> None:
    """Run in Node.js as the browser runs it: the trimmed zip is a fraction of Pyodide's and
    still builds the documents for an empty, a complete and an out-of-date workbook."""
    workbooks = builder_stdlib.sample_workbooks(catalogue, site_data(catalogue)["workbook"])
    package = package_zip(REPO / "exercises")
    trimmed = builder_files.stdlib_for(PYODIDE, package, prompts_json(), workbooks)
    names = set(zipfile.ZipFile(io.BytesIO(trimmed)).namelist())
    assert {"json/__init__.py", "dataclasses.py", "_pyodide/__init__.py"} <= names
    assert not {"unittest/__init__.py", "email/__init__.py", "tkinter/__init__.py"} & names
    packed, full = len(gzip.compress(trimmed)), (PYODIDE / builder_files.STDLIB).stat().st_size
    assert packed < full / 4, (packed, full)
    assert '"""' not in zipfile.ZipFile(io.BytesIO(trimmed)).read("json/__init__.py").decode()


@needs_pyodide
def test_a_zip_without_what_the_documents_need_fails_the_check(catalogue: Catalogue) -> None:
    source = PYODIDE / builder_files.STDLIB
    keep = {n for n in zipfile.ZipFile(source).namelist() if not n.startswith("html/")}
    workbooks = builder_stdlib.sample_workbooks(catalogue, site_data(catalogue)["workbook"])
    with pytest.raises(builder_stdlib.TraceError, match="html"):
        builder_stdlib.trace(
            PYODIDE,
            package_zip(REPO / "exercises"),
            prompts_json(),
            workbooks,
            stdlib=builder_stdlib.trimmed(source, keep),
        )


@needs_pyodide
def test_the_builder_files_are_gzipped_and_named_by_content(
    catalogue: Catalogue, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(builder_files, "stdlib_for", lambda *_args: b"a trimmed zip")
    plan = builder_files.write_builder(tmp_path, PYODIDE, catalogue, prompts_json())
    assert set(plan["files"]) == {"loader", "module", "wasm", "stdlib", "package", "prompts"}
    for key, entry in plan["files"].items():
        path = tmp_path / entry["url"]
        assert entry["url"].startswith("course-builder/") and entry["url"].endswith(".gz"), key
        assert path.stat().st_size == entry["bytes"]
        assert len(gzip.decompress(path.read_bytes())) == entry["size"]
    wasm = gzip.decompress((tmp_path / plan["files"]["wasm"]["url"]).read_bytes())
    assert wasm == (PYODIDE / "pyodide.asm.wasm").read_bytes()
    assert gzip.decompress((tmp_path / plan["files"]["stdlib"]["url"]).read_bytes()) == (
        b"a trimmed zip"
    )
    assert plan["bytes"] == sum(e["bytes"] for e in plan["files"].values())
    assert plan["lock"]["packages"] == {} and plan["lock"]["info"]["abi_version"]
    assert plan["early"] == ["progress", "capstone"]
    assert plan["worker"].startswith("course-builder-worker.js?v=")


def test_names_carry_a_hash_of_the_content() -> None:
    one = builder_files._named("pyodide.asm.wasm", b"one")
    assert one == builder_files._named("pyodide.asm.wasm", b"one")
    assert one != builder_files._named("pyodide.asm.wasm", b"two")
    assert one.startswith("pyodide.") and one.endswith(".asm.wasm.gz")


def test_no_pyodide_means_no_builder_and_a_warning(catalogue: Catalogue, tmp_path: Path) -> None:
    assert builder_files.write_builder(tmp_path, tmp_path / "missing", catalogue, "{}") == {}

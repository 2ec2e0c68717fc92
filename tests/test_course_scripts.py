"""The book build's bundling of the answer script (``book/_ext/course_scripts.py``): it
makes the script from ``book/_scripts/`` and every kind's reader, and stops the build
loudly, in words, when a tool or a kind's reader is missing."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from sphinx.errors import ExtensionError

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "book" / "_ext"))
import course_scripts  # noqa: E402

sys.path.remove(str(REPO / "book" / "_ext"))

NODE = pytest.mark.skipif(shutil.which("node") is None, reason="Node.js bundles the script")


def fake_app(confdir: Path, tmp_path: Path) -> SimpleNamespace:
    return SimpleNamespace(confdir=str(confdir), doctreedir=str(tmp_path / "doctrees"))


def test_every_kind_of_the_package_has_a_reader() -> None:
    assert course_scripts.kinds_without_reader(REPO) == []


def test_a_kind_without_its_reader_stops_the_build(tmp_path: Path) -> None:
    kinds = tmp_path / "exercises" / "kinds"
    shutil.copytree(REPO / "exercises" / "kinds", kinds, ignore=shutil.ignore_patterns("*.py"))
    (kinds / "quiz" / "form.js").unlink()
    assert course_scripts.kinds_without_reader(tmp_path) == ["quiz"]
    (tmp_path / "node_modules" / "esbuild").mkdir(parents=True)
    (tmp_path / "node_modules" / "esbuild" / "package.json").write_text("{}")
    config = SimpleNamespace(html_static_path=["book/_static"])
    with pytest.raises(ExtensionError, match="quiz have no browser form reader"):
        course_scripts.configure(fake_app(tmp_path, tmp_path), config)


def test_without_esbuild_the_build_stops_and_says_run_npm_ci(tmp_path: Path) -> None:
    config = SimpleNamespace(html_static_path=["book/_static"])
    with pytest.raises(ExtensionError, match="npm ci"):
        course_scripts.configure(fake_app(tmp_path, tmp_path), config)


@NODE
def test_the_bundle_is_made_and_copied_into_the_site(tmp_path: Path) -> None:
    app = fake_app(REPO, tmp_path)
    config = SimpleNamespace(html_static_path=["book/_static"])
    course_scripts.configure(app, config)
    folder = Path(config.html_static_path[-1])
    assert config.html_static_path[0] == "book/_static" and folder.is_dir()
    course_scripts.bundle(app)
    script = (folder / course_scripts.SCRIPT).read_text(encoding="utf-8")
    assert "CourseAnswers" in script and "book/_scripts/build.mjs" in script
    for kind in ("data-answer", "data-item", "data-axis", "data-field"):
        assert kind in script  # every kind's contract selectors are in the bundle


@NODE
def test_a_failing_bundle_stops_the_build(tmp_path: Path) -> None:
    (tmp_path / "book" / "_scripts").mkdir(parents=True)
    (tmp_path / "book" / "_scripts" / "build.mjs").write_text("process.exit(3);\n")
    with pytest.raises(ExtensionError, match="bundling the answer script failed"):
        course_scripts.bundle(fake_app(tmp_path, tmp_path))

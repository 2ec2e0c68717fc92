"""The SCORM packages in stand-in learning platforms, in both SCORM versions.

The main stand-in behaves as Moodle 4.5 does (tests/browser/scorm_platforms.py and
moodle-player.js say where each behaviour comes from in Moodle's code): SCORM 2004 data
comes back only after exit "suspend", closing calls go as beacons and any past 64 KiB is
dropped, every login clears the browser's storage, and files are served with Moodle's MIME
types. Variants cut suspend data to 4,000 characters, damage a stored time, answer
"false", throw, or take 1.5 s a request. One more run uses scorm-again (npm), the
run-time library many platforms use, to check every value the course sets is accepted.
A fresh browser context is another computer; every request leaving 127.0.0.1 is blocked.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Iterator

import pytest

from tests.browser.conftest import REPO, SITE
from tests.browser.scorm_platforms import Launch, Moodle

pytestmark = pytest.mark.browser

VERSIONS = ["2004", "1.2"]
BUILD_TIMEOUT = 180_000
INNOVATION = "#ex-mindset-my-innovation"


def load_packager():
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(
        "scorm_package", REPO / "book/_ext/scorm_package.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["scorm_package"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Both packages built from the site and unzipped (the platform's copy of each)."""
    if not (SITE / "index.html").exists():
        pytest.fail(f"No built site in {SITE}: run `make book` first.")
    packager = load_packager()
    root = tmp_path_factory.mktemp("packages")
    unzipped = {}
    for version, folder in ((packager.SCORM_2004, "2004"), (packager.SCORM_12, "1.2")):
        package = packager.build_package(SITE, root / "zips", version)
        with zipfile.ZipFile(package) as zf:
            zf.extractall(root / folder)
        unzipped[folder] = root / folder
    return unzipped


@pytest.fixture
def moodle(packages) -> Iterator[Moodle]:
    """A fresh stand-in Moodle (no records yet) serving both packages."""
    platform = Moodle(packages)
    platform.start()
    yield platform
    platform.stop()


def data_field(version: str) -> str:
    return "cmi.suspend_data"


def exit_field(version: str) -> str:
    return "cmi.exit" if version == "2004" else "cmi.core.exit"


def location_field(version: str) -> str:
    return "cmi.location" if version == "2004" else "cmi.core.lesson_location"


def kept_answers(moodle: Moodle, version: str, learner: str = "alice") -> dict:
    """The answers in the platform's stored record, read by the course's own rules."""
    text = moodle.record(version, learner).get("cmi.suspend_data", "")
    lines = text.split("\n")[1:] if text else []
    return {json.loads(line)[0]: json.loads(line)[1] for line in lines if line.startswith("[")}


@pytest.mark.parametrize("version", VERSIONS)
def test_answers_and_place_follow_the_learner(browser, moodle, version) -> None:
    """Answer, move on, leave; next time on another computer: answers and place are back."""
    first = Launch(browser, moodle, version)
    first.open("book/modules/mindset.html")
    first.answer(INNOVATION, "A falls clinic in every PCN")
    first.open("book/modules/principles.html")
    assert first.errors == []
    first.leave()
    record = moodle.record(version)
    assert record[exit_field(version)] == "suspend"
    assert record[location_field(version)] == "book/modules/principles.html"
    assert kept_answers(moodle, version)["mindset.my-innovation"] == "A falls clinic in every PCN"
    closing = moodle.closing(version)
    assert len(closing) == 1 and closing[0]["kind"] == "beacon"

    again = Launch(browser, moodle, version)
    assert again.course_frame().url.endswith("book/modules/principles.html")
    again.open("book/modules/mindset.html")
    assert again.course.locator(INNOVATION).input_value() == "A falls clinic in every PCN"
    assert again.errors == []
    again.leave()


@pytest.mark.parametrize("version", VERSIONS)
def test_a_crash_leaves_answers_that_come_back(browser, moodle, version) -> None:
    """No closing call at all (a crash, a closed lid): the data committed during the
    session carries exit "suspend", so the next launch resumes instead of starting afresh."""
    first = Launch(browser, moodle, version)
    assert moodle.record(version)[exit_field(version)] == "suspend"  # from the first commit
    first.open("book/modules/mindset.html")
    first.answer(INNOVATION, "Written before the crash")
    assert first.commit() is True  # what the minute clock does
    first.crash()
    assert moodle.closing(version) == []

    again = Launch(browser, moodle, version)
    entry = "cmi.entry" if version == "2004" else "cmi.core.entry"
    assert again.page.evaluate(f"() => window.PLAYER.def['{entry}']") == "resume"
    again.open("book/modules/mindset.html")
    assert again.course.locator(INNOVATION).input_value() == "Written before the crash"
    again.leave()
    assert kept_answers(moodle, version)["mindset.my-innovation"] == "Written before the crash"


def test_outside_a_platform_the_launch_page_is_the_website(browser, moodle) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{moodle.base}/pkg/2004/scorm-launch.html", wait_until="networkidle")
    assert page.url.endswith(("/2004/index.html", "/2004/book/index.html")), page.url
    context.close()


def test_scorm_package_files_are_served_with_moodles_types(moodle, packages) -> None:
    """The stand-in serves what Moodle would: .js as application/x-javascript, unknown
    text (.mjs) as text/plain, unknown binary (.wasm) as application/octet-stream."""
    import urllib.request

    root = packages["2004"]
    mjs = next(root.rglob("*.mjs"), None)
    wasm = next(root.rglob("*.wasm"), None)
    assert mjs and wasm, "the site ships the document builder's .mjs and .wasm files"
    for path, expected in (
        ("_static/course-scorm.js", "application/x-javascript"),
        (mjs.relative_to(root).as_posix(), "text/plain; charset=utf-8"),
        (wasm.relative_to(root).as_posix(), "application/octet-stream"),
        ("index.html", "text/html"),
    ):
        with urllib.request.urlopen(f"{moodle.base}/pkg/2004/{path}") as reply:
            assert reply.headers["Content-Type"] == expected, path
    assert shutil.which  # keep the import used

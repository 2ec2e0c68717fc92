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

import itertools
import json
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
    text = moodle.record(version, learner).get("cmi.suspend_data", "").replace("\r\n", "\n")
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
    """The stand-in serves what Moodle would (lib/classes/filetypes.php): .js as
    application/x-javascript, .gz as application/g-zip with no Content-Encoding, unknown
    text as text/plain. The document builder ships its Pyodide files only gzipped, under
    names Moodle does not know the inside of, and decodes them itself."""
    import urllib.request

    root = packages["2004"]
    assert not [*root.rglob("*.mjs"), *root.rglob("*.wasm")], "no file relies on its type"
    mjs = next(root.rglob("*.mjs.gz"), None)
    wasm = next(root.rglob("*.wasm.gz"), None)
    assert mjs and wasm, "the package carries the document builder's files"
    for path, expected in (
        ("_static/course-scorm.js", "application/x-javascript"),
        (mjs.relative_to(root).as_posix(), "application/g-zip"),
        (wasm.relative_to(root).as_posix(), "application/g-zip"),
        ("index.html", "text/html"),
    ):
        with urllib.request.urlopen(f"{moodle.base}/pkg/2004/{path}") as reply:
            assert reply.headers["Content-Type"] == expected, path
            assert reply.headers.get("Content-Encoding") is None, path


def free_text_prompts(launch: Launch, count: int) -> list[str]:
    return launch.course_frame().evaluate(
        "(n) => Object.entries(COURSE_DATA.prompts).filter(([, p]) => p.kind === 'text')"
        ".slice(0, n).map(([id]) => id)",
        count,
    )


def save_answers(launch: Launch, answers: dict) -> None:
    """Answers saved in the course frame as its forms save them (the Store API)."""
    launch.course_frame().evaluate(
        "(answers) => { for (const [pid, v] of Object.entries(answers))"
        " CourseAnswers.page.store.save(pid, v); CourseAnswers.page.reload(); }",
        answers,
    )


@pytest.mark.parametrize("version", VERSIONS)
def test_a_large_record_and_the_last_words_typed_survive_leaving(browser, moodle, version):
    """About 59 KB of answers (SCORM 2004; 1.2 keeps 4,096 characters): the one closing
    call fits a beacon and arrives, with text typed a moment before leaving; on another
    computer every answer the platform holds comes back. Prints the sizes measured."""
    first = Launch(browser, moodle, version)
    first.open("book/modules/mindset.html")
    ids = [p for p in free_text_prompts(first, 30) if p != "mindset.my-innovation"][:20]
    big = {pid: f"{pid}: " + ("We asked every ward and café team. " * 82)[:2800] for pid in ids}
    save_answers(first, big)
    first.commit()
    field = first.course.locator(INNOVATION)
    field.fill("Typed just before closing")  # no pause, no blur: still waiting to be saved
    first.leave()
    closing = moodle.closing(version)[-1]
    record = moodle.record(version)["cmi.suspend_data"]
    print(
        f"\nSCORM {version}: record {len(record)} characters, "
        f"{len(record.encode())} bytes; closing beacon {closing['bytes']} bytes "
        f"(limit 65,536); {len(moodle.requests)} requests in all"
    )
    assert closing["kind"] == "beacon" and closing["bytes"] < 65536
    kept = kept_answers(moodle, version)
    assert kept["mindset.my-innovation"] == "Typed just before closing"
    if version == "2004":
        assert len(record.encode()) > 57_000
        assert {pid: kept.get(pid) for pid in big} == big
    else:
        assert len(record) <= 4096

    again = Launch(browser, moodle, version)
    back = again.browser_answers()
    assert back["mindset.my-innovation"]["value"] == "Typed just before closing"
    for pid, value in kept.items():
        assert back[pid]["value"] == value
    if version == "1.2":
        assert "stayed in the browser where you gave them" in again.notes()
    again.leave()


def test_answers_past_the_platforms_room_are_named_and_kept_in_the_browser(browser, moodle):
    """SCORM 1.2 holds 4,096 characters: what fits goes to the platform, the learner is
    told plainly the rest is in this browser only, and the browser keeps every answer."""
    launch = Launch(browser, moodle, "1.2")
    launch.open("book/modules/mindset.html")
    long = "We talked to every ward. " * 200  # about 5,000 characters
    launch.answer(INNOVATION, long)
    launch.answer("#ex-mindset-stalled-change", "Short answer")
    launch.commit()
    notes = launch.notes()
    assert "1 answer is kept in this browser only" in notes
    assert "may be gone when you next log in" in notes and "Download your workbook" in notes
    record = moodle.record("1.2")["cmi.suspend_data"]
    assert len(record) <= 4096 and "Short answer" in record
    assert launch.browser_answers()["mindset.my-innovation"]["value"] == long
    launch.leave()


def test_answers_the_browser_lost_mid_session_are_put_back(browser, moodle) -> None:
    """Storage emptied while the course is open (a login in another tab, in Moodle): the
    next commit still holds every answer, and the browser gets them back."""
    launch = Launch(browser, moodle, "2004")
    launch.open("book/modules/mindset.html")
    launch.answer(INNOVATION, "Not to be lost")
    launch.commit()
    launch.course_frame().evaluate("() => localStorage.clear()")
    launch.commit()
    assert kept_answers(moodle, "2004")["mindset.my-innovation"] == "Not to be lost"
    assert launch.browser_answers()["mindset.my-innovation"]["value"] == "Not to be lost"
    launch.leave()


def test_answers_removed_on_purpose_leave_the_platform_too(browser, moodle) -> None:
    """The panel's "remove all my answers" is the learner's wish: the platform follows."""
    launch = Launch(browser, moodle, "2004")
    launch.open("book/modules/mindset.html")
    launch.answer(INNOVATION, "Soon removed")
    launch.commit()
    assert "mindset.my-innovation" in kept_answers(moodle, "2004")
    launch.course.get_by_role(
        "button", name="Remove all my answers from this browser"
    ).first.click()
    launch.course.get_by_role("button", name="Yes, remove my answers").click()
    launch.course.get_by_text("Your answers were removed from this browser.").wait_for()
    launch.commit()
    assert kept_answers(moodle, "2004") == {}
    launch.leave()
    assert kept_answers(moodle, "2004") == {}


@pytest.mark.parametrize("version", VERSIONS)
def test_a_new_login_empties_the_browser_but_not_the_course(browser, moodle, version):
    """Moodle clears browser storage at each login: answers come back from the platform.
    With the tick box unticked, written answers were told to stay in this browser only,
    and are gone; the tick box's own setting comes back from the platform's data."""
    computer = browser.new_context(locale="en-GB")
    first = Launch(browser, moodle, version, context=computer)
    first.open("book/modules/mindset.html")
    first.answer(INNOVATION, "Kept by the platform")
    first.leave()

    second = Launch(browser, moodle, version, context=computer)  # a new login, same computer
    second.open("book/modules/mindset.html")
    assert second.course.locator(INNOVATION).input_value() == "Kept by the platform"
    second.sco.locator("#course-scorm-text").uncheck()
    second.course.locator("input[name=ex-mindset-push-or-pull][value=pull]").check()
    second.answer("#ex-mindset-stalled-change", "Kept in this browser only")
    second.commit()
    notes = second.notes()
    assert "Your written answers (2) are kept in this browser only" in notes
    assert "may be gone when you next log in" in notes
    second.leave()
    record = moodle.record(version)["cmi.suspend_data"]
    assert "Kept in this browser only" not in record and "Kept by the platform" not in record

    third = Launch(browser, moodle, version, context=computer)
    assert not third.sco.locator("#course-scorm-text").is_checked()
    third.open("book/modules/mindset.html")
    assert third.course.locator("input[name=ex-mindset-push-or-pull][value=pull]").is_checked()
    assert third.course.locator("#ex-mindset-stalled-change").input_value() == ""
    assert "Your written answers" not in third.notes()  # none are left to tell about
    third.leave()
    computer.close()


def test_two_learners_on_one_computer_never_share_answers(browser, moodle):
    """A platform that keeps browser storage: the browser copy is keyed by the learner."""
    computer = browser.new_context(locale="en-GB")
    alice = Launch(browser, moodle, "2004", "alice", context=computer, keep_storage="1")
    alice.open("book/modules/mindset.html")
    alice.answer(INNOVATION, "Alice's own change")
    alice.leave()

    bob = Launch(browser, moodle, "2004", "bob", context=computer, keep_storage="1")
    bob.open("book/modules/mindset.html")
    assert bob.course.locator(INNOVATION).input_value() == ""
    assert bob.browser_answers() == {}
    bob.answer("#ex-mindset-stalled-change", "Bob's answer")
    bob.leave()
    assert "Alice" not in moodle.record("2004", "bob")["cmi.suspend_data"]

    alice = Launch(browser, moodle, "2004", "alice", context=computer, keep_storage="1")
    alice.open("book/modules/mindset.html")
    assert alice.course.locator(INNOVATION).input_value() == "Alice's own change"
    assert alice.course.locator("#ex-mindset-stalled-change").input_value() == ""
    alice.leave()
    computer.close()


def test_a_platform_that_cuts_the_record_is_noticed_on_both_computers(browser, moodle):
    """The platform keeps 4,000 characters of suspend data without a word: the computer
    that wrote notices at once and stores a whole, smaller record; the next computer is
    told which answers stayed behind, and never saves over the platform's copy with fewer."""
    writer = Launch(browser, moodle, "2004", mode="truncate")
    writer.open("book/modules/mindset.html")
    ids = free_text_prompts(writer, 3)
    save_answers(writer, {pid: f"{pid} " + "x" * 1800 for pid in ids})
    writer.commit()
    assert "kept only the first 4000 characters" in writer.notes()
    assert "1 answer is kept in this browser only" in writer.notes()
    writer.leave()
    record = moodle.record("2004")["cmi.suspend_data"].replace("\r\n", "\n")
    assert len(record) <= 4000
    header = json.loads(record.split("\n")[0])
    assert header["n"] == 2 and header["m"] == 1 and len(record.split("\n")) == 3

    reader = Launch(browser, moodle, "2004", mode="truncate")
    assert "1 answer did not fit in the learning platform" in reader.notes()
    assert set(reader.browser_answers()) == set(ids[:2])
    reader.leave()
    assert kept_answers(moodle, "2004").keys() == set(ids[:2])


def test_a_record_cut_short_elsewhere_is_never_saved_over_with_fewer_answers(browser, moodle):
    """A record cut after it was stored: the whole answers come back, the learner is told,
    and leaving does not replace the platform's copy with a smaller one."""
    first = Launch(browser, moodle, "2004")
    first.open("book/modules/mindset.html")
    ids = free_text_prompts(first, 3)
    save_answers(first, {pid: f"Answer to {pid}" for pid in ids})
    first.leave()
    whole = moodle.record("2004")["cmi.suspend_data"].replace("\r\n", "\n")
    cut = whole[: whole.rindex("\n") + 8]
    moodle.records[("2004", "alice")]["cmi.suspend_data"] = cut

    again = Launch(browser, moodle, "2004")
    assert "gave back only part of your answers (2 of 3)" in again.notes()
    assert set(again.browser_answers()) == set(ids[:2])
    again.commit()
    again.leave()
    assert moodle.record("2004")["cmi.suspend_data"] == cut


@pytest.mark.parametrize("version", VERSIONS)
def test_a_damaged_time_sets_aside_that_answer_only(browser, moodle, version):
    """One stored time damaged by the platform: that answer is set aside (kept in the
    platform's copy) and the learner told in one line; every other answer is back."""
    first = Launch(browser, moodle, version)
    first.open("book/modules/mindset.html")
    first.answer(INNOVATION, "First answer")
    first.answer("#ex-mindset-stalled-change", "Second answer")
    first.leave()

    again = Launch(browser, moodle, version, mode="corrupt")
    notes = again.notes()
    assert (
        "1 answer from the learning platform could not be used (its saved time cannot be read)"
        in notes
    )
    assert "your other 1 answer is back" in notes
    again.open("book/modules/mindset.html")
    assert again.course.locator("#ex-mindset-stalled-change").input_value() == "Second answer"
    assert "keeps 1 answer" in again.course.locator(".course-device-count").first.inner_text()
    again.leave()
    record = moodle.record(version)["cmi.suspend_data"]
    assert "Second answer" in record and "First answer" in record  # set aside, not lost
    assert "\n![" in record


@pytest.mark.parametrize(
    ("mode", "said"),
    [
        ("fail", 'its Commit call answered "General Exception" (error 101)'),
        ("refuse", 'its SetValue call answered "General Set Failure" (error 351)'),
        ("throw", "its Commit call failed: Cannot read properties of undefined"),
        ("broken", "did not connect to the course (its Initialize call failed"),
    ],
)
def test_platform_failures_are_told_in_one_plain_line(browser, moodle, mode, said) -> None:
    """A commit or SetValue answering "false", an error code, or an API that throws: one
    plain line above the course, never a blank frame."""
    launch = Launch(browser, moodle, "2004", mode=mode)
    assert launch.course_frame().url.endswith("book/index.html")
    launch.open("book/modules/mindset.html")
    launch.answer(INNOVATION, "Still kept in this browser")
    launch.sco_frame().evaluate("() => CourseScorm.commit()")
    notes = launch.notes()
    assert said in notes, notes
    assert "kept in this browser" in notes
    assert launch.sco.locator("#course-scorm-message").get_attribute("role") == "alert"
    assert launch.errors == []
    assert (
        launch.browser_answers()["mindset.my-innovation"]["value"] == "Still kept in this browser"
    )
    launch.leave(wait=False)


@pytest.mark.parametrize(
    "location",
    ["//127.0.0.1:8000/phish.html", "javascript:alert(1)", "https://example.org/index.html",
     "../../index.html", "book/../../index.html", "book/modules/missing.html"],
)  # fmt: skip
def test_a_saved_location_opens_only_the_packages_own_pages(browser, moodle, location):
    moodle.records[("2004", "alice")] = {"cmi.exit": "suspend", "cmi.location": location}
    launch = Launch(browser, moodle, "2004")
    assert launch.course_frame().url == f"{moodle.base}/pkg/2004/book/index.html"
    launch.leave()


def test_commits_run_on_a_one_minute_clock(browser, moodle) -> None:
    """After the first commit, a change is committed when the minute comes, not before."""
    launch = Launch(browser, moodle, "2004", clock=True)
    launch.open("book/modules/mindset.html")
    commits = len(moodle.requests)
    launch.answer(INNOVATION, "On the clock")
    launch.page.clock.run_for(55_000)
    assert len(moodle.requests) == commits
    launch.page.clock.run_for(6_000)
    moodle.wait_for(lambda: len(moodle.requests) > commits)
    assert "On the clock" in moodle.requests[-1]["fields"]["cmi.suspend_data"]
    assert len(moodle.requests) == commits + 1
    launch.leave()


def test_a_slow_platform_never_freezes_typing(browser, moodle) -> None:
    """Each request takes 1.5 s (a synchronous call, as Moodle's are): the minute's commit
    waits until the learner stops typing. Prints the longest gap between keystrokes."""
    launch = Launch(browser, moodle, "2004", mode="slow")
    launch.open("book/modules/mindset.html")
    frame = launch.course_frame()
    frame.evaluate(
        "() => { window.keys = [];"
        " document.addEventListener('input', () => keys.push(Date.now())); }"
    )
    field = launch.course.locator(INNOVATION)
    field.click()
    before = len(moodle.requests)
    launch.page.keyboard.type("A falls clinic ", delay=60)
    launch.sco_frame().evaluate("() => CourseScorm.tick()")  # the minute comes, mid-typing
    launch.page.keyboard.type("in every primary care network", delay=60)
    moodle.wait_for(lambda: len(moodle.requests) > before)
    keys = frame.evaluate("() => keys")
    commit_at = next(e["at"] for e in launch.log()[::-1] if e.get("kind") == "xhr")
    gaps = [b - a for a, b in itertools.pairwise(keys)]
    print(f"\nslow platform: {len(keys)} keystrokes, longest gap {max(gaps)} ms; "
          f"commit began {commit_at - keys[-1]} ms after the last keystroke")  # fmt: skip
    assert commit_at >= keys[-1], "a commit ran while the learner was typing"
    assert "in every primary care network" in moodle.requests[-1]["fields"]["cmi.suspend_data"]
    launch.leave()


@pytest.mark.parametrize("version", VERSIONS)
def test_every_value_the_course_sets_is_valid_scorm(browser, moodle, version) -> None:
    """scorm-again checks each call against the SCORM data model: none may fail."""
    launch = Launch(browser, moodle, version, player="again")
    launch.open("book/modules/mindset.html")
    launch.answer(INNOVATION, "A falls clinic in every PCN")
    launch.open("book/modules/principles.html")
    launch.commit()
    launch.sco_frame().evaluate("() => CourseScorm.finish()")
    errors = launch.page.evaluate("() => window.apiErrors")
    calls = [c[0] for c in launch.page.evaluate("() => window.apiCalls")]
    assert errors == []
    end = "Terminate" if version == "2004" else "LMSFinish"
    assert calls[-1] == end and calls.count(end) == 1
    launch.page.close()
    launch.context.close()


def test_every_module_and_the_plan_complete_the_course(browser, moodle) -> None:
    """Completion: every module page opened and the plan built (SCORM 2004), with the
    package's files served as Moodle serves them (.mjs as text/plain, .wasm as
    application/octet-stream: the document builder must cope)."""
    launch = Launch(browser, moodle, "2004")
    modules = launch.sco_frame().evaluate("() => COURSE_DATA.modules.map(m => m.id)")
    for module in modules:
        launch.open(f"book/modules/{module}.html")
    launch.commit()
    assert moodle.record("2004")["cmi.progress_measure"].startswith("0.9")
    assert moodle.record("2004")["cmi.completion_status"] == "incomplete"
    launch.course.get_by_role(
        "button", name="Build my plan and learning record from my answers"
    ).click()
    plan = launch.course.locator(".course-site-document[data-doc=plan]")
    failed = launch.course.get_by_text("The document could not be built here")
    plan.or_(failed).first.wait_for(timeout=BUILD_TIMEOUT)
    assert not failed.count(), failed.first.inner_text()
    launch.commit()
    assert moodle.record("2004")["cmi.completion_status"] == "completed"
    assert moodle.record("2004")["cmi.progress_measure"] == "1.00"
    assert launch.errors == []
    launch.leave()

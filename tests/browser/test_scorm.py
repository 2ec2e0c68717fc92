"""The SCORM packages in a stand-in learning platform: scorm-again, the run-time library
that LMS players use (from npm, pinned by package-lock.json), in both SCORM versions.

A small "platform" page creates the SCORM API and opens the package's launch page in a
frame, recording every value the course sets. Launching again hands those values back,
in a new browser profile (another computer). Every request leaving 127.0.0.1 is blocked.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import json
import shutil
import sys
import threading
import zipfile
from collections.abc import Iterator

import pytest

from tests.browser.conftest import REPO, SITE, Offline, free_port

pytestmark = pytest.mark.browser

SCORM_AGAIN = REPO / "node_modules" / "scorm-again" / "dist" / "scorm-again.min.js"
BUILD_TIMEOUT = 180_000

PLATFORM = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Stand-in platform</title>
<script src="lms-scorm-again.js"></script>
<script>
  const version = new URLSearchParams(location.search).get("v");
  const record = window.LMS_RECORD || {};
  window.lmsValues = {};
  window.lmsCalls = [];
  const settings = { autocommit: false, logLevel: 5 };
  if (version === "2004") {
    window.API_1484_11 = new Scorm2004API(settings);
    API_1484_11.loadFromJSON(record);
    API_1484_11.on("SetValue.cmi.*", (el, value) => { lmsValues[el] = value; });
    for (const verb of ["Initialize", "Commit", "Terminate"]) {
      API_1484_11.on(verb, () => lmsCalls.push(verb));
    }
  } else {
    window.API = new Scorm12API(settings);
    API.loadFromJSON(record);
    API.on("LMSSetValue.cmi.*", (el, value) => { lmsValues[el] = value; });
    for (const verb of ["LMSInitialize", "LMSCommit", "LMSFinish"]) {
      API.on(verb, () => lmsCalls.push(verb));
    }
  }
</script></head>
<body>
<iframe id="sco" title="Course" src="scorm-launch.html" style="width:100%;height:90vh"></iframe>
</body></html>
"""


def load_packager():
    path = REPO / "book/_ext/scorm_package.py"
    spec = importlib.util.spec_from_file_location("scorm_package", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["scorm_package"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Both packages unzipped beside the stand-in platform page, served on 127.0.0.1."""
    if not (SITE / "index.html").exists():
        pytest.fail(f"No built site in {SITE}: run `make book` first.")
    assert SCORM_AGAIN.exists(), "scorm-again is missing: run `npm ci`"
    packager = load_packager()
    root = tmp_path_factory.mktemp("platform")
    for version, folder in ((packager.SCORM_2004, "2004"), (packager.SCORM_12, "1.2")):
        package = packager.build_package(SITE, root / "zips", version)
        with zipfile.ZipFile(package) as zf:
            zf.extractall(root / folder)
        shutil.copyfile(SCORM_AGAIN, root / folder / "lms-scorm-again.js")
        (root / folder / "lms.html").write_text(PLATFORM)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *_args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class Launch:
    """One launch of the package in the stand-in platform, in a fresh browser profile."""

    def __init__(self, browser, base: str, version: str, record: dict | None = None) -> None:
        self.context = browser.new_context(locale="en-GB")
        self.guard = Offline()
        self.context.route("**/*", self.guard)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda err: self.errors.append(str(err)))
        self.page.add_init_script(f"window.LMS_RECORD = {json.dumps(record or {})};")
        self.version = version
        self.page.goto(f"{base}/{version}/lms.html?v={version}", wait_until="load")
        self.page.wait_for_function(
            "() => { const f = document.querySelector('#sco').contentDocument;"
            " const c = f && f.querySelector('#course-frame');"
            " const d = c && c.contentDocument;"
            " return d && d.location.href.endsWith('.html') && d.readyState === 'complete'; }"
        )

    @property
    def course(self):
        """The course website's frame inside the launch page."""
        return self.page.frame_locator("#sco").frame_locator("#course-frame")

    def course_frame(self):
        sco = self.page.query_selector("#sco").content_frame()
        return sco.query_selector("#course-frame").content_frame()

    def open(self, path: str) -> None:
        frame = self.course_frame()
        frame.goto(f"{frame.url.rsplit('/' + self.version + '/', 1)[0]}/{self.version}/{path}")
        frame.wait_for_function("() => window.CourseAnswers && window.CourseAnswers.page")

    def values(self) -> dict:
        return self.page.evaluate("() => window.lmsValues")

    def wait_for_value(self, element: str, contains: str) -> None:
        self.page.wait_for_function(
            "([e, c]) => (window.lmsValues[e] || '').includes(c)", arg=[element, contains]
        )

    def close(self) -> dict:
        """Leave the course (the platform page goes away) and return what it recorded."""
        values = self.values()
        self.page.evaluate(
            "() => document.querySelector('#sco').contentWindow.CourseScorm.finish()"
        )
        values = self.values()
        calls = self.page.evaluate("() => window.lmsCalls")
        self.context.close()
        assert self.guard.blocked == [], self.guard.blocked
        values["calls"] = calls
        return values


def record_for(version: str, values: dict) -> dict:
    """What the platform hands back on the next launch (its stored data)."""
    if version == "2004":
        return {"suspend_data": values["cmi.suspend_data"], "location": values["cmi.location"]}
    return {
        "suspend_data": values["cmi.suspend_data"],
        "core": {"lesson_location": values["cmi.core.lesson_location"]},
    }


@pytest.mark.parametrize("version", ["2004", "1.2"])
def test_answers_and_place_follow_the_learner(browser, platform, version) -> None:
    """Answer, move on, close; relaunch on another computer: answers and place are back."""
    first = Launch(browser, platform, version)
    first.open("book/modules/mindset.html")
    first.course.locator("#ex-mindset-my-innovation").fill("A falls clinic in every PCN")
    first.course.locator("#ex-mindset-my-innovation").blur()
    first.wait_for_value("cmi.suspend_data", "A falls clinic in every PCN")
    first.open("book/modules/principles.html")
    location = "cmi.location" if version == "2004" else "cmi.core.lesson_location"
    first.wait_for_value(location, "book/modules/principles.html")
    status = "cmi.completion_status" if version == "2004" else "cmi.core.lesson_status"
    assert first.values()[status] == "incomplete"
    assert first.errors == []
    values = first.close()
    exit_field = "cmi.exit" if version == "2004" else "cmi.core.exit"
    assert values[exit_field] == "suspend"
    ends = ("Initialize", "Terminate") if version == "2004" else ("LMSInitialize", "LMSFinish")
    assert values["calls"][0] == ends[0] and values["calls"][-1] == ends[1]

    again = Launch(browser, platform, version, record_for(version, values))
    assert again.course_frame().url.endswith("book/modules/principles.html")
    again.open("book/modules/mindset.html")
    text = again.course.locator("#ex-mindset-my-innovation")
    assert text.input_value() == "A falls clinic in every PCN"
    assert again.errors == []
    again.close()


def test_too_many_answers_for_scorm_12_warn_and_lose_nothing(browser, platform) -> None:
    """Past SCORM 1.2's 4,096 characters: what fits is kept, the learner is warned, and
    every answer stays in the browser."""
    launch = Launch(browser, platform, "1.2")
    launch.open("book/modules/mindset.html")
    long = "We talked to every ward. " * 200  # about 5,000 characters
    launch.course.locator("#ex-mindset-my-innovation").fill(long)
    launch.course.locator("#ex-mindset-my-innovation").blur()
    message = launch.page.frame_locator("#sco").locator("#course-scorm-message")
    message.wait_for(state="visible", timeout=20_000)
    assert "Download your workbook" in message.inner_text()
    assert len(launch.values()["cmi.suspend_data"]) <= 4096
    kept = launch.course_frame().evaluate(
        "() => new CourseAnswers.Store(localStorage, COURSE_DATA).answers()"
    )
    assert kept["mindset.my-innovation"]["value"] == long
    launch.close()


def test_every_module_and_the_plan_complete_the_course(browser, platform) -> None:
    """Completion: every module page opened and the plan built (SCORM 2004)."""
    launch = Launch(browser, platform, "2004")
    sco = launch.page.query_selector("#sco").content_frame()
    modules = sco.evaluate("() => COURSE_DATA.modules.map(m => m.id)")
    for module in modules:
        launch.open(f"book/modules/{module}.html")
    launch.wait_for_value("cmi.progress_measure", "0.9")
    assert launch.values()["cmi.completion_status"] == "incomplete"
    launch.course.get_by_role(
        "button", name="Build my plan and learning record from my answers"
    ).click()
    launch.course.locator(".course-site-document[data-doc=plan]").wait_for(timeout=BUILD_TIMEOUT)
    launch.wait_for_value("cmi.completion_status", "completed")
    assert launch.values()["cmi.progress_measure"] == "1.00"
    assert launch.errors == []
    launch.close()


def test_outside_a_platform_the_launch_page_is_the_website(browser, platform) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{platform}/2004/scorm-launch.html", wait_until="networkidle")
    assert page.url.endswith(("/2004/index.html", "/2004/book/index.html")), page.url
    context.close()

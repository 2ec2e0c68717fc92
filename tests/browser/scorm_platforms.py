"""Stand-in learning platforms for the SCORM tests (served on 127.0.0.1 from test code).

``Moodle`` behaves as Moodle 4.5 does where it matters to a package's data (read from its
code: mod/scorm/datamodels/scorm_13lib.php and scorm_12lib.php get_scorm_default(),
datamodels/scorm_13.js and scorm_12.js StoreData(), request.js DoRequest(),
datamodel.php, lib/amd/src/storage_validation.js, lib/classes/filetypes.php and
lib/filestorage/file_storage.php mimetype()). The browser side is moodle-player.js.
Its records live in this process, so a test reads exactly what the platform kept.
"""

from __future__ import annotations

import email.parser
import email.policy
import http.server
import json
import re
import threading
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

from tests.browser.conftest import free_port

HERE = Path(__file__).parent
PLAYER_JS = HERE / "moodle-player.js"
SCORM_AGAIN = HERE.parents[1] / "node_modules" / "scorm-again" / "dist" / "scorm-again.min.js"

# Moodle's MIME types for the file types a built site holds (lib/classes/filetypes.php).
# Anything else is inspected (file_storage::mimetype_from_file): text is text/plain,
# JSON application/json, and the rest application/octet-stream. So .mjs is text/plain
# and .wasm, .woff and .zip-like unknowns application/octet-stream (Moodle 5.1 the same).
MOODLE_TYPES = {
    "css": "text/css",
    "csv": "text/csv",
    "gif": "image/gif",
    "gz": "application/g-zip",
    "htm": "text/html",
    "html": "text/html",
    "ico": "image/vnd.microsoft.icon",
    "jpeg": "image/jpeg",
    "jpg": "image/jpeg",
    "js": "application/x-javascript",
    "json": "application/json",
    "png": "image/png",
    "svg": "image/svg+xml",
    "txt": "text/plain",
    "xml": "application/xml",
    "yaml": "application/yaml",
    "yml": "application/yaml",
    "zip": "application/zip",
}


def moodle_type(path: Path) -> str:
    """The Content-Type Moodle serves a package file with."""
    known = MOODLE_TYPES.get(path.suffix.lower().lstrip("."))
    if known:
        return f"{known}; charset=utf-8" if known == "text/plain" else known
    head = path.read_bytes()[:4096]
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return "application/octet-stream"
    if "\x00" in text:
        return "application/octet-stream"
    return "application/json" if text.lstrip()[:1] in "{[" else "text/plain; charset=utf-8"


def corrupt_a_time(text: str) -> str:
    """The stored record with one answer's saved time damaged (its "T" turned into a space)."""
    return re.sub(r'"(\d{4}-\d\d-\d\d)T(\d\d:)', r'"\1 \2', text, count=1)


def again_page(version: str) -> str:
    """A platform page on scorm-again (npm), which checks every value against the SCORM data
    model; each call that leaves an error code is kept in window.apiErrors."""
    kind, verbs = (
        ("Scorm2004API", "Initialize Terminate GetValue SetValue Commit GetLastError")
        if version == "2004"
        else (
            "Scorm12API",
            "LMSInitialize LMSFinish LMSGetValue LMSSetValue LMSCommit LMSGetLastError",
        )
    )
    name = "API_1484_11" if version == "2004" else "API"
    extra = (
        "GetErrorString GetDiagnostic"
        if version == "2004"
        else "LMSGetErrorString LMSGetDiagnostic"
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>scorm-again platform</title>
<script src="/again/scorm-again.js"></script>
<script>
  const inner = new {kind}({{ autocommit: false, logLevel: 5 }});
  const [init, end, get, set, commit, lastError] = "{verbs}".split(" ");
  window.apiErrors = [];
  window.apiCalls = [];
  const watched = (verb) => (...args) => {{
    const result = inner[verb](...args);
    const code = String(inner[lastError]());
    window.apiCalls.push([verb, ...args, result, code]);
    if (code !== "0" && !(verb === get && (code === "403" || code === "0"))) {{
      window.apiErrors.push([verb, ...args, code]);
    }}
    return result;
  }};
  window.{name} = {{}};
  for (const verb of "{verbs} {extra}".split(" ")) {{
    const plain = verb.includes("Error") || verb.includes("Diagnostic");
    window.{name}[verb] = plain ? (...args) => inner[verb](...args) : watched(verb);
  }}
</script></head>
<body><iframe id="scorm_object" title="Course" src="/pkg/{version}/scorm-launch.html"
 style="width:100%;height:85vh"></iframe></body></html>"""


class Moodle:
    """The platform's side: stored records per (version, learner), and every request."""

    def __init__(self, packages: dict[str, Path]) -> None:
        self.packages = packages
        self.records: dict[tuple[str, str], dict[str, str]] = {}
        self.requests: list[dict] = []
        self.logins = 0
        self.changed = threading.Condition()
        self.server: http.server.ThreadingHTTPServer | None = None
        self.base = ""

    # -- what get_scorm_default() hands to the package --------------------------------
    def defaults(self, version: str, learner: str, mode: str) -> dict[str, str]:
        tracks = dict(self.records.get((version, learner), {}))
        if mode == "corrupt" and "cmi.suspend_data" in tracks:
            tracks["cmi.suspend_data"] = corrupt_a_time(tracks["cmi.suspend_data"])
        if version == "2004":
            resumed = tracks.get("cmi.exit") == "suspend"
            data = tracks if resumed else {}  # the record stays on the server all the same
            return {
                "cmi.learner_id": learner,
                "cmi.learner_name": learner.title(),
                "cmi.mode": "normal",
                "cmi.credit": "credit",
                "cmi.entry": "resume" if resumed else "ab-initio",
                "cmi.exit": data.get("cmi.exit", ""),
                "cmi.completion_status": data.get("cmi.completion_status", "unknown"),
                "cmi.location": data.get("cmi.location", ""),
                "cmi.progress_measure": data.get("cmi.progress_measure", ""),
                "cmi.suspend_data": data.get("cmi.suspend_data", ""),
                "cmi.total_time": data.get("cmi.total_time", "PT0H0M0S"),
                "cmi.success_status": data.get("cmi.success_status", "unknown"),
            }
        status = tracks.get("cmi.core.lesson_status", "")
        entry = (
            "ab-initio"
            if not status
            else "resume"
            if tracks.get("cmi.core.exit") == "suspend"
            else ""
        )
        return {
            "cmi.core.student_id": learner,
            "cmi.core.student_name": learner.title(),
            "cmi.core.credit": "credit",
            "cmi.core.entry": entry,
            "cmi.core.lesson_mode": "normal",
            "cmi.core.total_time": tracks.get("cmi.core.total_time", "00:00:00"),
            "cmi.core.lesson_location": tracks.get("cmi.core.lesson_location", ""),
            "cmi.core.lesson_status": status,
            "cmi.core.exit": tracks.get("cmi.core.exit", ""),
            "cmi.suspend_data": tracks.get("cmi.suspend_data", ""),
        }

    def player_page(self, query: dict[str, str]) -> str:
        version, learner, mode = query["v"], query.get("learner", "alice"), query.get("mode", "")
        self.logins += 0 if query.get("same_login") else 1
        player = {
            "version": version,
            "def": self.defaults(version, learner, mode),
            "mode": mode,
            "login": query.get("login") or str(self.logins),
            "clearsStorage": query.get("keep_storage") != "1",
            "datamodel": f"/moodle/datamodel.php?v={version}&learner={urllib.parse.quote(learner)}"
            f"&mode={mode}",
        }
        setup = json.dumps(player).replace("</", "<\\/")
        return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Stand-in Moodle</title>
<script>window.PLAYER = {setup};</script>
<script src="/moodle/player.js"></script></head>
<body><h1>Course player</h1>
<iframe id="scorm_object" title="Course" src="/pkg/{version}/scorm-launch.html"
 style="width:100%;height:85vh"></iframe>
</body></html>"""

    # -- datamodel.php: store each cmi element sent ------------------------------------
    def datamodel(self, query: dict[str, str], fields: dict[str, str], size: int) -> str:
        version, learner, mode = query["v"], query["learner"], query.get("mode", "")
        if mode == "slow":
            time.sleep(1.5)  # a slow platform: the synchronous request blocks the page
        with self.changed:
            self.requests.append(
                {
                    "version": version,
                    "learner": learner,
                    "kind": "beacon" if query.get("api") == "beacon" else "xhr",
                    "bytes": size,
                    "verb": fields.get("verb", ""),
                    "fields": {k.replace("__", "."): v for k, v in fields.items()},
                }
            )
            if mode != "fail":
                record = self.records.setdefault((version, learner), {})
                for key, value in fields.items():
                    if key.startswith("cmi"):
                        record[key.replace("__", ".")] = value
            self.changed.notify_all()
        return "false\n101" if mode == "fail" else "true\n0"

    def wait_for(self, check: Callable[[], object], timeout: float = 30) -> object:
        """Wait until ``check()`` is true after some request (or already); return its value."""
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                result = check()
                if result:
                    return result
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError("the platform never got what the test waited for")
                self.changed.wait(left)

    def record(self, version: str, learner: str = "alice") -> dict[str, str]:
        return self.records.get((version, learner), {})

    def closing(self, version: str, learner: str = "alice") -> list[dict]:
        return [
            r
            for r in self.requests
            if r["verb"] == "Terminate" and r["learner"] == learner and r["version"] == version
        ]

    # -- the web server -----------------------------------------------------------------
    def start(self) -> str:
        moodle = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *_args: object) -> None:
                pass

            def reply(self, body: bytes, kind: str, status: int = 200) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                url = urllib.parse.urlsplit(self.path)
                query = dict(urllib.parse.parse_qsl(url.query))
                if url.path == "/moodle/player.php":
                    self.reply(moodle.player_page(query).encode(), "text/html; charset=utf-8")
                elif url.path == "/moodle/player.js":
                    self.reply(PLAYER_JS.read_bytes(), "application/x-javascript")
                elif url.path == "/again/player.php":
                    self.reply(again_page(query["v"]).encode(), "text/html; charset=utf-8")
                elif url.path == "/again/scorm-again.js":
                    self.reply(SCORM_AGAIN.read_bytes(), "application/x-javascript")
                elif url.path == "/moodle/course.php":
                    self.reply(b"<!DOCTYPE html><title>Course</title><p>Course page", "text/html")
                elif url.path.startswith("/pkg/"):
                    self.package_file(urllib.parse.unquote(url.path[len("/pkg/") :]))
                else:
                    self.reply(b"not found", "text/plain", 404)

            def package_file(self, rest: str) -> None:
                version, _, name = rest.partition("/")
                root = moodle.packages.get(version)
                path = (root / name).resolve() if root else None
                if not path or not path.is_file() or root not in path.parents:
                    self.reply(b"not found", "text/plain", 404)
                    return
                self.reply(path.read_bytes(), moodle_type(path))

            def do_POST(self) -> None:
                url = urllib.parse.urlsplit(self.path)
                query = dict(urllib.parse.parse_qsl(url.query))
                size = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(size)
                kind = self.headers.get("Content-Type", "")
                if kind.startswith("multipart/form-data"):
                    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
                        f"Content-Type: {kind}\r\n\r\n".encode() + body
                    )
                    fields = {
                        part.get_param("name", header="content-disposition"): (
                            part.get_payload(decode=True) or b""
                        ).decode("utf-8")
                        for part in message.iter_parts()
                    }
                else:
                    fields = dict(urllib.parse.parse_qsl(body.decode(), keep_blank_values=True))
                if url.path != "/moodle/datamodel.php":
                    self.reply(b"not found", "text/plain", 404)
                    return
                self.reply(moodle.datamodel(query, fields, size).encode(), "text/plain")

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        return self.base

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()


class Launch:
    """One launch of a package in the stand-in Moodle: a login in a browser context (a
    fresh context is another computer; pass ``context`` to use the same one)."""

    def __init__(self, browser, moodle: Moodle, version: str, learner: str = "alice",
                 context=None, clock: bool = False, player: str = "moodle",
                 **options: str) -> None:  # fmt: skip
        from tests.browser.conftest import Offline

        self.own_context = context is None
        self.context = context or browser.new_context(locale="en-GB")
        if self.own_context:
            self.guard = Offline()
            # Only requests leaving 127.0.0.1 go through the guard: a request to the platform
            # must never wait for this test's thread, which may be waiting for the platform.
            self.context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/])"), self.guard)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda err: self.errors.append(str(err)))
        if clock:
            self.page.clock.install()  # time flows, and the test can move it on
        self.version = version
        self.learner = learner
        query = urllib.parse.urlencode({"v": version, "learner": learner, **options})
        self.moodle = moodle
        self.base = moodle.base
        self.page.goto(f"{self.base}/{player}/player.php?{query}", wait_until="load")
        self.page.wait_for_function(
            """() => { const s = document.querySelector('#scorm_object').contentDocument;
              const c = s && s.querySelector('#course-frame');
              const w = c && c.contentWindow;
              return w && w.location.href.endsWith('.html') && w.document.readyState === 'complete'
                && (!w.COURSE_DATA || (w.CourseAnswers && w.CourseAnswers.page)); }"""
        )

    @property
    def sco(self):
        return self.page.frame_locator("#scorm_object")

    @property
    def course(self):
        """The course website's frame inside the launch page."""
        return self.sco.frame_locator("#course-frame")

    def sco_frame(self):
        return self.page.query_selector("#scorm_object").content_frame()

    def course_frame(self):
        return self.sco_frame().query_selector("#course-frame").content_frame()

    def open(self, path: str) -> None:
        """Follow a link to one of the package's pages inside the course frame."""
        frame = self.course_frame()
        frame.goto(f"{self.base}/pkg/{self.version}/{path}")
        frame.wait_for_function("() => window.CourseAnswers && window.CourseAnswers.page")

    def answer(self, selector: str, text: str) -> None:
        field = self.course.locator(selector)
        field.fill(text)
        field.blur()

    def notes(self) -> str:
        return self.sco.locator("#course-scorm-message").inner_text()

    def browser_answers(self) -> dict:
        """The answers this browser keeps for the course frame (through its Store API)."""
        return self.course_frame().evaluate("() => CourseAnswers.page.store.answers()")

    def commit(self) -> object:
        return self.sco_frame().evaluate("() => CourseScorm.commit()")

    def log(self) -> list[dict]:
        return self.page.evaluate("() => window.playerLog")

    def leave(self, wait: bool = True) -> None:
        """The learner leaves the activity (the player page goes away: pagehide); waits for
        the closing call to reach the platform."""
        before = len(self.moodle.closing(self.version, self.learner))
        self.page.goto(f"{self.base}/moodle/course.php")
        if wait:
            self.moodle.wait_for(
                lambda: len(self.moodle.closing(self.version, self.learner)) > before
            )
        self.done()

    def crash(self) -> None:
        """The tab dies without a word: nothing more reaches the platform (no closing call).
        (Chromium's own Page.crash leaves the test's connection waiting for ever.)"""
        self.page.evaluate("() => { window.PLAYER.dead = true; }")
        self.done()

    def done(self) -> None:
        if self.own_context:
            self.context.close()
            assert self.guard.blocked == [], self.guard.blocked
        else:
            self.page.close()

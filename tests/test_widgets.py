"""Widgets driven headless: set .value, call .click(), and look in the workbook file."""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
import socket
from pathlib import Path

import ipywidgets as W
import pytest

from exercises.catalogue import load_catalogue
from exercises.widgets import Exercise, Session, WorkbookPanel
from exercises.workbook import FORMAT, Workbook
from tests.test_catalogue import HEAD, write_module


@pytest.fixture
def demo(tmp_path: Path):
    """A catalogue with one prompt of every kind, and a session on a temp workbook."""
    folder = tmp_path / "prompts"
    folder.mkdir()
    write_module(
        folder,
        HEAD
        + """\
  - {id: demo.text, kind: text, title: Story, question: "What happened?", hint: Be brief}
  - {id: demo.one, kind: rating, title: One, question: "How sure?", scale: confidence}
  - id: demo.grid
    kind: rating
    title: Grid
    question: Rate each.
    scale: extent
    items: [{id: a, label: Alpha}, {id: b, label: Beta}]
  - {id: demo.pick, kind: choice, title: Pick, question: "Which?",
     options: [{id: a, label: Apple}, {id: b, label: Banana}]}
  - {id: demo.tick, kind: checklist, title: Tick, question: "Which ones?",
     options: [{id: a, label: Apple}, {id: b, label: Banana}, {id: c, label: Cherry}]}
  - id: demo.quiz
    kind: quiz
    title: Quiz
    question: Which is right?
    options:
      - {id: a, label: Right one, correct: true, feedback: Well reasoned}
      - {id: b, label: Wrong one, feedback: Think again about pull}
  - id: demo.where
    kind: position
    title: Where
    question: Place it.
    x: {label: Innovation, low: Simple, high: Complex}
    y: {label: Situation, low: Simple, high: Complex}
    quadrants: [Plain sailing, Tricky tool, Tricky place, Convene]
  - id: demo.people
    kind: list
    title: People
    question: Who?
    add_label: Add a person
    fields:
      - {id: name, label: Name}
      - {id: role, label: Role, kind: choice, options: [Broker, Energiser]}
  - {id: demo.plan, kind: actions, title: Plan, question: "What next?"}
""",
    )
    catalogue = load_catalogue(folder)
    workbook = Workbook(tmp_path / "wb" / "workbook.json", checker=catalogue.check)
    return Session(workbook, catalogue)


def saved(session: Session) -> dict:
    return {
        k: v["value"] for k, v in json.loads(session.workbook.path.read_text())["answers"].items()
    }


def status(view: Exercise) -> str:
    return re.sub("<[^>]+>", "", view.status.value)


def walk(widget: W.Widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def test_text_saves_as_you_type_and_says_when(demo: Session) -> None:
    """Typing saves at once, and the status line says it was saved."""
    view = demo.show("demo.text")
    assert "Not answered yet" in status(view)
    view.control.box.value = "We lost our champion"
    assert saved(demo) == {"demo.text": "We lost our champion"}
    assert re.search(r"Saved at \d\d:\d\d:\d\d\.", status(view))
    assert "Hint: Be brief" in view.children[0].value


def test_every_kind_saves_the_shape_the_model_expects(demo: Session) -> None:
    """Each control's changes arrive in the workbook as valid values."""
    demo.show("demo.one").control.rows[""].value = 4
    grid = demo.show("demo.grid")
    grid.control.rows["b"].value = 2
    grid.control.rows["a"].value = 5
    demo.show("demo.pick").control.radios.value = "b"
    tick = demo.show("demo.tick")
    tick.control.boxes["c"].value = True
    tick.control.boxes["a"].value = True
    where = demo.show("demo.where")
    where.control.axes["x"].value = 4
    assert "demo.where" not in saved(demo)  # half a position is not saved yet
    where.control.axes["y"].value = 2
    assert saved(demo) == {
        "demo.one": 4,
        "demo.grid": {"a": 5, "b": 2},
        "demo.pick": "b",
        "demo.tick": ["a", "c"],
        "demo.where": {"x": 4, "y": 2},
    }


def test_saved_answers_show_again_in_a_new_session(demo: Session) -> None:
    """A restarted kernel (a new session on the same file) shows every saved answer."""
    demo.show("demo.text").control.box.value = "Kept"
    demo.show("demo.grid").control.rows["a"].value = 3
    demo.show("demo.tick").control.boxes["b"].value = True
    where = demo.show("demo.where")
    where.control.axes["x"].value = 1
    where.control.axes["y"].value = 5
    plan = demo.show("demo.plan")
    plan.control.rows[0].inputs["what"].value = "Book a huddle"
    plan.control.rows[0].inputs["when"].value = dt.date(2027, 1, 15)

    again = Session(Workbook(demo.workbook.path, checker=demo.catalogue.check), demo.catalogue)
    text = again.show("demo.text")
    assert text.control.box.value == "Kept"
    assert "Saved earlier, on" in status(text)
    assert again.show("demo.grid").control.get() == {"a": 3}
    assert again.show("demo.tick").control.get() == ["b"]
    where = again.show("demo.where")
    assert where.control.get() == {"x": 1, "y": 5}
    assert "Tricky place" in where.chart.value
    assert again.show("demo.plan").control.rows[0].inputs["when"].value == dt.date(2027, 1, 15)


def test_showing_an_answer_does_not_save_it_again(demo: Session) -> None:
    """Loading a saved value into a control is not a change: the file is not rewritten."""
    demo.show("demo.text").control.box.value = "Once"
    before = demo.workbook.path.stat().st_mtime_ns
    demo.show("demo.text")
    assert demo.workbook.path.stat().st_mtime_ns == before


def test_quiz_feedback_for_each_option(demo: Session) -> None:
    """Check gives the chosen option's feedback in words; the choice is saved."""
    view = demo.show("demo.quiz")
    view.control.check_button.click()
    assert "Choose an answer first" in view.control.feedback.value
    view.control.radios.value = "b"
    view.control.check_button.click()
    feedback = view.control.feedback.value
    assert "Not the best answer." in feedback and "Think again about pull" in feedback
    view.control.radios.value = "a"
    view.control.check_button.click()
    assert (
        "Correct." in view.control.feedback.value and "Well reasoned" in view.control.feedback.value
    )
    assert saved(demo)["demo.quiz"] == "a"
    every = next(c.value for c in view.children if "<details>" in getattr(c, "value", ""))
    assert "<details>" in every and "Well reasoned" in every and "Think again" in every


def test_list_rows_can_be_added_and_removed(demo: Session) -> None:
    """Add and remove rows; only rows with something in them are saved."""
    view = demo.show("demo.people")
    assert len(view.control.rows) == 1
    view.control.rows[0].inputs["name"].value = "Priya"
    view.control.rows[0].inputs["role"].value = "Broker"
    view.control.add.click()
    assert len(view.control.rows) == 2
    assert view.control.rows[0].inputs["name"].value == "Priya"
    view.control.rows[1].inputs["name"].value = "Tom"
    assert saved(demo)["demo.people"] == [
        {"name": "Priya", "role": "Broker"},
        {"name": "Tom", "role": ""},
    ]
    view.control.rows[0].remove.click()
    assert saved(demo)["demo.people"] == [{"name": "Tom", "role": ""}]
    view.control.rows[0].remove.click()
    assert len(view.control.rows) == 1 and saved(demo)["demo.people"] == []


def test_every_control_has_a_visible_label(demo: Session) -> None:
    """Every input widget carries a description (its visible label)."""
    inputs = (W.Textarea, W.Text, W.RadioButtons, W.Checkbox, W.Dropdown, W.DatePicker)
    for pid in demo.catalogue.prompts:
        found = [w for w in walk(demo.show(pid)) if isinstance(w, inputs)]
        assert found, pid
        for widget in found:
            assert widget.description.strip(), f"{pid}: {type(widget).__name__} has no label"
    buttons = [
        w for pid in demo.catalogue.prompts for w in walk(demo.show(pid)) if isinstance(w, W.Button)
    ]
    assert len(buttons) > len(demo.catalogue.prompts)  # add and remove rows, check, keep mine
    assert all(button.description.strip() for button in buttons)


def test_static_note_and_live_parts_are_marked(demo: Session) -> None:
    """The website shows a note instead of the kernel-only parts (status, check button)."""
    view = demo.show("demo.quiz")
    assert "course-live-only" in view.status._dom_classes
    assert "course-live-only" in view.control.check_button._dom_classes
    note = view.children[-1].value
    assert "course-static-only" in note and "not kept" in note


def test_a_partly_damaged_workbook_keeps_its_readable_answers_on_screen(demo: Session) -> None:
    """One answer with a bad time: the others still show, in the exercises and the plan,
    and the learner is told by question title which answer could not be read."""
    path = demo.workbook.path
    path.parent.mkdir(parents=True)
    good = {"value": "We lost our champion", "saved_at": "2026-11-20T09:00:00+00:00"}
    bad = {"value": 3, "saved_at": "yesterday"}
    path.write_text(
        json.dumps(
            {"format": FORMAT, "version": 1, "answers": {"demo.text": good, "demo.one": bad}}
        )
    )
    view = demo.show("demo.text")
    assert view.control.get() == "We lost our champion"
    assert "Important:" in status(view) and "“One (demo.one)” has no valid time" in status(view)
    assert "in progress (1 of" in demo.show_plan().body.value  # the record counts it
    assert saved(demo) == {"demo.text": "We lost our champion"}


def test_a_damaged_workbook_is_reported_in_the_exercise(demo: Session) -> None:
    """The learner is told in plain words, and the next answer saves to a fresh workbook."""
    path = demo.workbook.path
    path.parent.mkdir(parents=True)
    path.write_text("{ this is not a workbook")
    view = demo.show("demo.text")
    assert "Important:" in status(view) and "could not be read" in status(view)
    view.control.box.value = "Fresh start"
    assert saved(demo) == {"demo.text": "Fresh start"}
    assert len(list(path.parent.glob("workbook.damaged-*"))) == 1


def test_a_save_that_cannot_be_written_says_so(demo: Session, monkeypatch) -> None:
    """A disk error becomes a plain status line; the typed text stays on screen."""
    view = demo.show("demo.text")

    def broken(*_a, **_k):
        raise OSError("disk full")

    monkeypatch.setattr(demo.workbook, "_write_locked", broken)
    view.control.box.value = "Important thought"
    assert "Problem:" in status(view) and "disk full" in status(view)
    assert view.control.box.value == "Important thought"


def test_show_module_shows_every_prompt_in_order(demo: Session) -> None:
    """show_module gives one exercise per prompt of the module, in file order."""
    box = demo.show_module("demo")
    assert [v.prompt.id for v in box.children] == list(demo.catalogue.prompts)


def decode_links(html: str) -> dict[str, bytes]:
    return {
        name: base64.b64decode(data)
        for name, data in re.findall(r'download="([^"]+)" href="data:[^;]+;base64,([^"]+)"', html)
    }


def test_panel_downloads_the_workbook_and_a_readable_plan(demo: Session) -> None:
    """Prepare gives a JSON workbook and an HTML and Markdown plan, with text escaped."""
    demo.show("demo.text").control.box.value = "<script>alert(1)</script> & more"
    panel = demo.show_workbook()
    assert str(demo.workbook.path) in panel.where.value and "1 answer" in panel.where.value
    panel.prepare.click()
    files = decode_links(panel.downloads.value)
    day = dt.date.today().isoformat()
    assert set(files) == {f"workbook-{day}.json", f"my-answers-{day}.html", f"my-answers-{day}.md"}
    assert json.loads(files[f"workbook-{day}.json"])["format"] == FORMAT
    page = files[f"my-answers-{day}.html"].decode()
    assert "&lt;script&gt;" in page and "<script>alert" not in page
    assert "<script>alert(1)</script> &amp; more" not in page
    assert "Not answered yet" in page
    assert "Story" in files[f"my-answers-{day}.md"].decode()


def upload(panel: WorkbookPanel, data: bytes, name: str = "workbook.json") -> None:
    panel.upload.value = (
        {
            "name": name,
            "type": "application/json",
            "size": len(data),
            "content": memoryview(data),
            "last_modified": dt.datetime.now(dt.UTC),
        },
    )


def test_panel_import_previews_then_applies_and_refreshes(demo: Session) -> None:
    """Upload shows what will change; confirm imports; exercises on screen update."""
    text = demo.show("demo.text")
    text.control.box.value = "old answer"
    incoming = {
        "format": FORMAT,
        "version": 1,
        "answers": {
            "demo.text": {
                "value": "from last week",
                "saved_at": dt.datetime.now(dt.UTC).isoformat(),
            },
            "demo.pick": {"value": "a", "saved_at": "2020-01-01T00:00:00+00:00"},
        },
    }
    panel = demo.show_workbook()
    upload(panel, json.dumps(incoming).encode())
    assert "1 answer will be added; 1 answer will be replaced" in panel.message.value
    assert saved(demo) == {"demo.text": "old answer"}  # nothing yet
    assert not panel.confirm.disabled
    panel.confirm.click()
    assert saved(demo) == {"demo.text": "from last week", "demo.pick": "a"}
    assert text.control.box.value == "from last week"
    assert "Imported: 2 answers" in panel.message.value
    assert panel.confirm.disabled and panel.upload.value == ()


def test_panel_import_can_be_cancelled(demo: Session) -> None:
    """Cancel forgets the upload and changes nothing."""
    panel = demo.show_workbook()
    good = {"format": FORMAT, "version": 1, "answers": {}}
    upload(panel, json.dumps(good).encode())
    panel.cancel.click()
    assert "Nothing changed" in panel.message.value
    panel.confirm.click()
    assert not demo.workbook.path.exists()


def test_panel_rejects_a_bad_upload_in_words(demo: Session) -> None:
    """A wrong file gets a clear message, the import button stays off, nothing changes."""
    demo.show("demo.text").control.box.value = "precious"
    before = demo.workbook.path.read_bytes()
    panel = demo.show_workbook()
    upload(panel, b"\x00\x01 not a workbook", "photo.jpg")
    assert "Problem:" in panel.message.value and "Nothing changed" in panel.message.value
    assert panel.confirm.disabled
    assert demo.workbook.path.read_bytes() == before


def test_exercises_make_no_network_calls(demo: Session, monkeypatch) -> None:
    """Using every exercise and the panel opens no network connection."""

    def refuse(*_a, **_k):
        raise AssertionError("an exercise tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    for pid in demo.catalogue.prompts:
        demo.show(pid)
    demo.show("demo.text").control.box.value = "offline"
    demo.show("demo.people").control.rows[0].inputs["name"].value = "Sam"
    demo.show_workbook().prepare.click()
    assert saved(demo)["demo.text"] == "offline"


def test_course_module_shows_and_saves(tmp_path: Path, catalogue) -> None:
    """The real module 1 exercises build and save through the public API."""
    session = Session(Workbook(tmp_path / "w.json", checker=catalogue.check), catalogue)
    box = session.show_module("mindset")
    assert len(box.children) == len(catalogue.module("mindset").prompts)
    session.show("mindset.my-innovation").control.box.value = "Digital weight management"
    assert session.workbook.get("mindset.my-innovation").value == "Digital weight management"


def test_public_api_uses_the_env_workbook(tmp_path: Path, monkeypatch) -> None:
    """exercises.show saves to $COURSE_WORKBOOK (read when first used)."""
    import exercises
    from exercises.widgets import api as session_module

    monkeypatch.setattr(session_module, "_session", None)
    target = tmp_path / "api" / "workbook.json"
    monkeypatch.setenv("COURSE_WORKBOOK", str(target))
    exercises.show("mindset.push-or-pull").control.radios.value = "mixed"
    assert json.loads(target.read_text())["answers"]["mindset.push-or-pull"]["value"] == "mixed"
    assert isinstance(exercises.show_workbook(), WorkbookPanel)
    assert len(exercises.show_module("mindset").children) >= 2


# --- issue 10: no answer is ever lost ----------------------------------------------


class ManualClock:
    """Stands in for the kernel's event loop: saves put off for a pause run on .run()."""

    class Handle:
        def __init__(self, delay: float, action) -> None:
            self.delay, self.action, self.cancelled = delay, action, False

        def cancel(self) -> None:
            self.cancelled = True

    def __init__(self) -> None:
        self.handles: list[ManualClock.Handle] = []

    def __call__(self, delay: float, action):
        handle = self.Handle(delay, action)
        self.handles.append(handle)
        return handle

    @property
    def waiting(self) -> list[ManualClock.Handle]:
        return [h for h in self.handles if not h.cancelled]

    def run(self) -> None:
        for handle in self.waiting:
            handle.cancelled = True
            handle.action()


@pytest.fixture
def clock(monkeypatch) -> ManualClock:
    fake = ManualClock()
    monkeypatch.setattr(Exercise, "scheduler", fake)
    return fake


def write_workbook(session: Session, answers: dict, version: int = 1) -> bytes:
    data = json.dumps(
        {
            "format": FORMAT,
            "version": version,
            "answers": {
                pid: {"value": v, "saved_at": "2025-03-04T10:00:00+00:00"}
                for pid, v in answers.items()
            },
        }
    ).encode()
    session.workbook.path.parent.mkdir(parents=True, exist_ok=True)
    session.workbook.path.write_bytes(data)
    return data


def test_a_newer_workbook_is_reported_and_typing_saves_nothing(demo: Session) -> None:
    """The learner is told to update the course; the newer file is never touched."""
    data = write_workbook(demo, {"demo.text": "from the new course"}, version=2)
    view = demo.show("demo.text")
    assert "newer version of the course" in status(view) and "Update the course" in status(view)
    view.control.box.value = "typed in an old kernel"
    assert "Problem:" in status(view) and "still on screen" in status(view)
    assert demo.workbook.path.read_bytes() == data
    assert not list(demo.workbook.path.parent.glob("*.damaged-*"))


def test_the_damage_notice_names_the_frozen_last_good_copy(demo: Session) -> None:
    """The exercise names the copy that holds the answers from before the damage."""
    view = demo.show("demo.text")
    view.control.box.value = "weeks of reflection"
    path = demo.workbook.path
    path.write_bytes(path.read_bytes()[:30])
    view.control.box.value = "after the damage"
    (frozen,) = path.parent.glob("workbook.last-good-*.json")
    assert frozen.name in status(view) and "weeks of reflection" in frozen.read_text()


STALE = {
    "demo.text": 42,
    "demo.one": 9,
    "demo.grid": {"a": 3, "gone": 2},
    "demo.pick": "cherry",
    "demo.tick": ["a", "zzz"],
    "demo.quiz": "c",
    "demo.where": {"x": 9, "y": 1},
    "demo.people": [{"name": "Priya", "role": "Juggler"}],
    "demo.plan": [{"what": "Huddle", "who": "", "when": "next week"}],
}
"""An answer of every kind, each given to an earlier version of its question."""

STALE_WORDS = {
    "demo.text": "42",
    "demo.one": "9",
    "demo.grid": "a: 3, gone: 2",
    "demo.pick": "cherry",
    "demo.tick": "a, zzz",
    "demo.quiz": "c",
    "demo.where": "x: 9, y: 1",
    "demo.people": "name: Priya, role: Juggler",
    "demo.plan": "what: Huddle, who: (empty), when: next week",
}


def test_answers_to_an_earlier_version_are_shown_never_an_error(demo: Session) -> None:
    """Every kind: the exercise shows the old answer in words; the file is unchanged."""
    data = write_workbook(demo, STALE)
    for pid, words in STALE_WORDS.items():
        view = demo.show(pid)
        shown = re.sub("<[^>]+>", " ", view.earlier.value)
        assert "Given to an earlier version of this question" in shown, pid
        assert words in html_text(shown), (pid, shown)
        assert "earlier version" in status(view)
    assert demo.workbook.path.read_bytes() == data
    text = demo.show("demo.text")
    text.control.box.value = "a new answer"
    assert saved(demo)["demo.text"] == "a new answer"
    assert saved(demo)["demo.one"] == 9  # the others stay as they were


def html_text(markup: str) -> str:
    import html

    return " ".join(html.unescape(markup).split())


def test_downloads_hold_answers_to_earlier_versions(demo: Session) -> None:
    """The workbook download keeps them unchanged; the readable copy shows them in words."""
    write_workbook(demo, STALE)
    panel = demo.show_workbook()
    panel.prepare.click()
    files = decode_links(panel.downloads.value)
    assert len(files) == 3, panel.downloads.value
    day = dt.date.today().isoformat()
    kept = json.loads(files[f"workbook-{day}.json"])["answers"]
    assert {pid: e["value"] for pid, e in kept.items()} == STALE
    page = html_text(files[f"my-answers-{day}.md"].decode())
    assert page.count("Given to an earlier version of this question") == len(STALE)
    assert "name: Priya, role: Juggler" in page


def test_the_workbook_download_never_depends_on_the_documents(demo: Session, monkeypatch) -> None:
    """If the readable copy cannot be made, the JSON workbook is still offered."""
    from exercises.widgets import panel as panel_module

    demo.show("demo.text").control.box.value = "precious"

    def broken(*_a, **_k):
        raise AttributeError("a document bug")

    monkeypatch.setattr(panel_module, "answers_doc", broken)
    panel = demo.show_workbook()
    panel.prepare.click()
    files = decode_links(panel.downloads.value)
    (name,) = files
    assert name.startswith("workbook-") and b"precious" in files[name]
    assert "readable copy of your answers could not be made" in panel.downloads.value


def test_panel_import_lists_each_question_and_holds_back_future_times(demo: Session) -> None:
    """The preview names each question with both times; a fast clock needs a tick to win."""
    demo.show("demo.text").control.box.value = "typed today"
    incoming = {
        "format": FORMAT,
        "version": 1,
        "answers": {
            "demo.text": {"value": "from a fast clock", "saved_at": "2999-01-01T09:00:00+00:00"},
            "demo.pick": {"value": "a", "saved_at": "2025-03-04T10:00:00+00:00"},
        },
    }
    panel = demo.show_workbook()
    upload(panel, json.dumps(incoming).encode())
    said = html_text(re.sub("<[^>]+>", " ", panel.message.value))
    assert "Pick (Module 1, Demo): the file's answer (saved 4 Mar 2025 at" in said
    assert "Story (Module 1, Demo): yours (saved" in said and "1 Jan 2999" in said
    assert "clock set wrong" in said
    assert panel.take_future.layout.display != "none"
    panel.confirm.click()
    assert saved(demo) == {"demo.text": "typed today", "demo.pick": "a"}
    upload(panel, json.dumps(incoming).encode())
    panel.take_future.value = True
    assert "will replace yours" in html_text(panel.message.value)
    panel.confirm.click()
    assert saved(demo)["demo.text"] == "from a fast clock"
    assert not panel.take_future.value and panel.take_future.layout.display == "none"


def test_two_tabs_never_overwrite_a_newer_answer(demo: Session) -> None:
    """JupyterLab beside the form view: the second tab's keystroke keeps the newer answer,
    tells the learner, and offers to keep theirs."""
    lab = demo.show("demo.text")
    form = Session(Workbook(demo.workbook.path, checker=demo.catalogue.check), demo.catalogue)
    voila = form.show("demo.text")
    voila.control.box.value = "typed in the form view"
    lab.control.box.value = "typed in JupyterLab"
    assert saved(demo)["demo.text"] == "typed in the form view"
    assert "newer answer to this question was saved" in status(lab)
    assert lab.choices.layout.display != "none"
    lab.keep_mine.click()
    assert saved(demo)["demo.text"] == "typed in JupyterLab"
    assert "Saved at" in status(lab) and lab.choices.layout.display == "none"
    voila.control.box.value = "typed in the form view again"
    assert saved(demo)["demo.text"] == "typed in JupyterLab"
    voila.show_newer.click()
    assert voila.control.box.value == "typed in JupyterLab"


def test_an_import_in_one_kernel_is_not_overwritten_by_another(demo: Session) -> None:
    """Another kernel imports; this tab's next keystroke does not undo the import."""
    here = demo.show("demo.text")
    here.control.box.value = "old answer"
    there = Session(Workbook(demo.workbook.path, checker=demo.catalogue.check), demo.catalogue)
    incoming = {
        "format": FORMAT,
        "version": 1,
        "answers": {
            "demo.text": {
                "value": "imported",
                "saved_at": dt.datetime.now(dt.UTC).isoformat(),
            }
        },
    }
    panel = there.show_workbook()
    upload(panel, json.dumps(incoming).encode())
    panel.confirm.click()
    here.control.box.value = "old answer, one more word"
    assert saved(demo)["demo.text"] == "imported"
    assert "newer answer" in status(here)


def test_text_saves_after_a_pause_not_on_every_keystroke(demo: Session, clock) -> None:
    """Typing waits half a second after the last key; one save holds the final text."""
    view = demo.show("demo.text")
    for text in ("W", "We", "We lost", "We lost our champion"):
        view.control.box.value = text
    assert not demo.workbook.path.exists()
    assert len(clock.waiting) == 1 and clock.waiting[0].delay == 0.5
    assert "Saving when you pause typing" in status(view)
    clock.run()
    assert saved(demo) == {"demo.text": "We lost our champion"}
    assert re.search(r"Saved at \d\d:\d\d:\d\d\.", status(view))


def test_list_cells_wait_for_a_pause_and_choices_save_at_once(demo: Session, clock) -> None:
    """A typed cell waits; choosing from a list saves at once, typed text included."""
    view = demo.show("demo.people")
    view.control.rows[0].inputs["name"].value = "Priya"
    assert not demo.workbook.path.exists()
    view.control.rows[0].inputs["role"].value = "Broker"
    assert saved(demo) == {"demo.people": [{"name": "Priya", "role": "Broker"}]}
    assert clock.waiting == []


def test_typing_is_never_lost_when_the_exercise_closes_or_is_read(demo: Session, clock) -> None:
    """Closing, the workbook panel and the plan save any typing still waiting."""
    view = demo.show("demo.text")
    view.control.box.value = "waiting for a pause"
    view.close()
    assert saved(demo) == {"demo.text": "waiting for a pause"}
    other = demo.show("demo.text")
    other.control.box.value = "typed just before downloading"
    panel = demo.show_workbook()
    panel.prepare.click()
    day = dt.date.today().isoformat()
    assert (
        b"typed just before downloading"
        in decode_links(panel.downloads.value)[f"workbook-{day}.json"]
    )


def test_typing_waits_on_the_kernel_event_loop(demo: Session) -> None:
    """With a running event loop (as in a kernel) the save happens after the pause."""
    import asyncio

    async def typing() -> tuple[bool, dict]:
        view = demo.show("demo.text")
        view.control.box.value = "typed in a kernel"
        before = demo.workbook.path.exists()
        await asyncio.sleep(0.8)
        return before, saved(demo)

    before, after = asyncio.run(typing())
    assert not before and after == {"demo.text": "typed in a kernel"}


STOPPING = """
import sys
from exercises.catalogue import course_catalogue
from exercises.widgets import Exercise, Session
from exercises.workbook import Workbook

class Never:
    def cancel(self):
        pass

Exercise.scheduler = staticmethod(lambda delay, action: Never())
cat = course_catalogue()
session = Session(Workbook(sys.argv[1], checker=cat.check), cat)
view = session.show("mindset.my-innovation")
view.control.box.value = "typed a moment before the kernel stopped"
"""


def test_typing_is_saved_when_the_kernel_stops(tmp_path: Path) -> None:
    """A kernel that stops before the pause ends still saves what was typed (atexit)."""
    import subprocess
    import sys

    target = tmp_path / "wb" / "workbook.json"
    repo = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", STOPPING, str(target)],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    answer = json.loads(target.read_text())["answers"]["mindset.my-innovation"]
    assert answer["value"] == "typed a moment before the kernel stopped"


def test_one_prompt_shown_twice_in_a_kernel_stays_in_step(demo: Session) -> None:
    """The same notebook in two views of one kernel: a save shows in the other view."""
    first, second = demo.show("demo.text"), demo.show("demo.text")
    first.control.box.value = "typed in the first view"
    assert second.control.box.value == "typed in the first view"
    second.control.box.value = "then in the second"
    assert saved(demo) == {"demo.text": "then in the second"}
    assert first.control.box.value == "then in the second"

"""The share panel and the cohort summary panel, driven headless (.value, .click())."""

from __future__ import annotations

import base64
import re
import socket
from pathlib import Path

import ipywidgets as W
import pytest

from exercises.catalogue import Catalogue
from exercises.cohort.share_file import nickname_path
from exercises.cohort.share_read import read_share
from exercises.widgets import CohortSummaryPanel, Session, SharePanel, WorkbookPanel
from exercises.workbook import Workbook
from tests.cohort.data import FULL, make_catalogue


@pytest.fixture
def cat(tmp_path: Path) -> Catalogue:
    """The small test catalogue."""
    return make_catalogue(tmp_path / "prompts")


@pytest.fixture
def workbook(tmp_path: Path, cat: Catalogue) -> Workbook:
    """A workbook holding an answer to every prompt of the test catalogue."""
    book = Workbook(tmp_path / "wb" / "workbook.json", checker=cat.check)
    for pid, value in FULL.items():
        book.save(pid, value)
    return book


def links(html: str) -> dict[str, bytes]:
    return {
        name: base64.b64decode(data)
        for name, data in re.findall(r'download="([^"]+)" href="data:[^;]+;base64,([^"]+)"', html)
    }


def words(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_a_box_for_each_answered_written_answer(workbook: Workbook, cat: Catalogue) -> None:
    """Text, list and action answers each get a labelled 'Share this answer' box, unticked."""
    panel = SharePanel(workbook, cat)
    assert list(panel.boxes) == [
        "principles.learned",
        "complexity.people",
        "complexity.next",
        "complexity.story",
    ]
    assert panel.boxes["complexity.story"].description == "Share this answer: My story"
    assert not any(box.value for box in panel.boxes.values())


def test_make_waits_for_a_preview_in_plain_words(workbook: Workbook, cat: Catalogue) -> None:
    """The file cannot be made before the learner has seen what it holds."""
    panel = SharePanel(workbook, cat)
    assert panel.make_button.disabled
    panel.cohort.value = "leeds-2027"
    panel.boxes["complexity.story"].value = True
    panel.preview_button.click()
    shown = words(panel.preview_area.value)
    assert "Your share file will hold" in shown and "Cohort code: LEEDS-2027." in shown
    assert "The pilot stalled when the lead left." in shown
    assert "Not shared" in shown and "Spread is social" not in shown
    assert "Show the exact file" in panel.preview_area.value
    assert not panel.make_button.disabled


def test_a_change_after_the_preview_needs_a_new_preview(workbook: Workbook, cat) -> None:
    """Ticking another answer or changing the code turns the make button off again."""
    panel = SharePanel(workbook, cat)
    panel.cohort.value = "A"
    panel.preview_button.click()
    panel.boxes["principles.learned"].value = True
    assert panel.make_button.disabled and "Preview again" in panel.preview_area.value
    panel.make_button.click()  # even if the click gets through, no file is offered
    assert "Preview what you will share first" in panel.result.value
    assert not links(panel.result.value)


def test_a_bad_cohort_code_is_explained(workbook: Workbook, cat: Catalogue) -> None:
    """A wrong code gives a problem line and no file."""
    panel = SharePanel(workbook, cat)
    panel.cohort.value = "my group!"
    panel.preview_button.click()
    assert "Problem:" in panel.preview_area.value and "cohort code" in panel.preview_area.value
    assert panel.make_button.disabled


def test_the_download_is_exactly_the_preview(workbook: Workbook, cat: Catalogue) -> None:
    """The link holds the previewed file; the nickname is remembered for next time."""
    panel = SharePanel(workbook, cat)
    panel.cohort.value = "leeds-2027"
    panel.boxes["complexity.people"].value = True
    panel.preview_button.click()
    exact = re.search(r"<pre[^>]*>(.*)</pre>", panel.preview_area.value, re.S)[1]
    panel.make_button.click()
    files = links(panel.result.value)
    name = f"share-{panel.nickname.value}.json"
    assert list(files) == [name]
    assert files[name].decode() == exact.replace("&quot;", '"').replace("&#x27;", "'")
    doc = read_share(files[name], cat)
    assert doc["shared_text"] == {"complexity.people": FULL["complexity.people"]}
    assert "complexity.story" not in doc["shared_text"]
    assert nickname_path(workbook.path).exists()
    assert SharePanel(workbook, cat).nickname.value == panel.nickname.value


def test_a_new_nickname_can_be_chosen(workbook: Workbook, cat: Catalogue) -> None:
    """The button draws a different nickname; a name typed instead is refused."""
    panel = SharePanel(workbook, cat)
    first = panel.nickname.value
    panel.new_nickname.click()
    assert panel.nickname.value != first
    panel.cohort.value = "A"
    panel.nickname.value = "Jane Smith"
    panel.preview_button.click()
    assert "Problem:" in panel.preview_area.value and "nickname" in panel.preview_area.value


def test_live_parts_are_marked_and_labelled(workbook: Workbook, cat: Catalogue) -> None:
    """Controls are hidden on the website; every input and button has a visible label."""
    panel = SharePanel(workbook, cat)
    assert "course-live-only" in panel.children[0]._dom_classes

    def walk(widget):
        yield widget
        for child in getattr(widget, "children", ()):
            yield from walk(child)

    labelled = [w for w in walk(panel) if isinstance(w, (W.Text, W.Checkbox, W.Button))]
    assert len(labelled) >= 3, "the cohort code, a tick box per written answer, the buttons"
    assert all(widget.description.strip() for widget in labelled)


def test_the_workbook_panel_has_a_share_section(tmp_path: Path, workbook, cat) -> None:
    """show_workbook() carries a titled 'Share with your group' section with the panel."""
    panel = Session(workbook, cat).show_workbook()
    assert isinstance(panel, WorkbookPanel) and isinstance(panel.share, SharePanel)
    titles = [c.value for c in panel.children if isinstance(c, W.HTML)]
    assert any("Share with your group" in t for t in titles)
    assert panel.children.index(panel.share) > 0


def test_panels_make_no_network_calls(workbook: Workbook, cat, monkeypatch) -> None:
    """Sharing and summarising open no network connection."""

    def refuse(*_a, **_k):
        raise AssertionError("tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    share = SharePanel(workbook, cat)
    share.cohort.value = "A"
    share.preview_button.click()
    share.make_button.click()
    summary = CohortSummaryPanel(cat, rehearsal_learners=5)
    summary.prepare.click()
    assert "share-" in share.result.value and summary.downloads.value

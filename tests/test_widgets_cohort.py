"""The facilitator's cohort summary panel, driven headless (.value, .click())."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from exercises.catalogue import Catalogue
from exercises.cohort.share_file import DAMAGED
from exercises.cohort.summary import SET_ASIDE_REASONS
from exercises.widgets import CohortSummaryPanel
from tests.cohort.data import make_catalogue, put, share_bytes
from tests.conftest import REPO
from tests.test_widgets_share import links


@pytest.fixture
def cat(tmp_path: Path) -> Catalogue:
    """The small test catalogue."""
    return make_catalogue(tmp_path / "prompts")


def test_the_cohort_panel_starts_with_a_rehearsal(cat: Catalogue) -> None:
    """By default a made-up cohort is written to a temporary folder and summarised."""
    panel = CohortSummaryPanel(cat, rehearsal_learners=12)
    assert "rehearsal cohort of made-up learners" in panel.output.value
    assert "Summarised 12 learners in cohort REHEARSAL" in panel.status.value
    folder = Path(panel.folder.value)
    assert folder.is_relative_to(tempfile.gettempdir()) and not folder.is_relative_to(REPO)
    assert "<h3>Cohort summary" in panel.output.value and "<h1" not in panel.output.value


def test_the_website_shows_the_rehearsal_summary_as_plain_html(cat: Catalogue) -> None:
    """The page's HTML form carries a note and the summary itself, with no widget needed."""
    panel = CohortSummaryPanel(cat, rehearsal_learners=6)
    bundle = panel._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    page = bundle["text/html"]
    assert "made-up rehearsal cohort" in page and "Cohort summary: REHEARSAL" in page
    assert '<div class="cohort-summary">' in page and "<script" not in page
    assert all("course-live-only" in panel.children[i]._dom_classes for i in (1, 2))


def test_the_cohort_panel_summarises_a_chosen_folder(tmp_path: Path, cat: Catalogue) -> None:
    """Type a folder, set the minimum count, click: the summary and three downloads."""
    folder = tmp_path / "week-2"
    for n in range(5):
        put(folder, f"s{n}.json", share_bytes(cat, f"calm-heron-{1000 + n}"))
    put(folder, "broken.json", b"{")
    panel = CohortSummaryPanel(cat, rehearsal=False)
    assert panel.output.value == "" and panel.prepare.disabled
    panel.folder.value = str(folder)
    panel.min_count.value = 6
    panel.run.click()
    assert "Summarised 5 learners in cohort TEST-1; 1 file set aside" in panel.status.value
    assert "any count from 1 to 5" in panel.output.value
    assert SET_ASIDE_REASONS[DAMAGED][0] in panel.output.value
    assert "broken.json" not in panel.output.value and "calm-heron" not in panel.output.value
    panel.prepare.click()
    files = links(panel.downloads.value)
    assert sorted(files) == ["rejected.csv", "summary.csv", "summary.html"]
    assert b"broken.json" in files["rejected.csv"]


def test_the_cohort_panel_explains_problems(tmp_path: Path, cat: Catalogue) -> None:
    """No folder, a missing folder and a folder of bad files each get a plain message."""
    panel = CohortSummaryPanel(cat, rehearsal=False)
    panel.run.click()
    assert "Type the path" in panel.status.value
    panel.folder.value = str(tmp_path / "nope")
    panel.run.click()
    assert "There is no folder" in panel.status.value
    put(tmp_path / "bad", "x.json", b"[]")
    panel.folder.value = str(tmp_path / "bad")
    panel.run.click()
    assert "No share file in that folder could be used" in panel.status.value
    assert panel.prepare.disabled


def test_rehearsal_with_damaged_files(cat: Catalogue) -> None:
    """Ticking the box adds damaged files, which are listed as set aside."""
    panel = CohortSummaryPanel(cat, rehearsal=False)
    panel.learners.value = 6
    panel.damaged.value = True
    panel.rehearse.click()
    folder = Path(panel.folder.value)
    assert len(list(folder.iterdir())) > 6
    shown = panel.output.value
    assert "Files set aside, by reason" in shown and SET_ASIDE_REASONS[DAMAGED][0] in shown
    names = [p.name for p in folder.iterdir()]
    nicknames = [n.split(".")[0].split("-", 1)[1] for n in names if n.startswith("share-")]
    nicknames = [n.removesuffix("-older") for n in nicknames]
    assert len(nicknames) >= 7 and not [n for n in names + nicknames if n in shown]


def test_show_cohort_summary_is_exported_lazily() -> None:
    """show_cohort_summary is exported like show(); importing exercises loads no widgets."""
    import exercises

    assert "show_cohort_summary" in exercises.__all__
    assert exercises.show_cohort_summary.__module__ == "exercises.widgets.api"
    probe = "import exercises, sys; print('ipywidgets' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO)
    assert out.stdout.strip() == "False", out.stderr


def test_the_first_rehearsal_is_a_typical_small_group(cat: Catalogue) -> None:
    """The page opens on a rehearsal of a typical group (6 to 12), whose completion table
    is shown whole."""
    panel = CohortSummaryPanel(cat)
    assert 6 <= panel.learners.value <= 12
    assert f"Summarised {panel.learners.value} learners" in panel.status.value
    section = panel.output.value.split("Where the group has got to")[1].split("</section>")[0]
    assert "<table>" in section and '"n hidden"' not in section

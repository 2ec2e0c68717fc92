"""The facilitator's handouts, printed from the built site as a facilitator would.

Every handout page named under *Handouts to print* in ``_toc.yml`` must exist in the
built site and print cleanly on A4: no navigation chrome, every heading, table, list and
picture still shown, nothing wider than the paper, and no more sheets than the handout
is meant to take.
"""

from __future__ import annotations

import re

import pytest
import yaml

from tests.browser.conftest import REPO, SITE, sideways_scroll

pytestmark = pytest.mark.browser

A4_WIDTH = 794
"""An A4 page's width in CSS pixels (210 mm at 96 pixels to the inch)."""
CHROME = (
    ".bd-header", ".bd-sidebar-primary", ".bd-sidebar-secondary", ".prev-next-area",
    ".bd-footer", ".header-article", ".search-button__wrapper",
)  # fmt: skip
MOST_SHEETS = {
    "handouts": 2,
    "handout-pre-work": 7,  # one sheet per gap, and one before session 1
    "handout-quadrant": 2,
    "handout-role-cards": 3,
    "handout-plan-review": 2,
    "evaluation": 4,  # the end-of-course form (3: room to write), then the three-month sheet
    "self-assessment": 1,  # one sheet a learner keeps for three sessions
}


def handout_pages() -> list[str]:
    """The handouts index and each handout its table links to, as paths in the site."""
    index = (REPO / "book" / "facilitators" / "handouts.md").read_text(encoding="utf-8")
    linked = re.findall(r"^\| \[[^]]+\]\(([a-z-]+)\.md\)", index, re.M)
    return [f"book/facilitators/{name}" for name in ("handouts", *linked)]


def test_every_handout_is_in_the_table_of_contents() -> None:
    """Each handout is a page of the book, under Facilitators."""
    toc = yaml.safe_load((REPO / "_toc.yml").read_text())
    part = next(p for p in toc["parts"] if p["caption"] == "Facilitators")
    listed = {chapter["file"] for chapter in part["chapters"]}
    assert set(handout_pages()) <= listed


def sheets(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def test_every_handout_is_listed_with_a_page_limit() -> None:
    """A new handout gets a limit here, so its print check cannot be skipped."""
    assert sorted(p.split("/")[-1] for p in handout_pages()) == sorted(MOST_SHEETS)


@pytest.mark.parametrize("path", handout_pages(), ids=lambda p: p.split("/")[-1])
def test_handout_exists_and_prints_cleanly(browser, site: str, path: str) -> None:
    """Printed on A4, the handout shows its content and nothing else, and fits its sheets."""
    assert (SITE / f"{path}.html").exists(), f"{path} is not in the built site"
    context = browser.new_context(viewport={"width": A4_WIDTH, "height": 1123})
    page = context.new_page()
    response = page.goto(f"{site}/{path}.html", wait_until="networkidle")
    assert response and response.ok
    page.emulate_media(media="print")
    shown_chrome = [c for c in CHROME if page.locator(c).first.is_visible()]
    hidden = page.evaluate(
        """() => [...document.querySelectorAll(
                'article :is(h2, h3, table, ul, img, .admonition)')]
            .filter(e => e.getClientRects().length === 0).map(e => e.textContent.slice(0, 40))"""
    )
    broken = page.evaluate(
        "() => [...document.querySelectorAll('article img')]"
        ".filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)"
    )
    overflow, wide = sideways_scroll(page)
    # the theme prints the page title once, in its print header, instead of the h1
    title = page.locator("article h1").first.text_content().rstrip("#").strip()
    printed_title = page.locator("#jb-print-docs-body h1")
    title_printed = printed_title.is_visible() and printed_title.inner_text().strip() == title
    pdf = page.pdf(format="A4", print_background=False)
    context.close()
    assert shown_chrome == [], f"{path} prints the site's {shown_chrome}"
    assert hidden == [], f"{path} hides {hidden} in print"
    assert broken == [], f"{path} prints without its pictures: {broken}"
    assert overflow <= 0, f"{path} is wider than A4 by {overflow}px: {wide}"
    assert title and title_printed, f"{path} does not print its title {title!r}"
    assert pdf.startswith(b"%PDF")
    name = path.split("/")[-1]
    assert 1 <= sheets(pdf) <= MOST_SHEETS[name], f"{name} prints on {sheets(pdf)} sheets"

"""What a page's body holds, read with an HTML parser (BeautifulSoup), and the few edits
the site makes to it.

* the classes it uses (so the page loads only the optional files it needs);
* a description for search results and link previews (``<meta name="description">``);
* the first exercise, which gets an id for the "Skip to the first exercise" link;
* ``<style>`` elements, which HTML allows only in the page head: they move there.

Edits are made at the exact places the parser found, so the rest of the body is left
byte for byte as Sphinx wrote it.
"""

from __future__ import annotations

import dataclasses
import re

from bs4 import BeautifulSoup, Tag

FIRST_EXERCISE_ID = "course-first-exercise"
"""The id the first exercise of a page gets (the skip link's target)."""

EXERCISE = "course-static-form"
"""Class of an exercise on the website (exercises/static_form.py)."""

DESCRIPTION_LENGTH = 160
"""Longest description, in characters (search engines show about this much)."""

NOT_DESCRIPTIONS = (
    ".admonition, .course-exercise, aside, nav, li, figure, table, dl, blockquote, "
    "[hidden], .course-live-only, .course-no-script, .cell_output"
)
"""Where a page's opening paragraph is never taken from (boxes, lists, exercises)."""


@dataclasses.dataclass
class PageBody:
    """A page body as the parser read it."""

    html: str
    soup: BeautifulSoup

    @classmethod
    def read(cls, html: str) -> PageBody:
        """Parse ``html`` (the body Sphinx made for a page)."""
        return cls(html, BeautifulSoup(html, "html.parser"))

    def classes(self) -> set[str]:
        """Every class any element of the body carries."""
        found: set[str] = set()
        for tag in self.soup.find_all(class_=True):
            found.update(tag.get_attribute_list("class"))
        return found

    def description(self) -> str:
        """The page's opening paragraph, shortened to a description."""
        for paragraph in self.soup.find_all("p"):
            if _excluded(paragraph) or paragraph.find_parent(_excluded) is not None:
                continue
            text = " ".join(paragraph.get_text().split())
            if len(text) >= 60 and not text.endswith(":"):
                return shorten(text, DESCRIPTION_LENGTH)
        return ""

    def first_exercise(self) -> Tag | None:
        """The first exercise on the page, if there is one."""
        found = self.soup.find(class_=EXERCISE)
        return found if isinstance(found, Tag) else None

    def _offset(self, tag: Tag) -> int:
        """Where ``tag``'s start tag begins in the body text."""
        line, column = tag.sourceline, tag.sourcepos
        if line is None or column is None:
            raise ValueError(f"the parser gave no position for <{tag.name}>")
        starts = [0, *(m.end() for m in re.finditer("\n", self.html))]
        return starts[line - 1] + column

    def mark_first_exercise(self) -> str | None:
        """Give the first exercise the skip link's id (and make it focusable by the link
        only); return its id, or None when the page has no exercise. The last edit of a
        body: ``soup`` still holds the text as it was before."""
        tag = self.first_exercise()
        if tag is None:
            return None
        if tag.get("id"):
            return str(tag["id"])
        at = self._offset(tag) + len(f"<{tag.name}")
        self.html = f'{self.html[:at]} id="{FIRST_EXERCISE_ID}" tabindex="-1"{self.html[at:]}'
        return FIRST_EXERCISE_ID

    def take_styles(self) -> list[str]:
        """Remove the body's ``<style>`` elements; return them as they were written."""
        styles = self.soup.find_all("style")
        if not styles:
            return []
        cuts = []
        lower = self.html.lower()
        for style in styles:
            start = self._offset(style)
            # A style element's text ends at the first "</style" (HTML's raw-text rule).
            close = lower.find("</style", start)
            end = lower.find(">", close) + 1 if close >= 0 else 0
            if close < 0 or end == 0:
                raise ValueError("a <style> element in the page body is not closed")
            cuts.append((start, end))
        taken = [self.html[start:end] for start, end in cuts]
        for start, end in reversed(cuts):
            self.html = self.html[:start] + self.html[end:]
        self.soup = BeautifulSoup(self.html, "html.parser")
        return taken


def _excluded(tag: Tag) -> bool:
    """True for an element a description must not come from (see NOT_DESCRIPTIONS)."""
    return isinstance(tag, Tag) and tag.css.match(NOT_DESCRIPTIONS)


def shorten(text: str, limit: int) -> str:
    """``text`` cut at the last whole word before ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–-")
    return cut + "…"

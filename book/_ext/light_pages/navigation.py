"""The site navigation's show/hide buttons get names, through an HTML parser.

The theme draws each show/hide button of the table of contents as a ``<summary>``
holding only a chevron icon; once the icon is no longer an SVG made by Font Awesome's
script it has no text at all, and axe reports ``summary-name`` (WCAG 4.1.2). Each button
gets a name, for screen readers only, that says whose pages it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bs4 import BeautifulSoup, Tag

HIDDEN_NAME = "Pages under {title}"
"""The name of the button that shows or hides the pages under ``title``."""


def name_toggles(html: str) -> str:
    """The navigation HTML with a hidden name in each show/hide button."""
    soup = BeautifulSoup(html, "html.parser")
    changed = False
    for summary in soup.select("details > summary"):
        if summary.find(class_="toctree-toggle") is None or summary.find(class_="visually-hidden"):
            continue
        details = summary.parent
        link = details.find_previous_sibling("a") if isinstance(details, Tag) else None
        if link is None:
            continue
        name = soup.new_tag("span", attrs={"class": "visually-hidden"})
        name.string = HIDDEN_NAME.format(title=" ".join(link.get_text(" ").split()))
        summary.append(name)
        changed = True
    return str(soup) if changed else html


def named_toggles(generate: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap the theme's ``generate_toctree_html`` so its buttons carry names."""

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        html = generate(*args, **kwargs)
        if not isinstance(html, str):  # kind="raw" asks for the parsed tree: leave it
            return html
        return name_toggles(html)

    return wrapped

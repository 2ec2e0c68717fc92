"""The page at the site's root: a short, complete page that sends the browser on to the
course's home page.

Jupyter Book's table of contents makes ``book/index`` the home page, so the site root
has no page of its own; sphinx-external-toc then writes a one-line redirect there, with
no title, language or icon (so every first visit to the site's address logged a 404 for
``/favicon.ico``). This writes a proper one first, which the extension then leaves alone.
"""

from __future__ import annotations

import posixpath
from html import escape
from pathlib import Path

PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{title}</title>
<meta name="description" content="{title}: go to the course's home page."/>
<link rel="icon" href="{icon}"/>
<link rel="canonical" href="{home}"/>
<meta http-equiv="refresh" content="0; url={home}"/>
</head>
<body>
<p><a href="{home}">Go to the course's home page</a></p>
</body>
</html>
"""


def root_page(title: str, home: str, icon: str, lang: str) -> str:
    """The root page's HTML: ``home`` and ``icon`` are paths from the site root."""
    return PAGE.format(
        title=escape(title), home=escape(home), icon=escape(icon), lang=escape(lang or "en")
    )


def write_root_page(outdir: Path, root_doc: str, title: str, favicon: str, lang: str) -> bool:
    """Write ``index.html`` at the root of a site whose home page is elsewhere; True when
    written (never over a page of the site's own)."""
    target = outdir / "index.html"
    if root_doc == "index" or target.exists():
        return False
    icon = f"_static/{posixpath.basename(favicon)}" if favicon else ""
    target.write_text(root_page(title, f"{root_doc}.html", icon, lang), encoding="utf-8")
    return True

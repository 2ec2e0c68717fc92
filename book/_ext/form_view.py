"""Sphinx extension: the pages a learner reaches in Jupyter and the no-code form view.

Modules open in JupyterLab and in Voila's form view as well as on the website, so their
links have to work in all three. Voila renders notebooks only, which is why the pages
the modules link to (the glossary and *About the Guide and our sources*) are notebooks
too, of Markdown cells. This extension:

* makes MyST's heading anchors the ids that Jupyter gives headings (``heading_id``), so
  ``glossary.ipynb#Systems-convening`` reaches the entry on the website and in the form
  view (JupyterLab opens the glossary, at the top: it draws only the cells in view);
* keeps the launch buttons off those reading pages, which have nothing to run (the
  glossary's one hidden cell only opens it at the linked entry in the form view, see
  ``exercises.go_to_linked_heading``);
* puts "open this module's exercises as a form" links at the top of each module.
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from sphinx.application import Sphinx

FORM_VIEW_PAGES = "book/modules/"
"""Pages (notebooks) that get links to open their exercises as a no-code form."""


def heading_id(title: str) -> str:
    """A heading's anchor as JupyterLab and Voila (nbconvert) make it: spaces become hyphens.

    Used as ``myst_heading_slug_func``. On the website MyST resolves the link to the
    section; in Jupyter the browser finds the heading by this id.
    """
    return title.replace(" ", "-")


READING_PAGES = "book/reference/"
"""Pages with nothing to run: notebooks only so that the form view can show them."""


def drop_launch_buttons(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object
) -> None:
    """Remove the theme's launch menu from the reference pages, which have nothing to run."""
    if pagename.startswith(READING_PAGES):
        buttons = context.get("header_buttons", [])
        buttons[:] = [b for b in buttons if b.get("label") != "launch-buttons"]


def form_view_links(theme_options: dict, notebook: str) -> list[tuple[str, str]]:
    """(label, URL) pairs that open ``notebook`` in Voila on Binder and on the JupyterHub.

    Built from the same settings as the theme's launch buttons (``repository.url``,
    ``repository.branch``, ``launch_buttons`` in ``_config.yml``).
    """
    repo_url = theme_options.get("repository_url", "").rstrip("/")
    branch = theme_options.get("repository_branch", "main")
    launch = theme_options.get("launch_buttons", {}) or {}
    if "github.com/" not in repo_url:
        return []
    org_repo = repo_url.split("github.com/", 1)[1]
    links = []
    if launch.get("binderhub_url"):
        binder = launch["binderhub_url"].rstrip("/")
        links.append(
            ("on Binder", f"{binder}/v2/gh/{org_repo}/{branch}?urlpath=voila/render/{notebook}")
        )
    if launch.get("jupyterhub_url"):
        hub = launch["jupyterhub_url"].rstrip("/")
        name = org_repo.split("/")[-1]
        links.append(
            (
                "on your organisation's JupyterHub",
                f"{hub}/hub/user-redirect/git-pull?repo={quote(repo_url, safe='')}"
                f"&urlpath=voila/render/{name}/{notebook}&branch={branch}",
            )
        )
    return links


def add_form_view_links(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object
) -> None:
    """Put 'do the exercises as a form, with no code' links at the top of each module."""
    if not pagename.startswith(FORM_VIEW_PAGES) or not context.get("body"):
        return
    links = form_view_links(app.config.html_theme_options, f"{pagename}.ipynb")
    if not links:
        return
    items = " or ".join(f'<a href="{escape(url)}">{escape(label)}</a>' for label, url in links)
    box = (
        '<aside class="course-form-view" aria-label="Open the exercises as a form">'
        "<p><strong>Prefer a simple form, with no code?</strong> "
        f"Open this module's exercises as a form {items}. Your answers save to your "
        "workbook, just as they do in JupyterLab.</p></aside>"
    )
    context["body"] = box + context["body"]


def setup(app: Sphinx) -> dict:
    """Register the extension."""
    # After the theme adds its launch menu (priority 501).
    app.connect("html-page-context", drop_launch_buttons, priority=510)
    app.connect("html-page-context", add_form_view_links)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

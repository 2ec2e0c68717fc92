"""Sphinx extension: the routes from the website to Jupyter and the no-code form view.

Modules open in JupyterLab and in Voila's form view as well as on the website, so their
links have to work in all three. Voila renders notebooks only, which is why the pages
the modules link to (the glossary and *About the Guide and our sources*) are notebooks
too, of Markdown cells. This extension:

* makes MyST's heading anchors the ids that Jupyter gives headings (``heading_id``), so
  ``glossary.ipynb#Systems-convening`` reaches the entry on the website and in the form
  view (JupyterLab opens the glossary, at the top: it draws only the cells in view);
* keeps the launch menu off the reading pages, which have nothing to run (the glossary's
  one hidden cell only opens it at the linked entry in the form view, see
  ``exercises.go_to_linked_heading``);
* keeps the website first: the routes to Jupyter are there but second. The launch menu
  (the rocket) names each route ("JupyterLab on Binder", "Form view on Binder"), and each
  module *ends* with a short "Other ways to do this module" note with the same links;
* lets no placeholder JupyterHub reach a learner: with ``launch_buttons.jupyterhub_url``
  empty there is no JupyterHub entry anywhere, and a placeholder address (``example``,
  ``YOUR-ORG``) stops the build with a message saying what to set.
"""

from __future__ import annotations

import dataclasses
from html import escape
from typing import Any
from urllib.parse import quote, urlsplit

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

logger = logging.getLogger(__name__)

FORM_VIEW_PAGES = "book/modules/"
"""Pages (notebooks) whose exercises also open in Jupyter and as a no-code form."""

READING_PAGES = "book/reference/"
"""Pages with nothing to run: notebooks only so that the form view can show them."""

JUPYTER_HELP = ("book/start-here", "do-the-exercises-in-jupyter")
"""The page and section that explain the Jupyter route (linked from the note)."""

PLACEHOLDER_HOSTS = ("example.com", "example.org", "example.net", "example")
"""Domains reserved for examples (RFC 2606): no real hub lives there."""


def heading_id(title: str) -> str:
    """A heading's anchor as JupyterLab and Voila (nbconvert) make it: spaces become hyphens.

    Used as ``myst_heading_slug_func``. On the website MyST resolves the link to the
    section; in Jupyter the browser finds the heading by this id.
    """
    return title.replace(" ", "-")


def is_placeholder(url: str) -> bool:
    """True for an address copied from an example rather than a real hub's."""
    host = (urlsplit(url).hostname or "").lower()
    labels = host.split(".")
    return (
        "your-org" in url.lower()
        or "example" in labels
        or any(host == h or host.endswith(f".{h}") for h in PLACEHOLDER_HOSTS)
    )


def check_hub(app: Sphinx, config: Config) -> None:
    """Drop a placeholder JupyterHub address (with a warning, which fails a ``-W`` build),
    so that no page offers it."""
    launch = config.html_theme_options.get("launch_buttons") or {}
    hub = str(launch.get("jupyterhub_url") or "")
    if hub and is_placeholder(hub):
        logger.warning(
            "form_view: launch_buttons.jupyterhub_url in _config.yml is a placeholder (%s). "
            'Set it to your organisation\'s JupyterHub, or leave it empty ("") for no '
            "JupyterHub links; see book/facilitators/hosting.md.",
            hub,
        )
        launch["jupyterhub_url"] = ""


@dataclasses.dataclass(frozen=True)
class Route:
    """One way to open a notebook in Jupyter."""

    interface: str  # "JupyterLab" or "Form view"
    place: str  # "Binder" or "your JupyterHub"
    url: str

    @property
    def text(self) -> str:
        """The route's name on the page, e.g. "Form view on Binder"."""
        return f"{self.interface} on {self.place}"


def jupyter_routes(theme_options: dict[str, Any], notebook: str) -> list[Route]:
    """The routes that open ``notebook`` (a path in the repository) in JupyterLab and in
    the form view, on Binder and on the JupyterHub, from the launch-button settings
    (``repository`` and ``launch_buttons`` in ``_config.yml``)."""
    repo_url = str(theme_options.get("repository_url", "")).rstrip("/")
    branch = theme_options.get("repository_branch", "main") or "main"
    launch = theme_options.get("launch_buttons", {}) or {}
    if "github.com/" not in repo_url:
        return []
    org_repo = repo_url.split("github.com/", 1)[1]
    name = org_repo.split("/")[-1]
    routes = []
    for interface, ui in (("JupyterLab", "lab/tree"), ("Form view", "voila/render")):
        if launch.get("binderhub_url"):
            binder = launch["binderhub_url"].rstrip("/")
            url = f"{binder}/v2/gh/{org_repo}/{branch}?urlpath={ui}/{notebook}"
            routes.append(Route(interface, "Binder", url))
        hub = str(launch.get("jupyterhub_url") or "").rstrip("/")
        if hub and not is_placeholder(hub):
            url = (
                f"{hub}/hub/user-redirect/git-pull?repo={quote(repo_url, safe='')}"
                f"&urlpath={ui}/{name}/{notebook}&branch={branch}"
            )
            routes.append(Route(interface, "your JupyterHub", url))
    return routes


def form_view_links(theme_options: dict[str, Any], notebook: str) -> list[tuple[str, str]]:
    """(place, URL) pairs that open ``notebook`` in the form view (Voila)."""
    return [
        (r.place, r.url)
        for r in jupyter_routes(theme_options, notebook)
        if r.interface == "Form view"
    ]


def drop_launch_buttons(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Remove the theme's launch menu from the reference pages, which have nothing to run."""
    if pagename.startswith(READING_PAGES):
        buttons = context.get("header_buttons", [])
        buttons[:] = [b for b in buttons if b.get("label") != "launch-buttons"]


def _menu_entry(route: Route) -> dict[str, str]:
    logo = "logo_binder.svg" if route.place == "Binder" else "logo_jupyterhub.svg"
    return {
        "type": "link",
        "text": route.text,
        "tooltip": f"Open this module in {route.text}",
        "icon": f"_static/images/{logo}",
        "url": route.url,
    }


def name_launch_routes(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """The launch menu of a module lists every route by name, form view included."""
    if not pagename.startswith(FORM_VIEW_PAGES):
        return
    routes = jupyter_routes(app.config.html_theme_options, f"{pagename}.ipynb")
    for group in context.get("header_buttons", []):
        if group.get("label") == "launch-buttons" and routes:
            others = [
                b for b in group.get("buttons", []) if b.get("text") not in ("Binder", "JupyterHub")
            ]
            group["buttons"] = [*(_menu_entry(r) for r in routes), *others]


def other_ways_note(routes: list[Route], help_url: str) -> str:
    """The note that ends a module: the Jupyter routes, second to the website."""
    lab = [r for r in routes if r.interface == "JupyterLab"]
    form = [r for r in routes if r.interface == "Form view"]

    def links(chosen: list[Route]) -> str:
        return " or ".join(f'<a href="{escape(r.url)}">{escape(r.text)}</a>' for r in chosen)

    return (
        '<aside class="course-other-ways" aria-label="Other ways to do this module">'
        "<p><strong>Other ways to do this module.</strong> You can also do it in Jupyter. "
        "There your answers save to a workbook file, not to this browser. "
        f"Open it in {links(lab)}, or as a simple form with no code: {links(form)}. "
        f'<a href="{escape(help_url)}">How Jupyter works for this course</a>.</p></aside>'
    )


def add_other_ways(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """End each module with the note on the other ways to do it."""
    if not pagename.startswith(FORM_VIEW_PAGES) or not context.get("body"):
        return
    routes = jupyter_routes(app.config.html_theme_options, f"{pagename}.ipynb")
    if not routes:
        return
    page, section = JUPYTER_HELP
    help_url = f"{app.builder.get_relative_uri(pagename, page)}#{section}"
    context["body"] = context["body"] + other_ways_note(routes, help_url)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the extension."""
    app.connect("config-inited", check_hub)
    # After the theme adds its launch menu (priority 501).
    app.connect("html-page-context", drop_launch_buttons, priority=510)
    app.connect("html-page-context", name_launch_routes, priority=510)
    app.connect("html-page-context", add_other_ways)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

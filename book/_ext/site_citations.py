"""Reference lists with roles that assistive technology understands."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx


def fix_citation_roles(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """Give reference-list entries a valid role.

    Docutils marks each citation ``role="doc-biblioentry"`` inside a
    ``role="list"`` container: the role is deprecated in DPUB-ARIA 1.1 and a list needs
    ``listitem`` children, so axe reports both (WCAG 1.3.1). ``listitem`` is what
    assistive technology expects of a list's entries.
    """
    body = context.get("body", "")
    if 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')

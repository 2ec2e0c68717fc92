"""Sphinx extension: the course website's own build steps, one module per concern.

* :mod:`site_vendor` – widget and MathJax JavaScript copied from ``node_modules``, so no
  page needs a public CDN;
* :mod:`site_widget_js` – widget scripts only on pages that show a live widget;
* :mod:`site_citations` – reference lists with valid roles;
* :mod:`site_answer_scripts` – the answer, builder and capstone scripts on the pages that
  use them, and ``course-data.js``, the data they read;
* :mod:`builder_files`, :mod:`builder_package`, :mod:`builder_stdlib` – the capstone's
  document builder: Pyodide, the trimmed standard library and the course package, each
  compressed once (``_static/course-builder/``).

Each module sits beside this one in ``book/_ext`` (``_config.yml`` puts the folder on the
path); this one registers their handlers.
"""

from __future__ import annotations

from typing import Any

import site_answer_scripts
import site_citations
import site_vendor
import site_widget_js
from builder_package import BROWSER_LACKS, pure_modules
from sphinx.application import Sphinx

__all__ = ["BROWSER_LACKS", "pure_modules", "setup"]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the extension."""
    app.connect("config-inited", site_vendor.configure, priority=900)
    app.connect("html-page-context", site_answer_scripts.add_answer_scripts)
    app.connect("build-finished", site_answer_scripts.write_course_data)
    app.connect("html-page-context", site_widget_js.drop_unused_widget_js, priority=100)
    app.connect("html-page-context", site_citations.fix_citation_roles)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

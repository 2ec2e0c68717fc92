"""Sphinx extension: serve widget and maths JavaScript from the course site itself.

NHS networks often block public CDNs, so the built site carries its own copies of
RequireJS, the Jupyter widgets HTML manager and MathJax, taken from ``node_modules``
(installed by ``npm ci`` from the committed lock file). They are copied into
``_static/course-vendor/`` after the build, and are loaded only on the pages that need
them: pages that show a live widget (exercises show plain HTML forms on the website
instead, see ``exercises/static_form.py``), and pages with maths. When
``node_modules`` is missing, the build says so and falls back to the public CDNs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging
from sphinx.util.console import bold

logger = logging.getLogger(__name__)

VENDOR_DIR = "course-vendor"
"""Folder under ``_static/`` in the built site that holds the copies."""

# target path under _static/vendor  ->  source path under node_modules
FILES = {
    "require.js": "requirejs/require.js",
    "embed-amd.js": "@jupyter-widgets/html-manager/dist/embed-amd.js",
    "mathjax/tex-mml-chtml.js": "mathjax/es5/tex-mml-chtml.js",
}
MATHJAX_PARTS = ("a11y", "adaptors", "input", "output", "sre", "ui")
"""MathJax folders its loader fetches on demand (fonts, extensions, menu)."""


def _node_modules(app: Sphinx) -> Path:
    return Path(app.confdir) / "node_modules"


def _vendored(app: Sphinx) -> bool:
    root = _node_modules(app)
    return all((root / source).is_file() for source in FILES.values())


def configure(app: Sphinx, config: Config) -> None:
    """Point the widget and MathJax script settings at the local copies."""
    if not _vendored(app):
        logger.info(
            bold(
                "course_site: node_modules has no widget/MathJax JavaScript (run `npm ci`); "
                "this build loads them from public CDNs, so widgets will not show "
                "where CDNs are blocked."
            )
        )
        return
    config.nb_ipywidgets_js = {
        f"{VENDOR_DIR}/require.js": {},
        f"{VENDOR_DIR}/embed-amd.js": {},
    }
    config.mathjax_path = f"{VENDOR_DIR}/mathjax/tex-mml-chtml.js"
    app.connect("build-finished", copy_vendor)
    logger.info(bold("course_site: serving widget and MathJax JavaScript from the site"))


def copy_vendor(app: Sphinx, exception: Exception | None) -> None:
    """Copy the JavaScript files into the built site."""
    if exception is not None or app.builder.format != "html":
        return
    root = _node_modules(app)
    target = Path(app.outdir) / "_static" / VENDOR_DIR
    for name, source in FILES.items():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / source, target / name)
    for part in MATHJAX_PARTS:
        shutil.copytree(root / "mathjax/es5" / part, target / "mathjax" / part, dirs_exist_ok=True)


def drop_unused_widget_js(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object
) -> None:
    """Leave out widget state and scripts on pages that show no live widget.

    Exercises are drawn on the website as plain HTML forms, so a module page carries
    widget state that nothing uses; MyST-NB would still add it and the widget scripts.
    Runs before MyST-NB's own page handler.
    """
    if "application/vnd.jupyter.widget-view+json" in context.get("body", ""):
        return
    js_files = getattr(app.env, "nb_metadata", {}).get(pagename, {}).get("js_files", {})
    for key in [k for k in js_files if k.startswith("ipywidgets")]:
        del js_files[key]


def fix_citation_roles(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object
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


ANSWERS_JS = ("course-data.js", "course-answers.js")
"""The website's answer script and the course rules it works from (``exercises/site.py``)."""

CAPSTONE_JS = "course-capstone.js"
"""The script that builds the capstone documents in the page (with Pyodide)."""

PYODIDE_FILES = (
    "pyodide.js",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
"""The parts of the npm package ``pyodide`` that the capstone's document builder loads."""


def add_answer_scripts(
    app: Sphinx, pagename: str, templatename: str, context: dict, doctree: object
) -> None:
    """Load the answer script only on pages with exercises or the device panel."""
    body = context.get("body", "")
    if "course-static-form" not in body and "course-device" not in body:
        return
    for name in ANSWERS_JS:
        app.add_js_file(name, loading_method="defer")
    if "course-site-doc" in body:
        app.add_js_file(CAPSTONE_JS, loading_method="defer")


BROWSER_LACKS = frozenset({"filelock", "ipywidgets", "numpy", "pandas", "yaml"})
"""Libraries the capstone's Pyodide does not load: a module importing one of them at import
time, directly or through another module of the package, stays out of the browser's copy."""


def _imports(module: Path, package: Path) -> tuple[set[str], set[Path]]:
    """The outside libraries and the package's own modules that ``module`` imports when it
    is imported (statements at module level; imports inside functions are left out)."""
    import ast

    outside: set[str] = set()
    inside: set[Path] = set()
    for node in ast.parse(module.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            outside.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            outside.add((node.module or "").split(".")[0])
        elif isinstance(node, ast.ImportFrom):
            base = module.parent
            for _ in range(node.level - 1):
                base = base.parent
            names = [node.module] if node.module else [a.name for a in node.names]
            for name in names:
                target = base.joinpath(*name.split("."))
                for found in (target.with_suffix(".py"), target / "__init__.py"):
                    if found.is_file():
                        inside.add(found)
    if module.parent != package and module.name != "__init__.py":
        inside.add(module.parent / "__init__.py")  # its subpackage is imported first
    return outside, {p for p in inside if p != package / "__init__.py"}


def pure_modules(package: Path) -> list[Path]:
    """Every module of the package the browser can import: not the widgets, not the
    command line, and nothing that needs a library in :data:`BROWSER_LACKS` at import."""
    candidates = [
        p
        for p in sorted(package.rglob("*.py"))
        if p != package / "__init__.py"
        and p.name != "__main__.py"
        and "widgets" not in p.relative_to(package).parts
        and "__pycache__" not in p.parts
    ]
    graph = {p: _imports(p, package) for p in candidates}
    heavy = {p for p, (outside, _) in graph.items() if outside & BROWSER_LACKS}
    changed = True
    while changed:
        changed = False
        for p, (_, inside) in graph.items():
            if p not in heavy and any(q in heavy or q not in graph for q in inside):
                heavy.add(p)
                changed = True
    return [p for p in candidates if p not in heavy and p.name != "cli.py"]


def write_site_data(app: Sphinx, exception: Exception | None) -> None:
    """Write the course rules, the package for the document builder, and Pyodide."""
    if exception is not None or app.builder.format != "html":
        return
    import json
    import zipfile

    from exercises.catalogue import course_catalogue, prompt_files
    from exercises.site import site_data

    static = Path(app.outdir) / "_static"
    data = json.dumps(site_data(course_catalogue()), ensure_ascii=False, separators=(",", ":"))
    (static / ANSWERS_JS[0]).write_text(f"window.COURSE_DATA = {data};\n", encoding="utf-8")
    bundle = static / "course-py"
    bundle.mkdir(parents=True, exist_ok=True)
    package = Path(__file__).resolve().parents[2] / "exercises"
    with zipfile.ZipFile(bundle / "exercises.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        # The pure modules only; the package's __init__ also loads the workbook's file
        # locking, which the browser has no use for.
        zf.writestr("exercises/__init__.py", '"""The course package (pure modules only)."""\n')
        for module in pure_modules(package):
            zf.write(module, f"exercises/{module.relative_to(package).as_posix()}")
    prompts = json.dumps(prompt_files(), ensure_ascii=False, separators=(",", ":"))
    (bundle / "prompts.json").write_text(prompts, encoding="utf-8")
    source = _node_modules(app) / "pyodide"
    if not all((source / name).is_file() for name in PYODIDE_FILES):
        logger.warning("course_site: node_modules/pyodide is missing (run `npm ci`).")
        return
    target = static / VENDOR_DIR / "pyodide"
    target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copyfile(source / name, target / name)


def setup(app: Sphinx) -> dict:
    """Register the extension."""
    app.connect("config-inited", configure, priority=900)
    app.connect("html-page-context", add_answer_scripts)
    app.connect("build-finished", write_site_data)
    app.connect("html-page-context", drop_unused_widget_js, priority=100)
    app.connect("html-page-context", fix_citation_roles)
    return {"parallel_read_safe": True, "parallel_write_safe": True}

"""One visit to every page of the built site, shared by the site's page checks.

Each page is opened once, in a fresh browser (empty cache and storage: a first visit),
from a static host that compresses text as GitHub Pages or nginx do
(``tests.benchmarks.page_weight.static_host``). That one load serves every check that
only looks: what it cost (bytes and requests), console and script errors, requests that
tried to leave 127.0.0.1, axe-core's WCAG 2.2 A and AA violations, icons with nothing to
draw them, the meta description, Jupyter words outside their places, and (with the
window narrowed to 320 pixels, no reload) sideways scrolling. Then the page's "next"
link is followed with the cache warm, for the next-page budget.

The visits run once per test session, whoever asks first (``visits``), and the results
are plain data, so each check can still be a test of its own, page by page.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from urllib.parse import urlsplit

from tests.benchmarks.page_weight import Visit, static_host, visit
from tests.browser.conftest import SITE, run_axe, sideways_scroll

DESKTOP = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 640}

FACILITATOR_PAGES = "book/facilitators/"
"""Pages for facilitators, who choose where the course runs: Jupyter is their topic."""

JUPYTER_PLACES: dict[str, tuple[str, ...]] = {
    "*": (".dropdown-launch-buttons", ".course-other-ways", "a[href*='facilitators/']"),
    "book/start-here.html": ("#do-the-exercises-in-jupyter", "#your-privacy"),
}
"""Where a learner's page may name Binder or a JupyterHub (CSS selectors): on every page,
the launch menu, the "Other ways to do this module" note and links to facilitators' pages
(their titles, in the navigation: "Plan B: when Binder is down"); on Start here, the section
on doing the exercises in Jupyter and the privacy section (what Binder keeps). Text that
the website hides (Jupyter's own lines) is never counted."""

JUPYTER_WORDS = r"\bBinder\b|mybinder|JupyterHub|jupyterhub\.|example\.nhs|YOUR-ORG"
"""Words that steer a website learner to Jupyter, or are a placeholder hub's address."""

PLACEHOLDER_HUBS = r"(^|\.)example(\.|$)|your-org"
"""A host name copied from an example (``jupyterhub.example.nhs.uk``, ``YOUR-ORG``):
never the address of a link on any page."""

JUPYTER_TEXT = """([words, places]) => {
    const pattern = new RegExp(words, 'i');
    const allowed = places.join(', ');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const box = node.parentElement;
        if (!pattern.test(node.textContent) || !box) continue;
        if (allowed && box.closest(allowed)) continue;
        if (box.closest('script, style, noscript, template')) continue;
        if (!box.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
        found.push(node.textContent.trim().slice(0, 100));
    }
    return found;
}"""
"""Visible text on the page that names Jupyter routes outside the allowed places."""

PLACEHOLDER_LINKS = """(pattern) => [...document.querySelectorAll('a[href]')]
    .filter(a => new RegExp(pattern, 'i').test(a.hostname)).map(a => a.href)"""

UNDRAWN_ICONS = """() => [...document.querySelectorAll('i[class*="fa"]')].flatMap(i => {
    const own = getComputedStyle(i).backgroundImage;
    const before = getComputedStyle(i, '::before');
    const mask = before.maskImage || before.webkitMaskImage;
    if (own === 'none' && (!mask || mask === 'none')) return [i.className];
    const box = getComputedStyle(i);
    const [size, width] = [parseFloat(box.fontSize), parseFloat(box.width)];
    const [w, h] = [parseFloat(before.width), parseFloat(before.height)];
    const shown = i.getClientRects().length > 0 && own === 'none';
    return shown && (w < width - 0.5 || h < 0.9 * size)
        ? [`${i.className} (shape ${w.toFixed(1)} x ${h.toFixed(1)} px in a ${width} px box)`]
        : [];
})"""
"""Icon elements with nothing to draw them (no mask shape and no logo image), or whose shape
is squeezed below the size of the text around it (a theme's padding inside the icon box)."""


@dataclasses.dataclass
class PageVisit:
    """What one first visit to one page found."""

    path: str
    landed: str  # the page shown once loaded (the site root redirects to the home page)
    exercises: bool
    first: Visit
    next_page: Visit | None
    outside: list[str]  # requests that would have left 127.0.0.1
    console_errors: list[str]  # console errors and uncaught script errors
    violations: list[str]  # axe-core: "rule (impact): target"
    undrawn_icons: list[str]
    description: str | None
    jupyter_text: list[str]  # Jupyter words outside their places (JUPYTER_PLACES)
    placeholder_links: list[str]
    body_styles: int  # <style> elements in the body (HTML allows them only in the head)
    sideways: int  # pixels the page scrolls sideways at 320 px wide
    too_wide: list[str]  # the innermost boxes that run past their edge at 320 px


def site_pages() -> list[str]:
    """Every HTML page of the built site, as a path from its root."""
    if not SITE.exists():
        return ["(no built site: run make book)"]
    skip = {"_static", "_sources", "_images"}
    return sorted(str(p.relative_to(SITE)) for p in SITE.rglob("*.html") if not skip & set(p.parts))


def wait_for_widgets(page) -> None:
    """Pages with live widget state: wait until the widgets have drawn."""
    if page.locator("script[type='application/vnd.jupyter.widget-state+json']").count():
        page.locator(".jupyter-widgets").first.wait_for(timeout=20_000)


def _outside(url: str) -> bool:
    """True for a request that would leave 127.0.0.1."""
    return not url.startswith(("data:", "blob:")) and urlsplit(url).hostname not in (
        "127.0.0.1",
        "localhost",
    )


def _places(path: str) -> list[str]:
    return [*JUPYTER_PLACES["*"], *JUPYTER_PLACES.get(path, ())]


def visit_page(browser, host: str, path: str) -> PageVisit:
    """Open ``path`` once on a first visit and run every look-only check on it."""
    context = browser.new_context(locale="en-GB", viewport=DESKTOP)
    # Watched, not routed: Playwright turns the HTTP cache off in a routed context.
    outside: list[str] = []
    errors: list[str] = []
    context.on("request", lambda r: outside.append(r.url) if _outside(r.url) else None)
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"uncaught: {e}"))
    try:
        first = visit(page, f"{host}/{path}")
        wait_for_widgets(page)
        violations = [
            f"{v['id']} ({v['impact']}): {' '.join(node['target'])}"
            for v in run_axe(page)
            for node in v["nodes"]
        ]
        words = [] if path.startswith(FACILITATOR_PAGES) else _places(path)
        jupyter_text = [] if not words else page.evaluate(JUPYTER_TEXT, [JUPYTER_WORDS, words])
        description = page.evaluate(
            "() => document.querySelector('meta[name=description]')?.content ?? null"
        )
        found = PageVisit(
            path=path,
            landed=urlsplit(page.url).path.lstrip("/"),
            exercises=page.locator(".course-exercise").count() > 0,
            first=first,
            next_page=None,
            outside=outside,
            console_errors=errors,
            violations=violations,
            undrawn_icons=page.evaluate(UNDRAWN_ICONS),
            description=description,
            jupyter_text=jupyter_text,
            placeholder_links=page.evaluate(PLACEHOLDER_LINKS, PLACEHOLDER_HUBS),
            body_styles=page.locator("body style").count(),
            sideways=0,
            too_wide=[],
        )
        page.set_viewport_size(NARROW)
        found.sideways, found.too_wide = sideways_scroll(page)
        following = page.locator("a.right-next")
        if following.count():
            found.next_page = visit(page, following.first.evaluate("a => a.href"))
        return found
    finally:
        context.close()


_VISITS: dict[Path, dict[str, PageVisit]] = {}


def visits(browser) -> dict[str, PageVisit]:
    """Every page's visit, made once per test session (by whichever test asks first)."""
    if SITE not in _VISITS:
        if not (SITE / "index.html").exists():
            raise FileNotFoundError(f"No built site in {SITE}: run `make book` first.")
        with static_host(SITE) as host:
            _VISITS[SITE] = {path: visit_page(browser, host, path) for path in site_pages()}
    return _VISITS[SITE]

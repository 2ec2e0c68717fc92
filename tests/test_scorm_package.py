"""The SCORM packages: a well-formed manifest at the root that names every file, the schema
files it names, the launch page, and the site's Content-Security-Policy."""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("scorm_package", REPO / "book/_ext/scorm_package.py")
assert spec and spec.loader
scorm_package = importlib.util.module_from_spec(spec)
sys.modules["scorm_package"] = scorm_package  # dataclasses look their module up there
spec.loader.exec_module(scorm_package)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A small built site with the files a package needs."""
    root = tmp_path / "html"
    (root / "_static").mkdir(parents=True)
    (root / "book" / "modules").mkdir(parents=True)
    (root / "index.html").write_text("<!DOCTYPE html><title>Home</title>")
    (root / "book/modules/mindset.html").write_text("<p>Module & more</p>")
    for name in scorm_package.SCRIPTS:
        (root / "_static" / name).write_text(f"// {name}")
    (root / ".buildinfo").write_text("not for learners")
    return root


@pytest.mark.parametrize("version", scorm_package.VERSIONS, ids=lambda v: v.schema_version)
def test_package_has_a_manifest_naming_every_file(site, tmp_path, version) -> None:
    path = scorm_package.build_package(site, tmp_path / "out", version, title="A & B course")
    assert path.name == version.file
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        manifest = ET.fromstring(zf.read("imsmanifest.xml"))
        launch = zf.read(scorm_package.LAUNCH).decode()
    assert "imsmanifest.xml" in names and ".buildinfo" not in names
    ns = {"cp": manifest.tag.split("}")[0].strip("{")}
    listed = {f.get("href") for f in manifest.iterfind(".//cp:resource/cp:file", ns)}
    schemas = set(version.schema_files())
    assert listed == names - {"imsmanifest.xml"} - schemas
    assert manifest.findtext("cp:metadata/cp:schema", namespaces=ns) == "ADL SCORM"
    assert manifest.findtext("cp:metadata/cp:schemaversion", namespaces=ns) == (
        version.schema_version
    )
    organizations = manifest.find("cp:organizations", ns)
    default = organizations.get("default")
    org = organizations.find(f"cp:organization[@identifier='{default}']", ns)
    assert org.findtext("cp:title", namespaces=ns) == "A & B course"
    item = org.find("cp:item", ns)
    resource = manifest.find(f".//cp:resource[@identifier='{item.get('identifierref')}']", ns)
    assert resource.get("href") == scorm_package.LAUNCH
    attribute = next(k for k in resource.attrib if k.lower().endswith("}scormtype"))
    assert resource.get(attribute) == "sco"
    assert resource.get("type") == "webcontent"
    for script in scorm_package.SCRIPTS:
        assert f'src="_static/{script}"' in launch
    assert 'id="course-frame"' in launch
    assert "http" not in launch  # the launch page needs nothing from the internet
    pages = re.search(r'id="course-scorm-pages">(.*?)</script>', launch).group(1)
    assert json.loads(pages) == ["book/modules/mindset.html", "index.html"]


@pytest.mark.parametrize("version", scorm_package.VERSIONS, ids=lambda v: v.schema_version)
def test_package_carries_the_schema_files_its_manifest_names(site, tmp_path, version) -> None:
    """Each XSD in xsi:schemaLocation (and each file those include or import) is at the
    zip's root, exactly as ADL and IMS published it (from the npm package)."""
    path = scorm_package.build_package(site, tmp_path / "out", version, title="Course")
    with zipfile.ZipFile(path) as zf:
        manifest = ET.fromstring(zf.read("imsmanifest.xml"))
        location = manifest.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation")
        named = location.split()[1::2]
        assert named and all(name in zf.namelist() for name in named)
        for name in version.schema_files():
            shipped = zf.read(name)
            assert shipped == (scorm_package.SCHEMAS / version.schema_folder / name).read_bytes()
            text = shipped.decode("utf-8", "replace")
            for inner in re.findall(r'schemaLocation\s*=\s*"([^":/]+\.xsd)"', text):
                assert inner in zf.namelist(), f"{name} includes {inner}"
    if version is scorm_package.SCORM_2004:
        assert {"imsss_v1p0util.xsd", "xml.xsd", "XMLSchema.dtd"} <= set(version.schema_files())


def test_launch_page_lists_pages_safely() -> None:
    page = scorm_package.launch_page("A <b> course", ["a.html", "</script><script>x.html"])
    listed = re.search(r'id="course-scorm-pages">(.*?)</script>', page, re.S).group(1)
    assert json.loads(listed) == ["a.html", "</script><script>x.html"]
    assert "<title>A &lt;b&gt; course</title>" in page


def test_content_security_policy_hashes_the_sites_inline_scripts(tmp_path) -> None:
    site = tmp_path / "html"
    site.mkdir()
    (site / "index.html").write_text(
        '<script>var mode = "light";</script><script src="x.js"></script>'
        '<script type="application/json">{"not": "run"}</script>'
        '<button onclick="window.print()">Print</button>'
    )
    policy = scorm_package.content_security_policy(site, ["https://moodle.example.ac.uk"])
    directives = dict(d.split(" ", 1) for d in policy.split("; "))
    digest = lambda s: f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"  # noqa: E731
    script = directives["script-src"].split()
    assert digest('var mode = "light";') in script and digest("window.print()") in script
    assert digest('{"not": "run"}') not in script
    assert {"'self'", "'wasm-unsafe-eval'", "'unsafe-hashes'"} <= set(script)
    assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script
    assert directives["frame-ancestors"] == "'self' https://moodle.example.ac.uk"
    assert directives["object-src"] == "'none'"
    assert "{" not in policy
    with pytest.raises(SystemExit, match="not an origin"):
        scorm_package.content_security_policy(site, ["https://x.example/path; script-src *"])


def test_package_needs_a_built_site(tmp_path) -> None:
    with pytest.raises(SystemExit, match="make book"):
        scorm_package.build_package(tmp_path, tmp_path / "out", scorm_package.SCORM_2004)

"""The SCORM packages: a well-formed manifest at the root that names every file."""

from __future__ import annotations

import importlib.util
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
    (root / "_static/course-scorm.js").write_text("// platform connection")
    (root / "_static/course-answers.js").write_text("// answers")
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
    assert listed == names - {"imsmanifest.xml"}
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
    assert "_static/course-scorm.js" in launch and 'id="course-frame"' in launch
    assert "http" not in launch  # the launch page needs nothing from the internet


def test_package_needs_a_built_site(tmp_path) -> None:
    with pytest.raises(SystemExit, match="make book"):
        scorm_package.build_package(tmp_path, tmp_path / "out", scorm_package.SCORM_2004)

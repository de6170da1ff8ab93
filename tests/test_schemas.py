"""Schema packages: opening folders and zips, lookup order, bad packages."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import SCHEMAS_V6_0

from st96kit.errors import NoSchemaPackageError, SchemaPackageError
from st96kit.schemas import find_package, registry
from st96kit.schemas.locate import candidates
from st96kit.schemas.package import SchemaPackage, check_version


def _zip(folder: Path, target: Path, *, skip: str | None = None, prefix: str = "") -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            if path.name != skip:
                archive.write(path, prefix + path.name)
    return target


def test_folder_package_knows_its_28_document_types() -> None:
    package = SchemaPackage.open(SCHEMAS_V6_0)
    assert package.version == "V6_0"
    assert len(package.document_types) == 28
    tm = package.document_type("TrademarkApplication")
    assert tm.root == "TrademarkApplication"
    assert tm.namespace.endswith("/ST96/Trademark")
    assert tm.schema_file == "TrademarkApplication_V6_0.xsd"
    bag = package.document_type("DGN_TransactionContentBag")
    assert (bag.namespace_name, bag.root) == ("Design", "TransactionContentBag")
    # every document schema file is in the package and its root is found by qname
    for doc in package.document_types.values():
        assert package.source.has(doc.schema_file)
        assert package.document_type_for_root(doc.qname) is doc


def test_zip_package_is_the_same_as_the_folder(tmp_path: Path) -> None:
    archive = _zip(SCHEMAS_V6_0, tmp_path / "st96.zip", prefix="ST96XMLSchema_V6_0/")
    from_zip = SchemaPackage.open(archive)
    from_folder = SchemaPackage.open(SCHEMAS_V6_0)
    assert from_zip.version == "V6_0"
    assert from_zip.document_types == from_folder.document_types


def test_zip_with_a_missing_file_names_it(tmp_path: Path) -> None:
    archive = _zip(SCHEMAS_V6_0, tmp_path / "partial.zip", skip="PatentPublication_V6_0_Common.xsd")
    with pytest.raises(SchemaPackageError, match=r"PatentPublication_V6_0_Common.xsd"):
        SchemaPackage.open(archive)


def test_folder_without_a_namespace_schema_names_it(tmp_path: Path) -> None:
    folder = tmp_path / "partial"
    shutil.copytree(SCHEMAS_V6_0, folder)
    (folder / "Design_V6_0.xsd").unlink()
    with pytest.raises(SchemaPackageError, match=r"missing Design_V6_0.xsd"):
        SchemaPackage.open(folder)


def test_corrupt_schema_file_gives_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "corrupt"
    shutil.copytree(SCHEMAS_V6_0, folder)
    target = folder / "TrademarkApplication_V6_0.xsd"
    target.chmod(0o644)
    target.write_bytes(target.read_bytes()[:5000])
    with pytest.raises(SchemaPackageError) as info:
        SchemaPackage.open(folder)
    assert "TrademarkApplication_V6_0.xsd" in str(info.value)
    assert info.value.line is not None


@pytest.mark.parametrize("content", [None, b"not a zip"])
def test_not_a_package(tmp_path: Path, content: bytes | None) -> None:
    target = tmp_path / "thing"
    if content is None:
        target.mkdir()
        (target / "readme.txt").write_text("hello")
    else:
        target.write_bytes(content)
    with pytest.raises(SchemaPackageError, match=r"not"):
        SchemaPackage.open(target)


@pytest.mark.parametrize("bad", ["6.0", "V6", "v6_0", "V6_0_1", "latest"])
def test_unknown_version_strings(bad: str) -> None:
    with pytest.raises(SchemaPackageError, match=r"unknown ST.96 version"):
        check_version(bad)


def test_lookup_order_argument_environment_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = _zip(SCHEMAS_V6_0, tmp_path / "a.zip")
    monkeypatch.setenv("ST96KIT_SCHEMAS", str(SCHEMAS_V6_0))
    registry.add(tmp_path / "a.zip")
    found = candidates([archive])
    assert [c.origin for c in found] == ["argument", "environment"]  # the zip only once
    monkeypatch.delenv("ST96KIT_SCHEMAS")
    assert [c.origin for c in candidates()] == ["registry"]
    assert find_package("V6_0").location == archive.resolve()


def test_missing_version_is_a_clear_error() -> None:
    with pytest.raises(NoSchemaPackageError, match=r"no schema package for ST.96 V8_0"):
        find_package("V8_0")


def test_no_package_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ST96KIT_SCHEMAS")
    with pytest.raises(NoSchemaPackageError, match=r"no ST.96 schema package is installed"):
        find_package()


def test_schema_locations_resolve_to_package_files() -> None:
    package = SchemaPackage.open(SCHEMAS_V6_0)
    url = "https://www.wipo.int/standards/XMLSchema/ST96/V6_0/Patent/Document/PatentPublication_V6_0.xsd"
    assert package.file_for_location(url) == "PatentPublication_V6_0.xsd"
    assert package.file_for_location("../Common/Common_V6_0.xsd") == "Common_V6_0.xsd"
    assert package.file_for_location("https://example.org/Other_V1_0.xsd") is None

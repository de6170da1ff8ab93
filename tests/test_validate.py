"""Validation: the WIPO examples, mutated copies, other versions, every error, light schemas."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES_V9_0, SAMPLES, SCHEMAS_V6_0, v6_examples
from corpus_mutations import Mutation, all_mutations
from lxml import etree

import st96kit
from st96kit.schemas.package import SchemaPackage
from st96kit.validation.compile import document_schema

MUTATIONS = all_mutations()


@pytest.mark.parametrize("path", v6_examples(), ids=lambda p: p.name)
def test_wipo_examples_are_valid(path: Path) -> None:
    result = st96kit.validate(path)
    assert result.status == "valid", result.errors
    assert result.valid is True
    assert result.document_type == path.name.split("_")[0]
    assert result.schema_version == result.st96_version == "V6_0"


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: m.name)
def test_mutations_fail_at_the_right_line_and_path(mutation: Mutation) -> None:
    data, line = mutation.apply()
    result = st96kit.validate(data)
    assert result.status == "invalid"
    assert result.errors
    wanted = mutation.spec["expect_path"].split(":")[1]
    if mutation.spec["action"] == "remove":
        # a missing child is reported on the parent, or on the next child where it was due
        matching = [
            e
            for e in result.errors
            if e.path and (e.line == line or e.path.rsplit("/", 1)[0].endswith(wanted))
        ]
    else:
        matching = [e for e in result.errors if e.line == line]
    assert matching, f"no error on line {line}: {[str(e) for e in result.errors]}"
    assert any(e.path and wanted in e.path for e in matching), [e.path for e in matching]


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: m.name)
def test_light_schema_gives_the_full_schema_verdict(mutation: Mutation) -> None:
    data, _ = mutation.apply()
    light = st96kit.validate(data, light=True, all_errors=False)
    full = st96kit.validate(data, light=False, all_errors=False)
    assert (light.status, [str(e) for e in light.errors]) == (
        full.status,
        [str(e) for e in full.errors],
    )


@pytest.mark.parametrize(
    "path", [*v6_examples(), *sorted(SAMPLES.glob("uspto-tsdr/*.xml"))], ids=lambda p: p.name
)
def test_light_and_full_agree_on_samples(path: Path) -> None:
    light = st96kit.validate(path, light=True, all_errors=False)
    full = st96kit.validate(path, light=False, all_errors=False)
    assert light.status == full.status
    assert [str(e) for e in light.errors] == [str(e) for e in full.errors]


def test_documents_with_mathml_use_the_full_schema() -> None:
    package = SchemaPackage.open(SCHEMAS_V6_0)
    doc_type = package.document_type("PatentPublication")
    light = document_schema(package, doc_type, light=True)
    math = etree.fromstring(
        b'<m:math xmlns:m="http://www.w3.org/1998/Math/MathML3"><m:bogus/></m:math>'
    )
    assert light is not document_schema(package, doc_type, light=False)
    from st96kit.validation.compile import uses_mathml

    assert uses_mathml(math)


def test_every_error_is_listed_not_only_the_first() -> None:
    path = SAMPLES / "uspto-tsdr" / "rn3886986-ST96.xml"
    first = st96kit.validate(path, all_errors=False)
    every = st96kit.validate(path)
    assert first.status == every.status == "invalid"
    assert len(every.errors) > len(first.errors)
    lines = {e.line for e in every.errors}
    assert all(e.line in lines for e in first.errors) or len(every.errors) >= len(first.errors)
    assert any("declares no st96Version" in note for note in every.notes)


@pytest.mark.parametrize("path", sorted(EXAMPLES_V9_0.glob("*.xml")), ids=lambda p: p.name)
def test_newer_versions_get_no_schema_not_a_wrong_verdict(path: Path) -> None:
    result = st96kit.validate(path)
    assert result.status == "no-schema"
    assert result.valid is None
    declared = (
        etree.parse(str(path))
        .getroot()
        .get("{http://www.wipo.int/standards/XMLSchema/ST96/Common}st96Version")
    )
    assert any(f"no schema package for ST.96 {declared} installed" in n for n in result.notes)


def test_extension_root_is_reported_honestly() -> None:
    path = SAMPLES / "uspto-peds" / "2012.xml"
    result = st96kit.validate(path, version="V6_0")
    assert result.status == "unknown-document"
    assert any("urn:us:gov:doc:uspto:patent" in n for n in result.notes)


def test_schema_is_compiled_once_per_process() -> None:
    package = SchemaPackage.open(SCHEMAS_V6_0)
    doc_type = package.document_type("TrademarkApplication")
    assert document_schema(package, doc_type) is document_schema(package, doc_type)

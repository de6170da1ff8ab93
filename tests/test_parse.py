"""Parsing and serializing: exact round trips, strict refusals, lax parsing with its losses."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES_V9_0, SAMPLES, v6_examples
from lxml import etree

import st96kit
from st96kit.binding.compare import SCHEMA_LOCATION, items
from st96kit.binding.serialize import to_element
from st96kit.errors import ModelError, UnknownDocumentError
from st96kit.namespaces import PREFIXES

OTHER_VERSIONS = sorted(SAMPLES.glob("*/*.xml")) + sorted(EXAMPLES_V9_0.glob("*.xml"))


@pytest.mark.parametrize("path", v6_examples(), ids=lambda p: p.name)
def test_round_trip_is_the_same_document(path: Path) -> None:
    document = st96kit.parse(path)
    assert document.complete
    output = st96kit.serialize(document)
    assert st96kit.canonical(output) == st96kit.canonical(path.read_bytes())
    # the standard prefixes, and the schema location kept from the source
    root = etree.fromstring(output)
    assert root.prefix == PREFIXES[etree.QName(root).namespace]
    assert root.get(SCHEMA_LOCATION) == etree.parse(str(path)).getroot().get(SCHEMA_LOCATION)


@pytest.mark.parametrize("path", v6_examples(), ids=lambda p: p.name)
def test_parse_of_serialize_gives_equal_objects(path: Path) -> None:
    first = st96kit.parse(path)
    again = st96kit.parse(st96kit.serialize(first))
    assert again.root == first.root


def test_zero_padded_numbers_survive() -> None:
    path = next(p for p in v6_examples() if p.name.startswith("Trademark"))
    assert b"<tmk:ClassNumber>009</tmk:ClassNumber>" in path.read_bytes()
    assert b"<tmk:ClassNumber>009</tmk:ClassNumber>" in st96kit.serialize(st96kit.parse(path))


def test_serialize_sets_st96version_and_schema_location() -> None:
    path = next(p for p in v6_examples() if p.name.startswith("GIApplication"))
    document = st96kit.parse(path)
    document.root.st96_version = None
    root = etree.fromstring(st96kit.serialize(document.root, schema_location="urn:x x.xsd"))
    assert root.get("{http://www.wipo.int/standards/XMLSchema/ST96/Common}st96Version") == "V6_0"
    assert root.get(SCHEMA_LOCATION) == "urn:x x.xsd"


@pytest.mark.parametrize("path", OTHER_VERSIONS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_other_versions_are_refused_in_strict_mode(path: Path) -> None:
    with pytest.raises((ModelError, UnknownDocumentError)) as info:
        st96kit.parse(path)
    assert info.value.hint and "lax" in info.value.hint


@pytest.mark.parametrize("path", OTHER_VERSIONS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_lax_mode_reports_exactly_what_it_could_not_keep(path: Path) -> None:
    document = st96kit.parse(path, mode="lax")
    source = etree.parse(str(path)).getroot()
    if document.root is None:
        assert document.parts, "a foreign root must still yield the ST.96 parts inside it"
        assert document.losses
        return
    kept = {i.path for i in items(to_element(document.root))}
    lost_paths = {loss.path for loss in document.losses}
    for item in items(source, skip_attributes=frozenset({SCHEMA_LOCATION})):
        covered = item.path in kept or any(
            item.path == p or item.path.startswith(p + "/") for p in lost_paths
        )
        assert covered, f"{item.path} was dropped without being reported"


def test_lax_losses_name_the_office_extension_elements() -> None:
    path = SAMPLES / "uspto-tsdr" / "rn3886986-ST96.xml"
    document = st96kit.parse(path, mode="lax")
    assert document.document_type == "TrademarkTransaction"
    uspto = [loss for loss in document.losses if "urn:us:gov:doc:uspto:trademark" in loss.path]
    assert uspto and all(loss.line for loss in uspto)
    assert document.missing  # required parts that a TSDR file lacks, e.g. st96Version


def test_unknown_root_strict_and_lax() -> None:
    path = SAMPLES / "uspto-peds" / "TEST.xml"
    with pytest.raises(UnknownDocumentError, match=r"not an ST.96"):
        st96kit.parse(path, version="V6_0")
    document = st96kit.parse(path, mode="lax")
    count = len(etree.parse(str(path)).getroot())
    assert document.root is None and len(document.parts) >= count


def test_parse_element_of_a_streamed_record() -> None:
    path = next(p for p in v6_examples() if p.name.startswith("Design"))
    root = etree.parse(str(path)).getroot()
    document = st96kit.parse_element(root, name=str(path))
    assert document.document_type == "DesignApplication"


def test_bad_mode() -> None:
    with pytest.raises(ValueError, match=r"mode"):
        st96kit.parse(v6_examples()[0], mode="loose")  # type: ignore[arg-type]


def test_whitespace_between_inline_elements_is_text() -> None:
    path = next(p for p in v6_examples() if p.name.startswith("Patent"))
    tree = etree.parse(str(path))
    common = "http://www.wipo.int/standards/XMLSchema/ST96/Common"
    paragraph = next(p for p in tree.iter(f"{{{common}}}P") if len(p) >= 2)
    paragraph.text = " "
    paragraph[0].tail = " "  # "<B>11</B> <B>12</B>": the space is a word separator
    paragraph[-1].tail = "\n"
    data = etree.tostring(tree)
    output = st96kit.serialize(st96kit.parse(data))
    assert st96kit.canonical(output) == st96kit.canonical(data)
    again = etree.fromstring(output).find(
        f".//{{{common}}}P[@{{{common}}}id='{paragraph.get(f'{{{common}}}id')}']"
    )
    assert again is not None and again.text == " " and again[0].tail == " "


def test_lax_mode_reports_children_it_puts_back_in_order() -> None:
    from corpus_mutations import all_mutations

    moved = [m for m in all_mutations() if m.spec["action"] == "move-first"]
    assert moved
    for mutation in moved:
        data, line = mutation.apply()
        document = st96kit.parse(data, mode="lax")
        order = [loss for loss in document.losses if "order" in loss.what]
        assert order, mutation.name
        assert order[0].line is not None and order[0].line < line

"""The JSON form: exact round trips, the convention, the JSON Schemas, the command line."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES_V9_0, SAMPLES, run_cli, v6_examples
from lxml import etree

import st96kit
from st96kit import models
from st96kit.convert.json_form import from_json, json_to_xml, to_json
from st96kit.convert.json_schema import json_schema
from st96kit.errors import InputError

jsonschema = pytest.importorskip("jsonschema")

OTHER_SAMPLES = sorted(SAMPLES.glob("*/*.xml")) + sorted(EXAMPLES_V9_0.glob("*.xml"))
COM = "http://www.wipo.int/standards/XMLSchema/ST96/Common"


def _example(prefix: str) -> Path:
    return next(p for p in v6_examples() if p.name.startswith(prefix))


def _document_type(path: Path) -> str:
    name = models.document_type_for_root(str(etree.parse(str(path)).getroot().tag), "V6_0")
    assert name is not None
    return name


_validators: dict[str, Any] = {}


def _validator(name: str) -> Any:
    if name not in _validators:
        _validators[name] = jsonschema.Draft202012Validator(json_schema(name))
    return _validators[name]


def _walk(node: Any) -> Any:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


@pytest.mark.parametrize("name", sorted(models.document_types("V6_0")))
def test_every_document_type_has_a_sound_json_schema(name: str) -> None:
    """Every reference resolves and every pattern compiles (the metaschema check of the
    whole schema takes half a minute; these are the parts generated from data)."""
    schema = json_schema(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    for node in _walk(schema):
        ref = node.get("$ref")
        if isinstance(ref, str):
            assert ref.removeprefix("#/$defs/") in schema["$defs"], ref
        pattern = node.get("pattern")
        if isinstance(pattern, str):
            re.compile(pattern)
    jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", v6_examples(), ids=lambda p: p.name)
def test_xml_json_xml_is_the_same_document(path: Path) -> None:
    source = path.read_bytes()
    text = to_json(path)
    assert st96kit.canonical(json_to_xml(text)) == st96kit.canonical(source)
    document = from_json(text)
    assert document.document_type == _document_type(path)
    assert st96kit.canonical(st96kit.serialize(document)) == st96kit.canonical(source)


@pytest.mark.parametrize("path", v6_examples(), ids=lambda p: p.name)
def test_every_sample_validates_against_its_json_schema(path: Path) -> None:
    errors = list(_validator(_document_type(path)).iter_errors(to_json(path, as_dict=True)))
    assert not errors, [(list(e.absolute_path), e.message[:200]) for e in errors[:5]]


@pytest.mark.parametrize("path", OTHER_SAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_documents_outside_the_model_convert_without_loss(path: Path) -> None:
    data = to_json(path, as_dict=True)
    assert st96kit.canonical(json_to_xml(data)) == st96kit.canonical(path.read_bytes())


def test_objects_and_documents_give_the_same_json_as_the_file() -> None:
    path = _example("Trademark")
    document = st96kit.parse(path)
    assert st96kit.to_json(document, as_dict=True) == to_json(path, as_dict=True)
    from_objects = st96kit.to_json(document.root, as_dict=True)
    assert json_to_xml(from_objects) == json_to_xml(to_json(st96kit.serialize(document.root)))


def test_the_convention() -> None:
    data = to_json(_example("Trademark"), as_dict=True)
    root = data["tmk:TrademarkApplication"]
    assert root["@xmlns:com"] == COM and root["@com:st96Version"] == "V6_0"
    trademark = root["tmk:TrademarkBag"]["tmk:Trademark"]
    assert isinstance(trademark, list) and len(trademark) == 1  # may repeat: always an array
    goods = trademark[0]["tmk:GoodsServicesBag"]["tmk:GoodsServices"]
    classes = [
        c.get("tmk:ClassNumber")
        for g in goods
        for c in g["tmk:GoodsServicesClassificationBag"]["tmk:GoodsServicesClassification"]
    ]
    assert "009" in classes  # the XML text, exactly
    included = root["com:DocumentIncludedBag"]["com:DocumentIncluded"][0]
    assert included["@com:languageCode"] == "en"  # attributes after "@"
    assert isinstance(included["com:DocumentName"], str)  # text without attributes: a string


def test_mixed_content_keeps_every_run_and_element_in_order() -> None:
    xml = (f'<com:P xmlns:com="{COM}" com:id="p1">a <com:B>1</com:B> <com:I>x</com:I>'
           f'<com:Sup>2</com:Sup> end</com:P>').encode()
    data = to_json(xml, as_dict=True)
    assert data["com:P"]["#content"] == [
        "a ", {"com:B": "1"}, " ", {"com:I": "x"}, {"com:Sup": "2"}, " end",
    ]
    back = etree.fromstring(json_to_xml(data, pretty=False))
    assert etree.tostring(back, method="c14n") == etree.tostring(etree.fromstring(xml),
                                                                 method="c14n")


def test_repeating_choice_order_is_recorded_only_when_needed() -> None:
    data = to_json(_example("Patent"), as_dict=True)
    description = data["pat:PatentPublication"]["pat:Description"][0]
    assert "#order" in description  # headings and paragraphs interleave
    trademark = to_json(_example("Trademark"), as_dict=True)["tmk:TrademarkApplication"]
    assert "#order" not in trademark["tmk:TrademarkBag"]["tmk:Trademark"][0]
    # the order decides the XML order
    order = description["#order"]
    swapped = [order[1], order[0], *order[2:]] if order[0] != order[1] else order
    description["#order"] = swapped
    found = etree.fromstring(json_to_xml(data)).find("{*}Description")
    assert found is not None
    children = [etree.QName(c).localname for c in found]
    assert children[:2] == [name.split(":")[1] for name in swapped[:2]]


def test_the_json_schema_refuses_what_the_schema_refuses() -> None:
    path = _example("Trademark")
    validator = _validator("TrademarkApplication")
    good = to_json(path, as_dict=True)
    bad = json.loads(json.dumps(good))
    bad["tmk:TrademarkApplication"]["tmk:Unknown"] = "x"
    assert not validator.is_valid(bad)
    bad = json.loads(json.dumps(good))
    trademark = bad["tmk:TrademarkApplication"]["tmk:TrademarkBag"]["tmk:Trademark"]
    bad["tmk:TrademarkApplication"]["tmk:TrademarkBag"]["tmk:Trademark"] = trademark[0]
    assert not validator.is_valid(bad)
    bad = json.loads(json.dumps(good))
    del bad["tmk:TrademarkApplication"]["tmk:TrademarkBag"]
    assert not validator.is_valid(bad)
    bad = json.loads(json.dumps(good))
    bad["tmk:TrademarkApplication"]["@com:st96Version"] = 6
    assert not validator.is_valid(bad)


def test_drawn_documents_round_trip_and_validate() -> None:
    pytest.importorskip("hypothesis")
    from hypothesis import HealthCheck, given, settings

    from st96kit.testing import documents

    def checker(name: str) -> Any:
        validator = _validator(name)

        @settings(max_examples=8, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(documents(name))
        def check(obj: Any) -> None:
            xml = st96kit.serialize(obj)
            data = to_json(xml, as_dict=True)
            assert st96kit.canonical(json_to_xml(data)) == st96kit.canonical(xml)
            errors = list(validator.iter_errors(data))
            assert not errors, errors[0].message[:300]

        return check

    for name in ("TrademarkApplication", "PatentPublication", "DesignApplication",
                 "GIApplication", "PatentLegalStatusData", "MadridOfficeToIBTransaction"):
        checker(name)()


@pytest.mark.parametrize(("data", "message"), [
    ([], "exactly one key"),
    ({"a": 1, "b": 2}, "exactly one key"),
    ({"zz:Root": {}}, "prefix 'zz'"),
    ({"tmk:TrademarkApplication": {"#content": "text"}}, "expected an array"),
    ({"tmk:TrademarkApplication": {"#content": [{"a": 1, "b": 2}]}}, "one key"),
    ({"tmk:TrademarkApplication": {"#content": [], "$": "x"}}, "cannot be mixed"),
    ({"pat:Description": {"com:P": ["x"], "#order": ["com:P", "com:P"]}}, "more com:P"),
    ({"pat:Description": {"com:P": ["x", "y"], "#order": ["com:P"]}}, "does not name"),
])
def test_bad_json_is_a_clear_error(data: Any, message: str) -> None:
    with pytest.raises(InputError, match=message):
        json_to_xml(data)


def test_from_json_reads_text_files_and_mappings(tmp_path: Path) -> None:
    path = _example("GI")
    text = to_json(path)
    target = tmp_path / "gi.json"
    target.write_text(text, encoding="utf-8")
    for source in (text, text.encode(), target, str(target), json.loads(text)):
        assert from_json(source).document_type == "GIApplication"
    with pytest.raises(InputError, match="not JSON"):
        from_json("{broken")


def test_cli_convert_both_ways(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _example("Design")
    json_file = tmp_path / "design.json"
    xml_file = tmp_path / "design.xml"
    code, _, err = run_cli(capsys, "convert", str(path), "--to", "json", "-o", str(json_file))
    assert code == 0 and "wrote" in err
    assert "dgn:DesignApplication" in json.loads(json_file.read_text(encoding="utf-8"))
    code, _, _ = run_cli(capsys, "convert", str(json_file), "--to", "xml", "-o", str(xml_file))
    assert code == 0
    assert st96kit.canonical(xml_file.read_bytes()) == st96kit.canonical(path.read_bytes())
    code, out, _ = run_cli(capsys, "convert", str(path), "--to", "json", "--indent", "0")
    assert code == 0 and json.loads(out) == to_json(path, as_dict=True)


def test_cli_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "convert", "--json-schema", "GIApplication")
    assert code == 0
    assert json.loads(out)["properties"].keys() == {"gin:GIApplication"}
    code, _, err = run_cli(capsys, "convert", "--json-schema", "NoSuchType")
    assert code == 2 and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("case", ["missing", "not-json", "not-xml", "json-to-json", "no-to"])
def test_cli_convert_bad_input(case: str, tmp_path: Path,
                               capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"tmk:TrademarkApplication": ', encoding="utf-8")
    text = tmp_path / "text.xml"
    text.write_text("not xml at all", encoding="utf-8")
    args = {
        "missing": [str(tmp_path / "none.xml"), "--to", "json"],
        "not-json": [str(broken), "--to", "xml"],
        "not-xml": [str(text), "--to", "json"],
        "json-to-json": [str(broken), "--to", "json"],
        "no-to": [str(text)],
    }[case]
    code, out, err = run_cli(capsys, "convert", *args)
    assert code == 2
    assert not out and len(err.strip().splitlines()) == 1

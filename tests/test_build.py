"""Builders, skeletons and the ``st96kit new`` command."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import st96kit
from st96kit import build, models
from st96kit.build import examples
from st96kit.cli.main import main
from st96kit.errors import BuildError, St96Error
from st96kit.models.v6_0 import common as com
from st96kit.models.v6_0 import trademark as tmk

DOCUMENT_TYPES = sorted(models.document_types("V6_0"))


def assert_valid(document: Any) -> bytes:
    data = st96kit.serialize(document)
    result = st96kit.validate(data)
    assert result.valid, [str(e) for e in result.errors]
    return data


@pytest.mark.parametrize("name", sorted(examples.EXAMPLES))
def test_examples_are_valid_and_read_back_equal(name: str) -> None:
    document = examples.EXAMPLES[name]()
    assert build.check(document) == []
    data = assert_valid(document)
    assert st96kit.parse(data).root == document
    assert document.st96_version == "V6_0"


@pytest.mark.parametrize("name", DOCUMENT_TYPES)
def test_skeletons_are_valid(name: str) -> None:
    skeleton = build.skeleton(name)
    assert build.check(skeleton) == []
    assert_valid(skeleton)


def test_skeleton_marks_placeholders() -> None:
    text = build.skeleton_xml("TrademarkApplication").decode()
    assert "[RegistrationNumber]" in text and "Placeholders to replace" in text
    assert st96kit.validate(text.encode()).valid


@pytest.mark.parametrize(("call", "words"), [
    (lambda: build.address("1 Main Street", country="UK"), ["CountryCode", "'UK'", "ST.3"]),
    (lambda: build.priority("trademark", "XY", "1", "2024-01-01"), ["PriorityCountryCode",
                                                                     "ST.3"]),
    (lambda: build.date("2024-02-30", field="ApplicationDate"), ["ApplicationDate",
                                                                 "YYYY-MM-DD"]),
    (lambda: build.date("01/02/2024"), ["date", "YYYY-MM-DD"]),
    (lambda: build.nice(46, "Goods"), ["Nice class", "46", "1 to 45"]),
    (lambda: build.nice(0, "Goods"), ["Nice class", "1 to 45"]),
    (lambda: build.ipc("not a symbol"), ["IPC", "H04L 9/32"]),
    (lambda: build.locarno(33, 1), ["Locarno class", "1 to 32"]),
    (lambda: build.make(tmk.Trademark, MarkCategory="Individual"), ["MarkCategory",
                                                                    "'Individual mark'"]),
    (lambda: build.make(tmk.Trademark, NoSuchChild=1), ["Trademark", "NoSuchChild"]),
    (lambda: build.make(com.PostalStructuredAddress, CityName="Paris"), ["required",
                                                                        "CountryCode"]),
])
def test_bad_input_raises_a_clear_build_error(call: Any, words: list[str]) -> None:
    with pytest.raises(BuildError) as caught:
        call()
    message = str(caught.value)
    for word in words:
        assert word in message
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, St96Error)


def test_make_wraps_plain_values_in_their_classes() -> None:
    number = build.application_number("2024/001", office="EP")
    assert number.ipoffice_code is not None and number.ipoffice_code.value.value == "EP"
    assert number.application_number_text is not None
    assert number.application_number_text.value == "2024/001"
    street = build.address("1 Main Street", "Floor 2", country="GB", city="London")
    lines = street.postal_address[0].postal_structured_address.address_line_text  # type: ignore[union-attr]
    assert [line.sequence_number for line in lines] == ["1", "2"]


def test_check_names_the_place_and_the_rule() -> None:
    document = examples.trademark_application()
    trademark = document.trademark_bag.trademark[0]
    trademark.goods_services_bag.goods_services[0].goods_services_classification_bag \
        .goods_services_classification[0].classification_kind_code = None
    trademark.application_date.value = st96kit.build.date("2024-03-01").replace(day=31, month=2)
    problems = build.check(document)
    rules = {p.rule for p in problems}
    assert rules == {"required", "date"}, problems
    assert any(p.path.endswith("tmk:GoodsServicesClassification/tmk:ClassificationKindCode")
               for p in problems)
    assert any(p.path.endswith("com:ApplicationDate") for p in problems)


def test_cli_new_writes_a_valid_skeleton(tmp_path: Path) -> None:
    target = tmp_path / "application.xml"
    assert main(["new", "DesignApplication", "-o", str(target)]) == 0
    assert st96kit.validate(target).valid


def test_cli_new_lists_the_document_types(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "--list"]) == 0
    assert capsys.readouterr().out.split() == DOCUMENT_TYPES


@pytest.mark.parametrize("argv", [["new", "NoSuchDocument"], ["new", "patentpublication"],
                                  ["new"], ["new", "PatentPublication", "-o", "/no/such/dir/x"]])
def test_cli_new_bad_input_is_one_line(argv: list[str],
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err

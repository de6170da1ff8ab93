"""Drawn documents of every V6_0 document type are valid and read back equal."""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import st96kit
from st96kit import models
from st96kit.build.xsdregex import example, matches, translate
from st96kit.models.v6_0 import common as com
from st96kit.testing import documents, instances

DOCUMENT_TYPES = sorted(models.document_types("V6_0"))
EXAMPLES = int(os.environ.get("ST96KIT_STRATEGY_EXAMPLES", "4"))

property_settings = settings(
    max_examples=EXAMPLES, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def assert_valid_and_round_trips(document: Any) -> None:
    data = st96kit.serialize(document)
    result = st96kit.validate(data, all_errors=False)
    assert result.valid, [str(e) for e in result.errors]
    assert st96kit.parse(data).root == document


@pytest.mark.parametrize("name", DOCUMENT_TYPES)
def test_drawn_documents_are_valid(name: str) -> None:
    @property_settings
    @given(documents(name))
    def run(document: Any) -> None:
        assert_valid_and_round_trips(document)

    run()


def test_all_28_document_types_are_covered() -> None:
    assert len(DOCUMENT_TYPES) == 28


@property_settings
@given(instances(com.ApplicationNumber))
def test_instances_honour_a_choice_the_class_cannot_express(number: com.ApplicationNumber) -> None:
    present = [number.st13_application_number, number.application_number_text]
    assert sum(p is not None for p in present) == 1


@settings(max_examples=25, deadline=None, database=None)
@given(instances(com.PostalStructuredAddress))
def test_required_fields_and_lists(address: com.PostalStructuredAddress) -> None:
    assert address.country_code is not None
    assert 1 <= len(address.address_line_text) <= 3


def test_shrinks_to_the_smallest_document() -> None:
    from hypothesis import find

    smallest = find(documents("TrademarkApplication"), lambda d: True,
                    settings=settings(database=None, max_examples=20))
    trademark = smallest.trademark_bag.trademark[0]
    assert trademark.mark_representation is None and trademark.goods_services_bag is None
    assert len(trademark.application_number_or_registration_number) == 1


def test_enumerations_draw_members() -> None:
    drawn = instances(com.ExtendedWIPOST3CodeType)
    assert isinstance(drawn, st.SearchStrategy)


@pytest.mark.parametrize(("pattern", "good", "bad"), [
    (r"\d{6}", "123456", "12345"),
    (r"[0-9][1-9]|[1-9][0-9]", "09", "00"),
    (r"a$b", "a$b", "ab"),
    (r"\i\c*", "x-1", "1x"),
    (r"\s*\S\s*", " x ", "xy"),
    (r"\p{Lu}{2}", "AB", "ab"),
    (r"[^abc]+", "xyz", "xa"),
])
def test_xsd_patterns(pattern: str, good: str, bad: str) -> None:
    assert matches(pattern, good) is True
    assert matches(pattern, bad) is False
    assert matches(pattern, example(pattern)) is True


def test_unsupported_pattern_is_reported_not_guessed() -> None:
    assert matches("[a-z-[aeiou]]", "b") is None
    with pytest.raises(ValueError):
        translate("[a-z-[aeiou]]")

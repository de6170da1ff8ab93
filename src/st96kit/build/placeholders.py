"""Placeholder values: valid for their field, and plainly not real data.

Text reads ``[FirstName]`` (the name of its element or attribute, in brackets), dates are
``9999-12-31``, numbers the smallest the field allows, codes the first value of their list
(``en`` and ``WO`` where the list has them), identifiers ``ID1``, ``ID2`` ... A value with a
pattern is the shortest text the pattern accepts.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from xsdata.models.datatype import XmlDate, XmlDateTime, XmlPeriod

from st96kit.build.meta import ValueSpec, enum_members
from st96kit.build.xsdregex import UnsupportedPattern, example

PLACEHOLDER_DATE = XmlDate(9999, 12, 31)
PLACEHOLDER_DATETIME = XmlDateTime(9999, 12, 31, 0, 0, 0)
PREFERRED_CODES = ("en", "WO", "EN")


class Placeholders:
    """Makes placeholder values; identifiers are numbered per instance."""

    def __init__(self) -> None:
        self._ids: Iterator[int] = itertools.count(1)

    def value(self, spec: ValueSpec) -> Any:
        if spec.tokens:
            return [self._one(spec)]
        return self._one(spec)

    def _one(self, spec: ValueSpec) -> Any:
        tp = spec.main_type
        if spec.fixed is not None:
            return _from_text(tp, spec.fixed)
        if issubclass(tp, enum.Enum):
            members = enum_members(tp)
            for code in PREFERRED_CODES:
                for member in members:
                    if member.value == code:
                        return member
            return members[0]
        if tp is XmlDate:
            return PLACEHOLDER_DATE
        if tp is XmlDateTime:
            return PLACEHOLDER_DATETIME
        if tp is XmlPeriod:
            return XmlPeriod("9999")
        if tp is bool:
            return False
        if tp is int:
            return int(_lowest(spec, 1))
        if tp is Decimal or tp is float:
            return tp(_lowest(spec, 1))
        if tp is bytes:
            return b"placeholder"
        return self._text(spec)

    def _text(self, spec: ValueSpec) -> str:
        builtin = spec.builtin or "string"
        if builtin == "ID":
            return f"ID{next(self._ids)}"
        if builtin in ("IDREF", "IDREFS"):
            return "ID1"
        pattern = spec.facets.get("pattern")
        if pattern:
            try:
                return example(pattern)
            except UnsupportedPattern:
                pass
        if builtin == "anyURI":
            return "urn:placeholder"
        name = spec.name.split(":")[-1]
        text = name if builtin == "NMTOKEN" else f"[{name}]"
        length = spec.facets.get("length")
        high = spec.facets.get("max_length", length)
        low = spec.facets.get("min_length", length) or 0
        if high is not None and len(text) > high:
            text = "X" * high
        if len(text) < low:
            text = text + "X" * (low - len(text))
        return text

    def text(self) -> str:
        return "[text]"


def _lowest(spec: ValueSpec, default: int) -> Any:
    facets = spec.facets
    if "min_inclusive" in facets:
        return facets["min_inclusive"]
    if "min_exclusive" in facets:
        return int(facets["min_exclusive"]) + 1
    if "max_inclusive" in facets and int(facets["max_inclusive"]) < default:
        return facets["max_inclusive"]
    return default


def _from_text(tp: type[Any], text: str) -> Any:
    if issubclass(tp, enum.Enum):
        return tp(text)
    if tp is bool:
        return text.strip() in ("true", "1")
    if tp is int:
        return int(text)
    if tp is XmlDate:
        return XmlDate.from_string(text)
    return text

"""Hypothesis strategies for simple values: text, codes, numbers and dates of one field.

Values keep to what survives a trip through XML unchanged (no leading or trailing blanks,
printable characters) and to the field's facets: enumerations, patterns (translated from the
XSD dialect, see :mod:`st96kit.build.xsdregex`), lengths and numeric bounds.
"""

from __future__ import annotations

import datetime
import enum
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st
from xsdata.models.datatype import XmlDate, XmlDateTime, XmlPeriod

from st96kit.build.meta import ValueSpec, enum_members
from st96kit.build.placeholders import _from_text
from st96kit.build.xsdregex import UnsupportedPattern, translate

WORD_CHARACTERS = (
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.,'()/&-\u00e9\u00fc\u00df"
)
NMTOKEN = "[A-Za-z0-9._-]{1,12}"
MIN_DATE = datetime.date(1900, 1, 1)
MAX_DATE = datetime.date(2099, 12, 31)
DEFAULT_MAX_INT = 9999


def _no_outer_blanks(text: str) -> bool:
    return text == text.strip()


_WORDS = st.lists(st.text(WORD_CHARACTERS, min_size=1, max_size=10), min_size=1, max_size=4).map(
    " ".join)


def text_values(min_size: int = 1, max_size: int | None = None) -> st.SearchStrategy[str]:
    """Words and single spaces, within the given lengths."""
    if max_size is None and min_size <= 1:
        return _WORDS
    return st.text(WORD_CHARACTERS, min_size=max(min_size, 1), max_size=max_size)


def _integers(spec: ValueSpec) -> st.SearchStrategy[int]:
    facets = spec.facets
    low = int(facets.get("min_inclusive", 1))
    if "min_exclusive" in facets:
        low = int(facets["min_exclusive"]) + 1
    high = int(facets.get("max_inclusive", max(low, DEFAULT_MAX_INT)))
    if "max_exclusive" in facets:
        high = int(facets["max_exclusive"]) - 1
    return st.integers(low, high)


def _pattern(pattern: str) -> st.SearchStrategy[str] | None:
    try:
        translation = translate(pattern)
    except UnsupportedPattern:
        return None
    return st.from_regex(translation.ascii, fullmatch=True).filter(_no_outer_blanks)


def _text(spec: ValueSpec) -> st.SearchStrategy[str]:
    pattern = spec.facets.get("pattern")
    if pattern:
        drawn = _pattern(pattern)
        if drawn is not None:
            return drawn
    if spec.builtin in ("NMTOKEN", "NMTOKENS", "list"):
        return st.from_regex(NMTOKEN, fullmatch=True)
    if spec.builtin == "anyURI":
        return st.from_regex("[a-z0-9]{1,10}", fullmatch=True).map(
            lambda s: f"https://example.org/{s}")
    length = spec.facets.get("length")
    high = spec.facets.get("max_length", length)
    low = spec.facets.get("min_length", length) or 1
    if high == 0:
        return st.just("")
    if high is not None or low > 1:
        return text_values(low, high)
    return text_values()


def one_value(spec: ValueSpec) -> st.SearchStrategy[Any]:
    """A single value of the field's main type."""
    tp = spec.main_type
    if spec.fixed is not None:
        return st.just(_from_text(tp, spec.fixed))
    if issubclass(tp, enum.Enum):
        return st.sampled_from(enum_members(tp))
    if tp is XmlDate:
        return st.dates(MIN_DATE, MAX_DATE).map(XmlDate.from_date)
    if tp is XmlDateTime:
        return st.datetimes(
            datetime.datetime(1900, 1, 1), datetime.datetime(2099, 12, 31)
        ).map(lambda d: XmlDateTime.from_datetime(d.replace(microsecond=0)))
    if tp is XmlPeriod:
        return st.integers(MIN_DATE.year, MAX_DATE.year).map(lambda y: XmlPeriod(f"{y:04d}"))
    if tp is bool:
        return st.booleans()
    if tp is int:
        return _integers(spec)
    if tp is Decimal:
        return st.decimals(Decimal(0), Decimal(DEFAULT_MAX_INT), places=2)
    if tp is float:
        return st.floats(0, DEFAULT_MAX_INT, allow_nan=False, allow_infinity=False)
    if tp is bytes:
        return st.binary(min_size=1, max_size=8)
    return _text(spec)


_cache: dict[tuple[Any, ...], st.SearchStrategy[Any]] = {}


def values(spec: ValueSpec) -> st.SearchStrategy[Any]:
    """Values of a field: one value, or a short list of them for a list type."""
    key = (spec.types, tuple(sorted(spec.facets.items())), spec.tokens, spec.builtin, spec.fixed)
    found = _cache.get(key)
    if found is None:
        found = one_value(spec)
        if spec.tokens:
            found = st.lists(found, min_size=1, max_size=3)
        _cache[key] = found
    return found

"""The changes an upgrade makes to a document's tree before it is read with the target model.

Each step records what it did as a :class:`Step`. Only changes that the target version's
schema itself establishes are made:

- **namespace**: MathML elements move to the MathML namespace of the target model (V6_0 uses
  ``http://www.w3.org/1998/Math/MathML3``; other versions and most data use
  ``http://www.w3.org/1998/Math/MathML``);
- **moved to another namespace**: an element the target does not accept where it stands,
  when the target accepts an element of the same name in another ST.96 namespace at that
  place (``tmk:ApplicationDate`` -> ``com:ApplicationDate`` under ``tmk:Trademark``): the
  component moved between namespaces;
- **renamed**: the pairs in :data:`RENAMES`, each with the reason it holds;
- **dates**: ``YYYYMMDD`` in an element or attribute whose target type is a date becomes
  ``YYYY-MM-DD`` (the same date); ``YYYYMM00`` and ``YYYY0000`` (day, or month and day, not
  known) become ``YYYY-MM`` and ``YYYY`` where the target type accepts a year and month or a
  year (``com:DateType`` does);
- **st96Version**: set to the target version on every element whose target type has the
  attribute (required on document roots and some containers);
- **empty elements**: an element with element content in the target model that holds nothing
  (no child, no text, no attribute but ``com:sequenceNumber``) carries no data and is removed;
  offices fill such placeholders, and the target schema usually refuses them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree
from xsdata.models.datatype import XmlDate, XmlPeriod

from st96kit import models
from st96kit.binding.compare import short_name
from st96kit.convert.shapes import Shape, shape_of
from st96kit.namespaces import COMMON, MATHML, MATHML3, TRADEMARK, is_st96

ST96_VERSION = f"{{{COMMON}}}st96Version"
SEQUENCE_NUMBER = f"{{{COMMON}}}sequenceNumber"
_COMPACT_DATE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")


@dataclass(frozen=True)
class Rename:
    """An element renamed between versions, where its parent is ``parent``."""

    parent: str
    old: str
    new: str
    reason: str


#: Renames the target schema establishes (same content type, same documented meaning).
RENAMES: tuple[Rename, ...] = (
    Rename(
        parent=f"{{{TRADEMARK}}}AssociatedMark",
        old=f"{{{COMMON}}}ApplicationNumber",
        new=f"{{{TRADEMARK}}}AssociatedApplicationNumber",
        reason="V6_0 gives the application number of an associated mark as "
        "tmk:AssociatedApplicationNumber, of the same type com:ApplicationNumberType",
    ),
)


@dataclass(frozen=True)
class Step:
    """One kind of change made to the document, how often, and an example line."""

    kind: str
    what: str
    count: int
    line: int | None = None

    def __str__(self) -> str:
        times = f" ({self.count}x)" if self.count > 1 else ""
        where = f", first at line {self.line}" if self.line else ""
        return f"{self.kind}: {self.what}{times}{where}"


class _Steps:
    def __init__(self) -> None:
        self.counts: Counter[tuple[str, str]] = Counter()
        self.lines: dict[tuple[str, str], int | None] = {}

    def add(self, kind: str, what: str, line: int | None) -> None:
        key = (kind, what)
        self.counts[key] += 1
        self.lines.setdefault(key, line)

    def result(self) -> list[Step]:
        return [Step(k, w, n, self.lines[(k, w)]) for (k, w), n in self.counts.items()]


def _elements(element: etree._Element) -> Iterator[etree._Element]:
    return (child for child in element if isinstance(child.tag, str))


def _is_date(var: Any) -> bool:
    return var is not None and XmlDate in tuple(getattr(var, "types", ()))


class Upgrader:
    """Applies the steps to a tree, knowing the target model version."""

    def __init__(self, version: str) -> None:
        self.version = version
        self.steps = _Steps()
        self.removed = 0
        self.mathml_target = MATHML3 if self._has_namespace(MATHML3) else MATHML

    def _has_namespace(self, uri: str) -> bool:
        from st96kit import models

        return uri in models.model_package(self.version).NAMESPACES

    def child_class(self, shape: Shape | None, tag: str) -> type[Any] | None:
        if shape is not None:
            child = shape.children.get(tag)
            if child is not None:
                return child.cls
        return models.global_element_class(tag, self.version)

    def run(self, root: etree._Element, cls: type[Any] | None) -> None:
        """All steps on ``root`` (changed in place), whose target class is ``cls``."""
        self.namespaces(root)
        found: list[tuple[etree._Element, type[Any] | None]] = []
        self.walk(root, cls, found)
        for element, element_cls in found:
            self.values(element, element_cls)
        self.empties(found)

    def namespaces(self, root: etree._Element) -> None:
        other = MATHML if self.mathml_target == MATHML3 else MATHML3
        prefix = f"{{{other}}}"
        for element in root.iter(f"{prefix}*"):
            element.tag = f"{{{self.mathml_target}}}{str(element.tag)[len(prefix):]}"
            self.steps.add("namespace", f"MathML elements moved to {self.mathml_target}",
                           element.sourceline)

    def walk(self, element: etree._Element, cls: type[Any] | None,
             found: list[tuple[etree._Element, type[Any] | None]]) -> None:
        found.append((element, cls))
        shape = shape_of(cls) if cls is not None else None
        for child in _elements(element):
            if shape is not None and child.tag not in shape.children:
                self.rename(element, child, shape)
            self.walk(child, self.child_class(shape, str(child.tag)), found)

    def rename(self, parent: etree._Element, child: etree._Element, shape: Shape) -> None:
        for rule in RENAMES:
            if rule.parent == parent.tag and rule.old == child.tag and rule.new in shape.children:
                child.tag = rule.new
                self.steps.add("renamed", f"{short_name(rule.old)} -> {short_name(rule.new)} "
                               f"({rule.reason})", child.sourceline)
                return
        name = etree.QName(child)
        if not is_st96(name.namespace):
            return
        for qname in shape.children:
            other = etree.QName(qname)
            if other.localname == name.localname and is_st96(other.namespace):
                child.tag = qname
                self.steps.add("moved to another namespace",
                               f"{short_name(name.text)} -> {short_name(qname)} "
                               f"under {short_name(str(parent.tag))}", child.sourceline)
                return

    def values(self, element: etree._Element, cls: type[Any] | None) -> None:
        if cls is None:
            return
        shape = shape_of(cls)
        version = shape.attributes.get(ST96_VERSION)
        if version is not None:
            old = element.get(ST96_VERSION)
            if old != self.version and (old is not None or version.required):
                element.set(ST96_VERSION, self.version)
                what = f"st96Version {old} -> {self.version}" if old else \
                    f"st96Version {self.version} set (required)"
                self.steps.add("st96Version", what, element.sourceline)
        for name, attribute in shape.attributes.items():
            value = element.get(name)
            if value is not None and _is_date(attribute.var):
                fixed = _date(value, attribute.var)
                if fixed is not None:
                    element.set(name, fixed[0])
                    self.steps.add("date", f"{short_name(name)} {fixed[1]}", element.sourceline)
        if shape.kind == "simple" and _is_date(shape.text) and element.text:
            fixed = _date(element.text, shape.text)
            if fixed is not None:
                element.text = fixed[0]
                self.steps.add("date", f"{short_name(str(element.tag))} {fixed[1]}",
                               element.sourceline)

    def empties(self, found: list[tuple[etree._Element, type[Any] | None]]) -> None:
        for element, cls in reversed(found):
            if cls is None or len(element) or not is_st96(etree.QName(element).namespace):
                continue
            shape = shape_of(cls)
            if shape.kind != "complex" or not shape.children or shape.wildcard:
                continue
            if (element.text or "").strip():
                continue
            if any(name != SEQUENCE_NUMBER for name in element.attrib):
                continue
            parent = element.getparent()
            if parent is None:
                continue
            self.steps.add("removed empty element", f"{short_name(element.tag)} (no data)",
                           element.sourceline)
            _remove(element)
            self.removed += 1


def _remove(element: etree._Element) -> None:
    """Remove an element, keeping its tail text in place."""
    parent = element.getparent()
    assert parent is not None
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _date(value: str, var: Any) -> tuple[str, str] | None:
    """``YYYYMMDD`` as an XML Schema date, and how it was read; None if it is not one.

    A day (or month and day) of ``00`` means "not known": the value becomes the year and month
    (or the year) when the target type accepts those (``com:DateType`` does), else it is left.
    """
    match = _COMPACT_DATE.match(value)
    if match is None:
        return None
    year, month, day = match.groups()
    periods = XmlPeriod in tuple(getattr(var, "types", ()))
    if day != "00":
        return f"{year}-{month}-{day}", "YYYYMMDD -> YYYY-MM-DD"
    if not periods:
        return None
    if month == "00":
        return year, "YYYY0000 (day and month not known) -> YYYY"
    return f"{year}-{month}", "YYYYMM00 (day not known) -> YYYY-MM"

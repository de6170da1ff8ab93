"""Building the ST.96 output tree with the generated classes as the guide.

The converter writes plain lxml elements, in whatever order the input gives them, and asks the
generated V6_0 classes three things on the way: whether an element may repeat (a new element
for each input, or one shared), which class the new element has (to go on from there), and
whether a value is one the element accepts (an enumeration value, a date). The finished tree is put
in schema order with the classes' field order, and parsed into them.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from enum import Enum
from typing import Any

from lxml import etree
from xsdata.exceptions import ConverterError, ConverterWarning
from xsdata.formats.converter import converter

from st96kit.binding.context import context
from st96kit.convert.legacy.mapping import OUTPUT_PREFIXES


class MappingError(Exception):
    """A mapping row names an output that the V6_0 model does not have (a bug in a table)."""


@dataclass(frozen=True)
class Child:
    """What the model says about one child element of a class."""

    qname: str
    cls: type[Any] | None
    repeats: bool


def clark(step: str) -> str:
    """``com:Name`` -> ``{http://...Common}Name``; ``@com:id`` -> the attribute's name."""
    name = step.lstrip("@")
    prefix, _, local = name.partition(":")
    if not local:
        return name
    return f"{{{OUTPUT_PREFIXES[prefix]}}}{local}"


class ModelIndex:
    """Questions about the generated classes, answered from xsdata's metadata (cached)."""

    def __init__(self) -> None:
        self._context = context()

    def meta(self, cls: type[Any]) -> Any:
        return self._context.build(cls)

    def child(self, cls: type[Any], qname: str) -> Child | None:
        meta = self._context.build(cls)
        for var in meta.find_children(qname):
            return Child(qname, var.clazz, bool(var.list_element))
        return None

    def position(self, cls: type[Any], qname: str) -> int:
        """Where a child goes among its siblings: its field's place in the class."""
        meta = self._context.build(cls)
        for var in meta.get_element_vars():  # a repeating choice is one field: one place
            if var.qname == qname or (var.elements and qname in var.elements):
                return int(var.index)
        return 1 << 30

    def has_attribute(self, cls: type[Any], qname: str) -> bool:
        meta = self._context.build(cls)
        return meta.find_attribute(qname) is not None or bool(meta.any_attributes)

    def text_types(self, cls: type[Any]) -> tuple[type[Any], ...] | None:
        """The types of the element's text value, or None for an element with child elements."""
        meta = self._context.build(cls)
        if meta.mixed_content:
            return (str,)
        if meta.text is None:
            return None
        return tuple(meta.text.types)

    def attribute_types(self, cls: type[Any], qname: str) -> tuple[type[Any], ...]:
        meta = self._context.build(cls)
        var = meta.find_attribute(qname)
        return tuple(var.types) if var is not None else (str,)

    def accepts(self, types: tuple[type[Any], ...], value: str) -> bool:
        """True when ``value`` is a valid lexical value of one of ``types``."""
        if str in types or not types:
            return True
        for kind in types:
            if isinstance(kind, type) and issubclass(kind, Enum):
                if any(str(member.value) == value for member in kind):
                    return True
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("error", ConverterWarning)
                try:
                    converter.deserialize(value, [kind])
                except (ConverterError, ConverterWarning, ValueError, TypeError):
                    continue
            return True
        return False


class OutputTree:
    """The ST.96 tree being built, with the generated class of every element in it."""

    def __init__(self, root_step: str, root_cls: type[Any], index: ModelIndex) -> None:
        self.index = index
        nsmap = {prefix: uri for prefix, uri in OUTPUT_PREFIXES.items()}
        self.root: etree._Element = etree.Element(clark(root_step), nsmap=nsmap)
        self._classes: dict[etree._Element, type[Any]] = {self.root: root_cls}
        self._kept: set[etree._Element] = set()

    def cls(self, element: etree._Element) -> type[Any] | None:
        return self._classes.get(element)

    def child(self, parent: etree._Element, step: str, *, new: bool) -> tuple[etree._Element, bool]:
        """The child ``step`` of ``parent``: a new one, or the last existing one when ``new`` is
        False or the model allows only one. Returns the element and whether it repeats."""
        qname = clark(step)
        parent_cls = self._classes.get(parent)
        info = self.index.child(parent_cls, qname) if parent_cls is not None else None
        if info is None:
            where = etree.QName(parent).localname
            raise MappingError(f"{step} is not a child of {where} in the V6_0 model")
        if not (new and info.repeats):
            existing = [c for c in parent if c.tag == qname]
            if existing:
                return existing[-1], info.repeats
        element = etree.SubElement(parent, qname)
        if info.cls is not None:
            self._classes[element] = info.cls
        return element, info.repeats

    def text_types(self, element: etree._Element) -> tuple[type[Any], ...] | None:
        cls = self._classes.get(element)
        return self.index.text_types(cls) if cls is not None else (str,)

    def attribute_types(self, element: etree._Element, step: str) -> tuple[type[Any], ...]:
        cls = self._classes.get(element)
        qname = clark(step)
        if cls is None or not self.index.has_attribute(cls, qname):
            where = etree.QName(element).localname
            raise MappingError(f"{step} is not an attribute of {where} in the V6_0 model")
        return self.index.attribute_types(cls, qname)

    def path(self, element: etree._Element, upto: etree._Element | None = None) -> list[str] | None:
        """Steps from ``upto`` (default: the root's parent) down to ``element``; None when
        ``element`` is not below ``upto``."""
        steps: list[str] = []
        node: etree._Element | None = element
        while node is not None and node is not upto:
            steps.append(short(node.tag))
            node = node.getparent()
        if upto is not None and node is None:
            return None
        return steps[::-1]

    def missing(self) -> list[tuple[etree._Element, str]]:
        """Required elements (``com:Name``) and attributes (``@com:name``) that are absent."""
        found: list[tuple[etree._Element, str]] = []
        for element in self.root.iter():
            cls = self._classes.get(element)
            if cls is None:
                continue
            meta = self.index.meta(cls)
            tags = {child.tag for child in element}
            for var in meta.get_element_vars():
                if var.is_element and var.required and var.qname not in tags:
                    found.append((element, short(var.qname)))
            for var in meta.get_attribute_vars():
                if var.required and element.get(var.qname) is None:
                    found.append((element, "@" + short(var.qname)))
        return found

    def add(self, parent: etree._Element, step: str, value: str) -> etree._Element | None:
        """Add a required element or attribute with ``value`` (None when ``value`` is not a
        valid value of it)."""
        if step.startswith("@"):
            if not self.index.accepts(self.attribute_types(parent, step), value):
                return None
            parent.set(clark(step), value)
            return parent
        element, _ = self.child(parent, step, new=True)
        types = self.text_types(element)
        if types is None or not self.index.accepts(types, value):
            parent.remove(element)
            return None
        element.text = value
        return element

    def order(self) -> None:
        """Put every element's children in schema order (mixed content keeps its order)."""
        for element in list(self.root.iter()):
            cls = self._classes.get(element)
            if cls is None or self.index.meta(cls).mixed_content or len(element) < 2:
                continue
            children = sorted(element, key=lambda c: self.index.position(cls, str(c.tag)))
            element[:] = children

    def keep(self, element: etree._Element) -> None:
        """Never prune ``element`` (inline markup such as an empty ``com:Br``)."""
        self._kept.add(element)

    def prune(self) -> None:
        """Remove elements that ended up with nothing in them (no text, child or attribute)."""
        changed = True
        while changed:
            changed = False
            for element in list(self.root.iter()):
                if element is self.root or element in self._kept or len(element):
                    continue
                if element.attrib or (element.text is not None and element.text.strip()):
                    continue
                parent = element.getparent()
                if parent is not None:
                    parent.remove(element)
                    changed = True


_PREFIX_BY_URI = {uri: prefix for prefix, uri in OUTPUT_PREFIXES.items()}


def short(tag: Any) -> str:
    """``{uri}Name`` -> ``com:Name`` for the ST.96 namespaces."""
    qname = etree.QName(tag)
    prefix = _PREFIX_BY_URI.get(qname.namespace or "")
    return f"{prefix}:{qname.localname}" if prefix else qname.localname

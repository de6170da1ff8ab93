"""Making objects of the generated classes by walking the schema's content models.

One walk serves skeletons (always the smallest choice, placeholder values) and Hypothesis
strategies (drawn choices and values): a :class:`Chooser` decides how often an element occurs,
which branch of a choice is taken, whether an optional attribute is there and what a simple
value is. The walk fills the fields of the generated classes, so whatever it makes serializes
in schema order.

The content models come from the schema package (:mod:`.grammar`) when one is installed;
elsewhere, and for MathML, from the classes' own metadata, which do not know the choices that
cannot repeat.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any, Protocol

from xsdata.formats.dataclass.models.elements import XmlMeta, XmlVar
from xsdata.formats.dataclass.models.generics import DerivedElement

from st96kit.build.grammar import INFINITE, Attribute, Grammar, Particle, TypeModel
from st96kit.build.meta import ValueSpec, field_metadata, occurs, value_spec, xml_meta
from st96kit.errors import St96Error

MAX_REQUIRED_DEPTH = 60


class RealizeError(St96Error):
    """The content model of an element cannot be realized with the installed classes."""


class Unrepresentable(RealizeError):
    """The content chosen cannot be held by the classes in schema order.

    A class writes its fields in one order; a content model that allows an element before or
    after another (``RegionalDesignation, NationalDesignation`` next to ``NationalDesignation``
    alone) has contents that the class would write in the other order.
    """


class Chooser(Protocol):
    """The decisions of one walk."""

    def occurs(self, particle: Particle, cost: float, depth: int) -> int:
        """How often ``particle`` occurs, between its min and max (``cost``: one occurrence)."""

    def branch(self, options: Sequence[Particle], depth: int) -> Particle:
        """One of a choice's branches, given cheapest first."""

    def attribute(self, attribute: Attribute, depth: int) -> bool:
        """Whether an optional attribute is present."""

    def value(self, spec: ValueSpec) -> Any:
        """A simple value."""

    def text(self) -> str:
        """A run of text in mixed content."""


def fallback_model(cls: type[Any]) -> TypeModel:
    """A content model from a class's metadata alone (choices that cannot repeat are lost)."""
    meta = xml_meta(cls)
    items: list[Particle] = []
    for var in meta.get_element_vars():
        if var.is_text:
            continue
        if var.elements:
            metadata = field_metadata(cls, var.name)
            high = metadata.get("max_occurs", 1)
            branches = tuple(Particle("element", name=q) for q in var.elements)
            items.append(Particle("choice", int(metadata.get("min_occurs", 0)),
                                  None if high >= 2**31 - 1 else int(high), items=branches))
        elif var.is_element:
            low, high = occurs(cls, var)
            items.append(Particle("element", low, high, var.qname))
    attributes = tuple(
        Attribute(var.qname, var.required, None, "string") for var in meta.attributes.values()
    )
    return TypeModel(
        content=Particle("sequence", items=tuple(items)) if items else None,
        attributes=attributes,
        builtin="string" if meta.text is not None else None,
        mixed=meta.mixed_content,
    )


@dataclasses.dataclass
class _Slot:
    """Where an element's value goes in its parent: a field, maybe a compound one."""

    var: XmlVar
    item: XmlVar
    compound: bool


class Realizer:
    """Builds objects of the generated classes, asking a :class:`Chooser` at every decision."""

    def __init__(self, grammar: Grammar | None, chooser: Chooser) -> None:
        self.grammar = grammar
        self.chooser = chooser
        self._last = -1

    # -- models --------------------------------------------------------------------------

    def model(self, name: str, cls: type[Any] | None) -> tuple[TypeModel, str | None]:
        """The content model of element ``name`` and its fixed value."""
        if self.grammar is not None:
            declaration = self.grammar.element(name)
            if declaration is not None:
                return declaration.type, declaration.fixed
            named_type = self.grammar.type(name)  # a class generated for a named type
            if named_type is not None and cls is not None and cls.__name__ == _local(name):
                return named_type, None
        if cls is not None and dataclasses.is_dataclass(cls):
            return fallback_model(cls), None
        return TypeModel(builtin="string"), None

    def cost(self, name: str) -> float:
        if self.grammar is None:
            return 1.0
        if self.grammar.element(name) is None:
            return INFINITE
        return self.grammar.cost(name)

    def particle_cost(self, particle: Particle) -> float:
        if self.grammar is None:
            return 1.0
        return self.grammar.particle_cost(particle)

    # -- the walk ------------------------------------------------------------------------

    def document(self, cls: type[Any]) -> Any:
        """An object of a root class (an element class with its own ``Meta``)."""
        return self.element(xml_meta(cls).qname, cls, None, 0)

    def element(self, name: str, cls: type[Any] | None, spec: ValueSpec | None,
                depth: int) -> Any:
        """The value of one occurrence of element ``name``."""
        model, fixed = self.model(name, cls)
        if cls is None or not dataclasses.is_dataclass(cls):
            base = spec or ValueSpec(name, (str,), {})
            return self.chooser.value(dataclasses.replace(
                base, builtin=model.builtin or base.builtin, fixed=fixed))
        if depth > MAX_REQUIRED_DEPTH:
            raise RealizeError(f"the content of {cls.__name__} does not end")
        meta = xml_meta(cls)
        values: dict[str, Any] = {}
        self._last = -1
        if model.content is not None:
            self.walk(model.content, meta, values, depth + 1)
        if meta.text is not None:
            values[meta.text.name] = self.chooser.value(
                value_spec(cls, meta.text, builtin=model.builtin, fixed=fixed,
                           name=_local(name)))
        if meta.mixed_content:
            self._add_text(meta, values)
        for attribute in model.attributes:
            var = _find_attribute(meta, attribute.name)
            if var is None:
                if attribute.required:
                    raise RealizeError(f"{cls.__name__} has no field for {attribute.name}")
                continue
            if attribute.required or attribute.fixed or self.chooser.attribute(attribute, depth):
                values[var.name] = self.chooser.value(
                    value_spec(cls, var, builtin=attribute.builtin, fixed=attribute.fixed))
        return cls(**values)

    def walk(self, particle: Particle, meta: XmlMeta, values: dict[str, Any], depth: int) -> None:
        """Fill ``values`` with the occurrences of ``particle``."""
        if particle.kind == "any":
            return
        if particle.kind == "element" and _find_slot(meta, particle.name) is None:
            if particle.min == 0:
                return  # the class has no place of its own for it (a mixed wildcard holds it)
            raise RealizeError(f"{meta.clazz.__name__} has no field for element {particle.name}")
        cost = (self.cost(particle.name) if particle.kind == "element"
                else self.particle_cost(dataclasses.replace(particle, min=1, max=1)))
        for _ in range(self.chooser.occurs(particle, cost, depth)):
            if particle.kind == "element":
                self._put(particle.name, meta, values, depth)
            elif particle.kind == "sequence":
                for item in particle.items:
                    self.walk(item, meta, values, depth)
            else:
                options = [p for p in particle.items
                           if (p.kind != "element" or _find_slot(meta, p.name) is not None)
                           and (p.min == 0
                                or self.particle_cost(dataclasses.replace(p, min=1)) < INFINITE)]
                if not options:
                    raise RealizeError(f"no branch of a choice in {meta.clazz.__name__} "
                                       "can be built")
                options.sort(key=lambda p: self.particle_cost(dataclasses.replace(p, min=1)))
                chosen = self.chooser.branch(options, depth)
                self.walk(chosen, meta, values, depth)

    def _put(self, name: str, meta: XmlMeta, values: dict[str, Any], depth: int) -> None:
        slot = _find_slot(meta, name)
        if slot is None:
            raise RealizeError(f"{meta.clazz.__name__} has no field for element {name}")
        if slot.var.index < self._last or (
                slot.var.index == self._last and not slot.compound and not slot.var.list_element):
            raise Unrepresentable(f"{meta.clazz.__name__} cannot hold {name} at this place")
        item = slot.item
        spec = None if item.clazz else value_spec(meta.clazz, slot.var, name=_local(name))
        value = self.element(name, item.clazz, spec, depth)
        self._last = slot.var.index
        if slot.compound:
            if item.clazz is None or _shared_class(slot.var, item):
                value = DerivedElement(qname=name, value=value)
            values.setdefault(slot.var.name, []).append(value)
        elif slot.var.list_element:
            values.setdefault(slot.var.name, []).append(value)
        else:
            values[slot.var.name] = value

    def _add_text(self, meta: XmlMeta, values: dict[str, Any]) -> None:
        for var in meta.wildcards:
            if var.mixed:
                content = values.setdefault(var.name, [])
                content.insert(0, self.chooser.text())
                return


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _find_slot(meta: XmlMeta, name: str) -> _Slot | None:
    found = meta.elements.get(name)
    if found:
        return _Slot(found[0], found[0], False)
    for var in (*meta.choices, *meta.wildcards):
        item = var.elements.get(name)
        if item is not None:
            return _Slot(var, item, True)
    return None


def _shared_class(var: XmlVar, item: XmlVar) -> bool:
    """True when another branch of the compound field has the same class."""
    return any(other is not item and other.clazz is item.clazz for other in var.elements.values())


def _find_attribute(meta: XmlMeta, name: str) -> XmlVar | None:
    var = meta.attributes.get(name)
    if var is not None:
        return var
    local = _local(name)
    for qname, candidate in meta.attributes.items():
        if _local(qname) == local:
            return candidate
    return None

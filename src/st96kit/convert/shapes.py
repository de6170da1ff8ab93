"""What the generated classes say about the shape of each ST.96 element.

The JSON form and its JSON Schema need, for each element, facts that the XML alone does not
give: which children may repeat (they become arrays even when there is one), which children
belong to a repeating choice (their relative order must be recorded), which content is mixed
(text and inline elements in order). The generated classes hold exactly these facts in their
field metadata; :func:`shape_of` reads them once per class, through xsdata's own metadata
builder, so the answer is the one the parser and serializer use.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

from xsdata.formats.dataclass.models.elements import XmlVar

from st96kit import models
from st96kit.binding.context import context

Kind = Literal["simple", "complex", "mixed"]

_context = context()


@dataclass(frozen=True)
class Child:
    """A child element a class allows."""

    qname: str
    position: int
    repeat: bool
    cls: type[Any] | None
    group: int | None = None
    min_occurs: int = 0
    max_occurs: int | None = 1
    var: XmlVar | None = None


@dataclass(frozen=True)
class Attribute:
    """An attribute a class declares."""

    qname: str
    required: bool
    var: XmlVar


@dataclass
class Shape:
    """The shape of one generated class.

    ``kind`` is ``simple`` (text, perhaps attributes), ``mixed`` (text and inline elements in
    any order) or ``complex`` (child elements in the order of the schema). ``groups`` maps the
    position of each repeating choice to its members, in the order the schema declares them.
    """

    cls: type[Any]
    kind: Kind
    children: dict[str, Child] = field(default_factory=dict)
    groups: dict[int, tuple[str, ...]] = field(default_factory=dict)
    attributes: dict[str, Attribute] = field(default_factory=dict)
    any_attributes: bool = False
    wildcard: bool = False
    text: XmlVar | None = None


def _field_metadata(cls: type[Any]) -> dict[str, dict[str, Any]]:
    return {f.name: dict(f.metadata) for f in dataclasses.fields(cls)}


def _occurs(meta: dict[str, Any], var: XmlVar) -> tuple[int, int | None]:
    if var.list_element:
        high: int | None = meta.get("max_occurs")
        if high is not None and int(high) >= 2**31:
            high = None
        return int(meta.get("min_occurs", 0)), high
    return (1 if var.required else 0), 1


def _child_class(var: XmlVar) -> type[Any] | None:
    clazz = var.clazz
    return clazz if clazz is not None and dataclasses.is_dataclass(clazz) else None


_shapes: dict[type[Any], Shape] = {}


def shape_of(cls: type[Any]) -> Shape:
    """The shape of a generated class (computed once per class)."""
    found = _shapes.get(cls)
    if found is None:
        found = _shapes[cls] = _shape(cls)
    return found


def _shape(cls: type[Any]) -> Shape:
    meta = _context.build(cls)
    fields = _field_metadata(cls)
    element_vars = [v for v in meta.get_all_vars() if v.is_element or v.is_elements]
    wildcards = [v for v in meta.get_all_vars() if v.is_wildcard]
    mixed = any(v.mixed for v in wildcards)
    kind: Kind
    if mixed:
        kind = "mixed"
    elif meta.text is not None and not element_vars and not wildcards:
        kind = "simple"
    else:
        kind = "complex"
    shape = Shape(cls=cls, kind=kind, text=meta.text)
    for var in meta.get_all_vars():
        if var.is_attribute:
            required = bool(fields.get(var.name, {}).get("required")) or var.required
            shape.attributes[var.qname] = Attribute(var.qname, required, var)
        elif var.is_attributes:
            shape.any_attributes = True
        elif var.is_element:
            low, high = _occurs(fields.get(var.name, {}), var)
            shape.children[var.qname] = Child(
                var.qname, var.index, var.list_element, _child_class(var),
                min_occurs=low, max_occurs=high, var=var,
            )
        elif var.is_elements:
            members = tuple(var.elements)
            if var.list_element:
                shape.groups[var.index] = members
            for qname, choice in var.elements.items():
                shape.children[qname] = Child(
                    qname, var.index, var.list_element, _child_class(choice),
                    group=var.index if var.list_element else None,
                    max_occurs=None if var.list_element else 1, var=choice,
                )
        elif var.is_wildcard:
            shape.wildcard = True
            for qname, choice in var.elements.items():
                shape.children.setdefault(qname, Child(
                    qname, var.index, True, _child_class(choice), max_occurs=None, var=choice,
                ))
    return shape


def root_class(qname: str, version: str) -> type[Any] | None:
    """The class of a document's root: a document type, or else any global element."""
    doc_type = models.document_type_for_root(qname, version)
    if doc_type is not None:
        return models.document_class(doc_type, version)
    return models.global_element_class(qname, version)


def shape_version(declared: str | None) -> str | None:
    """The model version whose classes give the shapes: the declared one if installed,
    else the newest installed; None when no models are installed."""
    installed = models.model_versions()
    if declared in installed:
        return declared
    return installed[-1] if installed else None

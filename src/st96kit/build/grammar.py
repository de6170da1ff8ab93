"""The content models of a schema package: what the generated classes do not say.

The generated classes keep cardinalities, patterns and enumerations, but a choice that cannot
repeat becomes one optional field per element: ``ApplicationNumber`` needs either
``ST13ApplicationNumber`` or ``ApplicationNumberText``, and its class cannot tell. Fixed values
(``st96Version="V6_0"``, indicators fixed to ``true``) and built-in types such as ``xsd:ID``
are not in the classes either. :class:`Grammar` reads them from the package's schemas: the
sequences, choices and cardinalities of every complex type, the attributes with their use and
fixed value, and the built-in type at the bottom of every simple type.

MathML is left out (its schema is built from groups and anonymous types): its elements count
as unavailable, so that skeletons and drawn documents go around them.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from lxml import etree

from st96kit.namespaces import MATHML3, XSD
from st96kit.schemas.package import SchemaPackage

_XS = f"{{{XSD}}}"
INFINITE = math.inf
UNBOUNDED: int | None = None

Kind = Literal["element", "sequence", "choice", "any"]


@dataclass(frozen=True)
class Particle:
    """An element reference, a sequence, a choice or a wildcard, with its cardinality."""

    kind: Kind
    min: int = 1
    max: int | None = 1
    name: str = ""
    items: tuple[Particle, ...] = ()


@dataclass(frozen=True)
class Attribute:
    """An attribute a complex type allows."""

    name: str
    required: bool
    fixed: str | None
    builtin: str


@dataclass
class TypeModel:
    """What an element of a type holds: child elements, attributes, or a simple value."""

    content: Particle | None = None
    attributes: tuple[Attribute, ...] = ()
    builtin: str | None = None
    mixed: bool = False


@dataclass
class Element:
    """A global element declaration."""

    name: str
    type: TypeModel
    fixed: str | None = None


@dataclass
class _Schema:
    node: etree._Element
    namespace: str
    qualified_attributes: bool


@dataclass
class Grammar:
    """The content models of one schema package, built on demand."""

    version: str
    _elements: dict[str, tuple[etree._Element, _Schema]] = field(default_factory=dict)
    _types: dict[str, tuple[etree._Element, _Schema]] = field(default_factory=dict)
    _attributes: dict[str, tuple[etree._Element, _Schema]] = field(default_factory=dict)
    _built_types: dict[str, TypeModel] = field(default_factory=dict)
    _built_elements: dict[str, Element | None] = field(default_factory=dict)
    _costs: dict[str, float] | None = None

    @classmethod
    def from_package(cls, package: SchemaPackage) -> Grammar:
        grammar = cls(package.version)
        order = [*package.namespace_schemas.values(), *package.auxiliary_schemas]
        order += [d.schema_file for d in package.document_types.values()]
        for name in order:
            root = etree.fromstring(package.read(name))
            namespace = root.get("targetNamespace") or ""
            if namespace == MATHML3:
                continue
            schema = _Schema(root, namespace, root.get("attributeFormDefault") == "qualified")
            for node in root:
                if not isinstance(node.tag, str) or not node.get("name"):
                    continue
                key = f"{{{namespace}}}{node.get('name')}"
                local = etree.QName(node).localname
                table = {"element": grammar._elements, "complexType": grammar._types,
                         "simpleType": grammar._types, "attribute": grammar._attributes}.get(local)
                if table is not None:
                    table.setdefault(key, (node, schema))
        return grammar

    # -- declarations --------------------------------------------------------------------

    def element(self, name: str) -> Element | None:
        """The declaration of a global element (Clark notation), or None if unavailable."""
        if name in self._built_elements:
            return self._built_elements[name]
        found = self._elements.get(name)
        self._built_elements[name] = None
        if found is None:
            return None
        node, schema = found
        declaration = Element(name, self._element_type(node, schema), node.get("fixed"))
        self._built_elements[name] = declaration
        return declaration

    def type(self, name: str) -> TypeModel | None:
        """The model of a named type (Clark notation)."""
        if name.startswith(_XS):
            return TypeModel(builtin=etree.QName(name).localname)
        built = self._built_types.get(name)
        if built is not None:
            return built
        found = self._types.get(name)
        if found is None:
            return None
        node, schema = found
        model = TypeModel()
        self._built_types[name] = model  # recursion through a type's own base ends here
        self._fill(model, node, schema)
        return model

    def _qname(self, text: str, node: etree._Element) -> str:
        prefix, _, local = text.rpartition(":")
        return f"{{{node.nsmap.get(prefix or None, '')}}}{local}"

    def _element_type(self, node: etree._Element, schema: _Schema) -> TypeModel:
        type_name = node.get("type")
        if type_name:
            return self.type(self._qname(type_name, node)) or TypeModel(builtin="anyType")
        inline = node.find(f"{_XS}complexType")
        if inline is None:
            inline = node.find(f"{_XS}simpleType")
        model = TypeModel()
        if inline is None:
            model.builtin = "anyType"
        else:
            self._fill(model, inline, schema)
        return model

    def _fill(self, model: TypeModel, node: etree._Element, schema: _Schema) -> None:
        if etree.QName(node).localname == "simpleType":
            model.builtin = self._simple_builtin(node)
            return
        model.mixed = node.get("mixed") == "true"
        body = node
        for wrapper in ("simpleContent", "complexContent"):
            holder = node.find(f"{_XS}{wrapper}")
            if holder is None:
                continue
            model.mixed = model.mixed or holder.get("mixed") == "true"
            derivation = holder[0] if len(holder) else None
            while derivation is not None and not isinstance(derivation.tag, str):
                derivation = derivation.getnext()
            if derivation is None:
                break
            body = derivation
            base = self.type(self._qname(derivation.get("base", "xsd:anyType"), derivation))
            extension = etree.QName(derivation).localname == "extension"
            if wrapper == "simpleContent":
                model.builtin = base.builtin if base and base.builtin else "string"
                inline = derivation.find(f"{_XS}simpleType")
                if inline is not None:
                    model.builtin = self._simple_builtin(inline)
            if base is not None and (extension or wrapper == "simpleContent"):
                model.attributes = base.attributes
                if extension and base.content is not None:
                    model.content = base.content
            break
        own = self._content(body)
        if own is not None:
            model.content = own if model.content is None else Particle(
                "sequence", items=(model.content, own))
        model.attributes = _merge_attributes(model.attributes, self._attributes_of(body, schema))

    def _content(self, node: etree._Element) -> Particle | None:
        for child in node:
            if isinstance(child.tag, str) and etree.QName(child).localname in (
                    "sequence", "choice", "all"):
                return self._particle(child)
        return None

    def _particle(self, node: etree._Element) -> Particle:
        local = etree.QName(node).localname
        low = int(node.get("minOccurs", "1"))
        high_text = node.get("maxOccurs", "1")
        high = None if high_text == "unbounded" else int(high_text)
        if local == "element":
            ref = node.get("ref")
            if ref is None:  # a local declaration: register it under its own name
                name = f"{{{self._target(node)}}}{node.get('name')}"
                self._elements.setdefault(name, (node, self._schema_of(node)))
                return Particle("element", low, high, name)
            return Particle("element", low, high, self._qname(ref, node))
        if local == "any":
            return Particle("any", low, high)
        kind: Kind = "choice" if local == "choice" else "sequence"
        items = tuple(
            self._particle(c) for c in node
            if isinstance(c.tag, str)
            and etree.QName(c).localname in ("element", "sequence", "choice", "any")
        )
        return Particle(kind, low, high, items=items)

    def _target(self, node: etree._Element) -> str:
        return str(node.getroottree().getroot().get("targetNamespace") or "")

    def _schema_of(self, node: etree._Element) -> _Schema:
        root = node.getroottree().getroot()
        return _Schema(root, self._target(node), root.get("attributeFormDefault") == "qualified")

    def _attributes_of(self, node: etree._Element, schema: _Schema) -> tuple[Attribute, ...]:
        found: list[Attribute] = []
        for child in node.findall(f"{_XS}attribute"):
            required = child.get("use") == "required"
            if child.get("use") == "prohibited":
                continue
            ref = child.get("ref")
            if ref is not None:
                name = self._qname(ref, child)
                declared = self._attributes.get(name)
                builtin, fixed = "string", None
                if declared is not None:
                    builtin = self._attribute_builtin(declared[0])
                    fixed = declared[0].get("fixed")
                found.append(Attribute(name, required, child.get("fixed") or fixed, builtin))
            else:
                local = child.get("name", "")
                name = f"{{{schema.namespace}}}{local}" if schema.qualified_attributes else local
                found.append(Attribute(name, required, child.get("fixed"),
                                       self._attribute_builtin(child)))
        return tuple(found)

    def _attribute_builtin(self, node: etree._Element) -> str:
        type_name = node.get("type")
        if type_name:
            model = self.type(self._qname(type_name, node))
            return model.builtin if model and model.builtin else "string"
        inline = node.find(f"{_XS}simpleType")
        return self._simple_builtin(inline) if inline is not None else "string"

    def _simple_builtin(self, node: etree._Element) -> str:
        for child in node:
            if not isinstance(child.tag, str):
                continue
            local = etree.QName(child).localname
            if local == "restriction":
                base = child.get("base")
                if base is None:
                    inline = child.find(f"{_XS}simpleType")
                    return self._simple_builtin(inline) if inline is not None else "string"
                model = self.type(self._qname(base, child))
                return model.builtin if model and model.builtin else "string"
            if local in ("list", "union"):
                return local
        return "string"

    # -- minimal sizes -------------------------------------------------------------------

    def cost(self, name: str) -> float:
        """Elements in the smallest instance of a global element; infinite if unavailable."""
        if self._costs is None:
            self._costs = self._compute_costs()
        return self._costs.get(name, INFINITE)

    def particle_cost(self, particle: Particle) -> float:
        """Elements in the smallest content a particle allows."""
        return _particle_cost(particle, self.cost)

    def _compute_costs(self) -> dict[str, float]:
        names = list(self._elements)
        for name in names:
            self.element(name)
        costs: dict[str, float] = dict.fromkeys(self._elements, INFINITE)

        def lookup(name: str) -> float:
            return costs.get(name, INFINITE)

        changed = True
        while changed:
            changed = False
            for name in list(self._elements):
                declaration = self.element(name)
                if declaration is None:
                    continue
                content = declaration.type.content
                value = 1.0 + (_particle_cost(content, lookup) if content else 0.0)
                if value < costs[name]:
                    costs[name] = value
                    changed = True
        return costs


def _particle_cost(particle: Particle, lookup: Callable[[str], float]) -> float:
    if particle.min == 0:
        return 0.0
    if particle.kind == "element":
        one = lookup(particle.name)
    elif particle.kind == "any":
        one = INFINITE
    elif particle.kind == "sequence":
        one = sum(_particle_cost(p, lookup) for p in particle.items)
    else:
        one = min((_particle_cost(p, lookup) for p in particle.items), default=0.0)
    return one * particle.min


def _merge_attributes(
    inherited: tuple[Attribute, ...], own: tuple[Attribute, ...]
) -> tuple[Attribute, ...]:
    merged = {a.name: a for a in inherited}
    merged.update((a.name, a) for a in own)
    return tuple(merged.values())


@cache
def grammar_for(version: str) -> Grammar:
    """The grammar of the installed schema package of ``version`` (read once per process)."""
    from st96kit.schemas.locate import find_package

    return Grammar.from_package(find_package(version))

"""The JSON Schema (2020-12) of the JSON form of each ST.96 document type.

Generated from the same class shapes that the conversion uses (:mod:`st96kit.convert.shapes`),
one definition per generated class. The schema describes the JSON of *valid* documents written
by :func:`st96kit.convert.json_form.to_json`, with the standard prefixes (``com``, ``pat``,
``tmk``, ``dgn``, ``gin``, ``cpy``, ``m`` for MathML, ``tbl`` for OASIS tables): which keys an
object may have, which are required, which are arrays and how many items they may hold, the
enumerated values, and the patterns and lengths of the schema's simple types. Content the
schema leaves open (``xsd:any``) accepts any element in the generic ``#content`` form.
"""

from __future__ import annotations

import json
from decimal import Decimal
from enum import Enum
from typing import Any

from lxml import etree
from xsdata.formats.dataclass.models.elements import XmlVar

from st96kit import models
from st96kit.convert.json_form import CONTENT, ORDER, STANDARD_PREFIXES, TEXT, XML_NS
from st96kit.convert.shapes import Child, Shape, shape_of

DIALECT = "https://json-schema.org/draft/2020-12/schema"
GENERIC = "#element"
_STRING: dict[str, Any] = {"type": "string"}
_ANYWHERE: dict[str, Any] = {"^@xmlns:": _STRING, "^@xsi:": _STRING}
_FACETS = {"min_length": "minLength", "max_length": "maxLength"}
_NUMBER = r"^\s*([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|INF|-INF|NaN)\s*$"


def _key(qname: str) -> str:
    name = etree.QName(qname)
    if name.namespace is None:
        return name.localname
    prefix = "xml" if name.namespace == XML_NS else STANDARD_PREFIXES.get(name.namespace)
    if prefix is None:
        raise ValueError(f"no standard prefix for the namespace {name.namespace}")
    return f"{prefix}:{name.localname!s}"


def _metadata(cls: type[Any], name: str) -> dict[str, Any]:
    for item in getattr(cls, "__dataclass_fields__", {}).values():
        if item.name == name:
            return dict(item.metadata)
    return {}


def value_schema(var: XmlVar, owner: type[Any]) -> dict[str, Any]:
    """The schema of a text or attribute value of a generated class."""
    schema: dict[str, Any] = {"type": "string"}
    types = list(var.types)
    if var.tokens:
        return schema
    enums = [t for t in types if isinstance(t, type) and issubclass(t, Enum)]
    if types and len(enums) == len(types):
        values = [str(member.value) for t in enums for member in t]
        schema["enum"] = list(dict.fromkeys(values))
        return schema
    if types == [bool]:
        schema["enum"] = ["true", "false", "1", "0"]
        return schema
    if types == [int]:
        schema["pattern"] = r"^\s*[+-]?[0-9]+\s*$"
    elif types in ([Decimal], [float]):
        schema["pattern"] = _NUMBER
    meta = _metadata(owner, var.name)
    for facet, keyword in _FACETS.items():
        if facet in meta:
            schema[keyword] = int(meta[facet])
    if "length" in meta:
        schema["minLength"] = schema["maxLength"] = int(meta["length"])
    pattern = meta.get("pattern")
    if isinstance(pattern, str) and types in ([str], []):
        schema["pattern"] = f"^(?:{pattern})$"
    return schema


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def ref(self, cls: type[Any]) -> dict[str, Any]:
        parts = cls.__module__.split(".")
        name = f"{parts[3] if len(parts) > 3 else cls.__module__}.{cls.__qualname__}"
        if name not in self.defs:
            self.defs[name] = {}
            self.defs[name] = self.define(shape_of(cls))
        return {"$ref": f"#/$defs/{name}"}

    def child(self, child: Child, owner: type[Any]) -> dict[str, Any]:
        if child.cls is not None:
            return self.ref(child.cls)
        if child.var is not None:
            return value_schema(child.var, owner)
        return {}

    def attributes(self, shape: Shape) -> tuple[dict[str, Any], list[str]]:
        props = {"@" + _key(q): value_schema(a.var, shape.cls) for q, a in shape.attributes.items()}
        required = ["@" + _key(q) for q, a in shape.attributes.items() if a.required]
        return props, required

    def obj(self, props: dict[str, Any], required: list[str], shape: Shape) -> dict[str, Any]:
        patterns = dict(_ANYWHERE)
        if shape.any_attributes:
            patterns["^@"] = _STRING
        schema: dict[str, Any] = {
            "type": "object", "properties": props, "patternProperties": patterns,
            "additionalProperties": False,
        }
        if required:
            schema["required"] = required
        return schema

    def define(self, shape: Shape) -> dict[str, Any]:
        props, required = self.attributes(shape)
        if shape.kind == "simple":
            text = value_schema(shape.text, shape.cls) if shape.text is not None else _STRING
            props[TEXT] = text
            obj = self.obj(props, required, shape)
            return obj if required else {"anyOf": [text, obj]}
        if shape.kind == "mixed":
            named = {_key(q): self.child(c, shape.cls) for q, c in shape.children.items()}
            item: dict[str, Any] = {
                "type": "object", "minProperties": 1, "maxProperties": 1, "properties": named,
                "additionalProperties": {"$ref": f"#/$defs/{GENERIC}"} if shape.wildcard
                else False,
            }
            props[TEXT] = _STRING
            props[CONTENT] = {"type": "array", "items": {"anyOf": [_STRING, item]}}
            obj = self.obj(props, required, shape)
            return obj if required else {"anyOf": [_STRING, obj]}
        grouped: list[str] = []
        for qname, child in shape.children.items():
            key = _key(qname)
            schema = self.child(child, shape.cls)
            if child.repeat:
                array: dict[str, Any] = {"type": "array", "items": schema}
                if child.group is None and child.min_occurs:
                    array["minItems"] = child.min_occurs
                if child.group is None and child.max_occurs is not None:
                    array["maxItems"] = child.max_occurs
                schema = array
            props[key] = schema
            if child.group is not None:
                grouped.append(key)
            elif child.min_occurs:
                required.append(key)
        if grouped:
            props[ORDER] = {"type": "array", "items": {"enum": grouped}}
        keyed = self.obj(props, required, shape)
        if shape.wildcard:
            return {"anyOf": [keyed, {"$ref": f"#/$defs/{GENERIC}"}]}
        return keyed


def _generic() -> dict[str, Any]:
    item = {"type": "object", "minProperties": 1, "maxProperties": 1}
    return {"anyOf": [_STRING, {
        "type": "object",
        "properties": {TEXT: _STRING, CONTENT: {"type": "array",
                                                 "items": {"anyOf": [_STRING, item]}}},
        "patternProperties": {"^@": _STRING},
        "additionalProperties": False,
    }]}


def json_schema(name: str, version: str | None = None) -> dict[str, Any]:
    """The JSON Schema of the JSON form of one document type (``TrademarkApplication`` ...)."""
    version = version or models.model_versions()[-1]
    entry = models.document_types(version).get(name)
    cls = models.document_class(name, version)
    assert entry is not None
    builder = _Builder()
    builder.defs[GENERIC] = _generic()
    root_key = _key(f"{{{entry['namespace']}}}{entry['root']}")
    ref = builder.ref(cls)
    return {
        "$schema": DIALECT,
        "$id": f"urn:st96kit:json-form:{version}:{name}",
        "title": f"ST.96 {version} {name}, JSON form written by st96kit",
        "type": "object",
        "properties": {root_key: ref},
        "required": [root_key],
        "additionalProperties": False,
        "$defs": builder.defs,
    }


def json_schema_text(name: str, version: str | None = None, *, indent: int | None = 2) -> str:
    """:func:`json_schema` as JSON text."""
    return json.dumps(json_schema(name, version), indent=indent, ensure_ascii=False)

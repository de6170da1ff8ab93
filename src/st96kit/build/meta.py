"""What the generated classes say about their fields, read through xsdata's own metadata.

xsdata's :class:`~xsdata.formats.dataclass.context.XmlContext` gives each field's XML name,
kind, types and whether it is required; the facets (``pattern``, ``max_length``,
``min_inclusive`` ...) and cardinalities stay in the dataclass field metadata, where the
generator wrote them. :class:`ValueSpec` puts together what is known about one simple value.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from xsdata.formats.dataclass.models.elements import XmlMeta, XmlVar

from st96kit.binding.context import context
from st96kit.namespaces import prefix_for

FACETS = (
    "pattern", "length", "min_length", "max_length", "min_inclusive", "max_inclusive",
    "min_exclusive", "max_exclusive", "total_digits", "fraction_digits",
)

_context = context()


_metas: dict[type[Any], XmlMeta] = {}
_fields: dict[type[Any], dict[str, Mapping[str, Any]]] = {}


def xml_meta(cls: type[Any]) -> XmlMeta:
    """xsdata's binding metadata of a generated class."""
    meta = _metas.get(cls)
    if meta is None:
        meta = _metas[cls] = _context.build(cls)
    return meta


def _field_metadata(cls: type[Any]) -> dict[str, Mapping[str, Any]]:
    found = _fields.get(cls)
    if found is None:
        found = _fields[cls] = {f.name: f.metadata for f in dataclasses.fields(cls)}
    return found


def field_metadata(cls: type[Any], name: str) -> Mapping[str, Any]:
    """The metadata the generator wrote for one field of a class."""
    return _field_metadata(cls).get(name, {})


def facets(cls: type[Any], name: str) -> dict[str, Any]:
    """The facets (pattern, lengths, bounds ...) of one field."""
    metadata = field_metadata(cls, name)
    return {key: metadata[key] for key in FACETS if key in metadata}


def occurs(cls: type[Any], var: XmlVar) -> tuple[int, int | None]:
    """How often a field's element may occur: (min, max), max None for unbounded."""
    metadata = field_metadata(cls, var.name)
    if var.list_element:
        low = int(metadata.get("min_occurs", 0))
        high = metadata.get("max_occurs")
        return low, (None if high is None or high >= 2**31 - 1 else int(high))
    return (1 if var.required else 0), 1


def is_enum(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, enum.Enum)


def enum_members(tp: type[enum.Enum]) -> list[enum.Enum]:
    """The members of an enumeration that read back as themselves.

    A member whose value has blanks around it (a few in ST.96, such as
    ``"Professional registration number "``) is written as it is, but a reader that
    normalizes the text no longer finds it; such members are left out when others exist.
    """
    members = list(tp)
    clean = [m for m in members if not isinstance(m.value, str) or m.value == m.value.strip()]
    return clean or members


def short(qname: str) -> str:
    """``{ns}Local`` -> ``com:Local`` (the standard prefix), or the local name."""
    if not qname.startswith("{"):
        return qname
    namespace, local = qname[1:].split("}", 1)
    prefix = prefix_for(namespace)
    return f"{prefix}:{local}" if prefix else local


def element_qname(cls: type[Any]) -> str:
    """The element name an object of ``cls`` is written as when it is a document root."""
    return str(xml_meta(cls).qname)


@dataclass(frozen=True)
class ValueSpec:
    """One simple value to produce or check: an attribute, a simple element or a text."""

    name: str
    types: tuple[type[Any], ...]
    facets: Mapping[str, Any]
    tokens: bool = False
    builtin: str | None = None
    fixed: str | None = None

    @property
    def enums(self) -> tuple[type[enum.Enum], ...]:
        return tuple(t for t in self.types if is_enum(t))

    @property
    def main_type(self) -> type[Any]:
        """The type a produced value takes: an enumeration first, then the most specific."""
        for tp in self.types:
            if is_enum(tp):
                return tp
        order = ("XmlDate", "XmlDateTime", "XmlPeriod", "bool", "int", "Decimal", "float",
                 "bytes", "str")
        for wanted in order:
            for tp in self.types:
                if tp.__name__ == wanted:
                    return tp
        return str


def value_spec(
    owner: type[Any], var: XmlVar, *, builtin: str | None = None, fixed: str | None = None,
    name: str | None = None,
) -> ValueSpec:
    """The :class:`ValueSpec` of a field of ``owner``."""
    label = name or (owner.__name__ if var.is_text else short(var.qname))
    return ValueSpec(
        name=label,
        types=tuple(var.types),
        facets=facets(owner, var.name),
        tokens=bool(var.tokens),
        builtin=builtin,
        fixed=fixed,
    )

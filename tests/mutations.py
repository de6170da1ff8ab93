"""Mutations of parsed documents: one broken (or harmless) change each, made on the objects.

Used to compare :func:`st96kit.build.check` with lxml's verdict on the same objects.
"""

from __future__ import annotations

import copy
import dataclasses
import enum
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from xsdata.formats.dataclass.models.elements import XmlVar
from xsdata.formats.dataclass.models.generics import DerivedElement
from xsdata.models.datatype import XmlDate

from st96kit.build.meta import facets, occurs, short, xml_meta

Step = tuple[str, int | None]


@dataclass(frozen=True)
class Mutation:
    kind: str
    path: tuple[Step, ...]
    field: str
    label: str
    change: Callable[[Any, str], None]

    def apply(self, root: Any) -> Any:
        mutated = copy.deepcopy(root)
        owner = mutated
        for name, index in self.path:
            owner = getattr(owner, name)
            if index is not None:
                owner = owner[index]
            if isinstance(owner, DerivedElement):
                owner = owner.value
        self.change(owner, self.field)
        return mutated


def _set(value: Any) -> Callable[[Any, str], None]:
    def change(owner: Any, field: str) -> None:
        setattr(owner, field, value)

    return change


def _drop_last(owner: Any, field: str) -> None:
    getattr(owner, field).pop()


def _children(obj: Any) -> Iterator[tuple[Step, Any]]:
    meta = xml_meta(type(obj))
    for var in meta.get_element_vars():
        value = getattr(obj, var.name)
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            step = (var.name, index if isinstance(value, list) else None)
            inner = item.value if isinstance(item, DerivedElement) else item
            if dataclasses.is_dataclass(inner) and not isinstance(inner, type):
                yield step, inner


def _simple_mutations(obj: Any, var: XmlVar, label: str) -> Iterator[tuple[str, Any]]:
    value = getattr(obj, var.name)
    if value is None or isinstance(value, list):
        return
    found = facets(type(obj), var.name)
    enums = [t for t in var.types if isinstance(t, type) and issubclass(t, enum.Enum)]
    if enums and str not in var.types:
        yield "bad-enumeration", "NotAValueOfTheList"
    if XmlDate in var.types and isinstance(value, XmlDate):
        yield "bad-date", XmlDate(2021, 2, 30)
        yield "bad-date", XmlDate(2021, 13, 1)
    limit = found.get("max_length", found.get("length"))
    if limit is not None and str in var.types:
        yield "too-long", "X" * (int(limit) + 1)
    if "pattern" in found and str in var.types:
        yield "pattern-mismatch", "??"
    if "max_inclusive" in found and int in var.types:
        yield "out-of-range", int(found["max_inclusive"]) + 1
    if str in var.types and not enums and not found and isinstance(value, str):
        yield "other-text", "ChangedText"


def mutations(root: Any) -> list[Mutation]:
    """Every mutation of ``root`` that this module knows, in document order."""
    found: list[Mutation] = []

    def visit(obj: Any, path: tuple[Step, ...], label: str, is_root: bool) -> None:
        cls = type(obj)
        meta = xml_meta(cls)
        for var in meta.get_attribute_vars():
            if not var.is_attribute:
                continue
            where = f"{label}/@{short(var.qname)}"
            value = getattr(obj, var.name)
            if var.local_name == "st96Version" and is_root:
                found.append(Mutation("bad-version", path, var.name, where, _set("V5_0")))
                continue
            if value is not None:
                kind = "remove-required-attribute" if var.required else "remove-optional"
                found.append(Mutation(kind, path, var.name, where, _set(None)))
            for kind, bad in _simple_mutations(obj, var, where):
                found.append(Mutation(kind, path, var.name, where, _set(bad)))
        for var in meta.get_element_vars():
            where = f"{label}/{short(var.qname)}" if var.qname else label
            value = getattr(obj, var.name)
            if var.is_text:
                for kind, bad in _simple_mutations(obj, var, label):
                    found.append(Mutation(kind, path, var.name, label, _set(bad)))
                continue
            if var.is_element and not var.elements:
                if var.list_element:
                    low, _ = occurs(cls, var)
                    if value and len(value) <= low:
                        found.append(Mutation("remove-required", path, var.name, where,
                                              _drop_last))
                    elif value and low == 0:
                        found.append(Mutation("remove-optional", path, var.name, where,
                                              _set([])))
                elif value is not None:
                    kind = "remove-required" if var.required else "remove-optional"
                    found.append(Mutation(kind, path, var.name, where, _set(None)))
                    if var.clazz is None:
                        for kind, bad in _simple_mutations(obj, var, where):
                            found.append(Mutation(kind, path, var.name, where, _set(bad)))
        for step, child in _children(obj):
            name = short(xml_meta(type(child)).qname)
            visit(child, (*path, step), f"{label}/{name}", False)

    visit(root, (), f"/{short(xml_meta(type(root)).qname)}", True)
    return found


def sample(items: list[Mutation], per_kind: int) -> list[Mutation]:
    """At most ``per_kind`` mutations of each kind, spread over the document."""
    by_kind: dict[str, list[Mutation]] = {}
    for item in items:
        by_kind.setdefault(item.kind, []).append(item)
    chosen: list[Mutation] = []
    for group in by_kind.values():
        step = max(1, len(group) // per_kind)
        chosen.extend(group[::step][:per_kind])
    return chosen

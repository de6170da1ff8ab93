"""Early errors: what an object of the generated classes lacks or breaks, before it is written.

:func:`check` walks an object with the metadata of its classes alone (no schema package):
required elements and attributes, how often an element occurs, enumeration values, patterns,
lengths, numeric bounds, dates that do not exist, values of the wrong kind, and the
``st96Version`` a model version fixes. Each :class:`Problem` names its place in the document
as an XPath-like path with the standard prefixes.

What the classes do not record cannot be checked here: a choice that cannot repeat is one
optional field per element (``ApplicationNumber`` with neither ``ApplicationNumberText`` nor
``ST13ApplicationNumber``), and the order of the fields is the class's own.
"""

from __future__ import annotations

import dataclasses
import enum
import operator
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from xsdata.formats.dataclass.models.elements import XmlVar
from xsdata.formats.dataclass.models.generics import AnyElement, DerivedElement
from xsdata.models.datatype import XmlDate, XmlDateTime, XmlPeriod

from st96kit.build.meta import ValueSpec, occurs, short, value_spec, xml_meta
from st96kit.build.xsdregex import matches

_MODELS = "st96kit.models."


@dataclass(frozen=True)
class Problem:
    """One thing an object lacks or breaks."""

    path: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def check(obj: Any) -> list[Problem]:
    """Everything ``obj`` (a root object or any part of one) lacks or breaks, in document order."""
    from st96kit.binding.parse import Document

    if isinstance(obj, Document):
        obj = obj.root
    if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
        return [Problem("/", "type", f"not an object of a generated class: {type(obj).__name__}")]
    checker = _Checker(_model_version(type(obj)))
    checker.visit(obj, f"/{short(xml_meta(type(obj)).qname)}", root=True)
    return checker.problems


def _model_version(cls: type[Any]) -> str | None:
    module = cls.__module__
    if not module.startswith(_MODELS):
        return None
    return module[len(_MODELS):].split(".", 1)[0].upper()


class _Checker:
    def __init__(self, version: str | None) -> None:
        self.version = version
        self.problems: list[Problem] = []

    def add(self, path: str, rule: str, message: str) -> None:
        self.problems.append(Problem(path, rule, message))

    def visit(self, obj: Any, path: str, root: bool = False) -> None:
        cls = type(obj)
        meta = xml_meta(cls)
        for var in meta.get_attribute_vars():
            if var.is_attribute:
                self.attribute(obj, var, path, root)
        for var in meta.get_element_vars():
            value = getattr(obj, var.name)
            if var.is_text:
                self.simple(value_spec(cls, var), value, path)
            elif var.elements:
                self.compound(cls, var, value, path)
            elif var.is_element:
                self.element(cls, var, value, path)
            elif var.is_wildcard:
                for item in value if isinstance(value, list) else [value]:
                    if dataclasses.is_dataclass(item) and not isinstance(item, type):
                        self.visit(item, f"{path}/{short(xml_meta(type(item)).qname)}")

    def attribute(self, obj: Any, var: XmlVar, path: str, root: bool) -> None:
        value = getattr(obj, var.name)
        where = f"{path}/@{short(var.qname)}"
        if var.local_name == "st96Version" and self.version is not None:
            if value is None and root:
                return  # serialize() sets it from the model version
            if value is not None and value != self.version:
                self.add(where, "fixed", f"must be {self.version} for the {self.version} model, "
                         f"not {value!r}")
                return
        if value is None:
            if var.required:
                self.add(where, "required", f"required attribute {short(var.qname)} is missing")
            return
        self.simple(value_spec(type(obj), var), value, where)

    def element(self, cls: type[Any], var: XmlVar, value: Any, path: str) -> None:
        name = short(var.qname)
        low, high = occurs(cls, var)
        items = value if var.list_element else ([] if value is None else [value])
        if not isinstance(items, list):
            self.add(f"{path}/{name}", "type", f"{name} must be a list")
            return
        self.counts(path, name, len(items), low, high)
        for index, item in enumerate(items, 1):
            where = f"{path}/{name}" + (f"[{index}]" if len(items) > 1 else "")
            self.item(cls, var, item, where)

    def counts(self, path: str, name: str, count: int, low: int, high: int | None) -> None:
        if count < low:
            if low == 1:
                self.add(f"{path}/{name}", "required", f"required element {name} is missing")
            else:
                self.add(f"{path}/{name}", "occurs",
                         f"{name} occurs {count} times, at least {low} needed")
        elif high is not None and count > high:
            self.add(f"{path}/{name}", "occurs",
                     f"{name} occurs {count} times, at most {high} allowed")

    def compound(self, cls: type[Any], var: XmlVar, value: Any, path: str) -> None:
        items = value if isinstance(value, list) else ([] if value is None else [value])
        low, high = occurs(cls, var) if var.list_element else ((1 if var.required else 0), 1)
        if len(items) < low or (high is not None and len(items) > high):
            names = " or ".join(sorted(short(q) for q in var.elements))
            self.counts(path, f"({names})", len(items), low, high)
        seen: dict[str, int] = {}
        for item in items:
            if isinstance(item, str) and var.mixed:
                continue
            qname, inner = self.branch(var, item)
            if qname is None or inner is None:
                self.add(path, "type", f"{type(item).__name__} cannot appear here")
                continue
            seen[qname] = seen.get(qname, 0) + 1
            where = f"{path}/{short(qname)}[{seen[qname]}]"
            self.item(cls, inner, item.value if isinstance(item, DerivedElement) else item, where)

    def branch(self, var: XmlVar, item: Any) -> tuple[str | None, XmlVar | None]:
        if isinstance(item, DerivedElement):
            return item.qname, var.elements.get(item.qname)
        if isinstance(item, AnyElement):
            return None, None
        for qname, choice in var.elements.items():
            if choice.clazz is not None and isinstance(item, choice.clazz):
                return qname, choice
        return None, None

    def item(self, cls: type[Any], var: XmlVar, item: Any, path: str) -> None:
        if var.clazz is None:
            if item is None:
                return
            self.simple(value_spec(cls, var), item, path)
            return
        if not any(isinstance(item, tp) for tp in var.types):
            wanted = " or ".join(tp.__name__ for tp in var.types)
            self.add(path, "type", f"expected {wanted}, got {type(item).__name__}")
            return
        self.visit(item, path)

    # -- simple values -------------------------------------------------------------------

    def simple(self, spec: ValueSpec, value: Any, path: str) -> None:
        if value is None:
            return
        if spec.tokens and isinstance(value, list):
            for part in value:
                self.simple(dataclasses.replace(spec, tokens=False), part, path)
            return
        if not self.kind(spec, value, path):
            return
        self.facets(spec, value, path)

    def kind(self, spec: ValueSpec, value: Any, path: str) -> bool:
        """Whether ``value`` is of a type the field takes; adds a problem if not."""
        types = spec.types
        if spec.enums and not isinstance(value, enum.Enum) and str not in types:
            allowed = [m.value for e in spec.enums for m in e]
            if value not in allowed:
                shown = ", ".join(str(v) for v in allowed[:6]) + (" ..." if len(allowed) > 6
                                                                  else "")
                self.add(path, "enumeration", f"{value!r} is not one of the values of "
                         f"{spec.enums[0].__name__} ({shown})")
                return False
            return True
        if isinstance(value, enum.Enum):
            if spec.enums and not isinstance(value, spec.enums):
                self.add(path, "enumeration", f"{value!r} belongs to {type(value).__name__}, "
                         f"not {spec.enums[0].__name__}")
                return False
            return True
        if XmlDate in types or XmlDateTime in types or XmlPeriod in types:
            return self.date(spec, value, path)
        if bool in types and not isinstance(value, bool):
            self.add(path, "type", f"expected true or false, got {value!r}")
            return False
        if int in types and str not in types and (
                isinstance(value, bool) or not isinstance(value, int)):
            self.add(path, "type", f"expected an integer, got {value!r}")
            return False
        return True

    def date(self, spec: ValueSpec, value: Any, path: str) -> bool:
        parsed = value
        if isinstance(value, str):
            parsed = None
            for tp in (XmlDate, XmlDateTime, XmlPeriod):
                if tp in spec.types:
                    try:
                        parsed = tp.from_string(value) if tp is not XmlPeriod else tp(value)
                        break
                    except ValueError:
                        continue
        try:
            if isinstance(parsed, XmlDate):
                parsed.to_date()
                return True
            if isinstance(parsed, XmlDateTime):
                parsed.to_datetime()
                return True
            if isinstance(parsed, XmlPeriod) and XmlPeriod in spec.types:
                return True
        except ValueError as exc:
            self.add(path, "date", f"{value} is not a valid date ({exc})")
            return False
        wanted = "a date" if XmlDate in spec.types else "a date and time"
        self.add(path, "date", f"expected {wanted}, got {value!r}")
        return False

    def facets(self, spec: ValueSpec, value: Any, path: str) -> None:
        if str in spec.types and len(spec.types) > 1:
            return  # a union with a string member: the facets belong to another member
        facets = spec.facets
        text = value.value if isinstance(value, enum.Enum) else value
        if isinstance(text, str):
            size = len(text)
            if "length" in facets and size != facets["length"]:
                self.add(path, "length", f"{text!r} has {size} characters, "
                         f"exactly {facets['length']} needed")
            if "min_length" in facets and size < facets["min_length"]:
                self.add(path, "length", f"{text!r} has {size} characters, "
                         f"at least {facets['min_length']} needed")
            if "max_length" in facets and size > facets["max_length"]:
                self.add(path, "length", f"{text!r} has {size} characters, "
                         f"at most {facets['max_length']} allowed")
        pattern = facets.get("pattern")
        if pattern and not isinstance(value, enum.Enum):
            lexical = _lexical(value)
            if matches(pattern, lexical) is False:
                self.add(path, "pattern", f"{lexical!r} does not match the pattern {pattern}")
        self.bounds(facets, value, path)

    def bounds(self, facets: dict[str, Any] | Any, value: Any, path: str) -> None:
        if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
            return
        tests: tuple[tuple[str, Callable[[Decimal, Decimal], bool], str], ...] = (
            ("min_inclusive", operator.ge, "at least"),
            ("max_inclusive", operator.le, "at most"),
            ("min_exclusive", operator.gt, "more than"),
            ("max_exclusive", operator.lt, "less than"),
        )
        for key, test, words in tests:
            if key not in facets:
                continue
            try:
                bound = Decimal(str(facets[key]))
                number = Decimal(str(value))
            except InvalidOperation:
                continue
            if not test(number, bound):
                self.add(path, "range", f"{value} is out of range: must be {words} {bound}")


def _lexical(value: Any) -> str:
    lexical = getattr(value, "lexical", None)
    if isinstance(lexical, str):
        return lexical
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)

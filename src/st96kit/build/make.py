"""Making objects of the generated classes from their XML names and plain Python values.

``make(Priority, PriorityCountryCode="FR", PriorityApplicationFilingDate="2024-01-15")``
finds the field of each child (plain, list or compound), wraps a plain value in the child's
class (``PriorityCountryCode(value=ExtendedWIPOST3CodeType.FR)``), and checks it on the way:
an enumeration value, a date that exists, a pattern, a length, a numeric bound. A bad value
raises :class:`~st96kit.errors.BuildError` naming the field and the rule it breaks.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import re
from decimal import Decimal
from typing import Any, TypeVar

from xsdata.formats.dataclass.models.elements import XmlMeta, XmlVar
from xsdata.formats.dataclass.models.generics import DerivedElement
from xsdata.models.datatype import XmlDate, XmlDateTime, XmlPeriod

from st96kit.binding.lexical import LexicalInt
from st96kit.build.check import _Checker, _model_version
from st96kit.build.meta import ValueSpec, is_enum, short, value_spec, xml_meta
from st96kit.errors import BuildError

T = TypeVar("T")

#: How the enumerations of codes are named in error messages.
RULES = {
    "ExtendedWIPOST3CodeType": "a WIPO ST.3 code",
    "WIPOST3CodeType": "a WIPO ST.3 code",
    "ExtendedISOCountryCodeType": "an ISO 3166 / ST.3 country code",
    "ISOCountryCodeType": "an ISO 3166 / ST.3 country code",
    "ISOLanguageCodeType": "an ISO 639 language code",
    "ExtendedISOLanguageCodeType": "an ISO 639 language code",
}


def make(cls: type[T], /, **children: Any) -> T:
    """An object of ``cls`` with the given children and attributes, by XML or field name."""
    meta = xml_meta(cls)
    values: dict[str, Any] = {}
    version = _model_version(cls)
    if version and "st96Version" not in children and any(
            v.local_name == "st96Version" for v in meta.attributes.values()):
        children = {**children, "st96Version": version}
    for key, given in children.items():
        if given is None:
            continue
        var, item, compound = _find(meta, key)
        label = f"{cls.__name__}.{item.local_name}"
        many = given if isinstance(given, (list, tuple)) and (
            var.list_element or compound or var.tokens) else [given]
        converted = [coerce(cls, item, value, label, position)
                     for position, value in enumerate(many, 1)]
        if compound:
            wrapped = [
                DerivedElement(qname=item.qname, value=v)
                if item.clazz is None or _shared(var, item) else v
                for v in converted
            ]
            values.setdefault(var.name, []).extend(wrapped)
        elif var.list_element:
            values.setdefault(var.name, []).extend(converted)
        elif var.tokens:
            values[var.name] = converted
        else:
            if len(converted) != 1:
                raise BuildError(f"{label}: one value expected, got {len(converted)}")
            values[var.name] = converted[0]
    try:
        return cls(**values)
    except TypeError as exc:
        missing = [f.name for f in dataclasses.fields(cls)  # type: ignore[arg-type]
                   if f.init and f.name not in values
                   and f.default is dataclasses.MISSING
                   and f.default_factory is dataclasses.MISSING]
        names = ", ".join(_xml_name(meta, n) for n in missing) or str(exc)
        raise BuildError(f"{cls.__name__}: required {names} not given") from None


def _xml_name(meta: XmlMeta, field: str) -> str:
    for var in meta.get_all_vars():
        if var.name == field:
            return var.local_name or field
    return field


def _find(meta: XmlMeta, key: str) -> tuple[XmlVar, XmlVar, bool]:
    for var in meta.get_all_vars():
        if key in (var.name, var.local_name):
            return var, var, False
    for var in (*meta.choices, *meta.wildcards):
        for qname, item in var.elements.items():
            if key in (item.name, item.local_name, qname):
                return var, item, True
    raise BuildError(f"{meta.clazz.__name__} has no child or attribute {key!r}")


def _shared(var: XmlVar, item: XmlVar) -> bool:
    return any(o is not item and o.clazz is item.clazz for o in var.elements.values())


def coerce(owner: type[Any], var: XmlVar, value: Any, label: str, position: int = 1) -> Any:
    """``value`` as the field wants it: an object of its class, or a checked simple value."""
    if var.clazz is not None:
        if any(isinstance(value, tp) for tp in var.types):
            return value
        inner_meta = xml_meta(var.clazz)
        if inner_meta.mixed_content and isinstance(value, str):
            mixed = next(w for w in inner_meta.wildcards if w.mixed)
            return var.clazz(**{mixed.name: [value]})
        text = inner_meta.text
        if text is None or dataclasses.is_dataclass(value):
            wanted = " or ".join(tp.__name__ for tp in var.types)
            raise BuildError(f"{label}: expected {wanted}, got {type(value).__name__}")
        inner = simple(value_spec(var.clazz, text, name=label), value, label)
        extra: dict[str, Any] = {}
        for attribute in inner_meta.attributes.values():
            if attribute.required and attribute.local_name == "sequenceNumber":
                extra[attribute.name] = str(position) if str in attribute.types else position
            elif attribute.required:
                raise BuildError(f"{label}: needs its {attribute.local_name} attribute; "
                                 f"make it with make({var.clazz.__name__}, ...)")
        return var.clazz(**{text.name: inner}, **extra)
    return simple(value_spec(owner, var, name=label), value, label)


def simple(spec: ValueSpec, value: Any, label: str) -> Any:
    """A plain value converted to the field's type and checked against its facets."""
    converted = _convert(spec, value, label)
    checker = _Checker(None)
    checker.simple(spec, converted, label)
    if checker.problems:
        problem = checker.problems[0]
        raise BuildError(f"{label}: {problem.message.replace(problem.path + ': ', '')}")
    return converted


def _convert(spec: ValueSpec, value: Any, label: str) -> Any:
    types = spec.types
    enums = spec.enums
    if enums and not isinstance(value, enum.Enum):
        for tp in enums:
            for member in tp:
                if member.value == value or (isinstance(value, str) and
                                             member.value == value.strip()):
                    return member
        if str not in types:
            rule = RULES.get(enums[0].__name__)
            if rule is None:
                allowed = [str(m.value) for m in enums[0]]
                shown = ", ".join(repr(a) for a in allowed[:12])
                rule = f"one of {shown}" + (" ..." if len(allowed) > 12 else "")
            raise BuildError(f"{label}: {value!r} is not {rule}")
        return value
    if XmlDate in types and not isinstance(value, (XmlDate, XmlPeriod)):
        return _date(value, label)
    if XmlDateTime in types and isinstance(value, datetime.datetime):
        return XmlDateTime.from_datetime(value)
    if int in types and not isinstance(value, bool) and isinstance(value, (int, str)):
        if isinstance(value, int):
            return value
        text = value.strip()
        if re.fullmatch(r"[+-]?\d+", text):
            # as a reader gives it back: "09" keeps its zero (LexicalInt), "9" is 9
            return LexicalInt(text) if text != str(int(text)) else int(text)
        if str in types:
            return value
        raise BuildError(f"{label}: {value!r} is not a whole number")
    if Decimal in types and isinstance(value, (int, float, str)):
        return Decimal(str(value))
    if bool in types and not isinstance(value, bool):
        raise BuildError(f"{label}: expected True or False, got {value!r}")
    if is_enum(type(value)) and not enums:
        return value.value
    if types == (str,) and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _date(value: Any, label: str) -> XmlDate:
    if isinstance(value, datetime.date):
        return XmlDate.from_date(value)
    try:
        return XmlDate.from_date(datetime.date.fromisoformat(str(value)))
    except ValueError:
        raise BuildError(
            f"{label}: {value!r} is not a date (YYYY-MM-DD, a day that exists)"
        ) from None


def field_name(cls: type[Any], xml_name: str) -> str:
    """The Python field that holds child or attribute ``xml_name`` of ``cls``."""
    return _find(xml_meta(cls), xml_name)[0].name


def describe(cls: type[Any]) -> str:
    """``com:ApplicationNumber``: the XML name of a generated class."""
    return short(xml_meta(cls).qname)

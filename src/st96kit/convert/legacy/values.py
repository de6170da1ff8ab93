"""Value conversions between the legacy standards and ST.96.

Dates: ST.66 and ST.86 write ``xs:date`` with a time zone (``2009-01-28-05:00``), ST.36 writes
``CCYYMMDD`` (``20090128``); the ST.96 ``com:DateType`` is a plain ``2009-01-28``. Booleans:
``true``/``false``, ``1``/``0``, ``yes``/``no``; ST.36 marks some facts by the mere presence of
an empty element (``presence``). Language codes are lower case in ST.96 (``EN`` -> ``en``);
ST.36 image sizes are millimetres, with or without the unit (``1.44mm`` -> ``1.44``); ST.36
heading levels are numbers, ST.96's are ``H1`` to ``H6``; an ``id`` must be an XML name
(JPO writes ``000003``, which ST.96 cannot take). Code
lists go through Annex VI value maps
(:class:`~st96kit.convert.legacy.mapping.ValueMap`).
"""

from __future__ import annotations

import datetime
import re

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+)?(?:Z|[+-]\d{2}:\d{2})?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_TRUE = {"true", "1", "yes", "y"}
_FALSE = {"false", "0", "no", "n"}


def to_date(text: str) -> str | None:
    """``2009-01-28-05:00``, ``2009-01-28Z``, ``20090128`` -> ``2009-01-28``; None if not a date."""
    value = text.strip()
    match = _ISO_DATE.match(value) or _COMPACT_DATE.match(value)
    if match is None:
        return None
    year, month, day = (int(g) for g in match.groups())
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def to_boolean(text: str) -> str | None:
    """``true``/``1``/``yes`` -> ``true``, ``false``/``0``/``no`` -> ``false``; else None."""
    value = text.strip().lower()
    if value in _TRUE:
        return "true"
    if value in _FALSE:
        return "false"
    return None


def convert(kind: str, text: str) -> str | None:
    """Apply a named conversion; None when the text is not a value of that kind."""
    if kind == "date":
        return to_date(text)
    if kind == "boolean":
        return to_boolean(text)
    if kind == "presence":
        return "true"
    if kind == "language":
        value = text.strip().lower()
        return value if re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]+)*", value) else None
    if kind == "measure":
        match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(?:mm)?\s*", text)
        return match.group(1) if match else None
    if kind == "id":
        value = text.strip()
        return value if re.fullmatch(r"[A-Za-z_][\w.-]*", value) else None
    if kind == "heading-level":
        value = text.strip()
        return f"H{value}" if value in {"1", "2", "3", "4", "5", "6"} else None
    if kind == "integer":
        value = text.strip()
        return str(int(value)) if value.isdigit() else None
    raise ValueError(f"unknown value conversion {kind!r}")

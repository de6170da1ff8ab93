"""The one xsdata binding context of the process.

xsdata keeps what it learns about each class (fields, names, types) in an ``XmlContext``.
Building that takes far longer than parsing a document, so every parser, serializer and
metadata reader in st96kit shares this one.
"""

from __future__ import annotations

from functools import cache

from xsdata.formats.dataclass.context import XmlContext


@cache
def context() -> XmlContext:
    return XmlContext()

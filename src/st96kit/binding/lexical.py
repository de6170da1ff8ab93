"""Keeping the lexical form of integers, so that ``<ClassNumber>009</ClassNumber>`` comes back.

xsdata turns ``009`` into the int 9 and writes ``9``. ST.96 data is full of zero-padded numbers
(Nice classes, sequence numbers), and a document read and written again must say what it said.
:class:`LexicalInt` is an ``int`` that remembers its text when the text is not the canonical
one; :func:`install` registers converters for it with xsdata. Plain ints still read and write
as before, so other users of xsdata in the same process see no change but this one.
"""

from __future__ import annotations

from typing import Any

from xsdata.formats.converter import Converter, converter
from xsdata.formats.converter import IntConverter as _XsdataIntConverter


class LexicalInt(int):
    """An int that keeps the text it was read from (``"009"``)."""

    lexical: str

    def __new__(cls, text: str) -> LexicalInt:
        obj = super().__new__(cls, int(text))
        obj.lexical = text
        return obj

    def __repr__(self) -> str:
        return f"LexicalInt({self.lexical!r})"

    def __str__(self) -> str:
        return self.lexical

    def __format__(self, spec: str) -> str:
        return self.lexical if not spec else int(self).__format__(spec)

    def __reduce__(self) -> tuple[Any, ...]:
        return (LexicalInt, (self.lexical,))


class _IntConverter(_XsdataIntConverter):
    def deserialize(self, value: Any, **kwargs: Any) -> int:
        number = super().deserialize(value, **kwargs)
        if isinstance(value, str) and value != str(number):
            stripped = value.strip()
            if stripped != str(number):
                return LexicalInt(stripped)
        return number


class _LexicalIntConverter(Converter):
    def deserialize(self, value: Any, **kwargs: Any) -> LexicalInt:
        return LexicalInt(str(value))

    def serialize(self, value: LexicalInt, **kwargs: Any) -> str:
        return value.lexical


_installed = False


def install() -> None:
    """Register the converters with xsdata (once per process)."""
    global _installed
    if not _installed:
        converter.register_converter(int, _IntConverter())
        converter.register_converter(LexicalInt, _LexicalIntConverter())
        _installed = True

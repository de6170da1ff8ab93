"""Hypothesis strategies for schema-valid objects of the generated classes.

A drawn object follows the content model of its schema (:mod:`st96kit.build.grammar`):
required elements and attributes, cardinalities, every kind of choice, fixed values, and the
facets of each value. Drawn documents are small and shrink to the smallest valid document:
an optional element is present about one time in four and shrinks to absent, lists stay
short and shrink to their minimum, choices shrink to their smallest branch, and past a depth
or size budget only required content is added.
"""

from __future__ import annotations

import enum
import itertools
import warnings
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from hypothesis import reject
from hypothesis import strategies as st

from st96kit import models
from st96kit.build.grammar import INFINITE, Attribute, Grammar, Particle, grammar_for
from st96kit.build.meta import ValueSpec, xml_meta
from st96kit.build.realize import Realizer, Unrepresentable
from st96kit.errors import SchemaPackageError
from st96kit.testing.values import text_values, values

T = TypeVar("T")
Draw = Callable[[st.SearchStrategy[T]], T]

MAX_DEPTH = 8
MAX_ELEMENTS = 80
MAX_EXTRA = 2
_NEVER_DRAWN = frozenset({"IDREF", "IDREFS"})


class _Drawing:
    """A chooser that draws every decision, within a depth and size budget."""

    def __init__(self, draw: Draw[Any], size: float, max_depth: int, max_elements: int) -> None:
        self.draw = draw
        self.size = size if size < INFINITE else 1.0
        self.max_depth = max_depth
        self.max_elements = max_elements
        self.ids = itertools.count(1)

    def _room(self, cost: float, depth: int) -> bool:
        return depth < self.max_depth and self.size + cost <= self.max_elements

    def occurs(self, particle: Particle, cost: float, depth: int) -> int:
        low = particle.min
        high = low + MAX_EXTRA if particle.max is None else min(particle.max, low + MAX_EXTRA)
        if high <= low or cost == INFINITE or not self._room(cost, depth):
            return low
        if low == 0 and self.draw(st.integers(0, 3)) != 3:
            return 0
        extra = (1 if low == 0 else 0) + int(self.draw(st.integers(0, high - max(low, 1))))
        extra = min(extra, high - low)
        while extra and not self._room(extra * cost, depth):
            extra -= 1
        self.size += extra * cost
        return low + extra

    def branch(self, options: Sequence[Particle], depth: int) -> Particle:
        if len(options) == 1 or depth >= self.max_depth:
            return options[0]
        return options[int(self.draw(st.integers(0, len(options) - 1)))]

    def attribute(self, attribute: Attribute, depth: int) -> bool:
        if attribute.builtin in _NEVER_DRAWN:
            return False
        return bool(self.draw(st.booleans()))

    def value(self, spec: ValueSpec) -> Any:
        if spec.builtin == "ID" and spec.fixed is None:
            return f"ID{next(self.ids)}"
        return self.draw(values(spec))

    def text(self) -> str:
        return str(self.draw(text_values()))


def _grammar(version: str | None) -> Grammar | None:
    if version is None:
        return None
    try:
        return grammar_for(version)
    except SchemaPackageError as exc:
        warnings.warn(
            f"no ST.96 {version} schema package ({exc.message}); drawn objects follow the "
            "classes' metadata only and may break choices the classes cannot express",
            stacklevel=3,
        )
        return None


def instances(
    cls: type[T], *, max_depth: int = MAX_DEPTH, max_elements: int = MAX_ELEMENTS,
) -> st.SearchStrategy[T]:
    """Schema-valid objects of a generated class (an element class, a type, an enumeration).

    The content models come from the installed schema package of the class's ST.96 version.
    """
    if isinstance(cls, type) and issubclass(cls, enum.Enum):
        return st.sampled_from(list(cls))
    meta = xml_meta(cls)
    name = str(meta.qname)
    version = _version_of(cls)

    @st.composite
    def draw_instance(draw: Draw[Any]) -> T:
        grammar = _grammar(version)
        size = grammar.cost(name) if grammar is not None else 1.0
        chooser = _Drawing(draw, size, max_depth, max_elements)
        try:
            value: T = Realizer(grammar, chooser).element(name, cls, None, 0)
        except Unrepresentable:
            reject()
        return value

    return draw_instance()


def documents(
    document_type: str, version: str = "V6_0", *, max_depth: int = MAX_DEPTH,
    max_elements: int = MAX_ELEMENTS,
) -> st.SearchStrategy[Any]:
    """Schema-valid root objects of an ST.96 document type (``"TrademarkApplication"``)."""
    cls = models.document_class(document_type, version)
    return instances(cls, max_depth=max_depth, max_elements=max_elements)


def _version_of(cls: type[Any]) -> str | None:
    """``V6_0`` for a class of ``st96kit.models.v6_0``; None for other classes."""
    prefix = "st96kit.models."
    module = cls.__module__
    return module[len(prefix):].split(".", 1)[0].upper() if module.startswith(prefix) else None

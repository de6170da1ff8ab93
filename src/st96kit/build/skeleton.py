"""The smallest valid document of a type, with placeholder values.

Every required element and attribute is there, each choice takes its smallest branch, nothing
optional is added. Values follow :mod:`st96kit.build.placeholders`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from st96kit import models
from st96kit.binding.serialize import serialize
from st96kit.build.grammar import Attribute, Particle, grammar_for
from st96kit.build.meta import ValueSpec
from st96kit.build.placeholders import Placeholders
from st96kit.build.realize import Realizer
from st96kit.errors import BuildError

DEFAULT_VERSION = "V6_0"

NOTE = (
    "<!-- Skeleton written by st96kit: the smallest valid {name} of ST.96 {version}.\n"
    "     Placeholders to replace: text in [brackets], dates 9999-12-31, identifiers ID1,\n"
    "     ID2..., codes and numbers set to the first value their field allows. -->\n"
)


class _Smallest:
    """A chooser for the smallest document: minimal counts, cheapest branches."""

    def __init__(self) -> None:
        self.placeholders = Placeholders()

    def occurs(self, particle: Particle, cost: float, depth: int) -> int:
        return particle.min

    def branch(self, options: Sequence[Particle], depth: int) -> Particle:
        return options[0]

    def attribute(self, attribute: Attribute, depth: int) -> bool:
        return False

    def value(self, spec: ValueSpec) -> Any:
        return self.placeholders.value(spec)

    def text(self) -> str:
        return self.placeholders.text()


def document_type_names(version: str = DEFAULT_VERSION) -> list[str]:
    """The document types of a version, sorted by name."""
    return sorted(models.document_types(version))


def skeleton(name: str, version: str = DEFAULT_VERSION) -> Any:
    """The smallest valid document of type ``name`` (a root object of the generated classes).

    Needs the schema package of ``version`` (for the choices the classes cannot express).
    """
    known = models.document_types(version)
    if name not in known:
        close = [n for n in known if n.lower() == name.lower()]
        hint = f"did you mean {close[0]}?" if close else "`st96kit new --list` shows them"
        raise BuildError(f"unknown document type {name!r} for ST.96 {version}", hint=hint)
    cls = models.document_class(name, version)
    return Realizer(grammar_for(version), _Smallest()).document(cls)


def skeleton_xml(name: str, version: str = DEFAULT_VERSION) -> bytes:
    """The skeleton of ``name`` as XML, with a comment that explains the placeholders."""
    data = serialize(skeleton(name, version))
    declaration, _, body = data.partition(b"\n")
    note = NOTE.format(name=name, version=version).encode("utf-8")
    return declaration + b"\n" + note + body

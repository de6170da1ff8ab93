"""Generated ST.96 model packages, one per schema version (``st96kit.models.v6_0`` ...).

Importing this package imports no model: classes are loaded on demand, one document type at a
time.
"""

from __future__ import annotations

import importlib
import re
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from st96kit.errors import NoSchemaPackageError, SchemaPackageError

_HERE = Path(__file__).parent
_PACKAGE = re.compile(r"^v(\d+)_(\d+)$")


@cache
def _versions() -> tuple[str, ...]:
    found = [p.name for p in _HERE.iterdir() if p.is_dir() and _PACKAGE.match(p.name)]
    found.sort(key=lambda n: tuple(int(x) for x in _PACKAGE.match(n).groups()))  # type: ignore[union-attr]
    return tuple(n.upper() for n in found)


def model_versions() -> list[str]:
    """The ST.96 versions that have generated models installed, oldest first."""
    return list(_versions())


@cache
def model_package(version: str) -> ModuleType:
    """The generated package of one version (its index only, no classes)."""
    if version not in model_versions():
        installed = ", ".join(model_versions()) or "none"
        raise NoSchemaPackageError(
            f"st96kit has no generated models for ST.96 {version} (models: {installed})",
            hint="`st96kit generate --schemas PATH` generates them from that version's package",
        )
    return importlib.import_module(f"{__name__}.{version.lower()}")


def document_types(version: str) -> dict[str, dict[str, str]]:
    """Document type name -> index entry (namespace, root, module, class, schema_file)."""
    index: dict[str, dict[str, str]] = model_package(version).DOCUMENT_TYPES
    return index


def document_class(name: str, version: str) -> type[Any]:
    """The root class of a document type, importing only the classes it is made of."""
    entry = document_types(version).get(name)
    if entry is None:
        raise SchemaPackageError(f"ST.96 {version} has no document type {name!r}")
    cls: type[Any] = getattr(importlib.import_module(entry["module"]), entry["class"])
    return cls


@cache
def _roots(version: str) -> dict[str, str]:
    return {f"{{{e['namespace']}}}{e['root']}": n for n, e in document_types(version).items()}


def document_type_for_root(qname: str, version: str) -> str | None:
    """The document type whose root element is ``qname`` (Clark notation), if any."""
    return _roots(version).get(qname)


@cache
def mixed_elements() -> frozenset[str]:
    """Elements with mixed content, in every installed version (Clark names)."""
    found: set[str] = set()
    for version in model_versions():
        found |= getattr(model_package(version), "MIXED_ELEMENTS", frozenset())
    return frozenset(found)


def global_element_class(qname: str, version: str) -> type[Any] | None:
    """The generated class of a global ST.96 element, by its Clark name, if the models of
    ``version`` have one (None for other namespaces, names and uninstalled versions)."""
    namespace, _, local = qname[1:].partition("}") if qname.startswith("{") else ("", "", qname)
    try:
        package = model_package(version)
    except NoSchemaPackageError:
        return None
    sub = package.NAMESPACES.get(namespace)
    if sub is None:
        return None
    module = importlib.import_module(f"{package.__name__}.{sub}")
    if local not in getattr(module, "_MODULES", {}):
        return None
    cls: type[Any] = getattr(module, local)
    if getattr(getattr(cls, "Meta", None), "name", cls.__name__) != local:
        return None
    return cls

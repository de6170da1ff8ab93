"""Finding the installed schema packages.

Packages are looked up, in this order: locations passed explicitly (``--schemas PATH``), the
``ST96KIT_SCHEMAS`` environment variable (one or more paths separated by ``os.pathsep``), then
the user-level registry (``st96kit schemas add PATH``). The first package found for a version
wins. Opened packages are cached per process.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from st96kit.errors import NoSchemaPackageError, SchemaPackageError
from st96kit.schemas import registry
from st96kit.schemas.package import SchemaPackage, check_version, version_key

SCHEMAS_ENV = "ST96KIT_SCHEMAS"

_cache: dict[Path, SchemaPackage] = {}


@dataclass(frozen=True)
class Candidate:
    """A place a package may be, and where that place was named."""

    path: Path
    origin: str  # "argument", "environment" or "registry"


def candidates(explicit: Iterable[str | Path] | None = None) -> list[Candidate]:
    """Every configured package location, in lookup order, without duplicates."""
    found: list[Candidate] = []
    for item in explicit or ():
        found.append(Candidate(Path(item).expanduser(), "argument"))
    for item in os.environ.get(SCHEMAS_ENV, "").split(os.pathsep):
        if item.strip():
            found.append(Candidate(Path(item.strip()).expanduser(), "environment"))
    found.extend(Candidate(p, "registry") for p in registry.registered_paths())
    unique: list[Candidate] = []
    seen: set[Path] = set()
    for cand in found:
        key = cand.path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(cand)
    return unique


def open_package(path: str | Path) -> SchemaPackage:
    """Open a package, reusing one already opened in this process."""
    key = Path(path).expanduser().resolve()
    package = _cache.get(key)
    if package is None:
        package = SchemaPackage.open(key)
        _cache[key] = package
    return package


_available: dict[tuple[object, ...], list[SchemaPackage]] = {}


def _configuration_key(explicit: Sequence[str | Path] | None) -> tuple[object, ...]:
    """What the lookup depends on: the arguments, the variable, the registry file's state."""
    try:
        stamp: object = registry.registry_file().stat().st_mtime_ns
    except OSError:
        stamp = None
    return (
        tuple(str(item) for item in explicit or ()),
        os.environ.get(SCHEMAS_ENV, ""),
        str(registry.registry_file()),
        stamp,
    )


def available(explicit: Sequence[str | Path] | None = None) -> list[SchemaPackage]:
    """Every configured package that opens, newest version first.

    A location named explicitly must open; others that fail are skipped here (``st96kit
    schemas list`` reports them). The answer is kept while the configuration is unchanged.
    """
    key = _configuration_key(explicit)
    known = _available.get(key)
    if known is None:
        known = _available[key] = _open_available(explicit)
    return list(known)


def _open_available(explicit: Sequence[str | Path] | None) -> list[SchemaPackage]:
    packages: dict[str, SchemaPackage] = {}
    for cand in candidates(explicit):
        try:
            package = open_package(cand.path)
        except SchemaPackageError:
            if cand.origin == "argument":
                raise
            continue
        packages.setdefault(package.version, package)
    return sorted(packages.values(), key=lambda p: version_key(p.version), reverse=True)


def find_package(
    version: str | None = None, explicit: Sequence[str | Path] | None = None
) -> SchemaPackage:
    """The package for ``version`` (the newest installed one when None)."""
    if version is not None:
        check_version(version)
    packages = available(explicit)
    if version is None:
        if packages:
            return packages[0]
        raise NoSchemaPackageError(
            "no ST.96 schema package is installed",
            hint="download the package from WIPO, then `st96kit schemas add PATH` or set "
            f"{SCHEMAS_ENV}",
        )
    for package in packages:
        if package.version == version:
            return package
    installed = ", ".join(p.version for p in packages) or "none"
    raise NoSchemaPackageError(
        f"no schema package for ST.96 {version} installed (installed: {installed})",
        hint=f"`st96kit schemas add PATH` or set {SCHEMAS_ENV} to the {version} package",
    )

"""An ST.96 schema package: its version, its document types and its files.

WIPO publishes each ST.96 version as a *flattened* release: one schema per namespace
(``Common_V6_0.xsd``, ``Patent_V6_0.xsd`` ...) and one schema per document type
(``PatentPublication_V6_0.xsd``), each document schema with private copies of the other
namespaces it needs (``PatentPublication_V6_0_Common.xsd``). :class:`SchemaPackage` reads such a
release from a folder or a zip and knows, for each document type, its root element and the
file that validates it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath

from lxml import etree

from st96kit.errors import SchemaPackageError
from st96kit.namespaces import ST96_NAMESPACES, XSD
from st96kit.schemas.source import PackageSource, open_source

VERSION_PATTERN = re.compile(r"^V(\d+)_(\d+)$")
_FILE_VERSION = re.compile(r"_(V\d+_\d+)(?:_[A-Za-z]+)?\.xsd$")
_XS = f"{{{XSD}}}"


def check_version(version: str) -> str:
    """Return ``version`` if it is an ST.96 version string such as ``V6_0``, else raise."""
    if not VERSION_PATTERN.match(version):
        raise SchemaPackageError(
            f"unknown ST.96 version string {version!r}",
            hint="versions are written like V6_0 or V8_0",
        )
    return version


def version_key(version: str) -> tuple[int, int]:
    """Sort key of a version string: ``V6_0`` -> ``(6, 0)``."""
    match = VERSION_PATTERN.match(version)
    return (int(match.group(1)), int(match.group(2))) if match else (-1, -1)


@dataclass(frozen=True)
class DocumentType:
    """One ST.96 document type of a schema package, such as ``TrademarkApplication``."""

    name: str
    version: str
    namespace: str
    root: str
    schema_file: str

    @property
    def qname(self) -> str:
        """The root element in Clark notation: ``{namespace}local``."""
        return f"{{{self.namespace}}}{self.root}"

    @property
    def namespace_name(self) -> str:
        """The short name of the root's namespace: ``Patent``, ``Trademark`` ..."""
        return self.namespace.rsplit("/", 1)[-1]


@dataclass
class SchemaPackage:
    """A flattened ST.96 schema package opened from a folder or a zip archive."""

    source: PackageSource
    version: str
    namespace_schemas: dict[str, str]
    auxiliary_schemas: list[str]
    document_types: dict[str, DocumentType] = field(default_factory=dict)

    @property
    def location(self) -> Path:
        return self.source.location

    @classmethod
    def open(cls, location: str | Path) -> SchemaPackage:
        """Open and check the package at ``location`` (a folder or a zip)."""
        return read_package(open_source(location))

    def document_type(self, name: str) -> DocumentType:
        """A document type by name (``TrademarkApplication``), case-insensitively."""
        found = self.document_types.get(name)
        if found is None:
            lowered = {k.lower(): v for k, v in self.document_types.items()}
            found = lowered.get(name.lower())
        if found is None:
            raise SchemaPackageError(
                f"ST.96 {self.version} has no document type {name!r}",
                hint="`st96kit schemas list` shows the document types",
            )
        return found

    @cached_property
    def _by_root(self) -> dict[str, DocumentType]:
        return {d.qname: d for d in self.document_types.values()}

    def document_type_for_root(self, qname: str) -> DocumentType | None:
        """The document type whose root element is ``qname`` (Clark notation), if any."""
        return self._by_root.get(qname)

    def file_for_location(self, location: str) -> str | None:
        """The package file a ``schemaLocation`` points at, whatever its folder or URL.

        Both relative paths and ``https://www.wipo.int/...`` URLs resolve by file name to the
        package's own copy; a name the package does not hold gives None.
        """
        name = PurePosixPath(location.replace("\\", "/").split("?", 1)[0]).name
        return name if self.source.has(name) else None

    def read(self, name: str) -> bytes:
        return self.source.read(name)

    def __repr__(self) -> str:
        return (
            f"SchemaPackage(version={self.version!r}, location={str(self.location)!r}, "
            f"document_types={len(self.document_types)})"
        )


def _parse_schema(source: PackageSource, name: str) -> etree._Element:
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        return etree.fromstring(source.read(name), parser)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position if exc.position else (None, None)
        raise SchemaPackageError(
            f"corrupt schema file: {exc.msg}", file=source.describe(name), line=line, column=column
        ) from None


def _imports(schema: etree._Element) -> list[str]:
    return [
        loc
        for tag in (f"{_XS}import", f"{_XS}include")
        for node in schema.findall(tag)
        if (loc := node.get("schemaLocation"))
    ]


def _root_element(schema: etree._Element, name: str, source: PackageSource) -> str:
    """The one global element of a document schema that no other declaration references."""
    declared = [e.get("name") for e in schema.findall(f"{_XS}element") if e.get("name")]
    referenced = {
        ref.rsplit(":", 1)[-1] for e in schema.iter(f"{_XS}element") if (ref := e.get("ref"))
    }
    roots = [d for d in declared if d and d not in referenced]
    if len(roots) != 1:
        raise SchemaPackageError(
            f"cannot tell the document root: {len(roots)} unreferenced global elements",
            file=source.describe(name),
        )
    return roots[0]


def read_package(source: PackageSource) -> SchemaPackage:
    """Classify and check the files of a flattened ST.96 package."""
    names = source.names()
    if not names:
        hint = "point st96kit at the folder or zip of a WIPO ST.96 schema package"
        if (
            isinstance(source.location, Path)
            and source.location.is_dir()
            and any((source.location / short).is_dir() for short in ST96_NAMESPACES)
        ):
            hint = (
                "this looks like the modular release; st96kit reads the flattened release "
                "(Annex III), which WIPO publishes beside it"
            )
        raise SchemaPackageError(
            "not an ST.96 schema package: no .xsd files", file=str(source.location), hint=hint
        )
    versions = sorted({m.group(1) for n in names if (m := _FILE_VERSION.search(n))})
    st96_versions = [v for v in versions if f"Common_{v}.xsd" in names] or versions
    if not st96_versions:
        raise SchemaPackageError(
            "not an ST.96 schema package: no file names carry an ST.96 version (such as "
            "Common_V6_0.xsd)",
            file=str(source.location),
        )
    if len(st96_versions) > 1:
        raise SchemaPackageError(
            f"the folder mixes ST.96 versions {', '.join(st96_versions)}",
            file=str(source.location),
            hint="keep each version's package in a folder or zip of its own",
        )
    version = st96_versions[0]
    suffix = f"_{version}.xsd"

    namespace_schemas = {
        short: f"{short}{suffix}" for short in ST96_NAMESPACES if f"{short}{suffix}" in names
    }
    missing = [f"{short}{suffix}" for short in ST96_NAMESPACES if short not in namespace_schemas]
    if missing:
        raise SchemaPackageError(
            f"incomplete ST.96 {version} package: missing {', '.join(missing)}",
            file=str(source.location),
        )

    document_files = [
        n for n in names if n.endswith(suffix) and n not in namespace_schemas.values()
    ]
    needed: set[str] = set()
    document_types: dict[str, DocumentType] = {}
    for name in [*namespace_schemas.values(), *document_files]:
        schema = _parse_schema(source, name)
        if schema.tag != f"{_XS}schema":
            raise SchemaPackageError("not an XML Schema document", file=source.describe(name))
        needed.update(PurePosixPath(loc).name for loc in _imports(schema))
        if name in document_files:
            namespace = schema.get("targetNamespace") or ""
            doc_name = name[: -len(suffix)]
            document_types[doc_name] = DocumentType(
                name=doc_name,
                version=version,
                namespace=namespace,
                root=_root_element(schema, name, source),
                schema_file=name,
            )
    absent = sorted(n for n in needed if n not in names)
    if absent:
        raise SchemaPackageError(
            f"incomplete ST.96 {version} package: missing {', '.join(absent)}",
            file=str(source.location),
            hint="unpack or download the whole package again",
        )
    if not document_types:
        raise SchemaPackageError(
            f"the ST.96 {version} package has no document schemas", file=str(source.location)
        )
    primary = {*namespace_schemas.values(), *document_files}
    auxiliary = [n for n in names if n not in primary]
    return SchemaPackage(
        source=source,
        version=version,
        namespace_schemas=namespace_schemas,
        auxiliary_schemas=auxiliary,
        document_types=dict(sorted(document_types.items())),
    )

"""Compiling document schemas from a package, once per process, without the network.

Every ``schemaLocation`` met while compiling (relative paths, ``https://www.wipo.int/...``
URLs) is answered from the package's own files by file name; a name the package lacks is an
error, never a download.

Two variants per document type: the *full* schema, and a *light* one in which the MathML 3
schema (about 2 of the 2.2 seconds a V6_0 document schema takes to compile) is replaced by a
stand-in declaring ``math`` with any content. The light schema gives the same verdict as the
full one on every document without MathML elements, and is only used for those.
"""

from __future__ import annotations

import threading
from pathlib import PurePosixPath
from typing import Any

from lxml import etree

from st96kit.errors import SchemaPackageError
from st96kit.namespaces import MATHML3
from st96kit.schemas.package import DocumentType, SchemaPackage
from st96kit.sources.read import parser_options

MATHML_SCHEMA = "FlattenedMathML3.xsd"
_BASE = "st96kit-package:///"

MATHML_STAND_IN = f"""<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="{MATHML3}"
    elementFormDefault="qualified">
  <xsd:element name="math">
    <xsd:complexType>
      <xsd:sequence>
        <xsd:any processContents="skip" minOccurs="0" maxOccurs="unbounded"/>
      </xsd:sequence>
      <xsd:anyAttribute processContents="skip"/>
    </xsd:complexType>
  </xsd:element>
</xsd:schema>
""".encode()


class PackageResolver(etree.Resolver):
    """Answers every schema request from the package; records what it could not answer."""

    def __init__(self, package: SchemaPackage, light: bool) -> None:
        super().__init__()
        self.package = package
        self.light = light
        self.unresolved: list[str] = []

    def resolve(self, system_url: str | None, public_id: str | None, context: Any) -> Any:
        if system_url is None:
            return None
        name = PurePosixPath(system_url.split("?", 1)[0]).name
        if self.light and name == MATHML_SCHEMA:
            return self.resolve_string(MATHML_STAND_IN, context, base_url=_BASE + name)
        found = self.package.file_for_location(system_url)
        if found is None:
            self.unresolved.append(system_url)
            return self.resolve_string(b"", context)
        return self.resolve_string(self.package.read(found), context, base_url=_BASE + found)


def compile_schema(package: SchemaPackage, doc_type: DocumentType, light: bool) -> etree.XMLSchema:
    """Compile one document schema from the package (no caching here)."""
    resolver = PackageResolver(package, light)
    parser = etree.XMLParser(**parser_options())
    parser.resolvers.add(resolver)
    name = doc_type.schema_file
    try:
        root = etree.fromstring(package.read(name), parser, base_url=_BASE + name)
        schema = etree.XMLSchema(root)
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError) as exc:
        detail = f"; could not find {', '.join(resolver.unresolved)}" if resolver.unresolved else ""
        raise SchemaPackageError(
            f"cannot compile {name}: {exc}{detail}", file=str(package.location)
        ) from None
    if resolver.unresolved:
        raise SchemaPackageError(
            f"{name} needs {', '.join(resolver.unresolved)}, which the package lacks",
            file=str(package.location),
        )
    return schema


_cache: dict[tuple[str, str, str, bool], etree.XMLSchema] = {}
_lock = threading.Lock()


def document_schema(
    package: SchemaPackage, doc_type: DocumentType, *, light: bool = False
) -> etree.XMLSchema:
    """The compiled schema of a document type, compiled once per process."""
    key = (str(package.location), package.version, doc_type.name, light)
    with _lock:
        schema = _cache.get(key)
        if schema is None:
            schema = compile_schema(package, doc_type, light)
            _cache[key] = schema
    return schema


def uses_mathml(root: etree._Element) -> bool:
    """True when the document holds any element of the MathML 3 namespace."""
    for _ in root.iter(f"{{{MATHML3}}}*"):
        return True
    return False

"""Merge a flattened schema package into one schema per namespace.

In a flattened release every document schema carries private copies of the components it uses
(``PatentPublication_V6_0_Common.xsd`` repeats part of ``Common_V6_0.xsd``). Generating code from
the document schemas as they are would give one class per copy (``Foo``, ``Foo1`` ...). This step
gathers every global component of each namespace exactly once: the namespace-level schema first,
then the components that only document schemas declare (the document roots and their types).
Copies are checked to be identical; the annotations (WIPO's documentation text) are left out.

Schema ``default`` and ``fixed`` values are left out too. Generated with them, a class fills an
absent attribute or element with its default and writes it back, so a document would not come
back as it was read (``orientationCategory="Portrait"`` would appear on every ``PageImage``).
The models hold what a document says; validation still applies the schema's own rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from st96kit.errors import CodegenError
from st96kit.namespaces import XSD
from st96kit.schemas.package import SchemaPackage

_XS = f"{{{XSD}}}"
_SKIP = {f"{_XS}import", f"{_XS}include", f"{_XS}annotation"}


@dataclass
class MergedNamespace:
    """All global components of one namespace, gathered from the whole package."""

    namespace: str
    file_name: str
    root_attributes: dict[str, str]
    nsmap: dict[str | None, str]
    components: dict[tuple[str, str], etree._Element] = field(default_factory=dict)
    imports: set[str] = field(default_factory=set)


_VALUE_CONSTRAINTS = ("default", "fixed")


def _clean(node: etree._Element) -> etree._Element:
    copy = etree.fromstring(etree.tostring(node))
    for declaration in copy.iter(f"{_XS}attribute", f"{_XS}element"):
        for name in _VALUE_CONSTRAINTS:
            declaration.attrib.pop(name, None)
    for annotation in copy.findall(f".//{_XS}annotation"):
        parent = annotation.getparent()
        if parent is not None:
            parent.remove(annotation)
    for comment in copy.xpath("//comment()"):
        parent = comment.getparent()
        if parent is not None:
            parent.remove(comment)
    return copy


def _signature(node: etree._Element) -> bytes:
    return etree.tostring(node, method="c14n", exclusive=True)


def merge_package(package: SchemaPackage) -> dict[str, MergedNamespace]:
    """Gather every namespace's global components once, keyed by namespace URI."""
    order = [*package.namespace_schemas.values(), *package.auxiliary_schemas]
    order += [d.schema_file for d in package.document_types.values()]
    merged: dict[str, MergedNamespace] = {}
    file_names: dict[str, str] = {}
    for name in order:
        root = etree.fromstring(package.read(name))
        namespace = root.get("targetNamespace") or ""
        entry = merged.get(namespace)
        if entry is None:
            stem = name.removesuffix(".xsd")
            file_names[namespace] = stem
            attributes = {
                k: v
                for k, v in root.attrib.items()
                if k in ("targetNamespace", "elementFormDefault", "attributeFormDefault", "version")
            }
            entry = merged[namespace] = MergedNamespace(
                namespace=namespace,
                file_name=f"{stem}.xsd",
                root_attributes=attributes,
                nsmap=dict(root.nsmap),
            )
        for imp in root.findall(f"{_XS}import"):
            if imp.get("namespace"):
                entry.imports.add(imp.get("namespace", ""))
        for prefix, uri in root.nsmap.items():
            entry.nsmap.setdefault(prefix, uri)
        for node in root:
            if not isinstance(node.tag, str) or node.tag in _SKIP:
                continue
            key = (etree.QName(node).localname, node.get("name", ""))
            clean = _clean(node)
            known = entry.components.get(key)
            if known is None:
                entry.components[key] = clean
            elif _signature(known) != _signature(clean):
                raise CodegenError(
                    f"{key[0]} {key[1]!r} of {namespace} differs between copies in the package",
                    file=package.source.describe(name),
                )
    return merged


def write_merged(merged: dict[str, MergedNamespace]) -> dict[str, bytes]:
    """Serialize the merged namespaces as schema files that import each other."""
    files: dict[str, bytes] = {}
    by_namespace = {m.namespace: m.file_name for m in merged.values()}
    for entry in merged.values():
        nsmap = {p: u for p, u in entry.nsmap.items() if p is not None}
        nsmap["xsd"] = XSD
        root = etree.Element(f"{_XS}schema", nsmap=nsmap)
        for key, value in entry.root_attributes.items():
            root.set(key, value)
        for namespace in sorted(entry.imports):
            if namespace in by_namespace:
                etree.SubElement(
                    root,
                    f"{_XS}import",
                    namespace=namespace,
                    schemaLocation=by_namespace[namespace],
                )
        for node in entry.components.values():
            root.append(node)
        files[entry.file_name] = etree.tostring(
            root, xml_declaration=True, encoding="UTF-8", pretty_print=True
        )
    return files


def mixed_elements(merged: dict[str, MergedNamespace]) -> list[str]:
    """Elements (Clark names) whose content is mixed, where whitespace is text."""
    mixed_types: set[str] = set()
    for entry in merged.values():
        for (kind, name), node in entry.components.items():
            if kind != "complexType":
                continue
            content = node.find(f"{_XS}complexContent")
            if node.get("mixed") == "true" or (
                content is not None and content.get("mixed") == "true"
            ):
                mixed_types.add(f"{{{entry.namespace}}}{name}")
    found: set[str] = set()
    for entry in merged.values():
        for node in entry.components.values():
            for element in node.iter(f"{_XS}element"):
                element_name = element.get("name")
                if not element_name:
                    continue
                anonymous = element.find(f"{_XS}complexType")
                mixed = anonymous is not None and anonymous.get("mixed") == "true"
                type_name = element.get("type")
                if type_name and not mixed:
                    prefix, _, local = type_name.rpartition(":")
                    uri = element.nsmap.get(prefix or None)
                    mixed = f"{{{uri}}}{local}" in mixed_types
                if mixed:
                    found.add(f"{{{entry.namespace}}}{element_name}")
    return sorted(found)

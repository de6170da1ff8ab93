"""Telling what a document is from its first bytes: root, document type, versions, namespaces."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from lxml import etree

from st96kit import namespaces as ns
from st96kit.errors import InputError
from st96kit.sources.read import (
    Source,
    check_size,
    open_binary,
    parser_options,
    refuse_doctype,
    source_name,
    syntax_error,
)

#: How much of a file detection reads, at most.
DETECT_BYTES = 64 * 1024
_CHUNK = 16 * 1024
_ST96_VERSION = f"{{{ns.COMMON}}}st96Version"
_IPO_VERSION = f"{{{ns.COMMON}}}ipoVersion"
_SCHEMA_LOCATION = f"{{{ns.XSI}}}schemaLocation"
_NOT_EXTENSIONS = {*ns.STANDARD_NAMESPACES, ns.XSI, ns.XSD, "http://www.w3.org/XML/1998/namespace"}


@dataclass
class Detection:
    """What the start of a document says about it."""

    file: str
    root: str
    namespace: str | None
    local_name: str
    document_type: str | None
    st96_version: str | None
    ipo_version: str | None
    schema_location: str | None
    namespaces: dict[str, str] = field(default_factory=dict)
    extension_namespaces: list[str] = field(default_factory=list)
    line: int | None = None

    @property
    def is_st96(self) -> bool:
        """The root element is in an ST.96 namespace."""
        return ns.is_st96(self.namespace)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _document_type(namespace: str | None, local: str) -> str | None:
    """The document type name for a root element, from the newest installed models."""
    from st96kit import models

    for version in reversed(models.model_versions()):
        found = models.document_type_for_root(f"{{{namespace}}}{local}", version)
        if found:
            return found
    return None


def _display(qname: etree.QName, prefix: str | None) -> str:
    """``tmk:TrademarkApplication``: the standard prefix, else the document's own."""
    if qname.namespace is None:
        return qname.localname
    shown = ns.prefix_for(qname.namespace) or prefix
    return f"{shown}:{qname.localname}" if shown else f"{{{qname.namespace}}}{qname.localname}"


def detection_from_root(
    root: etree._Element, name: str, declared: dict[str, str] | None = None
) -> Detection:
    """Build a :class:`Detection` from a root element already parsed."""
    qname = etree.QName(root)
    seen: dict[str, str] = dict(declared or {})
    for prefix, uri in root.nsmap.items():
        seen.setdefault(prefix or "", uri)
    extensions = sorted({u for u in seen.values() if u not in _NOT_EXTENSIONS})
    return Detection(
        file=name,
        root=_display(qname, root.prefix),
        namespace=qname.namespace,
        local_name=qname.localname,
        document_type=_document_type(qname.namespace, qname.localname),
        st96_version=root.get(_ST96_VERSION),
        ipo_version=root.get(_IPO_VERSION),
        schema_location=root.get(_SCHEMA_LOCATION),
        namespaces=dict(sorted(seen.items())),
        extension_namespaces=extensions,
        line=root.sourceline,
    )


def detect(source: Source, *, read_bytes: int = DETECT_BYTES) -> Detection:
    """Read the start of ``source`` (at most ``read_bytes``) and say what it is.

    Namespaces are those declared in the part read; office extension namespaces are those that
    belong neither to ST.96 nor to XML itself.
    """
    name = source_name(source)
    check_size(source, None)
    parser = etree.XMLPullParser(events=("start", "start-ns"), **parser_options())
    root: etree._Element | None = None
    declared: dict[str, str] = {}
    consumed = 0
    with open_binary(source) as handle:
        try:
            while consumed < read_bytes:
                chunk = handle.read(_CHUNK)
                if not chunk:
                    break
                consumed += len(chunk)
                parser.feed(chunk)
                for event, item in parser.read_events():
                    if event == "start-ns" and isinstance(item, tuple):
                        prefix, uri = item
                        declared.setdefault(str(prefix or ""), str(uri))
                    elif root is None and isinstance(item, etree._Element):
                        root = item
                        refuse_doctype(root.getroottree(), name)
            if root is None and consumed < read_bytes:
                parser.close()
        except etree.XMLSyntaxError as exc:
            if root is None:
                raise syntax_error(exc, name) from None
    if root is None:
        if consumed == 0:
            raise InputError("the file is empty", file=name, hint="an ST.96 document is XML")
        raise InputError(
            f"no root element in the first {consumed} bytes",
            file=name,
            hint="this does not look like an XML document",
        )
    return detection_from_root(root, name, declared)

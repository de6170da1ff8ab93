"""Objects of the generated classes back into ST.96 XML, in the standard style.

Standard prefixes (``com``, ``pat``, ``tmk``, ``dgn``, ``gin``, ``cpy``, ``m``, ``tbl``), the
``st96Version`` of the model on the root when it has none, ``xsi:schemaLocation`` kept from the
parsed source or set by the caller, indentation that never touches mixed content.
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any

from lxml import etree
from xsdata.formats.dataclass.serializers import TreeSerializer

from st96kit.binding import lexical
from st96kit.binding.context import context
from st96kit.binding.parse import Document
from st96kit.files import write_atomic
from st96kit.namespaces import PREFIXES, XSI

_MODELS = "st96kit.models."


def model_version_of(obj: Any) -> str | None:
    """``V6_0`` for an object of ``st96kit.models.v6_0``; None for other classes."""
    module = type(obj).__module__
    if not module.startswith(_MODELS):
        return None
    return module[len(_MODELS) :].split(".", 1)[0].upper()


def _with_version(obj: Any) -> Any:
    version = model_version_of(obj)
    if (
        version
        and dataclasses.is_dataclass(obj)
        and not isinstance(obj, type)
        and any(f.name == "st96_version" for f in dataclasses.fields(obj))
        and getattr(obj, "st96_version", None) is None
    ):
        return dataclasses.replace(obj, st96_version=version)
    return obj


def to_element(
    obj: Any,
    *,
    schema_location: str | None = None,
    prefixes: dict[str, str] | None = None,
) -> etree._Element:
    """The object as an lxml element, with standard prefixes.

    ``prefixes`` maps further namespace URIs (office extensions) to the prefixes to use.
    """
    lexical.install()
    nsmap = {prefix: uri for uri, prefix in PREFIXES.items() if uri != XSI}
    for uri, prefix in (prefixes or {}).items():
        if prefix and prefix not in nsmap and uri not in nsmap.values():
            nsmap[prefix] = uri
    serializer = TreeSerializer(context=context())
    root = serializer.render(_with_version(obj), ns_map=nsmap).getroot()
    if schema_location:
        root.set(f"{{{XSI}}}schemaLocation", schema_location)
    used = {etree.QName(e).namespace for e in root.iter() if isinstance(e.tag, str)}
    used |= {etree.QName(a).namespace for e in root.iter() for a in e.attrib}
    top = {p: u for p, u in nsmap.items() if u in used}
    if schema_location:
        top["xsi"] = XSI
    etree.cleanup_namespaces(root, top_nsmap=top, keep_ns_prefixes=list(top))
    return root


def serialize(
    obj: Any,
    *,
    schema_location: str | None = None,
    prefixes: dict[str, str] | None = None,
    pretty: bool = True,
    encoding: str = "UTF-8",
) -> bytes:
    """XML bytes of an object or a :class:`Document`.

    For a :class:`Document`, its ``schema_location``, its prolog (comments and processing
    instructions before the root) and the prefixes it gave namespaces that are not ST.96's
    (office extensions) are kept unless given here. ``prefixes`` maps namespace URIs to
    prefixes for such namespaces.
    """
    prolog: list[str] = []
    if isinstance(obj, Document):
        schema_location = schema_location or obj.schema_location
        prolog = obj.prolog
        own = {uri: prefix for prefix, uri in obj.detection.namespaces.items() if prefix}
        prefixes = {**own, **(prefixes or {})}
        obj = obj.root
    root = to_element(obj, schema_location=schema_location, prefixes=prefixes)
    body = etree.tostring(root, pretty_print=pretty, encoding=encoding, xml_declaration=False)
    head = f'<?xml version="1.0" encoding="{encoding}"?>\n'.encode(encoding)
    extra = "".join(f"{p}\n" for p in prolog).encode(encoding)
    return head + extra + body + (b"" if body.endswith(b"\n") else b"\n")


def write(obj: Any, path: str | os.PathLike[str], **options: Any) -> None:
    """Serialize to a file, atomically."""
    write_atomic(path, serialize(obj, **options))

"""Reading legacy documents safely.

ST.36 documents usually start with a DOCTYPE that names the office DTD; st96kit's ST.96 reader
refuses DOCTYPEs, so legacy input has its own reader with the same hardening: no DTD is loaded,
no entity is expanded, nothing is fetched from the network, and an internal DTD subset that
declares entities is refused (that is how entity-expansion attacks arrive).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from lxml import etree

from st96kit.errors import InputError
from st96kit.namespaces import ST96_BASE
from st96kit.sources.read import (
    DEFAULT_MAX_BYTES,
    Source,
    check_size,
    parser_options,
    source_name,
    syntax_error,
)


@dataclass
class LegacyInput:
    """A parsed legacy document."""

    tree: etree._ElementTree
    name: str

    @property
    def root(self) -> etree._Element:
        return self.tree.getroot()

    @property
    def root_name(self) -> str:
        return etree.QName(self.root).localname

    def refuse_st96(self, standard: str) -> None:
        """Raise :class:`InputError` when the document is ST.96 already, not ``standard``."""
        namespace = self.root_namespace
        if namespace is not None and namespace.startswith(ST96_BASE):
            raise InputError(
                f"this is already an ST.96 document ({self.root_name}), not {standard}",
                file=self.name,
                line=self.root.sourceline,
                hint="st96kit reads ST.96 documents directly: st96kit validate FILE",
            )

    @property
    def root_namespace(self) -> str | None:
        return etree.QName(self.root).namespace


def read_legacy(source: Source, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> LegacyInput:
    """Parse a legacy document; :class:`InputError` for anything that is not plain XML."""
    name = source_name(source)
    check_size(source, max_bytes)
    parser = etree.XMLParser(**parser_options(), remove_blank_text=False)
    try:
        if isinstance(source, bytes):
            tree = etree.fromstring(source, parser).getroottree()
        elif isinstance(source, (str, os.PathLike)):
            tree = etree.parse(os.fspath(source), parser)
        else:
            tree = etree.parse(source, parser)
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc}", file=name) from None
    subset = tree.docinfo.internalDTD
    if subset is not None and any(True for _ in subset.iterentities()):
        raise InputError(
            "the document's DOCTYPE declares entities, which st96kit refuses",
            file=name,
            line=1,
            hint="entity declarations are how entity-expansion attacks arrive",
        )
    return LegacyInput(tree, name)

"""Streaming the records of bag and bulk files with flat memory.

A USPTO PEDS bulk file holds thousands of ``uspat:PatentData`` records; a ``TrademarkBag``
holds ``tmk:Trademark`` records. :func:`stream` yields them one at a time and frees each
record (and everything before it) once the caller moves on, so memory stays flat whatever the
size of the file. The same safe parser options apply as for whole documents.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from st96kit import namespaces as ns
from st96kit.errors import InputError
from st96kit.sources.read import Source, open_binary, parser_options, source_name, syntax_error


@dataclass
class Record:
    """One record of a bulk file: its element (valid until the next record) and position."""

    element: etree._Element
    index: int
    line: int | None


def _clark(tag: str, nsmap: dict[str, str]) -> str:
    """``prefix:Local`` (standard or the document's prefixes) or Clark notation -> Clark."""
    if tag.startswith("{") or ":" not in tag:
        return tag
    prefix, local = tag.split(":", 1)
    uri = nsmap.get(prefix) or {p: u for u, p in ns.PREFIXES.items()}.get(prefix)
    if uri is None:
        raise InputError(
            f"unknown prefix {prefix!r} in record tag {tag!r}",
            hint="write the tag as {namespace}Local or use a standard prefix",
        )
    return f"{{{uri}}}{local}"


def stream(source: Source, record: str | None = None) -> Iterator[Record]:
    """Yield the records of a bulk or bag file.

    ``record`` names the record element (``uspat:PatentData``, ``tmk:Trademark`` or
    ``{uri}Local``); by default the records are the children of the root element. A record's
    element is cleared when the next one is read: take what you need from it (or parse it with
    :func:`st96kit.parse_element`) before moving on.
    """
    name = source_name(source)
    with open_binary(source) as handle:
        events = etree.iterparse(
            handle, events=("start", "end"), remove_blank_text=False, **parser_options()
        )
        target: str | None = None
        depth = 0
        index = 0
        root: etree._Element | None = None
        try:
            for event, element in events:
                if event == "start":
                    depth += 1
                    if root is None:
                        root = element
                        if root.getroottree().docinfo.doctype:
                            raise InputError(
                                "the document has a DOCTYPE declaration, which st96kit refuses",
                                file=name,
                                line=1,
                            )
                        if record is not None:
                            target = _clark(record, dict(root.nsmap))  # type: ignore[arg-type]
                    continue
                depth -= 1
                if isinstance(element.tag, str) and (
                    (target is None and depth == 1)
                    or (target is not None and element.tag == target)
                ):
                    yield Record(element, index, element.sourceline)
                    index += 1
                    element.clear(keep_tail=True)
                    parent = element.getparent()
                    if parent is not None:
                        while element.getprevious() is not None:
                            del parent[0]
                elif depth == 1 and target is not None and isinstance(element.tag, str):
                    # a finished child of the root that held no record: free it too
                    element.clear(keep_tail=True)
        except etree.XMLSyntaxError as exc:
            raise syntax_error(exc, name) from None

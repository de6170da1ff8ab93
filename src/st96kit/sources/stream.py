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
    with open_binary(source) as handle:  # refuses a DOCTYPE before parsing
        events = etree.iterparse(
            handle, events=("start-ns", "end"), remove_blank_text=False, **parser_options()
        )
        declared: dict[str, str] = {}
        target: str | None = None
        root: etree._Element | None = None
        index = 0
        try:
            for event, item in events:
                if event == "start-ns":
                    prefix, uri = item
                    declared.setdefault(str(prefix or ""), str(uri))
                    continue
                element: etree._Element = item
                if root is None:
                    root = element.getroottree().getroot()
                    if record is not None:
                        target = _clark(record, declared)
                parent = element.getparent()
                if target is None:
                    is_record = parent is root and parent is not None
                else:
                    is_record = element.tag == target
                if not is_record:
                    if parent is root and parent is not None:
                        element.clear(keep_tail=True)  # finished, held no record: free it
                    continue
                yield Record(element, index, element.sourceline)
                index += 1
                element.clear(keep_tail=True)
                if parent is not None:
                    while element.getprevious() is not None:
                        del parent[0]
        except etree.XMLSyntaxError as exc:
            raise syntax_error(exc, name) from None

"""Comparing XML documents as documents, not as text.

:func:`canonical` gives the form in which two documents are "the same": C14N 2.0 with prefixes
rewritten (prefix choice does not matter), attributes sorted, whitespace-only text between
elements dropped except in mixed content, ``xsi:schemaLocation`` optionally left out.
:func:`missing_items` lists what one tree holds that another lacks, item by item, with the
line of each; it is how lax parsing proves that nothing was dropped without a word.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lxml import etree

from st96kit.namespaces import PREFIXES, XSI

SCHEMA_LOCATION = f"{{{XSI}}}schemaLocation"


def _strip_blank_text(root: etree._Element, mixed: frozenset[str]) -> None:
    """Drop whitespace-only runs that are formatting: everywhere but in mixed content."""
    for element in root.iter():
        if element.tag in mixed:
            continue
        if element.text is not None and not element.text.strip() and len(element):
            element.text = None
        for child in element:
            if child.tail is not None and not child.tail.strip():
                child.tail = None


def canonical(xml: bytes | str | etree._Element, *, schema_location: bool = True) -> str:
    """The canonical text of a document (see the module's description).

    Whitespace-only runs are formatting in element-only content and text in mixed content
    (paragraphs, claims): the latter are kept.
    """
    if isinstance(xml, etree._Element):
        root = etree.fromstring(etree.tostring(xml))
    else:
        data = xml.encode("utf-8") if isinstance(xml, str) else xml
        from st96kit.sources.read import safe_parser

        root = etree.fromstring(data, safe_parser())
    from st96kit.models import mixed_elements

    _strip_blank_text(root, mixed_elements())
    exclude = [] if schema_location else [SCHEMA_LOCATION]
    return etree.canonicalize(
        etree.tostring(root).decode("utf-8"), rewrite_prefixes=True, exclude_attrs=exclude
    )


def short_name(tag: object) -> str:
    """``{uri}Local`` -> ``prefix:Local`` with the standard prefix where there is one."""
    qname = etree.QName(str(tag))
    if qname.namespace is None:
        return qname.localname
    prefix = PREFIXES.get(qname.namespace)
    return f"{prefix}:{qname.localname}" if prefix else f"{{{qname.namespace}}}{qname.localname}"


@dataclass(frozen=True)
class Item:
    """One piece of a document: an element, an attribute value or a text run, by path."""

    path: str
    kind: str  # "element", "attribute", "text"
    value: str
    line: int | None

    def key(self) -> tuple[str, str, str]:
        return (self.path, self.kind, self.value)


def items(root: etree._Element, *, skip_attributes: frozenset[str] = frozenset()) -> list[Item]:
    """Every element, attribute and non-blank text run of a tree, with an XPath-like path.

    Paths number elements among same-named siblings (``/tmk:Trademark[2]``), so the same
    document always gives the same items whatever its prefixes or attribute order.
    """
    found: list[Item] = []
    for path, element in element_paths(root).items():
        line = element.sourceline
        found.append(Item(path, "element", "", line))
        for name, value in element.attrib.items():
            if name not in skip_attributes:
                found.append(Item(f"{path}/@{short_name(name)}", "attribute", value, line))
        runs = [element.text] + [child.tail for child in element]
        for index, run in enumerate(runs):
            if run is not None and run.strip():
                found.append(Item(f"{path}/text()[{index + 1}]", "text", run.strip(), line))
    return found


def missing_items(
    source: etree._Element, result: etree._Element, *, skip_attributes: frozenset[str] = frozenset()
) -> list[Item]:
    """Items of ``source`` that ``result`` does not hold (a multiset difference)."""
    have = Counter(i.key() for i in items(result, skip_attributes=skip_attributes))
    lost: list[Item] = []
    for item in items(source, skip_attributes=skip_attributes):
        key = item.key()
        if have[key] > 0:
            have[key] -= 1
        else:
            lost.append(item)
    return lost


def element_paths(root: etree._Element) -> dict[str, etree._Element]:
    """Element path (as :func:`items` writes it) -> element."""
    found: dict[str, etree._Element] = {}

    def visit(element: etree._Element, path: str) -> None:
        found[path] = element
        counts: Counter[str] = Counter()
        for child in element:
            if isinstance(child.tag, str):
                name = short_name(child.tag)
                counts[name] += 1
                visit(child, f"{path}/{name}[{counts[name]}]")

    visit(root, f"/{short_name(root.tag)}")
    return found


def _first_seen(element: etree._Element) -> list[str]:
    """Child element names in the order they first appear."""
    names: dict[str, None] = {}
    for child in element:
        if isinstance(child.tag, str):
            names.setdefault(short_name(child.tag), None)
    return list(names)


def reordered(source: etree._Element, result: etree._Element) -> list[Item]:
    """Elements of ``source`` whose children ``result`` holds in another order."""
    theirs = element_paths(result)
    moved: list[Item] = []
    for path, element in element_paths(source).items():
        other = theirs.get(path)
        if other is None:
            continue
        mine = _first_seen(element)
        kept = _first_seen(other)
        common = set(mine) & set(kept)
        if [n for n in mine if n in common] != [n for n in kept if n in common]:
            moved.append(Item(path, "order", " ".join(kept), element.sourceline))
    return moved

"""ST.96 XML <-> JSON, lossless, one convention for every document type.

The convention (``guide/json.md`` gives the reasons and examples):

- a document is an object with one key, the root element: ``{"tmk:TrademarkApplication": {...}}``;
- keys are ST.96 element names with a namespace prefix (``com:``, ``pat:``, ``tmk:`` ...);
  attributes are the same names after ``@`` (``"@com:sequenceNumber"``); the root object declares
  every namespace it uses, ``"@xmlns:com": "http://www.wipo.int/standards/XMLSchema/ST96/Common"``;
- every value is a string holding the XML text exactly (``"009"`` stays ``"009"``);
- an element with text and no attributes is a string; with attributes, an object whose ``"$"``
  holds the text;
- an element the schema allows to repeat is an array, even when it occurs once;
- children of a repeating choice are arrays under their own names; when their order in the
  document is not "grouped by name, in the order the schema lists them", ``"#order"`` lists
  their names in document order;
- mixed content (paragraphs, claim text, MathML tokens, table entries with inline markup) is
  ``"#content"``: an array of strings and one-key objects, in document order, every text run
  kept, whitespace included;
- elements the installed model does not describe (other versions, office extensions) use the
  same ``"#content"`` form, so nothing is lost whatever the input.

Why from the XML tree and not from the xsdata objects: xsdata's ``JsonSerializer`` /
``DictEncoder`` write field names without namespaces and do not tell attributes from elements;
in mixed content and in repeating choices they write bare objects without element names, and
``JsonParser`` then guesses the class from the keys present: ``<com:B>``, ``<com:I>`` and
``<com:Sup>`` in a paragraph all come back as ``<com:FigureReference>`` (xsdata 26.10). Its XML
parser also drops whitespace-only text between inline elements. Here the XML tree is converted
directly, so the conversion is exact for any well-formed input, does not depend on the document
fitting the model, and is fast (no objects are built); the generated classes are consulted only
for the *shape* (which children repeat, which form a repeating choice, which content is mixed,
through :mod:`st96kit.convert.shapes`), so the JSON of valid documents has a predictable form
that :mod:`st96kit.convert.json_schema` describes.

Comments and processing instructions are not kept (as in :func:`st96kit.canonical`).
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any, Literal, overload

from lxml import etree

from st96kit import models
from st96kit.binding.parse import Document, Mode, parse_element
from st96kit.convert.shapes import Shape, root_class, shape_of, shape_version
from st96kit.errors import InputError
from st96kit.namespaces import COMMON, PREFIXES
from st96kit.sources.read import read_tree

XML_NS = "http://www.w3.org/XML/1998/namespace"
ST96_VERSION = f"{{{COMMON}}}st96Version"

TEXT = "$"
CONTENT = "#content"
ORDER = "#order"
XMLNS = "@xmlns:"

#: The prefix each namespace gets by default, and the namespace of each such prefix.
STANDARD_PREFIXES: dict[str, str] = {uri: p for uri, p in PREFIXES.items()}
_STANDARD_URIS: dict[str, str] = {}
for _uri, _prefix in PREFIXES.items():
    _STANDARD_URIS.setdefault(_prefix, _uri)


@cache
def _global(qname: str, version: str) -> type[Any] | None:
    return models.global_element_class(qname, version)


class _Names:
    """The prefixes of one JSON document: standard ones, else the document's own."""

    def __init__(self) -> None:
        self.prefixes: dict[str, str] = {}
        self.taken: set[str] = {"xml", "xmlns"}
        self.keys: dict[str, str] = {}

    def key(self, clark: str, where: etree._Element) -> str:
        """The JSON name of an element or attribute name met on ``where``."""
        known = self.keys.get(clark)
        if known is not None:
            return known
        if clark[0] != "{":
            self.keys[clark] = clark
            return clark
        uri, local = clark[1:].split("}", 1)
        if uri == XML_NS:
            prefix = "xml"
        else:
            prefix = self.prefixes.get(uri) or self._allocate(uri, _hint(where, uri))
        key = f"{prefix}:{local}"
        self.keys[clark] = key
        return key

    def _allocate(self, uri: str, hint: str | None) -> str:
        for candidate in (STANDARD_PREFIXES.get(uri), hint):
            if candidate and candidate not in self.taken:
                break
        else:
            number = 1
            while f"ns{number}" in self.taken:
                number += 1
            candidate = f"ns{number}"
        self.taken.add(candidate)
        self.prefixes[uri] = candidate
        return candidate


def _hint(element: etree._Element, uri: str) -> str | None:
    """The prefix the document itself uses for a namespace, if any."""
    for prefix, bound in element.nsmap.items():
        if bound == uri and prefix:
            return str(prefix)
    return None


def _content(element: etree._Element) -> list[str | etree._Element]:
    """Text runs and child elements in order; comments and PIs dropped, their text joined."""
    items: list[str | etree._Element] = []
    run = element.text or ""
    for node in element:
        if isinstance(node.tag, str):
            if run:
                items.append(run)
                run = ""
            items.append(node)
        run += node.tail or ""
    if run:
        items.append(run)
    return items


class _Writer:
    """XML tree -> JSON values."""

    def __init__(self, version: str | None) -> None:
        self.version = version
        self.names = _Names()

    def child_class(self, shape: Shape | None, qname: str) -> type[Any] | None:
        if shape is not None:
            child = shape.children.get(qname)
            if child is not None:
                return child.cls
        return _global(qname, self.version) if self.version else None

    def attributes(self, element: etree._Element) -> dict[str, Any]:
        key = self.names.key
        return {"@" + key(name, element): value for name, value in element.attrib.items()}

    def value(self, element: etree._Element, cls: type[Any] | None) -> Any:
        shape = shape_of(cls) if cls is not None else None
        out = self.attributes(element) if element.attrib else {}
        if len(element):
            items = _content(element)
            elements = [i for i in items if not isinstance(i, str)]
        else:
            items, elements = [], []
        if not elements:
            text = "".join(i for i in items if isinstance(i, str)) if items else (
                element.text or "")
            if shape is not None and shape.kind == "complex" and not text.strip():
                return out
            if not out:
                return text
            if text:
                out[TEXT] = text
            return out
        blank = all(isinstance(i, etree._Element) or not i.strip() for i in items)
        if shape is not None and shape.kind == "complex" and blank:
            keyed = self.keyed(elements, shape, out)
            if keyed is not None:
                return keyed
        keep_blank = shape is not None and shape.kind == "mixed"
        content: list[Any] = []
        for item in items:
            if isinstance(item, str):
                if keep_blank or item.strip():
                    content.append(item)
            else:
                name = self.names.key(str(item.tag), item)
                cls_of_item = self.child_class(shape, str(item.tag))
                content.append({name: self.value(item, cls_of_item)})
        out[CONTENT] = content
        return out

    def keyed(
        self, elements: list[etree._Element], shape: Shape, out: dict[str, Any]
    ) -> dict[str, Any] | None:
        children = shape.children
        out = dict(out)
        last = -1
        grouped: dict[int, list[str]] = {}
        order: list[str] = []
        found: list[tuple[str, Any, bool]] = []
        for element in elements:
            info = children.get(str(element.tag))
            if info is None or info.position < last:
                return None
            last = info.position
            if info.group is not None:
                grouped.setdefault(info.group, []).append(str(element.tag))
            found.append((str(element.tag), info, info.repeat))
        for element, (tag, info, repeat) in zip(elements, found, strict=True):
            key = self.names.key(tag, element)
            value = self.value(element, info.cls)
            if repeat:
                out.setdefault(key, []).append(value)
            elif key in out:
                return None
            else:
                out[key] = value
            if info.group is not None:
                order.append(key)
        for group, tags in grouped.items():
            declared = shape.groups[group]
            if tags != sorted(tags, key=declared.index):
                out[ORDER] = order
                break
        return out


def element_to_json(root: etree._Element, *, version: str | None = None,
                    cls: type[Any] | None = None) -> dict[str, Any]:
    """The JSON form (as Python data) of an element and everything in it."""
    version = version or shape_version(root.get(ST96_VERSION))
    if cls is None and version is not None:
        cls = root_class(str(root.tag), version)
    writer = _Writer(version)
    key = writer.names.key(str(root.tag), root)
    value = writer.value(root, cls)
    if not isinstance(value, dict):
        value = {TEXT: value} if value else {}
    declarations = {
        f"{XMLNS}{prefix}": uri for uri, prefix in writer.names.prefixes.items() if uri != XML_NS
    }
    return {key: {**declarations, **value}}


def _tree_of(source: Any) -> tuple[etree._Element, str | None, type[Any] | None]:
    """The element to convert, the model version and root class when the input tells them."""
    from st96kit.binding.serialize import model_version_of, to_element

    if isinstance(source, Document):
        if source.root is None:
            raise InputError(
                "the document has no ST.96 root to convert", file=source.detection.file,
                hint="convert the file itself: elements outside the model keep a generic form",
            )
        root = to_element(source.root, schema_location=source.schema_location)
        return root, source.version, type(source.root)
    if isinstance(source, etree._ElementTree):
        return source.getroot(), None, None
    if isinstance(source, etree._Element):
        return source, None, None
    if dataclasses.is_dataclass(source) and not isinstance(source, type):
        return to_element(source), model_version_of(source), type(source)
    if isinstance(source, (str, bytes, os.PathLike)):
        return read_tree(source).getroot(), None, None
    raise TypeError(f"cannot convert {type(source).__name__} to JSON")


@overload
def to_json(source: Any, *, as_dict: Literal[False] = ..., indent: int | None = ...,
            version: str | None = ...) -> str: ...
@overload
def to_json(source: Any, *, as_dict: Literal[True], indent: int | None = ...,
            version: str | None = ...) -> dict[str, Any]: ...
def to_json(source: Any, *, as_dict: bool = False, indent: int | None = 2,
            version: str | None = None) -> str | dict[str, Any]:
    """The JSON form of a document: a :class:`Document`, an object of the generated classes, an
    lxml element, a file path or XML bytes.

    Returns JSON text, or the Python data (``as_dict=True``). ``version`` chooses the model whose
    shapes are used (by default the document's own version if installed, else the newest).
    """
    root, known_version, cls = _tree_of(source)
    data = element_to_json(root, version=version or known_version, cls=cls)
    if as_dict:
        return data
    return json.dumps(data, ensure_ascii=False, indent=indent)


class _Reader:
    """JSON values -> XML tree."""

    def __init__(self, declared: dict[str, str], version: str | None) -> None:
        self.declared = declared
        self.version = version
        self.qnames: dict[tuple[str, bool], str] = {}

    def qname(self, key: str, path: str, attribute: bool = False) -> str:
        known = self.qnames.get((key, attribute))
        if known is not None:
            return known
        if not key or key[0] in "@#$":
            raise InputError(f"{path}: {key!r} is not an element name")
        prefix, sep, local = key.partition(":")
        if not sep:
            clark = key
        else:
            if prefix == "xml":
                uri = XML_NS
            else:
                found = self.declared.get(prefix) or _STANDARD_URIS.get(prefix)
                if found is None:
                    raise InputError(f"{path}: prefix {prefix!r} of {key!r} is not declared",
                                     hint=f"declare it at the root: \"{XMLNS}{prefix}\": URI")
                uri = found
            clark = f"{{{uri}}}{local}"
        try:
            etree.QName(clark)
        except ValueError:
            raise InputError(f"{path}: {key!r} is not a valid XML name") from None
        self.qnames[(key, attribute)] = clark
        return clark

    def child_class(self, shape: Shape | None, qname: str) -> type[Any] | None:
        if shape is not None:
            child = shape.children.get(qname)
            if child is not None:
                return child.cls
        return _global(qname, self.version) if self.version else None

    def fill(self, element: etree._Element, value: Any, cls: type[Any] | None, path: str) -> None:
        if value is None:
            return
        if isinstance(value, (str, int, float, bool)):
            element.text = _text(value)
            return
        if not isinstance(value, Mapping):
            raise InputError(f"{path}: expected a string or an object, found "
                             f"{type(value).__name__}")
        shape = shape_of(cls) if cls is not None else None
        keyed: list[tuple[str, Any]] = []
        for key, item in value.items():
            if key.startswith("@"):
                if not (key.startswith(XMLNS) or key == "@xmlns"):
                    element.set(self.qname(key[1:], path, True), _text(item))
            elif key == TEXT:
                element.text = _text(item)
            elif key not in (CONTENT, ORDER):
                keyed.append((key, item))
        content = value.get(CONTENT)
        if content is not None:
            if keyed or TEXT in value:
                raise InputError(f"{path}: {CONTENT!r} cannot be mixed with element keys or "
                                 f"{TEXT!r}")
            self.ordered(element, content, shape, path)
        elif keyed:
            self.children(element, keyed, value.get(ORDER), shape, path)

    def ordered(self, element: etree._Element, content: Any, shape: Shape | None,
                path: str) -> None:
        if not isinstance(content, list):
            raise InputError(f"{path}/{CONTENT}: expected an array")
        last: etree._Element | None = None
        for index, item in enumerate(content):
            if isinstance(item, str):
                if last is None:
                    element.text = (element.text or "") + item
                else:
                    last.tail = (last.tail or "") + item
                continue
            if not isinstance(item, Mapping) or len(item) != 1:
                raise InputError(f"{path}/{CONTENT}[{index}]: expected a string or an object "
                                 "with one key")
            ((key, child_value),) = item.items()
            qname = self.qname(key, path)
            last = etree.SubElement(element, qname)
            self.fill(last, child_value, self.child_class(shape, qname), f"{path}/{key}")

    def children(self, element: etree._Element, keyed: list[tuple[str, Any]], order: Any,
                 shape: Shape | None, path: str) -> None:
        unknown = 1 << 30
        placed: list[tuple[int, int, str, str, Any]] = []
        queues: dict[str, list[Any]] = {}
        keys: dict[str, str] = {}
        for key, item in keyed:
            qname = self.qname(key, path)
            info = shape.children.get(qname) if shape is not None else None
            values = item if isinstance(item, list) else [item]
            if info is not None and info.group is not None:
                queues[qname] = list(values)
                keys[qname] = key
                continue
            position = info.position if info is not None else unknown
            placed.extend((position, len(placed), qname, key, v) for v in values)
        if queues:
            assert shape is not None
            sequence: list[str]
            if order is None:
                sequence = [q for members in shape.groups.values() for q in members
                            for _ in queues.get(q, ())]
            elif isinstance(order, list):
                sequence = [self.qname(str(name), f"{path}/{ORDER}") for name in order]
            else:
                raise InputError(f"{path}/{ORDER}: expected an array of element names")
            for qname in sequence:
                queue = queues.get(qname)
                if not queue:
                    raise InputError(f"{path}/{ORDER}: names more {keys.get(qname, qname)} "
                                     "elements than there are")
                info = shape.children[qname]
                placed.append((info.position, len(placed), qname, keys[qname], queue.pop(0)))
            left = [keys[q] for q, queue in queues.items() if queue]
            if left:
                raise InputError(f"{path}/{ORDER}: does not name every element of "
                                 f"{', '.join(left)}")
        placed.sort(key=lambda entry: (entry[0], entry[1]))
        for _, _, qname, key, item in placed:
            child = etree.SubElement(element, qname)
            self.fill(child, item, self.child_class(shape, qname), f"{path}/{key}")


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        return str(value)
    raise InputError(f"expected a string value, found {type(value).__name__}")


def json_to_element(data: Any) -> etree._Element:
    """The XML element of a JSON form given as Python data."""
    if not isinstance(data, Mapping) or len(data) != 1:
        raise InputError("a JSON ST.96 document is an object with exactly one key, the root "
                         "element (such as \"tmk:TrademarkApplication\")")
    ((key, value),) = data.items()
    declared: dict[str, str] = {}
    if isinstance(value, Mapping):
        for name, uri in value.items():
            if name.startswith(XMLNS):
                if not isinstance(uri, str):
                    raise InputError(f"/{key}/{name}: expected a namespace URI")
                declared[name[len(XMLNS):]] = uri
    reader = _Reader(declared, None)
    qname = reader.qname(key, "")
    version_text = None
    if isinstance(value, Mapping):
        for name, item in value.items():
            attribute = name.startswith("@") and not name.startswith(XMLNS)
            if attribute and reader.qname(name[1:], f"/{key}", True) == ST96_VERSION:
                version_text = str(item)
    reader.version = shape_version(version_text)
    cls = root_class(qname, reader.version) if reader.version else None
    nsmap = {p: u for p, u in _STANDARD_URIS.items() if u not in declared.values()}
    nsmap.update((p, u) for p, u in declared.items() if p not in ("xml", "xmlns"))
    try:
        root = etree.Element(qname, nsmap=nsmap)
        reader.fill(root, value, cls, f"/{key}")
        etree.cleanup_namespaces(root)
    except ValueError as exc:  # names and text that XML cannot hold
        raise InputError(f"not representable in XML: {exc}") from None
    except RecursionError:
        raise InputError("the JSON is nested too deeply") from None
    return root


def load_json(source: Any) -> Any:
    """JSON data from JSON text (``str`` starting with ``{``, or bytes) or a file; other
    values are taken as JSON data already."""
    if isinstance(source, Mapping):
        return source
    try:
        if isinstance(source, bytes):
            return json.loads(source)
        if isinstance(source, str) and source.lstrip().startswith("{"):
            return json.loads(source)
        if isinstance(source, (str, os.PathLike)):
            path = Path(source)
            try:
                text = path.read_bytes()
            except OSError as exc:
                raise InputError(f"cannot read: {exc.strerror or exc}", file=str(path)) from None
            try:
                return json.loads(text)
            except json.JSONDecodeError as exc:
                raise InputError(f"not JSON: {exc.msg}", file=str(path), line=exc.lineno,
                                 column=exc.colno) from None
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc.msg}", line=exc.lineno, column=exc.colno) from None
    except (UnicodeDecodeError, RecursionError) as exc:
        raise InputError(f"not JSON: {type(exc).__name__}") from None
    return source  # already JSON data (a list, a number ...): json_to_element judges it


def json_to_xml(source: Any, *, pretty: bool = True) -> bytes:
    """XML bytes of a JSON form (a mapping, JSON text or a JSON file), without building objects."""
    root = json_to_element(load_json(source))
    body = bytes(etree.tostring(root, encoding="UTF-8", xml_declaration=False,
                                pretty_print=pretty))
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body.rstrip(b"\n") + b"\n"


def from_json(source: Any, *, mode: Mode = "strict", version: str | None = None) -> Document:
    """A :class:`Document` (objects of the generated classes) from a JSON form.

    ``source`` is a mapping, JSON text (a ``str`` starting with ``{``, or bytes) or the path of a
    JSON file. ``mode`` and ``version`` are those of :func:`st96kit.parse`.
    """
    name = str(source) if isinstance(source, (os.PathLike, str)) and not (
        isinstance(source, str) and source.lstrip().startswith("{")) else "<json>"
    root = json_to_element(load_json(source))
    return parse_element(root, mode=mode, version=version, name=name)

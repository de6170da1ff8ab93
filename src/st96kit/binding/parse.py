"""Documents into objects of the generated classes.

``strict`` (the default) accepts a document only when every element, attribute and value has
its place in the model of the document's own ST.96 version; anything else raises
:class:`~st96kit.errors.ModelError`. ``lax`` parses documents of other versions, with office
extensions or with missing parts as far as the model allows, and lists in
:attr:`Document.losses` everything that did not find a place, found by serializing the result
and comparing it item by item with the input. Nothing is dropped without a word.
"""

from __future__ import annotations

import copy
import dataclasses
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from lxml import etree
from xsdata.exceptions import ConverterError, ConverterWarning, ParserError
from xsdata.formats.dataclass.parsers import XmlParser
from xsdata.formats.dataclass.parsers.config import ParserConfig

from st96kit import models
from st96kit.binding import lexical, mixed
from st96kit.binding.compare import SCHEMA_LOCATION, missing_items, reordered, short_name
from st96kit.binding.context import context
from st96kit.errors import ModelError, NoSchemaPackageError, UnknownDocumentError
from st96kit.namespaces import readable_names
from st96kit.sources.detect import Detection, detection_from_root
from st96kit.sources.read import DEFAULT_MAX_BYTES, Source, read_tree, source_name

Mode = Literal["strict", "lax"]


@dataclass(frozen=True)
class Loss:
    """Something in the input that the parsed objects do not hold."""

    path: str
    line: int | None
    what: str
    kind: str = "lost"  # "lost", or "reordered": held, but written back in the model's order

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{where}{self.path}: {self.what}"


@dataclass
class Document:
    """A parsed ST.96 document: the root object and what is known about it."""

    root: Any
    document_type: str | None
    version: str
    detection: Detection
    schema_location: str | None = None
    mode: Mode = "strict"
    losses: list[Loss] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    parts: list[Any] = field(default_factory=list)
    prolog: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """Nothing was lost and nothing required is missing."""
        return not self.losses and not self.missing


def _choose_version(detection: Detection, version: str | None, mode: Mode) -> str:
    """The model version to use: the one asked for, the declared one, or (lax) the newest."""
    installed = models.model_versions()
    if version is not None:
        models.model_package(version)
        return version
    declared = detection.st96_version
    if declared is not None and declared in installed:
        return declared
    if not installed:
        raise NoSchemaPackageError("st96kit has no generated models installed")
    if mode == "strict":
        said = f"declares ST.96 {declared}" if declared else "declares no st96Version"
        raise ModelError(
            f"the document {said}; st96kit has models for {', '.join(installed)}",
            file=detection.file,
            line=detection.line,
            hint="parse it with mode='lax' to read it as far as the model allows, or bring it "
            "to an installed version with `st96kit upgrade`",
        )
    return installed[-1]


_required: dict[type[Any], tuple[dataclasses.Field[Any], ...]] = {}


def _required_fields(cls: type[Any]) -> tuple[dataclasses.Field[Any], ...]:
    found = _required.get(cls)
    if found is None:
        found = _required[cls] = tuple(
            f
            for f in dataclasses.fields(cls)
            if f.init
            and f.default is dataclasses.MISSING
            and f.default_factory is dataclasses.MISSING
        )
    return found


def _class_factory(strict: bool, missing: list[str]) -> Callable[[type[Any], dict[str, Any]], Any]:
    def build(cls: type[Any], params: dict[str, Any]) -> Any:
        required = _required_fields(cls)
        absent = [f for f in required if f.name not in params] if required else None
        if absent:
            names = ", ".join(str(f.metadata.get("name", f.name)) for f in absent)
            if strict:
                raise ModelError(f"{cls.__name__} lacks required {names}")
            missing.append(f"{cls.__name__}: {names}")
            params = {**params, **{f.name: None for f in absent}}
        return cls(**params)

    return build


def _parser(strict: bool, missing: list[str]) -> XmlParser:
    lexical.install()
    mixed.install()
    config = ParserConfig(
        fail_on_unknown_properties=strict,
        fail_on_unknown_attributes=strict,
        fail_on_converter_warnings=strict,
        class_factory=_class_factory(strict, missing),
    )
    return XmlParser(config=config, context=context())


def _collapse(losses: list[Loss]) -> list[Loss]:
    """Keep a lost element and drop the items inside it."""
    kept: list[Loss] = []
    lost_elements: list[str] = []
    for loss in losses:
        if any(loss.path == p or loss.path.startswith(p + "/") for p in lost_elements):
            continue
        if loss.what.startswith("element"):
            lost_elements.append(loss.path)
        kept.append(loss)
    return kept


def _describe(kind: str, value: str) -> str:
    if kind == "element":
        return "element not represented by the model"
    text = value if len(value) <= 60 else value[:57] + "..."
    if kind == "attribute":
        return f"attribute value {text!r} not represented by the model"
    return f"text {text!r} not represented by the model"


def _losses_of(source: etree._Element, obj: Any, base: str = "") -> list[Loss]:
    from xsdata.formats.dataclass.serializers import TreeSerializer

    result = TreeSerializer(context=context()).render(obj).getroot()
    lost = missing_items(source, result, skip_attributes=frozenset({SCHEMA_LOCATION}))
    losses = [Loss(base + i.path, i.line, _describe(i.kind, i.value)) for i in lost]
    losses += [
        Loss(
            base + i.path,
            i.line,
            f"children written back in the model's order: {i.value}",
            "reordered",
        )
        for i in reordered(source, result)
    ]
    return losses


def _prolog(tree: etree._ElementTree) -> list[str]:
    nodes: list[str] = []
    node = tree.getroot().getprevious()
    while node is not None:
        nodes.insert(0, etree.tostring(node, encoding="unicode").strip())
        node = node.getprevious()
    return nodes


def _comments(root: etree._Element) -> list[Loss]:
    found = []
    for node in root.iter(etree.Comment, etree.ProcessingInstruction):
        kind = "comment" if isinstance(node, etree._Comment) else "processing instruction"
        parent = node.getparent()
        where = short_name(parent.tag) if parent is not None else "/"
        found.append(Loss(where, node.sourceline, f"{kind} inside the document is not kept"))
    return found


def _locate_unknown(tree_source: Source, message: str) -> int | None:
    """Best effort: the line of the first element named in an xsdata error message."""
    import re

    match = re.search(r"\{([^}]*)\}([\w.-]+)", message)
    if not match:
        return None
    try:
        tree = read_tree(tree_source)
    except Exception:
        return None
    tag = f"{{{match.group(1)}}}{match.group(2)}"
    for element in tree.getroot().iter(tag):
        line: int | None = element.sourceline
        return line
    for element in tree.getroot().iter():
        if tag in element.attrib:
            return element.sourceline
    return None


def _parse_foreign(
    root: etree._Element, version: str, parser: XmlParser
) -> tuple[list[Any], list[Loss]]:
    """Lax parsing of a document whose root is not an ST.96 document type.

    The outermost ST.96 elements found in it are parsed into their classes; the foreign
    elements around them, with their attributes and text, are listed as losses.
    """
    parts: list[Any] = []
    losses: list[Loss] = []

    def visit(element: etree._Element, path: str) -> bool:
        """Parse what can be parsed below ``element``; True if anything was."""
        cls = models.global_element_class(str(element.tag), version)
        if cls is not None:
            obj = parser.parse(copy.deepcopy(element), cls)
            parts.append(obj)
            losses.extend(_losses_of(element, obj, path.rsplit("/", 1)[0]))
            return True
        counts: dict[str, int] = {}
        visited: list[tuple[etree._Element, str, bool]] = []
        for child in element:
            if not isinstance(child.tag, str):
                continue
            name = short_name(child.tag)
            counts[name] = counts.get(name, 0) + 1
            child_path = f"{path}/{name}[{counts[name]}]"
            visited.append((child, child_path, visit(child, child_path)))
        if not any(found for _, _, found in visited):
            return False
        line = element.sourceline
        for attribute, value in element.attrib.items():
            losses.append(
                Loss(f"{path}/@{short_name(attribute)}", line, _describe("attribute", value))
            )
        for run in [element.text] + [c.tail for c in element]:
            if run is not None and run.strip():
                losses.append(Loss(path, line, _describe("text", run.strip())))
        for child, child_path, found in visited:
            if not found:
                losses.append(Loss(child_path, child.sourceline, "element not part of ST.96"))
        return True

    root_path = f"/{short_name(root.tag)}"
    if not visit(root, root_path):
        losses.append(Loss(root_path, root.sourceline, "element not part of ST.96"))
    return parts, losses


def parse(
    source: Source,
    *,
    mode: Mode = "strict",
    version: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Document:
    """Parse an ST.96 document into the generated classes of its version.

    ``mode="strict"`` raises :class:`ModelError` for anything the model cannot hold;
    ``mode="lax"`` returns what it could, with :attr:`Document.losses` and
    :attr:`Document.missing` listing the rest. ``version`` forces the models of another
    installed version.
    """
    tree = read_tree(source, max_bytes=max_bytes)
    return parse_element(
        tree.getroot(),
        mode=mode,
        version=version,
        name=source_name(source),
        prolog=_prolog(tree),
        source=source,
    )


def parse_element(
    root: etree._Element,
    *,
    mode: Mode = "strict",
    version: str | None = None,
    name: str = "<element>",
    prolog: list[str] | None = None,
    source: Source | None = None,
) -> Document:
    """Parse an lxml element already in memory (a whole document, or one streamed record).

    In strict mode the element is consumed (emptied) by the parse.
    """
    if mode not in ("strict", "lax"):
        raise ValueError(f"mode must be 'strict' or 'lax', not {mode!r}")
    strict = mode == "strict"
    detection = detection_from_root(root, name)
    chosen = _choose_version(detection, version, mode)
    doc_type = models.document_type_for_root(str(root.tag), chosen)
    missing: list[str] = []
    notes: list[str] = []
    parser = _parser(strict, missing)
    document = Document(
        root=None,
        document_type=doc_type,
        version=chosen,
        detection=detection,
        schema_location=detection.schema_location,
        mode=mode,
        missing=missing,
        prolog=prolog or [],
        notes=notes,
    )
    document.losses.extend(_comments(root))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConverterWarning)
        if doc_type is None:
            if strict:
                raise UnknownDocumentError(
                    f"{short_name(root.tag)} is not an ST.96 {chosen} document type",
                    file=name,
                    line=root.sourceline,
                    hint="`st96kit schemas list` shows the document types; parse it with "
                    "mode='lax' to read the ST.96 parts inside it",
                )
            document.parts, losses = _parse_foreign(root, chosen, parser)
            document.losses.extend(_collapse(losses))
        else:
            _parse_known(document, root, doc_type, chosen, parser, strict, name, source)
    notes.extend(
        " ".join(str(w.message).split()) for w in caught if issubclass(w.category, ConverterWarning)
    )
    return document


def _parse_known(
    document: Document,
    root: etree._Element,
    doc_type: str,
    version: str,
    parser: XmlParser,
    strict: bool,
    name: str,
    source: Source | None,
) -> None:
    cls = models.document_class(doc_type, version)
    try:
        if strict:
            document.root = parser.parse(root, cls)
        else:
            document.root = parser.parse(copy.deepcopy(root), cls)
            document.losses.extend(_collapse(_losses_of(root, document.root)))
    except ModelError as exc:
        raise ModelError(
            exc.message,
            file=name,
            hint="parse it with mode='lax' to read it as far as the model allows",
        ) from None
    except (ParserError, ConverterError) as exc:
        message = str(exc)
        line = (
            _locate_unknown(source, message)
            if source is not None and not isinstance(source, bytes)
            else None
        )
        raise ModelError(
            f"does not fit the ST.96 {version} model: {readable_names(message)}",
            file=name,
            line=line,
            hint="validate it for details, or parse it with mode='lax'",
        ) from None

"""Upgrading a document of another ST.96 version to an installed one.

The document's tree is changed by the steps of :mod:`st96kit.convert.upgrade_rules` (namespaces,
components that moved or were renamed, dates, ``st96Version``, empty placeholders), then read
with the target version's model in lax mode and written from the objects, in the target's
element order. Whatever the model could not hold is *not carried*, and listed: element by
element, value by value, with its line in the source. The result is then validated against
the target schema, which lists what it still lacks.

Two cases:

- the root is a document type of the target version: the whole document is upgraded;
- otherwise (a bulk file whose wrapper is an office extension, such as USPTO PEDS's
  ``uspat:PatentBulkData``, or a document type the target does not have): each outermost
  ST.96 part inside is upgraded in place and validated on its own against the target's
  namespace schema; the wrapper is kept as it is. Such a result cannot be valid as a whole.

The share reported is that of the source's ST.96 elements carried over (renamed or moved ones
included); elements of an office extension's wrapper are kept, and not counted.
"""

from __future__ import annotations

import copy
import re
import threading
from dataclasses import dataclass, field
from typing import Any, Literal

from lxml import etree

from st96kit import models
from st96kit.binding.compare import SCHEMA_LOCATION, element_paths, short_name
from st96kit.binding.parse import Loss, parse_element
from st96kit.binding.serialize import serialize, to_element
from st96kit.convert.upgrade_rules import ST96_VERSION, Step, Upgrader
from st96kit.errors import NoSchemaPackageError, SchemaPackageError, UnknownDocumentError
from st96kit.namespaces import ST96_NAMESPACES, is_st96, readable_names
from st96kit.sources.read import DEFAULT_MAX_BYTES, Source, read_tree, source_name
from st96kit.validation.validate import Issue, ValidationResult, validate

Mode = Literal["document", "parts", "unchanged"]

_CLARK = re.compile(r"\{([^}]*)\}([\w.-]+)")


@dataclass
class UpgradeReport:
    """What an upgrade carried over, changed, could not carry, and what the result lacks."""

    file: str
    source_version: str | None
    target: str
    document_type: str | None
    mode: Mode
    elements: int = 0
    carried: int = 0
    removed_empty: int = 0
    steps: list[Step] = field(default_factory=list)
    not_carried: list[Loss] = field(default_factory=list)
    lacking: list[str] = field(default_factory=list)
    validation: ValidationResult | None = None
    parts: int = 0
    parts_valid: int = 0
    part_errors: list[Issue] = field(default_factory=list)
    kept: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        """The share of the source's ST.96 elements carried over (0..1)."""
        return self.carried / self.elements if self.elements else 1.0

    @property
    def valid(self) -> bool:
        """The result validates against the target schema as a document."""
        return self.validation is not None and self.validation.status == "valid"

    @property
    def lost_values(self) -> int:
        return sum(1 for loss in self.not_carried if not loss.what.startswith("element"))

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "source_version": self.source_version,
            "target": self.target,
            "document_type": self.document_type,
            "mode": self.mode,
            "elements": self.elements,
            "carried": self.carried,
            "share": round(self.share, 4),
            "removed_empty": self.removed_empty,
            "valid": self.valid,
            "validation": self.validation.to_dict() if self.validation else None,
            "parts": self.parts,
            "parts_valid": self.parts_valid,
            "part_errors": [str(i) for i in self.part_errors],
            "kept": self.kept,
            "steps": [
                {"kind": s.kind, "what": s.what, "count": s.count, "line": s.line}
                for s in self.steps
            ],
            "not_carried": [
                {"path": x.path, "line": x.line, "what": x.what} for x in self.not_carried
            ],
            "lacking": self.lacking,
            "notes": self.notes,
        }

    def summary(self) -> str:
        source = self.source_version or "no st96Version"
        what = self.document_type or "no document type of " + self.target
        lost = self.elements - self.carried - self.removed_empty
        line = (
            f"{self.file}: {source} -> {self.target} ({what}): carried "
            f"{self.carried} of {self.elements} ST.96 elements ({self.share:.1%})"
        )
        extra = [f"{self.removed_empty} empty removed"] if self.removed_empty else []
        if lost:
            extra.append(f"{lost} not carried")
        if self.lost_values:
            extra.append(f"{self.lost_values} values not carried")
        return line + (f", {', '.join(extra)}" if extra else "")

    def verdict(self) -> str:
        if self.mode == "parts":
            return (
                f"result: {self.parts_valid} of {self.parts} ST.96 parts valid against "
                f"{self.target}; the document as a whole cannot be validated"
            )
        if self.validation is None:
            return "result: not validated"
        if self.validation.status == "valid":
            return f"result: valid ST.96 {self.target}"
        if self.validation.status == "invalid":
            return (
                f"result: not valid against ST.96 {self.target} "
                f"({len(self.validation.errors)} errors)"
            )
        return f"result: cannot be validated ({self.validation.status})"

    def to_text(self) -> str:
        lines = [self.summary()]
        if self.steps:
            lines.append("changes:")
            lines.extend(f"  {step}" for step in self.steps)
        if self.not_carried:
            lines.append(f"not carried ({len(self.not_carried)}):")
            lines.extend(f"  {loss}" for loss in self.not_carried)
        if self.lacking:
            lines.append("the target model still lacks:")
            lines.extend(f"  {item}" for item in self.lacking)
        errors = self.validation.errors if self.validation else []
        if errors or self.part_errors:
            where = "source, where each part starts" if self.mode == "parts" else "result"
            lines.append(f"validation errors (lines of the {where}):")
            lines.extend(f"  {issue}" for issue in [*errors, *self.part_errors])
        lines.extend(f"note: {note}" for note in self.notes)
        if self.validation is not None:
            lines.extend(f"note: {note}" for note in self.validation.notes)
        lines.append(self.verdict())
        return "\n".join(lines)


@dataclass
class Upgrade:
    """The upgraded document (XML bytes) and its report."""

    xml: bytes
    report: UpgradeReport


def _count(element: etree._Element) -> int:
    return sum(1 for e in element.iter() if isinstance(e.tag, str))


def _lost_elements(losses: list[Loss], tree: etree._Element) -> int:
    index = element_paths(tree)
    total = 0
    for loss in losses:
        if loss.what.startswith("element"):
            element = index.get(loss.path)
            total += _count(element) if element is not None else 1
    return total


def _schema_location(version: str, doc_type: str) -> str:
    entry = models.document_types(version)[doc_type]
    namespace = entry["namespace"]
    folder = namespace.rsplit("/", 1)[-1]
    return (
        f"{namespace} https://www.wipo.int/standards/XMLSchema/ST96/{version}/{folder}/"
        f"Document/{entry['schema_file']}"
    )


_schemas: dict[tuple[str, str, bool], etree.XMLSchema] = {}
_lock = threading.Lock()


def _part_schema(version: str, namespace: str, light: bool) -> etree.XMLSchema | None:
    """The target's namespace-level schema, which declares every global component."""
    from st96kit.schemas.locate import find_package
    from st96kit.schemas.package import DocumentType
    from st96kit.validation.compile import compile_schema

    short = next((k for k, v in ST96_NAMESPACES.items() if v == namespace), None)
    try:
        package = find_package(version)
    except SchemaPackageError:
        return None
    if short is None or short not in package.namespace_schemas:
        return None
    key = (str(package.location), namespace, light)
    with _lock:
        schema = _schemas.get(key)
        if schema is None:
            doc_type = DocumentType(short, version, namespace, "", package.namespace_schemas[short])
            schema = compile_schema(package, doc_type, light)
            _schemas[key] = schema
    return schema


def _validate_part(element: etree._Element, version: str) -> list[Issue]:
    from st96kit.validation.compile import uses_mathml

    namespace = etree.QName(element).namespace or ""
    schema = _part_schema(version, namespace, light=not uses_mathml(element))
    if schema is None:
        return [
            Issue(
                element.sourceline,
                None,
                short_name(str(element.tag)),
                "no namespace schema to validate this part",
            )
        ]
    if schema.validate(element):
        return []
    return [
        Issue(e.line or None, e.column or None, e.path or None, e.message) for e in schema.error_log
    ]


def _outermost_parts(root: etree._Element, version: str) -> list[tuple[etree._Element, str]]:
    """The outermost elements with a class in the target model, with their paths."""
    found: list[tuple[etree._Element, str]] = []

    def visit(element: etree._Element, path: str) -> None:
        if models.global_element_class(str(element.tag), version) is not None:
            found.append((element, path))
            return
        counts: dict[str, int] = {}
        for child in element:
            if isinstance(child.tag, str):
                name = short_name(child.tag)
                counts[name] = counts.get(name, 0) + 1
                visit(child, f"{path}/{name}[{counts[name]}]")

    visit(root, f"/{short_name(str(root.tag))}")
    return found


def _tostring(root: etree._Element) -> bytes:
    body = bytes(etree.tostring(root, encoding="UTF-8", xml_declaration=False))
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n"


def _not_carried(report: UpgradeReport, losses: list[Loss]) -> list[Loss]:
    """The losses, less elements put in the target's order, which become steps."""
    moved = [x for x in losses if x.kind == "reordered"]
    for loss in moved:
        report.steps.append(Step("reordered", loss.what, 1, loss.line))
    return [x for x in losses if x.kind != "reordered"]


def _whole(report: UpgradeReport, root: etree._Element, doc_type: str) -> bytes:
    target = report.target
    work = copy.deepcopy(root)
    upgrader = Upgrader(target)
    upgrader.run(work, models.document_class(doc_type, target))
    document = parse_element(work, mode="lax", version=target, name=report.file)
    report.steps = upgrader.steps.result()
    report.removed_empty = upgrader.removed
    report.not_carried = _not_carried(report, document.losses)
    report.lacking = list(document.missing)
    report.elements = _count(root)
    report.carried = report.elements - upgrader.removed - _lost_elements(document.losses, work)
    location = None
    if root.get(SCHEMA_LOCATION) is not None:
        location = _schema_location(target, doc_type)
        report.steps.append(
            Step("xsi:schemaLocation", f"names the {target} schema", 1, root.sourceline)
        )
    xml = serialize(document.root, schema_location=location)
    report.validation = validate(xml, version=target)
    report.validation.file = report.file
    return xml


def _in_parts(report: UpgradeReport, root: etree._Element) -> bytes:
    target = report.target
    work = copy.deepcopy(root)
    upgrader = Upgrader(target)
    parts = _outermost_parts(work, target)
    inside: set[etree._Element] = set()
    for part, _ in parts:
        inside.update(part.iter())
    for element in work.iter():
        if not isinstance(element.tag, str) or element in inside:
            continue
        if is_st96(etree.QName(element).namespace):
            report.elements += 1
            report.not_carried.append(
                Loss(
                    _path_of(element),
                    element.sourceline,
                    f"element of no {target} component; kept as it is in the wrapper",
                )
            )
        else:
            report.kept += 1
    for part, path in parts:
        size = _count(part)
        report.elements += size
        cls = models.global_element_class(str(part.tag), target)
        upgrader.run(part, cls)
        removed_before = upgrader.removed
        document = parse_element(part, mode="lax", version=target, name=report.file)
        obj = (
            document.root
            if document.root is not None
            else (document.parts[0] if document.parts else None)
        )
        base = path.rsplit("/", 1)[0]
        report.lacking.extend(f"{path}: {item}" for item in document.missing)
        if obj is None:
            report.not_carried.append(Loss(path, part.sourceline, "element not carried"))
            continue
        report.not_carried.extend(
            _not_carried(
                report, [Loss(base + x.path, x.line, x.what, x.kind) for x in document.losses]
            )
        )
        lost = _lost_elements(document.losses, part)
        report.carried += size - lost - (upgrader.removed - removed_before)
        new = to_element(obj)
        new.tail = part.tail
        parent = part.getparent()
        if parent is not None:
            parent.replace(part, new)
        else:
            work = new
        report.parts += 1
        errors = _validate_part(new, target)
        if errors:
            report.part_errors.extend(
                Issue(part.sourceline, None, base + i.path if i.path else path, i.message)
                for i in errors
            )
        else:
            report.parts_valid += 1
    report.steps = upgrader.steps.result() + report.steps
    report.removed_empty = upgrader.removed
    report.notes.append(
        f"{short_name(str(root.tag))} is not an ST.96 {target} document type: "
        f"{report.parts} ST.96 parts were upgraded in place"
        + (f", {report.kept} elements of the wrapper kept as they are" if report.kept else "")
    )
    return _tostring(work)


def _path_of(element: etree._Element) -> str:
    steps: list[str] = []
    node: etree._Element | None = element
    while node is not None:
        parent = node.getparent()
        name = short_name(str(node.tag))
        if parent is None:
            steps.append(f"/{name}")
        else:
            same = [c for c in parent if c.tag == node.tag]
            steps.append(f"/{name}[{same.index(node) + 1}]")
        node = parent
    return "".join(reversed(steps))


def upgrade(
    source: Source, *, to: str | None = None, max_bytes: int | None = DEFAULT_MAX_BYTES
) -> Upgrade:
    """Upgrade a document to ST.96 ``to`` (default: the newest installed model version).

    Never raises for what the document holds: everything that could not be carried, and
    what the result lacks, is in the report. Raises :class:`~st96kit.errors.InputError` for
    input that is not XML, and :class:`~st96kit.errors.NoSchemaPackageError` when ``to`` has no
    installed model.
    """
    installed = models.model_versions()
    if not installed:
        raise NoSchemaPackageError("st96kit has no generated models installed")
    target = to or installed[-1]
    models.model_package(target)
    tree = read_tree(source, max_bytes=max_bytes)
    root = tree.getroot()
    name = source_name(source)
    declared = root.get(ST96_VERSION)
    doc_type = models.document_type_for_root(str(root.tag), target)
    if declared == target:
        report = UpgradeReport(name, declared, target, doc_type, "unchanged")
        report.elements = report.carried = _count(root)
        report.notes.append(f"the document is already ST.96 {target}; nothing to change")
        xml = _tostring(root)
        report.validation = validate(xml, version=target)
        report.validation.file = name
        return Upgrade(xml, report)
    if doc_type is not None:
        report = UpgradeReport(name, declared, target, doc_type, "document")
        xml = _whole(report, root, doc_type)
    else:
        if not any(
            is_st96(etree.QName(e).namespace) for e in root.iter() if isinstance(e.tag, str)
        ):
            raise UnknownDocumentError(
                f"{short_name(str(root.tag))} holds no ST.96 element",
                file=name,
                hint="documents of WIPO ST.36, ST.66 or ST.86 convert with "
                "`st96kit convert FILE --from st36|st66|st86`",
            )
        report = UpgradeReport(name, declared, target, None, "parts")
        xml = _in_parts(report, root)
    if report.source_version is None:
        report.notes.append("the source declares no st96Version")
    _shorten(report, root)
    return Upgrade(xml, report)


def _shorten(report: UpgradeReport, root: etree._Element) -> None:
    """``{uri}Name`` -> ``prefix:Name`` in the report, with the document's own prefixes for
    namespaces that have no standard one."""
    own: dict[str, str] = {}
    for prefix, uri in root.xpath("//namespace::*"):
        if prefix and prefix != "xml":
            own.setdefault(str(uri), str(prefix))

    def short(text: str) -> str:
        text = readable_names(text)
        return _CLARK.sub(
            lambda m: f"{own[m.group(1)]}:{m.group(2)}" if m.group(1) in own else m.group(0), text
        )

    report.not_carried = [Loss(short(x.path), x.line, short(x.what)) for x in report.not_carried]
    report.lacking = [short(x) for x in report.lacking]
    report.part_errors = [
        Issue(i.line, i.column, short(i.path) if i.path else None, short(i.message))
        for i in report.part_errors
    ]
    report.notes = [short(n) for n in report.notes]

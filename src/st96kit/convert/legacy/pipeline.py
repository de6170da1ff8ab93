"""One conversion, start to end: read, map, complete, parse, serialize, validate.

1. the legacy document is read safely and recognised (standard, office variant);
2. the standard's mapping tables build the ST.96 tree, row by row;
3. values that ST.96 requires and the input does not have are taken from ``supply`` (never
   invented); ``st96Version`` attributes are set;
4. the tree is put in schema order and written in the standard style, and parsed into the
   generated V6_0 classes;
5. the bytes are validated against the V6_0 document schema; everything that did not make it
   is in the :class:`~st96kit.convert.legacy.report.Report`.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from lxml import etree

from st96kit import models
from st96kit.binding.parse import Document, parse_element
from st96kit.convert.legacy.engine import Engine, Input
from st96kit.convert.legacy.mapping import OUTPUT_PREFIXES, Table
from st96kit.convert.legacy.model import ModelIndex, OutputTree, clark, short
from st96kit.convert.legacy.reader import LegacyInput, read_legacy
from st96kit.convert.legacy.report import Report, Required, TraceEntry
from st96kit.errors import InputError
from st96kit.files import write_atomic
from st96kit.sources.read import Source, source_name
from st96kit.validation.validate import validate

VERSION = "V6_0"


@dataclass(frozen=True)
class Plan:
    """How to convert one recognised legacy document."""

    standard: str
    variant: str
    document_type: str
    root: str
    table: Table
    namespaces: frozenset[str | None]
    prefixes: Mapping[str, str] = field(default_factory=dict)
    extension_reason: str = "office extension: Annex VI has no mapping for it"
    notes: tuple[str, ...] = ()
    #: Optional ST.96 elements that are dropped (and reported) when they hold none of the
    #: children V6_0 requires of them (``tmk:MarkImage`` needs ``com:FileName``); choice
    #: groups are here because the generated classes do not record their minimum.
    droppable: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Required ST.96 elements taken from a sibling when the input lacks them, with the reason.
    derived: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    #: Required ST.96 numbers that, when the input lacks them, are the position of their
    #: element among its siblings (``@com:sequenceNumber`` always is).
    positional: frozenset[str] = frozenset()


#: The function of a standard's module that recognises a document of that standard.
Planner = Callable[[LegacyInput], Plan]

#: ``--from`` name -> the module that converts that standard.
STANDARDS: dict[str, str] = {
    "st66": "st96kit.convert.legacy.st66",
    "st36": "st96kit.convert.legacy.st36",
    "st86": "st96kit.convert.legacy.st86",
}


def planner(standard: str) -> Planner:
    """The planner of a standard (``st66``, ``st36``, ``st86``)."""
    module = STANDARDS.get(standard.lower())
    if module is None:
        raise InputError(f"unknown legacy standard {standard!r}",
                         hint="use " + ", ".join(STANDARDS))
    found: Planner = importlib.import_module(module).plan
    return found


@dataclass
class Conversion:
    """The result: the objects of the generated classes, their XML, and the report."""

    document: Document
    xml: bytes
    report: Report

    @property
    def valid(self) -> bool:
        return self.report.valid

    def write(self, path: str | os.PathLike[str], *, force: bool = False) -> bool:
        """Write the output atomically if it is valid (or ``force``); True if written."""
        self.report.output = os.fspath(path)
        if not (self.valid or force):
            self.report.written = False
            return False
        write_atomic(path, self.xml)
        self.report.written = True
        return True


def convert(
    source: Source,
    standard: str,
    *,
    supply: Mapping[str, str] | None = None,
    check: bool = True,
) -> Conversion:
    """Convert an ST.66, ST.36 or ST.86 document (``standard`` ``"st66"``, ``"st36"``,
    ``"st86"``) into ST.96 V6_0.

    ``supply`` gives values for elements or attributes that ST.96 requires and the input does
    not have, by prefixed name (``{"com:TransactionIdentifier": "T-1"}``); they are used only
    where the input left the place empty. ``check=False`` skips validation.
    """
    chooser = planner(standard)
    legacy = read_legacy(source)
    plan = chooser(legacy)
    report = Report(source_name(source), plan.standard, plan.variant, plan.document_type)
    report.notes.extend(plan.notes)
    root_cls = models.document_class(plan.document_type, VERSION)
    tree = OutputTree(plan.root, root_cls, ModelIndex())
    engine = Engine(Input(legacy.root, plan.namespaces, dict(plan.prefixes)), tree, report)
    engine.apply(plan.table, None, tree.root)
    engine.finish(plan.extension_reason)
    tree.prune()
    _drop_incomplete(tree, engine, plan)
    _complete(tree, report, plan, supply or {})
    tree.order()
    xml = _to_bytes(tree.root)
    document = _to_document(etree.fromstring(xml), report)
    if check:
        report.validation = validate(xml)
        report.validation.file = f"{report.source} (converted)"
    return Conversion(document, xml, report)


def _drop_incomplete(tree: OutputTree, engine: Engine, plan: Plan) -> None:
    """Remove optional elements that lack what V6_0 requires of them; report their inputs."""
    for element in list(tree.root.iter()):
        needed = plan.droppable.get(short(element.tag))
        if needed is None or any(short(child.tag) in needed for child in element):
            continue
        parent = element.getparent()
        if parent is None:
            continue
        engine.dropped(element, f"not carried over: V6_0 requires {' or '.join(needed)} in "
                                f"{short(element.tag)}, which the input does not provide")
        parent.remove(element)
    tree.prune()


def _complete(tree: OutputTree, report: Report, plan: Plan, supply: Mapping[str, str]) -> None:
    """Set ``st96Version`` and sequence numbers where required, derive and add supplied
    values, and report what is still absent."""
    for element, step in tree.missing():
        where = "/" + "/".join(tree.path(element) or [])
        if step in plan.derived:
            sibling, reason = plan.derived[step]
            source = element.find(clark(sibling))
            if (source is not None and source.text
                    and tree.add(element, step, source.text) is not None):
                report.trace.append(TraceEntry(f"{where}/{step}", f"(from {sibling})", None,
                                               f"st96kit rule ({reason})"))
                continue
        if step == "@com:st96Version":
            element.set(clark(step), VERSION)
            continue
        if step == "@com:sequenceNumber" or step in plan.positional:
            parent = element.getparent()
            same = [e for e in parent if e.tag == element.tag] if parent is not None else []
            tree.add(element, step, str(same.index(element) + 1 if same else 1))
            report.trace.append(TraceEntry(f"{where}/{step}", "(position)", None,
                                           "st96kit rule (the element's position among its "
                                           "siblings, which V6_0 requires and the input lacks)"))
            continue
        value = supply.get(step.lstrip("@"))
        if value is not None:
            if tree.add(element, step, value) is not None:
                report.trace.append(TraceEntry(f"{where}/{step}", "(supplied)", None,
                                               "value supplied for the conversion"))
                continue
            report.notes.append(f"{where}: supplied value {value!r} is not a valid {step}")
        report.required.append(Required(where, step))


def _to_bytes(root: etree._Element) -> bytes:
    """The output in the standard style: standard prefixes, declared where used, indented
    except inside text with markup.

    The bytes come from the tree itself rather than from the parsed objects, which drop the
    blank text between inline elements of mixed content (``<com:B>x</com:B> <com:I>y</com:I>``
    would lose its space).
    """
    used = {etree.QName(e).namespace for e in root.iter() if isinstance(e.tag, str)}
    used |= {etree.QName(a).namespace for e in root.iter() for a in e.attrib}
    keep = [prefix for prefix, uri in OUTPUT_PREFIXES.items() if uri in used]
    etree.cleanup_namespaces(root, keep_ns_prefixes=keep)
    body = etree.tostring(root, pretty_print=True, encoding="UTF-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body


def _to_document(root: etree._Element, report: Report) -> Document:
    document = parse_element(root, mode="lax", version=VERSION, name=report.source)
    for loss in document.losses:
        report.notes.append(f"the V6_0 classes cannot hold {loss}")
    return document

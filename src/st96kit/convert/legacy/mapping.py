"""The mapping tables that drive legacy conversion, and a reader of WIPO's Annex VI.

Where the mapping comes from
----------------------------
ST.96 Annex VI (Appendices A and B) publishes, for ST.66, ST.36 and ST.86, one row per element:
input node, cardinality, conditions, output node, plus value maps for code lists. st96kit does
not read those HTML pages at conversion time. It carries its own compact tables
(:class:`Table` of :class:`Row`, in :mod:`~st96kit.convert.legacy.st66`,
:mod:`~st96kit.convert.legacy.st36` and :mod:`~st96kit.convert.legacy.st86`), written from the
Annex VI facts, and every row names the Annex VI row it comes from (``main#62`` is data row 62
of the table "Appendix A", ``WIPO.MappingST66AddressBookToST96Contact#5`` row 5 of that
reusable-component table). The reasons:

- conversion works where only the ST.96 schema package is installed: Annex VI is a separate
  WIPO download that most users of a converter do not have;
- the published pages are a rendering of a mapping tool's project, not data: component tables
  are referenced by name from a "Conditions" column that also holds prose, repeated outputs are
  marked ``(2)``, some rows name paths that the V6_0 schemas do not have (for instance value
  maps whose results are not V6_0 enumeration values), and office variants (EPO SDOBI codes,
  JPO and USPTO elements) are not in it at all, so a reader would need corrections anyway;
- a table in the code is reviewed, typed and versioned with the converter.

Traceability is kept both ways: the conversion trace links every output element to the row
that made it, and :func:`check_table` compares a table with the Annex VI HTML when it is at
hand (:func:`read_annex` parses it with ``lxml.html``), so that a row whose reference does not
match WIPO's table is found by a test rather than by a reader. Rows that Annex VI does not
have (office variants, values ST.96 requires) carry no reference and say why in ``note``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from st96kit.errors import InputError
from st96kit.namespaces import COMMON, DESIGN, PATENT, TRADEMARK

#: Prefixes used in the output paths of the tables.
OUTPUT_PREFIXES: dict[str, str] = {"com": COMMON, "pat": PATENT, "tmk": TRADEMARK, "dgn": DESIGN}

#: The Annex VI (V6_0) pages, by the key the tables use.
ANNEX_FILES: dict[str, str] = {
    "ST66": "ST66Transaction-V1-1ToST96TrademarkTransaction_V6_0.html",
    "ST36-BIB": "ST36Biliographic-data-v2-3ToST96BibliographicData_V6_0.html",
    "ST36-BODY": "ST36app-body-v1-6ToST96ApplicationBody_V6_0.html",
    "ST86": "ST86Transaction-V1-0ToST96DesignTransaction_V6_0.html",
}

#: Environment variable naming the folder that holds the Annex VI HTML pages.
ANNEX_ENV = "ST96KIT_ANNEX_VI"


@dataclass(frozen=True)
class ValueMap:
    """An Appendix B value map: legacy code -> ST.96 value.

    ``name`` is the map's input as Annex VI heads it (``st66model-V1-1.KindMark``) and
    ``entries`` its rows, as published. ``otherwise`` is the result for any other value, when
    the map has an "otherwise" row. ``corrections`` replace published results that are not
    values of the V6_0 schemas (Annex VI gives ``Individual`` for a V6_0 ``Individual mark``).
    ``usage`` maps values that are outside the legacy code list but that offices write (the
    USPTO writes ``Service Mark``, or ``Trademark, Service Mark`` for two categories); results
    taken from it are listed in the conversion report, since Annex VI does not give them.
    """

    annex: str
    name: str
    entries: dict[str, str]
    otherwise: str | None = None
    occurrence: int = 1
    corrections: dict[str, str] = field(default_factory=dict)
    usage: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def get(self, value: str) -> tuple[tuple[str, ...], str]:
        """The ST.96 values for ``value`` and where they come from: ``"annex"``, ``"usage"``,
        or ``""`` (no result)."""
        if value in self.corrections:
            return (self.corrections[value],), "annex"
        result = self.entries.get(value)
        if result:
            return (result,), "annex"
        if value in self.usage:
            return self.usage[value], "usage"
        if self.otherwise:
            return (self.otherwise,), "annex"
        return (), ""

    @property
    def ref(self) -> str:
        suffix = f"[{self.occurrence}]" if self.occurrence > 1 else ""
        return f"Annex VI {self.annex} Appendix B {self.name}{suffix}"


@dataclass(frozen=True)
class Row:
    """One mapping row: input path -> output path, relative to the table's context.

    ``source`` is a path of input element names (``ApplicationNumber``, ``Address/City``),
    ``@name`` for an attribute, ``""`` for the context element itself; office namespaces are
    written with a prefix (``jp:applicants-agents``). ``target`` is a path of prefixed ST.96
    names, ``@com:name`` for an attribute, ``""`` for the output context.

    ``value`` says how the text becomes the output value: ``None`` (as is), ``"date"``
    (``2009-01-28-05:00`` and ``20090128`` -> ``2009-01-28``), ``"boolean"`` or a
    :class:`ValueMap`. ``const`` writes a fixed value instead of the input's. ``table`` applies
    a component table below the element the row creates. ``text`` copies the element's mixed
    content (text and inline markup) with the inline table. ``fallback`` rows are applied
    instead when a value map has no result that ST.96 accepts. ``annex`` names the Annex VI
    page of ``ref`` when it is not the table's. ``opens`` makes a new element for the step
    above the target (the first of a group of sibling inputs, as EPO's ``B541`` language before
    its ``B542`` title); ``joins`` adds to the last such element instead of making one.
    """

    source: str
    target: str
    ref: str = ""
    value: str | ValueMap | None = None
    const: str | None = None
    table: Table | None = None
    text: Inline | None = None
    fallback: tuple[Row, ...] = ()
    note: str = ""
    annex: str = ""
    opens: bool = False
    joins: bool = False

    @property
    def source_steps(self) -> tuple[str, ...]:
        return tuple(s for s in self.source.split("/") if s)

    @property
    def target_steps(self) -> tuple[str, ...]:
        return tuple(s for s in self.target.split("/") if s)


@dataclass(frozen=True)
class Table:
    """A mapping table: the rows of one Annex VI table (or of one office variant)."""

    annex: str
    name: str
    rows: tuple[Row, ...]
    note: str = ""

    def reference(self, row: Row) -> str:
        """The full reference of a row, for reports and traces."""
        if not row.ref:
            return f"st96kit rule ({row.note})" if row.note else "st96kit rule"
        return f"Annex VI {row.annex or self.annex} {row.ref}"


@dataclass(frozen=True)
class InlineElement:
    """How one inline element of legacy text becomes an ST.96 element; ``table`` maps its
    attributes (and attribute-borne values such as an image's file name)."""

    target: str
    ref: str
    table: Table | None = None


@dataclass(frozen=True)
class Inline:
    """The inline markup of legacy text (``b``, ``sub``, ``figref`` ...) and its ST.96 names."""

    annex: str
    elements: dict[str, InlineElement]


# --- reading Annex VI -------------------------------------------------------------------------

_NUMBERED = re.compile(r"\s*\(\d+\)")


@dataclass(frozen=True)
class AnnexRow:
    """One row of an Annex VI table, cells with whitespace collapsed."""

    number: int
    input: str
    input_type: str
    conditions: str
    output: str
    output_type: str


@dataclass
class Annex:
    """The tables of one Annex VI page: mapping tables by name, value maps by input name."""

    key: str
    tables: dict[str, list[AnnexRow]] = field(default_factory=dict)
    value_maps: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    def row(self, ref: str) -> AnnexRow | None:
        name, _, number = ref.rpartition("#")
        rows = self.tables.get(name, [])
        index = int(number) - 1 if number.isdigit() else -1
        return rows[index] if 0 <= index < len(rows) else None


def annex_folder(folder: str | os.PathLike[str] | None = None) -> Path | None:
    """The folder of the Annex VI pages: the argument, else ``ST96KIT_ANNEX_VI``, else None."""
    chosen = folder if folder is not None else os.environ.get(ANNEX_ENV)
    return Path(chosen) if chosen else None


def _cells(row: object) -> list[str]:
    return [" ".join(cell.text_content().split()) for cell in row]  # type: ignore[attr-defined]


def read_annex(key: str, folder: str | os.PathLike[str] | None = None) -> Annex:
    """Parse one Annex VI page (``key`` from :data:`ANNEX_FILES`) with ``lxml.html``, from
    ``folder`` or the folder ``ST96KIT_ANNEX_VI`` names."""
    import lxml.html

    where = annex_folder(folder)
    if where is None:
        raise InputError("no Annex VI folder given",
                         hint=f"pass the folder of the Appendix A/B HTML pages or set {ANNEX_ENV}")
    path = where / ANNEX_FILES[key]
    if not path.is_file():
        raise InputError("Annex VI page not found", file=str(path),
                         hint=f"point {ANNEX_ENV} at the folder of the Appendix A/B HTML pages")
    body = lxml.html.parse(str(path)).getroot().find("body")
    annex = Annex(key)
    name = "main"
    for element in body if body is not None else []:
        if element.tag in ("h3", "h4"):
            title = " ".join(element.text_content().split())
            name = "main" if title.startswith("Appendix A") else title
        elif element.tag == "table":
            rows = [_cells(tr) for tr in element.iter("tr")]
            if rows and rows[0][0].startswith("input ("):
                _add_value_map(annex, rows)
            elif rows:
                annex.tables[name] = [
                    AnnexRow(i, *(cells + [""] * 5)[:5]) for i, cells in enumerate(rows[1:], 1)
                ]
    return annex


def _add_value_map(annex: Annex, rows: list[list[str]]) -> None:
    header = rows[0][0]
    name = header[len("input ("):].rstrip(")")
    entries = {cells[0]: cells[1] for cells in rows[2:] if len(cells) >= 2}
    annex.value_maps.setdefault(name, []).append(entries)


def _normalized(path: str, *, component: bool) -> list[str]:
    steps = [s for s in _NUMBERED.sub("", path).split("/") if s and s != "text()"]
    if component and steps and steps[0].split(":")[-1].endswith("Type"):
        steps = steps[1:]  # a component table's paths start with the type's name
    return steps


def _same_tail(path: str, steps: Iterable[str], *, component: bool) -> bool:
    """True when the Annex VI path and the row's steps agree on their common tail."""
    whole, tail = _normalized(path, component=component), list(steps)
    size = min(len(whole), len(tail))
    return (size == 0 and not tail) or (size > 0 and whole[-size:] == tail[-size:])


def check_table(table: Table, annex: Annex) -> Iterator[str]:
    """Every disagreement between a table's references and the Annex VI page.

    A referenced row must exist, and its input and output nodes must agree with the row's
    source and target paths on their common tail (a row's paths are relative to its table's
    context, Annex VI's to the document or the component; ``(2)``-style instance marks are
    ignored). A value map must agree with the Appendix B map of the same name on every entry
    it has.
    """
    for owner, row in walk_rows(table):
        if row.ref:
            yield from _check_row(owner, row, annex)
        if isinstance(row.value, ValueMap) and row.value.annex == annex.key:
            yield from _check_value_map(row.value, annex)


def walk_rows(table: Table) -> Iterator[tuple[Table, Row]]:
    """The rows of a table and of the tables it uses, each table once, with their table."""
    seen: set[int] = set()
    stack = [table]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        for row in current.rows:
            yield current, row
            yield from ((current, fallback) for fallback in row.fallback)
            if row.table is not None:
                stack.append(row.table)
            if row.text is not None:
                stack.extend(e.table for e in row.text.elements.values() if e.table)


def _check_row(table: Table, row: Row, annex: Annex) -> Iterator[str]:
    where = f"{table.name}: {row.source or '.'} -> {row.target or '.'} ({row.ref})"
    if (row.annex or table.annex) != annex.key:
        return
    found = annex.row(row.ref)
    if found is None:
        yield f"{where}: no such Annex VI row"
        return
    component = not row.ref.startswith("main#")
    if not _same_tail(found.input, row.source_steps, component=component):
        yield f"{where}: Annex VI input is {found.input}"
    if not _same_tail(found.output, row.target_steps, component=component):
        yield f"{where}: Annex VI output is {found.output}"


def _check_value_map(value_map: ValueMap, annex: Annex) -> Iterator[str]:
    published = annex.value_maps.get(value_map.name, [])
    if len(published) < value_map.occurrence:
        yield f"{value_map.ref}: no such value map"
        return
    entries = published[value_map.occurrence - 1]
    for code, result in value_map.entries.items():
        if entries.get(code) != result:
            yield f"{value_map.ref}: {code!r} -> {result!r}, Annex VI says {entries.get(code)!r}"
    for code in value_map.corrections:
        if code not in entries:
            yield f"{value_map.ref}: corrects {code!r}, which Annex VI does not map"
    for code in value_map.usage:
        if code in entries:
            yield f"{value_map.ref}: {code!r} is in Annex VI, not an office usage"

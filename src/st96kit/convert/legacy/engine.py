"""Applying mapping tables to a legacy document.

The input is walked in document order. Each element (and attribute) whose path, relative to
the table's context, is the ``source`` of a row gets an output at the row's ``target``, below
the output made for its nearest mapped ancestor, so repeated groups stay together. Output steps
that the model allows once are shared; steps that repeat get a new element for each input.
Empty input values make nothing. Whatever no row consumed ends up in the report.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from lxml import etree

from st96kit.convert.legacy import values
from st96kit.convert.legacy.mapping import Inline, Row, Table, ValueMap
from st96kit.convert.legacy.model import MappingError, OutputTree, clark
from st96kit.convert.legacy.report import NotCarried, Report, TraceEntry, ValueIssue


@dataclass
class Input:
    """How to name the input's elements: the standard's namespaces, and office prefixes."""

    root: etree._Element
    standard_namespaces: frozenset[str | None]
    prefixes: dict[str, str] = field(default_factory=dict)

    def step(self, element: etree._Element) -> str:
        qname = etree.QName(element)
        if qname.namespace in self.standard_namespaces:
            return qname.localname
        for prefix, uri in self.prefixes.items():
            if uri == qname.namespace:
                return f"{prefix}:{qname.localname}"
        return f"{{{qname.namespace}}}{qname.localname}"

    def attribute_step(self, name: str) -> str:
        qname = etree.QName(name)
        if qname.namespace is None:
            return f"@{qname.localname}"
        for prefix, uri in self.prefixes.items():
            if uri == qname.namespace:
                return f"@{prefix}:{qname.localname}"
        return f"@{{{qname.namespace}}}{qname.localname}"

    def path(self, element: etree._Element) -> str:
        """An XPath-like path with positions among same-named siblings, for reports."""
        steps: list[str] = []
        node: etree._Element | None = element
        while node is not None:
            name = self.step(node)
            parent = node.getparent()
            if parent is None:
                steps.append(name)
            else:
                same = [c for c in parent if isinstance(c.tag, str) and c.tag == node.tag]
                steps.append(f"{name}[{same.index(node) + 1}]" if len(same) > 1 else name)
            node = parent
        return "/" + "/".join(reversed(steps))


class Engine:
    """One conversion's state: the output tree, what was consumed, the report."""

    def __init__(self, source: Input, tree: OutputTree, report: Report) -> None:
        self.source = source
        self.tree = tree
        self.report = report
        self._consumed: set[etree._Element] = set()
        self._consumed_attributes: set[tuple[etree._Element, str]] = set()
        self._made: dict[etree._Element, list[etree._Element]] = defaultdict(list)
        #: Output element -> the input element it was made from.
        self.origin: dict[etree._Element, etree._Element] = {}

    # --- tables -----------------------------------------------------------------------------

    def apply(self, table: Table, in_ctx: etree._Element | None, out_ctx: etree._Element) -> None:
        """Apply ``table`` below the input context (None: the document) and output context."""
        index: dict[tuple[str, ...], list[Row]] = defaultdict(list)
        for row in table.rows:
            index[row.source_steps].append(row)
        for rows in index.values():
            rows.sort(key=lambda r: len(r.target_steps))
        start = self.source.root if in_ctx is None else in_ctx
        base: tuple[str, ...] = () if in_ctx is not None else (self.source.step(start),)
        self._walk(table, index, start, base, in_ctx, out_ctx)

    def _walk(self, table: Table, index: dict[tuple[str, ...], list[Row]],
              element: etree._Element, steps: tuple[str, ...],
              in_ctx: etree._Element | None, out_ctx: etree._Element) -> None:
        for row in index.get(steps, ()):
            self._apply_row(table, row, element, None, in_ctx, out_ctx)
        for name in element.attrib:
            for row in index.get((*steps, self.source.attribute_step(name)), ()):
                self._apply_row(table, row, element, name, in_ctx, out_ctx)
        for child in element:
            if isinstance(child.tag, str):
                self._walk(table, index, child, (*steps, self.source.step(child)), in_ctx,
                           out_ctx)

    # --- one row ----------------------------------------------------------------------------

    def _apply_row(self, table: Table, row: Row, element: etree._Element, attribute: str | None,
                   in_ctx: etree._Element | None, out_ctx: etree._Element) -> None:
        if attribute is None:
            self._consumed.add(element)
            text = element.text or ""
            has_children = any(isinstance(c.tag, str) for c in element)
        else:
            self._consumed_attributes.add((element, attribute))
            text = element.get(attribute) or ""
            has_children = False
        leaf = not has_children and row.table is None and row.text is None
        if leaf and not text.strip() and row.const is None and row.value != "presence":
            return  # an empty value: nothing to carry over
        results: list[str | None] = [None]
        if leaf or row.const is not None:
            results = list(self._values(table, row, element, attribute, text, in_ctx, out_ctx))
        for value in results:
            try:
                made = self._place(table, row, element, attribute, value, out_ctx)
            except MappingError as exc:
                self._lost(element, attribute, f"{table.reference(row)}: {exc}")
                return
            if made is None:
                continue
            if row.table is not None:
                self.apply(row.table, element, made)
            if row.text is not None:
                self.copy_text(element, made, row.text)

    def _values(self, table: Table, row: Row, element: etree._Element, attribute: str | None,
                text: str, in_ctx: etree._Element | None,
                out_ctx: etree._Element) -> tuple[str, ...]:
        if row.const is not None:
            return (row.const,)
        raw = text.strip()
        if isinstance(row.value, ValueMap):
            results, origin = row.value.get(raw)
            if origin == "usage":
                shown = ", ".join(repr(r) for r in results)
                self._value_issue(element, attribute, raw, row.value.ref,
                                  f"mapped to {shown} by st96kit's table of office usage")
            if results:
                return results
            kept = self._unmapped(table, row, element, attribute, raw, in_ctx, out_ctx)
            return (kept,) if kept is not None else ()
        if row.value is None:
            return (raw,)
        converted = values.convert(row.value, raw)
        if converted is None:
            self._value_issue(element, attribute, raw, f"the {row.value} conversion",
                              "not carried over: not a valid value")
            return ()
        return (converted,)

    def _unmapped(self, table: Table, row: Row, element: etree._Element, attribute: str | None,
                  raw: str, in_ctx: etree._Element | None, out_ctx: etree._Element) -> str | None:
        """A value the value map does not cover: keep it if ST.96 accepts it as it is, else
        apply the row's fallback rows, else drop it; the report says which."""
        assert isinstance(row.value, ValueMap)
        mapping = f"{row.value.ref} (for {row.target_steps[-1]})"
        if self._target_accepts(row, element, raw, out_ctx):
            self._value_issue(element, attribute, raw, mapping,
                              "kept as is: it is a valid ST.96 value")
            return raw
        if row.fallback:
            for fallback in row.fallback:
                self._apply_row(table, fallback, element, attribute, in_ctx, out_ctx)
            targets = ", ".join(f.target_steps[-1] + (f"={f.const!r}" if f.const else "")
                                for f in row.fallback)
            self._value_issue(element, attribute, raw, mapping, f"carried as {targets}")
            return None
        self._value_issue(element, attribute, raw, mapping,
                          "not carried over: not a valid ST.96 value")
        return None

    def _target_accepts(self, row: Row, element: etree._Element, raw: str,
                        out_ctx: etree._Element) -> bool:
        anchor, depth = self._anchor(row, element, out_ctx)
        # Classes along the target path, without creating anything.
        cls = self.tree.cls(anchor)
        steps = row.target_steps[depth:]
        for step in steps[:-1]:
            child = self.tree.index.child(cls, clark(step)) if cls is not None else None
            cls = child.cls if child is not None else None
        if cls is None:
            return False
        last = steps[-1] if steps else ""
        if last.startswith("@"):
            return self.tree.index.accepts(self.tree.index.attribute_types(cls, clark(last)), raw)
        child = self.tree.index.child(cls, clark(last))
        if child is None or child.cls is None:
            return False
        types = self.tree.index.text_types(child.cls)
        return types is not None and self.tree.index.accepts(types, raw)

    def _anchor(self, row: Row, element: etree._Element,
                out_ctx: etree._Element) -> tuple[etree._Element, int]:
        """The output to build below: the deepest output of ``element`` or an ancestor whose
        path (from ``out_ctx``) starts the row's target path."""
        target = [s for s in row.target_steps if not s.startswith("@")]
        # An element target is made below its anchor; an attribute may go on the anchor itself.
        limit = len(target) if len(target) < len(row.target_steps) else len(target) - 1
        node: etree._Element | None = element
        best: tuple[etree._Element, int] = (out_ctx, 0)
        while node is not None:
            for made in self._made.get(node, ()):
                path = self.tree.path(made, out_ctx)
                if (path is not None and best[1] < len(path) <= limit
                        and target[:len(path)] == path):
                    best = (made, len(path))
            if best[1]:
                break
            node = node.getparent()
        return best

    def _place(self, table: Table, row: Row, element: etree._Element, attribute: str | None,
               value: str | None, out_ctx: etree._Element) -> etree._Element | None:
        """Make (or find) the row's output below its anchor and set the value."""
        anchor, depth = self._anchor(row, element, out_ctx)
        steps = row.target_steps[depth:]
        current = anchor
        for index, step in enumerate(steps[:-1]):
            opens = row.opens and index == len(steps) - 2
            current, _ = self.tree.child(current, step, new=opens)
        last = steps[-1] if steps else ""
        input_path = self.source.path(element) + (f"/@{attribute}" if attribute else "")
        if last.startswith("@"):
            types = self.tree.attribute_types(current, last)
            if value is None or not self.tree.index.accepts(types, value):
                self._value_issue(element, attribute, value or "", table.reference(row),
                                  f"not carried over: not a valid value of {last}")
                return None
            current.set(clark(last), value)
            self._trace(current, last, input_path, element, table, row)
            return None
        if last:
            current, repeats = self.tree.child(current, last, new=not row.joins)
        else:
            repeats = False
        value_types = self.tree.text_types(current)
        if value is not None and value_types is not None:
            if not self.tree.index.accepts(value_types, value):
                self._value_issue(element, attribute, value, table.reference(row),
                                  f"not carried over: not a valid value of {last}")
                return None
            if current.text and current.text != value and not repeats:
                self._lost(element, attribute,
                           f"{last} holds one value and already has {current.text!r}")
                return None
            current.text = value
        self._made[element].append(current)
        self.origin.setdefault(current, element)
        self._trace(current, None, input_path, element, table, row)
        return current

    # --- mixed content ----------------------------------------------------------------------

    def copy_text(self, element: etree._Element, out: etree._Element, inline: Inline) -> None:
        """Copy text and inline markup; markup without an ST.96 counterpart keeps its text."""
        out.text = element.text
        self.tree.keep(out)
        last: etree._Element | None = None
        for child in element:
            spec = inline.elements.get(self.source.step(child)) if isinstance(child.tag, str) \
                else None
            if spec is None:
                last = self._inline_lost(child, out, last)
                continue
            try:
                made, _ = self.tree.child(out, spec.target, new=True)
            except MappingError:
                last = self._inline_lost(child, out, last)
                continue
            self._consumed.add(child)
            self.tree.keep(made)
            self.origin[made] = child
            self._trace(made, None, self.source.path(child), child, None, None,
                        f"Annex VI {inline.annex} {spec.ref}")
            if spec.table is not None:
                self.apply(spec.table, child, made)
            self.copy_text(child, made, inline)
            made.tail = child.tail
            last = made

    def _inline_lost(self, child: etree._Element, out: etree._Element,
                     last: etree._Element | None) -> etree._Element | None:
        """Report markup without a counterpart; keep its text where it stood."""
        if isinstance(child.tag, str):
            for node in child.iter():
                self._consumed.add(node)
                self._consumed_attributes.update((node, name) for name in node.attrib)
            text = "".join(child.itertext())
            reason = "inline element without an ST.96 counterpart" + (
                " (its text is kept)" if text else "")
        else:
            text = ""
            reason = "comment" if isinstance(child, etree._Comment) else "processing instruction"
            reason += " inside text, not kept"
        self._lost(child, None, reason)
        return self._append_text(out, last, text + (child.tail or ""))

    @staticmethod
    def _append_text(out: etree._Element, last: etree._Element | None,
                     text: str) -> etree._Element | None:
        if not text:
            return last
        if last is None:
            out.text = (out.text or "") + text
        else:
            last.tail = (last.tail or "") + text
        return last

    # --- bookkeeping ------------------------------------------------------------------------

    def _trace(self, element: etree._Element, attribute: str | None, input_path: str,
               source: etree._Element, table: Table | None, row: Row | None,
               ref: str | None = None) -> None:
        steps = self.tree.path(element) or []
        output = "/" + "/".join(steps) + (f"/{attribute}" if attribute else "")
        reference = table.reference(row) if table is not None and row is not None else ref or ""
        self.report.trace.append(TraceEntry(output, input_path, source.sourceline, reference))

    def _value_issue(self, element: etree._Element, attribute: str | None, value: str,
                     mapping: str, outcome: str) -> None:
        path = self.source.path(element) + (f"/@{attribute}" if attribute else "")
        self.report.values.append(ValueIssue(path, element.sourceline, value, mapping, outcome))

    def dropped(self, output: etree._Element, reason: str) -> None:
        """Report the inputs of an output element that is being removed."""
        inputs = [self.origin[o] for o in output.iter() if o in self.origin]
        for source in inputs:
            if not any(a in inputs for a in source.iterancestors()):
                self._lost(source, None, reason)

    def _lost(self, element: etree._Element, attribute: str | None, reason: str) -> None:
        if isinstance(element.tag, str):
            path = self.source.path(element)
        else:
            parent = element.getparent()
            kind = ("comment()" if isinstance(element, etree._Comment)
                    else "processing-instruction()")
            path = (self.source.path(parent) if parent is not None else "") + "/" + kind
        if attribute:
            path += f"/{self.source.attribute_step(attribute)}"
        self.report.not_carried.append(NotCarried(path, element.sourceline, reason))

    def finish(self, extension_reason: str) -> None:
        """List every input item that no row consumed (a whole subtree once)."""
        used: dict[etree._Element, bool] = {}

        def used_below(element: etree._Element) -> bool:
            if element not in used:
                used[element] = element in self._consumed or any(
                    used_below(c) for c in element if isinstance(c.tag, str))
            return used[element]

        def visit(element: etree._Element) -> None:
            if element not in self._consumed and element.text and element.text.strip():
                self._lost(element, None, "text of an element without a mapping row")
            for name in element.attrib:
                if (element, name) not in self._consumed_attributes and not _is_plumbing(name):
                    self._lost(element, name, "no mapping row for this attribute")
            for child in element:
                if not isinstance(child.tag, str):
                    continue
                if used_below(child):
                    visit(child)
                elif _carries_something(child):
                    self._lost(child, None, self._reason(child, extension_reason))

        root = self.source.root
        if used_below(root):
            visit(root)
        else:
            self._lost(root, None, "no mapping row for this element")

    def _reason(self, element: etree._Element, extension_reason: str) -> str:
        qname = etree.QName(element)
        if qname.namespace not in self.source.standard_namespaces or qname.localname.endswith(
            "Ext"
        ):
            return extension_reason
        return "no mapping row for this element"


def _carries_something(element: etree._Element) -> bool:
    """True when an element holds any text or attribute, at any depth."""
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        if node.attrib or (node.text and node.text.strip()) or (
            node is not element and node.tail and node.tail.strip()
        ):
            return True
    return False


def _is_plumbing(name: str) -> bool:
    """Attributes that describe the XML, not the data (schema locations, DTD versions)."""
    local = etree.QName(name).localname
    return local in {"schemaLocation", "noNamespaceSchemaLocation", "dtd-version"}


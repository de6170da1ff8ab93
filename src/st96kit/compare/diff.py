"""Semantic differences between two ST.96 documents.

Two documents are compared as ST.96 data, not as text: namespace prefixes, attribute order,
indentation, comments and ``xsi:schemaLocation`` do not matter, and whitespace inside a value
counts only as "some whitespace" (runs are collapsed to one space). Elements are matched level
by level:

- members of a bag (same-named siblings) that ST.96 gives an identity are matched by it,
  whatever their order: the ``com:sequenceNumber`` or ``com:id`` attribute, else a number
  inside the member (an application number, a registration number, a class number, a claim
  number ...; see :data:`IDENTITIES`). The identity is used when every member on both sides has
  one and no two members on a side share it;
- other same-named siblings are bag members too when their parent holds only elements: equal
  members pair up wherever they stand, the others with the most similar member on the other
  side (half of their attributes, text and children in common), and the rest are added or
  removed. Their order is not compared;
- in mixed content (text with inline elements) order is part of the text: same-named inline
  elements are aligned in document order (longest common subsequence of their content).

Each difference is a :class:`Change`: an element added or removed, or an attribute or text
changed, with an XPath-like path whose predicates name the identity of each member
(``tmk:GoodsServices[tmk:ClassNumber='009']``) or its position (``com:P[3]``).
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from lxml import etree

from st96kit.binding.compare import SCHEMA_LOCATION, short_name
from st96kit.namespaces import COMMON, PATENT, TRADEMARK

ChangeKind = Literal["added", "removed", "changed"]
ItemKind = Literal["element", "attribute", "text"]

_C = f"{{{COMMON}}}"
_P = f"{{{PATENT}}}"
_T = f"{{{TRADEMARK}}}"

#: Attributes that identify a bag member, in order of preference.
ID_ATTRIBUTES: tuple[str, ...] = (f"{_C}sequenceNumber", f"{_C}id")

#: Elements (paths from the member) whose text identifies a bag member, in order of preference.
IDENTITIES: tuple[tuple[str, ...], ...] = (
    (f"{_C}ApplicationNumber", f"{_C}ApplicationNumberText"),
    (f"{_C}ApplicationNumberText",),
    (f"{_C}RegistrationNumber",),
    (f"{_C}InternationalRegistrationNumber",),
    (f"{_P}PatentNumber",),
    (f"{_P}PublicationNumber",),
    (f"{_P}ClaimNumber",),
    (f"{_T}ClassNumber",),
    (f"{_T}GoodsServicesClassificationBag", f"{_T}GoodsServicesClassification",
     f"{_T}ClassNumber"),
    (f"{_P}RegisteredPractitionerRegistrationNumber",),
    (f"{_T}MarkEventEntryNumber",),
)


@dataclass(frozen=True)
class Change:
    """One difference between document A and document B."""

    kind: ChangeKind
    item: ItemKind
    path: str
    old: str | None = None
    new: str | None = None
    line_a: int | None = None
    line_b: int | None = None

    def __str__(self) -> str:
        mark = {"added": "+", "removed": "-", "changed": "~"}[self.kind]
        if self.kind == "changed":
            return f"{mark} {self.path}: {_quote(self.old)} -> {_quote(self.new)}"
        value = self.new if self.kind == "added" else self.old
        return f"{mark} {self.path}" + (f": {_quote(value)}" if value else "")


@dataclass
class DiffResult:
    """Every difference between two documents."""

    a: str
    b: str
    changes: list[Change] = field(default_factory=list)

    @property
    def same(self) -> bool:
        return not self.changes

    def __bool__(self) -> bool:
        return bool(self.changes)

    def counts(self) -> dict[str, int]:
        found = {"added": 0, "removed": 0, "changed": 0}
        for change in self.changes:
            found[change.kind] += 1
        return found

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "same": self.same, "counts": self.counts(),
                "changes": [asdict(c) for c in self.changes]}

    def to_text(self) -> str:
        if self.same:
            return f"{self.a} and {self.b}: no differences"
        counts = self.counts()
        lines = [f"--- {self.a}", f"+++ {self.b}", *(str(c) for c in self.changes)]
        summary = ", ".join(f"{n} {kind}" for kind, n in counts.items() if n)
        plural = "s" if len(self.changes) != 1 else ""
        lines.append(f"{len(self.changes)} difference{plural} ({summary})")
        return "\n".join(lines)


def _quote(value: str | None, limit: int = 80) -> str:
    if value is None:
        return "(none)"
    text = value if len(value) <= limit else value[: limit - 3] + "..."
    return repr(text)


def _norm(text: str) -> str:
    return " ".join(text.split())


def _own_text(element: etree._Element) -> str:
    runs = [element.text or ""] + [child.tail or "" for child in element]
    return _norm("".join(runs))


def _all_text(element: etree._Element) -> str:
    return _norm(" ".join(element.itertext()))


def _children(element: etree._Element) -> list[etree._Element]:
    return [child for child in element if isinstance(child.tag, str)]


def _attributes(element: etree._Element) -> dict[str, str]:
    return {k: v for k, v in element.attrib.items() if k != SCHEMA_LOCATION}


class _Fingerprints:
    """A hash of each subtree's content, to align unidentified siblings."""

    def __init__(self) -> None:
        self.seen: dict[etree._Element, int] = {}

    def __call__(self, element: etree._Element) -> int:
        found = self.seen.get(element)
        if found is None:
            found = hash((
                element.tag, tuple(sorted(_attributes(element).items())), _own_text(element),
                tuple(self(child) for child in _children(element)),
            ))
            self.seen[element] = found
        return found


def _find_path(element: etree._Element, steps: tuple[str, ...]) -> str | None:
    node: etree._Element | None = element
    for step in steps:
        assert node is not None
        node = next((c for c in node if c.tag == step), None)
        if node is None:
            return None
    text = _all_text(node) if node is not None else ""
    return text or None


def _identity_rules() -> list[tuple[str, Callable[[etree._Element], str | None]]]:
    rules: list[tuple[str, Callable[[etree._Element], str | None]]] = []
    for attribute in ID_ATTRIBUTES:
        rules.append((f"@{short_name(attribute)}",
                      lambda e, a=attribute: e.get(a)))  # type: ignore[misc]
    for steps in IDENTITIES:
        label = "/".join(short_name(s) for s in steps)
        rules.append((label, lambda e, s=steps: _find_path(e, s)))  # type: ignore[misc]
    return rules


_RULES = _identity_rules()


def _identify(
    group_a: list[etree._Element], group_b: list[etree._Element]
) -> tuple[str, list[str], list[str]] | None:
    """The first identity rule that names every member of both groups uniquely."""
    for label, rule in _RULES:
        keys_a = [rule(e) for e in group_a]
        if any(k is None for k in keys_a) or len(set(keys_a)) != len(keys_a):
            continue
        keys_b = [rule(e) for e in group_b]
        if any(k is None for k in keys_b) or len(set(keys_b)) != len(keys_b):
            continue
        return label, keys_a, keys_b  # type: ignore[return-value]
    return None


def _literal(value: str) -> str:
    return f"'{value}'" if "'" not in value else f'"{value}"'


class _Differ:
    def __init__(self) -> None:
        self.changes: list[Change] = []
        self.fingerprint = _Fingerprints()

    def element(self, kind: ChangeKind, element: etree._Element, path: str) -> None:
        text = _all_text(element)
        text = text if len(text) <= 80 else text[:77] + "..."
        line = element.sourceline
        if kind == "added":
            self.changes.append(Change("added", "element", path, None, text or None, None, line))
        else:
            self.changes.append(Change("removed", "element", path, text or None, None, line, None))

    def compare(self, a: etree._Element, b: etree._Element, path: str) -> None:
        la, lb = a.sourceline, b.sourceline
        attrs_a, attrs_b = _attributes(a), _attributes(b)
        for name in sorted(set(attrs_a) | set(attrs_b)):
            where = f"{path}/@{short_name(name)}"
            old, new = attrs_a.get(name), attrs_b.get(name)
            if old == new:
                continue
            kind: ChangeKind = "added" if old is None else "removed" if new is None else "changed"
            self.changes.append(Change(kind, "attribute", where, old, new, la, lb))
        text_a, text_b = _own_text(a), _own_text(b)
        if text_a != text_b:
            kind = "added" if not text_a else "removed" if not text_b else "changed"
            self.changes.append(Change(kind, "text", f"{path}/text()", text_a or None,
                                       text_b or None, la, lb))
        self.children(_children(a), _children(b), path, ordered=bool(text_a or text_b))

    def children(self, kids_a: list[etree._Element], kids_b: list[etree._Element],
                 path: str, *, ordered: bool) -> None:
        names: list[str] = []
        for child in kids_a + kids_b:
            if child.tag not in names:
                names.append(str(child.tag))
        for tag in names:
            group_a = [c for c in kids_a if c.tag == tag]
            group_b = [c for c in kids_b if c.tag == tag]
            base = f"{path}/{short_name(tag)}"
            if len(group_a) <= 1 and len(group_b) <= 1:
                if group_a and group_b:
                    self.compare(group_a[0], group_b[0], base)
                elif group_a:
                    self.element("removed", group_a[0], base)
                elif group_b:
                    self.element("added", group_b[0], base)
                continue
            identity = _identify(group_a, group_b)
            if identity is not None:
                self.by_identity(group_a, group_b, base, identity)
            elif ordered:
                self.by_alignment(group_a, group_b, base)
            else:
                self.by_content(group_a, group_b, base)

    def by_identity(self, group_a: list[etree._Element], group_b: list[etree._Element],
                    base: str, identity: tuple[str, list[str], list[str]]) -> None:
        label, keys_a, keys_b = identity
        index_b = dict(zip(keys_b, group_b, strict=True))
        matched: set[str] = set()
        left_a: list[tuple[str, etree._Element]] = []
        for key, element in zip(keys_a, group_a, strict=True):
            other = index_b.get(key)
            if other is None:
                left_a.append((key, element))
                continue
            matched.add(key)
            self.compare(element, other, f"{base}[{label}={_literal(key)}]")
        left_b = [(k, e) for k, e in zip(keys_b, group_b, strict=True) if k not in matched]
        if len(left_a) == 1 and len(left_b) == 1:
            (key_a, element_a), (_, element_b) = left_a[0], left_b[0]
            self.compare(element_a, element_b, f"{base}[{label}={_literal(key_a)}]")
            return
        for key, element in left_a:
            self.element("removed", element, f"{base}[{label}={_literal(key)}]")
        for key, element in left_b:
            self.element("added", element, f"{base}[{label}={_literal(key)}]")

    def by_content(self, group_a: list[etree._Element], group_b: list[etree._Element],
                   base: str) -> None:
        """Bag members without identity: equal members pair up wherever they are; the rest
        pair with the most similar member of the other side, or are added or removed."""
        free: dict[int, list[int]] = {}
        for j, element in enumerate(group_b):
            free.setdefault(self.fingerprint(element), []).append(j)
        left_a: list[int] = []
        for i, element in enumerate(group_a):
            same = free.get(self.fingerprint(element))
            if same:
                same.pop(0)
            else:
                left_a.append(i)
        left_b = sorted(j for js in free.values() for j in js)
        scored = sorted(
            ((self.similarity(group_a[i], group_b[j]), i, j) for i in left_a for j in left_b),
            key=lambda t: (-t[0], t[1], t[2]),
        )
        paired: dict[int, int] = {}
        taken: set[int] = set()
        for score, i, j in scored:
            if score >= 0.5 and i not in paired and j not in taken:
                paired[i] = j
                taken.add(j)
        for i in left_a:
            if i in paired:
                self.compare(group_a[i], group_b[paired[i]], f"{base}[{i + 1}]")
            else:
                self.element("removed", group_a[i], f"{base}[{i + 1}]")
        for j in left_b:
            if j not in taken:
                self.element("added", group_b[j], f"{base}[{j + 1}]")

    def similarity(self, a: etree._Element, b: etree._Element) -> float:
        """Share of the parts (attributes, own text, children) two elements have in common."""
        parts_a = self.parts(a)
        parts_b = self.parts(b)
        common = sum(min(parts_a.count(p), parts_b.count(p)) for p in set(parts_a))
        return 2 * common / (len(parts_a) + len(parts_b)) if parts_a or parts_b else 1.0

    def parts(self, element: etree._Element) -> list[object]:
        found: list[object] = [*sorted(_attributes(element).items())]
        found.append(("text", _own_text(element)))
        found.extend(self.fingerprint(child) for child in _children(element))
        return found

    def by_alignment(self, group_a: list[etree._Element], group_b: list[etree._Element],
                     base: str) -> None:
        prints_a = [self.fingerprint(e) for e in group_a]
        prints_b = [self.fingerprint(e) for e in group_b]
        matcher = difflib.SequenceMatcher(None, prints_a, prints_b, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            pairs = min(i2 - i1, j2 - j1) if op == "replace" else 0
            for k in range(pairs):
                self.compare(group_a[i1 + k], group_b[j1 + k], f"{base}[{i1 + k + 1}]")
            for i in range(i1 + pairs, i2):
                self.element("removed", group_a[i], f"{base}[{i + 1}]")
            for j in range(j1 + pairs, j2):
                self.element("added", group_b[j], f"{base}[{j + 1}]")


def _root(source: Any) -> tuple[etree._Element, str]:
    from st96kit.binding.parse import Document
    from st96kit.binding.serialize import to_element
    from st96kit.sources.read import read_tree, source_name

    if isinstance(source, Document):
        if source.root is None:
            raise ValueError("the document has no ST.96 root; compare the files instead")
        return to_element(source.root), source.detection.file
    if isinstance(source, etree._ElementTree):
        return source.getroot(), "<tree>"
    if isinstance(source, etree._Element):
        return source, "<element>"
    if isinstance(source, (str, bytes, os.PathLike)):
        return read_tree(source).getroot(), source_name(source)
    import dataclasses

    if dataclasses.is_dataclass(source) and not isinstance(source, type):
        return to_element(source), f"<{type(source).__name__}>"
    raise TypeError(f"cannot compare {type(source).__name__}")


def diff(a: Any, b: Any) -> DiffResult:
    """The differences between two documents (paths, bytes, :class:`Document`, objects of the
    generated classes or lxml elements)."""
    root_a, name_a = _root(a)
    root_b, name_b = _root(b)
    result = DiffResult(name_a, name_b)
    differ = _Differ()
    if root_a.tag == root_b.tag:
        differ.compare(root_a, root_b, f"/{short_name(str(root_a.tag))}")
    else:
        differ.element("removed", root_a, f"/{short_name(str(root_a.tag))}")
        differ.element("added", root_b, f"/{short_name(str(root_b.tag))}")
    result.changes = differ.changes
    return result

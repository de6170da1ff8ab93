"""The component reference of the guide, generated from an installed ST.96 schema package.

Nothing here is committed output: the pages are produced in memory at build time from the
schema package that :func:`st96kit.schemas.find_package` finds, so the definitions (WIPO's
``xsd:documentation`` text) appear only in the built site.

Layout of the generated pages (``src`` paths, relative to the docs folder)::

    reference/<namespace>/index.md        every component of a namespace, one line each
    reference/<namespace>/<letter>.md     the components starting with that letter, in full
    reference/documents/index.md          the document types
    reference/documents/<Name>.md         one document type and its structure as a tree
    reference/structures.md               the top of every document type's tree
"""

from __future__ import annotations

import html
import importlib
import posixpath
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from st96kit.namespaces import MATHML3, OASIS_TABLE, ST96_NAMESPACES, XSD, prefix_for
from st96kit.schemas.package import SchemaPackage

XS = f"{{{XSD}}}"
Kind = Literal["element", "type", "attribute"]
QName = tuple[str, str]  # (namespace URI, local name)

#: How deep the tree of a document type's own page goes, and the overview page's trees.
PAGE_TREE_DEPTH = 3
OVERVIEW_TREE_DEPTH = 2

SLUGS: dict[str, str] = {
    "Common": "common",
    "Patent": "patent",
    "Trademark": "trademark",
    "Design": "design",
    "GeographicalIndication": "geographical-indication",
    "Copyright": "copyright",
}
_FOREIGN = {MATHML3: "MathML 3", OASIS_TABLE: "OASIS Exchange Table"}


@dataclass
class Particle:
    """An element reference, or a sequence or choice of particles, with its occurrences."""

    kind: Literal["element", "sequence", "choice", "any"]
    min: int = 1
    max: int | None = 1  # None: unbounded
    ref: QName | None = None
    items: list[Particle] = field(default_factory=list)

    def refs(self) -> Iterator[QName]:
        if self.ref is not None:
            yield self.ref
        for item in self.items:
            yield from item.refs()


@dataclass
class AttributeUse:
    ref: QName
    required: bool


@dataclass
class Component:
    """One global declaration: an element, a type or an attribute."""

    kind: Kind
    namespace: str
    name: str
    documentation: str = ""
    type: QName | None = None  # elements and attributes
    base: QName | None = None  # types
    derivation: str | None = None  # "extension" or "restriction"
    simple: bool = False
    content: Particle | None = None
    attributes: list[AttributeUse] = field(default_factory=list)
    enumerations: list[str] = field(default_factory=list)
    members: list[QName] = field(default_factory=list)  # union member types
    facets: list[str] = field(default_factory=list)
    fixed: str | None = None
    declared_by: list[str] = field(default_factory=list)  # document schemas only
    # computed
    parents: set[QName] = field(default_factory=set)  # elements that contain this element
    typed_elements: set[QName] = field(default_factory=set)  # elements/attributes of this type
    derived: set[QName] = field(default_factory=set)
    attribute_of: set[tuple[Kind, QName]] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)

    @property
    def qname(self) -> QName:
        return (self.namespace, self.name)

    @property
    def key(self) -> tuple[Kind, QName]:
        return (self.kind, self.qname)


def _text(node: etree._Element | None) -> str:
    if node is None:
        return ""
    return " ".join("".join(node.itertext()).split())


def _documentation(decl: etree._Element) -> str:
    return _text(decl.find(f"{XS}annotation/{XS}documentation"))


def _resolve(decl: etree._Element, value: str) -> QName:
    prefix, _, local = value.rpartition(":")
    namespace = decl.nsmap.get(prefix or None, "")
    return (namespace or "", local)


def _occurs(node: etree._Element) -> tuple[int, int | None]:
    low = int(node.get("minOccurs", "1"))
    high_text = node.get("maxOccurs", "1")
    return low, None if high_text == "unbounded" else int(high_text)


def _particle(node: etree._Element) -> Particle | None:
    local = etree.QName(node).localname
    low, high = _occurs(node)
    if local == "element":
        ref = node.get("ref")
        if ref is None:  # local declarations do not occur in the flattened ST.96 schemas
            return None
        return Particle("element", low, high, _resolve(node, ref))
    if local == "any":
        return Particle("any", low, high)
    if local in ("sequence", "choice"):
        group = Particle("sequence" if local == "sequence" else "choice", low, high)
        group.items = [p for child in node if isinstance(child.tag, str)
                       if (p := _particle(child)) is not None]
        return group
    return None


def _attributes(decl: etree._Element) -> list[AttributeUse]:
    return [
        AttributeUse(_resolve(a, a.get("ref", "")), a.get("use") == "required")
        for a in decl.iter(f"{XS}attribute") if a.get("ref")
    ]


def _read_type(decl: etree._Element, namespace: str) -> Component:
    simple = etree.QName(decl).localname == "simpleType"
    comp = Component("type", namespace, decl.get("name", ""), _documentation(decl), simple=simple)
    for child in decl:
        if not isinstance(child.tag, str):
            continue
        local = etree.QName(child).localname
        if local in ("sequence", "choice"):
            comp.content = _particle(child)
        elif local in ("complexContent", "simpleContent", "restriction"):
            derivation = child if local == "restriction" else next(
                (c for c in child if isinstance(c.tag, str)), None
            )
            if derivation is None:
                continue
            comp.derivation = etree.QName(derivation).localname
            if derivation.get("base"):
                comp.base = _resolve(derivation, derivation.get("base", ""))
            for part in derivation:
                if not isinstance(part.tag, str):
                    continue
                kind = etree.QName(part).localname
                if kind in ("sequence", "choice"):
                    comp.content = _particle(part)
                elif kind == "enumeration":
                    comp.enumerations.append(part.get("value", ""))
                elif kind not in ("attribute", "annotation"):
                    comp.facets.append(f"{kind} {part.get('value', '')}")
            if local == "simpleContent":
                comp.simple = True
        elif local == "union":
            comp.members = [_resolve(child, m) for m in child.get("memberTypes", "").split()]
    comp.attributes = _attributes(decl)
    return comp


def _read_declaration(decl: etree._Element, namespace: str) -> Component | None:
    local = etree.QName(decl).localname
    name = decl.get("name")
    if not name:
        return None
    if local in ("complexType", "simpleType"):
        return _read_type(decl, namespace)
    if local in ("element", "attribute"):
        kind: Kind = "element" if local == "element" else "attribute"
        comp = Component(kind, namespace, name, _documentation(decl))
        if decl.get("type"):
            comp.type = _resolve(decl, decl.get("type", ""))
        comp.fixed = decl.get("fixed")
        return comp
    return None


@dataclass
class DocumentInfo:
    name: str
    root: QName
    schema_file: str
    python_class: str | None
    components: int = 0


@dataclass
class Reference:
    """Every global component of the six ST.96 namespaces of one schema package."""

    version: str
    location: str
    components: dict[tuple[Kind, QName], Component]
    documents: dict[str, DocumentInfo]
    model_classes: dict[str, dict[str, str]]  # namespace -> class name -> module path

    def get(self, kind: Kind, qname: QName) -> Component | None:
        return self.components.get((kind, qname))

    def in_namespace(self, namespace: str) -> list[Component]:
        found = [c for c in self.components.values() if c.namespace == namespace]
        return sorted(found, key=lambda c: (c.name.lower(), c.kind))

    def python_class(self, comp: Component) -> str | None:
        if comp.kind == "attribute":
            return None
        classes = self.model_classes.get(comp.namespace, {})
        return classes.get(comp.name)

    # --- structure -------------------------------------------------------------------------

    def type_of(self, element: Component) -> Component | None:
        return self.get("type", element.type) if element.type else None

    def effective_content(self, comp: Component) -> list[Particle]:
        """The particles of a type: those of its base (for an extension) first."""
        parts: list[Particle] = []
        seen: set[QName] = set()
        current: Component | None = comp
        chain: list[Component] = []
        while current is not None and current.qname not in seen:
            seen.add(current.qname)
            chain.append(current)
            if current.derivation == "restriction" and current.content is not None:
                break  # a restriction restates its content
            current = self.get("type", current.base) if current.base else None
        for item in reversed(chain):
            if item.content is not None:
                parts.append(item.content)
        return parts

    def effective_attributes(self, comp: Component) -> list[AttributeUse]:
        found: dict[QName, AttributeUse] = {}
        seen: set[QName] = set()
        current: Component | None = comp
        while current is not None and current.qname not in seen:
            seen.add(current.qname)
            for use in current.attributes:
                found.setdefault(use.ref, use)
            current = self.get("type", current.base) if current.base else None
        return list(found.values())

    def children(self, element: Component) -> list[Particle]:
        kind = self.type_of(element) if element.kind == "element" else element
        return self.effective_content(kind) if kind is not None else []


def _model_classes(version: str) -> dict[str, dict[str, str]]:
    try:
        package = importlib.import_module(f"st96kit.models.{version.lower()}")
    except ImportError:
        return {}
    found: dict[str, dict[str, str]] = {}
    for namespace, sub in package.NAMESPACES.items():
        module = importlib.import_module(f"{package.__name__}.{sub}")
        found[namespace] = {name: f"{package.__name__}.{sub}.{name}" for name in module._MODULES}
    return found


def _declarations(package: SchemaPackage, name: str) -> tuple[str, list[etree._Element]]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    root = etree.fromstring(package.read(name), parser)
    return root.get("targetNamespace", ""), [c for c in root if isinstance(c.tag, str)]


def build_reference(package: SchemaPackage) -> Reference:
    """Read the namespace schemas and the document schemas of ``package``."""
    components: dict[tuple[Kind, QName], Component] = {}
    for short in ST96_NAMESPACES:
        namespace, decls = _declarations(package, package.namespace_schemas[short])
        for decl in decls:
            comp = _read_declaration(decl, namespace)
            if comp is not None:
                components.setdefault(comp.key, comp)
    # The document roots and their types are declared only by the document schemas.
    for doc in package.document_types.values():
        namespace, decls = _declarations(package, doc.schema_file)
        for decl in decls:
            comp = _read_declaration(decl, namespace)
            if comp is None:
                continue
            known = components.setdefault(comp.key, comp)
            if known is comp or known.declared_by:
                known.declared_by.append(doc.schema_file)
    model_classes = _model_classes(package.version)
    reference = Reference(package.version, str(package.location), components, {}, model_classes)
    _link(reference)
    for doc in package.document_types.values():
        root = (doc.namespace, doc.root)
        entry = model_classes.get(doc.namespace, {})
        info = DocumentInfo(doc.name, root, doc.schema_file, entry.get(doc.root))
        info.components = _mark_documents(reference, doc.name, root)
        reference.documents[doc.name] = info
    return reference


def _link(ref: Reference) -> None:
    """Fill in who contains, types, derives from and carries each component."""
    elements_of_type: dict[QName, list[QName]] = defaultdict(list)
    for comp in ref.components.values():
        if comp.type is not None and (target := ref.get("type", comp.type)) is not None:
            target.typed_elements.add(comp.qname)
            if comp.kind == "element":
                elements_of_type[comp.type].append(comp.qname)
        if comp.kind == "type" and comp.base and (base := ref.get("type", comp.base)):
            base.derived.add(comp.qname)
    for comp in ref.components.values():
        if comp.kind != "type":
            continue
        for use in ref.effective_attributes(comp):
            if (attribute := ref.get("attribute", use.ref)) is not None:
                attribute.attribute_of.add(comp.key)
        holders = elements_of_type.get(comp.qname, [])
        for part in ref.effective_content(comp):
            for child in part.refs():
                target = ref.get("element", child)
                if target is not None:
                    target.parents.update(holders)


def _mark_documents(ref: Reference, document: str, root: QName) -> int:
    """Mark every component reachable from a document's root; return how many there are."""
    stack: list[tuple[Kind, QName]] = [("element", root)]
    seen: set[tuple[Kind, QName]] = set()
    while stack:
        key = stack.pop()
        if key in seen:
            continue
        comp = ref.components.get(key)
        if comp is None:
            continue
        seen.add(key)
        comp.documents.add(document)
        if comp.kind in ("element", "attribute") and comp.type is not None:
            stack.append(("type", comp.type))
        if comp.kind == "type":
            if comp.base is not None:
                stack.append(("type", comp.base))
            stack.extend(("type", m) for m in comp.members)
            stack.extend(("attribute", a.ref) for a in comp.attributes)
            if comp.content is not None:
                stack.extend(("element", r) for r in comp.content.refs())
    return len(seen)


# --- rendering -------------------------------------------------------------------------------


def namespace_short(namespace: str) -> str | None:
    for short, uri in ST96_NAMESPACES.items():
        if uri == namespace:
            return short
    return None


def letter_of(name: str) -> str:
    first = name[:1].upper()
    return first.lower() if first.isalpha() else "other"


def anchor(comp: Component) -> str:
    return f"attribute-{comp.name}" if comp.kind == "attribute" else comp.name


def page_of(comp: Component) -> str:
    short = namespace_short(comp.namespace) or ""
    return f"reference/{SLUGS[short]}/{letter_of(comp.name)}.md"


def document_page(name: str) -> str:
    return f"reference/documents/{name}.md"


def url(from_page: str, to_page: str, fragment: str = "") -> str:
    """A link between two pages as the site serves them (directory URLs)."""

    def directory(page: str) -> str:
        stem = page[:-3]
        if posixpath.basename(stem) == "index":
            stem = posixpath.dirname(stem)
        return stem + "/" if stem else ""

    here, there = directory(from_page), directory(to_page)
    relative = posixpath.relpath(there or ".", here or ".")
    link = "" if relative == "." else relative + "/"
    return link + (f"#{fragment}" if fragment else "") or "./"


def qualified(qname: QName, attribute: bool = False) -> str:
    namespace, local = qname
    if namespace == XSD:
        return f"xsd:{local}"
    prefix = prefix_for(namespace) if namespace else None
    return f"{prefix}:{local}" if prefix else local


def occurs(low: int, high: int | None) -> str:
    upper = "∞" if high is None else str(high)
    return str(low) if upper == str(low) else f"{low}..{upper}"


def _md_link(ref: Reference, kind: Kind, qname: QName, from_page: str) -> str:
    comp = ref.get(kind, qname)
    label = ("@" if kind == "attribute" else "") + qualified(qname)
    if comp is None or namespace_short(comp.namespace) is None:
        foreign = _FOREIGN.get(qname[0])
        return f"`{label}`" + (f" ({foreign})" if foreign else "")
    target = page_of(comp)
    relative = posixpath.relpath(target, posixpath.dirname(from_page))
    return f"[`{label}`]({relative}#{anchor(comp)})"


def _type_link(ref: Reference, qname: QName, from_page: str) -> str:
    return _md_link(ref, "type", qname, from_page)


def _link_list(links: Iterable[str], limit: int = 0) -> str:
    items = list(links)
    if limit and len(items) > limit:
        return ", ".join(items[:limit]) + f" and {len(items) - limit} more"
    return ", ".join(items)


def _escape(text: str) -> str:
    """Documentation text as Markdown: HTML-escaped, with Markdown's own characters neutral."""
    escaped = html.escape(text, quote=False)
    return re.sub(r"([\\`*_\[\]{}<>#|])", r"\\\1", escaped)


def _content_rows(ref: Reference, parts: list[Particle], page: str) -> list[str]:
    rows: list[str] = []
    groups = 0

    def walk(part: Particle, group: str, factor_min: int) -> None:
        nonlocal groups
        if part.kind == "element" and part.ref is not None:
            low = min(part.min, factor_min * part.min)
            rows.append(f"| {_md_link(ref, 'element', part.ref, page)} | {occurs(low, part.max)} "
                        f"| {group} |")
        elif part.kind == "any":
            rows.append(f"| any element | {occurs(part.min, part.max)} | {group} |")
        elif part.kind == "choice":
            groups += 1
            label = f"choice {groups}" + (
                f" ({occurs(part.min, part.max)})" if (part.min, part.max) != (1, 1) else ""
            )
            for item in part.items:
                walk(item, label, factor_min * part.min)
        else:
            inner = group
            if (part.min, part.max) != (1, 1):
                groups += 1
                inner = f"sequence {groups} ({occurs(part.min, part.max)})"
            for item in part.items:
                walk(item, inner, factor_min * part.min)

    for part in parts:
        walk(part, "", 1)
    if not rows:
        return []
    return ["| Child | Occurs | Group |", "| --- | --- | --- |", *rows]


def _documents_line(ref: Reference, comp: Component, page: str) -> str:
    if not comp.documents:
        return "no document type of this package"
    if len(comp.documents) == len(ref.documents):
        return f"all {len(ref.documents)} document types"
    links = [
        f"[{name}]({posixpath.relpath(document_page(name), posixpath.dirname(page))})"
        for name in sorted(comp.documents)
    ]
    return _link_list(links)


def render_component(ref: Reference, comp: Component, page: str) -> list[str]:
    kind_label = {"element": "element", "attribute": "attribute"}.get(comp.kind, "")
    if comp.kind == "type":
        kind_label = "simple type" if comp.simple and comp.content is None else "complex type"
        if not comp.content and not comp.attributes and not comp.base and comp.simple:
            kind_label = "simple type"
    title = ("@" if comp.kind == "attribute" else "") + comp.name
    lines = [f"## {title} {{ #{anchor(comp)} }}", ""]
    lines.append(f"*{kind_label}* `{qualified(comp.qname)}`")
    lines.append("")
    if comp.documentation:
        lines += [_escape(comp.documentation), ""]
    facts: list[str] = []
    if comp.type is not None:
        facts.append(f"- **Type:** {_type_link(ref, comp.type, page)}")
    if comp.fixed is not None:
        facts.append(f"- **Fixed value:** `{comp.fixed}`")
    if comp.base is not None:
        facts.append(f"- **{(comp.derivation or 'base').capitalize()} of:** "
                     f"{_type_link(ref, comp.base, page)}")
    if comp.members:
        facts.append("- **Union of:** " + _link_list(_type_link(ref, m, page)
                                                     for m in comp.members))
    if comp.facets:
        facts.append("- **Facets:** " + ", ".join(f"`{f}`" for f in comp.facets))
    if comp.enumerations:
        facts.append(f"- **Values ({len(comp.enumerations)}):** "
                     + ", ".join(f"`{v}`" for v in comp.enumerations))
    python = ref.python_class(comp)
    if python is not None:
        facts.append(f"- **Python class:** `{python}`")
    if comp.declared_by:
        facts.append("- **Declared by:** " + ", ".join(f"`{n}`" for n in comp.declared_by))
    lines += facts
    if facts:
        lines.append("")
    type_comp = ref.type_of(comp) if comp.kind == "element" else comp
    if type_comp is not None and comp.kind != "attribute":
        rows = _content_rows(ref, ref.children(comp), page)
        if rows:
            lines += ["**Children**", "", *rows, ""]
        attributes = ref.effective_attributes(type_comp)
        if attributes:
            items = [f"{_md_link(ref, 'attribute', a.ref, page)}"
                     + (" (required)" if a.required else "") for a in attributes]
            lines += ["**Attributes:** " + ", ".join(items), ""]
    usage: list[str] = []
    if comp.parents:
        usage.append("- **Contained in:** " + _link_list(
            _md_link(ref, "element", p, page) for p in sorted(comp.parents, key=lambda q: q[1])))
    if comp.typed_elements:
        links = []
        for q in sorted(comp.typed_elements, key=lambda q: q[1]):
            target_kind: Kind = "element" if ref.get("element", q) else "attribute"
            links.append(_md_link(ref, target_kind, q, page))
        usage.append("- **Used by:** " + _link_list(links))
    if comp.derived:
        usage.append("- **Derived types:** " + _link_list(
            _type_link(ref, d, page) for d in sorted(comp.derived, key=lambda q: q[1])))
    if comp.attribute_of:
        usage.append("- **Attribute of:** " + _link_list(
            _md_link(ref, k, q, page) for k, q in sorted(comp.attribute_of, key=lambda x: x[1][1])
        ))
    usage.append("- **Documents:** " + _documents_line(ref, comp, page))
    lines += usage
    lines.append("")
    return lines


def _first_sentence(text: str, limit: int = 110) -> str:
    text = text.strip()
    if len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return _escape(text)


def namespace_pages(ref: Reference, short: str) -> dict[str, str]:
    """The index page and the letter pages of one namespace."""
    namespace = ST96_NAMESPACES[short]
    slug = SLUGS[short]
    comps = ref.in_namespace(namespace)
    by_letter: dict[str, list[Component]] = defaultdict(list)
    for comp in comps:
        by_letter[letter_of(comp.name)].append(comp)
    letters = sorted(by_letter, key=lambda x: (x == "other", x))
    pages: dict[str, str] = {}
    index = f"reference/{slug}/index.md"

    def letter_bar(page: str) -> str:
        return " · ".join(
            f"[{letter.upper() if letter != 'other' else '#'}]"
            f"({posixpath.relpath(f'reference/{slug}/{letter}.md', posixpath.dirname(page))})"
            for letter in letters
        )

    counts = {k: sum(1 for c in comps if c.kind == k) for k in ("element", "type", "attribute")}
    sub = ref.model_classes.get(namespace)
    python = next(iter(sub.values())).rsplit(".", 1)[0] if sub else None
    prefix = prefix_for(namespace)
    head = [
        f"# {short} namespace",
        "",
        f"- **Namespace:** `{namespace}` (prefix `{prefix}`)",
        f"- **Schema:** `{short}_{ref.version}.xsd` of the ST.96 {ref.version} package",
        f"- **Components:** {counts['element']} elements, {counts['type']} types, "
        f"{counts['attribute']} attributes",
    ]
    if python:
        head.append(f"- **Python package:** `{python}`")
    head += ["", letter_bar(index), "", "| Component | Kind | Definition |", "| --- | --- | --- |"]
    for comp in comps:
        link = posixpath.relpath(page_of(comp), posixpath.dirname(index))
        label = ("@" if comp.kind == "attribute" else "") + comp.name
        head.append(f"| [{label}]({link}#{anchor(comp)}) | {comp.kind} "
                    f"| {_first_sentence(comp.documentation)} |")
    pages[index] = "\n".join(head) + "\n"
    for letter in letters:
        page = f"reference/{slug}/{letter}.md"
        title = letter.upper() if letter != "other" else "Other"
        body = [
            f"# {short}: {title}",
            "",
            letter_bar(page),
            "",
        ]
        for comp in by_letter[letter]:
            body += render_component(ref, comp, page)
        pages[page] = "\n".join(body) + "\n"
    return pages


def _tree_html(ref: Reference, element: QName, page: str, depth: int,
               trail: frozenset[QName], occurs_text: str = "", open_levels: int = 1) -> str:
    comp = ref.get("element", element)
    label = html.escape(qualified(element))
    badge = f' <span class="st96-occurs">{html.escape(occurs_text)}</span>' if occurs_text else ""
    if comp is None or namespace_short(comp.namespace) is None:
        return f'<div class="st96-leaf"><code>{label}</code>{badge}</div>'
    link = f'<a href="{url(page, page_of(comp), anchor(comp))}"><code>{label}</code></a>'
    children = [(p, g) for p, g in _flat_children(ref.children(comp))]
    if not children:
        return f'<div class="st96-leaf">{link}{badge}</div>'
    if depth <= 0 or element in trail:
        more = "recursive" if element in trail else f"{len(children)} children"
        return f'<div class="st96-leaf">{link}{badge} <span class="st96-more">…{more}</span></div>'
    inner = "".join(
        _tree_html(ref, child.ref, page, depth - 1, trail | {element},
                   occurs(child.min, child.max) + (f" {group}" if group else ""),
                   open_levels - 1)
        for child, group in children if child.ref is not None
    )
    opened = " open" if open_levels > 0 else ""
    return f"<details{opened}><summary>{link}{badge}</summary>{inner}</details>"


def _flat_children(parts: list[Particle]) -> list[tuple[Particle, str]]:
    flat: list[tuple[Particle, str]] = []
    counter = 0

    def walk(part: Particle, group: str, in_choice: bool) -> None:
        nonlocal counter
        if part.kind == "element":
            low = 0 if in_choice else part.min
            flat.append((Particle("element", low, part.max, part.ref), group))
        elif part.kind == "choice":
            counter += 1
            for item in part.items:
                walk(item, f"choice {counter}", len(part.items) > 1 or in_choice)
        else:
            for item in part.items:
                walk(item, group, in_choice or part.min == 0)

    for part in parts:
        walk(part, "", False)
    return flat


def tree(ref: Reference, root: QName, page: str, depth: int, open_levels: int = 1) -> str:
    return ('<div class="st96-tree">'
            + _tree_html(ref, root, page, depth, frozenset(), "", open_levels) + "</div>")


def document_pages(ref: Reference) -> dict[str, str]:
    pages: dict[str, str] = {}
    index = "reference/documents/index.md"
    lines = [
        "# Document types",
        "",
        f"The ST.96 {ref.version} package defines {len(ref.documents)} document types. Each "
        "has a schema of its own that validates it, and a root class in the generated models.",
        "",
        "| Document type | Root element | Components | Python class |",
        "| --- | --- | --- | --- |",
    ]
    for name, info in sorted(ref.documents.items()):
        page = document_page(name)
        root_link = _md_link(ref, "element", info.root, index)
        python = f"`{info.python_class}`" if info.python_class else "—"
        lines.append(f"| [{name}]({posixpath.relpath(page, posixpath.dirname(index))}) "
                     f"| {root_link} | {info.components} | {python} |")
        root = ref.get("element", info.root)
        body = [f"# {name}", ""]
        if root is not None and root.documentation:
            body += [_escape(root.documentation), ""]
        body += [
            f"- **Root element:** {_md_link(ref, 'element', info.root, page)}",
            f"- **Namespace:** `{info.root[0]}`",
            f"- **Schema:** `{info.schema_file}`",
            f"- **Components used:** {info.components}",
        ]
        if info.python_class:
            module, cls = info.python_class.rsplit(".", 1)
            body.append(f"- **Python class:** `{info.python_class}` "
                        f"(`from {module} import {cls}`)")
        body += [
            "",
            "## Structure",
            "",
            f"The tree goes {PAGE_TREE_DEPTH} levels deep; every element links to its entry in "
            "the component reference, which lists its own children. Numbers are occurrences "
            "(`0..1` optional, `1..∞` one or more); members of a `choice` exclude each other.",
            "",
            tree(ref, info.root, page, PAGE_TREE_DEPTH, open_levels=2),
            "",
        ]
        pages[page] = "\n".join(body) + "\n"
    pages[index] = "\n".join(lines) + "\n"
    overview = "reference/structures.md"
    body = [
        "# Document structures",
        "",
        "The top of every document type's tree. Open a branch to see what it holds; the name of "
        "each document type leads to its page with a deeper tree.",
        "",
    ]
    for name, info in sorted(ref.documents.items()):
        link = posixpath.relpath(document_page(name), posixpath.dirname(overview))
        body += [f"## {name}", "", f"[Full structure of {name}]({link})", "",
                 tree(ref, info.root, overview, OVERVIEW_TREE_DEPTH, open_levels=0), ""]
    pages[overview] = "\n".join(body) + "\n"
    return pages


def reference_index(ref: Reference) -> str:
    lines = [
        "# Component reference",
        "",
        f"Generated from the ST.96 {ref.version} schema package found on this machine when the "
        "guide was built. Every global element, type and attribute of the six ST.96 namespaces "
        "has an entry: its definition from the schema, its type, its children with their "
        "occurrences, where it is used, the document types that contain it, and the Python "
        "class that st96kit generated for it.",
        "",
        "| Namespace | Prefix | Elements | Types | Attributes |",
        "| --- | --- | --- | --- | --- |",
    ]
    for short, namespace in ST96_NAMESPACES.items():
        comps = ref.in_namespace(namespace)
        count = {k: sum(1 for c in comps if c.kind == k) for k in ("element", "type", "attribute")}
        lines.append(f"| [{short}]({SLUGS[short]}/index.md) | `{prefix_for(namespace)}` "
                     f"| {count['element']} | {count['type']} | {count['attribute']} |")
    lines += [
        "",
        f"- [Document types](documents/index.md): the {len(ref.documents)} document types, "
        "each with its structure as a tree.",
        "- [Document structures](structures.md): the top of every document type's tree on "
        "one page.",
        "",
    ]
    return "\n".join(lines) + "\n"


def all_pages(ref: Reference) -> dict[str, str]:
    """Every generated page, by its path in the docs folder."""
    pages = {"reference/index.md": reference_index(ref)}
    for short in ST96_NAMESPACES:
        pages.update(namespace_pages(ref, short))
    pages.update(document_pages(ref))
    return pages


def nav(ref: Reference) -> list[object]:
    """The navigation entries of the generated pages."""
    namespaces: list[object] = [
        {short: f"reference/{SLUGS[short]}/index.md"} for short in ST96_NAMESPACES
    ]
    documents: list[object] = ["reference/documents/index.md"]
    documents += [{name: document_page(name)} for name in sorted(ref.documents)]
    return [
        "reference/index.md",
        {"Namespaces": namespaces},
        {"Document types": documents},
        {"Document structures": "reference/structures.md"},
    ]


def nav_pages(entries: list[object]) -> Iterator[str]:
    """The page paths named in navigation entries."""
    for entry in entries:
        if isinstance(entry, str):
            yield entry
        elif isinstance(entry, dict):
            for value in entry.values():
                yield from nav_pages(value if isinstance(value, list) else [value])

"""Code generation and model loading: st96kit next to plain xsdata.

    .venv/bin/python bench/codegen.py [--quick] [--rounds N]

(a) ``generate_models`` (what ``st96kit generate`` runs) on the V6_0 package, in a fresh
    process, into a temporary folder: time and classes, next to the global components of the
    six namespace-level schemas + MathML + OASIS table, and how many classes each kind gives.
(b) plain xsdata (default options) on the 28 document schemas: time, classes, modules, and the
    classes that model the same component more than once.
(c) ``import st96kit`` in a fresh process.
(d) loading one document type's classes in a fresh process: st96kit's lazy models against
    importing the package plain xsdata generates for that document type alone, and the package
    it generates for all 28 document schemas.

Generation runs once per tool (each takes tens of seconds); imports are repeated, interleaved,
and the median is shown. ``--quick`` skips (a)'s generation (the committed models are counted
instead) and the 28-schema run of (b), and repeats fewer times.
"""

from __future__ import annotations

import argparse
import ast
import json
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from _harness import (
    ROOT,
    SCHEMAS,
    Child,
    describe_machine,
    interleaved,
    median,
    ms,
    python_child,
    ratio,
    setup_environment,
    table,
)
from lxml import etree

XSD = "http://www.w3.org/2001/XMLSchema"
KINDS = ("element", "complexType", "simpleType", "group", "attributeGroup", "attribute")
AUXILIARY = ("FlattenedMathML3.xsd", "OASISTable_V1_0.xsd")
DOCUMENT_TYPES = ("TrademarkApplication", "PatentPublication")
COMMITTED_MODELS = ROOT / "src" / "st96kit" / "models" / "v6_0"

ST96KIT_GENERATE = """
import json, sys
from pathlib import Path
from st96kit.codegen.generate import generate_models
from st96kit.schemas.package import SchemaPackage
result = generate_models(SchemaPackage.open(sys.argv[1]), Path(sys.argv[2]))
print(json.dumps({"classes": result.classes, "modules": result.modules,
                  "components": result.components, "seconds": result.seconds}))
"""

XSDATA_GENERATE = """
import pathlib, sys, time
from xsdata.codegen.transformer import ResourceTransformer
from xsdata.models.config import GeneratorConfig
config = GeneratorConfig()
config.output.package = sys.argv[1]
uris = [pathlib.Path(p).resolve().as_uri() for p in sys.argv[2:]]
start = time.perf_counter()
ResourceTransformer(config=config).process(uris)
print(time.perf_counter() - start)
"""

IMPORT_CLASS = """
import importlib, json, sys, time
module, name, prefix = sys.argv[1:4]
start = time.perf_counter()
cls = getattr(importlib.import_module(module), name)
seconds = time.perf_counter() - start
loaded = [m for n, m in list(sys.modules.items()) if n == prefix or n.startswith(prefix + ".")]
classes = sum(1 for m in loaded for v in vars(m).values()
              if isinstance(v, type) and v.__module__ == m.__name__)
print(json.dumps({"seconds": seconds, "modules": len(loaded), "classes": classes}))
"""

IMPORT_ST96KIT = """
import sys, time
before = set(sys.modules)
start = time.perf_counter()
import st96kit
seconds = time.perf_counter() - start
added = set(sys.modules) - before
heavy = sorted(m for m in ("lxml.etree", "xsdata", "xmlschema") if m in added)
print(seconds, len(added), ",".join(heavy) or "-")
"""


# --- components of the schemas -------------------------------------------------------------


Key = tuple[str, str, str]  # (namespace, kind, name)


def components(path: Path) -> set[Key]:
    root = etree.parse(str(path)).getroot()
    namespace = root.get("targetNamespace") or ""
    found: set[Key] = set()
    for node in root:
        if isinstance(node.tag, str) and etree.QName(node).namespace == XSD:
            kind = etree.QName(node).localname
            if kind in KINDS:
                found.add((namespace, kind, node.get("name", "")))
    return found


@dataclass
class SchemaInventory:
    namespace_level: set[Key]
    document_only: set[Key]
    namespace_files: list[str]
    document_files: list[str]

    def all(self) -> set[Key]:
        return self.namespace_level | self.document_only


def inventory() -> SchemaInventory:
    from st96kit.schemas.package import SchemaPackage

    package = SchemaPackage.open(SCHEMAS)
    namespace_files = [*package.namespace_schemas.values(), *AUXILIARY]
    document_files = sorted(d.schema_file for d in package.document_types.values())
    namespace_level: set[Key] = set()
    for name in namespace_files:
        namespace_level |= components(SCHEMAS / name)
    everything: set[Key] = set()
    for name in [*document_files, *package.auxiliary_schemas]:
        everything |= components(SCHEMAS / name)
    return SchemaInventory(namespace_level, everything - namespace_level,
                           namespace_files, document_files)


# --- classes of a generated package ----------------------------------------------------------


@dataclass
class GeneratedClass:
    module: str
    name: str
    xml_name: str
    namespace: str
    is_enum: bool
    element_meta: bool  # Meta declares a namespace: xsdata does so for element classes
    nested: int


def _meta(node: ast.ClassDef) -> dict[str, str]:
    found: dict[str, str] = {}
    for item in node.body:
        if isinstance(item, ast.ClassDef) and item.name == "Meta":
            for statement in item.body:
                if (isinstance(statement, ast.Assign) and len(statement.targets) == 1
                        and isinstance(statement.targets[0], ast.Name)
                        and isinstance(statement.value, ast.Constant)):
                    found[statement.targets[0].id] = str(statement.value.value)
    return found


def _nested(node: ast.ClassDef) -> int:
    inner = [i for i in node.body if isinstance(i, ast.ClassDef) and i.name != "Meta"]
    return sum(1 + _nested(i) for i in inner)


def scan_package(folder: Path) -> list[GeneratedClass]:
    """Every top-level class of the generated modules below ``folder``."""
    found: list[GeneratedClass] = []
    for path in sorted(folder.rglob("*.py")):
        if path.name == "__init__.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module_namespace = ""
        for statement in tree.body:
            if (isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Constant)
                    and any(isinstance(t, ast.Name) and t.id == "__NAMESPACE__"
                            for t in statement.targets)):
                module_namespace = str(statement.value.value)
        for node in tree.body:
            if not isinstance(node, ast.ClassDef):
                continue
            meta = _meta(node)
            bases = {b.id for b in node.bases if isinstance(b, ast.Name)}
            found.append(GeneratedClass(
                module=str(path.relative_to(folder).with_suffix("")).replace("/", "."),
                name=node.name,
                xml_name=meta.get("name", node.name),
                namespace=meta.get("namespace", module_namespace),
                is_enum="Enum" in bases,
                element_meta="namespace" in meta,
                nested=_nested(node),
            ))
    return found


def kind_of(cls: GeneratedClass, known: set[Key]) -> str:
    """The kind of schema component a class models, matched by namespace and name."""
    ns, name = cls.namespace, cls.xml_name
    is_element = (ns, "element", name) in known
    types = [k for k in ("complexType", "simpleType") if (ns, k, name) in known]
    if is_element and (cls.element_meta or not types):
        return "element"
    if types:
        return "simpleType" if cls.is_enum and "simpleType" in types else types[0]
    # xsdata names the enumerations of inline (anonymous) simple types after their attribute
    return "anonymous enumeration" if cls.is_enum else "unmatched"


def duplicates(classes: list[GeneratedClass], known: set[Key]) -> tuple[int, int]:
    """(components with more than one class, extra classes) in one generated package."""
    by_component: dict[tuple[str, str, str], int] = defaultdict(int)
    for cls in classes:
        by_component[(cls.namespace, kind_of(cls, known), cls.xml_name)] += 1
    extra = [n - 1 for n in by_component.values() if n > 1]
    return len(extra), sum(extra)


def numbered(classes: list[GeneratedClass]) -> int:
    """Classes renamed with a number (``Foo1``) that model an XML name without it."""
    return sum(
        1 for c in classes
        if c.name[-1:].isdigit() and not c.xml_name[-1:].isdigit()
    )


def same_name_in_modules(classes: list[GeneratedClass]) -> int:
    """Class names (with their namespace) defined in more than one module."""
    modules: dict[tuple[str, str], set[str]] = defaultdict(set)
    for cls in classes:
        modules[(cls.namespace, cls.name)].add(cls.module)
    return sum(1 for m in modules.values() if len(m) > 1)


# --- the runs ----------------------------------------------------------------------------------


@dataclass
class Generation:
    label: str
    child: Child | None
    classes: list[GeneratedClass]
    folder: Path
    note: str = ""


def run_st96kit_generate(work: Path) -> Generation:
    target = work / "st96kit" / "v6_0"
    child = python_child(ST96KIT_GENERATE, str(SCHEMAS), str(target))
    reported = json.loads(child.stdout.strip().splitlines()[-1])
    classes = scan_package(target)
    if reported["classes"] != len(classes):
        print(f"note: generate_models reported {reported['classes']} classes, "
              f"{len(classes)} found")
    return Generation("st96kit generate (6 namespaces + MathML + table)", child, classes, target,
                      note=f"{reported['components']} merged components")


def run_xsdata(work: Path, package: str, files: list[str], label: str) -> Generation:
    folder = work / package
    folder.mkdir(parents=True)
    child = python_child(XSDATA_GENERATE, package, *(str(SCHEMAS / f) for f in files),
                         cwd=folder)
    dropped = child.stderr.count("Duplicate type")
    classes = scan_package(folder / package)
    note = f"{dropped} 'Duplicate type ... will keep the last defined' warnings"
    return Generation(label, child, classes, folder / package, note=note)


def class_module(generation: Generation, name: str, package: str) -> str:
    for cls in generation.classes:
        if cls.name == name:
            return f"{package}.{cls.module}"
    raise LookupError(f"{name} not generated in {generation.folder}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="skip the two long generations, fewer repetitions")
    parser.add_argument("--rounds", type=int, default=None,
                        help="repetitions of each import measure (default 7, quick 3)")
    args = parser.parse_args()
    rounds = args.rounds or (3 if args.quick else 7)
    setup_environment()
    print(f"codegen benchmark; {describe_machine()}")
    schemas = inventory()
    known = schemas.all()

    with tempfile.TemporaryDirectory(prefix="st96kit-bench-codegen-") as tmp:
        work = Path(tmp)

        # (a) st96kit generate
        if args.quick:
            ours = Generation("st96kit models (committed, not regenerated)", None,
                              scan_package(COMMITTED_MODELS), COMMITTED_MODELS)
        else:
            print("generating with st96kit ...", flush=True)
            ours = run_st96kit_generate(work)
        report_components(schemas, ours, known)

        # (b) plain xsdata
        generations: list[Generation] = [ours]
        if not args.quick:
            print("generating with plain xsdata from the 28 document schemas ...", flush=True)
            generations.append(run_xsdata(work, "plain_all", schemas.document_files,
                                          "plain xsdata, 28 document schemas"))
        singles: dict[str, Generation] = {}
        for doc in DOCUMENT_TYPES:
            print(f"generating with plain xsdata from {doc}_V6_0.xsd ...", flush=True)
            package = f"plain_{doc.lower()}"
            singles[doc] = run_xsdata(work, package, [f"{doc}_V6_0.xsd"],
                                      f"plain xsdata, {doc}_V6_0.xsd only")
            generations.append(singles[doc])
        report_generations(generations, known)

        # (c) import st96kit
        report_import(rounds)

        # (d) one document type's classes
        report_document_loading(rounds, singles, generations[1] if not args.quick else None)
    return 0


def report_components(schemas: SchemaInventory, ours: Generation, known: set[Key]) -> None:
    level = Counter(k for _, k, _ in schemas.namespace_level)
    only = Counter(k for _, k, _ in schemas.document_only)
    made = Counter(kind_of(c, known) for c in ours.classes)
    rows = []
    for kind in KINDS:
        total = level[kind] + only[kind]
        rows.append([kind, level[kind], only[kind], total, made[kind],
                     ratio(made[kind], total) if total else "-"])
    rows.append(["(anonymous enumerations)", "", "", "", made["anonymous enumeration"], ""])
    if made["unmatched"]:
        rows.append(["(no component matched)", "", "", "", made["unmatched"], ""])
    total_level = sum(level.values())
    total_only = sum(only.values())
    rows.append(["total", total_level, total_only, total_level + total_only,
                 len(ours.classes), ratio(len(ours.classes), total_level + total_only)])
    table(
        f"(a) global components and the classes they give ({ours.label}); namespace level = "
        f"{', '.join(schemas.namespace_files)}",
        ["kind", "namespace level", "document schemas only", "components", "classes",
         "classes/component"],
        rows,
    )
    nested = sum(c.nested for c in ours.classes)
    print(f"    classes are top-level classes; {nested} more are nested (anonymous types). "
          "groups, attribute groups, attributes and simple types other than enumerations "
          "are folded into the classes that use them.")


def report_generations(generations: list[Generation], known: set[Key]) -> None:
    base = generations[0]
    rows = []
    for gen in generations:
        dup_components, dup_classes = duplicates(gen.classes, known)
        modules = len({c.module for c in gen.classes})
        wall = f"{gen.child.wall:.1f}" if gen.child else "-"
        cpu = f"{gen.child.cpu:.1f}" if gen.child else "-"
        vs = (ratio(gen.child.cpu, base.child.cpu) if gen.child and base.child else "-")
        rows.append([gen.label, wall, cpu, vs, len(gen.classes), modules,
                     dup_components, dup_classes, numbered(gen.classes),
                     same_name_in_modules(gen.classes)])
    table(
        "(b) generation, one fresh process each (wall and CPU seconds, CPU includes ruff)",
        ["run", "wall s", "CPU s", "CPU vs st96kit", "classes", "modules",
         "components >1 class", "extra classes", "renamed Foo1..", "name in >1 module"],
        rows,
    )
    for gen in generations:
        if gen.note:
            print(f"    {gen.label}: {gen.note}")


def report_import(rounds: int) -> None:
    def plain() -> tuple[float, str]:
        return python_child("pass").wall, ""

    def ours() -> tuple[float, str]:
        child = python_child(IMPORT_ST96KIT)
        return child.wall, child.stdout.strip()

    plain()
    ours()
    walls: dict[str, list[float]] = {"pass": [], "import": []}
    inside: list[float] = []
    detail = ""
    for _ in range(rounds):
        walls["pass"].append(plain()[0])
        wall, out = ours()
        walls["import"].append(wall)
        seconds, added, heavy = out.split()
        inside.append(float(seconds))
        detail = f"{added} modules imported; heavy modules loaded: {heavy}"
    base = median(walls["pass"])
    imported = median(walls["import"])
    table(
        f"(c) import st96kit in a fresh process (median of {rounds}, interleaved)",
        ["measure", "ms"],
        [["python -c pass (process wall)", ms(base)],
         ["python -c 'import st96kit' (process wall)", ms(imported)],
         ["difference", ms(imported - base)],
         ["perf_counter around the import, in the child", ms(median(inside))]],
    )
    print(f"    {detail}")


def load_class(
    argv: list[str], cwd: Path | None, label: str, details: dict[str, dict[str, float]]
) -> float:
    """Import one class in a fresh process; seconds, and what was loaded into ``details``."""
    child = python_child(IMPORT_CLASS, *argv, cwd=cwd)
    details[label] = json.loads(child.stdout)
    return float(details[label]["seconds"])


def report_document_loading(
    rounds: int, singles: dict[str, Generation], all_docs: Generation | None
) -> None:
    rows = []
    for doc in DOCUMENT_TYPES:
        namespace = "trademark" if doc.startswith("Trademark") else "patent"
        single = singles[doc]
        single_pkg = single.folder.name
        variants: dict[str, tuple[list[str], Path | None]] = {
            "st96kit lazy models": (
                [f"st96kit.models.v6_0.{namespace}", doc, "st96kit.models.v6_0"], None),
            f"plain xsdata, {doc}_V6_0.xsd package": (
                [class_module(single, doc, single_pkg), doc, single_pkg], single.folder.parent),
        }
        if all_docs is not None:
            pkg = all_docs.folder.name
            variants["plain xsdata, 28-schema package"] = (
                [class_module(all_docs, doc, pkg), doc, pkg], all_docs.folder.parent)
        details: dict[str, dict[str, float]] = {}
        for label, (argv, cwd) in variants.items():
            load_class(argv, cwd, label, details)  # once first: bytecode caches written
        measures = {
            label: partial(load_class, argv, cwd, label, details)
            for label, (argv, cwd) in variants.items()
        }
        results = interleaved(measures, rounds)
        base = median(results["st96kit lazy models"])
        for label, values in results.items():
            rows.append([doc, label, ms(median(values)), ratio(median(values), base),
                         int(details[label]["classes"]), int(details[label]["modules"])])
    table(
        f"(d) loading one document type's root class in a fresh process "
        f"(median of {rounds}, interleaved; perf_counter around the import in the child)",
        ["document type", "models", "ms", "vs st96kit", "classes loaded", "modules loaded"],
        rows,
    )


if __name__ == "__main__":
    raise SystemExit(main())

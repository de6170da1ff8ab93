"""The generated V6_0 models: WIPO examples into objects, one class per component, lazy loading."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES_V6_0, SCHEMAS_V6_0
from lxml import etree

import st96kit
from st96kit import models
from st96kit.namespaces import PREFIXES
from st96kit.schemas.package import SchemaPackage

MODELS = Path(models.__file__).parent / "v6_0"
NS = {prefix: uri for uri, prefix in PREFIXES.items() if prefix != "m"}


def _text(path: Path, xpath: str) -> str:
    found = etree.parse(str(path)).xpath(xpath, namespaces=NS)
    assert found, xpath
    return str(found[0]).strip()


def test_patent_publication_fields() -> None:
    path = EXAMPLES_V6_0 / "PatentPublication_Example.xml"
    doc = st96kit.parse(path)
    bib = doc.root.bibliographic_data
    number = bib.application_identification.application_number.application_number_text
    assert number.value == _text(
        path,
        "//pat:ApplicationIdentification/com:ApplicationNumber/com:ApplicationNumberText/text()",
    )
    assert str(bib.application_identification.filing_date.value) == _text(
        path, "//pat:ApplicationIdentification/pat:FilingDate/text()"
    )
    assert doc.root.language_code.value == "en"  # an enumeration member
    claims = [c for c in doc.root.claims.choice if type(c).__name__ == "Claim"]
    assert len(claims) == len(etree.parse(str(path)).xpath("//pat:Claim", namespaces=NS))


def test_trademark_application_fields() -> None:
    path = EXAMPLES_V6_0 / "TrademarkApplication_Example.xml"
    doc = st96kit.parse(path)
    mark = doc.root.trademark_bag.trademark[0]
    reproductions = mark.mark_representation.mark_reproduction.choice  # a repeating choice
    verbal = next(r for r in reproductions if type(r).__name__ == "WordMarkSpecification")
    assert verbal.mark_verbal_element_text.value == _text(
        path, "//tmk:MarkVerbalElementText/text()"
    )
    assert [c.value.value for c in mark.mark_category] == [
        _text(path, "//tmk:Trademark/tmk:MarkCategory/text()")
    ]
    numbers = mark.application_number_or_registration_number  # choice, up to twice
    number = next(n for n in numbers if type(n).__name__ == "ApplicationNumber")
    assert number.application_number_text.value == _text(
        path, "//tmk:Trademark/com:ApplicationNumber/com:ApplicationNumberText/text()"
    )


def test_design_application_fields() -> None:
    path = EXAMPLES_V6_0 / "DesignApplication_Example.xml"
    doc = st96kit.parse(path)
    design = doc.root.design_bag.design[0]
    assert design.design_title_text.value == _text(path, "(//dgn:DesignTitleText)[1]/text()")
    assert design.design_identifier.value == _text(path, "(//dgn:DesignIdentifier)[1]/text()")


def test_gi_application_fields() -> None:
    path = EXAMPLES_V6_0 / "GIApplication_Example.xml"
    doc = st96kit.parse(path)
    names = doc.root.gidata.giname_bag
    assert names.giname_text[0].value == _text(path, "(//gin:GINameText)[1]/text()")


def test_index_covers_every_document_type() -> None:
    package = SchemaPackage.open(SCHEMAS_V6_0)
    index = models.document_types("V6_0")
    assert set(index) == set(package.document_types)
    for name, entry in index.items():
        cls = models.document_class(name, "V6_0")
        assert cls.__name__ == entry["root"] == package.document_types[name].root
        assert cls.Meta.namespace == entry["namespace"]


def _class_names(sub: Path) -> set[str]:
    import ast

    names: set[str] = set()
    for module in sub.glob("*.py"):
        if module.name != "__init__.py":
            tree = ast.parse(module.read_text(encoding="utf-8"))
            names.update(n.name for n in tree.body if isinstance(n, ast.ClassDef))
    return names


@pytest.mark.parametrize(
    "namespace", ["common", "patent", "trademark", "design", "geographical_indication", "copyright"]
)
def test_each_component_is_exactly_one_class(namespace: str) -> None:
    names = _class_names(MODELS / namespace)
    schema = etree.parse(str(SCHEMAS_V6_0 / f"{_schema_name(namespace)}_V6_0.xsd")).getroot()
    xs = "{http://www.w3.org/2001/XMLSchema}"
    declared = {e.get("name") for e in schema if e.tag in (f"{xs}element", f"{xs}complexType")}
    every = {e.get("name") for e in schema}
    doubles = {
        n for n in names if n[-1].isdigit() and n not in every and n.rstrip("0123456789") in names
    }
    assert not doubles, f"numbered duplicates: {sorted(doubles)[:10]}"
    missing = {n for n in declared if n not in names}
    assert not missing, f"components without a class: {sorted(missing)[:10]}"


def _schema_name(namespace: str) -> str:
    return "".join(part.capitalize() for part in namespace.split("_"))


def test_no_documentation_text_in_generated_code() -> None:
    xs = "{http://www.w3.org/2001/XMLSchema}"
    docs: list[str] = []
    for name in ("Common_V6_0.xsd", "Patent_V6_0.xsd", "Trademark_V6_0.xsd"):
        root = etree.parse(str(SCHEMAS_V6_0 / name)).getroot()
        for doc in root.iter(f"{xs}documentation"):
            owner = doc.getparent().getparent()  # documentation < annotation < component
            if not doc.text or len(doc.text.split()) < 8 or owner.tag == f"{xs}enumeration":
                continue  # enumeration values are data, and are in the code by design
            docs.append(" ".join(doc.text.split()))
    assert len(docs) > 100
    code = []
    for module in MODELS.rglob("*.py"):
        text = module.read_text(encoding="utf-8")
        if module.name != "__init__.py":
            assert '"""' not in text, f"docstring in {module}"
        code.append(" ".join(text.split()))
    blob = "\n".join(code)
    sample = docs[:: max(1, len(docs) // 150)]
    leaked = [d for d in sample if d[:60] in blob]
    assert not leaked, leaked[:3]


def _modules_after(code: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.split()


def test_import_st96kit_imports_no_models_and_no_lxml() -> None:
    loaded = _modules_after("import st96kit")
    assert not [m for m in loaded if m.startswith("st96kit.models.v6_0")]
    assert "lxml.etree" not in loaded
    assert "xsdata" not in loaded


def test_one_document_type_loads_only_its_classes() -> None:
    loaded = _modules_after("from st96kit.models.v6_0.trademark import TrademarkApplication")
    model_modules = [m for m in loaded if m.startswith("st96kit.models.v6_0.")]
    assert any(m.startswith("st96kit.models.v6_0.trademark.") for m in model_modules)
    assert not [
        m
        for m in model_modules
        if m.startswith(("st96kit.models.v6_0.patent.", "st96kit.models.v6_0.design."))
    ]
    total = sum(1 for p in MODELS.rglob("*.py") if p.name != "__init__.py")
    assert len(model_modules) < total / 2

"""Code generation: the committed models are exactly what the generator produces."""

from __future__ import annotations

import filecmp
from pathlib import Path

from conftest import SCHEMAS_V6_0

from st96kit import models
from st96kit.codegen.generate import generate_models
from st96kit.codegen.merge import merge_package
from st96kit.schemas.package import SchemaPackage

COMMITTED = Path(models.__file__).parent / "v6_0"


def _files(root: Path) -> dict[str, Path]:
    return {
        str(p.relative_to(root)): p
        for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    result = generate_models(SchemaPackage.open(SCHEMAS_V6_0), tmp_path / "v6_0")
    fresh = _files(result.output)
    committed = _files(COMMITTED)
    assert sorted(fresh) == sorted(committed)
    different = [
        name for name in fresh if not filecmp.cmp(fresh[name], committed[name], shallow=False)
    ]
    assert not different, different[:10]
    assert result.classes > 3000


def test_merge_gathers_each_component_once() -> None:
    merged = merge_package(SchemaPackage.open(SCHEMAS_V6_0))
    common = merged["http://www.wipo.int/standards/XMLSchema/ST96/Common"]
    assert ("element", "ApplicationNumber") in common.components
    trademark = merged["http://www.wipo.int/standards/XMLSchema/ST96/Trademark"]
    # document roots come from the document schemas, not the namespace schema
    assert ("element", "TrademarkApplication") in trademark.components
    for entry in merged.values():
        for node in entry.components.values():
            assert not node.findall(".//{http://www.w3.org/2001/XMLSchema}annotation")
            assert node.get("default") is None and node.get("fixed") is None

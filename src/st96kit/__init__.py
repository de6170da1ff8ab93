"""st96kit: a toolkit for WIPO Standard ST.96.

The public API, loaded on first use (``import st96kit`` imports neither lxml's schemas nor any
model class)::

    import st96kit

    st96kit.detect("file.xml")              # what is this file?
    doc = st96kit.parse("file.xml")         # objects of the generated classes
    st96kit.serialize(doc)                  # back to XML, in the standard style
    st96kit.validate("file.xml")            # verdict and every error
    for record in st96kit.stream("bulk.xml"): ...
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "detect": "st96kit.sources.detect",
    "Detection": "st96kit.sources.detect",
    "stream": "st96kit.sources.stream",
    "Record": "st96kit.sources.stream",
    "parse": "st96kit.binding.parse",
    "parse_element": "st96kit.binding.parse",
    "Document": "st96kit.binding.parse",
    "Loss": "st96kit.binding.parse",
    "serialize": "st96kit.binding.serialize",
    "write": "st96kit.binding.serialize",
    "canonical": "st96kit.binding.compare",
    "validate": "st96kit.validation.validate",
    "ValidationResult": "st96kit.validation.validate",
    "Issue": "st96kit.validation.validate",
    "find_package": "st96kit.schemas.locate",
    "SchemaPackage": "st96kit.schemas.package",
    "St96Error": "st96kit.errors",
    "to_json": "st96kit.convert.json_form",
    "from_json": "st96kit.convert.json_form",
    "diff": "st96kit.compare.diff",
}

if TYPE_CHECKING:
    from st96kit.binding.compare import canonical as canonical
    from st96kit.binding.parse import Document as Document
    from st96kit.binding.parse import Loss as Loss
    from st96kit.binding.parse import parse as parse
    from st96kit.binding.parse import parse_element as parse_element
    from st96kit.binding.serialize import serialize as serialize
    from st96kit.binding.serialize import write as write
    from st96kit.compare.diff import diff as diff
    from st96kit.convert.json_form import from_json as from_json
    from st96kit.convert.json_form import to_json as to_json
    from st96kit.errors import St96Error as St96Error
    from st96kit.schemas.locate import find_package as find_package
    from st96kit.schemas.package import SchemaPackage as SchemaPackage
    from st96kit.sources.detect import Detection as Detection
    from st96kit.sources.detect import detect as detect
    from st96kit.sources.stream import Record as Record
    from st96kit.sources.stream import stream as stream
    from st96kit.validation.validate import Issue as Issue
    from st96kit.validation.validate import ValidationResult as ValidationResult
    from st96kit.validation.validate import validate as validate

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'st96kit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__

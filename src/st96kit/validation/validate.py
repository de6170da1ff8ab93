"""Validating documents: lxml for the verdict, a second pass to list every error.

libxml2 stops at the first error inside an element's content and reports only that one. When a
document is invalid (and only then), :mod:`xmlschema` validates it again in lax mode, which goes
on through the whole document, so a report lists all errors. The verdict is always lxml's.
"""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from lxml import etree

from st96kit.errors import InputError, NoSchemaPackageError
from st96kit.namespaces import readable_names
from st96kit.schemas import locate
from st96kit.schemas.package import SchemaPackage
from st96kit.sources.detect import Detection, detection_from_root
from st96kit.sources.read import DEFAULT_MAX_BYTES, Source, read_tree, source_name
from st96kit.validation.compile import document_schema, uses_mathml

Status = Literal["valid", "invalid", "no-schema", "unknown-document", "unreadable"]


@dataclass
class Issue:
    """One validation error."""

    line: int | None
    column: int | None
    path: str | None
    message: str

    def __str__(self) -> str:
        where = ":".join(str(p) for p in (self.line, self.column) if p is not None)
        at = f" ({self.path})" if self.path else ""
        return f"{where}: {self.message}{at}" if where else f"{self.message}{at}"


@dataclass
class ValidationResult:
    """The outcome of validating one document."""

    file: str
    status: Status
    document_type: str | None = None
    st96_version: str | None = None
    schema_version: str | None = None
    errors: list[Issue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool | None:
        """True or False when the document could be checked, None when it could not."""
        if self.status == "valid":
            return True
        if self.status == "invalid":
            return False
        return None

    def __bool__(self) -> bool:
        return self.status == "valid"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["valid"] = self.valid
        return data


def _package_for(
    detection: Detection, version: str | None, schemas: Sequence[str | Path] | None
) -> tuple[SchemaPackage, list[str]]:
    notes: list[str] = []
    wanted = version or detection.st96_version
    if wanted is None:
        package = locate.find_package(None, schemas)
        notes.append(
            f"the document declares no st96Version; validated against ST.96 "
            f"{package.version}, the newest installed"
        )
        return package, notes
    return locate.find_package(wanted, schemas), notes


def _lxml_issues(log: Any) -> list[Issue]:
    return [
        Issue(e.line or None, e.column or None, e.path or None, readable_names(e.message))
        for e in log
    ]


class _FullLister:
    """xmlschema schemas for the second pass, built on demand, one per document type."""

    def __init__(self) -> None:
        self._schemas: dict[tuple[str, str], Any] = {}
        self._dirs: dict[str, str] = {}
        self._lock = threading.Lock()

    def _folder(self, package: SchemaPackage) -> str:
        location = str(package.location)
        if package.location.is_dir():
            return location
        folder = self._dirs.get(location)
        if folder is None:
            folder = tempfile.mkdtemp(prefix="st96kit-schemas-")
            for name in package.source.names():
                Path(folder, name).write_bytes(package.read(name))
            self._dirs[location] = folder
        return folder

    def errors(self, package: SchemaPackage, doc_type: str, root: etree._Element) -> list[Issue]:
        import xmlschema

        key = (str(package.location), doc_type)
        with self._lock:
            schema = self._schemas.get(key)
            if schema is None:
                folder = Path(self._folder(package)).resolve()
                schema_path = folder / package.document_types[doc_type].schema_file
                schema = xmlschema.XMLSchema(
                    str(schema_path), base_url=str(folder), allow="sandbox", defuse="always"
                )
                self._schemas[key] = schema
        found: list[Issue] = []
        for error in schema.iter_errors(root):  # type: ignore[arg-type]
            element = getattr(error, "elem", None)
            path: str | None = error.path
            index = getattr(error, "index", None)
            if element is not None and isinstance(index, int) and 0 <= index < len(element):
                # a content-model error: point at the child that breaks it, as libxml2 does
                child = element[index]
                prefix = f"{child.prefix}:" if child.prefix else ""
                path = f"{path}/{prefix}{etree.QName(child).localname}"
                element = child
            line = getattr(element, "sourceline", None) if element is not None else None
            message = error.reason or error.message
            found.append(Issue(line, None, path, readable_names(message)))
        return found


_lister = _FullLister()


def _merge(first: list[Issue], full: list[Issue]) -> list[Issue]:
    """libxml2's errors, plus those of the full pass that libxml2 did not report.

    A full-pass error is the same as a libxml2 one when both are on the same line, or when it
    is reported on the element whose child libxml2 names.
    """

    def known(issue: Issue) -> bool:
        return any(
            f.line == issue.line
            or (f.path and issue.path and f.path.rsplit("/", 1)[0] == issue.path)
            for f in first
        )

    merged = first + [i for i in full if not known(i)]
    merged.sort(key=lambda i: (i.line or 0, i.column or 0))
    return merged


def validate_tree(
    tree: etree._ElementTree,
    name: str,
    *,
    schemas: Sequence[str | Path] | None = None,
    version: str | None = None,
    all_errors: bool = True,
    light: bool = True,
) -> ValidationResult:
    """Validate a parsed tree (see :func:`validate`)."""
    root = tree.getroot()
    detection = detection_from_root(root, name)
    result = ValidationResult(file=name, status="valid", st96_version=detection.st96_version)
    try:
        package, result.notes = _package_for(detection, version, schemas)
    except NoSchemaPackageError as exc:
        result.status = "no-schema"
        result.notes.append(exc.message)
        return result
    doc_type = package.document_type_for_root(str(root.tag))
    result.schema_version = package.version
    if doc_type is None:
        result.status = "unknown-document"
        result.notes.append(f"{detection.root} is not an ST.96 {package.version} document type")
        if detection.extension_namespaces:
            result.notes.append(
                "office extension namespaces, whose schemas are not installed: "
                + ", ".join(detection.extension_namespaces)
            )
        return result
    result.document_type = doc_type.name
    schema = document_schema(package, doc_type, light=light and not uses_mathml(root))
    if schema.validate(tree):
        return result
    result.status = "invalid"
    first = _lxml_issues(schema.error_log)
    if all_errors:
        try:
            result.errors = _merge(first, _lister.errors(package, doc_type.name, root))
        except Exception as exc:  # the second pass is a help, never a reason to fail
            result.errors = first
            result.notes.append(
                f"listing every error failed ({type(exc).__name__}: {exc}); "
                "showing libxml2's errors"
            )
    else:
        result.errors = first
    return result


def validate(
    source: Source,
    *,
    schemas: Sequence[str | Path] | None = None,
    version: str | None = None,
    all_errors: bool = True,
    light: bool = True,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> ValidationResult:
    """Validate a document against the schema of its type and version.

    The document type comes from the root element, the version from ``st96Version`` (or
    ``version``); the schema package is found as :func:`st96kit.schemas.find_package` finds
    it. Unreadable input, a version without an installed package and a root that is not an
    ST.96 document type give a result with that status rather than an exception.
    """
    name = source_name(source)
    try:
        tree = read_tree(source, max_bytes=max_bytes)
    except InputError as exc:
        issue = Issue(
            exc.line, exc.column, None, str(exc.message) + (f" ({exc.hint})" if exc.hint else "")
        )
        return ValidationResult(file=name, status="unreadable", errors=[issue])
    return validate_tree(
        tree, name, schemas=schemas, version=version, all_errors=all_errors, light=light
    )

"""Human-readable validation report."""

from __future__ import annotations

from st96kit.validation.validate import ValidationResult

_LABELS = {
    "valid": "valid",
    "invalid": "INVALID",
    "no-schema": "NOT CHECKED",
    "unknown-document": "NOT CHECKED",
    "unreadable": "UNREADABLE",
}


def render(results: list[ValidationResult]) -> str:
    lines: list[str] = []
    for result in results:
        what = result.document_type or "?"
        version = result.schema_version or result.st96_version or "?"
        lines.append(f"{result.file}: {_LABELS[result.status]} ({what}, ST.96 {version})")
        for note in result.notes:
            lines.append(f"  note: {note}")
        for issue in result.errors:
            where = ":".join(str(p) for p in (issue.line, issue.column) if p is not None)
            lines.append(
                f"  {result.file}:{where}: {issue.message}"
                if where
                else f"  {result.file}: {issue.message}"
            )
            if issue.path:
                lines.append(f"    at {issue.path}")
    return "\n".join(lines) + ("\n" if lines else "")

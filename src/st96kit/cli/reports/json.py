"""Machine-readable validation report: a JSON list, one object per file."""

from __future__ import annotations

import json

from st96kit.validation.validate import ValidationResult


def render(results: list[ValidationResult]) -> str:
    payload = [
        {
            "file": r.file,
            "valid": r.valid,
            "status": r.status,
            "document_type": r.document_type,
            "st96_version": r.st96_version,
            "schema_version": r.schema_version,
            "errors": [
                {"line": e.line, "column": e.column, "path": e.path, "message": e.message}
                for e in r.errors
            ],
            "notes": r.notes,
        }
        for r in results
    ]
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"

"""Renderings of validation results: text, JSON, JUnit XML and GitHub annotations."""

from __future__ import annotations

from collections.abc import Callable

from st96kit.cli.reports import github, junit, text
from st96kit.cli.reports import json as json_report
from st96kit.validation.validate import ValidationResult

Renderer = Callable[[list[ValidationResult]], str]

RENDERERS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_report.render,
    "junit": junit.render,
    "github": github.render,
}


def summary(results: list[ValidationResult]) -> str:
    """One line: how many files were valid, invalid, or could not be checked."""
    counts = {"valid": 0, "invalid": 0, "other": 0}
    for result in results:
        key = result.status if result.status in ("valid", "invalid") else "other"
        counts[key] += 1
    errors = sum(len(r.errors) for r in results if r.status == "invalid")
    parts = [
        f"{len(results)} file{'s' if len(results) != 1 else ''}",
        f"{counts['valid']} valid",
        f"{counts['invalid']} invalid ({errors} errors)",
    ]
    if counts["other"]:
        parts.append(f"{counts['other']} not checked")
    return ", ".join(parts)

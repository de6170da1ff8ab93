"""What a conversion did not carry over, which values had no mapping, and the verdict.

Every conversion fills a :class:`Report`: the input elements, attributes and text that have no
place in the output (path and line), the values that needed a mapping that Annex VI does not
give (and what was done with them), and the result of validating the output against the V6_0
document schema. :attr:`Report.trace` links each output element to the mapping row that made it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from st96kit.validation.validate import ValidationResult


@dataclass(frozen=True)
class NotCarried:
    """An input element, attribute or text run with no place in the output."""

    path: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{where}{self.path}: {self.reason}"


@dataclass(frozen=True)
class ValueIssue:
    """A value that needed a mapping the tables do not have, and what became of it."""

    path: str
    line: int | None
    value: str
    mapping: str
    outcome: str

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line else ""
        return f"{where}{self.path}: {self.value!r} has no entry in {self.mapping}; {self.outcome}"


@dataclass(frozen=True)
class Required:
    """Something V6_0 requires that the input does not provide (and nobody supplied)."""

    path: str
    name: str

    def __str__(self) -> str:
        return (f"{self.path}: V6_0 requires {self.name}, which the input does not provide "
                f"(supply it: --set {self.name.lstrip('@')}=VALUE)")


@dataclass(frozen=True)
class TraceEntry:
    """One output element or attribute and the row that made it."""

    output: str
    input: str
    line: int | None
    row: str


@dataclass
class Report:
    """The report of one conversion."""

    source: str
    standard: str
    variant: str
    document_type: str
    not_carried: list[NotCarried] = field(default_factory=list)
    values: list[ValueIssue] = field(default_factory=list)
    required: list[Required] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    trace: list[TraceEntry] = field(default_factory=list)
    validation: ValidationResult | None = None
    output: str | None = None
    written: bool = False

    @property
    def valid(self) -> bool:
        return self.validation is not None and self.validation.status == "valid"

    def to_dict(self, *, trace: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "source": self.source,
            "standard": self.standard,
            "variant": self.variant,
            "document_type": self.document_type,
            "output": self.output,
            "written": self.written,
            "valid": self.validation.valid if self.validation is not None else None,
            "validation": self.validation.to_dict() if self.validation is not None else None,
            "not_carried": [vars(n) for n in self.not_carried],
            "values_without_mapping": [vars(v) for v in self.values],
            "required_but_absent": [vars(r) for r in self.required],
            "notes": list(self.notes),
        }
        if trace:
            data["trace"] = [vars(t) for t in self.trace]
        return data

    def to_text(self, *, trace: bool = False, limit: int = 8) -> str:
        lines = [f"{self.source}: {self.standard} ({self.variant}) -> ST.96 V6_0 "
                 f"{self.document_type}"]
        lines.append(f"  {len(self.trace)} output items from mapping rows; "
                     f"{len(self.not_carried)} input items not carried over; "
                     f"{len(self.values)} values without a mapping")
        if self.not_carried:
            lines.append("  not carried over:")
            lines.extend(_grouped([(str(n), n.reason) for n in self.not_carried], limit))
        if self.values:
            lines.append("  values without a mapping:")
            lines.extend(_grouped([(str(v), f"{v.mapping}: {v.outcome}") for v in self.values],
                                  limit))
        if self.required:
            lines.append("  required by V6_0 but absent from the input:")
            lines.extend(f"    {r}" for r in self.required)
        for note in self.notes:
            lines.append(f"  note: {note}")
        lines.append(f"  validation: {_verdict(self.validation)}")
        if self.validation is not None:
            for issue in self.validation.errors[:limit]:
                lines.append(f"    {issue}")
            if len(self.validation.errors) > limit:
                lines.append(f"    ... {len(self.validation.errors) - limit} more errors")
        if self.output:
            state = "written to" if self.written else "not written:"
            lines.append(f"  output {state} {self.output}")
        if trace:
            lines.append("  trace:")
            lines.extend(f"    {t.output} <- {t.input} ({t.row})" for t in self.trace)
        return "\n".join(lines)


def _verdict(result: ValidationResult | None) -> str:
    if result is None:
        return "not validated"
    if result.status == "valid":
        return f"valid against {result.document_type} ({result.schema_version})"
    if result.status == "invalid":
        return f"INVALID against {result.document_type} ({len(result.errors)} errors)"
    return f"{result.status}: {'; '.join(result.notes)}"


def _grouped(items: list[tuple[str, str]], limit: int) -> list[str]:
    """Lines for report items, at most ``limit`` of each kind, then a count of the rest."""
    shown: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    lines: list[str] = []
    for text, kind in items:
        totals[kind] += 1
        if shown[kind] < limit:
            shown[kind] += 1
            lines.append(f"    {text}")
    for kind, total in totals.items():
        if total > shown[kind]:
            lines.append(f"    ... and {total - shown[kind]} more: {kind}")
    return lines

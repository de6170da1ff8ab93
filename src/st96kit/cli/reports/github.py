"""GitHub Actions workflow commands: one ``::error`` annotation per validation error."""

from __future__ import annotations

from st96kit.validation.validate import ValidationResult


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def render(results: list[ValidationResult]) -> str:
    lines: list[str] = []
    for result in results:
        if result.status == "valid":
            continue
        if not result.errors:
            message = "; ".join(result.notes) or result.status
            lines.append(f"::error file={_property(result.file)},title=st96kit::{_data(message)}")
            continue
        for issue in result.errors:
            props = [f"file={_property(result.file)}"]
            if issue.line:
                props.append(f"line={issue.line}")
            if issue.column:
                props.append(f"col={issue.column}")
            props.append("title=" + _property(f"ST.96 {result.status}"))
            text = issue.message + (f" (at {issue.path})" if issue.path else "")
            lines.append(f"::error {','.join(props)}::{_data(text)}")
    return "\n".join(lines) + ("\n" if lines else "")

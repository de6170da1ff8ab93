"""JUnit XML report: one test case per file, one failure per invalid file."""

from __future__ import annotations

from lxml import etree

from st96kit.validation.validate import ValidationResult


def render(results: list[ValidationResult]) -> str:
    failures = sum(1 for r in results if r.status == "invalid")
    errors = sum(1 for r in results if r.status not in ("valid", "invalid"))
    suites = etree.Element("testsuites")
    suite = etree.SubElement(
        suites,
        "testsuite",
        name="st96kit validate",
        tests=str(len(results)),
        failures=str(failures),
        errors=str(errors),
        skipped="0",
    )
    for result in results:
        case = etree.SubElement(
            suite, "testcase", classname=result.document_type or "unknown", name=result.file
        )
        if result.status == "invalid":
            body = "\n".join(
                f"{e.line or '?'}:{e.column or '?'}: {e.message}"
                + (f" ({e.path})" if e.path else "")
                for e in result.errors
            )
            failure = etree.SubElement(
                case,
                "failure",
                type="invalid",
                message=f"{len(result.errors)} validation error(s)",
            )
            failure.text = body
        elif result.status != "valid":
            error = etree.SubElement(
                case, "error", type=result.status, message="; ".join(result.notes) or result.status
            )
            error.text = "\n".join(str(e) for e in result.errors) or None
    return etree.tostring(suites, pretty_print=True, xml_declaration=True, encoding="UTF-8").decode(
        "utf-8"
    )

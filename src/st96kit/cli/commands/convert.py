"""``st96kit convert``: change the form of a document.

ST.96 XML <-> the lossless JSON form (``--to json|xml``), and the JSON Schema of a document
type's JSON form (``--json-schema TYPE``). Conversions from other formats (``--from``) are
options of the same command.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from st96kit.errors import InputError, St96Error
from st96kit.files import write_atomic


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "convert", help="convert documents: ST.96 XML <-> JSON, ST.36/ST.66/ST.86 -> ST.96",
        description="Convert FILE to the form given by --to: an ST.96 XML document to its "
        "lossless JSON form, or such JSON back to XML. --json-schema TYPE prints the JSON Schema "
        "of a document type's JSON form. The result goes to stdout unless -o is given.",
    )
    parser.add_argument("path", nargs="?", metavar="FILE", help="the document to convert")
    parser.add_argument("--to", choices=["json", "xml", *LEGACY_TARGETS],
                        help="the form to convert FILE to (an ST.96 version with --from)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write here (atomically)")
    parser.add_argument("--indent", type=int, default=2, metavar="N",
                        help="JSON indentation (default 2; 0 for one line)")
    parser.add_argument("--json-schema", metavar="DOCUMENT_TYPE",
                        help="the JSON Schema of a document type's JSON form, instead of FILE")
    parser.add_argument("--st96-version", dest="model_version", metavar="VERSION",
                        help="the ST.96 model version to use (default: the newest installed)")
    # Conversions from other formats (--from ...) add their options here and are dispatched
    # first in _run.
    _add_legacy_options(parser)
    parser.set_defaults(run=_run)


def _emit(data: bytes, output: str | None) -> None:
    if output is None or output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    write_atomic(output, data)
    print(f"wrote {output}", file=sys.stderr)


def _looks_like_json(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            head = handle.read(512).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=path) from None
    return head.startswith(b"{")


def _json_schema(args: argparse.Namespace) -> int:
    from st96kit.convert.json_schema import json_schema_text

    if args.path is not None or args.to is not None:
        raise St96Error("--json-schema takes a document type, not FILE or --to")
    text = json_schema_text(args.json_schema, args.model_version, indent=args.indent or None)
    _emit((text + "\n").encode("utf-8"), args.output)
    return 0


def _run(args: argparse.Namespace) -> int:
    if args.source_standard is not None or args.to in LEGACY_TARGETS:
        return _legacy(args)
    if args.json_schema:
        return _json_schema(args)
    if args.path is None or args.to is None:
        raise St96Error("convert needs FILE and --to json|xml (or --json-schema TYPE)")
    if not Path(args.path).exists():
        raise InputError("no such file", file=args.path)
    is_json = _looks_like_json(args.path)
    if args.to == "json":
        if is_json:
            raise InputError("is JSON already; --to json converts ST.96 XML", file=args.path)
        from st96kit.convert.json_form import to_json

        text = to_json(args.path, indent=args.indent or None, version=args.model_version)
        _emit((text + "\n").encode("utf-8"), args.output)
        return 0
    if not is_json:
        raise InputError("is not JSON; --to xml converts the JSON form of a document",
                         file=args.path, hint="`st96kit format` rewrites XML in the standard style")
    from st96kit.convert.json_form import json_to_xml

    try:
        data = json_to_xml(args.path)
    except InputError as exc:
        if exc.file is None:
            exc.file = args.path
        raise
    _emit(data, args.output)
    return 0


# --- legacy standards (--from st66|st36|st86) ---------------------------------------------------
# The output is written only when it is valid, unless --force. Exit codes: 0 valid (and
# written), 1 invalid (written only with --force), 2 bad usage or unreadable input.

#: ``--to`` values of legacy conversion: the ST.96 versions st96kit converts into.
LEGACY_TARGETS = ["V6_0"]
LEGACY_STANDARDS = ["st36", "st66", "st86"]


def _add_legacy_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "legacy standards", "--from st66|st36|st86 converts a WIPO ST.66, ST.36 or ST.86 "
        "document into ST.96 with the Annex VI mapping tables and reports what was not carried "
        "over; the output is written only if it is valid, unless --force")
    group.add_argument("--from", dest="source_standard", choices=LEGACY_STANDARDS,
                       help="the legacy standard of FILE")
    group.add_argument("--force", action="store_true",
                       help="write the output even when it is not valid")
    group.add_argument("--set", dest="supply", action="append", default=[],
                       metavar="NAME=VALUE",
                       help="a value ST.96 requires and FILE lacks, by prefixed name "
                       "(com:TransactionIdentifier=T-1); repeatable")
    group.add_argument("--format", dest="report_format", choices=["text", "json"],
                       default="text", help="how to print the conversion report")
    group.add_argument("--trace", action="store_true",
                       help="also list every output element with the mapping row that made it")


def _supplied(pairs: list[str]) -> dict[str, str]:
    supplied: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise St96Error(f"--set expects NAME=VALUE, not {pair!r}",
                            hint="for example --set com:TransactionIdentifier=T-1")
        supplied[name.strip().lstrip("@")] = value
    return supplied


def _legacy(args: argparse.Namespace) -> int:
    import json

    from st96kit.convert.legacy import convert

    if args.source_standard is None:
        raise St96Error(f"--to {args.to} converts a legacy document: say which with "
                        f"--from {'|'.join(LEGACY_STANDARDS)}")
    if args.path is None or args.json_schema:
        raise St96Error("--from converts FILE: give the legacy document, not --json-schema")
    if args.to not in (None, *LEGACY_TARGETS):
        raise St96Error(f"legacy documents convert into ST.96 {', '.join(LEGACY_TARGETS)}, "
                        f"not {args.to!r}")
    result = convert(args.path, args.source_standard, supply=_supplied(args.supply))
    report, to_stdout = result.report, args.output in (None, "-")
    if to_stdout:
        report.output, report.written = "standard output", result.valid or args.force
        if report.written:
            sys.stdout.buffer.write(result.xml)
            sys.stdout.flush()
    else:
        try:
            result.write(args.output, force=args.force)
        except OSError as exc:
            raise InputError(f"cannot write the output: {exc.strerror or exc}",
                             file=args.output) from None
    text = (json.dumps(report.to_dict(trace=args.trace), indent=2)
            if args.report_format == "json" else report.to_text(trace=args.trace))
    print(text, file=sys.stderr if to_stdout else sys.stdout)
    return 0 if result.valid else 1

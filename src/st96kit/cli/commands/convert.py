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

from st96kit.binding.serialize import write_atomic
from st96kit.errors import InputError, St96Error


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "convert", help="convert documents: ST.96 XML <-> JSON, JSON Schema of the JSON form",
        description="Convert FILE to the form given by --to: an ST.96 XML document to its "
        "lossless JSON form, or such JSON back to XML. --json-schema TYPE prints the JSON Schema "
        "of a document type's JSON form. The result goes to stdout unless -o is given.",
    )
    parser.add_argument("path", nargs="?", metavar="FILE", help="the document to convert")
    parser.add_argument("--to", choices=["json", "xml"], help="the form to convert FILE to")
    parser.add_argument("-o", "--output", metavar="OUT", help="write here (atomically)")
    parser.add_argument("--indent", type=int, default=2, metavar="N",
                        help="JSON indentation (default 2; 0 for one line)")
    parser.add_argument("--json-schema", metavar="DOCUMENT_TYPE",
                        help="the JSON Schema of a document type's JSON form, instead of FILE")
    parser.add_argument("--st96-version", dest="model_version", metavar="VERSION",
                        help="the ST.96 model version to use (default: the newest installed)")
    # Conversions from other formats (--from ...) add their options here and are dispatched
    # first in _run.
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

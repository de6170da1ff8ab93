"""``st96kit format``: parse and write a document again in the standard style."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from st96kit.cli.inputs import expand
from st96kit.errors import ModelError
from st96kit.files import write_atomic


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "format",
        help="rewrite documents in the standard style (prefixes, indentation)",
        description="Parse each document (strict) and write it back with standard prefixes "
        "and indentation. Without --in-place or --check, the result goes to stdout.",
    )
    parser.add_argument("paths", nargs="+", metavar="FILE")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--in-place", "-i", action="store_true", help="rewrite the files")
    mode.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 when a file is not in the standard style",
    )
    parser.add_argument(
        "--schema-location",
        metavar="TEXT",
        help="set xsi:schemaLocation (default: keep the document's)",
    )
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    from st96kit.binding.parse import parse
    from st96kit.binding.serialize import serialize

    files = expand(args.paths)
    if len(files) > 1 and not (args.in_place or args.check):
        raise SystemExit("st96kit format: error: several files need --in-place or --check")
    changed = 0
    for path in files:
        document = parse(path)
        if document.losses:
            raise ModelError(
                f"{len(document.losses)} part(s) would not be written back "
                f"(first: {document.losses[0]})",
                file=path,
            )
        output = serialize(document, schema_location=args.schema_location)
        with open(path, "rb") as handle:
            same = handle.read() == output
        if args.check:
            if not same:
                changed += 1
                print(f"would reformat {path}")
        elif args.in_place:
            if not same:
                write_atomic(path, output)
                changed += 1
                print(f"reformatted {path}", file=sys.stderr)
        else:
            sys.stdout.buffer.write(output)
    if args.check:
        return 1 if changed else 0
    return 0

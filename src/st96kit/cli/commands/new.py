"""``st96kit new``: write the smallest valid document of a type, with placeholder values."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from st96kit.errors import BuildError, St96Error
from st96kit.files import write_atomic


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "new", help="write the smallest valid document of a type, with placeholders",
        description="Write the smallest valid document of an ST.96 document type. Values to "
        "replace are marked: text in [brackets], dates 9999-12-31, identifiers ID1, ID2...",
    )
    parser.add_argument("document_type", nargs="?", metavar="DOCUMENT_TYPE",
                        help="such as TrademarkApplication (see --list)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    parser.add_argument("--version", default=None, dest="st96_version",
                        help="ST.96 version of the models (default: the newest installed)")
    parser.add_argument("--list", action="store_true", help="list the document types")
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    from st96kit.build.skeleton import DEFAULT_VERSION, document_type_names, skeleton_xml

    if args.st96_version is None:
        args.st96_version = DEFAULT_VERSION
    if args.list:
        for name in document_type_names(args.st96_version):
            print(name)
        return 0
    if not args.document_type:
        raise BuildError("name a document type, such as TrademarkApplication",
                         hint="`st96kit new --list` shows them")
    data = skeleton_xml(args.document_type, args.st96_version)
    if args.output:
        try:
            write_atomic(args.output, data)
        except OSError as exc:
            raise St96Error(f"cannot write {args.output}: {exc.strerror or exc}") from None
        print(f"wrote {args.output} (a skeleton {args.document_type})", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0

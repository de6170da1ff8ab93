"""``st96kit upgrade``: bring a document of another ST.96 version to an installed one."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from st96kit.files import write_atomic


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "upgrade", help="upgrade a document of another ST.96 version to an installed one",
        description="Carry FILE over to the ST.96 version given by --to: what maps is moved, "
        "renamed and reformatted, and the report lists every element or value that could not "
        "be carried and what the result still lacks. The result is written only with -o; when "
        "it is not valid, only with --force as well.",
    )
    parser.add_argument("path", metavar="FILE")
    parser.add_argument("--to", metavar="VERSION",
                        help="the target version, such as V6_0 (default: the newest installed)")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="write the result here (atomically); '-' for stdout")
    parser.add_argument("--force", action="store_true",
                        help="write the result even when it is not valid")
    parser.add_argument("--format", choices=["text", "json"], default="text",
                        help="the report's format")
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    from st96kit.convert.upgrade import upgrade

    result = upgrade(args.path, to=args.to)
    report = result.report
    ok = report.valid
    to_stdout = args.output == "-"
    messages = sys.stderr if to_stdout else sys.stdout
    written: str | None = None
    if args.output is None:
        outcome = "nothing written (give -o OUT to write the result)"
    elif not ok and not args.force:
        outcome = (f"not written: the result is not a valid ST.96 {report.target} document "
                   "(--force writes it anyway)")
    else:
        if to_stdout:
            sys.stdout.buffer.write(result.xml)
            sys.stdout.flush()
            written = "stdout"
        else:
            write_atomic(args.output, result.xml)
            written = args.output
        outcome = f"written to {written}" + ("" if ok else " although it is not valid (--force)")
    if args.format == "json":
        data = report.to_dict()
        data["written"] = written
        print(json.dumps(data, indent=2), file=messages)
    else:
        print(report.to_text(), file=messages)
        print(outcome, file=messages)
    return 0 if ok else 1

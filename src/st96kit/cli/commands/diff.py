"""``st96kit diff``: the semantic differences between two ST.96 documents."""

from __future__ import annotations

import argparse
import json
from typing import Any


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "diff", help="compare two documents as ST.96 data (exit 0 same, 1 different)",
        description="Compare A and B as ST.96 data, not as text: prefixes, attribute order and "
        "indentation do not matter, and bag members with an identity (sequence number, "
        "application, registration, class or claim number ...) are matched whatever their "
        "order. Exit code 0 when they are the same, 1 when they differ, 2 for bad input.",
    )
    parser.add_argument("a", metavar="A")
    parser.add_argument("b", metavar="B")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    from st96kit.compare.diff import diff

    result = diff(args.a, args.b)
    if args.format == "json":
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(result.to_text())
    return 0 if result.same else 1

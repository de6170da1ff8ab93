"""``st96kit info``: what a file is (root, document type, versions, namespaces)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from st96kit.cli.inputs import expand
from st96kit.errors import St96Error


def register(sub: Any) -> None:
    parser = sub.add_parser("info", help="tell what ST.96 documents are, from their first bytes")
    parser.add_argument("paths", nargs="+", metavar="FILE")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    from st96kit.sources.detect import detect

    entries: list[dict[str, Any]] = []
    code = 0
    for path in expand(args.paths):
        try:
            found = detect(path)
        except St96Error as exc:
            entries.append({"file": path, "error": str(exc)})
            code = 2
            continue
        entries.append(found.to_dict())
    if args.format == "json":
        print(json.dumps(entries, indent=2))
        return code
    for entry in entries:
        if "error" in entry:
            print(f"st96kit: error: {entry['error']}")
            continue
        print(entry["file"])
        print(f"  root:            {entry['root']}")
        print(f"  document type:   {entry['document_type'] or 'not an ST.96 document type'}")
        print(f"  st96Version:     {entry['st96_version'] or '(none)'}")
        if entry["ipo_version"]:
            print(f"  ipoVersion:      {entry['ipo_version']}")
        if entry["extension_namespaces"]:
            print(f"  extensions:      {', '.join(entry['extension_namespaces'])}")
        if entry["schema_location"]:
            print(f"  schemaLocation:  {' '.join(entry['schema_location'].split())}")
    return code

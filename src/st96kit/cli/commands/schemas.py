"""``st96kit schemas``: list, add and remove schema packages."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from st96kit.errors import SchemaPackageError
from st96kit.namespaces import prefix_for
from st96kit.schemas import locate, registry
from st96kit.schemas.package import SchemaPackage


def register(sub: Any) -> None:
    parser = sub.add_parser("schemas", help="list, add and remove ST.96 schema packages")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    parser.set_defaults(run=_list)

    lister = actions.add_parser("list", help="show the installed packages and document types")
    lister.add_argument(
        "--schemas", action="append", metavar="PATH", help="also look at this package folder or zip"
    )
    lister.add_argument("--format", choices=["text", "json"], default="text")
    lister.set_defaults(run=_list)

    adder = actions.add_parser("add", help="register a package folder or zip for this user")
    adder.add_argument("path", type=Path)
    adder.set_defaults(run=_add)

    remover = actions.add_parser("remove", help="forget a registered package")
    remover.add_argument("path", type=Path)
    remover.set_defaults(run=_remove)


def _describe(package: SchemaPackage, origin: str) -> dict[str, Any]:
    return {
        "version": package.version,
        "location": str(package.location),
        "origin": origin,
        "document_types": [
            {"name": d.name, "root": d.root, "namespace": d.namespace, "schema": d.schema_file}
            for d in package.document_types.values()
        ],
    }


def _list(args: argparse.Namespace) -> int:
    entries: list[dict[str, Any]] = []
    problems: list[str] = []
    for cand in locate.candidates(getattr(args, "schemas", None)):
        try:
            package = locate.open_package(cand.path)
        except SchemaPackageError as exc:
            problems.append(f"{cand.origin}: {exc}")
            continue
        entries.append(_describe(package, cand.origin))
    if getattr(args, "format", "text") == "json":
        print(json.dumps({"packages": entries, "problems": problems}, indent=2))
    else:
        if not entries:
            print(
                "No ST.96 schema package installed. Add one with `st96kit schemas add PATH` "
                f"or set {locate.SCHEMAS_ENV}."
            )
        for entry in entries:
            print(f"ST.96 {entry['version']}  {entry['location']}  ({entry['origin']})")
            print(f"  {len(entry['document_types'])} document types:")
            for doc in entry["document_types"]:
                prefix = prefix_for(doc["namespace"]) or doc["namespace"]
                print(f"    {doc['name']:<28} {prefix}:{doc['root']}")
        for problem in problems:
            print(f"unusable package location, {problem}")
    return 0 if entries and not problems else (1 if entries else 2)


def _add(args: argparse.Namespace) -> int:
    package = SchemaPackage.open(args.path)
    added = registry.add(args.path)
    state = "registered" if added else "already registered"
    print(
        f"ST.96 {package.version} package at {args.path.resolve()} {state} "
        f"({len(package.document_types)} document types)"
    )
    return 0


def _remove(args: argparse.Namespace) -> int:
    if not registry.remove(args.path):
        raise SchemaPackageError("not a registered package location", file=str(args.path))
    print(f"forgot {args.path}")
    return 0

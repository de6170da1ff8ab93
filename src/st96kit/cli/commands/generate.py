"""``st96kit generate``: generate typed models from a schema package or an office extension."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from st96kit.schemas import locate


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "generate", help="generate the typed model classes (standard or office extension)"
    )
    parser.add_argument(
        "--schemas",
        action="append",
        metavar="PATH",
        help="the ST.96 schema package (folder or zip)",
    )
    parser.add_argument(
        "--version",
        dest="st96_version",
        metavar="VX_Y",
        help="the ST.96 version to generate (default: newest installed)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        metavar="DIR",
        help="write the package here instead of into st96kit's models",
    )
    parser.add_argument(
        "--extension",
        type=Path,
        metavar="XSD",
        help="an office extension schema that imports ST.96 namespaces",
    )
    parser.add_argument(
        "--package",
        metavar="NAME",
        help="with --extension: the import name of the generated package",
    )
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    package = locate.find_package(args.st96_version, args.schemas)
    if args.extension is not None:
        from st96kit.codegen.extension import generate_extension

        ext = generate_extension(args.extension, package, args.package, args.output)
        print(
            f"generated {ext.classes} classes in {ext.modules} modules for "
            f"{ext.namespaces} into {ext.output} ({ext.seconds:.1f} s); ST.96 "
            f"components reused from {ext.reused_from}"
        )
        return 0
    from st96kit.codegen.generate import generate_models

    result = generate_models(package, args.output)
    print(
        f"generated ST.96 {result.version}: {result.classes} classes in {result.modules} "
        f"modules from {result.components} global components, into {result.output} "
        f"({result.seconds:.1f} s)"
    )
    return 0

"""``st96kit validate``: validate files against their ST.96 document schema, for people and CI."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import TYPE_CHECKING, Any

from st96kit.cli.inputs import expand

if TYPE_CHECKING:
    from st96kit.validation.validate import ValidationResult

FORMATS = ["github", "json", "junit", "text"]


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "validate",
        help="validate documents against their ST.96 document schema",
        description="Validate ST.96 documents. Exit 0: all valid; 1: any invalid; "
        "2: bad usage, or a file that could not be read or checked.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or globs")
    parser.add_argument(
        "--schemas",
        action="append",
        metavar="PATH",
        help="schema package folder or zip (repeatable)",
    )
    parser.add_argument(
        "--version",
        dest="st96_version",
        metavar="VX_Y",
        help="validate against this ST.96 version instead of the declared one",
    )
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=1,
        metavar="N",
        help="validate N files at a time (processes)",
    )
    parser.add_argument(
        "--first-error",
        action="store_true",
        help="report libxml2's errors only, without listing every error",
    )
    parser.add_argument(
        "--full-schema",
        action="store_true",
        help="always compile MathML (by default documents without MathML use "
        "a schema without it, with the same verdict)",
    )
    parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    parser.set_defaults(run=_run)


def _check(path: str, options: dict[str, Any]) -> ValidationResult:
    from st96kit.validation.validate import validate

    return validate(path, **options)


def _results(files: list[str], options: dict[str, Any], jobs: int) -> Iterator[ValidationResult]:
    if jobs <= 1 or len(files) < 2:
        for path in files:
            yield _check(path, options)
        return
    chunk = max(1, min(32, len(files) // (jobs * 4) or 1))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(partial(_check, options=options), files, chunksize=chunk)


def exit_code(results: list[ValidationResult]) -> int:
    if any(r.status not in ("valid", "invalid") for r in results):
        return 2
    return 1 if any(r.status == "invalid" for r in results) else 0


def _run(args: argparse.Namespace) -> int:
    from st96kit.cli.reports import RENDERERS, summary

    if args.jobs < 1:
        raise SystemExit("st96kit validate: error: --jobs must be 1 or more")
    files = expand(args.paths)
    options: dict[str, Any] = {
        "schemas": args.schemas,
        "version": args.st96_version,
        "all_errors": not args.first_error,
        "light": not args.full_schema,
    }
    results_iter = _results(files, options, args.jobs)
    show_progress = not args.no_progress and len(files) > 1 and sys.stderr.isatty()
    if show_progress:
        from tqdm import tqdm

        results = list(
            tqdm(
                results_iter,
                total=len(files),
                unit="file",
                file=sys.stderr,
                leave=False,
                desc="validating",
            )
        )
    else:
        results = list(results_iter)
    output = RENDERERS[args.format](results)
    sys.stdout.write(output)
    line = summary(results)
    if args.format == "text":
        print(line)
    else:
        print(line, file=sys.stderr)
    return exit_code(results)

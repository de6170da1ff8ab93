"""Parse and serialize throughput: st96kit next to plain xsdata and xmlschema.

    .venv/bin/python bench/parse.py [--quick] [--rounds N]

On each V6_0 example, in one process, interleaved round by round (median of the rounds):

- ``st96kit.parse(path)`` (strict) and ``st96kit.parse(path, mode="lax")``;
- plain xsdata: ``XmlParser().parse(path, RootClass)`` with the same generated classes;
- xmlschema: ``XMLSchema.to_dict(path)``, the document schema compiled once beforehand;
- ``st96kit.serialize(document)`` next to plain xsdata's ``XmlSerializer().render(root)``.

Plain xsdata keeps one ``XmlParser`` (and so its class-metadata cache) across calls; two more
columns show it on a tree parsed by lxml first (as st96kit does) and with a new ``XmlParser``
per call. Ratios are to plain xsdata on the same file; the objects are compared for equality.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _harness import (
    EXAMPLES,
    SCHEMAS,
    describe_machine,
    interleaved,
    median,
    ms,
    ratio,
    setup_environment,
    table,
    time_loop,
)


def calls_for(size: int, quick: bool) -> int:
    """Calls per round: fewer for big files, so that one round takes about a second or less."""
    calls = max(3, min(20, 750_000 // max(size, 1)))
    return max(2, calls // 3) if quick else calls


def bench_file(path: Path, rounds: int, quick: bool) -> tuple[dict[str, float], list[str]]:
    """Median seconds per call of every variant on one file, and what was checked."""
    import xmlschema
    from lxml import etree
    from xsdata.formats.dataclass.parsers import XmlParser
    from xsdata.formats.dataclass.serializers import XmlSerializer

    import st96kit
    from st96kit import models

    document = st96kit.parse(path)
    doc_type = document.document_type
    if doc_type is None:
        raise SystemExit(f"{path.name} is not a V6_0 document type")
    cls = models.document_class(doc_type, "V6_0")
    plain_parser = XmlParser()
    plain_root = plain_parser.parse(str(path), cls)
    same = plain_root == document.root
    same_tree = plain_parser.parse(etree.parse(str(path)).getroot(), cls) == document.root
    started = time.perf_counter()
    schema = xmlschema.XMLSchema(str(SCHEMAS / f"{doc_type}_V6_0.xsd"))
    compile_seconds = time.perf_counter() - started
    schema.to_dict(str(path))
    serializer = XmlSerializer()
    calls = calls_for(path.stat().st_size, quick)
    slow_calls = max(1, calls // 8)
    name = str(path)
    variants: dict[str, Callable[[], float]] = {
        "st96kit strict": lambda: time_loop(lambda: st96kit.parse(path), calls),
        "plain xsdata": lambda: time_loop(lambda: plain_parser.parse(name, cls), calls),
        "xsdata, parsed tree": lambda: time_loop(
            lambda: plain_parser.parse(etree.parse(name).getroot(), cls), calls),
        "xsdata, new XmlParser": lambda: time_loop(lambda: XmlParser().parse(name, cls), calls),
        "st96kit lax": lambda: time_loop(lambda: st96kit.parse(path, mode="lax"), calls),
        "xmlschema to_dict": lambda: time_loop(lambda: schema.to_dict(name), slow_calls),
        "st96kit serialize": lambda: time_loop(lambda: st96kit.serialize(document), calls),
        "xsdata XmlSerializer": lambda: time_loop(lambda: serializer.render(plain_root), calls),
    }
    results = {k: median(v) for k, v in interleaved(variants, rounds).items()}
    checks = [
        f"{path.name}: st96kit's objects and plain xsdata's from the path "
        f"{'equal' if same else 'DIFFER'}, from a parsed tree {'equal' if same_tree else 'DIFFER'}"
        f"; "
        f"{calls} calls per round ({slow_calls} for xmlschema); xmlschema compile "
        f"{compile_seconds:.1f} s (not timed above)",
    ]
    return results, checks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds and calls")
    parser.add_argument("--rounds", type=int, default=None,
                        help="rounds of each interleaved measure (default 5, quick 3)")
    args = parser.parse_args()
    rounds = args.rounds or (3 if args.quick else 5)
    setup_environment()
    print(f"parse benchmark; {describe_machine()}")

    parse_rows: list[list[Any]] = []
    serialize_rows: list[list[Any]] = []
    checks: list[str] = []
    totals: dict[str, float] = {}
    for path in sorted(EXAMPLES.glob("*.xml")):
        results, notes = bench_file(path, rounds, args.quick)
        checks += notes
        for name, value in results.items():
            totals[name] = totals.get(name, 0.0) + value
        label = f"{path.stem.removesuffix('_Example')} ({path.stat().st_size // 1024} KB)"
        parse_rows.append(parse_row(label, results))
        serialize_rows.append(serialize_row(label, results))
    parse_rows.append(parse_row("all four (sum)", totals))
    serialize_rows.append(serialize_row("all four (sum)", totals))
    table(
        f"parse, ms per document (median of {rounds} interleaved rounds); ratios to plain xsdata",
        ["document", "st96kit strict", "plain xsdata", "xsdata tree", "xsdata new parser",
         "st96kit lax", "xmlschema to_dict", "strict/xsdata", "lax/xsdata",
         "xmlschema/xsdata"],
        parse_rows,
    )
    table(
        "serialize, ms per document (same rounds)",
        ["document", "st96kit.serialize", "xsdata XmlSerializer.render", "ratio"],
        serialize_rows,
    )
    for line in checks:
        print(f"    {line}")
    return 0


def parse_row(label: str, results: dict[str, float]) -> list[Any]:
    base = results["plain xsdata"]
    return [
        label, ms(results["st96kit strict"]), ms(base), ms(results["xsdata, parsed tree"]),
        ms(results["xsdata, new XmlParser"]), ms(results["st96kit lax"]),
        ms(results["xmlschema to_dict"]), ratio(results["st96kit strict"], base),
        ratio(results["st96kit lax"], base), ratio(results["xmlschema to_dict"], base),
    ]


def serialize_row(label: str, results: dict[str, float]) -> list[Any]:
    ours, theirs = results["st96kit serialize"], results["xsdata XmlSerializer"]
    return [label, ms(ours), ms(theirs), ratio(ours, theirs)]


if __name__ == "__main__":
    raise SystemExit(main())

"""How many drawn documents are valid: ``st96kit.testing.documents`` against the V6_0 schemas.

For each document type, draws ``--examples`` documents (200 by default), validates each with
lxml and checks that it reads back equal (``parse(serialize(x)).root == x``). Prints one line
per type and the totals. The schema package is found as st96kit finds it (``ST96KIT_SCHEMAS``
or the registered packages); without one, the WIPO package beside the project is used.

    .venv/bin/python bench/strategy_validity.py [--examples N] [TYPE ...]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SHARED_SCHEMAS = Path(__file__).resolve().parents[2] / "shared" / "st96" / "schemas" / "V6_0"


@dataclass
class Tally:
    drawn: int = 0
    valid: int = 0
    round_trip: int = 0
    size: int = 0


def measure(name: str, examples: int) -> Tally:
    from hypothesis import HealthCheck, Phase, given, settings

    import st96kit
    from st96kit.testing import documents

    tally = Tally()

    @settings(max_examples=examples, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(documents(name))
    def draw(document: Any) -> None:
        data = st96kit.serialize(document)
        tally.drawn += 1
        tally.size += len(data)
        if st96kit.validate(data, all_errors=False).valid:
            tally.valid += 1
        if st96kit.parse(data).root == document:
            tally.round_trip += 1

    draw()
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=200)
    parser.add_argument("types", nargs="*")
    args = parser.parse_args(argv)
    if "ST96KIT_SCHEMAS" not in os.environ and SHARED_SCHEMAS.is_dir():
        os.environ["ST96KIT_SCHEMAS"] = str(SHARED_SCHEMAS)
    from st96kit.build.skeleton import document_type_names

    names = args.types or document_type_names()
    total = Tally()
    print(f"{'document type':<30} {'drawn':>6} {'valid':>8} {'round trip':>11} "
          f"{'mean bytes':>11} {'seconds':>8}")
    for name in names:
        started = time.perf_counter()
        tally = measure(name, args.examples)
        seconds = time.perf_counter() - started
        drawn = max(tally.drawn, 1)
        print(f"{name:<30} {tally.drawn:>6} {tally.valid / drawn:>8.1%} "
              f"{tally.round_trip / drawn:>11.1%} {tally.size // drawn:>11} {seconds:>8.1f}",
              flush=True)
        total.drawn += tally.drawn
        total.valid += tally.valid
        total.round_trip += tally.round_trip
    drawn = max(total.drawn, 1)
    print(f"{'all':<30} {total.drawn:>6} {total.valid / drawn:>8.1%} "
          f"{total.round_trip / drawn:>11.1%}")
    return 0 if total.valid == total.drawn == total.round_trip else 1


if __name__ == "__main__":
    sys.exit(main())

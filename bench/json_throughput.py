"""JSON conversion throughput: st96kit's JSON form next to xmlschema's ``to_dict``.

Run from the repository root (the WIPO examples are read from ``../shared/st96``, or from the
folder given as the first argument)::

    .venv/bin/python bench/json_throughput.py [EXAMPLES_DIR]

For each V6_0 example it times, on the same bytes, best of several rounds:

- st96kit, XML -> Python data (``to_json(..., as_dict=True)``) and XML -> JSON text;
- st96kit, JSON data -> XML bytes (``json_to_xml``);
- xmlschema, XML -> Python data (``XMLSchema.to_dict``; the schema is compiled once, before
  timing, from the installed ST.96 package).

and prints MB/s of XML and the ratio st96kit / xmlschema for the XML -> data direction.
"""

from __future__ import annotations

import io
import os
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "st96" / "examples" / "V6_0"
SCHEMAS = ROOT.parent / "shared" / "st96" / "schemas" / "V6_0"


def best_of(function: Callable[[], Any], seconds: float = 1.0, rounds: int = 3) -> float:
    """The best time of one call, over ``rounds`` rounds of about ``seconds`` each."""
    function()
    best = float("inf")
    for _ in range(rounds):
        count = 0
        start = time.perf_counter()
        while True:
            function()
            count += 1
            elapsed = time.perf_counter() - start
            if elapsed >= seconds / rounds:
                break
        best = min(best, elapsed / count)
    return best


def _xmlschema_to_dict(schema: Any, data: bytes) -> Any:
    return schema.to_dict(io.BytesIO(data), validation="skip")


def main() -> int:
    os.environ.setdefault("ST96KIT_SCHEMAS", str(SCHEMAS))
    import xmlschema

    from st96kit import models
    from st96kit.convert.json_form import json_to_xml, to_json
    from st96kit.schemas.locate import find_package
    from st96kit.sources.read import read_tree

    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    files = sorted(folder.glob("*.xml"))
    if not files:
        print(f"no .xml files in {folder}", file=sys.stderr)
        return 2
    package = find_package("V6_0")
    if not package.location.is_dir():
        print("the bench needs the schema package as a folder", file=sys.stderr)
        return 2
    header = (f"{'document':<36}{'KB':>7}  {'st96kit xml->data':>18}{'xml->json':>11}"
              f"{'json->xml':>11}  {'xmlschema to_dict':>18}  {'ratio':>6}")
    print(header)
    print("-" * len(header))
    totals = {"ours": 0.0, "theirs": 0.0, "bytes": 0}
    for path in files:
        data = path.read_bytes()
        root = read_tree(data).getroot()
        doc_type = models.document_type_for_root(str(root.tag), "V6_0")
        if doc_type is None:
            continue
        schema_file = package.location / package.document_types[doc_type].schema_file
        schema = xmlschema.XMLSchema(str(schema_file), base_url=str(package.location),
                                     allow="sandbox", defuse="always")
        as_data = best_of(partial(to_json, data, as_dict=True))
        as_text = best_of(partial(to_json, data))
        back = best_of(partial(json_to_xml, to_json(data, as_dict=True)))
        theirs = best_of(partial(_xmlschema_to_dict, schema, data))
        megabytes = len(data) / 1e6
        totals["ours"] += as_data
        totals["theirs"] += theirs
        totals["bytes"] += len(data)
        print(f"{path.name:<36}{len(data) / 1000:>7.0f}  {megabytes / as_data:>13.1f} MB/s"
              f"{megabytes / as_text:>6.1f} MB/s{megabytes / back:>6.1f} MB/s"
              f"  {megabytes / theirs:>13.1f} MB/s  {theirs / as_data:>5.1f}x")
    total_mb = totals["bytes"] / 1e6
    print("-" * len(header))
    print(f"{'all files':<36}{totals['bytes'] / 1000:>7.0f}  "
          f"{total_mb / totals['ours']:>13.1f} MB/s{'':>22}  "
          f"{total_mb / totals['theirs']:>13.1f} MB/s  {totals['theirs'] / totals['ours']:>5.1f}x")
    print("ratio: how many times faster st96kit turns XML into Python data than xmlschema")
    return 0


if __name__ == "__main__":
    sys.exit(main())

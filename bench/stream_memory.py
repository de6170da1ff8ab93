"""Streaming bulk files: peak memory and records per second at growing sizes.

    .venv/bin/python bench/stream_memory.py [--quick] [--rounds N] [--sizes 25,50,100,200]

Bulk files are made in a temporary folder by repeating the records (children of the root) of
the USPTO PEDS sample ``samples/uspto-peds/2012.xml`` inside its root element, written piece by
piece. Each measure runs in a fresh process, whose peak resident memory (``ru_maxrss``) is
read when it ends:

- ``st96kit.stream(path)``, iterating every record;
- plain lxml ``iterparse`` on the record tag, clearing each record and its predecessors (the
  usual hand-written streaming loop);
- plain lxml ``etree.parse`` of the whole file (smaller sizes only), then its records.

Rounds are interleaved; times are medians, memory the largest peak seen.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _harness import (
    SHARED,
    Child,
    describe_machine,
    median,
    python_child,
    ratio,
    setup_environment,
    table,
)

SAMPLE = SHARED / "samples" / "uspto-peds" / "2012.xml"
ROOT_END = b"</uspat:PatentBulkData>"
RECORD = "{urn:us:gov:doc:uspto:patent}PatentData"
MB = 1024 * 1024
FLAT_LIMIT_MB = 200

STREAM = """
import sys, time
import st96kit
start = time.perf_counter()
count = 0
for record in st96kit.stream(sys.argv[1]):
    count += 1
print(count, time.perf_counter() - start)
"""

ITERPARSE = """
import sys, time
from lxml import etree
start = time.perf_counter()
count = 0
for _, element in etree.iterparse(sys.argv[1], events=("end",), tag=sys.argv[2]):
    count += 1
    element.clear(keep_tail=True)
    parent = element.getparent()
    while element.getprevious() is not None:
        del parent[0]
print(count, time.perf_counter() - start)
"""

PARSE = """
import sys, time
from lxml import etree
start = time.perf_counter()
count = sum(1 for child in etree.parse(sys.argv[1]).getroot() if isinstance(child.tag, str))
print(count, time.perf_counter() - start)
"""

FLOOR = """
import st96kit
from st96kit.sources import stream
print(0, 0.0)
"""


def make_bulk(target: Path, size_mb: int) -> tuple[int, int]:
    """Write a bulk file of about ``size_mb`` MB; (records, bytes)."""
    data = SAMPLE.read_bytes()
    head_end = data.index(b">", data.index(b"<uspat:PatentBulkData")) + 1
    tail_start = data.rindex(ROOT_END)
    head, body, tail = data[:head_end], data[head_end:tail_start], data[tail_start:]
    per_body = body.count(b"<uspat:PatentData ") + body.count(b"<uspat:PatentData>")
    copies = max(1, round((size_mb * MB - len(head) - len(tail)) / len(body)))
    with target.open("wb") as out:
        out.write(head)
        for _ in range(copies):
            out.write(body)
        out.write(tail)
    return copies * per_body, target.stat().st_size


def measure(code: str, path: Path, *extra: str) -> tuple[int, float, float]:
    """(records, seconds in the loop, peak RSS in MB) of one fresh process."""
    child: Child = python_child(code, str(path), *extra)
    count, seconds = child.stdout.split()
    return int(count), float(seconds), child.max_rss_mb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="sizes 25, 50 and 200 MB, 1 round")
    parser.add_argument("--rounds", type=int, default=None, help="rounds (default 3, quick 1)")
    parser.add_argument("--sizes", default=None,
                        help="comma-separated sizes in MB (default 25,50,100,200,400)")
    parser.add_argument("--parse-up-to", type=int, default=100,
                        help="largest size in MB also loaded whole with etree.parse")
    args = parser.parse_args()
    rounds = args.rounds or (1 if args.quick else 3)
    default_sizes = "25,50,200" if args.quick else "25,50,100,200,400"
    sizes = sorted(int(s) for s in (args.sizes or default_sizes).split(","))
    setup_environment()
    print(f"stream memory benchmark; {describe_machine()}")

    with tempfile.TemporaryDirectory(prefix="st96kit-bench-stream-") as tmp:
        files: dict[int, tuple[Path, int, int]] = {}
        for size in sizes:
            path = Path(tmp) / f"bulk_{size}MB.xml"
            records, written = make_bulk(path, size)
            files[size] = (path, records, written)
        print(f"bulk files written: {', '.join(f'{s} MB' for s in sizes)} "
              f"(records of {SAMPLE.name}, {SAMPLE.stat().st_size / MB:.1f} MB, repeated)")
        floor = measure(FLOOR, SAMPLE)[2]

        times: dict[tuple[str, int], list[float]] = {}
        peaks: dict[tuple[str, int], float] = {}
        counts: dict[tuple[str, int], int] = {}
        for _ in range(rounds):
            for size in sizes:
                path, _, _ = files[size]
                runs = {"st96kit": (STREAM, ()), "iterparse": (ITERPARSE, (RECORD,))}
                if size <= args.parse_up_to:
                    runs["parse"] = (PARSE, ())
                for name, (code, extra) in runs.items():
                    count, seconds, peak = measure(code, path, *extra)
                    key = (name, size)
                    times.setdefault(key, []).append(seconds)
                    peaks[key] = max(peaks.get(key, 0.0), peak)
                    counts[key] = count

        rows = []
        for size in sizes:
            path, records, written = files[size]
            row: list[str | int] = [f"{written / MB:.0f}", records]
            for name in ("st96kit", "iterparse", "parse"):
                key = (name, size)
                if key not in times:
                    row += ["-", "-"]
                    continue
                if counts[key] != records:
                    raise RuntimeError(f"{name} saw {counts[key]} records, not {records}")
                row += [f"{peaks[key]:.0f}", f"{records / median(times[key]):,.0f}"]
            st96kit_rate = records / median(times[("st96kit", size)])
            iter_rate = records / median(times[("iterparse", size)])
            row.append(ratio(iter_rate, st96kit_rate))
            if ("parse", size) in peaks:
                row.append(ratio(peaks[("parse", size)], peaks[("st96kit", size)]))
            else:
                row.append("-")
            rows.append(row)
        table(
            f"peak RSS (MB) and records/s, fresh process per measure (median time of {rounds} "
            f"round(s)); interpreter + st96kit imported: {floor:.0f} MB",
            ["file MB", "records", "st96kit MB", "st96kit rec/s", "iterparse MB",
             "iterparse rec/s", "etree.parse MB", "etree.parse rec/s",
             "st96kit time vs iterparse", "parse MB vs st96kit"],
            rows,
        )
        stream_peaks = [peaks[("st96kit", s)] for s in sizes]
        spread = max(stream_peaks) - min(stream_peaks)
        flat = max(stream_peaks) < FLAT_LIMIT_MB
        print(f"    st96kit.stream peak RSS from {min(stream_peaks):.0f} to "
              f"{max(stream_peaks):.0f} MB over {sizes[0]}-{sizes[-1]} MB files "
              f"(spread {spread:.0f} MB): "
              f"{'flat, under' if flat else 'NOT under'} {FLAT_LIMIT_MB} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

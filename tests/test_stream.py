"""Streaming the records of bulk and bag files."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from conftest import SAMPLES
from lxml import etree

import st96kit

PEDS = SAMPLES / "uspto-peds" / "2012.xml"


def test_default_records_are_the_children_of_the_root() -> None:
    expected = [
        etree.QName(e).localname for e in etree.parse(str(PEDS)).getroot() if isinstance(e.tag, str)
    ]
    records = [etree.QName(r.element).localname for r in st96kit.stream(PEDS)]
    assert records == expected and len(records) > 10


def test_named_records_anywhere_in_the_tree() -> None:
    tsdr = SAMPLES / "uspto-tsdr" / "rn3886986-ST96.xml"
    found = list(st96kit.stream(tsdr, record="tmk:Trademark"))
    assert len(found) == 1 and found[0].line is not None


def test_records_parse_in_lax_mode() -> None:
    for record in st96kit.stream(PEDS):
        document = st96kit.parse_element(record.element, mode="lax", name=f"record {record.index}")
        assert document.parts
        break


def _bulk(tmp_path: Path, copies: int) -> Path:
    root = etree.parse(str(PEDS)).getroot()
    records = [etree.tostring(r) for r in root]
    head = etree.tostring(root).split(b">", 1)[0] + b">"
    target = tmp_path / f"bulk-{copies}.xml"
    with target.open("wb") as handle:
        handle.write(head)
        for _ in range(copies):
            for record in records:
                handle.write(record)
        handle.write(f"</{root.prefix}:{etree.QName(root).localname}>".encode())
    return target


def test_memory_stays_flat_as_the_file_grows(tmp_path: Path) -> None:
    peaks = []
    for copies in (2, 16):
        path = _bulk(tmp_path, copies)
        tracemalloc.start()
        count = sum(1 for _ in st96kit.stream(path))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        peaks.append(peak)
        assert count == copies * len(etree.parse(str(PEDS)).getroot())
    assert peaks[1] < peaks[0] * 2  # eight times the data, not eight times the memory

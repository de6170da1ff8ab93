"""Semantic diff: same documents, one change of each kind, reordering, the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SAMPLES, run_cli, v6_examples
from lxml import etree

import st96kit
from st96kit.compare.diff import diff

COM = "http://www.wipo.int/standards/XMLSchema/ST96/Common"
TMK = "http://www.wipo.int/standards/XMLSchema/ST96/Trademark"
PAT = "http://www.wipo.int/standards/XMLSchema/ST96/Patent"
NS = {"com": COM, "tmk": TMK}
TSDR = SAMPLES / "uspto-tsdr" / "rn3886986-ST96.xml"


def _tree(path: Path) -> etree._ElementTree:
    return etree.parse(str(path))


def _bytes(tree: etree._ElementTree) -> bytes:
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")


@pytest.mark.parametrize("path", v6_examples(), ids=lambda p: p.name)
def test_a_document_against_itself_reformatted(path: Path) -> None:
    reformatted = st96kit.serialize(st96kit.parse(path))
    assert reformatted != path.read_bytes()
    result = diff(path, reformatted)
    assert result.same, result.to_text()
    flat = etree.tostring(etree.fromstring(reformatted.replace(b"\n    ", b"\n")))
    assert diff(path, flat).same


def test_prefixes_and_attribute_order_do_not_matter() -> None:
    a = f'<x:A xmlns:x="{COM}" x:id="1" x:languageCode="en"><x:B>t</x:B></x:A>'.encode()
    b = (f'<com:A xmlns:com="{COM}" com:languageCode="en" com:id="1">\n  <com:B>t</com:B>\n'
         f'</com:A>').encode()
    assert diff(a, b).same


def test_one_value_changed_one_member_removed_members_reordered() -> None:
    path = next(p for p in v6_examples() if p.name.startswith("Patent"))
    tree = _tree(path)
    root = tree.getroot()
    claims = root.find(".//pat:Claims", {"pat": PAT})
    assert claims is not None
    members = [c for c in claims if etree.QName(c).localname == "Claim"]
    ids = [c.get(f"{{{COM}}}id") for c in members]
    assert len(members) >= 3 and len(set(ids)) == len(ids)
    removed = members[1]
    claims.remove(removed)
    kept = [c for c in claims if etree.QName(c).localname == "Claim"]
    for claim in kept:
        claims.remove(claim)
    claims.extend(reversed(kept))  # identified members in another order
    title = root.find(".//pat:InventionTitle", {"pat": PAT})
    assert title is not None
    old = title.text
    title.text = "Another title"
    result = diff(path, _bytes(tree))
    assert sorted((c.kind, c.item) for c in result.changes) == [
        ("changed", "text"), ("removed", "element"),
    ], result.to_text()
    changed = next(c for c in result.changes if c.kind == "changed")
    gone = next(c for c in result.changes if c.kind == "removed")
    assert gone.path.endswith(f"pat:Claims/pat:Claim[@com:id='{removed.get(f'{{{COM}}}id')}']")
    assert gone.line_a == removed.sourceline and gone.line_b is None
    assert changed.path.endswith("pat:InventionTitle/text()")
    assert (changed.old, changed.new) == (old, "Another title")
    assert result.counts() == {"added": 0, "removed": 1, "changed": 1}


def test_real_bag_with_repeated_sequence_numbers() -> None:
    """USPTO TSDR gives several applicants the same sequence number: no identity then, and
    members are matched by content."""
    tree = _tree(TSDR)
    applicants = tree.getroot().find(".//tmk:ApplicantBag", NS)
    assert applicants is not None
    members = list(applicants)
    numbers = [m.get(f"{{{COM}}}sequenceNumber") for m in members]
    assert len(set(numbers)) < len(numbers)
    applicants.remove(members[1])
    applicants[:] = list(reversed(list(applicants)))
    result = diff(TSDR, _bytes(tree))
    assert [(c.kind, c.item) for c in result.changes] == [("removed", "element")]
    assert result.changes[0].path.endswith("tmk:ApplicantBag/tmk:Applicant[2]")


def test_members_are_matched_by_application_number_and_class() -> None:
    path = next(p for p in v6_examples() if p.name.startswith("Trademark"))
    tree = _tree(path)
    bag = tree.getroot().find(".//tmk:GoodsServicesBag", NS)
    assert bag is not None
    copy = etree.fromstring(etree.tostring(bag[0]))
    number = copy.find(".//tmk:ClassNumber", NS)
    assert number is not None
    number.text = "042"
    bag.append(copy)
    result = diff(path, _bytes(tree))
    assert len(result.changes) == 1
    assert result.changes[0].kind == "added"
    assert "tmk:ClassNumber='042'" in result.changes[0].path


def test_members_without_identity_are_matched_by_content() -> None:
    path = next(p for p in v6_examples() if p.name.startswith("Trademark"))
    tree = _tree(path)
    bag = tree.getroot().find(".//com:DocumentIncludedBag", NS)
    assert bag is not None and len(bag) > 3
    bag[:] = list(reversed(list(bag)))
    assert diff(path, _bytes(tree)).same
    name = bag[0].find("com:DocumentName", NS)
    assert name is not None
    name.text = "Another name"
    result = diff(path, _bytes(tree))
    assert [(c.kind, c.item) for c in result.changes] == [("changed", "text")]
    assert result.changes[0].path.endswith("com:DocumentName/text()")


def test_order_of_inline_elements_in_mixed_content_counts() -> None:
    a = f'<com:P xmlns:com="{COM}">a <com:B>1</com:B> b <com:B>2</com:B></com:P>'.encode()
    b = f'<com:P xmlns:com="{COM}">a <com:B>2</com:B> b <com:B>1</com:B></com:P>'.encode()
    result = diff(a, b)
    assert not result.same
    assert {c.path for c in result.changes} <= {"/com:P/com:B[1]", "/com:P/com:B[2]",
                                                 "/com:P/com:B[1]/text()",
                                                 "/com:P/com:B[2]/text()"}


def test_different_roots() -> None:
    examples = v6_examples()
    result = diff(examples[0], examples[1])
    assert [c.kind for c in result.changes] == ["removed", "added"]


def test_cli_exit_codes_and_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = next(p for p in v6_examples() if p.name.startswith("GI"))
    same = tmp_path / "same.xml"
    same.write_bytes(st96kit.serialize(st96kit.parse(path)))
    code, out, _ = run_cli(capsys, "diff", str(path), str(same))
    assert code == 0 and "no differences" in out
    changed = tmp_path / "changed.xml"
    changed.write_bytes(same.read_bytes().replace(b"V6_0", b"V6_1", 1))
    code, out, _ = run_cli(capsys, "diff", str(path), str(changed))
    assert code == 1 and "1 difference (1 changed)" in out
    code, out, _ = run_cli(capsys, "diff", "--format", "json", str(path), str(changed))
    report = json.loads(out)
    assert code == 1 and report["same"] is False
    assert report["changes"][0]["path"].endswith("/@com:st96Version")
    assert set(report["changes"][0]) == {"kind", "item", "path", "old", "new", "line_a",
                                         "line_b"}


@pytest.mark.parametrize("case", ["missing", "not-xml", "empty"])
def test_cli_bad_input_exits_two(case: str, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_bytes({"missing": b"", "not-xml": b"<a><b></a>", "empty": b""}[case])
    if case == "missing":
        bad.unlink()
    code, out, err = run_cli(capsys, "diff", str(v6_examples()[0]), str(bad))
    assert code == 2
    assert not out and len(err.strip().splitlines()) == 1

"""Upgrading documents of other ST.96 versions to V6_0: what is carried, the report, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLES_V9_0, LEGACY, SAMPLES, run_cli, v6_examples
from lxml import etree

import st96kit
from st96kit.convert.upgrade import upgrade
from st96kit.errors import InputError, UnknownDocumentError

COM = "http://www.wipo.int/standards/XMLSchema/ST96/Common"
TMK = "http://www.wipo.int/standards/XMLSchema/ST96/Trademark"
ST96_VERSION = f"{{{COM}}}st96Version"
TSDR = sorted((SAMPLES / "uspto-tsdr").glob("*.xml"))
PEDS = sorted((SAMPLES / "uspto-peds").glob("*.xml"))
OTHERS = sorted((SAMPLES / "cipo-trademark").glob("*.xml")) + sorted(EXAMPLES_V9_0.glob("*.xml"))


@pytest.mark.parametrize("path", TSDR + PEDS + OTHERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_sample_upgrades_with_a_full_report(path: Path) -> None:
    result = upgrade(path, to="V6_0")
    report = result.report
    assert report.target == "V6_0" and 0 < report.carried <= report.elements
    # every element is carried, removed as empty, or listed as not carried
    lost = [x for x in report.not_carried if x.what.startswith("element")]
    if report.carried + report.removed_empty < report.elements:
        assert lost
    assert all(x.line for x in lost)
    # the result is XML, and whatever V6_0 content it has reads with the V6_0 model
    root = etree.fromstring(result.xml)
    if report.mode == "document":
        assert report.validation is not None and report.validation.status in ("valid", "invalid")
        assert root.get(ST96_VERSION) == "V6_0"
        document = st96kit.parse(result.xml, mode="lax", version="V6_0")
        assert not [x for x in document.losses if "comment" not in x.what]
    else:
        assert report.parts and 0 <= report.parts_valid <= report.parts
    text = report.to_text()
    assert report.summary() in text and report.verdict() in text
    json.dumps(report.to_dict())


@pytest.mark.parametrize("path", TSDR, ids=lambda p: p.name)
def test_tsdr_moves_renames_and_sets_versions(path: Path) -> None:
    report = upgrade(path).report
    kinds = {s.kind for s in report.steps}
    assert {"moved to another namespace", "st96Version", "removed empty element"} <= kinds
    moved = next(s for s in report.steps if s.kind == "moved to another namespace")
    assert "tmk:ApplicationDate -> com:ApplicationDate" in moved.what
    # USPTO's extension elements are listed as not carried, nothing else
    assert {x.path.rsplit("/", 1)[-1].split("[")[0] for x in report.not_carried} == {
        "ns3:FiledAsReducedFeeApplicationIndicator", "ns3:CurrentlyReducedFeeApplicationIndicator",
    }
    assert report.share > 0.95
    # what V6_0 requires and TSDR does not have is named
    assert any("TransactionIdentifier" in x for x in report.lacking)
    assert report.validation is not None and not report.valid


def test_tsdr_result_has_versions_and_moved_elements() -> None:
    result = upgrade(SAMPLES / "uspto-tsdr" / "rn3886986-ST96.xml")
    root = etree.fromstring(result.xml)
    for name in ("TrademarkTransactionBody", "TransactionContentBag", "TransactionData"):
        element = root.find(f".//{{{TMK}}}{name}")
        assert element is not None and element.get(ST96_VERSION) == "V6_0"
    trademark = root.find(f".//{{{TMK}}}Trademark")
    assert trademark is not None
    assert trademark.find(f"{{{COM}}}ApplicationDate") is not None
    assert trademark.find(f"{{{TMK}}}ApplicationDate") is None


def test_dates_with_unknown_day_become_year_and_month() -> None:
    path = SAMPLES / "uspto-tsdr" / "sn85334015-ST96.xml"
    assert b"<ns2:FirstUsedDate>20110500</ns2:FirstUsedDate>" in path.read_bytes()
    result = upgrade(path)
    assert b"<tmk:FirstUsedDate>2011-05</tmk:FirstUsedDate>" in result.xml
    assert any("YYYYMM00" in s.what for s in result.report.steps if s.kind == "date")


@pytest.mark.parametrize("path", PEDS, ids=lambda p: p.name)
def test_peds_records_are_upgraded_inside_the_wrapper(path: Path) -> None:
    result = upgrade(path)
    report = result.report
    assert report.mode == "parts" and report.kept > 0
    root = etree.fromstring(result.xml)
    source = etree.parse(str(path)).getroot()
    assert root.tag == source.tag == "{urn:us:gov:doc:uspto:patent}PatentBulkData"
    assert report.parts_valid > report.parts / 2
    assert not report.valid and "cannot be validated" in report.verdict()


@pytest.mark.parametrize("name", ["DesignApplication", "TrademarkApplication"])
def test_newer_examples_that_fit_v6_0_come_out_valid(name: str) -> None:
    result = upgrade(EXAMPLES_V9_0 / f"{name}_Example.xml")
    assert result.report.source_version == "V8_0"
    assert result.report.valid, result.report.to_text()
    assert st96kit.validate(result.xml).status == "valid"


def test_a_v6_0_document_is_left_as_it_is() -> None:
    path = v6_examples()[1]
    result = upgrade(path)
    assert result.report.mode == "unchanged" and result.report.valid
    assert st96kit.canonical(result.xml) == st96kit.canonical(path.read_bytes())


def test_not_xml_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("no", encoding="utf-8")
    with pytest.raises(InputError):
        upgrade(bad)


def test_a_document_without_st96_elements_is_refused() -> None:
    with pytest.raises(UnknownDocumentError, match=r"holds no ST\.96 element") as info:
        upgrade(LEGACY / "st66" / "rn3886986-ST66.xml")
    assert info.value.hint and "--from" in info.value.hint


def test_cli_writes_only_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = str(SAMPLES / "uspto-tsdr" / "sn87881347-ST96.xml")
    out = tmp_path / "out.xml"
    code, text, _ = run_cli(capsys, "upgrade", source, "--to", "V6_0")
    assert code == 1 and "nothing written" in text and not out.exists()
    code, text, _ = run_cli(capsys, "upgrade", source, "--to", "V6_0", "-o", str(out))
    assert code == 1 and "not written" in text and "--force" in text and not out.exists()
    code, text, _ = run_cli(capsys, "upgrade", source, "--to", "V6_0", "-o", str(out), "--force")
    assert code == 1 and "although it is not valid" in text and out.exists()
    assert etree.fromstring(out.read_bytes()).get(ST96_VERSION) == "V6_0"


def test_cli_valid_result_json_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "tm.xml"
    source = str(EXAMPLES_V9_0 / "TrademarkApplication_Example.xml")
    code, text, _ = run_cli(capsys, "upgrade", source, "-o", str(out), "--format", "json")
    report = json.loads(text)
    assert code == 0 and report["valid"] and report["written"] == str(out)
    assert report["not_carried"] and report["not_carried"][0]["path"].endswith(
        "com:FilingPlaceName[1]")
    code, text, err = run_cli(capsys, "upgrade", source, "-o", "-")
    assert code == 0 and text.startswith("<?xml") and "written to stdout" in err


@pytest.mark.parametrize("args", [["missing.xml"], ["{sample}", "--to", "V9_0"]])
def test_cli_bad_input_exits_two(args: list[str], tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    sample = str(TSDR[0])
    argv = [a.format(sample=sample) if "{" in a else str(tmp_path / a) if a.endswith(".xml")
            else a for a in args]
    code, out, err = run_cli(capsys, "upgrade", *argv)
    assert code == 2 and not out and len(err.strip().splitlines()) == 1

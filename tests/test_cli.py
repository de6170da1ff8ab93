"""The command line: exit codes, report formats, formatting files, schema registry."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES_V9_0, SAMPLES, SCHEMAS_V6_0, run_cli, v6_examples
from corpus_mutations import all_mutations
from lxml import etree

from st96kit.cli.main import main


def _invalid_file(tmp_path: Path) -> Path:
    data, _ = all_mutations()[0].apply()
    target = tmp_path / "invalid.xml"
    target.write_bytes(data)
    return target


def test_validate_all_valid_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "validate", str(v6_examples()[0].parent))
    assert code == 0
    assert out.strip().splitlines()[-1].startswith("4 files, 4 valid, 0 invalid")


def test_validate_invalid_exits_one_with_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _invalid_file(tmp_path)
    code, out, err = run_cli(
        capsys, "validate", "--format", "json", str(bad), str(v6_examples()[1])
    )
    assert code == 1
    report = json.loads(out)
    assert [r["valid"] for r in report] == [False, True]
    first = report[0]
    assert set(first) >= {"file", "valid", "document_type", "st96_version", "errors"}
    assert first["errors"] and set(first["errors"][0]) == {"line", "column", "path", "message"}
    assert "1 invalid" in err


def test_validate_unreadable_or_unchecked_exits_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = run_cli(
        capsys, "validate", str(EXAMPLES_V9_0 / "TrademarkApplication_Example.xml")
    )
    assert code == 2
    code, out, _ = run_cli(capsys, "validate", str(tmp_path / "missing.xml"))
    assert "no such file" in out
    assert code == 2


def test_usage_errors_exit_two(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["validate", "--format", "yaml", "x.xml"])
    assert info.value.code == 2
    code, _, err = run_cli(capsys, "validate", "no-such-*.xml")
    assert code == 2 and "no file matches" in err


def test_junit_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _invalid_file(tmp_path)
    code, out, _ = run_cli(
        capsys, "validate", "--format", "junit", str(bad), *map(str, v6_examples())
    )
    assert code == 1
    suite = etree.fromstring(out.encode()).find("testsuite")
    assert suite is not None
    assert suite.get("tests") == "5" and suite.get("failures") == "1"
    failure = suite.find("testcase/failure")
    assert failure is not None and failure.text


def test_github_annotations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _invalid_file(tmp_path)
    code, out, _ = run_cli(capsys, "validate", "--format", "github", str(bad))
    assert code == 1
    lines = out.strip().splitlines()
    assert lines and all(line.startswith(f"::error file={bad},line=") for line in lines)


def test_parallel_jobs_give_the_same_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [str(_invalid_file(tmp_path)), *map(str, v6_examples())]
    _, serial, _ = run_cli(capsys, "validate", "--format", "json", *files)
    _, parallel, _ = run_cli(capsys, "validate", "--format", "json", "--jobs", "2", *files)
    assert json.loads(serial) == json.loads(parallel)


def test_info_json(capsys: pytest.CaptureFixture[str]) -> None:
    tsdr = SAMPLES / "uspto-tsdr" / "rn3886986-ST96.xml"
    code, out, _ = run_cli(capsys, "info", "--format", "json", str(tsdr), str(v6_examples()[0]))
    assert code == 0
    first, second = json.loads(out)
    assert first["document_type"] == "TrademarkTransaction"
    assert first["st96_version"] is None
    assert first["extension_namespaces"] == ["urn:us:gov:doc:uspto:trademark"]
    assert second["st96_version"] == "V6_0"


def test_format_in_place_and_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "doc.xml"
    shutil.copyfile(v6_examples()[2], target)
    original = target.read_bytes()
    code, out, _ = run_cli(capsys, "format", "--check", str(target))
    assert code == 1 and "would reformat" in out
    assert target.read_bytes() == original
    code, _, _ = run_cli(capsys, "format", "--in-place", str(target))
    assert code == 0
    from st96kit.binding.compare import canonical

    assert canonical(target.read_bytes()) == canonical(original)
    assert run_cli(capsys, "format", "--check", str(target))[0] == 0
    assert not [p for p in tmp_path.iterdir() if p.name != "doc.xml"]  # no temporary left over


def test_format_refuses_what_it_cannot_write_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "tsdr.xml"
    shutil.copyfile(SAMPLES / "uspto-tsdr" / "sn87881347-ST96.xml", target)
    before = target.read_bytes()
    code, _, err = run_cli(capsys, "format", "--in-place", str(target))
    assert code == 2 and "lax" in err
    assert target.read_bytes() == before


def test_schemas_add_list_remove(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ST96KIT_SCHEMAS")
    code, out, _ = run_cli(capsys, "schemas", "list")
    assert code == 2 and "No ST.96 schema package" in out
    assert run_cli(capsys, "schemas", "add", str(SCHEMAS_V6_0))[0] == 0
    code, out, _ = run_cli(capsys, "schemas", "list", "--format", "json")
    listing = json.loads(out)["packages"]
    assert code == 0 and listing[0]["version"] == "V6_0" and listing[0]["origin"] == "registry"
    assert len(listing[0]["document_types"]) == 28
    code, out, _ = run_cli(capsys, "schemas", "list")
    assert "tmk:TrademarkApplication" in out
    assert run_cli(capsys, "schemas", "remove", str(SCHEMAS_V6_0))[0] == 0
    assert run_cli(capsys, "schemas", "remove", str(SCHEMAS_V6_0))[0] == 2


@pytest.mark.parametrize(
    "args",
    [
        ["schemas", "add", "/nonexistent/package"],
        ["generate", "--version", "V6_X"],
        ["generate", "--version", "V9_0"],
        ["validate", "--schemas", "/nonexistent", str(v6_examples()[0])],
    ],
)
def test_bad_input_one_line_exit_two(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, *args)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and err.startswith("st96kit: error:")

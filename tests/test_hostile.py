"""Hostile and broken input: refused quickly, clearly, with exit code 2 and no traceback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import CORPUS

import st96kit
from st96kit.cli.main import main
from st96kit.errors import InputError

HOSTILE = sorted((CORPUS / "hostile").iterdir())

MESSAGES = {
    "billion_laughs.xml": "DOCTYPE",
    "xxe_local_file.xml": "DOCTYPE",
    "xxe_parameter_entity.xml": "DOCTYPE",
    "external_dtd.xml": "DOCTYPE",
    "empty.xml": "empty",
    "truncated.xml": "line 3",
    "wrong_encoding.xml": "encoding",
    "binary_junk.bin": "not",
    "csv_not_xml.xml": "XML",
}


def test_every_hostile_file_has_an_expectation() -> None:
    assert {p.name for p in HOSTILE} == set(MESSAGES)


#: Broken only after the start: detection, which reads only the start, rightly succeeds.
BROKEN_LATER = {"truncated.xml"}


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.name)
@pytest.mark.parametrize("operation", ["detect", "parse", "validate"])
def test_library_refuses_quickly_and_clearly(path: Path, operation: str) -> None:
    if operation == "detect" and path.name in BROKEN_LATER:
        assert st96kit.detect(path).document_type == "TrademarkApplication"
        return
    started = time.perf_counter()
    if operation == "validate":
        result = st96kit.validate(path)
        assert result.status == "unreadable"
        text = str(result.errors[0])
        if result.errors[0].line is not None:
            text += f" line {result.errors[0].line}"
    else:
        with pytest.raises(InputError) as info:
            getattr(st96kit, operation)(path)
        text = str(info.value)
        assert str(path) in text
    assert time.perf_counter() - started < 1.0
    assert MESSAGES[path.name].lower() in text.lower()
    assert "root:x:0:0" not in text


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.name)
@pytest.mark.parametrize("command", ["validate", "info", "format"])
def test_cli_exit_code_two_without_traceback(
    path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([command, str(path)])
    out, err = capsys.readouterr()
    assert code == (0 if command == "info" and path.name in BROKEN_LATER else 2)
    assert "Traceback" not in out + err
    assert "root:x:0:0" not in out + err


def test_a_two_gigabyte_file_is_refused_at_once(tmp_path: Path) -> None:
    huge = tmp_path / "huge.xml"
    with huge.open("wb") as handle:
        handle.write(b"<?xml version='1.0'?><a>")
        handle.truncate(2 * 1024**3)  # sparse: no disk space used
    started = time.perf_counter()
    with pytest.raises(InputError, match="limit"):
        st96kit.parse(huge)
    assert st96kit.validate(huge).status == "unreadable"
    assert time.perf_counter() - started < 1.0


def test_entities_are_never_expanded_while_streaming() -> None:
    with pytest.raises(InputError, match="DOCTYPE"):
        list(st96kit.stream(CORPUS / "hostile" / "xxe_local_file.xml"))

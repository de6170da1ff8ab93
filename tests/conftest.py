"""Test set-up: the shared ST.96 data beside the repository, found the way users find theirs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "st96"
SCHEMAS_V6_0 = SHARED / "schemas" / "V6_0"
EXAMPLES_V6_0 = SHARED / "examples" / "V6_0"
EXAMPLES_V9_0 = SHARED / "examples" / "V9_0-package"
SAMPLES = SHARED / "samples"
LEGACY = SHARED / "legacy"
CORPUS = Path(__file__).resolve().parent / "corpus"

if not SCHEMAS_V6_0.is_dir():  # pragma: no cover - a broken checkout, not a test outcome
    raise RuntimeError(f"the ST.96 reference data is missing: {SHARED} (see the README)")

# The same lookup a user relies on: the environment variable, never a hard-coded path in code.
os.environ.setdefault("ST96KIT_SCHEMAS", str(SCHEMAS_V6_0))


@pytest.fixture(autouse=True)
def _isolated_config(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test gets an empty user registry."""
    monkeypatch.setenv("ST96KIT_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))


def v6_examples() -> list[Path]:
    return sorted(EXAMPLES_V6_0.glob("*.xml"))


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the ``st96kit`` command in process; its exit code, stdout and stderr.

    No command may ever end in a traceback, whatever it is given.
    """
    from st96kit.cli.main import main

    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err

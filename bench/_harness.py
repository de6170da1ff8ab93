"""Shared helpers of the benchmark scripts: paths, child processes, timing and tables.

The reference data (schemas, examples, samples) is read from ``../shared/st96`` next to the
repository; ``ST96KIT_SCHEMAS`` is pointed at the V6_0 package when it is not set.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "st96"
SCHEMAS = SHARED / "schemas" / "V6_0"
EXAMPLES = SHARED / "examples" / "V6_0"
PYTHON = sys.executable
BIN = Path(PYTHON).parent


def setup_environment() -> None:
    """Point st96kit at the V6_0 package (unless already set) and check the data is there."""
    os.environ.setdefault("ST96KIT_SCHEMAS", str(SCHEMAS))
    if not SCHEMAS.is_dir() or not EXAMPLES.is_dir():
        raise SystemExit(f"the ST.96 reference data is missing: expected {SHARED}")


def child_environment(**extra: str) -> dict[str, str]:
    """The environment of a child process: this one, with the venv's bin first on PATH."""
    env = dict(os.environ)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env.setdefault("ST96KIT_SCHEMAS", str(SCHEMAS))
    env.update(extra)
    return env


@dataclass
class Child:
    """One finished child process: its output and what it used."""

    returncode: int
    stdout: str
    stderr: str
    wall: float
    cpu: float
    max_rss_mb: float


def run_child(
    command: Sequence[str], *, cwd: Path | None = None, env: dict[str, str] | None = None
) -> Child:
    """Run a command to the end; wall time, CPU time (with its own children) and peak RSS.

    The figures come from ``wait4`` on this one child, so other processes on the machine and
    earlier children do not mix in.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(command), stdout=out, stderr=err, stdin=subprocess.DEVNULL,
            cwd=cwd, env=env if env is not None else child_environment(),
        )
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Child(
            returncode=proc.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
            wall=wall,
            cpu=usage.ru_utime + usage.ru_stime,
            max_rss_mb=usage.ru_maxrss / 1024,
        )


def python_child(code: str, *args: str, cwd: Path | None = None,
                 env: dict[str, str] | None = None, check: bool = True) -> Child:
    """Run ``python -c code args...`` in a fresh interpreter of this venv."""
    child = run_child([PYTHON, "-c", code, *args], cwd=cwd, env=env)
    if check and child.returncode != 0:
        raise RuntimeError(f"child failed ({child.returncode}):\n{child.stderr[-3000:]}")
    return child


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


def interleaved(
    variants: Mapping[str, Callable[[], float]], rounds: int
) -> dict[str, list[float]]:
    """Call every variant once per round, in turn, ``rounds`` times; each returns a figure."""
    results: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(rounds):
        for name, measure in variants.items():
            results[name].append(measure())
    return results


def time_loop(function: Callable[[], Any], count: int) -> float:
    """Seconds per call of ``function`` over ``count`` calls."""
    start = time.perf_counter()
    for _ in range(count):
        function()
    return (time.perf_counter() - start) / count


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f}"


def ratio(value: float, base: float) -> str:
    return f"{value / base:.2f}x" if base > 0 else "n/a"


def table(title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Print an aligned table: the first column left-aligned, the others right-aligned."""
    cells = [[str(c) for c in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        parts = [row[0].ljust(widths[0])]
        parts += [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        return "  ".join(parts).rstrip()

    print()
    print(title)
    print(line(cells[0]))
    print("  ".join("-" * w for w in widths))
    for row in cells[1:]:
        print(line(row))


def describe_machine() -> str:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (f"Python {platform.python_version()} on {platform.machine()}, "
            f"{os.cpu_count()} CPUs, load average {load}")

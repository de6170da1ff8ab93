"""Validation throughput: st96kit next to plain lxml and xmlschema, on the same files.

    .venv/bin/python bench/validation.py [--quick] [--rounds N]

- schema set-up per document type: st96kit's first call (light schema compiled from the
  package) next to compiling the document schema file with lxml and with xmlschema;
- one file: time per validation of each V6_0 example, in process, schemas compiled once;
- a batch of copies of the four examples (a quarter of them made invalid by an impossible
  date): time per file in process, st96kit (listing every error, and libxml2's errors only)
  next to plain lxml (``etree.parse`` + ``XMLSchema.validate``) and xmlschema (``is_valid``);
- the command line on the batch (``st96kit validate --format json``: one process, ``--jobs 2``
  and ``--first-error``) next to a plain-lxml script doing the same in one process;
- cold start: a fresh ``st96kit validate`` of the TrademarkApplication example, light schema
  (default) next to ``--full-schema``, with both verdicts shown.

Measures are interleaved round by round; the median of the rounds is shown. ``--quick``: fewer
rounds and calls, one command-line round, no xmlschema pass over the batch.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from _harness import (
    BIN,
    EXAMPLES,
    PYTHON,
    SCHEMAS,
    describe_machine,
    interleaved,
    median,
    ms,
    ratio,
    run_child,
    setup_environment,
    table,
    time_loop,
)
from lxml import etree

COPIES_PER_EXAMPLE = 52  # 4 examples x 52 = 208 files
INVALID_EVERY = 4  # every 4th copy is invalid
DATE = re.compile(rb">(\d{4}-\d\d-\d\d)<")
BAD_DATE = b">2016-13-45<"

PLAIN_LXML_SCRIPT = '''"""Validate the .xml files below a folder with lxml; JSON on stdout."""
import json
import sys
from pathlib import Path

from lxml import etree

schemas, folder = Path(sys.argv[1]), Path(sys.argv[2])
compiled = {}
results = []
for path in sorted(folder.rglob("*.xml")):
    tree = etree.parse(str(path))
    name = etree.QName(tree.getroot()).localname
    schema = compiled.get(name)
    if schema is None:
        schema = etree.XMLSchema(etree.parse(str(schemas / f"{name}_V6_0.xsd")))
        compiled[name] = schema
    valid = schema.validate(tree)
    errors = [{"line": e.line, "column": e.column, "path": e.path, "message": e.message}
              for e in schema.error_log]
    results.append({"file": str(path), "valid": valid, "errors": errors})
json.dump(results, sys.stdout, indent=2)
sys.exit(0 if all(r["valid"] for r in results) else 1)
'''


@dataclass
class BatchFile:
    path: Path
    document_type: str
    valid: bool


def invalid_variant(data: bytes) -> bytes:
    """The document with its first date made impossible (month 13)."""
    match = DATE.search(data)
    if match is None:
        raise ValueError("no date element to break")
    return data[: match.start()] + BAD_DATE + data[match.end():]


def make_batch(folder: Path) -> list[BatchFile]:
    batch: list[BatchFile] = []
    for example in sorted(EXAMPLES.glob("*.xml")):
        data = example.read_bytes()
        bad = invalid_variant(data)
        doc_type = etree.QName(etree.fromstring(data)).localname
        for i in range(COPIES_PER_EXAMPLE):
            valid = i % INVALID_EVERY != INVALID_EVERY - 1
            path = folder / f"{example.stem}_{i:03d}{'' if valid else '_invalid'}.xml"
            path.write_bytes(data if valid else bad)
            batch.append(BatchFile(path, doc_type, valid))
    return batch


class Validators:
    """The three ways to validate, each with its schemas compiled once per document type."""

    def __init__(self) -> None:
        import st96kit

        self.st96kit = st96kit
        self.lxml: dict[str, etree.XMLSchema] = {}
        self.xmlschema: dict[str, Any] = {}
        self.setup: dict[str, dict[str, float]] = {}

    def prepare(self, doc_type: str, valid_file: Path, invalid_file: Path) -> None:
        import xmlschema

        times: dict[str, float] = {}
        start = time.perf_counter()
        self.st96kit.validate(valid_file)
        times["st96kit first valid"] = time.perf_counter() - start
        start = time.perf_counter()
        self.st96kit.validate(invalid_file)
        times["st96kit first invalid"] = time.perf_counter() - start
        schema_file = SCHEMAS / f"{doc_type}_V6_0.xsd"
        start = time.perf_counter()
        self.lxml[doc_type] = etree.XMLSchema(etree.parse(str(schema_file)))
        times["lxml compile"] = time.perf_counter() - start
        start = time.perf_counter()
        self.xmlschema[doc_type] = xmlschema.XMLSchema(str(schema_file))
        times["xmlschema compile"] = time.perf_counter() - start
        self.setup[doc_type] = times

    def with_st96kit(self, item: BatchFile, all_errors: bool = True) -> bool:
        return bool(self.st96kit.validate(item.path, all_errors=all_errors))

    def with_lxml(self, item: BatchFile) -> bool:
        tree = etree.parse(str(item.path))
        return bool(self.lxml[item.document_type].validate(tree))

    def with_xmlschema(self, item: BatchFile) -> bool:
        return bool(self.xmlschema[item.document_type].is_valid(str(item.path)))


def per_file(check: Callable[[BatchFile], bool], files: list[BatchFile]) -> float:
    start = time.perf_counter()
    for item in files:
        check(item)
    return (time.perf_counter() - start) / len(files)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds and repetitions")
    parser.add_argument("--rounds", type=int, default=None,
                        help="rounds of each interleaved measure (default 5, quick 3; "
                        "command-line runs: at most 3, quick 1)")
    args = parser.parse_args()
    rounds = args.rounds or (3 if args.quick else 5)
    repeats = 10 if args.quick else 30
    setup_environment()
    print(f"validation benchmark; {describe_machine()}")

    with tempfile.TemporaryDirectory(prefix="st96kit-bench-validate-") as tmp:
        work = Path(tmp)
        folder = work / "batch"
        folder.mkdir()
        batch = make_batch(folder)
        validators = Validators()
        print(f"compiling schemas of {len({b.document_type for b in batch})} document types "
              "with st96kit, lxml and xmlschema ...", flush=True)
        for doc_type in sorted({b.document_type for b in batch}):
            valid = next(b for b in batch if b.document_type == doc_type and b.valid)
            invalid = next(b for b in batch if b.document_type == doc_type and not b.valid)
            validators.prepare(doc_type, valid.path, invalid.path)
        report_setup(validators)
        check_verdicts(validators, batch)
        report_single(validators, batch, rounds, repeats)
        report_batch(validators, batch, rounds, args.quick)
        report_cli(work, folder, batch, 1 if args.quick else min(rounds, 3))
        report_cold_start(work, batch, rounds)
    return 0


def report_setup(validators: Validators) -> None:
    rows = []
    for doc_type, times in validators.setup.items():
        rows.append([doc_type, *(f"{times[k]:.2f}" for k in (
            "st96kit first valid", "st96kit first invalid", "lxml compile", "xmlschema compile"))])
    table(
        "schema set-up per document type, seconds (st96kit: first validate call, which compiles "
        "the light or full schema; first invalid file: also builds the xmlschema schema that "
        "lists every error)",
        ["document type", "st96kit 1st valid", "st96kit 1st invalid", "lxml compile",
         "xmlschema compile"],
        rows,
    )


def check_verdicts(validators: Validators, batch: list[BatchFile]) -> None:
    disagree: list[tuple[str, tuple[object, ...]]] = []
    for item in batch:
        verdicts = (item.valid, validators.with_st96kit(item), validators.with_lxml(item))
        if len(set(verdicts)) != 1:
            disagree.append((item.path.name, verdicts))
    sample = {b.document_type: b for b in batch if not b.valid}
    for item in sample.values():
        if validators.with_xmlschema(item) != item.valid:
            disagree.append((item.path.name, ("xmlschema",)))
    invalid = sum(1 for b in batch if not b.valid)
    print(f"\nbatch: {len(batch)} files ({len(batch) - invalid} valid, {invalid} invalid); "
          f"verdicts of st96kit and lxml on every file, and of xmlschema on one invalid file "
          f"per type: {disagree if disagree else 'all as expected'}")


def report_single(validators: Validators, batch: list[BatchFile], rounds: int,
                  repeats: int) -> None:
    rows = []
    slow_repeats = max(2, repeats // 10)
    for doc_type in sorted({b.document_type for b in batch}):
        item = next(b for b in batch if b.document_type == doc_type and b.valid)
        results = interleaved({
            "st96kit": partial(time_loop, partial(validators.with_st96kit, item), repeats),
            "lxml": partial(time_loop, partial(validators.with_lxml, item), repeats),
            "xmlschema": partial(time_loop, partial(validators.with_xmlschema, item),
                                 slow_repeats),
        }, rounds)
        base = median(results["lxml"])
        size = item.path.stat().st_size // 1024
        rows.append([f"{doc_type} ({size} KB)",
                     ms(median(results["st96kit"])), ms(base), ms(median(results["xmlschema"])),
                     ratio(median(results["st96kit"]), base),
                     ratio(median(results["xmlschema"]), base)])
    table(
        f"one file, ms per validation (valid example; median of {rounds} rounds of {repeats} "
        f"calls, xmlschema {slow_repeats})",
        ["document", "st96kit", "plain lxml", "xmlschema", "st96kit/lxml", "xmlschema/lxml"],
        rows,
    )


def report_batch(validators: Validators, batch: list[BatchFile], rounds: int,
                 quick: bool) -> None:
    valid_only = [b for b in batch if b.valid]
    results = interleaved({
        "st96kit, all errors (default)": lambda: per_file(validators.with_st96kit, batch),
        "st96kit, first errors": lambda: per_file(
            lambda b: validators.with_st96kit(b, all_errors=False), batch),
        "plain lxml": lambda: per_file(validators.with_lxml, batch),
        "st96kit, valid files only": lambda: per_file(validators.with_st96kit, valid_only),
        "plain lxml, valid files only": lambda: per_file(validators.with_lxml, valid_only),
    }, rounds)
    xmlschema_rounds = 1
    if not quick:
        results["xmlschema"] = [per_file(validators.with_xmlschema, batch)]
    lxml_all = median(results["plain lxml"])
    lxml_valid = median(results["plain lxml, valid files only"])
    rows = []
    for label, values in results.items():
        base = lxml_valid if "valid files only" in label else lxml_all
        count = len(valid_only) if "valid files only" in label else len(batch)
        value = median(values)
        rows.append([label, count, ms(value), f"{1 / value:.0f}", ratio(value, base)])
    note = "" if quick else f"; xmlschema: {xmlschema_rounds} round"
    table(
        f"batch, in process, ms per file (median of {rounds} interleaved rounds{note}); "
        "ratio to plain lxml on the same files",
        ["validator", "files", "ms/file", "files/s", "vs plain lxml"],
        rows,
    )


def _summary(report: str) -> tuple[int, int, int]:
    """(valid, invalid, errors) from a JSON report."""
    data = json.loads(report)
    valid = sum(1 for r in data if r["valid"] is True)
    invalid = sum(1 for r in data if r["valid"] is False)
    return valid, invalid, sum(len(r["errors"]) for r in data)


def report_cli(work: Path, folder: Path, batch: list[BatchFile], rounds: int) -> None:
    script = work / "plain_lxml_validate.py"
    script.write_text(PLAIN_LXML_SCRIPT, encoding="utf-8")
    cli = str(BIN / "st96kit")
    commands = {
        "st96kit validate --format json": [cli, "validate", "--format", "json", str(folder)],
        "st96kit validate --format json --jobs 2": [
            cli, "validate", "--format", "json", "--jobs", "2", str(folder)],
        "st96kit validate --format json --first-error": [
            cli, "validate", "--format", "json", "--first-error", str(folder)],
        "plain lxml script, one process": [PYTHON, str(script), str(SCHEMAS), str(folder)],
    }
    seen: dict[str, tuple[int, int, int, int]] = {}
    cpu: dict[str, list[float]] = {name: [] for name in commands}

    def run(name: str) -> float:
        child = run_child(commands[name])
        if child.returncode not in (0, 1):
            raise RuntimeError(f"{name} failed:\n{child.stderr[-2000:]}")
        seen[name] = (child.returncode, *_summary(child.stdout))
        cpu[name].append(child.cpu)
        return child.wall

    print(f"\nrunning the command line on the batch ({rounds} round(s)) ...", flush=True)
    results = interleaved({name: partial(run, name) for name in commands}, rounds)
    base = median(results["plain lxml script, one process"])
    rows = []
    for name, walls in results.items():
        code, valid, invalid, errors = seen[name]
        rows.append([name, f"{median(walls):.2f}", f"{median(cpu[name]):.2f}",
                     ms(median(walls) / len(batch)), ratio(median(walls), base),
                     code, valid, invalid, errors])
    table(
        f"command line on the batch of {len(batch)} files, fresh process each (wall and CPU "
        f"seconds, median of {rounds}; schema compilation included)",
        ["command", "wall s", "CPU s", "ms/file", "wall vs plain", "exit", "valid", "invalid",
         "errors"],
        rows,
    )


def report_cold_start(work: Path, batch: list[BatchFile], rounds: int) -> None:
    cli = str(BIN / "st96kit")
    valid = next(b for b in batch if b.document_type == "TrademarkApplication" and b.valid)
    invalid = next(b for b in batch if b.document_type == "TrademarkApplication" and not b.valid)
    verdicts: dict[str, str] = {}

    def run(path: Path, full: bool) -> float:
        command = [cli, "validate", "--format", "json", str(path)]
        if full:
            command.insert(2, "--full-schema")
        child = run_child(command)
        result = json.loads(child.stdout)[0]
        errors = "; ".join(e["message"] for e in result["errors"])
        verdicts[f"{path.name}, {'full' if full else 'light'}"] = (
            f"exit {child.returncode}, {result['status']}" + (f": {errors}" if errors else ""))
        return child.wall

    run(valid.path, False)  # bytecode caches written
    results = interleaved({
        "light schema (default)": lambda: run(valid.path, False),
        "--full-schema": lambda: run(valid.path, True),
    }, rounds)
    run(invalid.path, False)
    run(invalid.path, True)
    base = median(results["light schema (default)"])
    table(
        f"cold start: st96kit validate --format json {valid.path.name} in a fresh process "
        f"(TrademarkApplication example, no MathML; wall seconds, median of {rounds})",
        ["schema", "wall s", "vs light"],
        [[name, f"{median(v):.2f}", ratio(median(v), base)] for name, v in results.items()],
    )
    print("    verdicts:")
    for name, verdict in verdicts.items():
        print(f"      {name}: {verdict}")
    same = (verdicts[f"{valid.path.name}, light"] == verdicts[f"{valid.path.name}, full"]
            and verdicts[f"{invalid.path.name}, light"] == verdicts[f"{invalid.path.name}, full"])
    print(f"    light and full verdicts identical: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    raise SystemExit(main())

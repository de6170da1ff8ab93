"""Every example of the guide runs, as the guide's build runs it.

The guide (``guide/*.md``) marks its executed examples the way markdown-exec reads them:
fenced blocks ```` ```python exec="on" ... ```` and ```` ```console exec="on" ... ````.
This test extracts those blocks and runs them page by page, from the repository root like
``mkdocs build``: Python blocks in order, sharing globals within a ``session`` of a page,
console blocks through ``sh`` (only their ``$ `` lines) with the exit code the block expects.
The existing pytest plugins for Markdown (pytest-examples, pytest-markdown-docs) know neither
markdown-exec's sessions nor its console blocks, hence this small extractor.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "guide"
HOOKS = ROOT / "docs_hooks"

_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<lang>[\w-]+)(?P<options>[^\n]*)\n"
    r"(?P<body>.*?)\n(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
_OPTION = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Example:
    page: str
    line: int
    language: str
    code: str
    options: dict[str, str]

    @property
    def executed(self) -> bool:
        return self.options.get("exec") in ("on", "1", "true", "yes")

    def __str__(self) -> str:
        return f"{self.page}:{self.line} ({self.language})"


def examples(text: str, page: str) -> list[Example]:
    """The fenced blocks of a page that markdown-exec executes, in order."""
    found = []
    for match in _FENCE.finditer(text):
        indent = match.group("indent")
        body = "\n".join(
            line[len(indent):] if line.startswith(indent) else line
            for line in match.group("body").split("\n")
        )
        example = Example(
            page=page,
            line=text.count("\n", 0, match.start()) + 1,
            language=match.group("lang"),
            code=body,
            options=dict(_OPTION.findall(match.group("options"))),
        )
        if example.executed:
            found.append(example)
    return found


def console_commands(code: str) -> str:
    """The commands of a console block: its ``$ `` lines, as markdown-exec runs them."""
    return "\n".join(line[2:] for line in code.split("\n") if line[:2] in ("$ ", "% "))


def run_example(example: Example, sessions: dict[str, dict[str, object]]) -> str:
    """Run one example; return its output or raise AssertionError with the reason."""
    if example.language == "python":
        session = example.options.get("session")
        namespace = sessions.setdefault(session, {}) if session else {}
        namespace.setdefault("__name__", f"guide_{Path(example.page).stem}")
        buffer = io.StringIO()
        try:
            with contextlib.redirect_stdout(buffer):
                exec(compile(example.code, str(example), "exec"), namespace)
        except Exception:
            raise AssertionError(f"{example} failed:\n{traceback.format_exc()}") from None
        return buffer.getvalue()
    if example.language in ("console", "sh", "bash"):
        code = console_commands(example.code) if example.language == "console" else example.code
        done = subprocess.run(
            ["sh", "-c", code], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            check=False,
        )
        expected = int(example.options.get("returncode", "0"))
        assert done.returncode == expected, (
            f"{example} exited with {done.returncode}, expected {expected}:\n{done.stdout}"
        )
        return done.stdout
    raise AssertionError(f"{example}: no runner for {example.language!r} blocks")


def pages() -> list[Path]:
    return sorted(GUIDE.glob("*.md"))


@pytest.fixture(scope="module")
def guide_environment() -> Iterator[None]:
    """The environment the build gives the examples (docs_hooks/guide_hooks.py)."""
    here = Path.cwd()
    saved = {k: os.environ.get(k) for k in ("PATH", "ST96KIT_SCHEMAS")}
    sys.path.insert(0, str(HOOKS))
    try:
        import guide_hooks

        guide_hooks.prepare_environment(ROOT)  # changes into ROOT
        if (GUIDE / guide_hooks.EXTENSION_PAGE).is_file():
            guide_hooks.ensure_extension_models()
    finally:
        sys.path.remove(str(HOOKS))
        os.chdir(here)
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def test_the_extractor_reads_markdown_exec_blocks() -> None:
    text = (
        "Intro\n\n"
        '```python exec="on" source="above" session="s"\nx = 1\n```\n\n'
        "```python\nnot run\n```\n\n"
        '=== "Tab"\n\n    ```console exec="on" source="console" returncode="1"\n'
        "    $ false\n    ```\n"
    )
    found = examples(text, "page.md")
    assert [(e.language, e.line, e.code) for e in found] == [
        ("python", 3, "x = 1"),
        ("console", 13, "$ false"),
    ]
    assert found[0].options["session"] == "s"
    assert found[1].options["returncode"] == "1"
    assert console_commands("$ echo a\nout\n$ echo b") == "echo a\necho b"


def test_a_failing_example_is_reported() -> None:
    bad = Example("page.md", 3, "python", "raise ValueError('broken')", {"exec": "on"})
    with pytest.raises(AssertionError, match="broken"):
        run_example(bad, {})
    exit_code = Example("page.md", 9, "console", "$ exit 3", {"exec": "on"})
    with pytest.raises(AssertionError, match="exited with 3"):
        run_example(exit_code, {})


def test_the_guide_has_executed_examples() -> None:
    counted = {p.name: len(examples(p.read_text(encoding="utf-8"), p.name)) for p in pages()}
    assert sum(counted.values()) >= 20, counted


@pytest.mark.parametrize("page", pages(), ids=lambda p: p.name)
def test_page_examples_run(page: Path, guide_environment: None,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "path", list(sys.path))
    sessions: dict[str, dict[str, object]] = {}
    for example in examples(page.read_text(encoding="utf-8"), page.name):
        run_example(example, sessions)

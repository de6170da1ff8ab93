"""MkDocs hooks of the st96kit guide (``hooks:`` in mkdocs.yml).

- Examples run from the repository root, with the ``st96kit`` command of the Python that runs
  MkDocs on ``PATH``, so their relative paths (``../shared/st96/...``) and commands work as
  printed.
- The office-extension chapter uses classes generated from ``xsd/examples``; generating them
  takes about half a minute, so they are generated once into ``build/xx_models`` and reused
  until the extension schema or st96kit's code generator changes.
- The component reference is generated from the installed schema package (found with
  :func:`st96kit.schemas.find_package`) into pages that exist only in the built site.
- An example that fails is reported by markdown-exec as a warning, which fails
  ``mkdocs build --strict``; the hook also counts the failures and fails every build, strict or
  not, that had one.

Set ``extra: {st96_reference: false}`` in a configuration to leave the reference out.
"""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

sys.path.insert(0, str(Path(__file__).resolve().parent))
import guide_reference as reference  # a sibling of this file

sys.path.pop(0)

log = logging.getLogger("mkdocs.hooks.st96kit_guide")

#: Where the guide looks for the schema package when none is configured (as scripts/demo.sh).
DEFAULT_SCHEMAS = Path("../shared/st96/schemas/V6_0")
EXTENSION_XSD = Path("xsd/examples/XX_Trademark_V1_0.xsd")
EXTENSION_OUTPUT = Path("build/xx_models")
EXTENSION_PAGE = "extensions.md"

_state: dict[str, Any] = {}
_command: dict[str, str] = {"name": "build"}


class _FailureCounter(logging.Handler):
    """Counts the warnings markdown-exec logs for examples that fail."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.failures: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if "code block" in message and "exited with" in message:
            self.failures.append(message.splitlines()[0])


_counter = _FailureCounter()
logging.getLogger("mkdocs.plugins.markdown_exec").addHandler(_counter)


def prepare_environment(root: Path) -> None:
    """Make the examples run as a reader runs them: from ``root``, with ``st96kit`` on PATH."""
    os.chdir(root)
    scripts = str(Path(sys.executable).parent)
    path = os.environ.get("PATH", "")
    if scripts not in path.split(os.pathsep):
        os.environ["PATH"] = scripts + os.pathsep + path
    from st96kit.errors import SchemaPackageError
    from st96kit.schemas import find_package

    try:
        find_package()
    except SchemaPackageError:
        if not DEFAULT_SCHEMAS.is_dir():
            raise
        os.environ["ST96KIT_SCHEMAS"] = str(DEFAULT_SCHEMAS)


def _extension_stamp() -> str:
    import st96kit

    digest = hashlib.sha256(EXTENSION_XSD.read_bytes())
    for source in sorted((Path(st96kit.__file__).parent / "codegen").glob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()


def ensure_extension_models() -> Path:
    """Generate the example extension's classes into ``build/xx_models`` unless up to date.

    Runs the very command the extension chapter shows. Returns the folder to put on
    ``sys.path`` (``build``).
    """
    stamp_file = EXTENSION_OUTPUT.with_suffix(".stamp")
    stamp = _extension_stamp()
    current = stamp_file.read_text(encoding="utf-8") if stamp_file.is_file() else ""
    if current != stamp or not (EXTENSION_OUTPUT / "__init__.py").is_file():
        started = time.perf_counter()
        command = [
            str(Path(sys.executable).parent / "st96kit"), "generate",
            "--extension", str(EXTENSION_XSD), "--package", "xx_models",
            "--output", str(EXTENSION_OUTPUT),
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise PluginError(f"generating the example extension failed:\n{done.stderr}")
        stamp_file.write_text(stamp, encoding="utf-8")
        log.info("generated the example extension's classes in %.1f s",
                 time.perf_counter() - started)
    return EXTENSION_OUTPUT.parent


def on_startup(command: str, dirty: bool) -> None:
    _command["name"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _counter.failures.clear()
    root = Path(config.config_file_path).resolve().parent
    try:
        prepare_environment(root)
    except Exception as exc:
        raise PluginError(f"no ST.96 schema package for the guide's examples: {exc}") from exc
    _state.clear()
    if config.extra.get("st96_reference", True):
        from st96kit.schemas import find_package

        started = time.perf_counter()
        ref = reference.build_reference(find_package())
        _state["reference"] = ref
        _state["pages"] = reference.all_pages(ref)
        log.info("generated %d reference pages for %d components in %.1f s",
                 len(_state["pages"]), len(ref.components), time.perf_counter() - started)
        entries = reference.nav(ref)
        _state["nav_pages"] = set(reference.nav_pages(entries))
        if config.nav is not None:
            config.nav.append({"Reference": entries})
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if (Path(config.docs_dir) / EXTENSION_PAGE).is_file():
        ensure_extension_models()
    pages: dict[str, str] = _state.get("pages", {})
    listed: set[str] = _state.get("nav_pages", set())
    for src_uri, content in pages.items():
        inclusion = (InclusionLevel.INCLUDED if src_uri in listed
                     else InclusionLevel.NOT_IN_NAV)
        files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))
    return files


def on_post_build(config: MkDocsConfig) -> None:
    if not _counter.failures:
        return
    listed = "\n".join(f"  {f}" for f in _counter.failures)
    message = f"{len(_counter.failures)} example(s) of the guide failed:\n{listed}"
    if _command["name"] == "serve":  # keep serving; the page shows the traceback
        log.error(message)
        return
    raise PluginError(message)

"""Generate the typed model package of one ST.96 version with xsdata.

The pipeline: merge the package into one schema per namespace (:mod:`.merge`), run xsdata's
code generator on the merged schemas with the committed configuration (``xsdata.xml``), then
post-process the output (:mod:`.postprocess`): a "generated" header on every file, namespace
packages that import their classes lazily, and an index of the document types.

The output is deterministic: the same package gives byte-identical files.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from st96kit.codegen.compound import selective_compound_fields
from st96kit.codegen.merge import merge_package, write_merged
from st96kit.codegen.postprocess import finish_package
from st96kit.errors import CodegenError
from st96kit.schemas.package import SchemaPackage

CONFIG_FILE = Path(__file__).with_name("xsdata.xml")
MODELS_ROOT = Path(__file__).resolve().parent.parent / "models"


def model_package_name(version: str) -> str:
    """The import name of a version's models: ``V6_0`` -> ``st96kit.models.v6_0``."""
    return f"st96kit.models.{version.lower()}"


@dataclass
class GenerationResult:
    """What one generation produced."""

    version: str
    output: Path
    modules: int
    classes: int
    components: int
    seconds: float


@contextlib.contextmanager
def working_directory(path: Path) -> Iterator[None]:
    previous = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(previous)


def ruff_dir() -> str:
    """The folder of the ruff executable xsdata runs to format what it writes."""
    try:
        from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]
    except ImportError:
        found = shutil.which("ruff")
        if found is None:
            raise CodegenError(
                "code generation needs ruff", hint="pip install 'st96kit[codegen]'"
            ) from None
        return str(Path(found).parent)
    return str(Path(find_ruff_bin()).parent)


@contextlib.contextmanager
def ruff_on_path() -> Iterator[None]:
    """Put ruff, which xsdata runs on what it writes, first on PATH."""
    previous = os.environ.get("PATH", "")
    os.environ["PATH"] = f"{ruff_dir()}{os.pathsep}{previous}"
    try:
        yield
    finally:
        os.environ["PATH"] = previous


def xsdata_config(package: str, subpackages: dict[str, str] | None = None) -> Any:
    """The committed xsdata configuration, writing into ``package``.

    ``subpackages`` maps further namespace URIs to subpackage names (office extensions).
    """
    try:
        from xsdata.models.config import GeneratorConfig, GeneratorSubstitution, ObjectType
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise CodegenError(
            f"code generation needs xsdata's generator ({exc.name} is missing)",
            hint="pip install 'st96kit[codegen]'",
        ) from None
    config = GeneratorConfig.read(CONFIG_FILE)
    config.output.package = package
    config.substitutions.substitution[:0] = [
        GeneratorSubstitution(type=ObjectType.PACKAGE, search=re.escape(uri), replace=name)
        for uri, name in (subpackages or {}).items()
    ]
    return config


def run_xsdata(uris: list[str], config: Any, work_dir: Path) -> None:
    """Run xsdata's generator on ``uris`` with ``config``, writing below ``work_dir``.

    The configuration asks for relative imports, so a package can be generated under a plain
    top-level name and then moved to where it belongs. xsdata imports what it wrote to check
    it, from the working directory: that import is kept away from the rest of the process.
    """
    from xsdata.codegen.transformer import ResourceTransformer

    package = config.output.package
    saved_path = list(sys.path)
    saved_modules = set(sys.modules)
    with ruff_on_path(), working_directory(work_dir):
        try:
            with selective_compound_fields():
                ResourceTransformer(config=config).process(uris)
        except Exception as exc:  # xsdata raises assorted errors; report them as one kind
            raise CodegenError(f"xsdata failed: {exc}") from exc
        finally:
            sys.path[:] = saved_path
            for module in set(sys.modules) - saved_modules:
                if module == package or module.startswith(f"{package}."):
                    del sys.modules[module]


def install_package(produced: Path, target: Path) -> None:
    """Replace the folder ``target`` by a copy of ``produced`` in one step."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    shutil.rmtree(staging)
    shutil.copytree(produced, staging, ignore=shutil.ignore_patterns("__pycache__"))
    if target.exists():
        old = target.with_name(f".{target.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
        staging.rename(target)
        shutil.rmtree(old)
    else:
        staging.rename(target)


def generate_models(package: SchemaPackage, destination: Path | None = None) -> GenerationResult:
    """Generate ``st96kit.models.<version>`` from ``package`` into ``destination``.

    ``destination`` is the folder that receives the version's package (by default the
    installed ``st96kit/models/<version>``). It is replaced as a whole, only once generation
    has succeeded.
    """
    started = time.perf_counter()
    version = package.version
    name = model_package_name(version)
    target = destination if destination is not None else MODELS_ROOT / version.lower()
    merged = merge_package(package)
    components = sum(len(m.components) for m in merged.values())
    with tempfile.TemporaryDirectory(prefix="st96kit-gen-") as tmp:
        tmp_path = Path(tmp)
        schema_dir = tmp_path / "schemas"
        schema_dir.mkdir()
        for file_name, content in write_merged(merged).items():
            (schema_dir / file_name).write_bytes(content)
        work_dir = tmp_path / "out"
        work_dir.mkdir()
        local_name = version.lower()
        uris = sorted(p.resolve().as_uri() for p in schema_dir.glob("*.xsd"))
        run_xsdata(uris, xsdata_config(local_name), work_dir)
        produced = work_dir / local_name
        stats = finish_package(produced, package, name, merged)
        install_package(produced, target)
    return GenerationResult(
        version=version,
        output=target,
        modules=stats.modules,
        classes=stats.classes,
        components=components,
        seconds=time.perf_counter() - started,
    )

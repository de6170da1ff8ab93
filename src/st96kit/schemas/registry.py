"""The user-level list of schema packages (``st96kit schemas add PATH``).

Kept as a small JSON file in the user's configuration folder (``ST96KIT_CONFIG_DIR`` overrides
it, which tests and CI use). Writes are atomic.
"""

from __future__ import annotations

import json
import os
import tempfile
from functools import cache
from pathlib import Path

from st96kit.errors import SchemaPackageError

CONFIG_ENV = "ST96KIT_CONFIG_DIR"


def config_dir() -> Path:
    """The folder holding st96kit's user configuration."""
    return _config_dir(os.environ.get(CONFIG_ENV))


@cache
def _config_dir(override: str | None) -> Path:
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("st96kit"))


def registry_file() -> Path:
    return config_dir() / "schemas.json"


def registered_paths() -> list[Path]:
    """The package locations registered by the user, in the order they were added."""
    path = registry_file()
    if not path.exists():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data["packages"]
        return [Path(str(e)) for e in entries]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SchemaPackageError(
            f"the schema package registry is unreadable: {exc}",
            file=str(path),
            hint="remove the file and add the packages again with `st96kit schemas add`",
        ) from None


def _write(paths: list[Path]) -> None:
    target = registry_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps({"packages": [str(p) for p in paths]}, indent=2) + "\n"
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".schemas-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(payload)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def add(path: Path) -> bool:
    """Register a package location; False when it was registered already."""
    resolved = path.expanduser().resolve()
    paths = registered_paths()
    if resolved in paths:
        return False
    _write([*paths, resolved])
    return True


def remove(path: Path) -> bool:
    """Forget a package location; False when it was not registered."""
    resolved = path.expanduser().resolve()
    paths = registered_paths()
    kept = [p for p in paths if p != resolved and p != path]
    if len(kept) == len(paths):
        return False
    _write(kept)
    return True

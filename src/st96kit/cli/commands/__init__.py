"""One module per command; each exposes ``register(subparsers)``."""

from __future__ import annotations

from types import ModuleType

from st96kit.cli.commands import (
    convert,
    diff,
    format,
    generate,
    info,
    new,
    schemas,
    upgrade,
    validate,
)

COMMANDS: list[ModuleType] = [
    info, validate, format, convert, upgrade, diff, schemas, generate, new,
]

"""One module per command; each exposes ``register(subparsers)``."""

from __future__ import annotations

from types import ModuleType

from st96kit.cli.commands import format, generate, info, schemas, validate

COMMANDS: list[ModuleType] = [info, validate, format, schemas, generate]

"""Errors raised by st96kit.

Every error that a user can cause with bad input derives from :class:`St96Error`. The CLI turns
these into one clear line on stderr and exit code 2; library callers can catch them by class.
"""

from __future__ import annotations


class St96Error(Exception):
    """Base class of the errors st96kit raises for bad input or configuration."""

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.hint = hint

    def location(self) -> str:
        """``file:line:column`` as far as known, or an empty string."""
        parts = [p for p in (self.file, self.line, self.column) if p is not None]
        return ":".join(str(p) for p in parts)

    def __str__(self) -> str:
        text = self.message
        where = self.location()
        if where:
            text = f"{where}: {text}"
        if self.hint:
            text = f"{text} ({self.hint})"
        return text


class SchemaPackageError(St96Error):
    """A schema package is missing, incomplete, corrupt or of an unknown version."""


class NoSchemaPackageError(SchemaPackageError):
    """No schema package is installed for the ST.96 version a document needs."""


class InputError(St96Error):
    """A document cannot be read: not XML, hostile, empty, wrongly encoded, too large."""


class UnknownDocumentError(St96Error):
    """A document's root element is not a known ST.96 document type."""


class ModelError(St96Error):
    """A document cannot be turned into objects of the generated classes."""


class CodegenError(St96Error):
    """Generating model classes from a schema failed."""


class BuildError(St96Error, ValueError):
    """A value given to a builder breaks a rule of ST.96 (the message names field and rule)."""

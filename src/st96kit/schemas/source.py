"""Where the files of a schema package come from: a folder or a zip archive.

A source answers two questions only: which ``.xsd`` files does the package hold, and what are
the bytes of one of them. Everything that reads schemas goes through a source, so that a package
kept as the official zip works exactly like an unpacked folder, and so that no schema is ever
fetched from anywhere else.
"""

from __future__ import annotations

import zipfile
from abc import ABC, abstractmethod
from pathlib import Path, PurePosixPath

from st96kit.errors import SchemaPackageError


class PackageSource(ABC):
    """The files of one schema package."""

    def __init__(self, location: Path) -> None:
        self.location = location

    @abstractmethod
    def names(self) -> list[str]:
        """Base names of the ``.xsd`` files, sorted."""

    @abstractmethod
    def read(self, name: str) -> bytes:
        """The bytes of one file, by base name."""

    def has(self, name: str) -> bool:
        return name in self.names()

    def describe(self, name: str) -> str:
        """A human-readable location of one file, for messages."""
        return f"{self.location}/{name}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self.location)!r})"


class FolderSource(PackageSource):
    """A package unpacked into a folder (``.xsd`` files directly inside it)."""

    def __init__(self, location: Path) -> None:
        super().__init__(location)
        self._names = sorted(p.name for p in location.glob("*.xsd") if p.is_file())

    def names(self) -> list[str]:
        return self._names

    def read(self, name: str) -> bytes:
        try:
            return (self.location / name).read_bytes()
        except OSError as exc:
            raise SchemaPackageError(
                f"cannot read schema file {name}: {exc.strerror}", file=str(self.location)
            ) from None


class ZipSource(PackageSource):
    """A package kept as a zip archive, such as the one WIPO publishes.

    The ``.xsd`` files may sit in any one folder inside the archive; the folder holding the
    most schema files is taken.
    """

    def __init__(self, location: Path) -> None:
        super().__init__(location)
        try:
            with zipfile.ZipFile(location) as archive:
                members = [
                    m
                    for m in archive.infolist()
                    if not m.is_dir() and m.filename.lower().endswith(".xsd")
                ]
        except (zipfile.BadZipFile, OSError) as exc:
            raise SchemaPackageError(
                f"not a readable zip archive: {exc}",
                file=str(location),
                hint="pass the folder or the official WIPO zip of an ST.96 schema package",
            ) from None
        folders: dict[str, dict[str, zipfile.ZipInfo]] = {}
        for member in members:
            path = PurePosixPath(member.filename)
            folders.setdefault(str(path.parent), {})[path.name] = member
        self._members: dict[str, zipfile.ZipInfo] = (
            max(folders.values(), key=len) if folders else {}
        )

    def names(self) -> list[str]:
        return sorted(self._members)

    def read(self, name: str) -> bytes:
        member = self._members.get(name)
        if member is None:
            raise SchemaPackageError(f"the archive has no file {name}", file=str(self.location))
        try:
            with zipfile.ZipFile(self.location) as archive:
                return archive.read(member)
        except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
            raise SchemaPackageError(
                f"cannot read {member.filename} from the archive: {exc}", file=str(self.location)
            ) from None

    def describe(self, name: str) -> str:
        member = self._members.get(name)
        return f"{self.location}!{member.filename if member else name}"


def open_source(location: str | Path) -> PackageSource:
    """Open a folder or a zip archive as a package source."""
    path = Path(location).expanduser()
    if path.is_dir():
        return FolderSource(path)
    if path.is_file():
        if zipfile.is_zipfile(path):
            return ZipSource(path)
        raise SchemaPackageError(
            "not a folder or a zip archive",
            file=str(path),
            hint="pass the folder or the official WIPO zip of an ST.96 schema package",
        )
    raise SchemaPackageError("no such file or folder", file=str(path))

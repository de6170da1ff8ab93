"""Turning the command line's PATH arguments (files, folders, globs) into a list of files."""

from __future__ import annotations

import glob
import os
from pathlib import Path

from st96kit.errors import St96Error

XML_SUFFIXES = (".xml", ".XML")


def expand(paths: list[str]) -> list[str]:
    """Files named, ``.xml`` files below folders (recursively), and glob matches, in order."""
    found: list[str] = []
    for item in paths:
        if any(ch in item for ch in "*?["):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise St96Error(f"no file matches {item!r}")
            found.extend(m for m in matches if os.path.isfile(m))
        elif os.path.isdir(item):
            files = sorted(
                str(p) for p in Path(item).rglob("*") if p.is_file() and p.suffix in XML_SUFFIXES
            )
            if not files:
                raise St96Error("no .xml files in the folder", file=item)
            found.extend(files)
        else:
            found.append(item)
    seen: set[str] = set()
    return [f for f in found if not (f in seen or seen.add(f))]  # type: ignore[func-returns-value]

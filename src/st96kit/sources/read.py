"""Safe reading of XML sources.

Every document st96kit reads goes through :func:`read_tree` (whole documents) or
:func:`open_stream` (the start of a file, bulk files). Both use one hardened libxml2 set-up:
no entity expansion, no DTD loading, no network, no huge-tree mode, and a size limit. A document
with a DOCTYPE declaration is refused: ST.96 documents have none, and it is how entity bombs and
external-entity attacks arrive.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Union

from lxml import etree

from st96kit.errors import InputError

#: Anything st96kit reads a document from: a path, XML bytes, or a binary file object.
Source = Union[str, "os.PathLike[str]", bytes, IO[bytes]]

#: Largest document read whole (parse, validate, format); bulk files are streamed instead.
DEFAULT_MAX_BYTES = 512 * 1024 * 1024

_POSITION_SUFFIX = re.compile(r",? line \d+, column \d+$")


def parser_options() -> dict[str, Any]:
    """The libxml2 options of every parser st96kit creates."""
    return {
        "resolve_entities": False,
        "no_network": True,
        "load_dtd": False,
        "dtd_validation": False,
        "huge_tree": False,
    }


def safe_parser(**extra: Any) -> etree.XMLParser:
    parser: etree.XMLParser = etree.XMLParser(**parser_options(), **extra)
    return parser


def source_name(source: Source) -> str:
    """A name for messages: the path, or ``<bytes>`` / ``<stream>``."""
    if isinstance(source, bytes):
        return "<bytes>"
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    return str(getattr(source, "name", "<stream>"))


def _size(source: Source, name: str) -> int | None:
    if isinstance(source, bytes):
        return len(source)
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        try:
            info = path.stat()
        except FileNotFoundError:
            raise InputError("no such file", file=name) from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", file=name) from None
        if path.is_dir():
            raise InputError("is a folder, not a file", file=name)
        return info.st_size
    return None


def _human(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} bytes"  # pragma: no cover


def check_size(source: Source, max_bytes: int | None) -> None:
    name = source_name(source)
    size = _size(source, name)
    if size == 0:
        raise InputError("the file is empty", file=name, hint="an ST.96 document is XML")
    if max_bytes is not None and size is not None and size > max_bytes:
        raise InputError(
            f"the file is {_human(size)}, over the {_human(max_bytes)} limit for reading a "
            "whole document",
            file=name,
            hint="stream bulk files with st96kit.stream(), or raise the limit (max_bytes=)",
        )


def syntax_error(exc: etree.XMLSyntaxError, name: str) -> InputError:
    """Turn libxml2's message into an :class:`InputError` with line and column."""
    message = _POSITION_SUFFIX.sub("", str(exc.msg or exc)).strip()
    line, column = exc.position if exc.position else (exc.lineno, None)
    hint = "the file is not well-formed XML"
    lowered = message.lower()
    if "document is empty" in lowered:
        message, hint = "the file is empty or not XML", "an ST.96 document is XML"
    elif "encoding" in lowered or "bytes" in lowered:
        hint = "check the encoding declaration against the file's real encoding"
    elif "'<' not found" in lowered:
        hint = "this does not look like XML at all"
    return InputError(message, file=name, line=line, column=column, hint=hint)


_PROLOG_DOCTYPE = re.compile(r"\A(?:\ufeff)?(?:\s+|<\?.*?\?>|<!--.*?-->)*<!DOCTYPE", re.DOTALL)
HEAD_BYTES = 64 * 1024
_ELEMENT_START = re.compile(rb"<[A-Za-z_]")


def _decode_head(head: bytes) -> str:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:4] in (b"<\x00?\x00", b"\x00<\x00?"):
        return head.decode("utf-16", errors="replace")
    return head.decode("latin-1")


def refuse_doctype_head(head: bytes, name: str) -> None:
    """Refuse a document whose prolog (read from its first bytes) declares a DOCTYPE.

    Checked before libxml2 sees the document, so that an entity bomb gets this message
    rather than an amplification error from deep inside the parser.
    """
    start = _ELEMENT_START.search(head)
    prolog = head[: start.start()] if start else head
    if b"DOCTYPE" not in prolog and b"D\x00O\x00C\x00T" not in prolog:
        return  # the common case, decided without decoding
    text = _decode_head(head)
    match = _PROLOG_DOCTYPE.match(text)
    if match:
        raise InputError(
            "the document has a DOCTYPE declaration, which st96kit refuses",
            file=name,
            line=text.count("\n", 0, match.end()) + 1,
            hint="ST.96 documents have no DTD; DTDs carry entity-expansion and external-entity "
            "attacks",
        )


def refuse_doctype(tree: etree._ElementTree, name: str) -> None:
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise InputError(
            "the document has a DOCTYPE declaration, which st96kit refuses",
            file=name,
            line=1,
            hint="ST.96 documents have no DTD; DTDs carry entity-expansion and external-entity "
            "attacks",
        )


def read_tree(source: Source, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> etree._ElementTree:
    """Parse a whole document safely; :class:`InputError` on anything that is not plain XML."""
    name = source_name(source)
    check_size(source, max_bytes)
    parser = safe_parser()
    base_url: str | None = None
    if isinstance(source, bytes):
        data = source
    elif isinstance(source, (str, os.PathLike)):
        base_url = os.fspath(source)
        try:
            with open(source, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", file=name) from None
    else:
        data = source.read()
    refuse_doctype_head(data[:HEAD_BYTES], name)
    try:
        tree = etree.fromstring(data, parser, base_url=base_url).getroottree()
    except etree.XMLSyntaxError as exc:
        raise syntax_error(exc, name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc}", file=name) from None
    refuse_doctype(tree, name)
    return tree


class _Prefixed(io.RawIOBase):
    """A binary stream that gives ``head`` first, then the rest of ``rest``."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


@contextmanager
def open_binary(source: Source) -> Iterator[IO[bytes]]:
    """The source as a binary file object (opened and closed here when it is a path).

    The start of the document is checked for a DOCTYPE before anything else reads it.
    """
    name = source_name(source)
    if isinstance(source, bytes):
        refuse_doctype_head(source[:HEAD_BYTES], name)
        yield io.BytesIO(source)
    elif isinstance(source, (str, os.PathLike)):
        _size(source, name)
        try:
            handle = open(source, "rb")  # noqa: SIM115
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", file=name) from None
        with handle:
            refuse_doctype_head(handle.read(HEAD_BYTES), name)
            handle.seek(0)
            yield handle
    else:
        head = source.read(HEAD_BYTES)
        refuse_doctype_head(head, name)
        yield io.BufferedReader(_Prefixed(head, source))

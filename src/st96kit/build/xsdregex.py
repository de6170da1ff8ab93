"""XML Schema regular expressions, in Python's dialect.

An XSD pattern matches a whole value and differs from Python's ``re`` in places: ``^`` and
``$`` are ordinary characters, ``.`` excludes carriage returns, ``\\s`` is only space, tab,
newline and carriage return, and ``\\i``, ``\\c`` and ``\\p{..}`` have no Python equivalent.
:func:`translate` gives a Python pattern for :func:`re.fullmatch` (or raises
:class:`UnsupportedPattern`), and :func:`example` the shortest value a pattern accepts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

_SINGLE_ESCAPES = {"n": "\n", "r": "\r", "t": "\t"}
_META = set("\\|.?*+(){}-[]^")
_NAME_START = "_:A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff"
_NAME_CHAR = _NAME_START + r"\-.0-9\u00b7\u0300-\u036f"
# Character classes as the inside of a Python [...] class: (full, ASCII-only for drawing).
_MULTI = {
    "s": (" \\t\\n\\r", " "),
    "d": ("\\d", "0-9"),
    "w": ("\\w", "A-Za-z0-9"),
    "i": (_NAME_START, "_A-Za-z"),
    "c": (_NAME_CHAR, "\\-.0-9A-Za-z"),
}
_CATEGORIES = {
    "L": ("^\\W\\d_", "A-Za-z"), "Lu": ("A-Z\u00c0-\u00de", "A-Z"),
    "Ll": ("a-z\u00df-\u00ff", "a-z"), "N": ("\\d", "0-9"), "Nd": ("\\d", "0-9"),
    "IsBasicLatin": ("\\x00-\\x7f", " -~"),
}
_CANDIDATES = "Aa0X1 -_.:/"


class UnsupportedPattern(ValueError):
    """A pattern uses a construct that has no Python translation here."""


@dataclass(frozen=True)
class _Node:
    """A parsed piece: a character class, a literal, or a group of alternatives."""

    python: str  # Python regex of the atom, full character repertoire
    ascii: str  # the same, restricted to printable ASCII where it is a class
    sample: str  # the shortest text it matches
    low: int = 1
    high: int | None = 1


class _Parser:
    def __init__(self, pattern: str) -> None:
        self.text = pattern
        self.pos = 0

    def fail(self, what: str) -> UnsupportedPattern:
        return UnsupportedPattern(f"{what} at position {self.pos} of {self.text!r}")

    def peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def take(self) -> str:
        char = self.peek()
        self.pos += 1
        return char

    def alternatives(self) -> tuple[str, str, str]:
        branches = [self.branch()]
        while self.peek() == "|":
            self.take()
            branches.append(self.branch())
        python = "|".join(b[0] for b in branches)
        ascii_ = "|".join(b[1] for b in branches)
        return python, ascii_, branches[0][2]

    def branch(self) -> tuple[str, str, str]:
        pieces: list[_Node] = []
        while self.peek() not in ("", "|", ")"):
            pieces.append(self.piece())
        python = "".join(_quantified(p.python, p) for p in pieces)
        ascii_ = "".join(_quantified(p.ascii, p) for p in pieces)
        return python, ascii_, "".join(p.sample * p.low for p in pieces)

    def piece(self) -> _Node:
        node = self.atom()
        char = self.peek()
        low: int = 1
        high: int | None = 1
        if char in ("?", "*", "+"):
            self.take()
            low, high = {"?": (0, 1), "*": (0, None), "+": (1, None)}[char]
        elif char == "{":
            self.take()
            end = self.text.index("}", self.pos)
            body = self.text[self.pos:end]
            self.pos = end + 1
            first, comma, last = body.partition(",")
            low = int(first)
            high = (int(last) if last else None) if comma else low
        return _Node(node.python, node.ascii, node.sample, low, high)

    def atom(self) -> _Node:
        char = self.take()
        if char == "(":
            python, ascii_, sample = self.alternatives()
            if self.take() != ")":
                raise self.fail("unclosed group")
            return _Node(f"(?:{python})", f"(?:{ascii_})", sample)
        if char == "[":
            full, limited, negated = self.char_class()
            return _class_node(full, limited, negated)
        if char == ".":
            return _class_node("\\n\\r", "\\n\\r", True, ascii_range=" -~")
        if char == "\\":
            return self.escape_atom()
        if char in ("?", "*", "+", "{", ")", "]"):
            raise self.fail(f"unexpected {char!r}")
        return _Node(re.escape(char), re.escape(char), char)

    def escape_atom(self) -> _Node:
        full, limited, negated = self.escape_class()
        if full is None:
            literal = limited
            return _Node(re.escape(literal), re.escape(literal), literal)
        return _class_node(full, limited, negated)

    def escape_class(self) -> tuple[str | None, str, bool]:
        """(class body, ASCII body, negated), or (None, literal, False) for a literal."""
        char = self.take()
        if char in _SINGLE_ESCAPES:
            return None, _SINGLE_ESCAPES[char], False
        if char in _META:
            return None, char, False
        if char.lower() in _MULTI:
            full, limited = _MULTI[char.lower()]
            return full, limited, char.isupper()
        if char in ("p", "P"):
            if self.take() != "{":
                raise self.fail("malformed \\p")
            end = self.text.index("}", self.pos)
            name = self.text[self.pos:end]
            self.pos = end + 1
            if name not in _CATEGORIES:
                raise self.fail(f"unsupported category \\p{{{name}}}")
            full, limited = _CATEGORIES[name]
            negated = char == "P"
            if full.startswith("^"):  # a category given as a negated class
                if negated:
                    raise self.fail(f"unsupported category \\P{{{name}}}")
                return full[1:], limited, True
            return full, limited, negated
        raise self.fail(f"unknown escape \\{char}")

    def char_class(self) -> tuple[str, str, bool]:
        negated = self.peek() == "^"
        if negated:
            self.take()
        full: list[str] = []
        limited: list[str] = []
        first = True
        while True:
            char = self.take()
            if char == "":
                raise self.fail("unclosed character class")
            if char == "]" and not first:
                break
            first = False
            if char == "-" and self.peek() == "[":
                raise self.fail("character class subtraction")
            if char == "[":
                raise self.fail("nested character class")
            if char == "\\":
                body, ascii_body, inner_negated = self.escape_class()
                if body is None:
                    full.append(re.escape(ascii_body))
                    limited.append(re.escape(ascii_body))
                    continue
                if inner_negated:
                    raise self.fail("negated escape inside a class")
                full.append(body)
                limited.append(ascii_body)
                continue
            if self.peek() == "-" and self.text[self.pos + 1:self.pos + 2] not in ("]", "["):
                self.take()
                end = self.take()
                if end == "\\":
                    end_body, end_literal, _ = self.escape_class()
                    if end_body is not None:
                        raise self.fail("a class escape cannot end a range")
                    end = end_literal
                item = f"{re.escape(char)}-{re.escape(end)}"
                full.append(item)
                limited.append(item)
                continue
            full.append(re.escape(char))
            limited.append(re.escape(char))
        return "".join(full), "".join(limited), negated


def _class_node(full: str, limited: str, negated: bool, ascii_range: str = "") -> _Node:
    hat = "^" if negated else ""
    python = f"[{hat}{full}]"
    ascii_ = f"(?:(?![{full}])[{ascii_range or ' -~'}])" if negated else f"[{limited}]"
    compiled = re.compile(python)
    for candidate in _CANDIDATES + "".join(chr(c) for c in range(32, 127)):
        if compiled.fullmatch(candidate):
            return _Node(python, ascii_, candidate)
    raise UnsupportedPattern(f"no printable character matches {python}")


def _quantified(text: str, node: _Node) -> str:
    if (node.low, node.high) == (1, 1):
        return text
    if (node.low, node.high) == (0, 1):
        return f"{text}?"
    if node.high is None:
        return f"{text}*" if node.low == 0 else f"{text}{{{node.low},}}"
    return f"{text}{{{node.low},{node.high}}}" if node.low != node.high else f"{text}{{{node.low}}}"


@dataclass(frozen=True)
class Translation:
    """An XSD pattern in Python's dialect."""

    python: str  # for re.fullmatch; the same repertoire as the XSD pattern
    ascii: str  # a sub-language in printable ASCII, for drawing values
    example: str  # the shortest value the pattern accepts (first alternatives first)


@cache
def translate(pattern: str) -> Translation:
    """Translate an XSD pattern; raises :class:`UnsupportedPattern`."""
    parser = _Parser(pattern)
    try:
        python, ascii_, sample = parser.alternatives()
    except (IndexError, ValueError) as exc:
        if isinstance(exc, UnsupportedPattern):
            raise
        raise parser.fail("malformed pattern") from None
    if parser.pos != len(pattern):
        raise parser.fail("unbalanced parenthesis")
    if not re.fullmatch(python, sample):
        raise UnsupportedPattern(f"no example found for {pattern!r}")
    return Translation(python, ascii_, sample)


def matches(pattern: str, value: str) -> bool | None:
    """Whether ``value`` matches the XSD ``pattern``; None when the pattern is unsupported."""
    try:
        return re.fullmatch(translate(pattern).python, value) is not None
    except UnsupportedPattern:
        return None


def example(pattern: str) -> str:
    """The shortest value the XSD ``pattern`` accepts."""
    return translate(pattern).example

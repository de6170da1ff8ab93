"""The XML namespaces of ST.96 and the prefixes st96kit writes for them."""

from __future__ import annotations

import re
from typing import Final

ST96_BASE: Final = "http://www.wipo.int/standards/XMLSchema/ST96/"

COMMON: Final = ST96_BASE + "Common"
PATENT: Final = ST96_BASE + "Patent"
TRADEMARK: Final = ST96_BASE + "Trademark"
DESIGN: Final = ST96_BASE + "Design"
GEOGRAPHICAL_INDICATION: Final = ST96_BASE + "GeographicalIndication"
COPYRIGHT: Final = ST96_BASE + "Copyright"
MATHML3: Final = "http://www.w3.org/1998/Math/MathML3"
MATHML: Final = "http://www.w3.org/1998/Math/MathML"
OASIS_TABLE: Final = "http://www.oasis-open.org/tables/exchange/1.0"
XSI: Final = "http://www.w3.org/2001/XMLSchema-instance"
XSD: Final = "http://www.w3.org/2001/XMLSchema"

#: The ST.96 "namespace-level" namespaces, by the short name used in schema file names.
ST96_NAMESPACES: Final[dict[str, str]] = {
    "Common": COMMON,
    "Patent": PATENT,
    "Trademark": TRADEMARK,
    "Design": DESIGN,
    "GeographicalIndication": GEOGRAPHICAL_INDICATION,
    "Copyright": COPYRIGHT,
}

#: Standard prefixes, used when st96kit writes a document.
PREFIXES: Final[dict[str, str]] = {
    COMMON: "com",
    PATENT: "pat",
    TRADEMARK: "tmk",
    DESIGN: "dgn",
    GEOGRAPHICAL_INDICATION: "gin",
    COPYRIGHT: "cpy",
    MATHML3: "m",
    MATHML: "m",
    OASIS_TABLE: "tbl",
    XSI: "xsi",
}

#: Namespaces that belong to the standard itself (anything else is an extension or foreign).
STANDARD_NAMESPACES: Final = frozenset({*ST96_NAMESPACES.values(), MATHML3, MATHML, OASIS_TABLE})


def is_st96(namespace: str | None) -> bool:
    """True for the six ST.96 namespaces (Common, Patent, Trademark, ...)."""
    return namespace is not None and namespace.startswith(ST96_BASE)


def prefix_for(namespace: str) -> str | None:
    """The standard prefix for a namespace, or None for a namespace st96kit does not know."""
    return PREFIXES.get(namespace)


_CLARK = re.compile(r"\{([^}]*)\}([\w.-]+)")


def readable_names(text: str) -> str:
    """Replace ``{uri}Local`` names in a message by ``prefix:Local`` where the prefix is known."""

    def shorten(match: re.Match[str]) -> str:
        prefix = PREFIXES.get(match.group(1))
        return f"{prefix}:{match.group(2)}" if prefix else match.group(0)

    return _CLARK.sub(shorten, text)

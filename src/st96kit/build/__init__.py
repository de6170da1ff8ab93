"""Building ST.96 documents: helpers, early checks and skeletons.

::

    from st96kit import build

    application = build.examples.trademark_application()
    build.check(application)              # [] : nothing missing or broken
    skeleton = build.skeleton("PatentPublication")

Helpers (:mod:`st96kit.build.parts`) make the pieces every document needs from plain values
and check them on the way in; :func:`make` makes any generated class from its XML child
names; :func:`check` lists what an object lacks or breaks before it is written;
:func:`skeleton` gives the smallest valid document of a type.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Functions named like their modules are bound here, so the module does not shadow them.
from st96kit.build.check import Problem as Problem
from st96kit.build.check import check as check
from st96kit.build.make import make as make
from st96kit.build.skeleton import skeleton as skeleton
from st96kit.build.skeleton import skeleton_xml as skeleton_xml

_EXPORTS: dict[str, str] = {
    "BuildError": "st96kit.errors",
    "address": "st96kit.build.parts",
    "applicant": "st96kit.build.parts",
    "application_number": "st96kit.build.parts",
    "contact": "st96kit.build.parts",
    "cpc": "st96kit.build.parts",
    "date": "st96kit.build.parts",
    "document": "st96kit.build.parts",
    "goods_services": "st96kit.build.parts",
    "image_mark": "st96kit.build.parts",
    "inventor": "st96kit.build.parts",
    "ipc": "st96kit.build.parts",
    "locarno": "st96kit.build.parts",
    "nice": "st96kit.build.parts",
    "organization": "st96kit.build.parts",
    "patent_classifications": "st96kit.build.parts",
    "person": "st96kit.build.parts",
    "priority": "st96kit.build.parts",
    "publication_number": "st96kit.build.parts",
    "representative": "st96kit.build.parts",
    "word_mark": "st96kit.build.parts",
}

if TYPE_CHECKING:
    from st96kit.build import examples as examples
    from st96kit.build.parts import address as address
    from st96kit.build.parts import applicant as applicant
    from st96kit.build.parts import application_number as application_number
    from st96kit.build.parts import contact as contact
    from st96kit.build.parts import cpc as cpc
    from st96kit.build.parts import date as date
    from st96kit.build.parts import document as document
    from st96kit.build.parts import goods_services as goods_services
    from st96kit.build.parts import image_mark as image_mark
    from st96kit.build.parts import inventor as inventor
    from st96kit.build.parts import ipc as ipc
    from st96kit.build.parts import locarno as locarno
    from st96kit.build.parts import nice as nice
    from st96kit.build.parts import organization as organization
    from st96kit.build.parts import patent_classifications as patent_classifications
    from st96kit.build.parts import person as person
    from st96kit.build.parts import priority as priority
    from st96kit.build.parts import publication_number as publication_number
    from st96kit.build.parts import representative as representative
    from st96kit.build.parts import word_mark as word_mark
    from st96kit.errors import BuildError as BuildError

__all__ = sorted(["Problem", "check", "examples", "make", "skeleton", "skeleton_xml", *_EXPORTS])


def __getattr__(name: str) -> Any:
    """Load the helpers on first use: they import the model classes they build."""
    if name == "examples":
        return importlib.import_module("st96kit.build.examples")
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'st96kit.build' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__

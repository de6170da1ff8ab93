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

from st96kit.build import examples
from st96kit.build.check import Problem, check
from st96kit.build.make import make
from st96kit.build.parts import (
    address,
    applicant,
    application_number,
    contact,
    cpc,
    date,
    document,
    goods_services,
    image_mark,
    inventor,
    ipc,
    locarno,
    nice,
    organization,
    patent_classifications,
    person,
    priority,
    publication_number,
    representative,
    word_mark,
)
from st96kit.build.skeleton import skeleton, skeleton_xml
from st96kit.errors import BuildError

__all__ = [
    "BuildError",
    "Problem",
    "address",
    "applicant",
    "application_number",
    "check",
    "contact",
    "cpc",
    "date",
    "document",
    "examples",
    "goods_services",
    "image_mark",
    "inventor",
    "ipc",
    "locarno",
    "make",
    "nice",
    "organization",
    "patent_classifications",
    "person",
    "priority",
    "publication_number",
    "representative",
    "skeleton",
    "skeleton_xml",
    "word_mark",
]

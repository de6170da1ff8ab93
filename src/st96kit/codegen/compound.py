"""Compound fields only where element order needs them.

xsdata can model an ``xs:choice`` as one field per element, or as one "compound" field holding
a list of whichever elements occur. Per-element fields make the better API
(``number.application_number_text``), but when a choice can repeat they lose the order of the
elements (``MainCPC``, ``FurtherCPC``, ``MainCPC``), and st96kit must write a document back as
it was. So the choices that can repeat, directly or through an enclosing sequence, become
compound fields, and the others stay per-element fields.

xsdata has no setting for this: :func:`selective_compound_fields` adjusts its
``CreateCompoundFields`` handler for the duration of a generation (xsdata is pinned for
code generation, see ``pyproject.toml``).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any


def _can_repeat(attrs: list[Any]) -> bool:
    """True when any compositor around the choice (the choice included) may occur twice."""
    return any(
        max_occurs > 1
        for attr in attrs
        for (_name, _index, _min, max_occurs) in attr.restrictions.path
    )


@contextlib.contextmanager
def selective_compound_fields() -> Iterator[None]:
    from xsdata.codegen.handlers.create_compound_fields import CreateCompoundFields
    from xsdata.codegen.models import get_restriction_choice
    from xsdata.utils.collections import group_by

    original = CreateCompoundFields.process

    def process(self: Any, target: Any) -> None:
        groups = group_by(target.attrs, get_restriction_choice)
        for choice, attrs in groups.items():
            if choice and len(attrs) > 1:
                if self.config.enabled and _can_repeat(attrs):
                    self.group_fields(target, attrs)
                else:
                    self.calculate_choice_min_occurs(attrs)

    CreateCompoundFields.process = process  # type: ignore[method-assign]
    try:
        yield
    finally:
        CreateCompoundFields.process = original  # type: ignore[method-assign]

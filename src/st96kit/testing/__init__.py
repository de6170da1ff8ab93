"""Hypothesis strategies for ST.96 documents (needs the ``testing`` extra: hypothesis).

::

    from hypothesis import given
    from st96kit.testing import documents

    @given(documents("TrademarkApplication"))
    def test_round_trip(application): ...
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from st96kit.testing.strategies import documents as documents
    from st96kit.testing.strategies import instances as instances

__all__ = ["documents", "instances"]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'st96kit.testing' has no attribute {name!r}")
    try:
        from st96kit.testing import strategies
    except ModuleNotFoundError as exc:
        if exc.name != "hypothesis":
            raise
        raise ModuleNotFoundError(
            "st96kit.testing needs hypothesis: pip install 'st96kit[testing]'", name=exc.name
        ) from None
    value = getattr(strategies, name)
    globals()[name] = value
    return value

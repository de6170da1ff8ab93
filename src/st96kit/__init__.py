"""st96kit: a toolkit for WIPO Standard ST.96.

Importing st96kit is cheap: schema packages are opened and model classes imported only when a
function needs them.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]

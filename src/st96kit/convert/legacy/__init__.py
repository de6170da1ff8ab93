"""Migrating from the legacy WIPO standards: ST.66 (trademarks), ST.36 (patents) and ST.86
(industrial designs) into ST.96 V6_0, driven by the Annex VI mapping tables::

    from st96kit.convert.legacy import convert

    result = convert("mark-ST66.xml", "st66")
    result.document.root        # a TrademarkTransaction of the generated V6_0 classes
    result.xml                  # its XML
    print(result.report.to_text())
    result.write("mark-ST96.xml")   # only if valid, unless force=True

See :mod:`~st96kit.convert.legacy.mapping` for where the tables come from.
"""

from __future__ import annotations

from st96kit.convert.legacy.pipeline import STANDARDS, Conversion, convert
from st96kit.convert.legacy.report import Report

__all__ = ["STANDARDS", "Conversion", "Report", "convert"]

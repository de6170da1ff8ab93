"""Comparing ST.96 documents as ST.96: :mod:`st96kit.compare.diff`."""

from __future__ import annotations

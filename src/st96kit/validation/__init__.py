"""Checking documents against their ST.96 document schema (lxml/libxml2)."""

"""Conversions of documents to and from ST.96; :mod:`st96kit.convert.legacy` converts WIPO
ST.66, ST.36 and ST.86 documents into ST.96 V6_0."""

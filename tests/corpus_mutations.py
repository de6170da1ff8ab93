"""Applying the mutations of ``corpus/mutations`` to the WIPO examples in ``../shared``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conftest import CORPUS, SHARED
from lxml import etree

from st96kit.namespaces import PREFIXES

NSMAP = {prefix: uri for uri, prefix in PREFIXES.items() if prefix != "m"}


@dataclass
class Mutation:
    name: str
    spec: dict[str, Any]

    @property
    def source(self) -> Path:
        return SHARED / self.spec["source"]

    def apply(self) -> tuple[bytes, int]:
        """The mutated document and the line, in it, of the element the change concerns."""
        tree = etree.parse(str(self.source))
        targets = tree.xpath(self.spec["target"], namespaces=NSMAP)
        assert targets, f"{self.name}: target matches nothing"
        node = targets[0]
        concerned = node
        action = self.spec["action"]
        if action == "remove":
            concerned = node.getparent()
            concerned.remove(node)
        elif action == "text":
            node.text = self.spec["value"]
        elif action == "move-first":
            parent = node.getparent()
            parent.remove(node)
            parent.insert(0, node)
        elif action == "drop-attribute":
            prefix, local = self.spec["attribute"].split(":")
            del node.attrib[f"{{{NSMAP[prefix]}}}{local}"]
        elif action == "append":
            prefix, local = self.spec["value"].split(":")
            concerned = etree.SubElement(node, f"{{{NSMAP[prefix]}}}{local}")
            concerned.text = "blue"
        else:  # pragma: no cover - a corpus mistake
            raise AssertionError(f"{self.name}: unknown action {action}")
        where = tree.getpath(concerned)
        data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
        mutated = etree.fromstring(data)
        prefixes = {k: v for k, v in tree.getroot().nsmap.items() if k}
        line: int = mutated.getroottree().xpath(where, namespaces=prefixes)[0].sourceline
        return data, line


def all_mutations() -> list[Mutation]:
    return [
        Mutation(p.stem, json.loads(p.read_text(encoding="utf-8")))
        for p in sorted((CORPUS / "mutations").glob("*.json"))
    ]

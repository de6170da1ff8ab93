"""Keeping whitespace-only text runs in mixed content.

In ``<com:P>the <com:B>first</com:B> <com:I>layer</com:I></com:P>`` the single space between
the two inline elements is text of the paragraph. xsdata treats every whitespace-only run as
formatting and drops it, so the paragraph would come back as "firstlayer". :func:`install`
adjusts xsdata's element nodes so that, inside mixed content only, such runs are kept; in
element-only content whitespace stays formatting, as before.
"""

from __future__ import annotations

from typing import Any

_installed = False


def _blank(value: str | None) -> bool:
    return bool(value) and not value.strip()  # type: ignore[union-attr]


def install() -> None:
    """Patch xsdata's parser nodes (once per process)."""
    global _installed
    if _installed:
        return
    from xsdata.formats.dataclass.parsers.nodes.element import ElementNode
    from xsdata.formats.dataclass.parsers.nodes.primitive import PrimitiveNode
    from xsdata.formats.dataclass.parsers.nodes.wildcard import WildcardNode

    element_bind = ElementNode.bind
    element_content = ElementNode.bind_content
    primitive_bind = PrimitiveNode.bind
    wildcard_bind = WildcardNode.bind

    def bind_element(self: Any, qname: str, text: Any, tail: Any, objects: list[Any]) -> bool:
        done = element_bind(self, qname, text, tail, objects)
        if self.mixed and not self.tail_processed and _blank(tail):
            objects.append((None, tail))
        return done

    def bind_content(
        self: Any, params: dict[str, Any], text: Any, tail: Any, objects: list[Any]
    ) -> None:
        wild = self.meta.find_any_wildcard()
        if wild is not None and wild.mixed and _blank(text):
            # the leading run of a mixed element, before its first child
            objects.insert(self.position, (None, text))
        element_content(self, params, text, tail, objects)

    def bind_primitive(self: Any, qname: str, text: Any, tail: Any, objects: list[Any]) -> bool:
        done = primitive_bind(self, qname, text, tail, objects)
        if self.meta.mixed_content and _blank(tail):
            objects.append((None, tail))
        return done

    def bind_wildcard(self: Any, qname: str, text: Any, tail: Any, objects: list[Any]) -> bool:
        # an unknown element inside mixed content keeps its whitespace tail on the generic
        # element xsdata builds for it
        done = wildcard_bind(self, qname, text, tail, objects)
        if _blank(tail) and objects and objects[-1][1] is not None:
            generic = objects[-1][1]
            if hasattr(generic, "tail") and generic.tail is None and self.var.mixed:
                generic.tail = tail
        return done

    ElementNode.bind = bind_element  # type: ignore[method-assign]
    ElementNode.bind_content = bind_content  # type: ignore[method-assign]
    PrimitiveNode.bind = bind_primitive  # type: ignore[method-assign]
    WildcardNode.bind = bind_wildcard  # type: ignore[method-assign]
    _installed = True

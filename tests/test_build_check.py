"""check() against lxml: mutations of the WIPO V6_0 examples, flagged exactly when invalid."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import v6_examples
from mutations import Mutation, mutations, sample

import st96kit
from st96kit.build import check
from st96kit.build.grammar import grammar_for
from st96kit.build.meta import xml_meta

PER_KIND = 6


def _in_required_choice(root: Any, mutation: Mutation) -> bool:
    """True when the removed element is one branch of a choice the schema requires."""
    owner = root
    for name, index in mutation.path:
        owner = getattr(owner, name)
        if index is not None:
            owner = owner[index]
    meta = xml_meta(type(owner))
    grammar = grammar_for("V6_0")
    model = grammar.element(str(meta.qname))
    names = {v.qname for vs in meta.elements.values() for v in vs if v.name == mutation.field}

    def search(particle: Any, in_choice: bool) -> bool:
        if particle.kind == "element":
            return in_choice and particle.name in names
        choice = particle.kind == "choice" and particle.min > 0
        return any(search(p, in_choice or choice) for p in particle.items)

    return bool(model and model.type.content and search(model.type.content, False))


@pytest.mark.parametrize("example", v6_examples(), ids=lambda p: p.stem)
def test_examples_have_no_problems(example: Path) -> None:
    assert check(st96kit.parse(example).root) == []


@pytest.mark.parametrize("example", v6_examples(), ids=lambda p: p.stem)
def test_check_agrees_with_lxml(example: Path) -> None:
    root = st96kit.parse(example).root
    chosen = sample(mutations(root), PER_KIND)
    tally: Counter[str] = Counter()
    disagreements: list[str] = []
    for mutation in chosen:
        mutated = mutation.apply(root)
        flagged = bool(check(mutated))
        valid = st96kit.validate(st96kit.serialize(mutated), version="V6_0",
                                 all_errors=False).valid
        if flagged == (valid is False):
            tally["agree"] += 1
        elif not flagged and mutation.kind == "remove-optional" and _in_required_choice(
                root, mutation):
            tally["choice"] += 1  # the classes do not record choices that cannot repeat
        else:
            disagreements.append(f"{mutation.kind} {mutation.label}: check "
                                 f"{'flags' if flagged else 'accepts'}, lxml "
                                 f"{'accepts' if valid else 'rejects'}")
    assert not disagreements, disagreements
    assert tally["agree"] >= len(chosen) - tally["choice"]
    kinds = {m.kind for m in chosen}
    assert {"remove-required", "bad-enumeration"} <= kinds

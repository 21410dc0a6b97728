"""Sections of alternatives turned down, named by a word that turns them down and a noun
other than "options" ("Discounted patterns", "Rejected designs"), and the headings that
only look like them."""

from __future__ import annotations

import pytest
from adr_layout import read_text, titles
from decaudit.engine.records.adr.sections import is_options, is_rejected
from decaudit.engine.records.document import heading_key


@pytest.mark.parametrize(
    "heading",
    [
        "Discounted patterns",
        "Rejected designs",
        "Dismissed ideas",
        "Discarded libraries",
        "Rejected storage technologies",
        "Discounted options",
        "Rejected Languages",
        "Rejected Concepts",
        "Discarded approaches",
    ],
)
def test_turned_down_things_are_rejected_options(heading: str) -> None:
    key = heading_key(heading)
    assert is_options(key)
    assert is_rejected(key)


@pytest.mark.parametrize(
    "heading",
    [
        "Design patterns",
        "Rejected records",
        "Rejected messages",
        "Declined payments",
        "Patterns",
        "Tools we use",
    ],
)
def test_other_headings_are_not_options(heading: str) -> None:
    assert not is_options(heading_key(heading))


_DOC = """# 4. Document store schema

## Status

Accepted

## Context

Forms arrive as documents and are written far more often than read.

## Decision

Store each submission as one document, with references between the entities.

### Patterns

These patterns will help while we build it:

1. Polymorphic documents: one collection, fields vary by activity
2. Versioned schema: a version field on every document

#### {heading}

These may help later but cost too much now:

1. Embedded copies: faster reads, but every write touches two places
2. Bucketing: fewer documents, but harder to update one entry

## Consequences

Reads need a second step later.
"""


def test_a_turned_down_section_inside_the_decision_gives_its_alternatives() -> None:
    src = read_text(_DOC.format(heading="Discounted patterns"))
    rejected = [o.title for o in src.record.options if not o.chosen]
    assert rejected == ["Embedded copies", "Bucketing"]
    assert all(o.cons for o in src.record.options if not o.chosen)
    # the patterns the decision adopts are parts of it, not rejected alternatives
    assert "Polymorphic documents" not in titles(src)


def test_the_same_section_named_as_parts_of_the_design_gives_none() -> None:
    src = read_text(_DOC.format(heading="Later patterns"))
    assert titles(src) == []

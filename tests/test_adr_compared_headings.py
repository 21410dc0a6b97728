"""Pros and cons headed as a comparison of two courses ("### Pros of using Deno over
Node.js", "### Cons of using Deno over Node.js") give two options: the first named, with
the points of those sections, and what it is weighed against."""

from __future__ import annotations

import pytest
from adr_layout import chosen_titles, read_text
from decaudit.engine.records.adr.comparedheads import compared_headings
from decaudit.engine.records.document import parse_markdown

RECORD = """# 7. Use Deno for backend services

## Status

Accepted

## Context

Our services run on Node.js.

### {pros}

- Runs TypeScript directly
- Built-in test runner

### {cons}

#### Relative newness

Fewer developers know it.

#### Limited npm compatibility

Some packages do not load.

## Decision

We will use Deno for new backend services.
"""


@pytest.mark.parametrize(
    ("pros", "cons"),
    [
        ("Pros of using Deno over Node.js", "Cons of using Deno over Node.js"),
        ("Advantages of Deno compared to Node.js", "Disadvantages of Deno compared to Node.js"),
    ],
)
def test_compared_headings_give_two_options_with_points(pros: str, cons: str) -> None:
    src = read_text(RECORD.format(pros=pros, cons=cons), name="0007-deno.md")
    deno, node = src.record.options
    assert (deno.title, node.title) == ("Deno", "Node.js")
    assert len(deno.pros) == 2 and len(deno.cons) == 2
    assert chosen_titles(src) == ["Deno"]


def test_headings_comparing_different_things_give_none() -> None:
    text = RECORD.format(pros="Pros of Deno over Node.js", cons="Cons of Bun over Node.js")
    assert compared_headings(parse_markdown(text)) == []


def test_plain_pros_headings_are_no_comparison() -> None:
    text = RECORD.format(pros="Pros", cons="Cons")
    src = read_text(text, name="0007-deno.md")
    assert "Node.js" not in [o.title for o in src.record.options]

"""A sentence of the decision text that turns an alternative down counts wherever it is
written, in a nested list item too ("1. The team chose ESLint." > "- Prettier was
considered but not chosen.")."""

from __future__ import annotations

import pytest
from adr_layout import read_text

RECORD = """# Style checks

## Status: accepted

## Context and Problem Statement

How should we check the style of our code?

## Decision Outcome

{decision}
"""


@pytest.mark.parametrize(
    "decision",
    [
        "1. The team chose ESLint.\n    - Prettier was considered but not chosen.",
        "- The team chose ESLint.\n  - Other tools exist, Prettier was considered but rejected.",
        "The team chose ESLint. Prettier was considered but not chosen.",
    ],
)
def test_the_alternative_turned_down_is_read_at_any_depth(decision: str) -> None:
    src = read_text(RECORD.format(decision=decision), name="0003-style.md")
    assert "Prettier" in [o.title for o in src.record.options if not o.chosen]


def test_a_nested_detail_names_no_alternative() -> None:
    decision = "1. The team chose ESLint.\n    - ESLint runs on every pull request."
    src = read_text(RECORD.format(decision=decision), name="0003-style.md")
    assert [o.title for o in src.record.options if not o.chosen] == []

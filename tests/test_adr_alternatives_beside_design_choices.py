"""A record that lists only rejected alternatives ("## Alternatives considered") and states
its decision in prose makes the decision its chosen option, also when the decision has a
subsection that names the parts of the design taken ("### Technology choices", "### Key
design choices"): such a subsection is not an options section, so it does not stop the
alternatives from being the only ones listed."""

from __future__ import annotations

from functools import partial

import pytest
from adr_layout import chosen_titles, read_text, titles

read = partial(read_text, name="0041-x.md")

PARTS = ["Technology choices", "Key design choices", "Technology Choices", "Database choices"]


def _record(part: str, alternatives: str = "Alternatives Considered") -> str:
    return f"""# 41. Retry failed deliveries from the outbox

## Status

Accepted

## Context

Deliveries to the broker sometimes fail and are lost.

## Decision

Keep failed deliveries in the outbox and retry them with a backoff.

### {part}

- The outbox table gains an attempts column
- A sweeper runs every minute

## Consequences

Deliveries are retried.

## {alternatives}

### 1. Retry in memory

Lost on restart. Rejected.

### 2. Dead-letter immediately

Operators would replay by hand. Rejected.
"""


@pytest.mark.parametrize("part", PARTS)
def test_the_decision_is_chosen_beside_a_design_choices_subsection(part: str) -> None:
    src = read(_record(part))
    assert titles(src)[:2] == ["Retry in memory", "Dead-letter immediately"]
    assert chosen_titles(src) == ["Retry failed deliveries from the outbox"]


@pytest.mark.parametrize("heading", ["Alternatives", "Rejected alternatives"])
def test_other_alternatives_headings_too(heading: str) -> None:
    src = read(_record("Technology choices", heading))
    assert chosen_titles(src) == ["Retry failed deliveries from the outbox"]


def test_a_design_choices_subsection_gives_no_options() -> None:
    found = titles(read(_record("Key design choices")))
    assert "The outbox table gains an attempts column" not in found
    assert "A sweeper runs every minute" not in found


def test_options_not_alternatives_are_not_turned_into_the_decision() -> None:
    """With a "## Considered options" section (options, one of them to be chosen), the
    decision does not become an option of its own."""
    src = read(_record("Technology choices", "Considered options"))
    assert "Retry failed deliveries from the outbox" not in titles(src)

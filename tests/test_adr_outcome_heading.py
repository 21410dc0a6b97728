"""An outcome written only as a heading under the decision section ("## Decision Outcome" >
"### A) No prefixes"), and a decision line that opens with an option's letter ("B) ...")."""

from __future__ import annotations

import pytest
from adr_layout import chosen_titles, read_text

_DOC = """# Search index prefixes

* Status: accepted

## Context and Problem Statement

The search index must stay small and fast to build.

## Considered Options

### A) No prefix index

### B) Prefixes of one character

### C) Prefixes of one and two characters

## Decision Outcome

{outcome}

## Comparison to Other Options

This option gives the smallest database.
"""


@pytest.mark.parametrize(
    ("outcome", "chosen"),
    [
        ("### A) No prefixes", ["No prefix index"]),
        ("### C) One and two", ["Prefixes of one and two characters"]),
        ("### (B) Single characters", ["Prefixes of one character"]),
        ("B) Single characters, because they are cheap.", ["Prefixes of one character"]),
    ],
)
def test_an_outcome_that_opens_with_an_options_letter_chooses_it(
    outcome: str, chosen: list[str]
) -> None:
    assert chosen_titles(read_text(_DOC.format(outcome=outcome))) == chosen


def test_a_letter_no_option_has_chooses_nothing() -> None:
    assert chosen_titles(read_text(_DOC.format(outcome="### F) Something else"))) == []


_PARTS = """# Testing

* Status: accepted

## Decision

We will run both kinds of tests on every pull request.

### Unit tests

Each module keeps its own tests.

## Alternatives Considered

### Unit tests

Only unit tests, no end-to-end run.

### Manual testing

Testers run the scenarios by hand.
"""


def test_subsections_of_a_decision_with_its_own_text_are_its_parts() -> None:
    # the "Unit tests" subsection details the decision; it does not choose the alternative
    src = read_text(_PARTS)
    assert "Unit tests" not in chosen_titles(src)


@pytest.mark.parametrize("said", ["Not yet decided.", "TBD", "To be decided"])
def test_a_chosen_line_that_says_nothing_is_chosen_leaves_the_decision_open(said: str) -> None:
    src = read_text(_DOC.format(outcome=f"Chosen option: {said}"))
    assert chosen_titles(src) == []
    assert src.record.chosen_option is None
    assert (src.record.model_extra or {}).get("x_decision_open") is True

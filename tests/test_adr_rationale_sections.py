"""A decision that only names its outcome (a subsection heading, no prose) takes its
reasons from a section that argues the choice under another name ("Comparison to other
options", "Why this approach", "Reasons for the decision"), so ALT006 does not claim that
the turned-down options were given no reason."""

from __future__ import annotations

import pytest
from adr_layout import read_text
from decaudit.engine.records.adr.sections import is_rationale


def _record(why_heading: str) -> str:
    return (
        "# Index prefixes\n\n## Status\n\nAccepted\n\n## Context\n\nSearch is slow.\n\n"
        "## Considered Options\n\n### A) No prefix index\n\n### B) Two-letter prefixes\n\n"
        "### C) Full prefixes\n\n## Decision Outcome\n\n### A) No prefix index\n\n"
        f"## {why_heading}\n\nThe index without prefixes is the smallest and the fastest "
        "to build; prefixes doubled the size for a small gain in query time.\n"
    )


@pytest.mark.parametrize(
    "heading",
    [
        "Comparison to Other Options",
        "Comparison with the alternatives",
        "Why this option",
        "Why we chose no prefixes",
        "Reasons for the decision",
        "Rationale",
    ],
)
def test_a_reasons_section_gives_the_rationale(heading: str) -> None:
    rec = read_text(_record(heading)).record
    assert rec.rationale is not None and "smallest" in rec.rationale
    assert [o.title for o in rec.options if o.chosen] == ["No prefix index"]


def test_decision_prose_stays_the_rationale() -> None:
    text = _record("Comparison to other options").replace(
        "### A) No prefix index\n\n## Comparison",
        "We keep no prefix index: it is enough.\n\n## Comparison",
    )
    rec = read_text(text).record
    assert rec.rationale is not None and rec.rationale.startswith("We keep no prefix index")


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("comparison to other options", True),
        ("why this approach", True),
        ("reasons for our choice", True),
        ("comparison", False),
        ("why", False),
        ("reasons", False),
        ("performance comparison", False),
    ],
)
def test_is_rationale(key: str, expected: bool) -> None:
    assert is_rationale(key) is expected

"""Free-form design documents: a "Problem" part and the design it proposes, a part named by
its role before a colon ("## Solution: put errors in the schema"), and design principles
that guide rather than choose.

The documents here are written for the tests, in the layouts real design folders use.
"""

from __future__ import annotations

import pytest
from adr_layout import read_text
from decaudit.engine.records import load_file
from decaudit.engine.types import SourceRecord


@pytest.mark.parametrize(
    "design", ["Design", "Proposed design", "High-level design", "Technical design", "Proposing"]
)
def test_a_problem_and_a_design_make_a_record(design: str) -> None:
    text = (
        "# Batch resolvers\n\n## Problem\n\nEach field resolves on its own, which is slow.\n\n"
        f"## {design}\n\nResolvers of one type are batched into one call.\n"
    )
    (got,) = load_file("design/batch-resolver.md", text.encode(), explicit=False)
    assert isinstance(got, SourceRecord)
    assert "batched into one call" in (got.record.rationale or "")


def test_a_problem_alone_is_no_record() -> None:
    text = "# Batch resolvers\n\n## Problem\n\nEach field resolves on its own.\n\n## Notes\n\nx\n"
    (got,) = load_file("design/batch-resolver.md", text.encode(), explicit=False)
    assert not isinstance(got, SourceRecord)


@pytest.mark.parametrize("role", ["Solution", "Proposal", "Proposed solution"])
def test_a_part_named_by_its_role_before_a_colon_states_the_decision(role: str) -> None:
    text = (
        "# Mutation errors\n\n## Example of the problem\n\nClients parse error strings.\n\n"
        f"## {role}: put mutation errors into the schema\n\nEach mutation returns a union.\n"
    )
    rec = read_text(text, "graph-ql/mutation-errors.md").record
    assert rec.rationale == "Each mutation returns a union."


def test_design_principles_of_the_decision_choose_nothing() -> None:
    text = (
        "# Baseline compiler\n\n## Summary\n\nA fast compiler for start-up.\n\n"
        "## Proposal: a baseline compiler\n\nWe add a single-pass compiler.\n\n"
        "### Design principles\n\n* Prioritize compilation speed over runtime speed\n"
    )
    rec = read_text(text, "rfcs/baseline-compilation.md").record
    assert not [o for o in rec.options if "speed" in o.title]


def test_option_n_in_the_design_names_no_alternative_read_from_prose() -> None:
    """ "Option 1) is proposed" in a design that numbers its own list does not choose the
    alternative a sentence of "Alternatives Considered" turned down."""
    text = (
        "# Client certificates\n\n## Status\n\nProposed\n\n## High-level design\n\n"
        "Envoy offers three checks:\n\n1. Chain of trust\n2. Client identity\n3. Hash pinning\n\n"
        "Option 1) is proposed to be implemented.\n\n## Alternatives Considered\n\n"
        "To use an annotation in the Ingress object was considered too clumsy.\n"
    )
    rec = read_text(text, "design/client-certificates.md").record
    assert not [o for o in rec.options if o.chosen and "annotation" in o.title]


def test_an_rfc_summary_states_what_it_proposes_against_its_alternatives() -> None:
    text = (
        "# Minimum base fee\n\n# Summary\n\nA configurable minimum base fee in the header.\n\n"
        "# Problem Statement + Context\n\nFees fall to zero in quiet hours.\n\n"
        "# Alternatives Considered\n\n- Hard-code a minimum base fee: simpler.\n"
        "- Link the minimum to an outside price: fragile.\n- Do nothing.\n"
    )
    rec = read_text(text, "protocol/minimum-base-fee.md").record
    assert rec.rationale == "A configurable minimum base fee in the header."
    assert [o.title for o in rec.options if o.chosen] == ["Minimum base fee"]
    assert len(rec.options) == 4


@pytest.mark.parametrize("part", ["Principles", "Design principles", "Rules", "Guidelines"])
def test_numbered_bold_rules_of_a_principles_part_are_no_options(part: str) -> None:
    text = (
        "# RFC 037: Faceting principles\n\n## Background\n\nFilters grew one by one.\n\n"
        f"## {part}\n\n**1. Filters are named by their JSON paths**\n\nFor example a.b.\n\n"
        "**2. Aggregations mirror filters**\n\nEach filter has one.\n\n"
        "**3. Empty buckets are returned**\n\nSo clients can show zero counts.\n"
    )
    rec = read_text(text, "rfcs/037-faceting/README.md").record
    assert not rec.options


def test_numbered_bold_courses_elsewhere_are_still_options() -> None:
    text = (
        "# Faceting\n\n## Background\n\nFilters grew one by one.\n\n## Approaches\n\n"
        "**1. Name filters by their JSON paths**\n\nFor example a.b.\n\n"
        "**2. Name filters freely**\n\nEach team picks.\n"
    )
    rec = read_text(text, "rfcs/037-faceting/README.md").record
    assert len(rec.options) >= 2

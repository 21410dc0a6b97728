"""A template's prompts left in a record, the answers written under them, and parts that
never hold candidates (references) or that state the decision under another name."""

from __future__ import annotations

import pytest
from adr_layout import read_text

_RFC = (
    "# Report resource status\n\n# Summary\n\nResources report their own status.\n\n"
    "# Motivation\n\nUsers cannot see why a resource is stuck.\n\n# Alternatives\n\n{body}\n"
)


def test_unanswered_prompts_are_no_options() -> None:
    body = (
        "- What other designs have been considered?\n- Why is this proposal the best?\n"
        "- What is the impact of not doing this?\n"
    )
    rec = read_text(_RFC.format(body=body), "rfcs/rfc-0024-status.md").record
    assert [o.title for o in rec.options if not o.chosen] == []


def test_the_answers_under_the_prompt_are_the_alternatives_with_their_reasons() -> None:
    body = (
        "- What other designs have been considered?\n"
        "  - A separate resource that holds the health rules.\n"
        "    - Controllers would have to watch two resources.\n"
        "    - Authors would ship two files.\n"
        "- Why is this proposal the best?\n  - It keeps one file per template.\n"
    )
    rec = read_text(_RFC.format(body=body), "rfcs/rfc-0024-status.md").record
    turned = [o for o in rec.options if not o.chosen]
    assert [o.title for o in turned] == ["A separate resource that holds the health rules"]
    assert len(turned[0].cons) >= 2


def test_links_under_references_are_no_candidates() -> None:
    text = (
        "# 8. Borrow tracking\n\n## Status\n\nProposed\n\n## Context\n\nBorrows grow.\n\n"
        "## Decision\n\nWe track borrows as scaled amounts.\n\n## References\n\n"
        "Earlier designs are partly superseded by this decision:\n\n"
        "- [003: Borrow assets](./003-borrow-assets.md)\n"
        "- [004: Interest and reserves](./004-interest-and-reserves.md)\n"
    )
    rec = read_text(text, "docs/design_docs/008-borrow-tracking.md").record
    assert [o.title for o in rec.options if not o.chosen] == []


@pytest.mark.parametrize("heading", ["Resolution Details", "Decision details"])
def test_a_details_part_states_the_resolution(heading: str) -> None:
    text = (
        f"# UUIDs as ids in APIs\n\n## {heading}\n\nWe will use UUID for PKs and for API "
        "exposure (option 2).\n\n## Viable Options\n\n1. DB-generated IDs\n"
        "1. UUID for PKs and for API exposure\n1. A double approach\n"
    )
    rec = read_text(text, "_decisions/uuid-ids.md").record
    assert [o.title for o in rec.options if o.chosen] == ["UUID for PKs and for API exposure"]

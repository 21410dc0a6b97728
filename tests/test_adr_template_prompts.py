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


@pytest.mark.parametrize("level", ["###", "####"])
@pytest.mark.parametrize("as_list", [False, True])
def test_the_prompt_as_a_heading_over_the_answers(level: str, as_list: bool) -> None:
    designs = [
        "A generic status struct every resource inherits. It ties resources to one shape.",
        "A status service that resources call. It adds a network hop.",
    ]
    answers = "\n".join(f"- {d}" for d in designs) if as_list else "\n\n".join(designs)
    body = (
        f"{level} Why is this design the best in the space of possible designs?\n\n"
        "It is small.\n\n"
        f"{level} What other designs have been considered and what is the rationale for "
        f"not choosing them?\n\n{answers}\n\n"
        f"{level} What is the impact of not doing this?\n\nUsers stay blind.\n"
    )
    rec = read_text(_RFC.format(body=body), "rfcs/rfc-0024-status.md").record
    turned = [o for o in rec.options if not o.chosen]
    names = [o.title.lower().removeprefix("a ") for o in turned]  # the article may go
    assert names == [
        "generic status struct every resource inherits",
        "status service that resources call",
    ]
    assert all(o.rejected_reason or o.cons for o in turned)


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


_DECISION_LOG = (
    "---\ntitle: APIs are specified first\nstatus: {status}\nresponsible: sbe\n---\n\n"
    "## Resolution Details\n\nWe follow an API-first strategy: first the API, then the code.\n\n"
    "## {question}\n\nAPIs are the main point of interaction. Their style - first the API "
    "spec, or first the service? - must be settled now.\n"
)


@pytest.mark.parametrize(
    "question",
    ["Why is there need for such a decision?", "Why is this decision needed?"],
)
def test_a_question_heading_holds_the_context_and_an_either_or_question_weighs(
    question: str,
) -> None:
    from decaudit.engine.facts.nature import names_alternative
    from decaudit.engine.packdata import lexicon

    rec = read_text(
        _DECISION_LOG.format(status="_3_agreed", question=question), "_decisions/api-first.md"
    ).record
    assert rec.context is not None and rec.context.startswith("APIs are the main point")
    assert names_alternative(rec, lexicon())


@pytest.mark.parametrize(
    ("written", "status"),
    [("_3_agreed", "accepted"), ("2-proposed", "proposed"), ("in_progress", "proposed")],
)
def test_a_workflow_prefix_before_the_status_word_is_left_out(written: str, status: str) -> None:
    text = _DECISION_LOG.format(status=written, question="Why is there need for it?")
    assert read_text(text, "_decisions/api-first.md").record.status == status


def test_a_heading_that_names_a_comparison_after_a_label_weighs() -> None:
    from decaudit.engine.records.adr.argued import argued_line
    from decaudit.engine.records.document import parse_markdown

    doc = parse_markdown(
        "# ISLE\n\n# Summary\n\nA DSL for instruction selection.\n\n"
        "## Discussion: Comparison with Hand-Written Backends\n\nHand-written code is longer.\n"
    )
    assert argued_line(doc) == 7


def test_an_alternative_misspelt_and_pointed_back_at() -> None:
    body = (
        "One altnerative is to drop refunds entirely by burning all prepaid gas. This idea "
        "was discussed before. However, it would be a drastic change for developers."
    )
    rec = read_text(_RFC.format(body=body), "rfcs/rfc-0024-status.md").record
    turned = [o for o in rec.options if not o.chosen]
    assert [o.title for o in turned] == ["drop refunds entirely by burning all prepaid gas"]
    assert len(turned[0].cons) == 1


def test_bullets_parted_by_code_blocks_are_one_list_of_alternatives() -> None:
    body = (
        "* Use regular expressions:\n\n```kotlin\nRegex(p).findAll(t)\n```\n\n"
        "* A loop over indexOf, which is verbose:\n\n```kotlin\nwhile (true) {}\n```\n\n"
        "* A hand-written sequence:\n\n```kotlin\nsequence {}\n```\n"
    )
    rec = read_text(_RFC.format(body=body), "rfcs/rfc-0024-status.md").record
    turned = [o.title for o in rec.options if not o.chosen]
    assert len(turned) == 3 and turned[0] == "Use regular expressions"

"""Option kinds inferred from realistic business and ADR text (rules/lexicon/kinds.yaml)."""

from __future__ import annotations

import pytest
from decaudit.engine.packdata import lexicon


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        # the cases the design names
        ("Add a new model to the existing product line", "incremental"),
        ("Acquire a rival to gain its dealer network", "incremental"),
        ("Keep the current range unchanged (status quo)", "do-nothing"),
        ("Sell printing as a subscription and stop selling cartridges", "replace-own-business"),
        # realistic business options
        ("Do nothing and run weekend shifts", "do-nothing"),
        ("Business as usual with overtime and hired trailers", "do-nothing"),
        ("Continue with the current supplier", "do-nothing"),
        ("Replace our branch network with a mobile-only bank", "replace-own-business"),
        ("Launch a direct-to-consumer shop that bypasses our dealers", "replace-own-business"),
        ("Build a completely different business around battery recycling", "breakthrough"),
        ("Move to a new business model based on outcomes", "breakthrough"),
        ("Only the mandatory safety repairs this year", "do-minimum"),
        ("Postpone the investment by two years", "do-minimum"),
        ("Enter the Brazilian market with the current range", "adjacent"),
        ("Introduce a cheaper version for emerging markets", "adjacent"),
        ("Open a new sales channel through online marketplaces", "adjacent"),
        ("Outsource the call centre to a third party", "incremental"),
        ("Consolidate the two regional warehouses into one", "incremental"),
        ("Merge with our main competitor", "incremental"),
        ("Increase prices by 4% across the core range", "incremental"),
        ("Add a premium tier to Aurora", "incremental"),
        ("Cut costs by closing the Leeds office", "incremental"),
    ],
)
def test_business_text(title: str, kind: str) -> None:
    assert lexicon().infer_kind(title) == kind


@pytest.mark.parametrize(
    "title",
    [
        "Use PostgreSQL",
        "Use MongoDB Atlas",
        "Adopt event sourcing",
        "Use Kafka for the order events",
        "Replace the in-house CRM with Salesforce",
        "Use a managed database service",
        "GraphQL gateway",
    ],
)
def test_technical_adr_options_get_no_kind(title: str) -> None:
    assert lexicon().infer_kind(title) is None


def test_description_counts_and_order_decides() -> None:
    lex = lexicon()
    # the description can give the kind away
    assert lex.infer_kind("Option C", "Stop selling cartridges entirely") == "replace-own-business"
    # do-nothing wins over incremental words in the same text
    assert lex.infer_kind("Keep the existing product line") == "do-nothing"
    # matching is on word boundaries: "Dispatch" does not contain the phrase "patch"
    assert lex.infer_kind("Dispatch drones") is None

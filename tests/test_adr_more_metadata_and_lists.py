"""A metadata table's ``State`` row, a status that negates its word ("Not implemented"),
and an options section whose labelled list goes on in a second list ("The rest:")."""

from __future__ import annotations

import pytest
from adr_layout import read_text, titles
from decaudit.engine.records.adr.meta import status_in_prose


def test_a_state_row_gives_the_status() -> None:
    text = (
        "| | |\n| :-- | :-- |\n| Feature Name | Threat model |\n| State | **ACCEPTED** |\n\n"
        "# Summary\n\nA model.\n\n# Motivation\n\nRisks.\n"
    )
    assert read_text(text, name="rfc/0006-x.md").record.status == "accepted"
    other = text.replace("**ACCEPTED**", "California")  # a state that is no status
    assert read_text(other, name="rfc/0006-x.md").record.status is None


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Not implemented", None),
        ("not yet accepted", None),
        ("never approved", None),
        ("This ADR was approved by the board", "accepted"),
        ("not yet accepted, so still proposed", "proposed"),
    ],
)
def test_a_negated_status_word_is_no_status(text: str, status: str | None) -> None:
    assert status_in_prose(text) == status


def test_a_labelled_options_list_that_goes_on_after_a_line() -> None:
    text = (
        "# Backend language\n\n## Decision\n\nScala.\n\n## Rejected Languages\n\n"
        "In order of fit:\n\n1. **C#**: close, but less familiar.\n2. **Java**: verbose.\n\n"
        "The rest (no order):\n\n- **Rust**: too new to us.\n- **Go**: ramp-up time.\n\n"
        "## Consequences\n\nHiring.\n"
    )
    assert titles(read_text(text))[:4] == ["C#", "Java", "Rust", "Go"]
    links = text.replace(
        "The rest (no order):\n\n- **Rust**: too new to us.\n- **Go**: ramp-up time.",
        "- [The survey](https://example.org/survey)\n- [The benchmark](https://example.org/b)",
    )
    assert titles(read_text(links))[:2] == ["C#", "Java"]
    assert not any("survey" in t or "benchmark" in t for t in titles(read_text(links)))

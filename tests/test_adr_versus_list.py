"""A comparison list under a rationale ("- **vs. Wiki:** drifts from the code") names the
alternatives the decision beat, each turned down for what its item says; the decision is
the chosen option. A list with an item that weighs nothing is no such list."""

from __future__ import annotations

import pytest
from adr_layout import read_text

_HEAD = (
    "# 1. Record decisions as ADRs\n\n## Status\n\nAccepted\n\n## Context\n\nReasons get lost."
    "\n\n## Decision\n\nWe will keep decision records in the repository.\n\n### Rationale\n\n"
    "Why records over the alternatives:\n\n"
)


@pytest.mark.parametrize(
    "items",
    [
        ["**vs. Wiki:** pages drift from the code", "**vs. Confluence:** not versioned"],
        ["Compared to Wiki: pages drift from the code", "Compared to Confluence - not versioned"],
        ["Over *Wiki* \u2014 pages drift from the code", "versus Confluence: not versioned"],
    ],
)
def test_each_item_names_an_alternative_turned_down_for_its_reason(items: list[str]) -> None:
    text = _HEAD + "".join(f"- {it}\n" for it in items)
    rec = read_text(text, "docs/adr/0001-record-decisions.md").record
    turned = {o.title: o.rejected_reason for o in rec.options if not o.chosen}
    assert turned == {"Wiki": "pages drift from the code", "Confluence": "not versioned"}
    (chosen,) = [o for o in rec.options if o.chosen]
    assert "Wiki" not in chosen.title


def test_a_list_with_an_item_that_weighs_nothing_names_no_alternatives() -> None:
    text = _HEAD + "- **vs. Wiki:** pages drift from the code\n- reviews happen in pull requests\n"
    rec = read_text(text, "docs/adr/0001-record-decisions.md").record
    assert rec.options == []


def test_a_comparison_list_among_the_consequences_is_no_choice() -> None:
    text = (
        "# 2. Cache pages\n\n## Status\n\nAccepted\n\n## Decision\n\nWe cache pages.\n\n"
        "## Consequences\n\n- vs. today: pages load faster\n- vs. last year: less load\n"
    )
    assert read_text(text, "docs/adr/0002-cache-pages.md").record.options == []

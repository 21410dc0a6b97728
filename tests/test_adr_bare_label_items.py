"""An options list whose items are only labels (``- Option 1:``) with the details nested
under each is one option per label, not a group of the nested details; a named parent
(``- Managed services:``) over short items is still a group of them."""

from __future__ import annotations

import pytest
from adr_layout import chosen_titles, read_text, titles

_DOC = (
    "# Monitoring layout\n\n* Status: accepted\n\n## Context and Problem Statement\n\n"
    "We need monitoring.\n\n## Considered Options\n\n{options}\n## Decision Outcome\n\n"
    'Chosen option: "{chosen}", because it scales.\n'
)


@pytest.mark.parametrize("label", ["Option {n}:", "Option {n}", "Alternative {n} -"])
def test_bare_labels_over_details_are_one_option_each(label: str) -> None:
    options = "".join(
        f"- {label.format(n=n)}\n  - {a}\n  - {b}\n"
        for n, a, b in (
            (1, "One Prometheus per cluster", "Federated to a central one"),
            (2, "One central Prometheus", "Remote write from clusters"),
        )
    )
    src = read_text(_DOC.format(options=options, chosen="Option 2"))
    assert len(titles(src)) == 2
    assert chosen_titles(src) == [titles(src)[1]]


def test_a_named_parent_is_still_a_group() -> None:
    options = "- Managed services:\n  - RDS\n  - Cloud SQL\n- Self-hosted PostgreSQL\n"
    src = read_text(_DOC.format(options=options, chosen="RDS"))
    assert titles(src) == ["RDS", "Cloud SQL", "Self-hosted PostgreSQL"]
    assert chosen_titles(src) == ["RDS"]

"""Layouts met in a hand-checked sample of real ADRs: several option lists each introduced by
a line ("For the storage:"), chosen options named together on a wrapped line, candidates
listed in the context ("libraries that include X, Y and Z"), and an alternatives section
written as a paragraph."""

from __future__ import annotations

from typing import Any

import pytest
from adr_layout import load
from decaudit.engine.records.adr.choice import find
from decaudit.engine.records.adr.content import Opt
from decaudit.engine.types import SourceRecord


def options(src: SourceRecord) -> list[tuple[Any, ...]]:
    return [((o.model_extra or {}).get("group"), o.title, o.chosen) for o in src.record.options]


def uncertain(src: SourceRecord) -> list[str]:
    return list((src.record.model_extra or {}).get("x_uncertain", []))


def test_lists_introduced_by_a_line_are_groups_and_both_choices_are_read() -> None:
    src = load("grouped-option-lists.md")
    storage, rendering = "For the storage of the reports", "For the rendering of the reports"
    assert options(src) == [
        (storage, "Keep the shared database", False),
        (storage, "Move reports to a warehouse", True),
        (rendering, "Render on request", False),
        (rendering, "Render ahead of time", True),
        (rendering, "Buy a reporting product", False),
    ]
    assert src.record.model_extra["x_chosen_by"] == "chosen option line"
    assert str(src.record.rationale) == "the orders database is already at its limit."
    assert src.line_of(("options", 2, "group")) == 13


def test_candidates_listed_in_the_context_and_chosen_before_the_colon() -> None:
    src = load("context-lists-candidates.md")
    assert options(src) == [
        (None, "Chart.js", False),
        (None, "ECharts", True),
        (None, "Plotly", False),
    ]
    assert uncertain(src) == ["options", "chosen"]


def test_an_alternatives_paragraph_is_one_alternative() -> None:
    src = load("alternatives-paragraph.md")
    got = options(src)
    assert got[0][1].startswith("Run our own container cluster in the department's cloud")
    assert [c for _, _, c in got] == [False, True]  # the decision is the chosen option
    assert src.record.options[0].rejected_reason is not None
    assert "options" in uncertain(src)


def test_an_alternatives_section_that_says_none_gives_no_option() -> None:
    assert load("alternatives-none.md").record.options == []


@pytest.mark.parametrize(
    ("ref", "want"),
    [
        ("Alpha service and beta queue", None),  # two named whole: not one of them
        ("Alpha service", 0),
        ("the alpha service, hosted", 0),
        ("Beta queue with alpha service support", None),
    ],
)
def test_find_does_not_pick_one_of_two_named_options(ref: str, want: int | None) -> None:
    opts = [Opt("Alpha service", 1), Opt("Beta queue", 2), Opt("Gamma store", 3)]
    assert find(ref, opts) == want


def test_a_decision_naming_an_example_an_option_lists_chooses_that_option() -> None:
    src = load("positions-with-examples.md")
    assert options(src) == [
        (None, "Hosted brokers", False),
        (None, "Self-run brokers", True),  # "RabbitMQ for the order events."
        (None, "Database tables polled by each consumer", False),
    ]
    assert src.record.model_extra["x_chosen_by"] == (
        "an example the option lists, named in the decision"
    )
    assert "chosen" in uncertain(src)


@pytest.mark.parametrize(
    ("description", "names"),
    [
        ("LastPass, 1Password, Bitwarden, etc.", ["LastPass", "1Password", "Bitwarden"]),
        ("Amazon SQS or Google Pub/Sub", ["Amazon SQS", "Google Pub/Sub"]),
        ("using a shared document, or a shared channel", []),  # no names
        ("RabbitMQ is fast, but it needs an operator on call", []),  # prose
        ("Postgres", []),  # one name is no list
    ],
)
def test_listed_examples(description: str, names: list[str]) -> None:
    from decaudit.engine.records.adr.choice import listed_examples

    assert listed_examples(description) == names


@pytest.mark.parametrize(
    ("text", "chosen"),
    [
        ("For the foreseeable future we propose OPTION 2.", [1]),
        ("Option 2 - is the preferred approach.", [1]),
        ("We propose to look at option 1 later.", []),
        ("Option 1 - is not feasible.", []),
    ],
)
def test_references_that_propose_an_option(text: str, chosen: list[int]) -> None:
    from decaudit.engine.records.adr.choice import referenced

    assert referenced(text, [Opt("A", 1, "1"), Opt("B", 2, "2")]) == chosen


def test_a_label_that_two_sets_of_options_share_names_neither() -> None:
    from decaudit.engine.records.adr.choice import by_label

    opts = [Opt("A", 1, "1"), Opt("B", 2, "2"), Opt("C", 5, "1"), Opt("D", 6, "2")]
    assert by_label("1", opts) is None
    assert by_label("2", opts[:2]) == 1

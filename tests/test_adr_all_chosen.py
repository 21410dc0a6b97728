"""A MADR outcome that chooses every option ("Chosen option: "All considered options",
because they are not mutually exclusive", "Both", "All of the above") marks each of them
chosen; a title that only begins with "all" names no such thing."""

from __future__ import annotations

import pytest
from adr_layout import chosen_titles, read_text

RECORD = """# Interaction with the operator

## Context and Problem Statement

How do users drive the operator?

## Considered Options

* GitOps
* A web front end
* kubectl

## Decision Outcome

Chosen option: {said}, because these ways are not mutually exclusive.
"""


@pytest.mark.parametrize(
    "said", ['"All considered options"', "All of the above", "all three options", "All"]
)
def test_every_option_is_chosen(said: str) -> None:
    src = read_text(RECORD.format(said=said), name="0007-operator.md")
    assert chosen_titles(src) == ["GitOps", "A web front end", "kubectl"]


def test_two_options_chosen_as_both() -> None:
    text = RECORD.replace("* kubectl\n", "").format(said="Both options")
    src = read_text(text, name="0007-operator.md")
    assert chosen_titles(src) == ["GitOps", "A web front end"]


def test_a_title_that_begins_with_all_is_one_name() -> None:
    text = RECORD.replace("* kubectl", "* All-in-one installer").format(said="All-in-one installer")
    src = read_text(text, name="0007-operator.md")
    assert chosen_titles(src) == ["All-in-one installer"]


VERDICTS = """# Read-only interface

## Considered Options

* Use DTOs with getters and setters
* Only use records in the external interface

## Decision Outcome

Chosen option: Only use records in the external interface
* Good from a reader's perspective: we only pass on the values
* Good for simplifying the interface
* Neutral as it will require builders for the larger records
* Bad for having more code
"""


def test_verdict_items_after_the_chosen_line_are_its_points() -> None:
    src = read_text(VERDICTS, name="0002-read-only.md")
    chosen = [o for o in src.record.options if o.chosen]
    assert [o.title for o in chosen] == ["Only use records in the external interface"]
    assert (len(chosen[0].pros), len(chosen[0].cons)) == (2, 1)


def test_items_that_are_not_all_verdicts_stay_reasons() -> None:
    text = VERDICTS.replace("* Bad for having more code", "* the team knows records")
    src = read_text(text, name="0002-read-only.md")
    chosen = [o for o in src.record.options if o.chosen]
    assert not chosen[0].pros and not chosen[0].cons


@pytest.mark.parametrize("said", ["Combined 1 and 3", "Combination of options 1 and 3"])
def test_options_combined_by_number_are_each_chosen(said: str) -> None:
    text = RECORD.format(said=said)
    text = text.replace("* GitOps", "1. GitOps").replace("* A web front end", "2. A web front end")
    text = text.replace("* kubectl", "3. kubectl")
    src = read_text(text, name="0007-operator.md")
    assert chosen_titles(src) == ["GitOps", "kubectl"]


def test_a_quoted_choice_followed_by_more_words_names_the_quoted_option() -> None:
    text = RECORD.replace("* kubectl", "* use kubectl (edit manifests by hand)").format(
        said='"use kubectl" till the end of the year, then'
    )
    src = read_text(text, name="0007-operator.md")
    assert chosen_titles(src) == ["use kubectl (edit manifests by hand)"]


CHOSEN_DECISION = """# 006 - Automated testing

## Considerations

We need tests we trust.

## {heading}

We run end-to-end tests in Cypress on every pull request.
"""


@pytest.mark.parametrize("heading", ["Chosen Decision", "Decision Changes"])
def test_a_chosen_decision_part_makes_a_record(heading: str) -> None:
    src = read_text(CHOSEN_DECISION.format(heading=heading), name="006-testing.md")
    assert src.record.rationale and "Cypress" in src.record.rationale

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

"""Options named in the context by the noun that announces them: "There are several
options for X, including A, B and C", "Possible alternatives include A or B". Read as
options compared in prose (uncertain), also from a part of the context ("## Context" >
"### Version control"). Tools a sentence merely lists ("We use several services, including
S3 and SQS"), a lone name, and a list under such a part are not read this way."""

from __future__ import annotations

from functools import partial

import pytest
from adr_layout import chosen_titles, read_text, titles
from decaudit.engine.records.adr.prose import included
from hypothesis import given, settings
from hypothesis import strategies as st

read = partial(read_text, name="0005-x.md")


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "There are several options for version control, including for example SVN, "
            "Git, Mercurial and Perforce (P4) etc.",
            ["SVN", "Git", "Mercurial", "Perforce"],
        ),
        ("Other options include Bitbucket or GitLab.", ["Bitbucket", "GitLab"]),
        ("Possible alternatives include Nomad and Kubernetes.", ["Nomad", "Kubernetes"]),
        (
            "We looked at various choices such as Kafka, NATS and Pulsar.",
            ["Kafka", "NATS", "Pulsar"],
        ),
        ("There are different candidates, e.g. Redis and Memcached.", ["Redis", "Memcached"]),
    ],
)
def test_included(sentence: str, names: list[str]) -> None:
    assert included(sentence) == names


@pytest.mark.parametrize(
    "sentence",
    [
        "We use several services, including S3 and SQS.",
        "There are several options for this, including one we built.",
        "Kubernetes provides several options for handling inbound traffic.",
        "Other options include Redis.",
        "The tool has options such as --verbose being set by default on every single run today.",
    ],
)
def test_not_included(sentence: str) -> None:
    assert len(included(sentence)) < 2


def _record(context: str) -> str:
    return f"""# 5. Use version control

## Status

Accepted

## Context

All code must be versioned.

{context}

## Decision

All new services will use Git for version control.
"""


def test_in_a_part_of_the_context() -> None:
    context = """### Version control

There are several options for version control, including SVN, Git and Mercurial."""
    src = read(_record(context))
    assert titles(src) == ["SVN", "Git", "Mercurial"]
    assert chosen_titles(src) == ["Git"]
    assert "options" in (src.raw or {}).get("x_uncertain", [])


def test_in_the_context_itself() -> None:
    src = read(_record("Other options include SVN or Mercurial, besides Git."))
    assert titles(src)[:2] == ["SVN", "Mercurial"]


def test_a_list_under_a_part_of_the_context_is_not_options() -> None:
    context = """### Conventions

There are some conventions of interest:

- Semantic Conventions for Messaging
- Trace Context"""
    assert titles(read(_record(context))) == []


# Made-up product names: a leading "Q" keeps them off the pronouns and question words
# ("How", "Each", "Options") that are rightly never read as names.
_NAME = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8).map(
    lambda s: "Q" + s
)


@settings(max_examples=80, deadline=None)
@given(
    names=st.lists(_NAME, min_size=2, max_size=5, unique=True),
    lead=st.sampled_from(
        [
            "There are several options for storage, including",
            "Other options include",
            "Possible alternatives include",
            "We weighed various choices such as",
        ]
    ),
    conj=st.sampled_from(["and", "or"]),
)
def test_included_property(names: list[str], lead: str, conj: str) -> None:
    """Whatever the names, a sentence that announces them gives each of them, in order."""
    listed = ", ".join(names[:-1]) + f" {conj} " + names[-1]
    assert included(f"{lead} {listed}.") == names

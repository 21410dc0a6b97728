"""Options sections written in ways the options vocabulary alone does not name:

- ``## Proposals`` with ``(1) ...``, ``(2) ...`` paragraphs beside an ``## Accepted solution``
  that takes one of them ("We go with proposal (2)"): the proposals are the options and the
  other part the decision. A lone ``## Proposals`` part stays the decision.
- ``(1)``/``(a)`` paragraphs in an options section are options; out of order they are not.
- ``# Comparison of existing storage backends`` over a heading per backend.
- ``## Other algorithms`` over a heading per algorithm; ``## Other changes`` is no options part.
- ``## Investigation & Alternatives``, ``## Prior art and alternatives`` are options parts.
- A design document with ``## Motivation or Background`` and ``## Detailed Design`` is a record.
"""

from __future__ import annotations

import pytest
from adr_layout import chosen_titles, read_text, titles
from decaudit.engine.records.adr.sections import is_options
from decaudit.engine.records.document.model import heading_key
from hypothesis import given
from hypothesis import strategies as st

PROPOSALS = """# DR-004: Where alert rules live

**Status:** Accepted

## Context

Alert rules live in each service's tree, which makes them hard to review together.

## Proposals

(1) Keep the rules in each service. Nothing moves, but reviews stay hard.

(2) Move the rules into one shared library. Reviews get easier.

(3) Generate the rules from a catalogue at build time. Flexible, but adds a build step.

## Accepted solution

We go with proposal (2), the shared library, because it is the simplest way to review.
"""


def test_proposals_beside_an_accepted_solution_are_the_options() -> None:
    src = read_text(PROPOSALS, "dr/2024-01-04--alert-rules.md")
    assert titles(src) == [
        "Keep the rules in each service",
        "Move the rules into one shared library",
        "Generate the rules from a catalogue at build time",
    ]
    assert chosen_titles(src) == ["Move the rules into one shared library"]


def test_a_lone_proposals_part_is_still_the_decision() -> None:
    text = PROPOSALS.split("## Accepted solution")[0]
    src = read_text(text, "dr/2024-01-04--alert-rules.md")
    assert src.record.rationale.startswith("(1) Keep the rules")


@pytest.mark.parametrize("first", ["a", "A", "1"])
def test_paren_numbered_paragraphs_in_an_options_section(first: str) -> None:
    labels = [chr(ord(first) + n) for n in range(3)]
    paras = "\n\n".join(
        f"({label}) {name}. It has its points."
        for label, name in zip(labels, ["Use Redis", "Use Memcached", "Use no cache"], strict=True)
    )
    text = (
        "# 7. Cache\n\n## Status\n\nAccepted\n\n## Considered options\n\n"
        f"{paras}\n\n## Decision\n\nWe chose option ({labels[0]}).\n"
    )
    src = read_text(text)
    assert titles(src) == ["Use Redis", "Use Memcached", "Use no cache"]
    assert chosen_titles(src) == ["Use Redis"]


@given(st.permutations([1, 2, 3]).filter(lambda p: list(p) != [1, 2, 3]))
def test_paragraphs_numbered_out_of_order_are_no_options(order: list[int]) -> None:
    paras = "\n\n".join(f"({n}) Step number {n} of the rollout." for n in order)
    text = f"# 7. Rollout\n\n## Status\n\nAccepted\n\n## Options\n\n{paras}\n"
    assert not any(t.startswith("Step number") for t in titles(read_text(text)))


COMPARED = """# Storage Decision Record #2: Fast storage

Date: 2020-01-09

# Context

Builds need a store that is fast and consistent.

# Comparison of existing storage backends

## Redis

Redis is fast, but it keeps everything in memory.

## Amazon S3

S3 is cheap, but its consistency is eventual.

# A new storage stack

We build our own store on local disks.
"""


def test_a_comparison_of_backends_holds_the_options() -> None:
    assert titles(read_text(COMPARED, "adrs/0002-storage.md")) == ["Redis", "Amazon S3"]


OTHERS = """# ADR 11: Rendezvous hashing

## Status

Accepted

## Context

Resharding moves every blob.

## Decision

Use rendezvous hashing.

## {heading}

Other algorithms considered were consistent hashing and Maglev.

### Consistent hashing

It is only unbiased on average.

### Maglev

It aims for minimal, not optimal, resharding.
"""


def test_other_algorithms_over_a_heading_each_are_options() -> None:
    src = read_text(OTHERS.format(heading="Other algorithms"))
    assert titles(src) == ["Consistent hashing", "Maglev"]


def test_other_changes_are_no_options() -> None:
    src = read_text(OTHERS.format(heading="Other changes"))
    assert "Maglev" not in titles(src)


@pytest.mark.parametrize(
    "heading",
    ["Investigation & Alternatives", "Prior art and alternatives", "Rationale and alternatives"],
)
def test_a_part_named_with_alternatives_after_another_word_is_options(heading: str) -> None:
    assert is_options(heading_key(heading))


DESIGN_DOC = """# {title}

- Author(s): A. Writer

## Introduction

Queries spill to disk when memory runs out.

## {opening}

Large aggregations fail today.

## Detailed Design

Operators write their state to local files.
"""


@pytest.mark.parametrize(
    "opening", ["Motivation or Background", "Background and Motivation", "Motivation"]
)
def test_a_design_document_with_a_motivation_is_a_record(opening: str) -> None:
    text = DESIGN_DOC.format(title="Spill to disk", opening=opening)
    assert read_text(text, "design/2023-03-13-spill.md").record.title == "Spill to disk"


def test_a_design_document_that_keeps_its_templates_title_is_still_read() -> None:
    text = DESIGN_DOC.format(title="Design Documents", opening="Motivation or Background")
    assert read_text(text, "design/2023-03-13-spill.md").record.context


EARLIER = """# ADR 024: Extend the status with signers

## Status

Accepted

## Context

Clients must show who signed each transaction.

### {heading}

The initial approach parsed the signers from the stored bytes. It broke once the bytes
were pruned.

## Decision

We extend the status response with the signers.
"""


@pytest.mark.parametrize(
    ("heading", "named"),
    [
        ("Initial Approach and Its Limitations", "Initial Approach"),
        ("Previous design", "Previous design"),
        ("Implementation approach", None),
    ],
)
def test_a_course_tried_first_and_left_is_a_rejected_option(
    heading: str, named: str | None
) -> None:
    src = read_text(EARLIER.format(heading=heading))
    rejected = [o.title for o in src.record.options if not o.chosen]
    assert rejected == ([named] if named else [])


DISOWNED = """# ADR 027: Single sequencer ordering

## Status

Proposed

## Context

Users need their blobs ordered.

## Alternative Approaches

### A. No ordering from signatures

Users order blobs by block finality. It is slow.

### B. Run two sequencers

Two sequencers take turns. It needs a view change.

### C. Future extensions

{opening}

- Multi-proposer ordering

## Decision

Implement a single sequencer.
"""


def test_a_part_that_says_it_holds_no_alternative_is_no_option() -> None:
    said = "The following are not alternatives to this design but extensions of it:"
    found = titles(read_text(DISOWNED.format(opening=said)))
    assert not any("Future extensions" in t for t in found)
    assert any("Run two sequencers" in t for t in found)
    kept = titles(read_text(DISOWNED.format(opening="Later, several proposers could take turns.")))
    assert any("Future extensions" in t for t in kept)


QUESTIONS = """# ADR 009: Default rules for padding

## Status

Accepted

## Context

Blocks carry padding.

## 1. {first}

The proof grows with the square.

## 2. {second}

A message of one share more than a row.
"""


def test_numbered_questions_an_analysis_answers_are_no_options() -> None:
    asked = QUESTIONS.format(
        first="Why does a larger square give a longer proof?",
        second="What is the worst constructible message?",
    )
    assert titles(read_text(asked)) == []
    told = QUESTIONS.format(first="Keep the current rules", second="Adopt the proposed rules")
    assert titles(read_text(told)) == ["Keep the current rules", "Adopt the proposed rules"]


OWN_AND_TOPIC = """# 25. Scoped access level

## Status

Accepted

## Decision

Add a scoped access level.

## Alternatives considered

1. Do nothing and split the code into more files. The proposal makes the intent clearer.

2. Introduce a scoped namespace that hides part of a file. It adds a level of nesting.

### Alternatives considered for the private type issue

1. Use the file level as the default within private types. It had no benefit.

2. Introduce a parent access level. It is overly specific.
"""


def test_an_options_part_keeps_its_own_list_beside_a_topic_subsection() -> None:
    found = titles(read_text(OWN_AND_TOPIC))
    assert any(t.startswith("Do nothing and split the code") for t in found)
    assert any(t.startswith("Introduce a scoped namespace") for t in found)
    assert any("parent access level" in t for t in found)

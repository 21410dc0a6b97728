"""Front-matter values as their writers mean them: an id with a leading zero stays the text
written (YAML 1.1 would read ``024`` as octal 20), a clock-like value is not a number in
base 60, and a ``decided:`` key dates the record. A part headed as the chosen option
("### Chosen Implementation Option") states the choice."""

from __future__ import annotations

import pytest
from adr_layout import chosen_titles, read_text
from decaudit.engine.safeyaml import load_one
from hypothesis import given
from hypothesis import strategies as st


@pytest.mark.parametrize(
    ("text", "value"),
    [("id: 024", "024"), ("id: 0007", "0007"), ("at: 1:30", "1:30"), ("id: 24", 24)],
)
def test_integers_in_another_base_stay_as_written(text: str, value: object) -> None:
    key = text.split(":")[0]
    assert load_one(text).data[key] == value


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=3))
def test_a_zero_padded_number_is_kept_whole(n: int, pad: int) -> None:
    written = "0" * pad + str(n)
    assert load_one(f"id: {written}").data["id"] == written


RECORD = """---
id: 024
status: accepted
{date_key}: 2026-07-11
title: "ADR-024: Error responses"
---

## Context

Clients parse our error bodies, and every endpoint shapes them its own way.

## Decision

Every error body is one JSON object with a code and a message.
"""


@pytest.mark.parametrize("date_key", ["date", "decided", "decided on", "accepted on"])
def test_the_front_matter_dates_and_names_the_record(date_key: str) -> None:
    src = read_text(RECORD.format(date_key=date_key), name="adr-024-error-responses.md")
    assert src.record.id == "024"
    assert src.record.date is not None and src.record.date.isoformat() == "2026-07-11"


CHOSEN_PART = """# 14. Verifying image signatures

## Status

Proposed

## Context

### Implementation Options

#### Install the CLI

##### Pros

- Known tool

##### Cons

- A binary in the image

#### Install the JS-native lib

##### Pros

- Simplest to build

##### Cons

- Unproven offline

### {heading}

Install the JS-native lib, as it is the simplest to build.

## Decision

We will add a verification helper to the controller.
"""


@pytest.mark.parametrize(
    "heading", ["Chosen Implementation Option", "Selected Design Approach", "Preferred option"]
)
def test_a_part_headed_as_the_chosen_option_states_the_choice(heading: str) -> None:
    src = read_text(CHOSEN_PART.format(heading=heading), name="0014-signatures.md")
    assert chosen_titles(src) == ["Install the JS-native lib"]


@pytest.mark.parametrize("heading", ["Accepted Solution", "Agreed approach", "Adopted design"])
def test_a_part_naming_the_accepted_option_by_its_link_states_the_choice(heading: str) -> None:
    text = CHOSEN_PART.format(heading=heading).replace(
        "Install the JS-native lib, as it is the simplest to build.",
        "[Install the JS-native lib](#install-the-js-native-lib)\n\nIt builds offline.",
    )
    src = read_text(text, name="0014-signatures.md")
    assert chosen_titles(src) == ["Install the JS-native lib"]


DESIGN_RECORD = """# 0010: React for paginated views

- **Status:** Accepted

## Technical Specification

### {heading}

We will leverage our JSON API and render the tables in the client with React.

### Analysis of the alternatives

#### Alternative approaches

##### Rendering HTML snippets

Too cumbersome: it adds code to both ends.

##### Using Django pagination

Low risk, but we would lose the interactivity.
"""


@pytest.mark.parametrize(
    "heading", ["Overview of the suggested solution", "Solution overview", "Suggested approach"]
)
def test_a_suggested_solution_part_is_the_decision(heading: str) -> None:
    src = read_text(DESIGN_RECORD.format(heading=heading), name="DR_0011_react.md")
    options = [(o.title, o.chosen) for o in src.record.options]
    assert options[:2] == [("Rendering HTML snippets", False), ("Using Django pagination", False)]
    assert len(chosen_titles(src)) == 1 and chosen_titles(src)[0] not in dict(options[:2])


LICENSED = """<!--
SPDX-FileCopyrightText: 2024 A. Writer

SPDX-License-Identifier: CC-BY-SA-4.0
-->

---
status: accepted
date: 2023-11-23
---
# Use OT between backend and plugin

## Considered Options

* Using an OT-inspired mechanism
* Using CRDTs in the plugin
* … <!-- numbers of options can vary -->

## Decision Outcome

Chosen option: "Using an OT-inspired mechanism", because it is simplest.
"""


def test_front_matter_under_a_licence_comment_is_read() -> None:
    src = read_text(LICENSED, name="01-use-ot.md")
    assert src.record.status == "accepted"
    assert src.record.date is not None and src.record.date.isoformat() == "2023-11-23"
    assert src.line_of(("date",)) == 9  # the line it is written on
    assert src.record.title == "Use OT between backend and plugin"


def test_a_templates_ellipsis_is_no_option() -> None:
    src = read_text(LICENSED, name="01-use-ot.md")
    assert [o.title for o in src.record.options] == [
        "Using an OT-inspired mechanism",
        "Using CRDTs in the plugin",
    ]


@pytest.mark.parametrize("heading", ["Metadata", "Document information", "Decision details"])
def test_a_metadata_part_gives_status_and_deciders(heading: str) -> None:
    text = (
        f"# Rejected: convert models at the edge\n\n## {heading}\n\n"
        "- Status: rejected <!-- draft | proposed | rejected | accepted -->\n"
        "- Deciders: Platform team, Ana\n- Tags: assets\n\n"
        "## Context and Problem Statement\n\nModels arrive as GLB files.\n\n"
        "## Proposed Solution\n\nConvert them in an edge function.\n"
    )
    rec = read_text(text, name="20230507-edge.md").record
    assert rec.status == "rejected"
    assert rec.decision_makers == ["Platform team", "Ana"]


def test_the_preamble_wins_over_a_metadata_part() -> None:
    text = (
        "# Convert models at the edge\n\nStatus: accepted\n\n## Metadata\n\n"
        "- Status: proposed\n\n## Decision\n\nConvert them in an edge function.\n"
    )
    assert read_text(text, name="0007-edge.md").record.status == "accepted"


@pytest.mark.parametrize(
    "heading",
    ["List the deciders of the issue", "Who is making decisions on the proposal?", "Deciders"],
)
def test_a_heading_that_asks_for_the_deciders_names_them(heading: str) -> None:
    text = (
        f"# Draft: an asset library\n\n### Describe the status of the issue\n\ndraft\n\n"
        f"### {heading}\n\nPlatform team, Ana\n\n### Decision\n\nWe prototype one.\n"
    )
    rec = read_text(text, name="20220317-assets.md").record
    assert rec.decision_makers == ["Platform team", "Ana"]

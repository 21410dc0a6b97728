"""Proposal templates as enhancement-proposal folders fill them in (and leave them empty):

- An empty ``## Alternatives`` before the template's closing parts (``## Upgrade Strategy``,
  ``## Additional Details``) holds no options: those parts are not alternatives.
- The template's own guidance ("The `Alternatives` section is used to highlight ...") is
  no alternative.
- ``__Alternative 1:__`` alone on a line, then a paragraph: the option is titled by that
  paragraph's first sentence, when each such option gets a title of its own.
- Sibling headings that each open by putting their course forward ("One solution is to
  ...", "The second suggestion is to ...") are options, and the decision ("Option 2: ...")
  takes one.
- Words of buying a business, not "acquire this information", make a business context.
"""

from __future__ import annotations

import datetime as dt

import pytest
from adr_layout import chosen_titles, read_text, titles
from decaudit.engine.facts import FactContext, derive
from decaudit.engine.records import load_file
from decaudit.engine.types import SourceRecord

TODAY = dt.date(2026, 12, 1)

KEP = """---
title: Managed topologies
status: implementable
---

# Managed topologies

## Summary

Clusters get a managed topology.

## Proposal

The cluster object gains a topology field.

## Alternatives
{alternatives}
## Upgrade Strategy

Existing clusters cannot switch over.

## Additional Details

### Test Plan

TBD
"""


@pytest.mark.parametrize(
    "alternatives",
    [
        "",
        "\nThe `Alternatives` section is used to highlight and record other possible approaches"
        " to delivering the value proposed by a proposal.\n",
    ],
)
def test_an_empty_alternatives_part_of_a_template_holds_no_options(alternatives: str) -> None:
    src = read_text(KEP.format(alternatives=alternatives), "proposals/20210526-topology.md")
    assert titles(src) == [] or titles(src) == ["Managed topologies"]


LABELS = """# Insulate users from API changes

## Status

Accepted

## Proposal

We are going to implement alternative 2 described below.

__Alternative 1:__

Convert the config to each API version when generating it. This is the cleanest.

__Alternative 2:__

Only change the apiVersion in the generated config. This is the least work.
"""


def test_bare_labels_are_titled_by_the_paragraph_after_them() -> None:
    src = read_text(LABELS)
    assert titles(src) == [
        "Convert the config to each API version when generating it",
        "Only change the apiVersion in the generated config",
    ]
    assert chosen_titles(src) == ["Only change the apiVersion in the generated config"]


def test_bare_labels_over_paragraphs_that_open_alike_keep_their_labels() -> None:
    text = LABELS.replace("\nConvert the config", "\nKeep the hub types. Convert the config")
    text = text.replace("\nOnly change", "\nKeep the hub types. Only change")
    assert titles(read_text(text)) == ["Alternative 1", "Alternative 2"]


COURSES = """# ADR 021: Configurable block size

## Status

Accepted

## Context

Blocks can grow too large for light nodes.

### Reduce the block bytes parameter

One solution is to reduce the block bytes parameter. Blocks may still be too large.

### Introduce a new parameter

The second suggestion is to create a new parameter that governance sets. It is flexible,
but exposes a technical parameter.

### Derive the size from the bytes parameter

The third suggested solution is to derive the size from the bytes parameter.

## Decision

Option 2: Introduce a new parameter, set by governance.
"""


def test_sections_that_put_their_course_forward_are_the_options() -> None:
    src = read_text(COURSES)
    assert titles(src) == [
        "Reduce the block bytes parameter",
        "Introduce a new parameter",
        "Derive the size from the bytes parameter",
    ]
    assert chosen_titles(src) == ["Introduce a new parameter"]


def test_sections_that_do_not_put_a_course_forward_are_no_options() -> None:
    text = COURSES.replace("One solution is to reduce", "Light nodes reduce").replace(
        "The second suggestion is to create", "Governance may create"
    )
    assert "Introduce a new parameter" not in titles(read_text(text))


SCALING = """# Autoscaling from zero

## Status

Accepted

## Context

Operators want to reduce their operating costs by scaling node groups to zero.

## Decision

The autoscaler will {verb} from the provider's machine templates.
"""


@pytest.mark.parametrize(
    ("verb", "business"),
    [
        ("acquire this information", False),
        ("acquire a lock on the node group", False),
        ("acquire the company that writes the autoscaler", True),
    ],
)
def test_buying_a_business_not_acquiring_information_is_business_language(
    verb: str, business: bool
) -> None:
    decision = derive(read_text(SCALING.format(verb=verb)), FactContext(today=TODAY)).decision
    assert decision["business_context"] is business


@pytest.mark.parametrize(
    ("title", "template"),
    [
        ("Proposal Template", True),
        ("Enhancement Proposal Template", True),
        ("KEP template", True),
        ("Proposal to adopt the Helm template", False),
    ],
)
def test_a_title_that_names_a_proposal_template(title: str, template: bool) -> None:
    text = KEP.format(alternatives="").replace("title: Managed topologies", f"title: {title}")
    text = text.replace("# Managed topologies", "# Title")  # the template's own heading
    (got,) = load_file("proposals/20210526-topology.md", text.encode())
    assert (not isinstance(got, SourceRecord)) is template


@pytest.mark.parametrize("title", ["Proposal Template", "KEP template"])
def test_a_template_title_left_over_a_real_heading_is_the_proposals_slip(title: str) -> None:
    text = KEP.format(alternatives="").replace("title: Managed topologies", f"title: {title}")
    (got,) = load_file("proposals/20210526-topology.md", text.encode())
    assert isinstance(got, SourceRecord) and got.record.title == "Managed topologies"


def test_a_proposal_template_is_skipped_as_a_template() -> None:
    text = KEP.format(alternatives="").replace(
        "title: Managed topologies", "title: Proposal Template"
    )
    (got,) = load_file("proposals/YYYYMMDD-template.md", text.encode())
    assert not isinstance(got, SourceRecord) and "template" in str(got)
    assert read_text(KEP.format(alternatives="")).record.title == "Managed topologies"


@pytest.mark.parametrize(
    ("line", "who"),
    [("* Review Manager: [Ana Lima](https://example.org/ana)", "Ana Lima")],
)
def test_a_review_manager_decides_an_evolution_proposal(line: str, who: str) -> None:
    text = (
        "# Disambiguating line control\n\n* Proposal: SE-0034\n* Author: Bo\n"
        f"{line}\n* Status: **Implemented**\n\n## Introduction\n\nA new directive.\n\n"
        "## Detailed design\n\nUse `#sourceLocation`.\n"
    )
    assert read_text(text, "proposals/0034-line.md").record.decision_makers == [who]


def test_the_teams_in_an_rfcs_front_matter_decide_it() -> None:
    text = (
        "---\nstage: released\nteams:\n  - framework\n  - cli\n---\n\n# Engines\n\n"
        "## Summary\n\nEngines isolate parts of an app.\n\n## Motivation\n\nApps grow.\n\n"
        "## Detailed design\n\nAn engine is an addon.\n"
    )
    assert read_text(text, "text/0010-engines.md").record.decision_makers == ["framework", "cli"]


CONSIDERED = """# A46: NACK semantics

* Author(s): Mark
* Status: Implemented

## Abstract

Clients will use the valid resources of a rejected response.

## Proposal

We will change the client to keep the valid resources.

## Rationale

We considered the following alternatives:

- We could have just waited for the protocol changes that allow rejecting one resource.
  However, that is likely to take more work to design.

- For unknown policies specifically, we could fall back to round robin instead. However,
  this is not semantically correct.
"""


def test_items_that_each_argue_an_alternative_under_a_lead_in_are_options() -> None:
    src = read_text(CONSIDERED, "proposal/A46-nack.md")
    found = titles(src)
    assert any(t.startswith("waited for the protocol changes") for t in found)
    assert any(t.startswith("fall back to round robin") for t in found)
    rejected = [o for o in src.record.options if not o.chosen]
    assert len(rejected) == 2 and all(o.cons for o in rejected)


def test_items_under_a_lead_in_that_names_no_alternatives_are_not_read_so() -> None:
    text = CONSIDERED.replace("We considered the following alternatives:", "Two notes:")
    assert not any(t.startswith("waited for") for t in titles(read_text(text)))


FRAMEWORK = """# Dataflow framework

## Summary

Continuous aggregation for the database.

## Motivation

Users want running totals.

## Details

- The flow engine is built on a dataflow library.
- We have three choices for the dataflow framework:
1. Based on the differential dataflow crate. It proved too obscure for simple use.
2. Based on a framework we write from the ground up. It costs the most to build.
3. Based on a small lower-level framework someone else wrote. It is easy to customise.

Hence, we choose {which}, and build our operators on it.
"""


@pytest.mark.parametrize(
    ("which", "chosen"),
    [("the third option", 2), ("option 1", 0), ("the second option", 1)],
)
def test_a_list_led_by_a_bullet_and_the_choice_after_it(which: str, chosen: int) -> None:
    src = read_text(FRAMEWORK.format(which=which), "docs/rfcs/2024-01-17-dataflow.md")
    assert len(titles(src)) == 3
    assert chosen_titles(src) == [titles(src)[chosen]]

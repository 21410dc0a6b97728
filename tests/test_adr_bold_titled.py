"""Options titled by paragraphs all in bold, each argued by "Pros:" and "Cons:" lists, as
design documents write them; and bold topic labels over prose, which are no options.

The documents here are written for the tests, in the layouts real design folders use.
"""

from __future__ import annotations

import pytest
from adr_layout import read_text

DOC = """# Prices on the storefront

## Status

Proposed

## Context

Prices are computed in the monolith today.

## Integration options

{first}

![Option 2](pricing/option2.png)

Pros:
- Easy to reuse the catalog rules

Cons:
- A stateful message broker
- One more copy of the catalog

{second}

Pros:
- The storefront already handles cart rules

Cons:
- The storefront is meant to be light

Notes:
- Rule calculation could move on its own
"""


@pytest.mark.parametrize("bold", ["__{}__", "**{}**"])
def test_bold_titles_with_pros_and_cons_lists_are_the_options(bold: str) -> None:
    text = DOC.format(
        first=bold.format("All calculations in the message broker"),
        second=bold.format("All calculations in the storefront"),
    )
    rec = read_text(text, "design/pricing.md").record
    assert [(o.title, len(o.pros), len(o.cons)) for o in rec.options] == [
        ("All calculations in the message broker", 1, 2),
        ("All calculations in the storefront", 1, 1),
    ]


def test_lists_after_pros_and_cons_labels_are_no_groups_of_options() -> None:
    text = DOC.format(first="One way is the broker:", second="Another is the storefront:")
    rec = read_text(text, "design/pricing.md").record
    titles = [o.title for o in rec.options]
    assert not any(t in ("Pros", "Cons", "Notes") for t in titles)
    assert not any(o.title.startswith(("Pros >", "Cons >")) for o in rec.options)


TOPICS = """# Event bus

## Detailed design

Events go through a queue.

## Alternatives

**To events**

Python signals. However, nobody knows who is subscribed to a signal.

**To events definition**

We name the action in the event class. Heavy or light events were discussed.
"""


def test_bold_topic_labels_over_prose_are_no_options() -> None:
    rec = read_text(TOPICS, "rfcs/0056-event-bus.md").record
    assert not [o for o in rec.options if o.title.startswith("To events")]


BEFORE_LIST = """# Continuous delivery

## Summary

We move deploys to gocd.

## Options Considered

{lead} See the motivation: it cannot carry pipelines.

1. **ArgoCD.** A cluster sync tool, not pipelines.
2. **gocd.** General-purpose pipelines.
"""


def test_a_bold_led_sentence_before_the_options_list_is_an_option() -> None:
    text = BEFORE_LIST.format(lead="**Continue building Freight.**")
    rec = read_text(text, "text/0042-gocd.md").record
    assert [o.title for o in rec.options][:3] == ["Continue building Freight", "ArgoCD", "gocd"]


@pytest.mark.parametrize("lead", ["**Note:**", "**Pattern reference**", "**Note.**"])
def test_a_bold_label_before_the_options_list_is_no_option(lead: str) -> None:
    rec = read_text(BEFORE_LIST.format(lead=lead), "text/0042-gocd.md").record
    assert [o.title for o in rec.options][:2] == ["ArgoCD", "gocd"]

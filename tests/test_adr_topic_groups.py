"""An RFC that weighs two sub-decisions under one "Options Considered" part, each topic with
its own "Option A" / "Option B" subsections, and a "Drawbacks" part that names the options
by their labels only.

The RFC here is written for the tests, in the layout real RFC folders use.
"""

from __future__ import annotations

import pytest
from adr_layout import read_text

RFC = """# Link profiles to transactions

# Summary

Link each transaction to its profile.

# Options Considered

## SDK

### Option A: Add a new context type (Chosen)

A `profile` context in the payload.

### Option B: Use the existing trace context (Dropped)

Add the profile id to the trace context.

## Storage
{storage_intro}
### Option A: Add a new column (Chosen)

A nullable column.

### Option B: Use the contexts columns (Dropped)

The id goes in the context arrays.

# Drawbacks

## Option A:

1. A new column on a large table.

## Option B:

1. Queries on the arrays may be slow.
"""

INTRO = """
We have to store the profile id. The queries we need:

1. Selecting the profile id
2. Selecting rows that have one
"""


@pytest.mark.parametrize("storage_intro", ["", INTRO])
def test_each_topic_is_a_group_of_its_lettered_options(storage_intro: str) -> None:
    rec = read_text(RFC.format(storage_intro=storage_intro), "text/0047-profiles.md").record
    assert [o.title for o in rec.options] == [
        "Add a new context type",
        "Use the existing trace context",  # "(Dropped)" is a marker, not its title
        "Add a new column",
        "Use the contexts columns",
    ]
    assert [o.title for o in rec.options if o.chosen] == [
        "Add a new context type",
        "Add a new column",
    ]


def test_headings_that_only_name_a_listed_option_are_no_new_options() -> None:
    rec = read_text(RFC.format(storage_intro=INTRO), "text/0047-profiles.md").record
    assert not [o for o in rec.options if o.title.lower().startswith("option")]

"""Words that look like options and are not: a sentence that says what the team thought
("We considered that SSL is not needed"), one that points back at options listed above
("We evaluated the mentioned options as follows"), and a list led by a line that
announces something other than candidates ("Required changes include:")."""

from __future__ import annotations

import pytest
from adr_layout import read_text, titles
from decaudit.engine.records.adr.prose import considered


@pytest.mark.parametrize(
    "sentence",
    [
        "We considered that authentication and SSL is not needed.",
        "We considered whether Redis or Memcached would be needed.",
        "We looked at how Redis and Memcached are run elsewhere.",
        "We evaluated the mentioned options as follows: option 2 and option 3.",
        "We considered the above options and Redis.",
    ],
)
def test_a_view_or_a_pointer_back_names_no_options(sentence: str) -> None:
    assert considered(sentence, single=False) == []
    assert considered(sentence, single=True) == []


def test_names_the_team_considered_are_still_read() -> None:
    said = "We considered Redis, Memcached and Hazelcast."
    assert considered(said, single=False) == ["Redis", "Memcached", "Hazelcast"]


_RECORD = """# Cache sessions

## Context

Sessions are slow to load.

## Considered Options

1. Keep sessions in the database
2. Keep sessions in a shared cache

## Decision

We keep sessions in the database.

### Other Options

We turned down option 2 because it needs more work than option 1. {lead}

* the cache cluster: three nodes in each region
* the session store: a second write path
* a runbook for failover
"""


@pytest.mark.parametrize(
    "lead",
    ["Required changes include:", "The risks are:", "It has these limitations:"],
)
def test_a_list_of_details_is_not_more_options(lead: str) -> None:
    src = read_text(_RECORD.format(lead=lead))
    assert titles(src) == ["Keep sessions in the database", "Keep sessions in a shared cache"]


def test_a_list_led_as_candidates_is_read() -> None:
    src = read_text(_RECORD.format(lead="The other candidates were:"))
    assert titles(src)[2:] == ["the cache cluster", "the session store", "a runbook for failover"]

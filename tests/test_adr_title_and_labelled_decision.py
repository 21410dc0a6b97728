"""A record whose own title names options ("# 7. Queue options") is not an options section:
its parts (status, context, decision) are never options. And a record with no decision
section that states its decision in a labelled paragraph (``**Decision:** Use X``), under
its options or under the last option's heading, chooses the option it names there."""

from __future__ import annotations

from functools import partial

import pytest
from adr_layout import chosen_titles as chosen
from adr_layout import read_text, titles
from decaudit.engine.records.adr.labelled_outcome import labelled_decisions
from decaudit.engine.records.document import parse_markdown
from hypothesis import given, settings
from hypothesis import strategies as st

read = partial(read_text, name="0007-x.md")

HEADINGS = ["7. Queue options", "Queue options", "ADR 7: Messaging alternatives", "Approaches"]


def _record(heading: str, options: str, decision: str = "") -> str:
    return f"""# {heading}

## Status

Accepted

## Context

We need to move work between the web tier and the workers.

## Options considered

{options}
{decision}
## Consequences

Workers restart without losing jobs.
"""


HEADED = """### 1. RabbitMQ

- Mature broker with good tooling
- One more service to run

### 2. Redis lists

- Already deployed
- No delivery guarantees

### 3. Postgres SKIP LOCKED

- No new service at all
- Polling load on the database
"""


@pytest.mark.parametrize("heading", HEADINGS)
def test_a_title_naming_options_is_not_an_options_section(heading: str) -> None:
    src = read(_record(heading, HEADED))
    assert titles(src) == ["RabbitMQ", "Redis lists", "Postgres SKIP LOCKED"]


@pytest.mark.parametrize("heading", HEADINGS)
def test_the_record_parts_are_never_options(heading: str) -> None:
    found = titles(read(_record(heading, "- RabbitMQ\n- Redis lists\n")))
    for part in ("Status", "Context", "Options considered", "Consequences"):
        assert part not in found
    assert found == ["RabbitMQ", "Redis lists"]


def test_a_title_section_that_holds_only_options_still_gives_them() -> None:
    """A record that is nothing but its options ("# Options" over "## A", "## B", its
    status a line) has no record parts under the heading: it is still an options section."""
    text = """# Options

Status: proposed

## Keep the cron job

- Good, because nothing changes

## Move to a scheduler service

- Good, because retries are built in
"""
    assert titles(read(text)) == ["Keep the cron job", "Move to a scheduler service"]


LABELS = ["**Decision:**", "**Decision**:", "Decision:", "**Outcome:**", "**Conclusion:**"]


@pytest.mark.parametrize("label", LABELS)
def test_a_labelled_decision_under_the_last_option_chooses(label: str) -> None:
    decision = f"\n{label} Use **Redis lists** for now; they are already deployed.\n"
    src = read(_record("Queue options", HEADED, decision))
    assert chosen(src) == ["Redis lists"]


@pytest.mark.parametrize("label", LABELS)
def test_a_labelled_decision_after_a_list_chooses(label: str) -> None:
    options = "- RabbitMQ\n- Redis lists\n- Postgres SKIP LOCKED\n"
    src = read(_record("Work queue", options, f"\n{label} We go with Postgres SKIP LOCKED.\n"))
    assert chosen(src) == ["Postgres SKIP LOCKED"]


def test_a_decision_label_naming_no_option_chooses_none() -> None:
    decision = "\n**Decision:** Revisit this after the load test in May.\n"
    assert chosen(read(_record("Queue options", HEADED, decision))) == []


def test_a_decision_section_wins_over_a_labelled_paragraph() -> None:
    text = _record("Queue options", HEADED, "\n**Decision:** Use RabbitMQ.\n")
    text += "\n## Decision\n\nWe use Postgres SKIP LOCKED.\n"
    src = read(text)
    assert labelled_decisions(parse_markdown(text)) == []
    assert chosen(src) != ["RabbitMQ"]


def test_a_labelled_decision_in_the_consequences_is_not_one() -> None:
    text = _record("Queue options", HEADED).replace(
        "Workers restart", "**Decision:** Use RabbitMQ later.\n\nWorkers restart"
    )
    assert labelled_decisions(parse_markdown(text)) == []
    assert chosen(read(text)) == []


def test_an_empty_decision_label_is_not_a_decision() -> None:
    text = _record("Queue options", HEADED, "\n**Decision:**\n\n- to be agreed\n")
    assert labelled_decisions(parse_markdown(text)) == []


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=8)


@settings(max_examples=60, deadline=None)
@given(
    names=st.lists(_WORD, min_size=2, max_size=4, unique=True),
    pick=st.integers(min_value=0, max_value=3),
    label=st.sampled_from(LABELS),
)
def test_labelled_decision_property(names: list[str], pick: int, label: str) -> None:
    """Whatever the options are called, a labelled decision that uses one by name chooses
    that one and no other; the record's parts are never options."""
    titled = [f"Tool {n}" for n in names]
    pick %= len(titled)
    options = "".join(f"### {i + 1}. {t}\n\n- some point\n\n" for i, t in enumerate(titled))
    text = _record("Tool options", options, f"\n{label} Use **{titled[pick]}**.\n")
    src = read(text)
    assert titles(src) == titled
    assert chosen(src) == [titled[pick]]
    sections = labelled_decisions(parse_markdown(text))
    assert [s.title for s in sections] == ["Decision"]

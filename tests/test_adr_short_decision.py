"""A short decision that adopts a listed option in other words ("We want to use Kafka as our
messaging middleware.") chooses it, and points labelled "Pro:" / "Contra:" are its pros and
cons."""

from __future__ import annotations

import pytest
from adr_layout import chosen_titles, read_text

RECORD = """# Messaging middleware

## Context and Problem Statement

Services need a broker for events.

## Considered Options

### Apache Kafka

Pro: Proven system with high scalability.

Contra: Topics are not queues.

### Some other messaging middleware

This option was not explored further.

## Decision Outcome

{said}
"""


@pytest.mark.parametrize(
    "said",
    [
        "We want to use Kafka as our messaging middleware.",
        "We will use Kafka as our event broker.",
        "We decided to use Apache Kafka.",
        "Use Kafka.",
    ],
)
def test_a_short_decision_in_other_words_chooses_the_option(said: str) -> None:
    src = read_text(RECORD.format(said=said), name="0021-kafka.md")
    assert chosen_titles(src) == ["Apache Kafka"]


def test_pro_and_contra_labels_give_points() -> None:
    src = read_text(RECORD.format(said="Use Kafka."), name="0021-kafka.md")
    kafka = src.record.options[0]
    assert len(kafka.pros) == 1 and len(kafka.cons) == 1
    assert kafka.cons[0].startswith("Topics")


def test_a_short_decision_naming_no_option_chooses_none() -> None:
    src = read_text(RECORD.format(said="We want to use RabbitMQ as our broker."), name="x.md")
    assert chosen_titles(src) in ([], ["RabbitMQ"])
    assert "Apache Kafka" not in chosen_titles(src)


def test_a_name_near_another_option_is_not_that_option() -> None:
    text = (
        "# Database\n\n## Status\n\nAccepted\n\n## Decision\n\nWe will use PostgreSQL as the "
        "primary database for all environments.\n\n## Alternatives Considered\n\n"
        "- MySQL: Also popular, but less featureful\n- H2: Good for tests only\n"
    )
    src = read_text(text, name="0003-database.md")
    assert "MySQL" not in chosen_titles(src)


def test_a_two_way_choice_between_two_proper_names() -> None:
    text = (
        "# 3. CSS preprocessor\n\n## Status\n\nAccepted\n\n## Context\n\nWe need one.\n\n"
        "## Decision\n\nWe chose Sass over Less because:\n\n* the team knows Sass\n"
    )
    src = read_text(text, name="0003-css.md")
    assert [(o.title, o.chosen) for o in src.record.options] == [("Sass", True), ("Less", False)]


OPPOSED = """# Programming model

## Considered Options

### In-Process COA

#### Pros

- Fast calls

### Dapr

#### Pros

- Known

## Decision outcome: {chosen}

We go this way.
"""


def test_an_opposite_title_is_not_the_option() -> None:
    src = read_text(OPPOSED.format(chosen="Out-of-Process COA"), name="0013-model.md")
    assert "In-Process COA" not in chosen_titles(src)


def test_the_same_title_is_still_the_option() -> None:
    src = read_text(OPPOSED.format(chosen="In-Process COA"), name="0013-model.md")
    assert chosen_titles(src) == ["In-Process COA"]


@pytest.mark.parametrize(
    "said",
    ["Renovate was selected.", "- Renovate was selected as our default updater, as it is free."],
)
def test_an_option_said_to_be_selected_is_chosen(said: str) -> None:
    text = (
        "# Dependency refresh\n\n## Considered Options\n\n* Dependabot\n* Renovate\n\n"
        f"## Decision Outcome\n\n{said}\n"
    )
    src = read_text(text, name="0012-deps.md")
    assert chosen_titles(src) == ["Renovate"]


def test_a_passive_about_something_else_chooses_nothing() -> None:
    text = (
        "# Dependency refresh\n\n## Considered Options\n\n* Dependabot\n* Renovate\n\n"
        "## Decision Outcome\n\nThe schedule was selected by the team.\n"
    )
    src = read_text(text, name="0012-deps.md")
    assert not {"Dependabot", "Renovate"} & set(chosen_titles(src))

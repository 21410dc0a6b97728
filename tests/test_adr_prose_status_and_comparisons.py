"""A note before the first section that says the record was superseded or deprecated gives
its status (uncertain) when nothing else does; and a record whose context or decision
compares alternatives in words no reader can name ("we compared REST and GraphQL", "the
advantages outweigh ...", "we looked into the options of ...") is not told that it shows
nothing else was considered (REC003)."""

from __future__ import annotations

import datetime as dt

import pytest
from adr_layout import read_text
from decaudit.engine.facts import FactContext, derive

_DOC = (
    "# 15. Staging mail service\n\n**Date:** 2021-04-08\n\n{note}\n\n## Context\n\n{context}\n\n"
    "## Decision\n\nWe will make the staging service live.\n"
)


def _facts(text: str) -> dict[str, object]:
    return derive(read_text(text), FactContext(today=dt.date(2026, 12, 2))).decision


@pytest.mark.parametrize(
    ("note", "unsure"),
    [
        ("This decision has been superseded by decision: [0018 Staging](0018-staging.md)", True),
        ("This ADR is deprecated.", True),
        ("Superseded by [ADR-18](0018-staging.md).", False),  # a status line in all but name
        ("**This ADR is outdated, see the new ADR in [ADR-18](0018-staging.md).**", True),
        ("> [!WARNING]\n> This ADR has been replaced by [ADR-18](0018-staging.md).", True),
        ("Note: this decision was superseded by [ADR-18](0018-staging.md).", True),
    ],
)
def test_a_replaced_note_gives_the_status(note: str, unsure: bool) -> None:
    rec = read_text(_DOC.format(note=note, context="Mail goes out.")).record
    assert rec.status in ("superseded", "withdrawn")
    assert ("status" in ((rec.model_extra or {}).get("x_uncertain") or [])) is unsure


def test_a_note_that_calls_something_else_outdated_gives_none() -> None:
    note = "This record explains why the old mail relay is outdated."
    rec = read_text(_DOC.format(note=note, context="Mail goes out.")).record
    assert rec.status is None


def test_a_note_that_only_mentions_a_replacement_gives_none() -> None:
    note = "We plan to replace the mail relay next year."
    rec = read_text(_DOC.format(note=note, context="Mail goes out.")).record
    assert rec.status is None


@pytest.mark.parametrize(
    ("context", "named"),
    [
        ("We compared REST and GraphQL for the public API.", True),
        ("A separate scheme was felt to outweigh reusing the old one.", True),
        ("We looked into the options of a library, a lambda or the frontend.", True),
        ("Should the service release now, or should the service wait for review?", True),
        ("There are two ways to do this: polling or webhooks.", True),
        ("The main contenders were Kafka and NATS.", True),
        ("We chose Postgres over MySQL because the team knows it.", True),
        ("Why not Kafka? It needs a cluster we cannot run.", True),
        ("We did a spike on Kafka and NATS last sprint.", True),
        ("We tried Kafka first; it was too heavy for us.", True),
        ("Dotted lines show references rather than strict foreign keys.", False),
        ("RFC 0006 analyzes the problem, surveys the alternatives, and plans it.", True),
        ("We investigated other ways to ship the templates in alpha.", True),
        ("The service sends mail to users.", False),
        ("Errors show expected vs actual values.", False),
        ("Users sign in in two steps, over a secure channel.", False),
        ("We tried to keep the service small.", False),
    ],
)
def test_comparing_words_count_as_weighing(context: str, named: bool) -> None:
    facts = _facts(_DOC.format(note="", context=context))
    assert facts["alternative_named"] is named


@pytest.mark.parametrize(
    ("heading", "named"),
    [
        ("Comparison with keyword", True),
        ("Comparison Table of Formats", True),
        ("Why encodeURI does not solve our problem", True),
        ("REST vs. GraphQL", True),
        ("Rejected approaches", True),
        ("Expected vs actual", False),
        ("Comparison", False),
    ],
)
def test_a_heading_that_weighs_another_way(heading: str, named: bool) -> None:
    text = (
        "# 15. Staging mail service\n\n## Status\n\nAccepted\n\n## Context\n\nMail goes "
        f"out.\n\n## Decision\n\nWe will make it live.\n\n## {heading}\n\nSome notes.\n"
    )
    assert _facts(text)["alternative_named"] is named


@pytest.mark.parametrize(
    ("heading", "body", "named"),
    [
        ("##### Alternative path", "We could publish docs per minor release instead.", True),
        ("### Alternate Packaging Designs", "One package per provider, or one for all.", True),
        ("## 7 Alternatives", "Sharding by time was weighed against sharding by label.", True),
        ("## Alternatives", "N/A - To be documented if alternatives are considered.", False),
        ("## Alternatives", "Unknown", False),
        ("## Alternatives", "", False),
        ("## Links", "See the other records in this folder.", False),
    ],
)
def test_a_heading_naming_alternatives_over_text(heading: str, body: str, named: bool) -> None:
    text = (
        "# 15. Staging mail service\n\n## Status\n\nAccepted\n\n## Context\n\nMail goes "
        f"out.\n\n## Decision\n\nWe will make it live.\n\n{heading}\n\n{body}\n"
    )
    assert _facts(text)["alternative_named"] is named


def test_a_bold_label_naming_options_counts() -> None:
    text = (
        "# 15. Staging mail service\n\n## Status\n\nAccepted\n\n## Context\n\nMail goes "
        "out.\n\n**Improvement Options**\n\nWe weighed a relay and a queue.\n\n## Decision\n\n"
        "We will make it live.\n"
    )
    assert _facts(text)["alternative_named"] is True


@pytest.mark.parametrize(
    ("decision", "named"),
    [
        ("We put the checks in the core assembly rather than a separate package.", True),
        ("Validation fails fast instead of silently skipping a handler.", True),
        ("The alternative to a table was to call the service every time, which is slow.", True),
        ("A singleton is valid, but a static field is the wrong mechanism for it.", True),
        ("We will not log personal data.", False),  # the decision's scope, no alternative
        ("We will make the staging service live.", False),
    ],
)
def test_a_decision_that_sets_its_course_against_another_weighs_it(
    decision: str, named: bool
) -> None:
    text = _DOC.format(note="", context="Mail goes out.").replace(
        "We will make the staging service live.", decision
    )
    assert _facts(text)["alternative_named"] is named

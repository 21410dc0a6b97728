"""Findings that claim only what the record says: reasons against rejected options read
from the context, money shown in the record's currency, records about keeping decision
records, and options listed as "reasons against other options".

The ADRs here are written for the tests, in the layouts real repositories use.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from decaudit.engine.check import CheckOptions, run_check
from decaudit.engine.types import Finding

TODAY = dt.date(2026, 12, 1)


def check(path: Path) -> tuple[Finding, ...]:
    return run_check(
        CheckOptions(paths=(str(path),), today=TODAY, convention_min_records=0)
    ).findings


def rule(findings: tuple[Finding, ...], rule_id: str) -> list[Finding]:
    return [f for f in findings if f.rule_id == rule_id]


MADR_STATUS_QUO = """\
---
status: accepted
date: 2024-05-02
---

# Split the billing service

## Context and problem statement

The billing service handles every invoice, refund and payment run. This has resulted in one
class of three thousand lines that four teams edit, and a merge conflict most weeks.

## Considered options

- **Extract a service per domain** - one service for invoices, one for refunds.
- **Do nothing** - Leave it as is.

## Decision outcome

Chosen option: **Extract a service per domain**
"""


def test_the_context_is_the_reason_against_doing_nothing(tmp_path: Path) -> None:
    (tmp_path / "0001-split.md").write_text(MADR_STATUS_QUO, encoding="utf-8")
    assert rule(check(tmp_path), "ALT006") == []


def test_facts_show_where_the_reason_against_an_option_is(tmp_path: Path) -> None:
    from click.testing import CliRunner
    from decaudit.cli.main import cli

    path = tmp_path / "0001-split.md"
    path.write_text(MADR_STATUS_QUO, encoding="utf-8")
    out = CliRunner().invoke(cli, ["facts", str(path), "--today", "2026-12-01"]).output
    assert "rejected_reason_from       context (against the status quo)" in out
    assert "rejected_reason_line       8" in out  # the context's heading
    assert "This has resulted in one class" in out


def test_without_a_problem_in_the_context_doing_nothing_still_needs_a_reason(
    tmp_path: Path,
) -> None:
    text = MADR_STATUS_QUO.replace(
        "This has resulted in one\nclass of three thousand lines that four teams edit, and a merge"
        " conflict most weeks.",
        "It is written in Kotlin and\nruns on two nodes in the Dublin region for the finance team.",
    )
    (tmp_path / "0001-split.md").write_text(text, encoding="utf-8")
    (finding,) = rule(check(tmp_path), "ALT006")
    assert "'Do nothing'" in finding.message


def test_money_in_messages_carries_the_records_currency(tmp_path: Path) -> None:
    (tmp_path / "case.yaml").write_text(
        "id: DEC-1\ntitle: New packing line\nstatus: accepted\ncurrency: EUR\n"
        "decision_makers: [Plant director]\noptions:\n"
        "  - title: Add a packing line\n    chosen: true\n    business_case:\n"
        "      benefits:\n        - {id: volume, description: More volume, projected: 2500000}\n"
        "  - {title: Do nothing, rejected_reason: Orders are refused at peak}\n",
        encoding="utf-8",
    )
    (ben,) = rule(check(tmp_path), "BEN001")
    assert "projects €2,500,000 and records no basis" in ben.message


NYGARD_FIRST = """\
# 1. Record architecture decisions

Date: 2024-01-10

## Status

Accepted

## Context

We need to record the architectural decisions made on this project.

## Decision

We will use Architecture Decision Records, as described by Michael Nygard.

## Consequences

See Michael Nygard's article, linked above.
"""


def test_the_record_that_adopts_decision_records_asks_for_no_options(tmp_path: Path) -> None:
    (tmp_path / "0001-record-architecture-decisions.md").write_text(NYGARD_FIRST)
    other = NYGARD_FIRST.replace("# 1. Record architecture decisions", "# 2. Log to stdout")
    other = other.replace(
        "We need to record the architectural decisions made on this project.",
        "Logs are written to files that nobody collects.",
    ).replace(
        "We will use Architecture Decision Records, as described by Michael Nygard.",
        "Every service logs to standard output.",
    )
    (tmp_path / "0002-log-to-stdout.md").write_text(other)
    flagged = [f.decision_id for f in rule(check(tmp_path), "REC003")]
    assert len(flagged) == 1 and "0002" in flagged[0]


REASONS_AGAINST = """\
---
status: accepted
date: 2025-03-01
---

# Adopt signals for component state

## Context and problem statement

Component state is kept in observables, which makes change detection hard to follow.

## Decision outcome

We adopt signals for component state.

## Reasons against other options

### Keep observables everywhere

Change detection stays hard to follow, and templates keep the async pipe.

### A state-management library

A new dependency, and more code than the problem needs.
"""


def test_options_under_reasons_against_other_options_are_options(tmp_path: Path) -> None:
    (tmp_path / "0029-signals.md").write_text(REASONS_AGAINST, encoding="utf-8")
    findings = check(tmp_path)
    assert rule(findings, "REC003") == []
    assert rule(findings, "ALT006") == []


REGISTER = (
    "decision_id,decision_title,status,option_id,option_title,chosen,"
    "benefit_projected,benefit_type,{desc_head}cost_projected\n"
    "R-1,New store in Lyon,Approved,store,Open a store in Lyon,yes,"
    "6500000,revenue,{desc}4200000\n"
)


def test_a_benefit_without_an_id_is_named_by_its_description_or_type(tmp_path: Path) -> None:
    """A register row gives no benefit id: messages name the benefit by its description,
    else its type, and a cost by its place, never by a bare index such as '0'."""
    plain = tmp_path / "plain.csv"
    plain.write_text(REGISTER.format(desc_head="", desc=""))
    described = tmp_path / "described.csv"
    described.write_text(
        REGISTER.format(
            desc_head="benefit_description,",
            desc="Sales from shoppers who do not visit our ...er stores today,",
        )
    )
    (by_type,) = rule(check(plain), "BEN001")
    assert "Benefit 'revenue' of option" in by_type.message
    (cost,) = rule(check(plain), "BEN003")
    assert "Cost 'item 1' of option" in cost.message
    (by_text,) = rule(check(described), "BEN001")
    assert by_type.decision_id == "R-1"
    assert "Benefit 'Sales from shoppers who do not visit our ...' of" in by_text.message

"""Precision of the built-in pack: good decisions and real ADRs get no noise.

Every record goes through the real path: the record loaders, fact derivation, the rule pack
compiled to durable_rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from decaudit.engine.evaluate import Evaluator, evaluate_records
from decaudit.engine.facts import FactContext
from decaudit.engine.model import Record
from decaudit.engine.records import iter_sources, load_file
from decaudit.engine.rules.loader import load_pack
from decaudit.engine.types import SEVERITY_RANK, Finding, SourceRecord

TODAY = dt.date(2026, 6, 30)
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@cache
def evaluator() -> Evaluator:
    return Evaluator(load_pack())


def audit(sources: Sequence[SourceRecord]) -> list[Finding]:
    ev = evaluator()
    return evaluate_records(ev.pack, sources, FactContext(today=TODAY), ev)


def load_text(name: str, text: str) -> list[SourceRecord]:
    out = load_file(name, text.encode("utf-8"))
    assert all(isinstance(s, SourceRecord) for s in out), out
    return [s for s in out if isinstance(s, SourceRecord)]


def from_dict(raw: dict[str, Any]) -> SourceRecord:
    return SourceRecord(record=Record.model_validate(raw), file="d.yaml", format="yaml")


def rule_paths(found: Sequence[Finding]) -> set[tuple[str, str]]:
    return {(f.rule_id, f.path) for f in found}


# A decision made the way the rules ask: several analysed options including a breakthrough
# and a replace-own-business one, ranges, evidence, contingency, an optimism-bias uplift, a
# downside scenario, challenge questions, alternatives requested, a do-nothing baseline.
WELL_MADE = """
id: DEC-2026-003
title: Future of the in-store photo printing business
date: 2026-01-20
status: accepted
project_type: equipment-development
origin: bottom-up
decision_makers: [Executive committee]
proposed_by: [Photo division]
rationale: >-
  Customers now keep photos on their phones and want printed books delivered, not kiosks; the
  app-based print service serves that need and holds its NPV in the downside scenario.
challenge:
  questions:
    - What would a competitor with no stores do?
    - What if kiosk usage falls twice as fast?
  alternatives_requested: true
options:
  - id: status-quo
    title: Keep the kiosks as they are
    kind: do-nothing
    rejected_reason: Kiosk prints fall 18% a year.
    business_case: {npv: -4000000, scenarios: [base, downside]}
  - id: refresh
    title: Refresh the kiosks with a new touch screen
    kind: do-minimum
    rejected_reason: Does not stop the decline; NPV negative in the downside.
    business_case: {npv: 300000, scenarios: [base, downside]}
  - id: wedding-albums
    title: Add premium wedding albums to the kiosks
    kind: incremental
    rejected_reason: Small market; pilot conversion 0.5%.
    business_case: {npv: 900000, scenarios: [base, downside]}
  - id: partner-stores
    title: Offer kiosks to partner pharmacies in new regions
    kind: adjacent
    rejected_reason: Partners want revenue share that erases the margin.
    business_case: {npv: 1100000, scenarios: [base, downside]}
  - id: app-print
    title: Replace the kiosks with an app-based print and delivery service
    kind: replace-own-business
    chosen: true
    business_case:
      horizon_years: 5
      npv: 6800000
      optimism_bias_uplift: 2.0
      scenarios: [base, downside, competitor-price-cut]
      benefits:
        - id: app-revenue
          description: Photo books and prints ordered in the app
          type: revenue
          projected: 12000000
          low: 7000000
          high: 15000000
          basis: 2025 beta with 40,000 users, 6% ordered twice
      costs:
        - id: app-build
          description: App and print-partner integration
          projected: 3500000
          contingency: 0.3
      assumptions:
        - statement: Print partners deliver within three days
          evidence: Signed service levels with two partners
        - statement: Kiosk customers move to the app
          challenged: true
  - id: ai-albums
    title: Automatic AI-curated yearly albums as a new business model
    kind: breakthrough
    rejected_reason: Lower NPV and unproven curation quality.
    business_case:
      npv: 2000000
      optimism_bias_uplift: 2.0
      scenarios: [base, downside]
      benefits:
        - {id: subscriptions, type: revenue, projected: 5000000, low: 1000000,
           high: 8000000, basis: Survey of 2,000 customers}
"""


def test_a_well_made_decision_gets_nothing_above_low() -> None:
    found = audit(load_text("well-made.yaml", WELL_MADE))
    above_low = [f for f in found if f.rank > SEVERITY_RANK["low"]]
    assert above_low == [], [(f.rule_id, f.message) for f in above_low]


def test_a_well_made_decision_made_sloppy_is_caught() -> None:
    """The same decision with its evidence stripped fires the rules that guard each part."""
    raw = load_text("well-made.yaml", WELL_MADE)[0].raw
    assert raw is not None
    sloppy = {**raw, "challenge": None}
    chosen = dict(sloppy["options"][4])
    case = dict(chosen["business_case"])
    case.update(optimism_bias_uplift=None, scenarios=["base"])
    case["benefits"] = [{"id": "app-revenue", "type": "revenue", "projected": 12000000}]
    case["costs"] = [{"id": "app-build", "projected": 3500000}]
    chosen["business_case"] = case
    sloppy["options"] = [*sloppy["options"][:4], chosen, *sloppy["options"][5:]]
    got = {f.rule_id for f in audit([from_dict(sloppy)])}
    assert {"BEN001", "BEN002", "BEN003", "BEN004", "BEN011", "GOV001"} <= got
    assert not got & {"ALT001", "ALT002", "ALT003", "ALT005", "INC001"}


MADR = """\
---
status: accepted
date: 2024-03-12
decision-makers: [Alice Martin, Platform team]
---
# Use PostgreSQL for the order service

## Context and Problem Statement

The order service stores orders in a single MySQL 5.7 instance that reaches end of life in
October. We need transactional writes across orders and payments, and JSON columns.

## Decision Drivers

* Multi-row transactions
* Managed offering on our cloud provider

## Considered Options

* PostgreSQL
* MongoDB
* Upgrade to MySQL 8

## Decision Outcome

Chosen option: "PostgreSQL", because it supports transactions and JSONB, and the platform
team already runs it for two services at the lowest cost.

### Consequences

* Good, because one database engine fewer to operate
* Bad, because the migration needs a two-hour write freeze

## Pros and Cons of the Options

### PostgreSQL

* Good, because transactions and JSONB

### MongoDB

* Good, because flexible documents
* Bad, because multi-document transactions are new to the team

### Upgrade to MySQL 8
"""


def test_a_madr_adr_gets_only_sensible_hygiene_findings() -> None:
    sources = load_text("docs/decisions/0005-use-postgresql.md", MADR)
    assert [s.format for s in sources] == ["madr"]
    found = audit(sources)
    # the outcome says why PostgreSQL won ("because it supports transactions..."): that is
    # the reason the MySQL upgrade, which has no pros or cons of its own, lost
    assert rule_paths(found) == set()


def test_a_two_option_madr_adr_without_decision_makers() -> None:
    text = MADR.replace("decision-makers: [Alice Martin, Platform team]\n", "")
    text = text.replace("* Upgrade to MySQL 8\n", "").replace("### Upgrade to MySQL 8\n", "")
    found = audit(load_text("0006.md", text))
    # two options is normal for a technical ADR: ALT002 needs a business context
    assert rule_paths(found) == {("GOV002", "$")}


def test_a_madr_outcome_naming_an_unlisted_option() -> None:
    text = MADR.replace('Chosen option: "PostgreSQL"', 'Chosen option: "CockroachDB"')
    got = {f.rule_id for f in audit(load_text("0007.md", text))}
    assert "REC001" in got
    assert "REC002" not in got  # REC001 already says what is wrong


NYGARD = """\
# 2. Use event sourcing for the ledger

Date: 2023-09-04

## Status

Accepted

## Context

Auditors need to reconstruct the balance of any account at any past date. The current
ledger overwrites balances in place.

## Decision

We will store every ledger change as an immutable event and derive balances from the event
stream, because it is the cheapest way to meet the audit requirement.

## Consequences

Balances are rebuilt from events; we need snapshots to keep reads fast.
"""


def test_a_nygard_adr_gets_a_low_hygiene_finding_and_no_failure() -> None:
    sources = load_text("doc/adr/0002-use-event-sourcing.md", NYGARD)
    assert [s.format for s in sources] == ["nygard"]
    found = audit(sources)
    assert {f.rule_id for f in found} == {"REC003", "GOV002"}
    assert max(f.rank for f in found) < SEVERITY_RANK["high"]


def test_technical_adr_options_trigger_no_business_rules() -> None:
    """Kind-based and business-case rules need data an ADR does not have."""
    found = audit(load_text("0005.md", MADR) + load_text("0002.md", NYGARD))
    business = {"INC001", "INC003", "INC005", "ALT001", "ALT003", "ALT004", "ALT005"}
    assert not {f.rule_id for f in found} & business
    assert not [f for f in found if f.family == "benefits"]


def test_samples_exercise_every_family() -> None:
    results = [r for r in iter_sources([str(SAMPLES)]) if getattr(r, "kind", None) != "skipped"]
    sources = [r for r in results if isinstance(r, SourceRecord)]
    assert sources and len(sources) == len(results), [r for r in results if r not in sources]
    found = audit(sources)
    families = {f.family for f in found}
    assert families == {"incremental", "alternatives", "benefits", "governance", "hygiene"}
    # and the samples that document a well-made decision stay quiet
    quiet = {s.record.id for s in sources} - {f.decision_id for f in found if f.rank >= 2}
    assert quiet, "some sample is a well-made decision with nothing above low"


def _past(n: int, ratio: float) -> str:
    return f"""\
id: PAST-{n}
title: Past IT project {n}
date: 202{n}-03-01
status: implemented
project_type: it-system
options:
  - title: Build system {n}
    chosen: true
    business_case:
      benefits: [{{id: saving, projected: 1000000, realized: {int(ratio * 1000000)}}}]
"""


PROPOSAL = """\
id: DEC-2026-010
title: Replace the warehouse management system
status: proposed
project_type: it-system
options:
  - title: Buy a cloud warehouse management system
    chosen: true
    business_case:
      optimism_bias_uplift: 0.1
      benefits: [{id: picking, type: cost-saving, projected: 3000000}]
"""


def test_ben009_learns_the_track_record_from_the_audit_log(tmp_path: Path) -> None:
    from decaudit.engine.check import CheckOptions, run_check

    db = str(tmp_path / "audit.db")
    proposal = tmp_path / "proposal.yaml"
    proposal.write_text(PROPOSAL, encoding="utf-8")

    def ben009(*paths: Path) -> list[Finding]:
        opts = CheckOptions(paths=tuple(map(str, paths)), db=db, today=TODAY, select=("BEN009",))
        return [f for f in run_check(opts).findings if f.rule_id == "BEN009"]

    past = []
    for n, ratio in enumerate([0.4, 0.5, 0.6], start=1):
        path = tmp_path / f"past-{n}.yaml"
        path.write_text(_past(n, ratio), encoding="utf-8")
        past.append(path)
    assert ben009(proposal) == []  # an empty log: no history, no finding
    ben009(*past[:2])
    assert ben009(proposal) == []  # two past decisions: too little history
    ben009(past[2])
    found = ben009(proposal)
    assert [f.decision_id for f in found] == ["DEC-2026-010"]
    assert "median of 50%" in found[0].message
    assert "PAST-1, PAST-2, PAST-3" in found[0].message

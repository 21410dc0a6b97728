"""Fact derivation: what the rules see of a record."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from decaudit.engine.facts import (
    CATALOGUE,
    FactContext,
    FactDict,
    PortfolioAccumulator,
    RecordFacts,
    TrackRecord,
    derive,
)
from decaudit.engine.model import Record
from decaudit.engine.types import SourceRecord
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_facts_strategies import records

TODAY = dt.date(2026, 6, 30)


def facts_of(raw: dict[str, Any], **ctx: Any) -> RecordFacts:
    src = SourceRecord(record=Record.model_validate(raw), file="d.yaml", format="yaml")
    return derive(src, FactContext(today=TODAY, **ctx))


def check_types(fact: FactDict) -> None:
    """Every key is in the catalogue of its fact type and has the declared type."""
    specs = CATALOGUE[fact["_t"]]
    for key, value in fact.items():
        if key == "_t":
            continue
        assert key in specs, f"{fact['_t']}.{key} is not in the catalogue"
        assert value is not None, f"{fact['_t']}.{key} is None (must be absent)"
        expected = specs[key].type
        if expected == "bool":
            assert isinstance(value, bool), (key, value)
        elif expected == "number":
            assert isinstance(value, int | float) and not isinstance(value, bool), (key, value)
        else:
            assert isinstance(value, str), (key, value)


PREMIUM: dict[str, Any] = {
    "id": "DEC-1",
    "title": "Premium tier for the Aurora line",
    "date": "2025-02-11",
    "status": "implemented",
    "project_type": "it-system",
    "origin": "bottom-up",
    "decision_makers": ["CEO"],
    "rationale": "Highest NPV of the options.",
    "options": [
        {
            "id": "premium-tier",
            "title": "Add a premium tier to Aurora",
            "chosen": True,
            "business_case": {
                "npv": 2100000,
                "optimism_bias_uplift": 0.1,
                "scenarios": ["base", "downside"],
                "benefits": [
                    {
                        "id": "revenue",
                        "type": "revenue",
                        "projected": 4000000,
                        "low": 3000000,
                        "high": 5000000,
                        "basis": "pilot",
                        "realized": 1600000,
                    },
                    {"id": "upsell", "type": "revenue", "projected": 1000000},
                ],
                "costs": [
                    {"id": "build", "projected": 1200000, "contingency": 0.0, "realized": 1800000},
                    {"id": "run", "projected": 300000, "contingency": 0.1},
                ],
                "assumptions": [
                    {"statement": "Costs come in on target"},
                    {"statement": "4% of accounts convert", "evidence": "2023 pilot"},
                    {"statement": "No price war", "challenged": True},
                ],
            },
        },
        {
            "id": "price",
            "title": "Raise prices by 5%",
            "kind": "incremental",
            "rejected_reason": "Churn",
        },
        {"id": "saas", "title": "Sell Aurora as a subscription", "cons": ["Cannibalises licences"]},
        {"id": "nothing", "title": "Keep the current line"},
        {"id": "radical", "title": "Something", "kind": "breakthrough"},
    ],
}


def test_counts_by_kind_given_and_inferred() -> None:
    d = facts_of(PREMIUM).decision
    # premium tier (inferred incremental), price (given), saas (inferred replace-own-business),
    # status quo (inferred do-nothing), radical (given breakthrough)
    assert d["incremental_count"] == 2
    assert d["replace_own_business_count"] == 1
    assert d["do_nothing_count"] == 1
    assert d["breakthrough_count"] == 1
    assert d["adjacent_count"] == 0 and d["do_minimum_count"] == 0
    assert d["option_count"] == 5 and d["real_option_count"] == 4
    assert d["inferred_kind_count"] == 3 and d["unknown_kind_count"] == 0
    assert d["has_breakthrough"] is True
    assert d["breakthrough_analysed_count"] == 0
    assert d["breakthrough_unanalysed_count"] == 2


@pytest.mark.parametrize(
    ("title", "baseline"),
    [
        ("Keep flat pricing", True),
        ("Leave it federated", True),
        ("Stick with Jenkins", True),
        ("Keeping the monthly billing unit", True),
        ("Continue to use the current supplier", True),
        ("Retain the in-house team", True),
        ("Keep Jenkins but add two runners", False),
        ("Keep cost recovery and raise budgets to compensate", False),
        ("Keepalive pings from every client", False),
        ("Move billing to the provider's invoices", False),
    ],
)
def test_an_option_titled_by_staying_put_is_the_baseline(title: str, baseline: bool) -> None:
    d = facts_of(
        {
            "id": "ADR-2",
            "title": "Pricing of hosted models",
            "options": [{"title": "Charge per request", "chosen": True}, {"title": title}],
        }
    ).decision
    assert (d["do_nothing_count"] == 1) is baseline


def test_technical_options_keep_an_unknown_kind() -> None:
    f = facts_of(
        {
            "id": "ADR-1",
            "title": "Database",
            "options": [{"title": "Use PostgreSQL", "chosen": True}, {"title": "Use MongoDB"}],
        }
    )
    assert f.decision["unknown_kind_count"] == 2
    assert f.decision["chosen_kind"] == "unknown"
    assert [o["kind"] for o in f.options] == ["unknown", "unknown"]
    assert f.decision["business_context"] is False


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ({}, False),
        ({"project_type": "building"}, True),
        ({"options": [{"title": "A", "kind": "incremental"}]}, True),
        ({"options": [{"title": "A", "business_case": {"npv": 1}}]}, True),
        ({"options": [{"title": "Upgrade the CI runners"}]}, False),  # inferred kind only
        ({"context": "Snippets hold $1, $2 placeholders."}, False),  # not money
        ({"context": "The licence costs $4m a year."}, True),
        ({"context": "Each seat costs $40."}, True),
    ],
)
def test_business_context(extra: dict[str, Any], expected: bool) -> None:
    assert facts_of({"id": "D", "title": "T", **extra}).decision["business_context"] is expected


def test_realization_and_overrun_use_measured_lines_only() -> None:
    d = facts_of(PREMIUM).decision
    assert d["projected_benefits"] == 5000000
    assert d["realized_benefits"] == 1600000
    assert d["realization_ratio"] == pytest.approx(0.4)  # upsell has no realized figure
    assert d["benefits_measured"] is True
    assert d["projected_costs"] == 1500000
    assert d["cost_overrun_ratio"] == pytest.approx(1.5)  # run has no realized figure
    assert d["chosen_outcome"] == (
        "benefits 40% of projected (1,600,000 of 4,000,000); "
        "costs 150% of projected (1,800,000 of 1,200,000)"
    )


def test_ratios_absent_when_nothing_is_measured() -> None:
    raw = {
        "id": "D",
        "title": "T",
        "options": [
            {
                "title": "A",
                "chosen": True,
                "business_case": {
                    "benefits": [{"projected": 10}],
                    "costs": [{"projected": 0, "realized": 5}],
                },
            }
        ],
    }
    d = facts_of(raw).decision
    assert "realization_ratio" not in d and "realized_benefits" not in d
    assert "cost_overrun_ratio" not in d  # a zero projection gives no ratio
    assert d["benefits_measured"] is False
    assert "chosen_outcome" not in d


def test_age_in_days_and_absent_without_a_date() -> None:
    assert facts_of(PREMIUM).decision["age_days"] == (TODAY - dt.date(2025, 2, 11)).days
    assert "age_days" not in facts_of({"id": "D", "title": "T"}).decision


def test_chosen_option_facts() -> None:
    d = facts_of(PREMIUM).decision
    assert d["chosen_count"] == 1
    assert d["chosen_id"] == "premium-tier"
    assert d["chosen_kind"] == "incremental" and d["chosen_kind_inferred"] is True
    assert d["chosen_npv"] == 2100000
    assert d["chosen_uplift"] == pytest.approx(0.1)
    assert d["chosen_uplift_applied"] == pytest.approx(0.1)
    assert d["chosen_has_downside"] is True
    assert d["chosen_scenarios"] == "base, downside"
    assert d["chosen_assumption_count"] == 3
    assert d["chosen_unchallenged_assumption_count"] == 1
    assert d["chosen_unchallenged_assumptions"] == "'Costs come in on target'"


@pytest.mark.parametrize("chosen", [[], [0, 1]])
def test_no_chosen_facts_unless_exactly_one_is_chosen(chosen: list[int]) -> None:
    options = [{"title": t, "chosen": i in chosen} for i, t in enumerate(["A", "B"])]
    d = facts_of({"id": "D", "title": "T", "options": options}).decision
    assert d["chosen_count"] == len(chosen)
    assert not any(
        k.startswith("chosen_") and k not in ("chosen_count", "chosen_option_unmatched") for k in d
    )


def test_uplift_applied_is_zero_without_an_uplift() -> None:
    raw = {
        "id": "D",
        "title": "T",
        "options": [{"title": "A", "chosen": True, "business_case": {"npv": 1}}],
    }
    d = facts_of(raw).decision
    assert "chosen_uplift" not in d
    assert d["chosen_uplift_applied"] == 0
    assert d["chosen_scenarios"] == "none"


def test_option_facts_rejection_and_cases() -> None:
    opts = {o["oid"]: o for o in facts_of(PREMIUM).options}
    assert opts["premium-tier"]["chosen"] is True and opts["premium-tier"]["rejected"] is False
    assert opts["price"]["rejected"] is True and opts["price"]["has_rejected_reason"] is True
    assert opts["saas"]["has_rejected_reason"] is True  # cons count as a reason
    assert opts["saas"]["cons_count"] == 1
    # the rationale ("Highest NPV of the options.") is the reason the others lost
    assert opts["nothing"]["has_rejected_reason"] is True
    assert opts["premium-tier"]["other_business_case_count"] == 0
    assert opts["radical"]["other_business_case_count"] == 1
    assert facts_of(PREMIUM).decision["rejected_without_reason_count"] == 0
    silent = {k: v for k, v in PREMIUM.items() if k != "rationale"}
    opts = {o["oid"]: o for o in facts_of(silent).options}
    assert opts["nothing"]["has_rejected_reason"] is False
    decision = facts_of(silent).decision
    assert decision["rejected_without_reason_count"] == 2
    assert decision["rejected_without_reason"].startswith("'")


def test_benefit_facts_and_reference_class() -> None:
    benefits = facts_of(PREMIUM).benefits
    assert [b["path"] for b in benefits] == [
        "$.options[0].business_case.benefits[0]",
        "$.options[0].business_case.benefits[1]",
    ]
    revenue, upsell = benefits
    assert revenue["has_range"] is True and revenue["has_basis"] is True
    assert upsell["has_range"] is False and upsell["has_basis"] is False
    assert revenue["realization_ratio"] == pytest.approx(0.4)
    assert "realization_ratio" not in upsell
    assert revenue["option_title"] == "Add a premium tier to Aurora"
    assert revenue["option_rejected"] is False
    # it-system: McKinsey/Oxford, 56% less value -> realization 0.44; uplift 0.1 applied
    assert revenue["reference_realization"] == pytest.approx(0.44)
    assert revenue["reference_discount_gap"] == pytest.approx(0.46)
    assert "McKinsey" in revenue["reference_source"]


def test_synergy_reference_class_for_acquisitions() -> None:
    raw = {
        "id": "D",
        "title": "T",
        "project_type": "acquisition",
        "options": [
            {
                "title": "Buy Rival",
                "chosen": True,
                "business_case": {
                    "optimism_bias_uplift": 0.5,
                    "benefits": [{"type": "synergy", "projected": 10}, {"type": "strategic"}],
                },
            }
        ],
    }
    synergy, strategic = facts_of(raw).benefits
    assert synergy["reference_realization"] == pytest.approx(0.3)
    assert synergy["reference_discount_gap"] == pytest.approx(0.2)
    assert "reference_realization" not in strategic


def test_cost_facts() -> None:
    build, run = facts_of(PREMIUM).costs
    assert build["has_contingency"] is False and build["contingency_held"] == 0
    assert run["has_contingency"] is True and run["contingency_held"] == pytest.approx(0.1)
    assert build["overrun_ratio"] == pytest.approx(1.5)
    assert build["case_assumes_on_target"] is True
    assert build["on_target_evidenced"] is False
    assert build["uplift_applied"] == pytest.approx(0.1)
    assert build["committed"] is False


@pytest.mark.parametrize(
    ("statement", "on_target"),
    [
        ("Costs come in on target", True),
        ("The build stays within budget", True),
        ("Delivered on budget and on time", True),
        ("Prices rise 3% a year", False),
    ],
)
def test_on_target_assumptions(statement: str, on_target: bool) -> None:
    raw = {
        "id": "D",
        "title": "T",
        "options": [
            {
                "title": "A",
                "business_case": {
                    "costs": [{"projected": 1}],
                    "assumptions": [{"statement": statement}],
                },
            }
        ],
    }
    assert facts_of(raw).costs[0]["case_assumes_on_target"] is on_target


def test_committed_costs() -> None:
    raw = {
        "id": "D",
        "title": "T",
        "options": [
            {
                "title": "A",
                "business_case": {
                    "costs": [
                        {"id": "price", "description": "Purchase price", "projected": 5},
                        {"id": "integration", "description": "IT integration", "projected": 1},
                    ]
                },
            }
        ],
    }
    price, integration = facts_of(raw).costs
    assert price["committed"] is True and integration["committed"] is False


def test_acquisition_and_bolt_on_facts() -> None:
    raw = {
        "id": "D",
        "title": "T",
        "project_type": "acquisition",
        "options": [
            {
                "title": "Acquire Northwind",
                "chosen": True,
                "business_case": {
                    "benefits": [
                        {"type": "revenue", "description": "Northwind's customer base"},
                        {"type": "other", "description": "Cross-selling to their customers"},
                    ]
                },
            }
        ],
    }
    d = facts_of(raw).decision
    assert d["chosen_is_acquisition"] is True
    assert d["chosen_bolt_on_benefits"] is True
    assert d["chosen_new_capability"] is False
    assert d["chosen_has_integration_plan"] is False
    raw["options"][0]["business_case"]["benefits"].append(
        {"type": "strategic", "description": "Their routing technology"}
    )
    d = facts_of(raw).decision
    assert d["chosen_bolt_on_benefits"] is False and d["chosen_new_capability"] is True


def test_rationale_vocabularies() -> None:
    d = facts_of(PREMIUM).decision
    assert d["rationale_financial"] is True and d["rationale_customer"] is False
    d = facts_of({**PREMIUM, "rationale": "Customers asked for it in the pilot"}).decision
    assert d["rationale_financial"] is False and d["rationale_customer"] is True
    assert "rationale_financial" not in facts_of({"id": "D", "title": "T"}).decision


def test_chosen_option_named_but_not_listed() -> None:
    raw = {
        "id": "D",
        "title": "T",
        "chosen_option": "Svelte",
        "options": [{"title": "React"}, {"title": "Vue"}],
    }
    d = facts_of(raw).decision
    assert d["chosen_option_unmatched"] is True and d["chosen_option_named"] == "Svelte"
    raw["chosen_option"] = '"vue"'
    assert facts_of(raw).decision["chosen_option_unmatched"] is False


def test_challenge_and_governance_facts() -> None:
    d = facts_of(PREMIUM).decision
    assert d["challenge_question_count"] == 0 and "alternatives_requested" not in d
    assert d["decision_maker_count"] == 1 and d["origin"] == "bottom-up"
    d = facts_of(
        {**PREMIUM, "challenge": {"questions": ["Why now?"], "alternatives_requested": True}}
    ).decision
    assert d["challenge_question_count"] == 1 and d["alternatives_requested"] is True


def test_reference_uplift_and_track_record() -> None:
    track = TrackRecord(ratio=0.45, count=6, decisions=("A", "B"))
    d = facts_of(PREMIUM, track_records={"it-system": track}).decision
    assert d["reference_uplift"] == pytest.approx(2.0)
    assert "Green Book" in d["reference_uplift_source"]
    assert d["track_record_ratio"] == pytest.approx(0.45)
    assert d["track_record_count"] == 6
    assert d["track_record_decisions"] == "A, B"
    assert d["track_record_discount_gap"] == pytest.approx(0.45)  # 0.55 - 0.1
    assert "track_record_ratio" not in facts_of(PREMIUM).decision


def test_a_long_track_record_lists_its_first_decisions_and_counts_the_rest() -> None:
    ids = tuple(f"D-{i}" for i in range(900))
    track = TrackRecord(ratio=0.45, count=900, decisions=ids)
    d = facts_of(PREMIUM, track_records={"it-system": track}).decision
    assert d["track_record_decisions"] == "D-0, D-1, D-2, D-3, D-4 and 895 more"
    assert d["track_record_count"] == 900


def test_every_fact_is_catalogued_typed_and_never_none() -> None:
    for fact in facts_of(PREMIUM).all():
        check_types(fact)
    for fact_type, specs in CATALOGUE.items():
        for spec in specs.values():
            assert spec.type in ("str", "number", "bool"), (fact_type, spec.name)
            assert spec.doc.strip(), (fact_type, spec.name)


def decided(kind: str | None) -> RecordFacts:
    options = [{"title": "Option", "chosen": True, **({"kind": kind} if kind else {})}]
    return facts_of({"id": f"D-{kind}", "title": "T", "options": options})


def test_portfolio_accumulator() -> None:
    acc = PortfolioAccumulator()
    for kind in ["incremental", "incremental", "breakthrough", "replace-own-business", None]:
        acc.add(decided(kind))
    acc.add(facts_of({"id": "none-chosen", "title": "T", "options": [{"title": "A"}]}))
    fact = acc.fact()
    check_types(fact)
    assert fact["decision_count"] == 6
    assert fact["decided_count"] == 4  # unknown kind and nothing chosen are not decided
    assert fact["breakthrough_chosen_count"] == 2
    assert fact["breakthrough_share"] == pytest.approx(0.5)
    assert fact["incremental_share"] == pytest.approx(0.5)


def test_empty_portfolio_has_no_shares() -> None:
    fact = PortfolioAccumulator().fact()
    assert fact["decided_count"] == 0
    assert "breakthrough_share" not in fact and "incremental_share" not in fact


# -- property: derive() never raises on a valid record and is deterministic ---------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=records(), track=st.booleans())
def test_derive_never_raises_and_is_deterministic(raw: dict[str, Any], track: bool) -> None:
    tracks = {"it-system": TrackRecord(0.5, 4, ("X",))} if track else {}
    first = facts_of(raw, track_records=tracks)
    second = facts_of(raw, track_records=tracks)
    assert first == second
    for fact in first.all():
        check_types(fact)
        assert fact["did"] == raw["id"]
    assert len(first.options) == len(raw.get("options", []))
    acc = PortfolioAccumulator()
    acc.add(first)
    check_types(acc.fact())


@pytest.mark.parametrize(
    ("rationale", "financial", "customer"),
    [
        ("Best benefit-cost ratio of the shortlist.", True, False),
        ("Accretive to earnings per share in year two.", True, False),
        ("It meets the business needs at the lowest cost.", True, False),
        ("Shoppers asked for click and collect; payback in 3 years.", True, True),
        ("Passengers lose 6 minutes a day at the gates today.", False, True),
        ("The team knows the language well.", False, False),
    ],
)
def test_rationale_vocabulary_cases(rationale: str, financial: bool, customer: bool) -> None:
    d = facts_of({"id": "D", "title": "T", "rationale": rationale}).decision
    assert (d["rationale_financial"], d["rationale_customer"]) == (financial, customer)


@pytest.mark.parametrize(
    ("scenarios", "downside"),
    [(["base"], False), (["base", "optimistic"], False), (["base", "low-case"], True),
     (["central", "recession"], True), (["base", "slow take-up"], True)],
)  # fmt: skip
def test_downside_scenario_names(scenarios: list[str], downside: bool) -> None:
    raw = {"id": "D", "title": "T", "options": [
        {"title": "A", "chosen": True, "business_case": {"scenarios": scenarios}}]}  # fmt: skip
    assert facts_of(raw).decision["chosen_has_downside"] is downside


def test_walking_away_from_a_deal_is_not_an_acquisition() -> None:
    raw = {"id": "D", "title": "Buy Northwind?", "project_type": "acquisition", "options": [
        {"title": "Walk away and keep the business as it is", "kind": "do-nothing",
         "chosen": True},
        {"title": "Acquire Northwind", "rejected_reason": "Price too high"}]}  # fmt: skip
    f = facts_of(raw)
    assert f.decision["chosen_is_acquisition"] is False
    assert [o["is_acquisition"] for o in f.options] == [False, True]
    raw["options"][1]["title"] = "Northwind"  # the deal itself, chosen, in an acquisition
    raw["options"][0]["chosen"], raw["options"][1]["chosen"] = False, True
    assert facts_of(raw).decision["chosen_is_acquisition"] is True


@pytest.mark.parametrize(
    ("description", "acquiring"),
    [
        # a software record: the words are about code, not companies
        ("Work on a fork of the library and merge with upstream as soon as we can.", False),
        ("Each worker must acquire a lock before it writes.", False),
        # the same words in a business decision
        ("Acquire Northwind for its customer base; payback in three years.", True),
        ("Merge with a regional rival to reach more customers and revenue.", True),
    ],
)
def test_acquisition_words_count_only_in_a_business_decision(
    description: str, acquiring: bool
) -> None:
    raw = {
        "id": "D",
        "title": "T",
        "options": [
            {"title": "Chosen path", "chosen": True, "description": description},
            {"title": "Other path"},
        ],
    }
    assert facts_of(raw).decision["chosen_is_acquisition"] is acquiring


def test_an_option_titled_as_an_acquisition_is_one_in_any_record() -> None:
    raw = {
        "id": "D",
        "title": "Expand in the North West",
        "options": [
            {"title": "Acquire Northwind Logistics", "chosen": True},
            {"title": "Open two depots"},
        ],
    }
    assert facts_of(raw).decision["chosen_is_acquisition"] is True


@given(
    st.sampled_from(["$", "£", "€", "USD "]),
    st.from_regex(r"[1-9][0-9]{0,2}(,[0-9]{3}){0,2}", fullmatch=True),
    st.sampled_from(["", ".", ",", ".,", "..", ".5.", ",.", "k.", " million."]),
)
def test_a_money_figure_ending_prose_never_sinks_the_record(
    symbol: str, digits: str, tail: str
) -> None:
    """A software record's figure at the end of a sentence ("a grant of $10,000.") is read
    or passed over; it never makes deriving the facts fail."""
    text = f"We deploy the service to Kubernetes with a grant of {symbol}{digits}{tail}"
    d = facts_of({"id": "D", "title": "Deploy the API service", "context": text}).decision
    assert isinstance(d["business_context"], bool)


def test_a_sentence_ending_on_an_amount_is_a_budget_line() -> None:
    """ "approximately $10,000." is ten thousand dollars: the full stop ends the sentence."""
    text = "We deploy the API service to Kubernetes with a grant of approximately $10,000."
    d = facts_of({"id": "D", "title": "Deploy the API service", "context": text}).decision
    assert d["business_context"] is True

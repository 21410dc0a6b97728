"""Compiling condition trees to durable_rules' JSON form."""

from __future__ import annotations

from typing import Any

from decaudit.engine.rules.compiler import compile_pack, compile_rule
from decaudit.engine.rules.loader import RuleSource, make_pack, parse_rule
from decaudit.engine.rules.model import Cmp, Rule

EXAMPLES = [
    {"name": "f", "expect": "flagged", "record": {"id": "X", "title": "X"}},
    {"name": "c", "expect": "clean", "record": {"id": "Y", "title": "Y"}},
]


def rule(rule_id: str = "TST001", **fields: Any) -> Rule:
    data = {
        "id": rule_id,
        "name": "t",
        "title": "T",
        "family": "benefits",
        "severity": "low",
        "rationale": "R.",
        "references": ["R"],
        "remediation": "R.",
        "message": "M.",
        "examples": EXAMPLES,
        **fields,
    }
    parsed, errors = parse_rule(RuleSource(f"{rule_id}.yaml", data, {}))
    assert not errors, [str(e) for e in errors]
    assert parsed is not None
    return parsed


def single(when: Any, on: str = "option", **kw: Any) -> Any:
    return compile_rule(rule(target=on, when=when, **kw)).definition


def test_comparisons_and_params() -> None:
    when = {
        "all": [
            {"fact": "npv", "op": "lt", "param": "floor"},
            {"fact": "kind", "op": "in", "value": ["incremental", "do-minimum"]},
            {"fact": "chosen", "op": "eq", "value": True},
            {"fact": "title", "op": "ne", "value": "x"},
            {"fact": "status", "op": "exists", "value": False},
        ]
    }
    assert single(when, params={"floor": 1000}) == {
        "all": [
            {
                "a0": {
                    "$and": [
                        {"_t": "option"},
                        {
                            "$and": [
                                {"$lt": {"npv": 1000}},
                                {"$or": [{"kind": "incremental"}, {"kind": "do-minimum"}]},
                                {"chosen": True},
                                {"$neq": {"title": "x"}},
                                {"$nex": {"status": 1}},
                            ]
                        },
                    ]
                }
            }
        ]
    }


def test_not_is_pushed_down_to_comparisons() -> None:
    def neg(cond: Any) -> Any:
        return single({"not": cond})["all"][0]["a0"]["$and"][1]

    assert neg({"fact": "npv", "op": "lt", "value": 5}) == {
        "$or": [{"$nex": {"npv": 1}}, {"$gte": {"npv": 5}}]
    }
    assert neg({"fact": "npv", "op": "gte", "value": 5}) == {
        "$or": [{"$nex": {"npv": 1}}, {"$lt": {"npv": 5}}]
    }
    assert neg({"fact": "kind", "op": "eq", "value": "a"}) == {
        "$or": [{"$nex": {"kind": 1}}, {"$neq": {"kind": "a"}}]
    }
    assert neg({"fact": "kind", "op": "ne", "value": "a"}) == {
        "$or": [{"$nex": {"kind": 1}}, {"kind": "a"}]
    }
    assert neg({"fact": "kind", "op": "in", "value": ["a", "b"]}) == {
        "$or": [{"$nex": {"kind": 1}}, {"$and": [{"$neq": {"kind": "a"}}, {"$neq": {"kind": "b"}}]}]
    }
    assert neg({"fact": "kind", "op": "exists"}) == {"$nex": {"kind": 1}}
    assert neg(
        {
            "all": [
                {"fact": "chosen", "op": "eq", "value": True},
                {"any": [{"fact": "npv", "op": "gt", "value": 1}, {"not": {"fact": "kind"}}]},
            ]
        }
    ) == {
        "$or": [
            {"$or": [{"$nex": {"chosen": 1}}, {"$neq": {"chosen": True}}]},
            {
                "$and": [
                    {"$or": [{"$nex": {"npv": 1}}, {"$lte": {"npv": 1}}]},
                    {"$ex": {"kind": 1}},
                ]
            },
        ]
    }


def test_matches_uses_synthetic_keys_computed_in_python() -> None:
    r1 = rule("TST001", target="option", when={"fact": "title", "op": "matches", "value": "^new"})
    r2 = rule(
        "TST002",
        target="option",
        when={"not": {"fact": "title", "op": "matches", "value": "^new"}},
    )
    r3 = rule("TST003", target="option", when={"fact": "kind", "op": "matches", "value": "^new"})
    compiled = compile_pack(make_pack([r1, r2, r3]))
    conds = [cr.definition["all"][0]["a0"]["$and"][1] for cr in compiled.rules]
    assert conds == [{"_m0": True}, {"_m0": False}, {"_m1": True}]
    plan = compiled.plans["option"]
    assert [(r.key, r.fact, r.pattern.pattern) for r in plan.regexes] == [
        ("_m0", "title", "^new"),
        ("_m1", "kind", "^new"),
    ]
    assert plan.keys == ()  # regex-only facts are not asserted themselves
    fact = {"_t": "option", "did": "D", "path": "$.options[0]", "title": "NEW line", "kind": 3}
    assert plan.prepare(fact) == {
        "_t": "option",
        "did": "D",
        "path": "$.options[0]",
        "_m0": True,
        "_m1": False,
    }


def test_prepared_facts_are_minimal_and_typed() -> None:
    r = rule(
        target="option",
        when={
            "all": [
                {"fact": "npv", "op": "gt", "value": 0},
                {"fact": "chosen", "op": "eq", "value": True},
            ]
        },
    )
    plan = compile_pack(make_pack([r])).plans["option"]
    base = {"_t": "option", "did": "D", "path": "$.options[1]", "line": 9, "title": "T"}
    assert plan.prepare({**base, "npv": -0.0, "chosen": 1}) == {
        "_t": "option",
        "did": "D",
        "path": "$.options[1]",
        "npv": 0.0,
    }
    assert plan.prepare({**base, "npv": True, "chosen": True}) == {
        "_t": "option",
        "did": "D",
        "path": "$.options[1]",
        "chosen": True,
    }
    assert plan.prepare({**base, "npv": 2**60, "chosen": False})["npv"] == float(2**60)


def test_join_puts_references_first_and_binds_the_decision() -> None:
    r = rule(
        match={
            "chosen": {"target": "option", "when": {"fact": "chosen", "op": "eq", "value": True}},
            "rival": {
                "target": "option",
                "when": {
                    "all": [
                        {"any": [{"fact": "kind", "op": "eq", "value": "breakthrough"}]},
                        {"fact": "npv", "op": "gte", "ref": "chosen.npv"},
                        {"fact": "project_type", "op": "eq", "ref": "chosen.project_type"},
                    ]
                },
            },
        },
        at="rival",
    )
    compiled = compile_rule(r)
    assert compiled.definition == {
        "all": [
            {
                "a0": {
                    "$and": [
                        {"_t": "option"},
                        {"$ex": {"npv": 1}},
                        {"$ex": {"project_type": 1}},
                        {"chosen": True},
                    ]
                }
            },
            {
                "a1": {
                    "$and": [
                        {"_t": "option"},
                        {"did": {"a0": "did"}},
                        {"project_type": {"a0": "project_type"}},
                        {"kind": "breakthrough"},
                    ]
                }
            },
        ]
    }
    # Non-equality references are checked on the pairs durable's join produces.
    (check,) = compiled.checks
    assert check == ("rival", Cmp("npv", "gte", ref=("chosen", "npv")))
    chosen = {"npv": 10, "project_type": "it"}
    assert compiled.accepts({"chosen": chosen, "rival": {"npv": 10}})
    assert not compiled.accepts({"chosen": chosen, "rival": {"npv": 9.5}})
    assert not compiled.accepts({"chosen": chosen, "rival": {"npv": True}})
    assert not compiled.accepts({"chosen": {}, "rival": {"npv": 10}})


def test_rulesets_are_split_by_fact_type_and_size() -> None:
    rules = [
        rule(f"TST{i:03d}", target="option", when={"fact": "npv", "op": "gt", "value": i})
        for i in range(1, 121)
    ]
    rules.append(
        rule("POR001", target="portfolio", when={"fact": "decision_count", "op": "gt", "value": 0})
    )
    rules.append(
        rule("DEC001", target="decision", when={"fact": "option_count", "op": "eq", "value": 0})
    )
    groups = compile_pack(make_pack(rules)).groups
    assert [(sorted(g.fact_types), len(g.rules)) for g in groups] == [
        (["decision"], 1),
        (["option"], 50),
        (["option"], 50),
        (["option"], 20),
        (["portfolio"], 1),
    ]

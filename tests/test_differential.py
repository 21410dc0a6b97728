"""The durable_rules evaluator and the plain-Python oracle agree on random rules and facts."""

from __future__ import annotations

from typing import Any

from decaudit.engine.evaluate import Evaluator
from decaudit.engine.facts import CATALOGUE, RecordFacts
from decaudit.engine.rules.loader import RuleSource, make_pack, parse_rule
from decaudit.engine.rules.model import Match
from decaudit.engine.rules.oracle import OracleEvaluator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FACTS = {
    "option": {
        "number": ["npv", "projected_benefits", "projected_costs"],
        "str": ["kind", "title", "status"],
        "bool": ["chosen", "rejected", "has_business_case"],
    },
    "benefit": {
        "number": ["projected", "low", "realization_ratio"],
        "str": ["type", "description"],
        "bool": ["has_basis", "option_chosen"],
    },
    "decision": {
        "number": ["option_count", "age_days"],
        "str": ["status", "origin"],
        "bool": ["has_review", "has_breakthrough"],
    },
}
INTS = [0, 1, -1, 2, 7, 1000, 2**31, 2**53, 2**53 + 1, 2**62, -(2**63), 10**20]
FLOATS = [0.0, -0.0, 0.5, 1.0, -2.5, 1e-300, 5e-324, 1e-7, 1e20, 1e308, 0.1 + 0.2, 2.0**53]
STRINGS = [
    "",
    "\x00",
    "a\x00b",
    "a",
    "A",
    "incremental",
    "breakthrough",
    "ünï",
    'q"t',
    "b\\s",
    "1",
    "true",
    "é",
    "$and",
    "$s",
    "{}",
]
PATTERNS = ["^a", "a$", "ü", "incr", "[0-9]", "", "x|t", "(?:ab)+", "^$", "\\d", "É"]
ODD = [float("nan"), float("inf"), None, [], {}, True, False, "2", 3]

numbers = st.one_of(st.sampled_from(INTS), st.sampled_from(FLOATS), st.integers(-5, 5))
strings = st.one_of(st.sampled_from(STRINGS), st.text(alphabet="aAbü1 ", max_size=3))
VALUES = {"number": numbers, "str": strings, "bool": st.booleans()}


def fact_value(typ: str) -> st.SearchStrategy[Any]:
    # Mostly the right type, sometimes a wrong one: wrong types must count as absent.
    return st.one_of(VALUES[typ], VALUES[typ], VALUES[typ], st.sampled_from(ODD))


@st.composite
def comparison(draw: st.DrawFn, fact_type: str) -> dict[str, Any]:
    typ = draw(st.sampled_from(["number", "str", "bool"]))
    fact = draw(st.sampled_from(FACTS[fact_type][typ]))
    ops = {"number": ["eq", "ne", "lt", "lte", "gt", "gte", "in", "exists"]}
    ops["str"] = ["eq", "ne", "in", "matches", "exists"]
    ops["bool"] = ["eq", "ne", "in", "exists"]
    op = draw(st.sampled_from(ops[typ]))
    if op == "exists":
        return {"fact": fact, "op": op, "value": draw(st.booleans())}
    if op == "matches":
        return {"fact": fact, "op": op, "value": draw(st.sampled_from(PATTERNS))}
    if op == "in":
        return {
            "fact": fact,
            "op": op,
            "value": draw(st.lists(VALUES[typ], min_size=1, max_size=3)),
        }
    return {"fact": fact, "op": op, "value": draw(VALUES[typ])}


def condition(fact_type: str) -> st.SearchStrategy[dict[str, Any]]:
    return st.recursive(
        comparison(fact_type),
        lambda inner: st.one_of(
            st.lists(inner, min_size=1, max_size=3).map(lambda xs: {"all": xs}),
            st.lists(inner, min_size=1, max_size=3).map(lambda xs: {"any": xs}),
            inner.map(lambda x: {"not": x}),
        ),
        max_leaves=6,
    )


@st.composite
def ref_cmp(draw: st.DrawFn, fact_type: str, alias: str, alias_type: str) -> dict[str, Any]:
    typ = draw(st.sampled_from(["number", "str", "bool"]))
    fact = draw(st.sampled_from(FACTS[fact_type][typ]))
    other = draw(st.sampled_from(FACTS[alias_type][typ]))
    ops = ["eq", "ne", "lt", "lte", "gt", "gte"] if typ == "number" else ["eq", "ne"]
    return {"fact": fact, "op": draw(st.sampled_from(ops)), "ref": f"{alias}.{other}"}


def params_of(cond: Any, params: dict[str, Any]) -> Any:
    """Move some literal values into parameters (they are substituted when compiling)."""
    if isinstance(cond, dict):
        if "value" in cond and cond.get("op") not in ("exists",) and len(params) % 2 == 0:
            name = f"p{len(params)}"
            params[name] = cond["value"]
            return {**{k: v for k, v in cond.items() if k != "value"}, "param": name}
        if "value" in cond:
            params[f"skip{len(params)}"] = 0
        return {k: params_of(v, params) for k, v in cond.items()}
    if isinstance(cond, list):
        return [params_of(c, params) for c in cond]
    return cond


KINDS = ["single", "single", "join2"]
EXAMPLES = [
    {"name": "f", "expect": "flagged", "record": {"id": "X", "title": "X"}},
    {"name": "c", "expect": "clean", "record": {"id": "Y", "title": "Y"}},
]


@st.composite
def rule_dict(draw: st.DrawFn, rule_id: str) -> dict[str, Any]:
    base = {
        "id": rule_id,
        "name": "generated",
        "title": "Generated",
        "family": "benefits",
        "severity": "low",
        "rationale": "Generated.",
        "references": ["Generated"],
        "remediation": "None.",
        "message": "Generated.",
        "examples": EXAMPLES,
    }
    kind = draw(st.sampled_from(KINDS))
    if kind == "single":
        on = draw(st.sampled_from(list(FACTS)))
        base["target"], base["when"] = on, draw(condition(on))
    else:
        n = 2 if kind == "join2" else 3
        types = [draw(st.sampled_from(["option", "benefit"])) for _ in range(n)]
        match: dict[str, Any] = {}
        for i, t in enumerate(types):
            cond = draw(condition(t))
            refs = []
            if i > 0:
                for _ in range(draw(st.integers(0, 2))):
                    j = draw(st.integers(0, i - 1))
                    refs.append(draw(ref_cmp(t, f"x{j}", types[j])))
            match[f"x{i}"] = {"target": t, "when": {"all": [*refs, cond]} if refs else cond}
        base["match"] = match
        base["at"] = f"x{draw(st.integers(0, n - 1))}"
    params: dict[str, Any] = {}
    if draw(st.booleans()):
        if "when" in base:
            base["when"] = params_of(base["when"], params)
        else:
            base["match"] = params_of(base["match"], params)
        base["params"] = {k: v for k, v in params.items() if not k.startswith("skip")}
    return base


@st.composite
def fact(draw: st.DrawFn, fact_type: str, path: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "_t": fact_type,
        "did": draw(st.sampled_from(["D1", "D1", "D2"])),
        "path": path,
        "line": 1,
    }
    for typ, names in FACTS[fact_type].items():
        for name in names:
            if draw(st.booleans()):
                out[name] = draw(fact_value(typ))
    return out


@st.composite
def record_facts(draw: st.DrawFn) -> RecordFacts:
    decision = draw(fact("decision", "$"))
    options = [draw(fact("option", f"$.options[{i}]")) for i in range(draw(st.integers(0, 4)))]
    benefits = [draw(fact("benefit", f"$.b[{i}]")) for i in range(draw(st.integers(0, 3)))]
    return RecordFacts(decision, options, benefits, [])


def _key(m: Match) -> tuple[str, str, tuple[str, ...]]:
    return (
        m.rule.id,
        str(m.target["path"]),
        tuple(str(m.bindings[a.name]["path"]) for a in m.rule.aliases),
    )


def _pack(rules: list[dict[str, Any]]):  # type: ignore[no-untyped-def]
    parsed = []
    for data in rules:
        rule, errors = parse_rule(RuleSource(f"{data['id']}.yaml", data, {}))
        assert not errors, [str(e) for e in errors]
        assert rule is not None
        parsed.append(rule)
    return make_pack(parsed)


def _check_type_catalogue() -> None:
    for fact_type, by_type in FACTS.items():
        for typ, names in by_type.items():
            for name in names:
                assert CATALOGUE[fact_type][name].type == typ, (fact_type, name)


_check_type_catalogue()


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    rules=st.integers(1, 6).flatmap(
        lambda n: st.tuples(*(rule_dict(f"DIF{i:03d}") for i in range(1, n + 1)))
    ),
    records=st.lists(record_facts(), min_size=1, max_size=3),
)
def test_durable_and_oracle_agree(rules: tuple[dict[str, Any], ...], records: list[RecordFacts]):
    pack = _pack(list(rules))
    fast, host, oracle = Evaluator(pack), Evaluator(pack, fast=False), OracleEvaluator(pack)
    for facts in records:
        want = sorted(_key(m) for m in oracle.evaluate(facts))
        assert sorted(_key(m) for m in fast.evaluate(facts)) == want
        assert sorted(_key(m) for m in host.evaluate(facts)) == want
    assert fast.facts_in_memory() == host.facts_in_memory() == 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    values=st.fixed_dictionaries(
        {},
        optional={
            "decision_count": fact_value("number"),
            "breakthrough_share": fact_value("number"),
            "incremental_share": fact_value("number"),
        },
    ),
    threshold=numbers,
    op=st.sampled_from(["eq", "ne", "lt", "lte", "gt", "gte"]),
    negate=st.booleans(),
)
def test_portfolio_rules_agree(
    values: dict[str, Any], threshold: float, op: str, negate: bool
) -> None:
    leaf = {"fact": "breakthrough_share", "op": op, "value": threshold}
    rule = {
        "id": "POR001",
        "name": "generated",
        "title": "Generated",
        "family": "incremental",
        "severity": "low",
        "rationale": "Generated.",
        "references": ["Generated"],
        "remediation": "None.",
        "message": "Share ${pct.breakthrough_share}.",
        "examples": EXAMPLES,
        "target": "portfolio",
        "when": {"not": leaf} if negate else leaf,
    }
    pack = _pack([rule])
    fact = {"_t": "portfolio", "did": "(portfolio)", "path": "$", "line": 0, **values}
    want = [_key(m) for m in OracleEvaluator(pack).evaluate_portfolio(fact)]
    assert [_key(m) for m in Evaluator(pack).evaluate_portfolio(fact)] == want
    assert [_key(m) for m in Evaluator(pack, fast=False).evaluate_portfolio(fact)] == want


def test_a_join_equates_an_integer_and_the_same_float() -> None:
    """``low: 0`` on one benefit equals ``projected: 0.0`` on another, in a join as in a
    plain comparison (durable's joins alone do not equate 0 and 0.0)."""
    rule = {
        "id": "DIF001",
        "name": "join-int-float",
        "title": "Generated",
        "family": "hygiene",
        "severity": "low",
        "rationale": "Generated.",
        "references": ["Generated"],
        "remediation": "None.",
        "message": "Generated.",
        "examples": [
            {"name": "f", "expect": "flagged", "record": {"id": "X", "title": "X"}},
            {"name": "c", "expect": "clean", "record": {"id": "Y", "title": "Y"}},
        ],
        "match": {
            "x0": {
                "target": "benefit",
                "when": {"fact": "projected", "op": "exists", "value": True},
            },
            "x1": {"target": "benefit", "when": {"fact": "low", "op": "eq", "ref": "x0.projected"}},
        },
        "at": "x0",
    }
    pack = _pack([rule])
    for low, projected in ((0, 0.0), (2, 2.0), (7.0, 7), (-3, -3.0)):
        facts = RecordFacts(
            decision={"_t": "decision", "did": "D1", "path": "$", "line": 1},
            options=[],
            benefits=[
                {"_t": "benefit", "did": "D1", "path": "$.b[0]", "line": 1, "low": low},
                {"_t": "benefit", "did": "D1", "path": "$.b[1]", "line": 1, "projected": projected},
            ],
            costs=[],
        )
        want = [("DIF001", "$.b[1]", ("$.b[1]", "$.b[0]"))]
        for evaluator in (Evaluator(pack), Evaluator(pack, fast=False), OracleEvaluator(pack)):
            assert sorted(_key(m) for m in evaluator.evaluate(facts)) == want, (low, projected)

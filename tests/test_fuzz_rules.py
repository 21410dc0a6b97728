"""Fuzzing the rule loader and compiler: mutated real rules and generated rule-shaped YAML.

Any rule file gives a pack or a ``RuleFileError`` naming the file, never another exception;
every pack that loads compiles to durable_rules and evaluates a real record without error.
``decaudit rules validate DIR`` exits 0 or 2 with no traceback.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from decaudit.cli.main import cli
from decaudit.engine.errors import RuleFileError
from decaudit.engine.evaluate import Evaluator, record_findings
from decaudit.engine.facts import CATALOGUE, FactContext
from decaudit.engine.records import load_file
from decaudit.engine.rules.compiler import compile_pack
from decaudit.engine.rules.loader import load_pack
from decaudit.engine.rules.oracle import OracleEvaluator
from decaudit.engine.rules.values import OPERATORS
from decaudit.engine.types import SourceRecord
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_fuzz_records import mutate, mutations

ROOT = Path(__file__).resolve().parent.parent
RULES = {p.name: p.read_bytes() for p in sorted((ROOT / "rules").glob("*.yaml"))}
SAMPLE = next(
    r
    for r in load_file(
        "aurora-premium-tier.yaml", (ROOT / "samples" / "aurora-premium-tier.yaml").read_bytes()
    )
    if isinstance(r, SourceRecord)
)
SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def load_or_error(folder: Path) -> Any:
    """A pack, or the RuleFileError: anything else fails the test."""
    try:
        pack = load_pack([folder], builtin=False)
    except RuleFileError as exc:
        assert exc.file and exc.message
        return exc
    compile_pack(pack)
    if pack.rules:
        durable, oracle = Evaluator(pack), OracleEvaluator(pack)
        ctx = FactContext(today=dt.date(2026, 1, 1))
        found = record_findings(durable, SAMPLE, ctx)[1]
        floor = record_findings(oracle, SAMPLE, ctx)[1]
        assert sorted((f.rule_id, f.path) for f in found) == sorted(
            (f.rule_id, f.path) for f in floor
        )
    return pack


@SETTINGS
@given(name=st.sampled_from(sorted(RULES)), ops=mutations)
def test_mutated_builtin_rules_load_or_fail_cleanly(
    tmp_path_factory: pytest.TempPathFactory, name: str, ops: list
) -> None:
    folder = tmp_path_factory.mktemp("rules")
    (folder / name).write_bytes(mutate(RULES[name], ops))
    result = load_or_error(folder)
    if isinstance(result, RuleFileError):
        assert name in result.file


fact_types = st.sampled_from(sorted(CATALOGUE))
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["breakthrough", "incremental", "$param", "${x}", "{0.__class__}", ".*("]),
)


def comparison(fact_type: str) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "fact": st.one_of(st.sampled_from(sorted(CATALOGUE[fact_type])), st.text(max_size=8)),
            "op": st.one_of(st.sampled_from(sorted(OPERATORS)), st.text(max_size=4)),
            "value": st.one_of(scalars, st.lists(scalars, max_size=3)),
        },
        optional={"param": st.text(max_size=6), "ref": st.text(max_size=8)},
    )


def condition(fact_type: str) -> st.SearchStrategy[Any]:
    return st.recursive(
        comparison(fact_type),
        lambda inner: st.one_of(
            st.fixed_dictionaries({"all": st.lists(inner, max_size=3)}),
            st.fixed_dictionaries({"any": st.lists(inner, max_size=3)}),
            st.fixed_dictionaries({"not": inner}),
        ),
        max_leaves=6,
    )


@st.composite
def rule_docs(draw: st.DrawFn) -> dict[str, Any]:
    on = draw(fact_types)
    rule_id = draw(st.sampled_from(["ZZZ001", "ZZZ002", "bad id", ""]))
    doc: dict[str, Any] = {
        "id": rule_id,
        "name": draw(st.sampled_from(["fuzzed-rule", "Bad Name", ""])),
        "title": draw(st.text(max_size=20)),
        "family": draw(st.sampled_from(["incremental", "benefits", "unknown"])),
        "severity": draw(st.sampled_from(["info", "high", "critical", "severe"])),
        "rationale": "Fuzzed.",
        "remediation": "None.",
        "target": on,
        "when": draw(condition(on)),
        "message": draw(
            st.sampled_from(
                ["Fired on $title", "$nope", "${__class__}", "{0.__globals__}", "$", "x $$ y"]
            )
        ),
    }
    for key in draw(st.sets(st.sampled_from(sorted(doc)), max_size=2)):
        del doc[key]
    if draw(st.booleans()):
        doc["params"] = draw(st.dictionaries(st.text(max_size=5), scalars, max_size=2))
    if draw(st.booleans()):
        doc["examples"] = [{"name": "ex", "expect": "clean", "record": {"id": "E", "title": "T"}}]
    return doc


@SETTINGS
@given(doc=rule_docs())
def test_generated_rule_files_load_or_fail_cleanly(
    tmp_path_factory: pytest.TempPathFactory, doc: dict[str, Any]
) -> None:
    folder = tmp_path_factory.mktemp("gen")
    name = f"{doc.get('id') or 'ZZZ001'}.yaml".replace(" ", "_")
    (folder / name).write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    result = load_or_error(folder)
    if not isinstance(result, RuleFileError):
        # what loaded is exactly what was asked for
        (rule,) = result.rules
        assert rule.info.id == doc["id"]
        assert rule.info.severity == doc["severity"]
        assert rule.info.family == doc["family"]


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(name=st.sampled_from(sorted(RULES)), ops=mutations)
def test_rules_validate_cli_on_mutated_rules(
    tmp_path_factory: pytest.TempPathFactory, name: str, ops: list
) -> None:
    folder = tmp_path_factory.mktemp("cli")
    (folder / name).write_bytes(mutate(RULES[name], ops))
    result = CliRunner().invoke(cli, ["rules", "validate", str(folder)])
    assert result.exit_code in (0, 2), (result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert name in result.output

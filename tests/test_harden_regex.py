"""``matches`` runs in linear time (RE2): a catastrophic pattern cannot hang a run, the
oracle and the compiled durable_rules path agree, and RE2-only syntax is refused early."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

from decaudit.engine.evaluate import Evaluator
from decaudit.engine.facts import FactContext, derive
from decaudit.engine.records import load_file
from decaudit.engine.rules.loader import collect, load_pack
from decaudit.engine.rules.oracle import OracleEvaluator
from decaudit.engine.types import SourceRecord
from hypothesis import given, settings
from hypothesis import strategies as st

RULE = """\
id: USR001
name: nested-quantifier
title: Title made of a's
family: hygiene
severity: low
rationale: A test rule with a pattern that backtracks exponentially in a naive engine.
references: [{{title: RE2}}]
remediation: None.
target: decision
when: {{fact: title, op: matches, value: {pattern}}}
message: "Title matches."
examples:
  - name: flagged
    expect: flagged
    record: {{id: A, title: aaaa}}
  - name: clean
    expect: clean
    record: {{id: B, title: bbbb}}
"""


def _pack(folder: Path, pattern: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "USR001.yaml").write_text(RULE.format(pattern=json.dumps(pattern)), encoding="utf-8")
    return folder


def test_catastrophic_pattern_on_a_long_title_finishes_quickly(tmp_path: Path) -> None:
    rules = _pack(tmp_path / "rules", "^(a+)+$")
    record = tmp_path / "r.json"
    record.write_text(json.dumps({"id": "R1", "title": "a" * 999 + "!"}), encoding="utf-8")
    start = time.monotonic()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "decaudit.cli.main",
            "check",
            str(record),
            "--no-log",
            "--rules",
            str(rules),
            "--select",
            "USR001",
            "-f",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert time.monotonic() - start < 30, "matches took too long"
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["findings"] == []


def test_lookaround_and_backreferences_are_refused_with_a_clear_message(tmp_path: Path) -> None:
    for i, pattern in enumerate(["(?=x)a", r"(a)\1", "(?<!a)b"]):
        folder = _pack(tmp_path / f"p{i}", pattern)
        _, errors = collect([folder], builtin=False)
        (err,) = [str(e) for e in errors]
        assert "invalid regular expression" in err and "RE2 syntax" in err, err


_TITLES = st.text(alphabet="aAbB!é ", max_size=40)
_PATTERNS = st.sampled_from(["^(a+)+$", "a|b", "^a", "b$", "(ab)*!", "é", "A{2,}", r"\ba"])


@settings(max_examples=60, deadline=None)
@given(pattern=_PATTERNS, title=_TITLES)
def test_oracle_and_compiled_path_agree_on_matches(
    tmp_path_factory, pattern: str, title: str
) -> None:
    folder = _pack(tmp_path_factory.mktemp("rx"), pattern)
    pack = load_pack([folder], select=("USR001",))
    (src,) = load_file("r.json", json.dumps({"id": "R", "title": title or "x"}).encode())
    assert isinstance(src, SourceRecord)
    facts = derive(src, FactContext(today=dt.date(2026, 1, 1)))
    durable = {m.rule.id for m in Evaluator(pack).evaluate(facts)}
    oracle = {m.rule.id for m in OracleEvaluator(pack).evaluate(facts)}
    assert durable == oracle


def test_rules_validate_refuses_a_catastrophic_free_but_invalid_pattern(tmp_path: Path) -> None:
    folder = _pack(tmp_path / "r", "acc(ept")
    proc = subprocess.run(
        [sys.executable, "-m", "decaudit.cli.main", "rules", "validate", str(folder)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "invalid regular expression" in proc.stdout + proc.stderr

"""One problem, one finding: related findings fold into the dominant one (engine/related.py)."""

from __future__ import annotations

from decaudit.engine.related import fold
from decaudit.engine.types import Finding


def _f(rule: str, severity: str = "medium", did: str = "D-1", path: str = "$") -> Finding:
    return Finding(
        rule, rule.lower(), severity, "alternatives", did, "d.yaml", 3, path, f"{rule} says"
    )


RELATIONS = {"ALT001": ("INC001", "ALT002")}


def test_related_findings_become_evidence_of_the_dominant_one() -> None:
    out = fold([_f("ALT001", "high"), _f("INC001"), _f("ALT002"), _f("GOV002")], RELATIONS)
    assert [f.rule_id for f in out] == ["ALT001", "GOV002"]
    dom = out[0]
    assert [e["rule_id"] for e in dom.evidence["related"]] == ["INC001", "ALT002"]
    assert dom.evidence["related"][0]["fingerprint"] == _f("INC001").fingerprint
    assert dom.message.endswith("(also reported by INC001, ALT002)")


def test_the_dominant_finding_keeps_its_fingerprint() -> None:
    before = _f("ALT001", "high")
    (after,) = fold([before, _f("INC001")], RELATIONS)
    assert after.fingerprint == before.fingerprint


def test_without_the_dominant_rule_nothing_is_folded() -> None:
    findings = [_f("INC001"), _f("ALT002")]
    assert fold(findings, RELATIONS) == findings


def test_other_decisions_are_never_folded() -> None:
    out = fold([_f("ALT001", "high", did="D-1"), _f("INC001", did="D-2")], RELATIONS)
    assert [f.rule_id for f in out] == ["ALT001", "INC001"]


def test_a_finding_inside_the_dominant_location_folds_one_elsewhere_does_not() -> None:
    relations = {"ALT004": ("ALT006",)}
    dom = _f("ALT004", "high", path="$.options[1]")
    inside = _f("ALT006", "low", path="$.options[1]")
    elsewhere = _f("ALT006", "low", path="$.options[2]")
    out = fold([dom, inside, elsewhere], relations)
    assert [f.path for f in out] == ["$.options[1]", "$.options[2]"]


def test_the_group_takes_the_highest_severity() -> None:
    (out,) = fold([_f("ALT001", "medium"), _f("INC001", "critical")], RELATIONS)
    assert out.severity == "critical"


def test_mutual_relations_fold_once() -> None:
    relations = {"AAA001": ("BBB001",), "BBB001": ("AAA001",)}
    out = fold([_f("AAA001"), _f("BBB001")], relations)
    assert [f.rule_id for f in out] == ["AAA001"]
    assert [e["rule_id"] for e in out[0].evidence["related"]] == ["BBB001"]


def test_chains_fold_into_the_top() -> None:
    relations = {"AAA001": ("BBB001",), "BBB001": ("CCC001",)}
    out = fold([_f("AAA001"), _f("BBB001"), _f("CCC001")], relations)
    assert [f.rule_id for f in out] == ["AAA001"]
    assert sorted(e["rule_id"] for e in out[0].evidence["related"]) == ["BBB001", "CCC001"]

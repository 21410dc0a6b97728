"""The rules' brief blocks: validated when a rule loads, and filled for every rule's own
flagged examples (the brief never falls back to the remediation for a rule with words)."""

from __future__ import annotations

import copy
import re
from functools import cache
from typing import Any

import pytest
from decaudit.engine.brief import BriefContext, build_brief
from decaudit.engine.brief.texts import plain_remediation
from decaudit.engine.errors import RuleFileError
from decaudit.engine.evaluate import evaluate_records
from decaudit.engine.packdata import pack_root
from decaudit.engine.rules.loader import load_pack, rule_from_data
from decaudit.engine.rules.model import RulePack
from decaudit.engine.rules.oracle import OracleEvaluator
from decaudit.engine.ruletests import TODAY, _context, _sources
from decaudit.engine.safeyaml import load_one


@cache
def pack() -> RulePack:
    return load_pack()


def rule_data(rule_id: str) -> dict[str, Any]:
    text = (pack_root() / f"{rule_id}.yaml").read_text(encoding="utf-8")
    data = copy.deepcopy(load_one(text).data)
    for key in (True, "True"):  # YAML 1.1 reads the key `on` as true; the loader restores it
        if key in data:
            data["on"] = data.pop(key)
    return data


def with_brief(brief: Any) -> dict[str, Any]:
    data = rule_data("ALT001")
    data["brief"] = brief
    return data


def test_every_rule_of_a_decision_has_brief_words() -> None:
    missing = [r.id for r in pack().rules if r.info.brief is None and r.on != "portfolio"]
    assert missing == []


@pytest.mark.parametrize(
    ("brief", "error"),
    [
        ("just text", "must be a mapping"),
        ({"section": "intro", "question": "Why?"}, "'intro' is not one of"),
        ({"question": "Why?", "colour": "red"}, "unknown field 'colour'"),
        ({"section": "ask", "question": "Why?"}, "needs its 'ask' text"),
        ({"question": "Why $nonsense?"}, "placeholder '${nonsense}' names an unknown fact"),
        ({"question": "Why ${param.nope}?"}, "names an unknown parameter"),
        ({"question": "Why ${money.title}?"}, "formats as money a value that is not a number"),
        ({"question": "Costs 5$ now"}, "invalid '$'"),
        ({"question": ""}, "must be a non-empty string"),
        ({"question": "Why?", "quote": "everything"}, "'everything' is not one of"),
        ({"question": "Why ${rival.title}?"}, "names an unknown fact or parameter"),
    ],
)
def test_a_bad_brief_block_is_refused_with_its_place(brief: Any, error: str) -> None:
    with pytest.raises(RuleFileError) as exc:
        rule_from_data(with_brief(brief))
    assert error in str(exc.value)
    assert "brief" in str(exc.value)


def test_a_good_brief_block_loads() -> None:
    rule = rule_from_data(
        with_brief(
            {
                "section": "ask",
                "topic": "breakthrough-option",
                "ask": "A bold option. ${money.decision.chosen_npv} is not enough for $title.",
                "question": "Why only $option_count options, ${pct.decision.chosen_uplift}?",
                "reason": "no bold option for $item",
                "source": "Somebody (2020)",
            }
        )
    )
    assert rule.info.brief is not None
    assert rule.info.brief.section == "ask" and rule.info.brief.topic == "breakthrough-option"


def _flagged(rule_id: str) -> list[Any]:
    rule = pack().get(rule_id)
    return [ex for ex in rule.examples if ex.expect == "flagged" and not ex.params]


@pytest.mark.parametrize(
    "rule_id", [r.id for r in load_pack().rules if r.info.brief and r.on != "portfolio"]
)
def test_the_brief_uses_the_rules_own_words_for_its_examples(rule_id: str) -> None:
    rule = pack().get(rule_id)
    info = rule.info
    assert info.brief is not None
    examples = _flagged(rule_id)
    assert examples, rule_id
    for ex in examples:
        sources = _sources(rule, ex)
        ctx = _context(ex)
        findings = evaluate_records(pack(), sources, ctx, OracleEvaluator(pack()))
        history = {
            p: {f"H-{i}": t.ratio for i in range(t.count)} for p, t in ctx.track_records.items()
        }
        bctx = BriefContext.of(pack().infos, TODAY, history, 1)
        for src in sources:
            mine = [f for f in findings if f.rule_id == rule_id and f.decision_id == src.record.id]
            if not mine:
                continue
            brief = build_brief(src, findings, bctx)
            if brief.ready:
                assert all(f.rank < 2 for f in findings if f.decision_id == src.record.id)
                continue
            texts = [q.text for q in brief.questions] + [
                f"{i.lead}. {i.text}" for i in (*brief.asks, *brief.challenges)
            ]
            assert plain_remediation(info) not in texts, (rule_id, ex.name)
            assert rule_id in brief.cited_rules or len(brief.questions) == 7, (rule_id, ex.name)


def test_rules_show_documents_the_brief_words() -> None:
    from decaudit.engine.rules.describe import show

    text = show(pack().get("ALT001"))
    assert "In the approver's brief (section: ask; topic: breakthrough-option):" in text
    assert "Question: What would we do if we started this business from scratch today" in text


def test_the_remediation_fallback_never_names_a_rule() -> None:
    from dataclasses import replace

    info = pack().get("BEN008").info
    for text in (
        "Fix it (see BEN009 for the track record). Then more.",
        "Fix it, BEN009, from the log.",
        "Fix it as ALT001 says.",
    ):
        out = plain_remediation(replace(info, remediation=text))
        assert not re.search(r"\b[A-Z]{2,5}[0-9]{3}\b", out), out
    for rule in pack().rules:
        assert not re.search(r"\b[A-Z]{2,5}[0-9]{3}\b", plain_remediation(rule.info))

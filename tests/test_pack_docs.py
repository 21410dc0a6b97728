"""docs/rules.md is the catalogue of the built-in pack, generated from the rule files by
``make docs``; the test fails while the catalogue and the rules disagree."""

from __future__ import annotations

from decaudit.cli.docgen import RULES_MD, rules_reference
from decaudit.engine.rules.loader import load_pack


def test_docs_rules_md_is_up_to_date() -> None:
    assert RULES_MD.read_text(encoding="utf-8") == rules_reference(), (
        "docs/rules.md is stale: run `make docs`"
    )


def test_docs_rules_md_lists_every_rule() -> None:
    text = RULES_MD.read_text(encoding="utf-8")
    for rule in load_pack().rules:
        assert f"### {rule.id} {rule.info.name}\n" in text
        assert f"| {rule.info.severity} | {rule.info.family} |" in text

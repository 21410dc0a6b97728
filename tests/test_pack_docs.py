"""docs/rules.md is the catalogue of the built-in pack, generated from the rule files by
``make docs``; the test fails while the catalogue and the rules disagree."""

from __future__ import annotations

from pathlib import Path

from decaudit.cli.docgen import rules_reference
from decaudit.engine.rules.loader import load_pack

# The checkout's (or the unpacked sdist's) docs, whether decaudit is installed editable or not.
RULES_MD = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def test_docs_rules_md_is_up_to_date() -> None:
    assert RULES_MD.read_text(encoding="utf-8") == rules_reference(), (
        "docs/rules.md is stale: run `make docs`"
    )


def test_docs_rules_md_lists_every_rule() -> None:
    text = RULES_MD.read_text(encoding="utf-8")
    for rule in load_pack().rules:
        assert f"### {rule.id} {rule.info.name}\n" in text
        assert f"| {rule.info.severity} | {rule.info.family} |" in text

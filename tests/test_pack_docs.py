"""docs/rules.md is the catalogue of the built-in pack, generated from the rule files.

Regenerate it with ``python tests/test_pack_docs.py`` after changing a rule; the test fails
while the catalogue and the rules disagree.
"""

from __future__ import annotations

import re
from pathlib import Path

from decaudit.engine.rules.loader import load_pack
from decaudit.engine.rules.model import Rule
from decaudit.engine.types import FAMILIES

DOC = Path(__file__).resolve().parent.parent / "docs" / "rules.md"

HEADER = """\
# The built-in rule pack

<!-- Generated from rules/*.yaml by tests/test_pack_docs.py: do not edit by hand. -->

decaudit ships {count} rules in five families. Each rule file carries its rationale and
sources, its parameters and its examples; `decaudit rules show ID` prints all of it and
`decaudit rules test` runs the examples. Severities are the defaults: a configuration file
can override them, and every threshold below is a parameter it can override too.

| id | name | severity | family | title |
| --- | --- | --- | --- | --- |
"""


def _first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    match = re.match(r"(.+?[.!?])(?:\s+[A-Z(\"]|$)", flat)
    return match.group(1) if match else flat


def _target(rule: Rule) -> str:
    if rule.is_join:
        joined = " + ".join(f"{a.name} ({a.on})" for a in rule.aliases)
        return f"a join of {joined}; points at `{rule.at}`"
    return f"one `{rule.on}` fact"


def _section(rule: Rule) -> str:
    info = rule.info
    lines = [
        f"### {info.id} {info.name}",
        "",
        f"**{info.title}.**",
        "",
        f"- Severity: {info.severity}. Family: {info.family}. Evaluated on {_target(rule)}.",
    ]
    if rule.defaults:
        params = ", ".join(f"`{k}` = {v}" for k, v in rule.defaults.items())
        lines.append(f"- Parameters: {params}.")
    lines.append(f"- Examples: {len(rule.examples)}.")
    lines += ["", _first_sentence(info.rationale), "", f"Fix: {_first_sentence(info.remediation)}"]
    lines += ["", "Sources:", ""]
    lines += [
        f"- [{ref.title}]({ref.url})" if ref.url else f"- {ref.title}" for ref in info.references
    ]
    return "\n".join(lines) + "\n"


def render() -> str:
    rules = sorted(load_pack().rules, key=lambda r: (FAMILIES.index(r.info.family), r.id))
    out = [HEADER.format(count=len(rules))]
    out += [
        f"| [{r.id}](#{r.id.lower()}-{r.info.name}) | {r.info.name} | {r.info.severity} "
        f"| {r.info.family} | {r.info.title} |\n"
        for r in rules
    ]
    for family in FAMILIES:
        members = [r for r in rules if r.info.family == family]
        if members:
            out.append(f"\n## {family.capitalize()}\n\n")
            out.append("\n".join(_section(r) for r in members))
    return "".join(out)


def test_docs_rules_md_is_up_to_date() -> None:
    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/rules.md is stale: run python tests/test_pack_docs.py"
    )


def test_docs_rules_md_lists_every_rule() -> None:
    text = DOC.read_text(encoding="utf-8")
    for rule in load_pack().rules:
        assert f"### {rule.id} {rule.info.name}\n" in text
        assert f"| {rule.info.severity} | {rule.info.family} |" in text


if __name__ == "__main__":
    DOC.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC}")

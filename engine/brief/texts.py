"""A rule's words in the brief: its ``brief`` block filled from the facts, or its remediation.

The texts are data (the rule files' ``brief`` blocks, see docs/rule-format.md); this module
only fills their placeholders. A text whose placeholder has no value falls back, so a brief
never shows "unknown" or a raw ``$name``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..rules.template import format_value, segments
from ..types import BriefText, Finding, RuleInfo
from .wording import clip, money, pct, sentence

_CODE = re.compile(r"`([^`]*)`")
_RULE_ID = re.compile(r"\b[A-Z]{2,5}[0-9]{3}\b")
_RULE_ASIDE = re.compile(r",?\s*\([^()]*\b[A-Z]{2,5}[0-9]{3}\b[^()]*\)|,\s*[A-Z]{2,5}[0-9]{3},")
UNTITLED = "(untitled)"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


ITEM = "item"  # the flagged item in words (see item_name)
MAX_ITEM = 70


def item_name(fact: Mapping[str, Any]) -> str | None:
    """A benefit's or cost's description (else its id), an option's or decision's title."""
    for key in ("description", "title", "bid", "cid", "oid"):
        value = fact.get(key)
        if isinstance(value, str) and value.strip():
            return clip(value, MAX_ITEM)
    return None


@dataclass(frozen=True)
class Values:
    """What a rule's brief text can name: the flagged item, the decision, the finding."""

    target: Mapping[str, Any]
    decision: Mapping[str, Any]
    evidence: Mapping[str, Any]
    currency: str | None

    def raw(self, name: str) -> Any:
        if name == ITEM:
            return item_name(self.target)
        parts = name.split(".")
        if parts[0] == "param":
            return self.evidence.get(name)
        if len(parts) == 2:
            if parts[0] == "decision":
                return self.decision.get(parts[1])
            value = self.target.get(parts[1])
            return value if value is not None else self.evidence.get(name)
        value = self.target.get(name)
        return value if value is not None else self.evidence.get(name)

    def text(self, name: str) -> str | None:
        fmt = name.split(".", 1)[0]
        if fmt in ("pct", "money"):
            value = self.raw(name.split(".", 1)[1])
            if isinstance(value, bool) or not isinstance(value, int | float):
                return None
            return pct(value) if fmt == "pct" else money(value, self.currency)
        value = self.raw(name)
        if value is None:
            return None
        if isinstance(value, str) and not value.strip():
            return UNTITLED
        if isinstance(value, float) and not value.is_integer():
            return f"{value:,.2f}".rstrip("0").rstrip(".")
        return format_value(value)


def fill(template: str | None, values: Values) -> str | None:
    """The template filled, or None when it is absent or names a value the record lacks."""
    if not template:
        return None
    out: list[str] = []
    for is_name, piece in segments(template):
        if not is_name:
            out.append(piece)
            continue
        text = values.text(piece)
        if text is None:
            return None
        out.append(text)
    return " ".join("".join(out).split())


def plain_remediation(info: RuleInfo) -> str:
    """The remediation's first sentence, without code marks or rule ids (those go in the
    footnotes only)."""
    text = " ".join(info.remediation.split())
    text = _CODE.sub(lambda m: m.group(1), text)
    text = _RULE_ASIDE.sub("", text)
    text = _RULE_ID.sub("another rule", text)
    first = _SENTENCE_END.split(text, maxsplit=1)[0]
    return sentence(first)


def _brief(info: RuleInfo) -> BriefText:
    return info.brief or BriefText()


def ask_text(info: RuleInfo, values: Values) -> str:
    return sentence(fill(_brief(info).ask, values) or plain_remediation(info))


def question_text(info: RuleInfo, values: Values) -> str:
    text = fill(_brief(info).question, values)
    if text:
        return sentence(text)
    return plain_remediation(info)


def reason_text(info: RuleInfo, values: Values) -> str:
    text = fill(_brief(info).reason, values)
    if text:
        return text.rstrip(".")
    title = info.title.rstrip(".")
    return title[0].lower() + title[1:] if title else info.id


def source_text(info: RuleInfo) -> str:
    brief = _brief(info)
    if brief.source:
        return brief.source
    if info.references:
        return info.references[0].title
    return "decaudit rule pack"


def values_for(
    finding: Finding,
    facts_by_path: Mapping[str, Mapping[str, Any]],
    decision: Mapping[str, Any],
    currency: str | None,
) -> Values:
    target = facts_by_path.get(finding.path) or decision
    return Values(target, decision, finding.evidence, currency)

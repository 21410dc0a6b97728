"""Human-readable renderings of rules for ``decaudit rules show``."""

from __future__ import annotations

import json
import textwrap
from typing import Any

import yaml

from .model import All, AnyOf, Cmp, Cond, Expectation, Not, Rule

_SYMBOL = {"eq": "=", "ne": "!=", "lt": "<", "lte": "<=", "gt": ">", "gte": ">="}


def _literal(value: Any) -> str:
    if isinstance(value, tuple):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def cmp_text(cmp: Cmp) -> str:
    if cmp.op == "exists":
        return f"{cmp.fact} is {'present' if cmp.value else 'absent'}"
    if cmp.ref is not None:
        operand = f"{cmp.ref[0]}.{cmp.ref[1]}"
    elif cmp.op == "matches":
        operand = f"/{cmp.value}/i"
    else:
        operand = _literal(cmp.value)
    if cmp.param is not None:
        operand += f" (param {cmp.param})"
    op = _SYMBOL.get(cmp.op, cmp.op)
    return f"{cmp.fact} {op} {operand}"


def cond_lines(cond: Cond, indent: int = 0) -> list[str]:
    pad = "  " * indent
    if isinstance(cond, Cmp):
        return [pad + cmp_text(cond)]
    if isinstance(cond, Not):
        inner = cond_lines(cond.item, indent + 1)
        if len(inner) == 1:
            return [f"{pad}not ({inner[0].strip()})"]
        return [pad + "not:", *inner]
    head = "all of:" if isinstance(cond, All) else "any of:"
    assert isinstance(cond, All | AnyOf)
    return [pad + head, *(line for c in cond.items for line in cond_lines(c, indent + 1))]


def condition_text(rule: Rule) -> list[str]:
    if not rule.is_join:
        return [f"on {rule.on}:", *cond_lines(rule.when, 1)]
    out = [f"join of {len(rule.aliases)} facts of one decision, pointing at '{rule.at}':"]
    for alias in rule.aliases:
        out.append(f"  {alias.name} = {alias.on} where")
        out.extend(cond_lines(alias.when, 2))
    return out


def expectation_text(ex: Expectation) -> str:
    if ex.expect == "clean":
        return "must produce no finding"
    count = f"{ex.count} finding(s)" if ex.count is not None else "at least one finding"
    where = f" at {', '.join(ex.paths)}" if ex.paths else ""
    return f"must produce {count}{where}"


def _wrap(text: str, indent: str = "  ") -> list[str]:
    return textwrap.wrap(
        " ".join(text.split()), 88, initial_indent=indent, subsequent_indent=indent
    )


def show(rule: Rule) -> str:
    info = rule.info
    lines = [
        f"{info.id} {info.name}",
        f"  {info.title}",
        "",
        f"Family: {info.family}    Severity: {info.severity}    File: {rule.file}",
        "",
        "Rationale:",
        *_wrap(info.rationale),
    ]
    if rule.params:
        lines += ["", "Parameters:"]
        for name, value in rule.params.items():
            default = rule.defaults.get(name)
            note = "" if value == default else f"  (default {_literal(default)})"
            lines.append(f"  {name} = {_literal(value)}{note}")
    lines += ["", "Condition:", *("  " + line for line in condition_text(rule))]
    lines += ["", "Message:", *_wrap(rule.message)]
    lines += ["", "Remediation:", *_wrap(info.remediation)]
    if info.brief is not None:
        brief = info.brief
        topic = f"; topic: {brief.topic}" if brief.topic else ""
        lines += ["", f"In the approver's brief (section: {brief.section}{topic}):"]
        for label, text in (
            ("Verdict reason", brief.reason),
            ("Ask", brief.ask),
            ("Question", brief.question),
            ("Source", brief.source),
        ):
            if text:
                lines += _wrap(f"{label}: {text}")
        if brief.quote:
            lines.append(f"  Quotes: {brief.quote}")
    if info.references:
        lines += ["", "References:"]
        for ref in info.references:
            lines.append(f"  - {ref.title}" + (f" <{ref.url}>" if ref.url else ""))
    if rule.examples:
        lines += ["", "Examples:"]
        for i, ex in enumerate(rule.examples, 1):
            lines.append(f"  {i}. {ex.name}: {ex.expect}, {expectation_text(ex)}")
            body = {
                k: v for k, v in ex.raw.items() if k not in ("name", "expect", "count", "paths")
            }
            text = yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=84)
            lines.extend("       " + line for line in text.rstrip().splitlines())
    return "\n".join(lines) + "\n"

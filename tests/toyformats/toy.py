"""A toy output format: one line per finding."""

from __future__ import annotations

from decaudit.engine.report import ReportOptions
from decaudit.engine.types import CheckResult


def render(result: CheckResult, options: ReportOptions) -> str:
    lines = [f"TOY {f.rule_id} {f.decision_id}" for f in result.findings]
    return "\n".join([*lines, f"TOY {len(result.findings)} findings"]) + "\n"

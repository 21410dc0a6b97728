"""One problem, one finding: a rule's finding absorbs the findings of the rules it relates.

Several rules can flag one problem from different angles: a thin option list is both "no
breakthrough option" (ALT001), "every option is incremental" (INC001) and "fewer than three
real options" (ALT002). A rule file lists such rules under ``related:``; when the rule and a
related one fire on the same decision, at the same place or inside it (a finding at ``$``
covers one at ``$.options[1]``), the related finding is not reported on its own but kept as
evidence of the dominant one (``evidence.related``: rule, severity, message, path, line,
fingerprint and evidence of each). The dominant finding keeps its own fingerprint, and takes
the highest severity of the group, so folding never hides how serious a problem is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from .types import Finding
from .vocab import SEVERITY_RANK


def _inside(path: str, outer: str) -> bool:
    return (
        path == outer
        or outer == "$"
        or path.startswith(outer + ".")
        or path.startswith(outer + "[")
    )


def _entry(f: Finding) -> dict[str, Any]:
    return {
        "rule_id": f.rule_id,
        "rule_name": f.rule_name,
        "severity": f.severity,
        "message": f.message,
        "path": f.path,
        "line": f.line,
        "fingerprint": f.fingerprint,
        "evidence": dict(f.evidence),
    }


def fold(findings: Sequence[Finding], relations: Mapping[str, Sequence[str]]) -> list[Finding]:
    """``findings`` of one record with each related finding folded into its dominant one.

    ``relations`` maps a rule id to the ids of the rules whose findings it absorbs. A
    finding absorbed by one dominant finding is not absorbed again by another; a dominant
    finding that is itself absorbed passes its evidence on (chains fold into the top).
    """
    if not relations or len(findings) < 2:
        return list(findings)
    present = {f.rule_id for f in findings}
    if not any(rid in present for rid in relations):
        return list(findings)
    absorbed: dict[int, int] = {}  # index of absorbed finding -> index of its dominant
    for i, dom in enumerate(findings):
        related = relations.get(dom.rule_id)
        if not related:
            continue
        for j, other in enumerate(findings):
            if (
                j != i
                and j not in absorbed
                and other.rule_id in related
                and other.decision_id == dom.decision_id
                and _inside(other.path, dom.path)
                and absorbed.get(i) != j
            ):
                absorbed[j] = i
    if not absorbed:
        return list(findings)

    def top(j: int) -> int:
        seen = {j}
        while j in absorbed:
            j = absorbed[j]
            if j in seen:  # a cycle (A relates B, B relates A): stop at the first
                break
            seen.add(j)
        return j

    groups: dict[int, list[int]] = {}
    for j in absorbed:
        groups.setdefault(top(j), []).append(j)
    out = []
    for i, f in enumerate(findings):
        if i in absorbed and top(i) != i:
            continue
        members = sorted(groups.get(i, ()))
        if not members:
            out.append(f)
            continue
        entries = [_entry(findings[j]) for j in members]
        worst = max((f, *(findings[j] for j in members)), key=lambda x: SEVERITY_RANK[x.severity])
        names = ", ".join(e["rule_id"] for e in entries)
        out.append(
            replace(
                f,
                severity=worst.severity,
                message=f"{f.message} (also reported by {names})",
                evidence={**f.evidence, "related": entries},
            )
        )
    return out

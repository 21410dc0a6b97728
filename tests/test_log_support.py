"""Builders shared by the audit-log tests (no tests here): records, findings and runs made
directly with the writer, the way the check pipeline feeds it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from decaudit.engine.log import AuditLog, RunMeta
from decaudit.engine.model import Record
from decaudit.engine.types import Finding, SourceRecord, WaiverRef

LONG = "No breakthrough or replace-own-business option was considered among the options"


def source(
    decision_id: str, title: str = "", file: str | None = None, **extra: Any
) -> SourceRecord:
    record = Record(id=decision_id, title=title or f"Decision {decision_id}", **extra)
    return SourceRecord(record, file or f"decisions/{decision_id}.yaml", "yaml", {(): 1})


def measured_source(
    decision_id: str, ratio: float = 0.5, project_type: str = "it-system"
) -> SourceRecord:
    """A decision whose chosen case has one benefit with both figures (a track-record row)."""
    benefit = {"id": "B1", "type": "cost-saving", "projected": 100.0, "realized": 100.0 * ratio}
    option = {"title": "Build it", "chosen": True, "business_case": {"benefits": [benefit]}}
    return source(decision_id, project_type=project_type, options=[option])


def finding(
    decision_id: str,
    rule_id: str = "ALT001",
    *,
    severity: str = "high",
    path: str = "$",
    message: str = "",
    waiver: WaiverRef | None = None,
    expired: WaiverRef | None = None,
    line: int = 1,
) -> Finding:
    names = {"ALT001": "no-breakthrough-alternative", "BEN002": "point-estimate-only"}
    family = "benefits" if rule_id.startswith("BEN") else "alternatives"
    return Finding(
        rule_id=rule_id,
        rule_name=names.get(rule_id, rule_id.lower()),
        severity=severity,
        family=family,
        decision_id=decision_id,
        file=f"decisions/{decision_id}.yaml",
        line=line,
        path=path,
        message=message or f"{rule_id} fired on {decision_id}",
        evidence={"count": 3, "kinds": ["incremental"]},
        waiver=waiver,
        expired_waiver=expired,
    )


def meta(
    started: str = "2026-03-01T10:00:00Z",
    command: str = "decaudit check decisions/",
    exit_status: int = 1,
    **kw: Any,
) -> RunMeta:
    return RunMeta(
        started_at=started,
        finished_at=kw.pop("finished", started),
        tool_version="0.1.0",
        ruleset_digest="ruleset-digest",
        config_digest="config-digest",
        input_digest="input-digest",
        command=command,
        actor=kw.pop("actor", "alice"),
        ci=kw.pop("ci", {"CI": "true", "GITHUB_SHA": "abc123"}),
        exit_status=exit_status,
        **kw,
    )


def write_run(
    log: AuditLog,
    records: Iterable[SourceRecord],
    findings: Iterable[Finding],
    run_meta: RunMeta | None = None,
) -> int:
    with log.writer() as w:
        for src in records:
            w.add_record(src)
        for f in findings:
            w.add_finding(f, "digest-" + f.rule_id.lower())
        return w.commit(run_meta or meta())


def sample_log(path: Path) -> AuditLog:
    """Three runs over DEC-1..DEC-3 with findings that change between runs."""
    log = AuditLog.open(path)
    srcs = [source(f"DEC-{i}") for i in (1, 2, 3)]
    write_run(
        log,
        srcs,
        [
            finding("DEC-1", message=LONG),
            finding("DEC-2"),
            finding(
                "DEC-2", "BEN002", severity="low", path="$.options[0].business_case.benefits[0]"
            ),
        ],
        meta("2026-03-01T10:00:00Z"),
    )
    write_run(
        log,
        srcs,
        [finding("DEC-2"), finding("DEC-3", severity="medium")],
        meta("2026-03-02T09:30:00Z", command="decaudit check decisions/ --fail-on medium"),
    )
    write_run(
        log,
        [source("DEC-1", title="Decision DEC-1, revised")],
        [finding("DEC-1", "BEN002", severity="low", message="Benefit revenue has no range")],
        meta("2026-03-05T16:45:10Z", exit_status=0),
    )
    return log

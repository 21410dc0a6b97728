"""The findings of a check run: where each one goes (waivers, convention folders, the log,
the totals and the outputs: :class:`Sink`), the run's totals (:class:`Tally`), and the
findings known only at the end of the run (:func:`finish`)."""

from __future__ import annotations

import hashlib
import pickle
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .facts import PortfolioAccumulator
from .isolation import describe
from .produce import EXPIRED, SEVERITY, WAIVED
from .produce import FINGERPRINT as FP
from .types import Finding, FindingTotals, InputError, SourceRecord
from .vocab import SEVERITY_RANK
from .waivers import Waivers


@dataclass
class Tally:
    records: int = 0
    kept: list[SourceRecord] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    skipped: list[InputError] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    all_findings: list[Finding] = field(default_factory=list)
    finding_count: int = 0
    failing: int = 0
    baseline_seen: set[str] = field(default_factory=set)
    baseline_matched: int = 0
    input_hash: Any = field(default_factory=hashlib.sha256)
    active: int = 0
    by_severity: dict[str, int] = field(default_factory=dict)
    waived: int = 0
    expired_waivers: int = 0

    def count(self, severity: str, waived: bool, expired: bool) -> None:
        """Count a shown finding (the totals stay right when findings are not kept)."""
        if waived:
            self.waived += 1
            return
        self.active += 1
        self.by_severity[severity] = self.by_severity.get(severity, 0) + 1
        if expired:
            self.expired_waivers += 1

    def totals(self) -> FindingTotals:
        return FindingTotals(
            active=self.active,
            by_severity=dict(self.by_severity),
            waived=self.waived,
            expired_waivers=self.expired_waivers,
        )


@dataclass
class Sink:
    """Where each finding goes: waivers applied, convention findings held for their folder,
    then the log's writer and the tally (baseline, --min-severity, --fail-on)."""

    opts: Any  # CheckOptions
    waivers: Waivers
    conventions: Any  # ConventionFolder
    digests: Mapping[str, str]
    tally: Tally
    writer: Any = None
    min_rank: int = 0
    fail_rank: int = 0

    def take(self, finding: Finding, src: SourceRecord | None, *, waived: bool = False) -> None:
        """A finding the run handles here (``waived``: its waivers are already applied)."""
        if not waived:
            finding = self.waivers.apply(finding, src)
        if self.conventions.hold(finding):
            return  # reported at the end: once for its folder, or as it is
        self.emit(finding)

    def emit(self, finding: Finding) -> None:
        if self.writer is not None:
            self.writer.add_finding(finding, self.digests.get(finding.rule_id, ""))
        expired = finding.expired_waiver is not None
        self._tally(finding, finding.severity, finding.waived, expired, finding.fingerprint)

    def take_entry(self, entry: Any) -> None:
        """One finding as a producer hands it over (``produce.Entry``)."""
        if not isinstance(entry, tuple):  # held for its folder, or logged by lookup
            self.take(entry, None, waived=True)
        elif entry[0] is not None:
            self.emit_row(entry[0], entry[1])
        elif entry[1] is not None:  # not logged
            self.take(entry[1], None, waived=True)

    def emit_row(self, row: tuple[Any, ...], finding: Finding | None) -> None:
        """A finding encoded where it was produced (``finding``: None when not needed)."""
        self.writer.add_finding_row(row)
        self._tally(finding, row[SEVERITY], bool(row[WAIVED]), row[EXPIRED] is not None, row[FP])

    def _tally(
        self, finding: Finding | None, severity: str, waived: bool, expired: bool, fp: str
    ) -> None:
        opts, tally = self.opts, self.tally
        tally.finding_count += 1
        if opts.collect_all and finding is not None:  # produced with its findings then
            (tally.all_findings if opts.all_sink is None else opts.all_sink).append(finding)
        if opts.baseline is not None and fp in opts.baseline:
            tally.baseline_seen.add(fp)
            tally.baseline_matched += 1
            return
        rank = SEVERITY_RANK[severity]
        if rank < self.min_rank:
            return
        tally.count(severity, waived, expired)
        if not waived and rank >= self.fail_rank:
            tally.failing += 1
        if opts.keep_findings and finding is not None:
            (tally.findings if opts.findings_sink is None else opts.findings_sink).append(finding)


def finish(
    sink: Sink,
    evaluator: Any,
    portfolio: PortfolioAccumulator,
    members: Any,
    pool: Any,
    how: Any = None,
) -> None:
    """The findings known only at the end of the run: convention findings of whole folders,
    the folder (collection) rules and the portfolio rules. The folder rules run in the
    workers when there are (``pool``), their findings waived and encoded there as the
    records' are (``how``: the run's ``produce.Production``); they wait in a temporary file
    until they are all known (a failure half-way reports none of them)."""
    from .evaluate import portfolio_findings
    from .produce import folder_entries

    for finding in sink.conventions.release():
        sink.emit(finding)
    if not sink.tally.records:
        return

    def folder() -> Iterable[Any]:
        if not members:
            return []
        if pool is not None:
            return pool.collection(members.facts_digests())
        return (
            entry
            for member, facts, digest in members.facts_digests()
            for entry in folder_entries(evaluator, member.file, facts, member.did, digest, how)
        )

    for what, compute in (
        ("folder", folder),
        ("portfolio", lambda: portfolio_findings(evaluator, portfolio)),
    ):
        with tempfile.TemporaryFile() as spool:
            try:
                count = 0
                for item in compute():
                    pickle.dump(item, spool, pickle.HIGHEST_PROTOCOL)
                    count += 1
            except Exception as exc:  # a failure here is reported, the run is still logged
                sink.tally.errors.append(
                    InputError(f"({what})", None, f"{what} rules failed: {describe(exc)}")
                )
                continue
            spool.seek(0)
            for _ in range(count):
                if what == "folder":
                    sink.take_entry(pickle.load(spool))
                else:
                    sink.take(pickle.load(spool), None)

"""Waivers applied to findings: the record's own (``waivers:``) and the log's (``decaudit
waive``), matched on decision id and rule id or name; an expired one is noted on the finding."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from .types import Finding, SourceRecord, WaiverRef


class Waivers:
    """Record waivers and log waivers, matched on (decision id, rule id or name)."""

    def __init__(self, today: dt.date, live: Iterable[Any], expired: Iterable[Any]) -> None:
        self.today = today
        self.live = {(w.decision_id, w.rule_id): w for w in live}
        self.expired = {(w.decision_id, w.rule_id): w for w in expired}

    @staticmethod
    def _ref(w: Any, source: str) -> WaiverRef:
        return WaiverRef(
            source=source,
            reason=w.reason,
            approver=w.approver,
            expires=w.expires.isoformat() if isinstance(w.expires, dt.date) else str(w.expires),
            waiver_id=getattr(w, "id", None) if source == "log" else None,
        )

    def apply(self, finding: Finding, src: SourceRecord | None) -> Finding:
        keys = {finding.rule_id, finding.rule_name}
        expired: WaiverRef | None = None
        if src is not None:
            for w in src.record.waivers:
                if w.rule not in keys:
                    continue
                if w.expires >= self.today:
                    return replace(finding, waiver=self._ref(w, "record"))
                expired = self._ref(w, "record")
        for key in keys:
            hit = self.live.get((finding.decision_id, key))
            if hit is not None:
                return replace(finding, waiver=self._ref(hit, "log"))
            gone = self.expired.get((finding.decision_id, key))
            if gone is not None and expired is None:
                expired = self._ref(gone, "log")
        return replace(finding, expired_waiver=expired) if expired else finding

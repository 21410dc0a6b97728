"""Waivers applied to findings: the record's own (``waivers:``) and the log's (``decaudit
waive``), matched on decision id and rule id or name; an expired one is noted on the finding."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from .types import Finding, SourceRecord, WaiverRef


class Waivers:
    """Record waivers and log waivers, matched on (decision id, rule id or name).

    The log's waivers are given (``live``, ``expired``) or, with ``log``, read from that log
    file per decision when its first finding comes, so a check reads the waivers of the
    decisions it audits, not every waiver of the log. Pickled without its connection: a
    worker process opens the log read-only when it first needs it."""

    def __init__(
        self,
        today: dt.date,
        live: Iterable[Any] = (),
        expired: Iterable[Any] = (),
        log: str | None = None,
    ) -> None:
        self.today = today
        self.live = {(w.decision_id, w.rule_id): w for w in live}
        self.expired = {(w.decision_id, w.rule_id): w for w in expired}
        self.log = log
        self._loaded: set[str] = set()
        self._conn: Any = None

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_conn": None}

    def _load(self, decision_id: str) -> None:
        if self.log is None or decision_id in self._loaded:
            return
        from .log.connection import connect_readonly
        from .log.waivers import waivers_of

        self._loaded.add(decision_id)
        if self._conn is None:
            self._conn = connect_readonly(self.log)
        for w in waivers_of(self._conn, decision_id):  # oldest first: a later grant wins
            status = w.status(self.today)
            if status == "live":
                self.live[(w.decision_id, w.rule_id)] = w
            elif status == "expired":
                self.expired[(w.decision_id, w.rule_id)] = w

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

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
        self._load(finding.decision_id)
        for key in keys:
            hit = self.live.get((finding.decision_id, key))
            if hit is not None:
                return replace(finding, waiver=self._ref(hit, "log"))
            gone = self.expired.get((finding.decision_id, key))
            if gone is not None and expired is None:
                expired = self._ref(gone, "log")
        return replace(finding, expired_waiver=expired) if expired else finding


def open_log(db: str | None, read_db: str | None, today: dt.date) -> tuple[Any, Waivers]:
    """The log a check appends its run to (None with --no-log) and the waivers that apply:
    the log's, even with --no-log when a log exists, read per audited decision."""
    if db:
        from .log import AuditLog

        log = AuditLog.open(db)  # created and migrated before its waivers are read
        return log, Waivers(today, log=str(db))
    if read_db and Path(read_db).is_file():  # --no-log: the log's waivers still apply
        from .log import AuditLog

        AuditLog.read(read_db).close()  # a log this decaudit can read (migrated if needed)
        return None, Waivers(today, log=str(read_db))
    return None, Waivers(today)

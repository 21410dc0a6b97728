"""The organisation's track record from its own audit log: the log's read side
(:mod:`decaudit.engine.log.read`) feeding the statistics (:mod:`decaudit.engine.calibration`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from .calibration import Calibration, calibrate_snapshots, track_records_of
from .facts import TrackRecord
from .log.read import DbSource, latest_snapshots, reading


def calibrate(source: DbSource) -> Calibration:
    """The track record of every measured decision in the log (missing log: ``LogError``)."""
    with reading(source) as conn:
        return calibrate_snapshots(latest_snapshots(conn))


def track_records_from_history(source: DbSource, min_decisions: int) -> dict[str, TrackRecord]:
    """:func:`track_records` computed from every logged record (the reference the kept track
    record is tested against, and the reading of a log older than migration 5)."""
    if not isinstance(source, sqlite3.Connection) and not Path(source).is_file():
        return {}
    with reading(source) as conn:
        snapshots = latest_snapshots(conn)
    return {
        ptype: TrackRecord(ratio=ratio, count=count, decisions=ids)
        for ptype, (ratio, count, ids) in track_records_of(snapshots, min_decisions).items()
    }


def track_records(source: DbSource, min_decisions: int) -> dict[str, TrackRecord]:
    """Per project type with at least ``min_decisions`` measured past decisions, the
    :class:`TrackRecord` rule BEN009 compares a proposal with.

    A missing log, or one without the tables yet, has no history: an empty dict.
    """
    if not isinstance(source, sqlite3.Connection) and not Path(source).is_file():
        return {}
    from .log.outcomes import has_outcomes, project_types, track_record

    with reading(source) as conn:
        if not has_outcomes(conn):
            return track_records_from_history(conn, min_decisions)
        out = {}
        for ptype in project_types(conn):
            found = track_record(conn, ptype, min_decisions)
            if found is not None:
                out[ptype] = TrackRecord(*found)
        return out


class LogTrackRecords(Mapping[str, TrackRecord]):
    """The track records of a log file, read per project type when a record of that type
    asks (``get``), once each: a check reads only the types of its input. Pickled without
    its connection (worker processes reopen the log)."""

    def __init__(self, path: str, min_decisions: int) -> None:
        self.path = path
        self.min_decisions = min_decisions
        self._cache: dict[str, TrackRecord | None] = {}
        self._conn: sqlite3.Connection | None = None
        self._legacy: dict[str, TrackRecord] | None = None  # a log older than migration 5

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "min_decisions": self.min_decisions, "cache": self._cache}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"], state["min_decisions"])  # type: ignore[misc]
        self._cache = dict(state["cache"])

    def _lookup(self, ptype: str) -> TrackRecord | None:
        from .log.connection import connect_readonly
        from .log.outcomes import has_outcomes, track_record

        if self._legacy is not None:
            return self._legacy.get(ptype)
        if self._conn is None:
            if not Path(self.path).is_file():
                self._legacy = {}
                return None
            self._conn = connect_readonly(self.path)
            if not has_outcomes(self._conn):
                self._legacy = track_records_from_history(self._conn, self.min_decisions)
                self.close()
                return self._legacy.get(ptype)
        found = track_record(self._conn, ptype, self.min_decisions)
        return None if found is None else TrackRecord(*found)

    def __getitem__(self, ptype: str) -> TrackRecord:
        if not ptype:
            raise KeyError(ptype)
        if ptype not in self._cache:
            self._cache[ptype] = self._lookup(ptype)
        found = self._cache[ptype]
        if found is None:
            raise KeyError(ptype)
        return found

    def _all(self) -> dict[str, TrackRecord]:
        return track_records(self.path, self.min_decisions)

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def uses_track_record(pack: Any) -> bool:
    """Whether a rule of ``pack`` reads the track-record facts (BEN009) or names them in its
    message."""
    for rule in pack.rules:
        facts = [fact for names in rule.referenced().values() for fact in names]
        if "track_record" in rule.message or any(f.startswith("track_record") for f in facts):
            return True
    return False


def track_records_for(path: str, min_decisions: int, pack: Any) -> Mapping[str, TrackRecord]:
    """What a check's records read the track record from: the log's, read per project type as
    the input's records ask for them (:class:`LogTrackRecords`), and only when a rule of the
    pack uses it."""
    return LogTrackRecords(path, min_decisions) if uses_track_record(pack) else {}

"""The organisation's track record from its own audit log: the log's read side
(:mod:`decaudit.engine.log.read`) feeding the statistics (:mod:`decaudit.engine.calibration`)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .calibration import Calibration, calibrate_snapshots, track_records_of
from .facts import TrackRecord
from .log.read import DbSource, latest_snapshots, reading


def calibrate(source: DbSource) -> Calibration:
    """The track record of every measured decision in the log (missing log: ``LogError``)."""
    with reading(source) as conn:
        return calibrate_snapshots(latest_snapshots(conn))


def track_records(source: DbSource, min_decisions: int) -> dict[str, TrackRecord]:
    """Per project type with at least ``min_decisions`` measured past decisions, the
    :class:`TrackRecord` rule BEN009 compares a proposal with.

    A missing log, or one without the tables yet, has no history: an empty dict.
    """
    if not isinstance(source, sqlite3.Connection) and not Path(source).is_file():
        return {}
    with reading(source) as conn:
        snapshots = latest_snapshots(conn)
    return {
        ptype: TrackRecord(ratio=ratio, count=count, decisions=ids)
        for ptype, (ratio, count, ids) in track_records_of(snapshots, min_decisions).items()
    }

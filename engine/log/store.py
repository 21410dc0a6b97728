"""``AuditLog``: open (and migrate) the log file; the entry point of the log's API."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ..clock import today as clock_today
from ..clock import utc_stamp
from ..errors import LogError
from .actuals import Actual, ActualEntry, actuals_of, all_actuals, append_actuals
from .connection import connect, connect_readonly, immediate, may_write
from .provenance import current_actor
from .schema import BIG_HISTORY, CURRENT_VERSION, apply_migrations, history_to_fill, schema_version
from .waivers import LogWaiver, grant, list_waivers, revoke, waivers_of
from .writer import RunWriter

if TYPE_CHECKING:  # verify and checkpoints are imported when used: a check never needs them
    from .checkpoint import Checkpoint
    from .verify import Divergence, VerifyResult

T = TypeVar("T")


def _stderr_notice(message: str) -> None:
    import sys

    print(f"decaudit: {message}", file=sys.stderr, flush=True)


# Where the one-time upgrade of a big log is announced (replace to silence or redirect).
migration_notice: Callable[[str], None] = _stderr_notice


class AuditLog:
    """The append-only, hash-chained audit log in one SQLite file.

    ``AuditLog.open(path)`` creates the file if needed and applies pending migrations;
    ``create=False`` (the query commands) refuses a missing file instead of creating one.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn

    @classmethod
    def open(
        cls, path: str | Path, *, create: bool = True, target_version: int = CURRENT_VERSION
    ) -> AuditLog:
        p = Path(path)
        if p.is_dir():
            raise LogError(f"{p}: is a directory, not an audit log file")
        if not p.exists():
            if not create:
                raise LogError(f"{p}: no audit log here (run `decaudit check` first, or pass --db)")
            try:  # the log's folder is created with it (``db = "audit/decaudit.db"``)
                p.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise LogError(
                    f"{p}: cannot create the folder {p.parent}: {exc.strerror or exc}"
                ) from exc
        conn = connect(p)
        try:
            cls._migrate(p, conn, target_version)
        except BaseException:
            conn.close()
            raise
        return cls(p, conn)

    @classmethod
    def read(cls, path: str | Path) -> AuditLog:
        """Open an existing log for reading only (the query commands, verify, waivers of
        ``check --no-log``): works on a read-only file or folder and leaves no file behind.
        A log with an older schema is migrated when this user may write it."""
        p = Path(path)
        if p.is_dir():
            raise LogError(f"{p}: is a directory, not an audit log file")
        conn = connect_readonly(p)
        try:
            version = schema_version(conn)
            if version > CURRENT_VERSION:
                raise LogError(
                    f"{p}: the log's schema version {version} is newer than this decaudit "
                    f"understands ({CURRENT_VERSION}); upgrade decaudit"
                )
            if version < CURRENT_VERSION:
                conn.close()
                if not may_write(p):
                    raise LogError(
                        f"{p}: the log's schema version {version} is older than this decaudit "
                        f"reads ({CURRENT_VERSION}), and this user cannot migrate it; ask its "
                        "owner to run any decaudit command on it once"
                    )
                cls.open(p, create=False).close()  # migrate, then read
                conn = connect_readonly(p)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise LogError(f"{p}: cannot open the audit log: {exc}") from exc
        except BaseException:
            conn.close()
            raise
        return cls(p, conn)

    @staticmethod
    def _migrate(path: Path, conn: sqlite3.Connection, target: int) -> None:
        try:
            version = schema_version(conn)
            if version > CURRENT_VERSION:
                raise LogError(
                    f"{path}: the log's schema version {version} is newer than this decaudit "
                    f"understands ({CURRENT_VERSION}); upgrade decaudit"
                )
            if version >= target:
                return
            with immediate(conn):  # re-read under the write lock: another process may
                if schema_version(conn) == 0:  # have just created the log
                    foreign = conn.execute(
                        "SELECT name FROM sqlite_master WHERE type = 'table' "
                        "AND name NOT LIKE 'sqlite_%' LIMIT 1"
                    ).fetchone()
                    if foreign is not None:
                        raise LogError(
                            f"{path}: not a decaudit audit log (it has other tables, e.g. "
                            f"{foreign[0]!r})"
                        )
                history = history_to_fill(conn, target)
                if history >= BIG_HISTORY:
                    migration_notice(
                        f"{path}: upgrading the audit log to schema version {target}, once: "
                        f"computing the track record from {history:,} audited records"
                    )
                apply_migrations(conn, utc_stamp(), target)
        except sqlite3.DatabaseError as exc:
            raise LogError(f"{path}: cannot open the audit log: {exc}") from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> AuditLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema --------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return schema_version(self.conn)

    # -- writing -------------------------------------------------------------------------

    def writer(self) -> RunWriter:
        """A writer for one run (its own connection; commit appends it atomically)."""
        return RunWriter(self.path)

    def grant_waiver(
        self,
        decision_id: str,
        rule_id: str,
        *,
        reason: str,
        approver: str | None,
        expires: dt.date,
        actor: str | None = None,
        today: dt.date | None = None,
    ) -> int:
        """Append a waiver (its own chain entry); returns its id."""
        return self._write(
            lambda conn: grant(
                conn,
                decision_id=decision_id,
                rule_id=rule_id,
                reason=reason,
                approver=approver,
                expires=expires,
                created_at=utc_stamp(),
                actor=actor or current_actor(),
                today=today or clock_today(),
            )
        )

    def revoke_waiver(
        self,
        waiver_id: int,
        *,
        reason: str,
        approver: str | None = None,
        actor: str | None = None,
    ) -> int:
        """Append the revocation of a waiver; returns the revocation row's id."""
        return self._write(
            lambda conn: revoke(
                conn,
                waiver_id=waiver_id,
                reason=reason,
                approver=approver,
                created_at=utc_stamp(),
                actor=actor or current_actor(),
            )
        )

    def record_actuals(
        self,
        prepare: Callable[[sqlite3.Connection], Sequence[ActualEntry]],
        *,
        actor: str | None = None,
    ) -> list[int]:
        """Append the figures ``prepare`` returns (it reads and checks inside the same write
        transaction) as one batch with its own chain entry; their ids. Nothing is written
        when ``prepare`` raises."""
        return self._write(
            lambda conn: append_actuals(conn, prepare(conn), utc_stamp(), actor or current_actor())
        )

    def actuals(self, decision_id: str | None = None) -> list[Actual]:
        """The figures of one decision (or all), oldest ``as_of`` first."""
        try:
            if decision_id is None:
                return all_actuals(self.conn)
            return actuals_of(self.conn, decision_id)
        except sqlite3.Error as exc:
            raise LogError(f"{self.path}: cannot read the actual figures: {exc}") from exc

    def checkpoint(self, key: bytes, *, actor: str | None = None) -> Checkpoint:
        """Sign the current head (and note it in ``checkpoints``)."""
        from .checkpoint import create_checkpoint

        return self._write(
            lambda conn: create_checkpoint(conn, key, utc_stamp(), actor or current_actor())
        )

    def _write(self, action: Callable[[sqlite3.Connection], T]) -> T:
        try:
            with immediate(self.conn):
                return action(self.conn)
        except sqlite3.Error as exc:
            raise LogError(f"{self.path}: cannot write to the audit log: {exc}") from exc

    # -- reading -------------------------------------------------------------------------

    def waivers(self) -> list[LogWaiver]:
        """Every granted waiver, oldest first, with its revocation if any."""
        try:
            return list_waivers(self.conn)
        except sqlite3.Error as exc:
            raise LogError(f"{self.path}: cannot read the waivers: {exc}") from exc

    def waivers_of(self, decision_id: str) -> list[LogWaiver]:
        """The grants of one decision, oldest first, with their revocations."""
        try:
            return waivers_of(self.conn, decision_id)
        except sqlite3.Error as exc:
            raise LogError(f"{self.path}: cannot read the waivers: {exc}") from exc

    def has_decision(self, decision_id: str) -> bool:
        """Whether any run audited ``decision_id``."""
        try:
            row = self.conn.execute(
                "SELECT 1 FROM run_records WHERE decision_id = ? LIMIT 1", (decision_id,)
            ).fetchone()
        except sqlite3.Error as exc:
            raise LogError(f"{self.path}: cannot read the audit log: {exc}") from exc
        return row is not None

    def live_waivers(self, on: dt.date) -> list[LogWaiver]:
        """Waivers in force on ``on``: granted, not revoked, expiring on or after it."""
        return [w for w in self.waivers() if w.status(on) == "live"]

    def expired_waivers(self, on: dt.date) -> list[LogWaiver]:
        """Waivers that lapsed before ``on`` (not revoked): a finding can say it was waived
        until then."""
        return [w for w in self.waivers() if w.status(on) == "expired"]

    def rule_names(self) -> set[str]:
        """Every rule id and rule name that a logged finding carries."""
        rows = self.conn.execute("SELECT DISTINCT rule_id, rule_name FROM findings")
        return {name for row in rows for name in row if name}

    def verify(self, *, deep: bool = False) -> VerifyResult:
        from .verify import verify_log

        return verify_log(self.conn, deep=deep)

    def check_checkpoint(self, cp: Checkpoint, key: bytes) -> Divergence | None:
        from .checkpoint import check_checkpoint

        try:
            return check_checkpoint(self.conn, cp, key)
        except sqlite3.Error as exc:
            raise LogError(f"{self.path}: cannot read the chain: {exc}") from exc

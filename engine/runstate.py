"""Run-wide state kept on disk: what a run must remember of every record, in a private
temporary SQLite database rather than in Python objects, so a run's memory does not grow
with its number of records. This is the one module besides ``engine/log/`` that talks to
SQLite, and it never opens the audit log.

SQLite opens a database named ``""`` as a private temporary file, deleted when its
connection closes; its pages stay in a small cache and spill to that file beyond it. A run
of one file never touches the disk, and a run of a million records keeps a few megabytes in
memory. Each store owns its database, opened at its first write:

- :class:`Places`: decision id -> where it was first seen (duplicate ids, records/numbering.py);
- :class:`MemberStore`: each record's folder member with the keys a reference may name it
  by, looked up at the end of the run (members.py).
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

CACHE_KIB = 2048  # the page cache of one store (the rest spills to its file)
SLICE = 512  # rows read back per query


def _scratch(schema: str) -> sqlite3.Connection:
    """A private temporary database with ``schema`` (a script) created in it."""
    conn = sqlite3.connect("", isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    conn.executescript(schema)
    conn.execute("BEGIN")  # one transaction for the life of the database: nothing to sync
    return conn


class _Store:
    _SCHEMA = ""

    def __init__(self) -> None:
        self._conn: sqlite3.Connection | None = None

    def _open(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = _scratch(self._SCHEMA)
        return self._conn

    def close(self) -> None:
        """Forget everything (the database is deleted)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class Places(_Store):
    """Decision id -> where it was first seen (file, line), on disk; the part of a dict's
    interface that :class:`~decaudit.engine.records.numbering.Numbering` uses."""

    _SCHEMA = (
        "CREATE TABLE place (id TEXT PRIMARY KEY, file TEXT NOT NULL, line INTEGER NOT NULL)"
        " WITHOUT ROWID"
    )

    def get(self, key: str) -> tuple[str, int] | None:
        if self._conn is None:
            return None
        row = self._conn.execute("SELECT file, line FROM place WHERE id = ?", (key,)).fetchone()
        return (str(row[0]), int(row[1])) if row else None

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __setitem__(self, key: str, value: tuple[str, int]) -> None:
        self._open().execute(
            "INSERT OR REPLACE INTO place (id, file, line) VALUES (?, ?, ?)", (key, *value)
        )

    def __getitem__(self, key: str) -> tuple[str, int]:
        got = self.get(key)
        if got is None:
            raise KeyError(key)
        return got

    def __len__(self) -> int:
        if self._conn is None:
            return 0
        return int(self._conn.execute("SELECT COUNT(*) FROM place").fetchone()[0])


class MemberStore(_Store):
    """Records by folder, in input order (``seq`` from 1), each with its file, decision id,
    numbers, and the names and keys a reference may name it by; :meth:`index` once every
    record is in, then the lookups."""

    _SCHEMA = """
    CREATE TABLE member (
        seq INTEGER PRIMARY KEY, folder TEXT NOT NULL, file TEXT NOT NULL, did TEXT NOT NULL,
        number INTEGER, id_number INTEGER, eff INTEGER, body BLOB NOT NULL);
    CREATE TABLE name (folder TEXT NOT NULL, key TEXT NOT NULL, seq INTEGER NOT NULL);
    CREATE TABLE key (folder TEXT NOT NULL, key TEXT NOT NULL, seq INTEGER NOT NULL);
    CREATE TABLE title (folder TEXT NOT NULL, key TEXT NOT NULL, seq INTEGER NOT NULL);
    """
    # Built once every member is in (faster than keeping them up to date row by row). A file
    # holding several records (JSON Lines, a register) numbers none of them by its name:
    # their number is that of their id alone.
    _INDEX = """
    CREATE TEMP TABLE per_file AS SELECT file, COUNT(*) AS n FROM member GROUP BY file;
    CREATE INDEX temp.per_file_file ON per_file (file);
    UPDATE member SET eff = CASE (SELECT n FROM per_file WHERE per_file.file = member.file)
        WHEN 1 THEN number ELSE id_number END;
    CREATE INDEX member_folder ON member (folder, seq);
    CREATE INDEX member_number ON member (folder, eff, seq);
    CREATE INDEX name_key ON name (folder, key, seq);
    CREATE INDEX key_key ON key (folder, key, seq);
    CREATE INDEX title_key ON title (folder, key, seq);
    """

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self.indexed = False

    def add(
        self,
        folder: str,
        file: str,
        did: str,
        numbers: tuple[int | None, int | None],
        names: Iterable[str],
        keys: Iterable[str],
        value: Any,
        title: str = "",
    ) -> None:
        """One record: ``numbers`` (from its file name or id, from its id alone); the
        ``names`` and ``keys`` a reference may name it by; its ``title`` compared loosely
        (empty: none)."""
        conn = self._open()
        if self.indexed:
            raise RuntimeError("a record added after the lookups began")
        self.count += 1
        seq = self.count
        body = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        conn.execute(
            "INSERT INTO member (seq, folder, file, did, number, id_number, body)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (seq, folder, file, did, *numbers, body),
        )
        for table, values in (("name", names), ("key", keys)):
            conn.executemany(
                f"INSERT INTO {table} (folder, key, seq) VALUES (?, ?, ?)",
                [(folder, k, seq) for k in set(values)],
            )
        if title:
            conn.execute(
                "INSERT INTO title (folder, key, seq) VALUES (?, ?, ?)", (folder, title, seq)
            )

    def index(self) -> None:
        if self._conn is not None and not self.indexed:
            self._conn.executescript(self._INDEX)
            self.indexed = True

    def folders(self) -> list[str]:
        if self._conn is None:
            return []
        return sorted(str(r[0]) for r in self._conn.execute("SELECT DISTINCT folder FROM member"))

    def size(self, folder: str) -> int:
        conn = self._open()
        return int(
            conn.execute("SELECT COUNT(*) FROM member WHERE folder = ?", (folder,)).fetchone()[0]
        )

    def rows(self, folder: str) -> Iterator[tuple[int, int | None, Any]]:
        """(seq, number, value) of each record of ``folder`` in input order; the number is
        that of its file name when its file holds only it, else that of its id."""
        self.index()
        conn = self._open()
        last = 0
        while True:
            rows = conn.execute(
                "SELECT seq, eff, body FROM member WHERE folder = ? AND seq > ?"
                f" ORDER BY seq LIMIT {SLICE}",
                (folder, last),
            ).fetchall()
            if not rows:
                return
            for seq, eff, body in rows:
                yield seq, eff, pickle.loads(body)
            last = rows[-1][0]

    def same_number(self, folder: str, number: int, seq: int) -> tuple[int, list[tuple[str, str]]]:
        """How many other records of ``folder`` than ``seq`` have ``number``; the first ten
        (decision id, file)."""
        conn = self._open()
        where = " FROM member WHERE folder = ? AND eff = ? AND seq <> ?"
        args = (folder, number, seq)
        count = int(conn.execute("SELECT COUNT(*)" + where, args).fetchone()[0])
        first = conn.execute("SELECT did, file" + where + " ORDER BY seq LIMIT 10", args)
        return count, [(str(d), str(f)) for d, f in first.fetchall()]

    def titled(self, folder: str, title: str, seq: int, limit: int = 20) -> list[Any]:
        """The values of the first records of ``folder`` before ``seq`` with ``title``."""
        rows = self._open().execute(
            "SELECT m.body FROM title t JOIN member m ON m.seq = t.seq"
            " WHERE t.folder = ? AND t.key = ? AND t.seq < ? ORDER BY t.seq LIMIT ?",
            (folder, title, seq, limit),
        )
        return [pickle.loads(body) for (body,) in rows.fetchall()]

    def named(self, folder: str, table: str, key: str) -> str | None:
        """The decision id of the first record of ``folder`` with ``key`` among its names
        (``table`` ``name``) or keys (``key``)."""
        sql = {
            t: f"SELECT m.did FROM {t} k JOIN member m ON m.seq = k.seq"
            " WHERE k.folder = ? AND k.key = ? ORDER BY k.seq LIMIT 1"
            for t in ("name", "key")
        }[table]
        hit = self._open().execute(sql, (folder, key)).fetchone()
        return str(hit[0]) if hit else None

    def numbered(self, folder: str, number: int, seq: int) -> str | None:
        """The decision id of the first record of ``folder`` but ``seq`` with ``number``."""
        hit = (
            self._open()
            .execute(
                "SELECT did FROM member WHERE folder = ? AND eff = ? AND seq <> ?"
                " ORDER BY seq LIMIT 1",
                (folder, number, seq),
            )
            .fetchone()
        )
        return str(hit[0]) if hit else None


class RowGroups(_Store):
    """Rows grouped by a key (a register's decision id), on disk: :meth:`groups` gives each
    key in the order first seen, with its rows in the order added."""

    _SCHEMA = (
        "CREATE TABLE grp (seq INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, line INTEGER);"
        "CREATE TABLE row (grp INTEGER NOT NULL, seq INTEGER PRIMARY KEY, body BLOB NOT NULL);"
        "CREATE INDEX row_grp ON row (grp, seq);"
    )

    def __init__(self) -> None:
        super().__init__()
        self._last: tuple[str, int] | None = None  # the key of the last row, its group

    def add(self, key: str, line: int, value: Any) -> None:
        conn = self._open()
        if self._last is not None and self._last[0] == key:
            grp = self._last[1]
        else:
            got = conn.execute("SELECT seq FROM grp WHERE key = ?", (key,)).fetchone()
            if got is None:
                grp = int(
                    conn.execute("INSERT INTO grp (key, line) VALUES (?, ?)", (key, line)).lastrowid
                    or 0
                )
            else:
                grp = int(got[0])
            self._last = (key, grp)
        conn.execute(
            "INSERT INTO row (grp, body) VALUES (?, ?)",
            (grp, pickle.dumps(value, pickle.HIGHEST_PROTOCOL)),
        )

    def groups(self) -> Iterator[tuple[str, int, list[Any]]]:
        """(key, line of its first row, its rows) for each key, in the order first seen."""
        if self._conn is None:
            return
        last = 0
        while True:
            got = self._conn.execute(
                "SELECT seq, key, line FROM grp WHERE seq > ? ORDER BY seq LIMIT 1", (last,)
            ).fetchone()
            if got is None:
                return
            last = int(got[0])
            rows = self._conn.execute(
                "SELECT body FROM row WHERE grp = ? ORDER BY seq", (last,)
            ).fetchall()
            yield str(got[1]), int(got[2]), [pickle.loads(r[0]) for r in rows]


class FirstByKey(_Store):
    """The first value added under each key, on disk; :meth:`values` in key order (the
    order of Python's ``sorted`` on the keys: SQLite compares UTF-8 bytes, which order as
    code points do)."""

    _SCHEMA = "CREATE TABLE first (key TEXT PRIMARY KEY, body BLOB NOT NULL) WITHOUT ROWID"

    def add(self, key: str, value: Any) -> None:
        self._open().execute(
            "INSERT OR IGNORE INTO first (key, body) VALUES (?, ?)",
            (key, pickle.dumps(value, pickle.HIGHEST_PROTOCOL)),
        )

    def values(self) -> Iterator[Any]:
        if self._conn is None:
            return
        last: str | None = None
        while True:
            rows = self._conn.execute(
                "SELECT key, body FROM first WHERE ?1 IS NULL OR key > ?1"
                f" ORDER BY key LIMIT {SLICE}",
                (last,),
            ).fetchall()
            if not rows:
                return
            for _, body in rows:
                yield pickle.loads(body)
            last = rows[-1][0]

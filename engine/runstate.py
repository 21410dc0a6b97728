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
from collections.abc import Iterator
from typing import Any

CACHE_KIB = 2048  # the page cache of one store (the rest spills to its file)
SLICE = 512  # rows read back per query
BUFFER = 128  # rows held before they are inserted (one executemany; few, as each batch
# leaves its parameter tuples on the interpreter's free lists)
FILTER_BITS = 1 << 23  # the Bloom filter of Places: 1 MiB

# One record's folder member as the member store takes it (members.member_row): folder,
# file, decision id, number (from its file name or id), number from its id alone, the
# names and the keys a reference may name it by, the pickled member, and its record's
# content hash in the log (None when the run is not logged), and its title compared loosely
# (empty: none, see collection.title_key).
MemberRow = tuple[
    str,
    str,
    str,
    int | None,
    int | None,
    tuple[str, ...],
    tuple[str, ...],
    bytes,
    str | None,
    str,
]


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
    interface that :class:`~decaudit.engine.records.numbering.Numbering` uses.

    Every id of a run is looked up once and most are new, so a small Bloom filter in memory
    (:data:`FILTER_BITS` bits, three per id, from the id's own hash) answers "never seen" for
    almost all of them without a query; a new place waits in memory and goes to disk a few
    hundred at a time. The filter's size is fixed: past a few million ids it answers "maybe"
    more often and the lookups go to disk, which is slower but never wrong."""

    _SCHEMA = (
        "CREATE TABLE place (id TEXT PRIMARY KEY, file TEXT NOT NULL, line INTEGER NOT NULL)"
        " WITHOUT ROWID"
    )

    def __init__(self) -> None:
        super().__init__()
        self._bits: bytearray | None = None
        self._pending: dict[str, tuple[str, int]] = {}

    @staticmethod
    def _positions(key: str) -> tuple[int, int, int]:
        h = hash(key) & 0xFFFF_FFFF_FFFF_FFFF  # a str caches its hash: this is cheap
        mask = FILTER_BITS - 1
        return h & mask, (h >> 21) & mask, (h >> 42 | h << 22) & mask

    def get(self, key: str) -> tuple[str, int] | None:
        bits = self._bits
        if bits is None:
            return None
        for p in self._positions(key):
            if not bits[p >> 3] & (1 << (p & 7)):
                return None  # certainly never seen
        got = self._pending.get(key)
        if got is not None or self._conn is None:
            return got
        row = self._conn.execute("SELECT file, line FROM place WHERE id = ?", (key,)).fetchone()
        return (str(row[0]), int(row[1])) if row else None

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key) is not None

    def __setitem__(self, key: str, value: tuple[str, int]) -> None:
        if self._bits is None:
            self._bits = bytearray(FILTER_BITS // 8)
        bits = self._bits
        for p in self._positions(key):
            bits[p >> 3] |= 1 << (p & 7)
        self._pending[key] = value
        if len(self._pending) >= BUFFER:
            self._open().executemany(
                "INSERT OR REPLACE INTO place (id, file, line) VALUES (?, ?, ?)",
                [(k, *v) for k, v in self._pending.items()],
            )
            self._pending.clear()

    def __getitem__(self, key: str) -> tuple[str, int]:
        got = self.get(key)
        if got is None:
            raise KeyError(key)
        return got

    def close(self) -> None:
        super().close()
        self._bits = None
        self._pending.clear()


class MemberStore(_Store):
    """Records by folder, in input order (``seq`` from 1), each with its file, decision id,
    numbers, and the names and keys a reference may name it by; :meth:`index` once every
    record is in, then the lookups."""

    _SCHEMA = """
    CREATE TABLE member (
        seq INTEGER PRIMARY KEY, folder TEXT NOT NULL, file TEXT NOT NULL, did TEXT NOT NULL,
        number INTEGER, id_number INTEGER, eff INTEGER, body BLOB NOT NULL, digest TEXT);
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
        self._buffer: list[tuple[Any, ...]] = []  # rows not inserted yet (seq first)

    def add_row(self, row: MemberRow) -> None:
        """One record (see :data:`MemberRow`), stored with the next ``seq``; rows are
        inserted a few hundred at a time."""
        if self.indexed:
            raise RuntimeError("a record added after the lookups began")
        self.count += 1
        self._buffer.append((self.count, *row))
        if len(self._buffer) >= BUFFER:
            self._flush()

    def _flush(self) -> sqlite3.Connection:
        conn = self._open()
        if self._buffer:
            rows = self._buffer
            conn.executemany(
                "INSERT INTO member (seq, folder, file, did, number, id_number, body, digest)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(r[0], *r[1:6], r[8], r[9]) for r in rows],
            )
            for table, at in (("name", 6), ("key", 7)):
                conn.executemany(
                    f"INSERT INTO {table} (folder, key, seq) VALUES (?, ?, ?)",
                    [(r[1], k, r[0]) for r in rows for k in r[at]],
                )
            conn.executemany(
                "INSERT INTO title (folder, key, seq) VALUES (?, ?, ?)",
                [(r[1], r[10], r[0]) for r in rows if r[10]],
            )
            self._buffer = []
        return conn

    def index(self) -> None:
        if self._buffer:
            self._flush()
        if self._conn is not None and not self.indexed:
            self._conn.executescript(self._INDEX)
            self.indexed = True

    def folders(self) -> list[str]:
        self.index()
        if self._conn is None:
            return []
        return sorted(str(r[0]) for r in self._conn.execute("SELECT DISTINCT folder FROM member"))

    def size(self, folder: str) -> int:
        self.index()
        conn = self._open()
        return int(
            conn.execute("SELECT COUNT(*) FROM member WHERE folder = ?", (folder,)).fetchone()[0]
        )

    def rows(self, folder: str) -> Iterator[tuple[int, int | None, Any, str | None]]:
        """(seq, number, value, digest) of each record of ``folder`` in input order; the
        number is that of its file name when its file holds only it, else that of its id."""
        self.index()
        conn = self._open()
        last = 0
        while True:
            rows = conn.execute(
                "SELECT seq, eff, body, digest FROM member WHERE folder = ? AND seq > ?"
                f" ORDER BY seq LIMIT {SLICE}",
                (folder, last),
            ).fetchall()
            if not rows:
                return
            for seq, eff, body, digest in rows:
                yield seq, eff, pickle.loads(body), digest
            last = rows[-1][0]

    def same_number(
        self, folder: str, number: int, seq: int
    ) -> tuple[int, list[tuple[str, str]], bool]:
        """How many other records of ``folder`` than ``seq`` have ``number``; the first ten
        (decision id, file); and whether ``seq`` comes before all of them."""
        conn = self._open()
        where = " FROM member WHERE folder = ? AND eff = ? AND seq <> ?"
        args = (folder, number, seq)
        count = int(conn.execute("SELECT COUNT(*)" + where, args).fetchone()[0])
        rows = conn.execute("SELECT did, file, seq" + where + " ORDER BY seq LIMIT 10", args)
        first = rows.fetchall()
        is_first = not first or int(first[0][2]) > seq
        return count, [(str(d), str(f)) for d, f, _ in first], is_first

    def repeated_numbers(self, folder: str, limit: int = 10) -> tuple[int, list[int], int]:
        """How many numbers (other than 0) more than one record of ``folder`` carries; the
        first ``limit`` of them, in order; and the ``seq`` of the first record (in input
        order) that carries one of them (0 when none)."""
        self.index()
        conn = self._open()
        repeated = (
            "SELECT eff FROM member WHERE folder = ? AND eff IS NOT NULL AND eff <> 0"
            " GROUP BY eff HAVING COUNT(*) > 1"
        )
        count = int(conn.execute(f"SELECT COUNT(*) FROM ({repeated})", (folder,)).fetchone()[0])
        if not count:
            return 0, [], 0
        numbers = [
            int(r[0]) for r in conn.execute(f"{repeated} ORDER BY eff LIMIT ?", (folder, limit))
        ]
        first = conn.execute(
            f"SELECT MIN(seq) FROM member WHERE folder = ? AND eff IN ({repeated})",
            (folder, folder),
        ).fetchone()[0]
        return count, numbers, int(first)

    def titled(
        self, folder: str, title: str, seq: int, limit: int = 20
    ) -> list[tuple[int, int | None, Any]]:
        """(seq, number, value) of the first records of ``folder`` with ``title`` other than
        ``seq``; the number as :meth:`rows` gives it."""
        rows = self._open().execute(
            "SELECT t.seq, m.eff, m.body FROM title t JOIN member m ON m.seq = t.seq"
            " WHERE t.folder = ? AND t.key = ? AND t.seq != ? ORDER BY t.seq LIMIT ?",
            (folder, title, seq, limit),
        )
        return [(n, eff, pickle.loads(body)) for n, eff, body in rows.fetchall()]

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

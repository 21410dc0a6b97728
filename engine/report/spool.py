"""Findings kept on disk, not in memory, until the outputs are written.

``check`` hands every shown finding to a :class:`FindingSpool` as its record is evaluated;
the outputs then read them back once, in report order (file, line, most severe first, rule
id, JSON path, decision id, arrival). The order is made by an external merge sort: sorted
runs of at most ``chunk`` findings are written to an anonymous temporary file as pickled
blocks, then merged (runs are merged in groups of ``fan_in`` first when there are more).
Memory stays near ``chunk + fan_in * block`` findings however many there are.
"""

from __future__ import annotations

import heapq
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, Generic, TypeVar

from ..types import Finding, WaiverRef
from ..vocab import SEVERITY_RANK

T = TypeVar("T")

CHUNK = 4096  # items sorted in memory before a run is written
BLOCK = 64  # items per pickled block (what a merge holds per run)
FAN_IN = 48  # runs merged at once


class ExternalSort(Generic[T]):
    """Items added in any order, read back (as often as asked) sorted by ``key``.

    Items are tuples of picklable values; equal keys keep no particular order, so make the
    key total (an arrival number last) when that matters."""

    def __init__(
        self,
        key: Callable[[T], Any],
        *,
        chunk: int = CHUNK,
        block: int = BLOCK,
        fan_in: int = FAN_IN,
    ) -> None:
        self._key = key
        self._chunk, self._block, self._fan_in = max(chunk, 1), max(block, 1), max(fan_in, 2)
        self._buffer: list[T] = []
        self._file: IO[bytes] | None = None
        self._end = 0
        self._runs: list[list[tuple[int, int]]] = []  # each run: its blocks (offset, size)
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def add(self, item: T) -> None:
        self._buffer.append(item)
        self._count += 1
        if len(self._buffer) >= self._chunk:
            self._spill()

    def __iter__(self) -> Iterator[T]:
        if not self._runs:
            return iter(sorted(self._buffer, key=self._key))
        if self._buffer:
            self._spill()
        return heapq.merge(*(self._read(run) for run in self._runs), key=self._key)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._buffer, self._runs = [], []

    def __enter__(self) -> ExternalSort[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _spill(self) -> None:
        self._buffer.sort(key=self._key)
        self._runs.append(self._write(self._buffer))
        self._buffer = []
        if len(self._runs) >= self._fan_in:
            merged = heapq.merge(*(self._read(run) for run in self._runs), key=self._key)
            self._runs = [self._write(merged)]

    def _write(self, items: Iterable[T]) -> list[tuple[int, int]]:
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="decaudit-spool-")  # noqa: SIM115
        blocks: list[tuple[int, int]] = []
        batch: list[T] = []
        for item in items:
            batch.append(item)
            if len(batch) >= self._block:
                blocks.append(self._put(batch))
                batch = []
        if batch:
            blocks.append(self._put(batch))
        return blocks

    def _put(self, batch: list[T]) -> tuple[int, int]:
        assert self._file is not None
        data = pickle.dumps(batch, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(self._end)
        self._file.write(data)
        start, self._end = self._end, self._end + len(data)
        return start, len(data)

    def _read(self, run: list[tuple[int, int]]) -> Iterator[T]:
        for offset, size in run:
            assert self._file is not None
            self._file.seek(offset)
            batch: list[T] = pickle.loads(self._file.read(size))
            yield from batch


# A finding as stored: the report-order key first (file, line, -rank, rule id, path,
# decision id, arrival), then the rest of its fields.
_Row = tuple[Any, ...]
_KEY_LEN = 7


def _row(f: Finding, seq: int) -> _Row:
    return (
        f.file,
        f.line,
        -SEVERITY_RANK[f.severity],
        f.rule_id,
        f.path,
        f.decision_id,
        seq,
        f.rule_name,
        f.severity,
        f.family,
        f.message,
        dict(f.evidence),
        _waiver_row(f.waiver),
        _waiver_row(f.expired_waiver),
    )


def _waiver_row(w: WaiverRef | None) -> tuple[Any, ...] | None:
    return None if w is None else (w.source, w.reason, w.approver, w.expires, w.waiver_id)


def _finding(row: _Row) -> Finding:
    file, line, _, rule_id, path, decision_id, _, name, severity, family, msg, ev, w, x = row
    return Finding(
        rule_id=rule_id,
        rule_name=name,
        severity=severity,
        family=family,
        decision_id=decision_id,
        file=file,
        line=line,
        path=path,
        message=msg,
        evidence=ev,
        waiver=None if w is None else WaiverRef(*w),
        expired_waiver=None if x is None else WaiverRef(*x),
    )


def _report_key(row: _Row) -> tuple[Any, ...]:
    return row[:_KEY_LEN]


def _fingerprint_key(pair: tuple[str, tuple[Any, ...]]) -> tuple[str, tuple[Any, ...]]:
    return pair


class FindingSpool:
    """Shown findings of a run, on disk; iterated in report order with :meth:`marked`.

    ``track_duplicates``: also tell, for each unwaived finding, whether it is the first
    unwaived one with its fingerprint (the GitLab report lists each fingerprint once)."""

    def __init__(
        self, *, track_duplicates: bool = False, chunk: int = CHUNK, fan_in: int = FAN_IN
    ) -> None:
        self._rows: ExternalSort[_Row] = ExternalSort(_report_key, chunk=chunk, fan_in=fan_in)
        self._prints: ExternalSort[tuple[str, tuple[Any, ...]]] | None = (
            ExternalSort(_fingerprint_key, chunk=chunk * 4, fan_in=fan_in)
            if track_duplicates
            else None
        )
        self._seq = 0

    def __len__(self) -> int:
        return len(self._rows)

    def append(self, finding: Finding) -> None:
        row = _row(finding, self._seq)
        self._seq += 1
        self._rows.add(row)
        if self._prints is not None and finding.waiver is None:
            self._prints.add((finding.fingerprint, row[:_KEY_LEN]))

    def __iter__(self) -> Iterator[Finding]:
        for row in self._rows:
            yield _finding(row)

    def marked(self) -> Iterator[tuple[Finding, bool]]:
        """Each finding in report order, with whether it is the first unwaived one with its
        fingerprint (always true without ``track_duplicates``)."""
        repeats = self._repeats()
        for row in self._rows:
            yield _finding(row), row[:_KEY_LEN] not in repeats

    def _repeats(self) -> set[tuple[Any, ...]]:
        """Keys of the unwaived findings whose fingerprint an earlier one (in report order)
        already has: few, or none (fingerprints name a rule, a decision and a JSON path)."""
        repeats: set[tuple[Any, ...]] = set()
        if self._prints is None:
            return repeats
        last = None
        for fingerprint, key in self._prints:
            if fingerprint == last:
                repeats.add(key)
            last = fingerprint
        return repeats

    def close(self) -> None:
        self._rows.close()
        if self._prints is not None:
            self._prints.close()

    def __enter__(self) -> FindingSpool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def report_order(findings: Iterable[Finding]) -> list[Finding]:
    """In-memory findings in the order the spool gives (for ``render``): report order, ties
    kept in the given order."""
    from .common import sort_findings

    return sort_findings(findings)


def first_marks(findings: Iterable[Finding]) -> Iterator[tuple[Finding, bool]]:
    """Each finding with whether it is the first unwaived one with its fingerprint."""
    seen: set[str] = set()
    for f in findings:
        first = True
        if f.waiver is None:
            first = f.fingerprint not in seen
            seen.add(f.fingerprint)
        yield f, first

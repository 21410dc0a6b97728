"""The memory of a whole process tree, sampled from ``/proc``: the peak of its sum.

``os.wait4`` gives the peak RSS of the largest single process among the child and the
descendants it waited for. That misses most of a ``check`` with workers: the workers come
from a multiprocessing fork server, so they are the server's children, reaped by the server,
and the server itself is never waited for by ``decaudit`` (it ends after it, on its own).
Even when every process is waited for, ``ru_maxrss`` is the peak of one process, never of
the processes alive together.

:class:`TreeSampler` walks ``/proc`` every ``interval`` seconds for the processes of the tree
(descendants by parent id, and the members of the root's session, so a server that outlives
its parent still counts) and adds up, at each instant:

- **RSS** (``/proc/PID/statm``): the resident pages of each process; pages shared between
  them (the modules a fork server imported before forking its workers) count once per
  process, so the sum overstates the memory the tree needs;
- **PSS** (``/proc/PID/smaps_rollup``, Linux 4.14 on): each shared page divided among the
  processes that map it, so the sum is the tree's share of physical memory.

It keeps the peak of each sum, the root's own peak (its ``VmHWM``, the kernel's high-water
mark, exact up to the last sample) and the largest ``VmHWM`` of any process of the tree. A
peak shorter than the interval can fall between two samples: the sums are lower bounds,
the high-water marks are not sampled values. It also adds up the CPU time of every process
of the tree as last seen alive (``/proc/PID/stat``): ``wait4`` misses the fork server's
workers' CPU time as it misses their memory; the sampled sum misses at most the last
interval of each process.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024 if hasattr(os, "sysconf") else 4


@dataclass(frozen=True)
class TreeMemory:
    """Peaks over one process tree, in MB (``None`` where ``/proc`` could not say)."""

    tree_rss_mb: float | None  # peak of the sum of RSS over the tree's live processes
    tree_pss_mb: float | None  # peak of the sum of PSS
    main_rss_mb: float | None  # the root's own peak RSS (VmHWM)
    largest_rss_mb: float | None  # the largest VmHWM of any one process of the tree
    processes: int  # the most processes seen alive together
    samples: int
    cpu_seconds: float = 0.0  # CPU time of the tree's processes, as last seen alive

    @property
    def tree_mb(self) -> float | None:
        """The tree's peak: PSS where the kernel gives it, else RSS."""
        return self.tree_pss_mb if self.tree_pss_mb is not None else self.tree_rss_mb


TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat(pid: int) -> tuple[int, int, int] | None:
    """(parent id, session id, CPU ticks used: user + system) of ``pid``; None if gone."""
    try:
        raw = (PROC / str(pid) / "stat").read_bytes()
    except OSError:
        return None
    # the command name is in parentheses and may hold spaces: split after the last ')'
    fields = raw[raw.rfind(b")") + 2 :].split()
    return int(fields[1]), int(fields[3]), int(fields[11]) + int(fields[12])


def tree(root: int) -> dict[int, int]:
    """``root`` and every live process descended from it or in its session, each with the
    CPU ticks it has used."""
    stats: dict[int, tuple[int, int, int]] = {}
    members = {root}
    for entry in os.scandir(PROC):
        if entry.name.isdigit():
            pid = int(entry.name)
            got = _stat(pid)
            if got is None:
                continue
            stats[pid] = got
            if got[1] == root:
                members.add(pid)
    changed = True
    while changed:
        changed = False
        for pid, (ppid, _, _) in stats.items():
            if ppid in members and pid not in members:
                members.add(pid)
                changed = True
    return {p: stats[p][2] for p in sorted(members) if p in stats}


def tree_pids(root: int) -> list[int]:
    """``root`` and every live process descended from it or in its session."""
    return list(tree(root))


def _rss_kb(pid: int) -> int | None:
    try:
        return int((PROC / str(pid) / "statm").read_bytes().split()[1]) * PAGE_KB
    except (OSError, IndexError, ValueError):
        return None


def _field_kb(path: Path, name: bytes) -> int | None:
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    at = raw.find(name)
    if at < 0:
        return None
    return int(raw[at + len(name) :].split()[0])


class TreeSampler:
    """Sample the memory of the tree rooted at ``pid`` in a thread until :meth:`stop`."""

    def __init__(self, pid: int, interval: float = 0.025, pss: bool = True) -> None:
        self.pid = pid
        self.interval = interval
        self.pss = pss and _field_kb(PROC / "self" / "smaps_rollup", b"\nPss:") is not None
        self._done = threading.Event()
        self._rss = self._pss = 0
        self._main = self._largest = 0
        self._most = self._samples = 0
        self._ticks: dict[int, int] = {}  # CPU ticks of every process seen, as last seen
        self._thread = threading.Thread(target=self._run, name="tree-sampler", daemon=True)

    def start(self) -> TreeSampler:
        self.sample()
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._done.wait(self.interval):
            self.sample()

    def sample(self) -> None:
        """One sample: the sums over the live processes now, and the high-water marks."""
        if not (PROC / str(self.pid)).exists():
            return
        rss = pss = 0
        pids = tree(self.pid)
        self._ticks.update(pids)
        for pid in pids:
            kb = _rss_kb(pid)
            if kb is None:
                continue  # gone meanwhile
            rss += kb
            hwm = _field_kb(PROC / str(pid) / "status", b"VmHWM:") or kb
            self._largest = max(self._largest, hwm)
            if pid == self.pid:
                self._main = max(self._main, hwm)
            if self.pss:
                got = _field_kb(PROC / str(pid) / "smaps_rollup", b"\nPss:")
                # None: gone meanwhile, or a zombie (the main process has exited while its
                # fork server lives on); count its RSS then (0 for a zombie)
                pss += kb if got is None else got
        self._rss = max(self._rss, rss)
        self._pss = max(self._pss, pss)
        self._most = max(self._most, len(pids))
        self._samples += 1

    def stop(self) -> TreeMemory:
        self._done.set()
        if self._thread.is_alive():
            self._thread.join()

        def mb(kb: int, ok: bool = True) -> float | None:
            return round(kb / 1024, 1) if ok and self._samples else None

        return TreeMemory(
            tree_rss_mb=mb(self._rss),
            tree_pss_mb=mb(self._pss, self.pss),
            main_rss_mb=mb(self._main),
            largest_rss_mb=mb(self._largest),
            processes=self._most,
            samples=self._samples,
            cpu_seconds=round(sum(self._ticks.values()) / TICK, 2),
        )


def available() -> bool:
    return (PROC / "self" / "statm").exists()


if __name__ == "__main__":  # sample a command: python treemem.py CMD ...
    import subprocess
    import sys

    child = subprocess.Popen(sys.argv[1:], start_new_session=True)
    sampler = TreeSampler(child.pid).start()
    started = time.perf_counter()
    _, status, usage = os.wait4(child.pid, 0)
    got = sampler.stop()
    wall = time.perf_counter() - started
    print(
        f"wall {wall:.2f} s, wait4 peak RSS {usage.ru_maxrss / 1024:.0f} MB, {got}", file=sys.stderr
    )
    sys.exit(os.waitstatus_to_exitcode(status))

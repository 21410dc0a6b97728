"""Running one measured subprocess: wall time, the memory of its process tree, and the load.

Every figure of ``run.py`` comes from a child process started here. Its memory is sampled
over its whole process tree (``treemem.TreeSampler``: the child, the fork server of its
workers and the workers, every 25 ms from ``/proc``): the figure judged is the peak of the
sum of their PSS (their share of physical memory; the sum of RSS where the kernel gives no
PSS), printed with the main process's own peak. ``os.wait4`` still gives the CPU time and
its ``ru_maxrss`` is kept (``wait4_rss_mb``), but that is the peak of one process, and the
workers of a fork server are not among those it accounts for. The load average
(``os.getloadavg``, 1 minute) is read just before the child starts and just after it ends,
so each figure is printed with the load it was measured under.
"""

from __future__ import annotations

import contextlib
import os
import platform
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from treemem import TreeMemory, TreeSampler, available


@dataclass(frozen=True)
class Proc:
    seconds: float
    max_rss_mb: float  # the tree's peak (PSS, else RSS, summed); wait4's without /proc
    returncode: int
    stdout: str  # at most ``keep`` characters of it (the end), unless kept whole
    stderr: str
    stdout_bytes: int
    load: tuple[float, float]  # 1-minute load average before and after
    cpu_seconds: float = 0.0  # user + system time of the process tree (see ``run``)
    timed_out: bool = False
    wait4_rss_mb: float = 0.0  # ru_maxrss: the largest single process among those waited for
    memory: TreeMemory | None = None  # the sampled peaks of the process tree

    @property
    def main_rss_mb(self) -> float | None:
        return self.memory.main_rss_mb if self.memory else None

    @property
    def tree_rss_mb(self) -> float | None:
        return self.memory.tree_rss_mb if self.memory else None


class MeasureError(RuntimeError):
    """A measured command failed (its exit code and the end of its stderr)."""


def decaudit_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("decaudit")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "decaudit.cli.main"]


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of measured runs: bytecode caching on, as in a normal install."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("DECAUDIT_DB", None)
    env.pop("DECAUDIT_CONFIG", None)
    return {**env, **(extra or {})}


def load1() -> float:
    return os.getloadavg()[0]


def run(
    cmd: Sequence[str],
    *,
    env: dict[str, str] | None = None,
    keep_stdout: bool = False,
    timeout: float | None = None,
    cwd: str | Path | None = None,
) -> Proc:
    """Run ``cmd``; its wall time, the peak memory of its process tree (sampled), its CPU
    time (``os.wait4``) and the load before and after.

    stdout goes to a temporary file; only its size and its last 4,000 characters are kept
    unless ``keep_stdout``. ``timeout``: the child is killed after that many seconds.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        before = load1()
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd), stdout=out, stderr=err, env=child_env(env), cwd=cwd, start_new_session=True
        )
        sampler = TreeSampler(proc.pid).start() if available() else None
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:  # Ctrl-C: the child is in its own session, end it too
            kill()
            os.wait4(proc.pid, 0)
            raise
        finally:
            if timer:
                timer.cancel()
            memory = sampler.stop() if sampler else None
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        after = load1()
        size = out.tell()
        wait4_mb = usage.ru_maxrss / 1024  # KB on Linux
        tree = memory.tree_mb if memory else None
        out.seek(0 if keep_stdout else max(0, size - 4000))
        err.seek(max(0, err.tell() - 4000))
        return Proc(
            seconds=seconds,
            max_rss_mb=tree if tree is not None else wait4_mb,
            returncode=proc.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
            stdout_bytes=size,
            load=(before, after),
            # wait4 misses the CPU time of a fork server's workers; the sampled sum misses
            # the last interval of each process: the larger of the two
            cpu_seconds=max(usage.ru_utime + usage.ru_stime, memory.cpu_seconds if memory else 0),
            timed_out=killed.is_set(),
            wait4_rss_mb=wait4_mb,
            memory=memory,
        )


def checked(proc: Proc, what: str, ok: Sequence[int] = (0,)) -> Proc:
    if proc.timed_out:
        raise MeasureError(f"{what}: killed after the timeout ({proc.seconds:.0f} s)")
    if proc.returncode not in ok:
        tail = proc.stderr.strip().splitlines()[-3:]
        raise MeasureError(f"{what}: exit {proc.returncode}: {' | '.join(tail)}")
    return proc


@dataclass
class Figure:
    """One printed figure: its value, and the peak RSS and load of what produced it."""

    key: str
    label: str
    value: float | None
    unit: str
    max_rss_mb: float | None = None  # the tree's peak (see ``Proc.max_rss_mb``)
    load: tuple[float, float] | None = None
    seconds: float | None = None
    cpu_seconds: float | None = None
    error: str | None = None
    target: str | None = None  # e.g. ">= 3,000 rec/s", from the performance issue
    met: bool | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    main_rss_mb: float | None = None  # the main process's own peak RSS


def timed(key: str, label: str, value: float | None, unit: str, proc: Proc, **extra: Any) -> Figure:
    """A figure measured by one command: its value, with that command's peak RSS, load,
    wall and CPU time (``extra`` as the figure's extra data)."""
    return Figure(
        key,
        label,
        value,
        unit,
        max_rss_mb=proc.max_rss_mb,
        load=proc.load,
        seconds=proc.seconds,
        cpu_seconds=proc.cpu_seconds,
        extra={**memory_extra(proc), **extra},
        main_rss_mb=proc.main_rss_mb,
    )


def memory_extra(proc: Proc) -> dict[str, Any]:
    """The memory figures of ``proc`` besides the judged one, for a figure's extra data."""
    out: dict[str, Any] = {"wait4_rss_mb": round(proc.wait4_rss_mb, 1)}
    if proc.memory is not None:
        m = proc.memory
        out.update(
            tree_pss_mb=m.tree_pss_mb,
            tree_rss_mb=m.tree_rss_mb,
            main_rss_mb=m.main_rss_mb,
            largest_rss_mb=m.largest_rss_mb,
            processes=m.processes,
        )
    return out


def machine() -> dict[str, Any]:
    model = "unknown"
    mem_gb = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gb = round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    import sqlite3

    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "memory_gb": mem_gb,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
        "load_average": os.getloadavg(),
    }


def copy_log(src: Path, dst: Path) -> Path:
    """A copy of an audit log file (and its WAL, if one was left)."""
    import shutil

    for suffix in ("", "-wal", "-shm"):
        target = Path(f"{dst}{suffix}")
        target.unlink(missing_ok=True)
        source = Path(f"{src}{suffix}")
        if source.exists():
            shutil.copyfile(source, target)
    return dst


def remove_log(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)

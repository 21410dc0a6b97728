"""Running one measured subprocess: wall time, its own peak RSS, and the load around it.

Every figure of ``run.py`` comes from a child process started here: ``os.wait4`` returns
that child's resource usage, so its peak RSS is its own (not the harness's), and the load
average (``os.getloadavg``, 1 minute) is read just before it starts and just after it ends,
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


@dataclass(frozen=True)
class Proc:
    seconds: float
    max_rss_mb: float
    returncode: int
    stdout: str  # at most ``keep`` characters of it (the end), unless kept whole
    stderr: str
    stdout_bytes: int
    load: tuple[float, float]  # 1-minute load average before and after
    cpu_seconds: float = 0.0  # user + system time of the child (and the children it waited for)
    timed_out: bool = False


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
    """Run ``cmd``; its wall time, peak RSS (``os.wait4``) and the load before and after.

    stdout goes to a temporary file; only its size and its last 4,000 characters are kept
    unless ``keep_stdout``. ``timeout``: the child is killed after that many seconds.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        before = load1()
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(cmd), stdout=out, stderr=err, env=child_env(env), cwd=cwd, start_new_session=True
        )
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
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        after = load1()
        size = out.tell()
        out.seek(0 if keep_stdout else max(0, size - 4000))
        err.seek(max(0, err.tell() - 4000))
        return Proc(
            seconds=seconds,
            max_rss_mb=usage.ru_maxrss / 1024,  # KB on Linux
            returncode=proc.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
            stdout_bytes=size,
            load=(before, after),
            cpu_seconds=usage.ru_utime + usage.ru_stime,
            timed_out=killed.is_set(),
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
    max_rss_mb: float | None = None
    load: tuple[float, float] | None = None
    seconds: float | None = None
    cpu_seconds: float | None = None
    error: str | None = None
    target: str | None = None  # e.g. ">= 3,000 rec/s", from the performance issue
    met: bool | None = None
    extra: dict[str, Any] = field(default_factory=dict)


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
        extra=extra,
    )


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

"""How ``check --jobs N`` scales, measured so that it can be projected to N cores.

Usage: ``python benchmarks/scaling.py CORPUS [--jobs 1,2] [--rounds 3] [--json]``.

Each ``check CORPUS --db NEW -q --jobs N`` runs in its own subprocess, the values of N
interleaved round by round (1, 2, ..., then again) so that a change in the machine's load
falls on all of them. For each run: the wall time; the CPU time (user + system) of the whole
process tree: the larger of ``os.wait4``'s (the processes it waited for) and the sum over
every process of the tree sampled from ``/proc`` (``treemem.TreeSampler``: the workers come
from a fork server, which reaps them itself, so ``wait4`` does not count them); the peak
memory of the tree (summed PSS) and of the main process; and the CPU time of the main
process alone, read from ``/proc/PID/stat`` until it exits (Linux; None elsewhere). The
workers' share is the difference. Per N the best round is kept.

From those CPU times, which do not depend on the machine's load, the projection: with
``w`` the workers' CPU per record and ``m`` the main process's (it only writes the log),
C free cores run at most ``min(C / (w + m), 1 / m)`` records a second (all cores busy, or
the main process saturated), so the scaling over one process (CPU ``c1`` per record at
``--jobs 1``) is at most ``min(C / (w + m), 1 / m) * c1``. The wall-clock speed-up
``wall(1) / wall(N)`` is the measured figure; on a loaded machine only the CPU-based
projection is meaningful.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import child_env, decaudit_cmd, load1
from treemem import TreeSampler, available

_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _own_cpu(pid: int) -> float | None:
    """utime + stime of ``pid`` itself (not its children), from /proc; None if unreadable."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()  # after "pid (comm) "
    return (int(fields[11]) + int(fields[12])) / _TICK  # fields 14 and 15 of stat(5)


def run_check(corpus: str, jobs: int, workdir: Path) -> dict[str, Any]:
    """One measured ``check -q --jobs N`` on a new log."""
    db = workdir / f"scaling-{jobs}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    cmd = [*decaudit_cmd(), "check", corpus, "--db", str(db), "--today", "2026-01-01", "-q"]
    before = load1()
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [*cmd, "--jobs", str(jobs)],
            stdout=subprocess.DEVNULL,
            stderr=err,
            env=child_env(),
            start_new_session=True,  # the tree sampler finds a fork server by its session
        )
        sampler = TreeSampler(proc.pid).start() if available() else None
        main: list[float | None] = [None]
        done = threading.Event()

        def poll() -> None:
            while not done.is_set():
                seen = _own_cpu(proc.pid)
                if seen is not None:
                    main[0] = seen
                done.wait(0.02)

        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        # wait for the exit without reaping, so /proc still shows the finished process
        os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)
        done.set()
        poller.join()
        final = _own_cpu(proc.pid)
        main[0] = final if final is not None else main[0]
        memory = sampler.stop() if sampler else None
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        tail = err.read().decode("utf-8", "replace").strip().splitlines()[-2:]
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    return {
        "jobs": jobs,
        "returncode": proc.returncode,
        "error": " | ".join(tail) if proc.returncode not in (0, 1) else None,
        "wall_s": time.perf_counter() - start,
        "cpu_s": max(usage.ru_utime + usage.ru_stime, memory.cpu_seconds if memory else 0.0),
        "wait4_cpu_s": usage.ru_utime + usage.ru_stime,
        "main_cpu_s": main[0],
        "tree_mb": memory.tree_mb if memory else None,
        "main_mb": memory.main_rss_mb if memory else None,
        "load": (before, load1()),
    }


def project(records: int, one: dict[str, Any], best: dict[str, Any], cores: int) -> float | None:
    """The projected scaling on ``cores`` free cores from the CPU times of ``best``."""
    if best["main_cpu_s"] is None or not records:
        return None
    m = best["main_cpu_s"] / records
    w = max(best["cpu_s"] / records - m, 0.0)
    c1 = one["cpu_s"] / records
    rate = min(cores / (w + m), 1 / m if m else float("inf"))
    return rate * c1


def measure(corpus: str, jobs: list[int], rounds: int, cores: list[int]) -> dict[str, Any]:
    with Path(corpus).open(encoding="utf-8") as fh:
        records = sum(1 for line in fh if line.strip())
    runs: dict[int, list[dict[str, Any]]] = {n: [] for n in jobs}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(rounds):
            for n in jobs if r % 2 == 0 else jobs[::-1]:
                runs[n].append(run_check(corpus, n, Path(tmp)))
    best = {n: min(rs, key=lambda x: x["cpu_s"]) for n, rs in runs.items()}
    fastest = {n: min(x["wall_s"] for x in rs) for n, rs in runs.items()}
    one = best[min(jobs)]
    out: dict[str, Any] = {"corpus": corpus, "records": records, "runs": runs, "jobs": {}}
    for n in jobs:
        b = best[n]
        main = b["main_cpu_s"]
        out["jobs"][n] = {
            "wall_s": fastest[n],
            "speedup_wall": fastest[min(jobs)] / fastest[n],
            "cpu_ms_per_record": 1000 * b["cpu_s"] / records,
            "main_ms_per_record": None if main is None else 1000 * main / records,
            "workers_ms_per_record": None if main is None else 1000 * (b["cpu_s"] - main) / records,
            "tree_mb": max((x["tree_mb"] or 0 for x in runs[n]), default=0) or None,
            "main_mb": max((x["main_mb"] or 0 for x in runs[n]), default=0) or None,
            # the projection needs workers: --jobs 1 evaluates in the main process
            "projected": {c: project(records, one, b, c) for c in cores} if n > 1 else {},
        }
    return out


def table(result: dict[str, Any]) -> str:
    rows = [
        f"{result['records']:,} records; best of {len(next(iter(result['runs'].values())))}"
        " interleaved rounds (CPU: user + system)",
        "jobs | wall s | speed-up | CPU ms/rec | main ms/rec | workers ms/rec | tree MB | main MB"
        " | projected scaling",
    ]
    for n, j in result["jobs"].items():
        proj = ", ".join(f"{c} cores {v:.2f}x" for c, v in j["projected"].items() if v is not None)

        def ms(v: float | None) -> str:
            return "-" if v is None else f"{v:.3f}"

        def mb(v: float | None) -> str:
            return "-" if v is None else f"{v:.0f}"

        rows.append(
            f"{n} | {j['wall_s']:.1f} | {j['speedup_wall']:.2f}x | {j['cpu_ms_per_record']:.3f}"
            f" | {ms(j['main_ms_per_record'])} | {ms(j['workers_ms_per_record'])}"
            f" | {mb(j['tree_mb'])} | {mb(j['main_mb'])} | {proj}"
        )
    loads = [x["load"] for rs in result["runs"].values() for x in rs]
    low, high = min(min(x) for x in loads), max(max(x) for x in loads)
    rows.append(f"load average (1 min): {low:.1f} to {high:.1f}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", help="a JSON Lines corpus (benchmarks/corpus.py)")
    ap.add_argument("--jobs", default="1,2", help="the values of --jobs, comma-separated")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds (best kept)")
    ap.add_argument("--cores", default="2,4,8,16", help="core counts to project to")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    args = ap.parse_args(argv)
    jobs = [int(x) for x in args.jobs.split(",")]
    cores = [int(x) for x in args.cores.split(",")]
    result = measure(args.corpus, jobs, args.rounds, cores)
    bad = [x["error"] for rs in result["runs"].values() for x in rs if x["error"]]
    print(json.dumps(result) if args.json else table(result))
    if bad:
        print(f"failed runs: {bad[0]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

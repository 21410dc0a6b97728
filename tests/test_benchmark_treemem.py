"""The benchmark's memory sampler counts every process of a command's tree, the workers of a
fork server included (``os.wait4`` does not: they are the server's children), and adds up
the processes alive together: checked against children that allocate known amounts."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import measure  # noqa: E402
import treemem  # noqa: E402

pytestmark = pytest.mark.skipif(not treemem.available(), reason="reads /proc (Linux)")

# The main process allocates MAIN MB, then starts a worker from a fork server that allocates
# WORKER MB; both hold their memory (every page touched) while the other's is held too.
MAIN, WORKER = 60, 120
SCRIPT = textwrap.dedent(
    f"""
    import multiprocessing as mp, sys, time

    def hold(mb, seconds):
        block = bytearray(mb * 2**20)
        for i in range(0, len(block), 4096):
            block[i] = 1
        time.sleep(seconds)
        return block

    def work():
        hold({WORKER}, 0.8)

    if __name__ == "__main__":
        mine = hold({MAIN}, 0)
        ctx = mp.get_context(sys.argv[1])
        p = ctx.Process(target=work)
        p.start()
        p.join()
        assert p.exitcode == 0
    """
)


def _run(tmp_path: Path, method: str) -> measure.Proc:
    script = tmp_path / "alloc.py"
    script.write_text(SCRIPT)
    return measure.checked(measure.run([sys.executable, str(script), method]), "alloc")


@pytest.mark.skipif(
    "forkserver" not in __import__("multiprocessing").get_all_start_methods(),
    reason="no fork server here",
)
def test_the_tree_peak_includes_a_fork_server_worker_that_wait4_misses(tmp_path: Path) -> None:
    proc = _run(tmp_path, "forkserver")
    mem = proc.memory
    assert mem is not None and mem.samples >= 10
    # the main process's own peak: its VmHWM, which (unlike wait4's ru_maxrss) does not
    # carry the size of the process that forked it before the exec
    assert mem.main_rss_mb is not None and MAIN <= mem.main_rss_mb < MAIN + 60
    assert mem.largest_rss_mb is not None and mem.largest_rss_mb >= WORKER
    # both blocks were held together: the sums hold both, plus at most the interpreters
    assert mem.tree_rss_mb is not None and MAIN + WORKER <= mem.tree_rss_mb < MAIN + WORKER + 150
    if treemem.TreeSampler(os.getpid()).pss:  # PSS: shared pages counted once in all
        assert mem.tree_pss_mb is not None
        assert MAIN + WORKER <= mem.tree_pss_mb < mem.tree_rss_mb
    assert proc.max_rss_mb == mem.tree_mb  # the judged figure is the tree's
    assert mem.processes >= 3  # main, the server, the worker
    assert mem.cpu_seconds > 0  # the CPU time of the tree, the server's worker included


def test_a_spawned_child_is_counted_once_beside_its_parent(tmp_path: Path) -> None:
    proc = _run(tmp_path, "spawn")
    mem = proc.memory
    assert mem is not None and mem.tree_rss_mb is not None
    assert MAIN + WORKER <= mem.tree_rss_mb < MAIN + WORKER + 150
    assert mem.largest_rss_mb is not None and WORKER <= mem.largest_rss_mb < MAIN + WORKER


def test_pss_is_still_summed_when_the_main_process_exits_before_its_children(
    tmp_path: Path,
) -> None:
    """The main process ends (a zombie until it is reaped) while a child it left holds its
    memory: the samples taken then still add up PSS, not RSS."""
    script = tmp_path / "orphan.py"
    script.write_text(
        "import subprocess, sys\n"
        "subprocess.Popen([sys.executable, '-c', 'import time; b = bytearray(80 * 2**20);"
        " b[::4096] = bytes(len(b[::4096])); time.sleep(0.6)'])\n"
    )
    child = subprocess.Popen([sys.executable, str(script)], start_new_session=True)
    sampler = treemem.TreeSampler(child.pid, interval=0.02).start()
    os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOWAIT)  # exited, not yet reaped
    time.sleep(0.4)  # the orphan still holds its 80 MB
    sampler.sample()
    got = sampler.stop()
    child.wait()
    assert got.tree_rss_mb is not None and got.tree_rss_mb >= 80
    if sampler.pss:
        assert got.tree_pss_mb is not None and got.tree_pss_mb >= 80


def test_the_sampler_sees_nothing_of_processes_outside_the_tree() -> None:
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(2)"])
    try:
        mine = subprocess.Popen(
            [sys.executable, "-c", "import time; time.sleep(0.3)"], start_new_session=True
        )
        pids = treemem.tree_pids(mine.pid)
        assert pids == [mine.pid]
        assert other.pid not in pids
        mine.wait()
    finally:
        other.kill()
        other.wait()

"""decaudit benchmarks: every figure of the performance targets, measured in one run.

Usage::

    python benchmarks/run.py                # 10k and 100k records, a 1M-finding log
    python benchmarks/run.py --quick        # the same figures on tiny sizes, under a minute
    python benchmarks/run.py --json > results.json
    python benchmarks/run.py --small 2000 --big 20000 --log-findings 200000 --skip log

What one run measures (each ``decaudit`` command in its own subprocess: wall time, its own
peak RSS from ``os.wait4``, and the 1-minute load average just before and just after):

- ``stages``: per-stage CPU time per record over the big corpus (``stages.py``): parse,
  facts, rules (durable_rules as ``check`` runs it), findings, log; and the two floors on
  the same facts: the rules compiled to plain-Python closures (matches compared record by
  record with durable's) and the time inside durable_rules' C calls alone (``floor.py``);
- ``e2e``: ``check`` of the small and the big JSON Lines corpus, log on: with ``-q`` and
  ``--jobs 1``, with ``-q`` and ``--jobs N``, with every output format written to a file,
  all on an empty log; then ``-q`` on a copy of a log holding the big run (100k decisions);
- ``onefile``: ``check`` of one YAML record, median of ``--repeats`` after a warm-up, on an
  empty log, with ``--no-log`` (no log), on a copy of the 100k-decision log, and with
  ``--no-log`` on it; ``--version``;
- ``report``: the HTML report of the 100k-decision log (peak RSS, HTML size);
- ``diff``: ``diff previous latest --format json`` on a log holding two big runs;
- ``log``: a log of ``--log-findings`` findings (``biglog.py``): ``findings --rule``
  (JSON), ``--limit 100``, ``--decision``, each a median, and ``verify``.

Each figure is printed next to its target (``targets.py``) with met or MISSED. A failing
measurement is reported as an error in its row and the run goes on.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import targets  # noqa: E402
from bench import PARTS, Bench  # noqa: E402
from measure import Figure, load1, machine, remove_log  # noqa: E402


def commit() -> str:
    """The commit of the decaudit being measured (the installed package's checkout)."""
    import decaudit

    where = Path(decaudit.__file__).resolve().parent
    got = subprocess.run(
        ["git", "-C", str(where), "log", "-1", "--format=%h %cI"],
        capture_output=True,
        text=True,
        check=False,
    )
    return got.stdout.strip() or "unknown"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--small", type=int, default=10_000, help="small corpus (records)")
    ap.add_argument("--big", type=int, default=100_000, help="big corpus (records)")
    ap.add_argument("--log-findings", type=int, default=1_000_000, help="findings in the query log")
    ap.add_argument("--repeats", type=int, default=5, help="runs per latency (median)")
    ap.add_argument("--warmup", type=int, default=1, help="unmeasured runs before a latency")
    ap.add_argument("--jobs", type=int, default=2, help="the N of --jobs N, compared with 1")
    ap.add_argument("--quick", action="store_true", help="tiny sizes: a smoke test")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--workdir", default=None, help="keep the corpora here (default: a temp dir)")
    ap.add_argument("--skip", default="", help=f"comma list of parts to skip: {','.join(PARTS)}")
    ap.add_argument(
        "--e2e",
        default="q.j1,q.jN,all,base",
        help="end-to-end modes: q.j1 (-q --jobs 1), q.jN, all (every output), base (big log)",
    )
    ap.add_argument("--timeout", type=float, default=3600, help="seconds per measured command")
    ap.add_argument(
        "--base-log",
        metavar="DB",
        help="a log written by the big -q run of an earlier run (copied, never changed)",
    )
    ap.add_argument("--commit", help="the commit measured, when decaudit is not a git checkout")
    ap.add_argument("--save", metavar="JSON", help="write the JSON result here as it grows")
    ap.add_argument("--table", metavar="JSON", help="print the table of a saved --json result")
    args = ap.parse_args(argv)
    if args.quick:
        args.small, args.big, args.log_findings, args.repeats = 50, 200, 5_000, 1
        args.warmup = 0
    unknown = {s for s in args.skip.split(",") if s.strip()} - set(PARTS)
    if unknown:
        ap.error(f"unknown parts: {', '.join(sorted(unknown))}")
    return args


def result(res: dict[str, Any], bench: Bench, started: float) -> list[Figure]:
    """``res`` completed with the figures so far, the derived ratios and the verdicts."""
    res["total_seconds"] = time.perf_counter() - started
    res["load_end"] = load1()
    figs = {f.key: f for f in bench.figures}
    figures = bench.figures + targets.derive(
        figs, bench.args.jobs, bench.args.small, bench.args.big
    )
    targets.judge({f.key: f for f in figures})
    res["figures"] = [asdict(f) for f in figures]
    return figures


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.table:
        saved = json.loads(Path(args.table).read_text(encoding="utf-8"))
        print(targets.table(saved, [Figure(**f) for f in saved["figures"]]))
        return 0
    skip = {s.strip() for s in args.skip.split(",")}
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="decaudit-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    from decaudit.engine import __version__

    res: dict[str, Any] = {
        "version": __version__,
        "commit": args.commit or commit(),
        "machine": machine(),
        "load_start": load1(),
        "sizes": {"small": args.small, "big": args.big, "log_findings": args.log_findings},
        "complete": False,
    }
    started = time.perf_counter()

    def save() -> None:  # after every figure: a long run interrupted keeps what it measured
        if args.save:
            result(res, bench, started)
            Path(args.save).write_text(json.dumps(res, indent=2), encoding="utf-8")

    bench = Bench(args, work, on_figure=save)
    try:
        for part in PARTS:
            if part not in skip:
                getattr(bench, part)()
        res["complete"] = True
    except KeyboardInterrupt:
        print("interrupted: the figures measured so far follow", file=sys.stderr)
    finally:
        for path in work.glob("*.db"):
            remove_log(path)
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    figures = result(res, bench, started)
    save()
    print(json.dumps(res, indent=2) if args.json else targets.table(res, figures))
    return 0 if res["complete"] else 130


if __name__ == "__main__":
    sys.exit(main())

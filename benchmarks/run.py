"""decaudit benchmarks: throughput per stage and end to end, peak memory, log queries.

Usage::

    python benchmarks/run.py                       # sizes 1000,10000,100000; 1M-finding log
    python benchmarks/run.py --sizes 1000,10000 --log-findings 200000
    python benchmarks/run.py --quick               # a smoke test in well under a minute
    python benchmarks/run.py --json > results.json

Every measurement of ``decaudit`` runs in its own subprocess, so peak RSS is that run's
own (``os.wait4`` returns the child's rusage). What is measured:

- a seeded synthetic corpus (``corpus.py``) per size, as one JSON Lines file and as a folder
  of YAML files (YAML for the sizes in ``--yaml-sizes``);
- ``check`` end to end with the log on (``-q``; the log is a fresh file per run): wall time,
  records/s, peak RSS;
- records/s per stage (parse, facts, rules, findings, log) with ``stages.py``, and the
  durable_rules stage against the plain-Python oracle on the same facts in the same run;
- a log of about 1M findings (``biglog.py``): build time, ``findings --rule X --format
  json`` latency and ``verify`` time;
- CLI start-up (``decaudit --version``) and ``check`` of one YAML file, median of several.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

TODAY = "2026-01-01"


@dataclass(frozen=True)
class Proc:
    seconds: float
    max_rss_mb: float
    returncode: int
    stdout: str
    stderr: str


def decaudit_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("decaudit")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "decaudit.cli.main"]


def child_env() -> dict[str, str]:
    """The environment of measured runs: bytecode caching on, as in a normal install."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run(cmd: Sequence[str], extra_env: dict[str, str] | None = None) -> Proc:
    """Run ``cmd`` and return its wall time and its own peak RSS."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        env = {**child_env(), **(extra_env or {})}
        proc = subprocess.Popen(list(cmd), stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Proc(
            seconds=seconds,
            max_rss_mb=usage.ru_maxrss / 1024,  # KB on Linux
            returncode=proc.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
        )


def checked(proc: Proc, what: str, ok: Sequence[int] = (0,)) -> Proc:
    if proc.returncode not in ok:
        raise SystemExit(f"{what} failed with exit {proc.returncode}: {proc.stderr.strip()}")
    return proc


def machine() -> dict[str, Any]:
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": os.getloadavg(),
    }


def bench_size(
    work: Path, n: int, yaml_too: bool, jobs: int | None, stages: bool = True
) -> dict[str, Any]:
    jsonl = corpus.write_jsonl(work / f"corpus-{n}.jsonl", n)
    out: dict[str, Any] = {"records": n, "jsonl_mb": jsonl.stat().st_size / 2**20}
    extra = ["--jobs", str(jobs)] if jobs else []
    db = work / f"check-{n}.db"
    db.unlink(missing_ok=True)
    cmd = [*decaudit_cmd(), "check", str(jsonl), "--db", str(db), "-q", "--today", TODAY]
    proc = checked(run([*cmd, "--max-file-size", "4GB", *extra]), f"check {jsonl}", (0, 1))
    out["end_to_end"] = {
        "seconds": proc.seconds,
        "records_per_s": n / proc.seconds,
        "max_rss_mb": proc.max_rss_mb,
        "summary": proc.stdout.strip(),
    }
    stage_db = work / f"stages-{n}.db"
    stage_db.unlink(missing_ok=True)
    if stages:
        proc = checked(
            run([sys.executable, str(HERE / "stages.py"), str(jsonl), "--db", str(stage_db)]),
            "stages.py",
        )
        out["stages"] = json.loads(proc.stdout)
        out["stages"]["max_rss_mb"] = proc.max_rss_mb
    if yaml_too:
        folder = work / f"yaml-{n}"
        if not folder.exists():
            corpus.write_yaml_dir(folder, n)
        db.unlink(missing_ok=True)
        proc = checked(
            run(
                [
                    *decaudit_cmd(),
                    "check",
                    str(folder),
                    "--db",
                    str(db),
                    "-q",
                    "--today",
                    TODAY,
                    *extra,
                ]
            ),
            f"check {folder}",
            (0, 1),
        )
        out["yaml_end_to_end"] = {
            "seconds": proc.seconds,
            "records_per_s": n / proc.seconds,
            "max_rss_mb": proc.max_rss_mb,
        }
    for path in (db, stage_db):
        path.unlink(missing_ok=True)
    return out


def bench_log(work: Path, findings: int, repeats: int) -> dict[str, Any]:
    log = work / "big.db"
    log.unlink(missing_ok=True)
    proc = checked(
        run([sys.executable, str(HERE / "biglog.py"), str(log), "--findings", str(findings)]),
        "biglog.py",
    )
    built = json.loads(proc.stdout)
    base = [*decaudit_cmd()]
    queries: dict[str, Any] = {}
    for label, args in (
        ("rule_BEN008_json", ["findings", "--rule", "BEN008", "--format", "json"]),
        (
            "rule_BEN002_limit100_json",
            ["findings", "--rule", "BEN002", "--limit", "100", "--format", "json"],
        ),
        ("decision_json", ["findings", "--decision", built["sample_decision"], "--format", "json"]),
    ):
        times = []
        rows = 0
        for _ in range(repeats):
            p = checked(run([*base, *args, "--db", str(log)]), " ".join(args))
            times.append(p.seconds)
            rows = len(json.loads(p.stdout)) if p.stdout.strip() else 0
        queries[label] = {"median_s": statistics.median(times), "rows": rows}
    p = run([*base, "verify", "--db", str(log)])
    result = {
        "findings": built["findings"],
        "runs": built["runs"],
        "build_seconds": built["seconds"],
        "db_mb": log.stat().st_size / 2**20,
        "queries": queries,
        "verify": {"seconds": p.seconds, "exit": p.returncode, "max_rss_mb": p.max_rss_mb},
    }
    log.unlink(missing_ok=True)
    return result


def bench_startup(work: Path, repeats: int) -> dict[str, Any]:
    one = work / "one.yaml"
    import yaml

    one.write_text(yaml.safe_dump(next(corpus.records(1, 11)), sort_keys=False))
    db = work / "one.db"

    def median(cmd: list[str], ok: Sequence[int], env: dict[str, str] | None = None) -> float:
        times = []
        for _ in range(repeats):
            db.unlink(missing_ok=True)
            times.append(checked(run(cmd, env), " ".join(cmd), ok).seconds)
        return statistics.median(times)

    base = decaudit_cmd()
    run([*base, "check", str(one), "--no-log"])  # warm-up: bytecode caches, page cache
    return {
        "version_s": median([*base, "--version"], (0,)),
        "check_one_yaml_s": median(
            [*base, "check", str(one), "--db", str(db), "--today", TODAY], (0, 1)
        ),
        "check_one_yaml_no_log_s": median(
            [*base, "check", str(one), "--no-log", "--today", TODAY], (0, 1)
        ),
        # the parsed-rule cache turned off: every run parses the rule files
        "check_one_yaml_no_cache_s": median(
            [*base, "check", str(one), "--db", str(db), "--today", TODAY],
            (0, 1),
            {"DECAUDIT_CACHE_DIR": "off"},
        ),
    }


def table(res: dict[str, Any]) -> str:
    m = res["machine"]
    lines = [
        f"machine: {m['cpus']} CPUs, {m['cpu_model']}, Python {m['python']},"
        f" load {m['load_average'][0]:.1f}",
        "",
        "records   e2e rec/s  e2e RSS MB  parse    facts    rules    oracle   findings  log"
        "      durable/oracle  yaml rec/s  yaml RSS MB",
    ]
    for s in res["sizes"]:
        y = s.get("yaml_end_to_end")
        row = f"{s['records']:<9} {s['end_to_end']['records_per_s']:>9.0f}  "
        row += f"{s['end_to_end']['max_rss_mb']:>10.1f}  "
        if "stages" in s:
            st = s["stages"]["records_per_s"]
            row += "".join(f"{(st[k] or 0):<9.0f}" for k in ("parse", "facts", "rules", "oracle"))
            row += f"{(st['findings'] or 0):<10.0f}{(st['log'] or 0):<9.0f}"
            row += f"{s['stages']['durable_over_oracle']:>14.2f}x"
        else:
            row += " " * 69
        row += f"  {y['records_per_s']:>10.0f}  {y['max_rss_mb']:>11.1f}" if y else ""
        lines.append(row)
    if "log" in res:
        lg = res["log"]
        lines += [
            "",
            f"log: {lg['findings']:,} findings in {lg['runs']} runs, built in"
            f" {lg['build_seconds']:.1f} s ({lg['db_mb']:.0f} MB)",
        ]
        for label, q in lg["queries"].items():
            lines.append(f"  findings {label}: {q['median_s'] * 1000:.0f} ms ({q['rows']} rows)")
        lines.append(
            f"  verify: {lg['verify']['seconds']:.2f} s (exit {lg['verify']['exit']},"
            f" RSS {lg['verify']['max_rss_mb']:.0f} MB)"
        )
    if "startup" in res:
        su = res["startup"]
        lines += [
            "",
            f"decaudit --version: {su['version_s'] * 1000:.0f} ms;"
            f" check one YAML file: {su['check_one_yaml_s'] * 1000:.0f} ms"
            f" (--no-log {su['check_one_yaml_no_log_s'] * 1000:.0f} ms;"
            f" rule cache off {su['check_one_yaml_no_cache_s'] * 1000:.0f} ms)",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000", help="corpus sizes (records)")
    ap.add_argument("--yaml-sizes", default="1000,10000", help="sizes also run as YAML folders")
    ap.add_argument("--log-findings", type=int, default=1_000_000)
    ap.add_argument("--repeats", type=int, default=5, help="runs per latency (median)")
    ap.add_argument("--jobs", type=int, default=None, help="pass --jobs N to check")
    ap.add_argument("--quick", action="store_true", help="small sizes: a smoke test")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ap.add_argument("--workdir", default=None, help="keep the corpora here (default: a temp dir)")
    ap.add_argument("--skip", default="", help="comma list of parts to skip: stages,log,startup")
    args = ap.parse_args(argv)
    if args.quick:
        args.sizes, args.yaml_sizes, args.log_findings, args.repeats = "200,1000", "200", 20_000, 3
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    yaml_sizes = {int(s) for s in args.yaml_sizes.split(",") if s.strip()}
    skip = {s.strip() for s in args.skip.split(",")}
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="decaudit-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    res: dict[str, Any] = {"machine": machine(), "sizes": []}
    try:
        for n in sizes:
            res["sizes"].append(
                bench_size(work, n, n in yaml_sizes, args.jobs, "stages" not in skip)
            )
            print(f"measured {n} records", file=sys.stderr)
        if "log" not in skip:
            res["log"] = bench_log(work, args.log_findings, args.repeats)
        if "startup" not in skip:
            res["startup"] = bench_startup(work, args.repeats)
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(res, indent=2, default=asdict) if args.json else table(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())

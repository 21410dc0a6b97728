"""The parts of ``run.py``: each measures its figures in subprocesses (see ``run.py``).

``Bench`` holds what the parts share: the generated corpora, the log written by the big
``-q`` run (100k decisions by default) and the log with two big runs, built once and copied
for every run that writes to it.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
from measure import (  # noqa: E402
    Figure,
    MeasureError,
    Proc,
    checked,
    copy_log,
    decaudit_cmd,
    remove_log,
    run,
    timed,
)

TODAY = "2026-01-01"
PARTS = ("stages", "e2e", "onefile", "report", "diff", "log")
STAGES = (
    ("parse", "parse (read and validate)"),
    ("facts", "facts"),
    ("rules", "rules: durable_rules, as check runs it"),
    ("closures", "floor: the rules as compiled Python closures"),
    ("c_calls", "floor: durable_rules C calls alone"),
    ("c_assert_retract", "  of which assert and retract"),
    ("findings", "findings"),
    ("encode", "log rows encoded (canonical JSON, hashes)"),
    ("log", "log: write and commit"),
)


class Bench:
    def __init__(
        self, args: argparse.Namespace, work: Path, on_figure: Callable[[], None] | None = None
    ) -> None:
        self.args = args
        self.on_figure = on_figure
        self.work = work
        self.figures: list[Figure] = []
        self.cmd = decaudit_cmd()
        self.check_help = subprocess.run(
            [*self.cmd, "check", "--help"], capture_output=True, text=True, check=False
        ).stdout
        self.corpora: dict[str, Path] = {}
        self.base_log: Path | None = None  # holds the big run: 100k decisions by default
        self.two_runs: Path | None = None  # holds two big runs, for diff
        self.tried_base = False
        self.big_log = f"{args.big // 1000}k-decision log" if args.big >= 1000 else "big log"

    # -- helpers ------------------------------------------------------------------------
    def add(self, fig: Figure) -> Figure:
        self.figures.append(fig)
        status = f"error: {fig.error}" if fig.error else f"{fig.value:.4g} {fig.unit}"
        if fig.max_rss_mb is not None:
            status += f", {fig.max_rss_mb:.0f} MB"
            if fig.main_rss_mb is not None:
                status += f" (main {fig.main_rss_mb:.0f} MB)"
        if fig.load is not None:
            status += f", load {fig.load[0]:.1f}->{fig.load[1]:.1f}"
        print(f"[{time.strftime('%H:%M:%S')}] {fig.label}: {status}", file=sys.stderr)
        if self.on_figure is not None:
            self.on_figure()
        return fig

    def guarded(self, key: str, label: str, unit: str, fn: Callable[[], Figure]) -> Figure:
        try:
            return self.add(fn())
        except (MeasureError, OSError, ValueError, KeyError) as exc:
            return self.add(Figure(key, label, None, unit, error=str(exc)))

    def measured(self, cmd: Sequence[str], what: str, **kw: Any) -> Proc:
        ok = kw.pop("ok", (0,))
        return checked(run(cmd, timeout=self.args.timeout, **kw), what, ok)

    def check_cmd(self, path: Path, db: Path | None, *extra: str) -> list[str]:
        cmd = [*self.cmd, "check", str(path), "--today", TODAY]
        if "--max-file-size" in self.check_help:
            cmd += ["--max-file-size", "1GB"]
        cmd += ["--db", str(db)] if db is not None else []
        return [*cmd, *extra]

    def formats(self) -> list[str]:
        found = re.search(r"--format \[([a-z|]+)\]", self.check_help)
        return found.group(1).split("|") if found else ["text", "json", "sarif", "junit"]

    # -- corpora ------------------------------------------------------------------------
    def corpus(self, which: str) -> Path:
        if which not in self.corpora:
            n = self.args.small if which == "small" else self.args.big
            path = self.work / f"corpus-{n}.jsonl"
            if not path.exists():
                corpus.write_jsonl(path, n)
            self.corpora[which] = path
        return self.corpora[which]

    def size(self, which: str) -> int:
        return int(self.args.small if which == "small" else self.args.big)

    # -- parts --------------------------------------------------------------------------
    def stages(self) -> None:
        n = self.args.big
        db = self.work / "stages.db"
        remove_log(db)
        try:
            proc = self.measured(
                [sys.executable, str(HERE / "stages.py"), str(self.corpus("big")), "--db", str(db)],
                "stages.py",
            )
        except MeasureError as exc:
            self.add(Figure("stages", f"stages ({n:,} records)", None, "", error=str(exc)))
            return
        finally:
            remove_log(db)
        st = json.loads(proc.stdout)
        ms = st["ms_per_record"]
        for name, label in STAGES:
            if name not in ms:
                continue  # no separate encoder in this version of the log
            self.add(
                Figure(
                    f"stages.{name}",
                    f"stage {label}",
                    ms.get(name),
                    "ms/record",
                    max_rss_mb=proc.max_rss_mb,
                    load=proc.load,
                    main_rss_mb=proc.main_rss_mb,
                )
            )
        mismatch = st["mismatches"]
        ratios = (
            (
                "stages.durable_over_closures",
                "rules over closures floor",
                st["durable_over_closures"],
            ),
            (
                "stages.c_over_closures",
                "C calls over closures floor",
                ms["c_calls"] / ms["closures"],
            ),
            ("stages.c_share", "C calls share of the rules stage", st["c_share_of_rules"]),
        )
        for key, label, value in ratios:
            self.add(Figure(key, label, value, "x", load=proc.load))
        self.add(
            Figure(
                "stages.mismatches",
                f"records where closures and durable differ (of {st['records']:,})",
                mismatch,
                "records",
                error=f"{mismatch} records differ" if mismatch else None,
                extra={"findings": st["findings"], "seconds": st["seconds"]},
            )
        )

    def e2e_one(self, which: str, mode: str, log: str) -> Figure:
        n = self.size(which)
        jobs = self.args.jobs
        key = f"e2e.{mode}.{which}.{log}"
        label = {
            "q.j1": f"check -q --jobs 1, {n:,} records",
            "q.jN": f"check -q --jobs {jobs}, {n:,} records",
            "all": f"check, every output to a file, {n:,} records",
        }[mode] + (", empty log" if log == "empty" else f", on the {self.big_log}")

        def go() -> Figure:
            db = self.work / f"e2e-{key}.db"
            remove_log(db)
            if log == "base":
                copy_log(self.need_base_log(), db)
            extra = ["-q", "--jobs", "1"]
            outdir = self.work / "outputs"
            if mode == "q.jN":
                extra = ["-q", "--jobs", str(jobs)]
            elif mode == "all":
                shutil.rmtree(outdir, ignore_errors=True)
                outdir.mkdir()
                extra = ["--jobs", "1"]
                for fmt in self.formats():
                    extra += ["-f", fmt, "-o", str(outdir / f"out.{fmt}")]
            proc = self.measured(
                self.check_cmd(self.corpus(which), db, *extra), f"check ({key})", ok=(0, 1)
            )
            extra_info: dict[str, Any] = {"seconds": proc.seconds, "summary": proc.stdout[-300:]}
            if mode == "all":
                extra_info["outputs_mb"] = {
                    p.suffix[1:]: round(p.stat().st_size / 2**20, 1) for p in outdir.iterdir()
                }
                shutil.rmtree(outdir, ignore_errors=True)
            if key == "e2e.q.j1.big.empty":
                self.tried_base = True
                self.base_log = db
            elif key == "e2e.q.j1.big.base":
                self.two_runs = db
            else:
                remove_log(db)
            return timed(key, label, n / proc.seconds, "rec/s", proc, **extra_info)

        return self.guarded(key, label, "rec/s", go)

    def need_base_log(self) -> Path:
        if self.base_log is None and self.args.base_log:
            self.tried_base = True
            self.base_log = copy_log(Path(self.args.base_log), self.work / "base-given.db")
        if self.base_log is None and not self.tried_base:
            self.tried_base = True
            self.e2e_one("big", "q.j1", "empty")
        if self.base_log is None:
            raise MeasureError("the 100k-decision log could not be built")
        return self.base_log

    def e2e(self) -> None:
        modes = set(self.args.e2e.split(","))
        for which in ("small", "big"):
            for mode in ("q.j1", "q.jN", "all"):
                if mode in modes:
                    self.e2e_one(which, mode, "empty")
        if "base" in modes:
            self.e2e_one("small", "q.j1", "base")
            self.e2e_one("big", "q.j1", "base")

    def latency(self, key: str, label: str, cmd: list[str], ok: Sequence[int] = (0, 1)) -> None:
        def go() -> Figure:
            for _ in range(self.args.warmup):  # bytecode, page cache, parsed-rule cache
                self.measured(cmd, label, ok=ok)
            procs = [self.measured(cmd, label, ok=ok) for _ in range(self.args.repeats)]
            times = [p.seconds for p in procs]
            return Figure(
                key,
                label,
                statistics.median(times),
                "s",
                max_rss_mb=max(p.max_rss_mb for p in procs),
                main_rss_mb=max(
                    (p.main_rss_mb for p in procs if p.main_rss_mb is not None), default=None
                ),
                load=(procs[0].load[0], procs[-1].load[1]),
                cpu_seconds=statistics.median(p.cpu_seconds for p in procs),
                extra={"times": times, "cpu_times": [p.cpu_seconds for p in procs]},
            )

        self.guarded(key, label, "s", go)

    def onefile(self) -> None:
        import yaml

        one = self.work / "one.yaml"
        one.write_text(yaml.safe_dump(next(corpus.records(1, 11)), sort_keys=False))
        r = self.args.repeats
        empty = self.work / "onefile-empty.db"
        remove_log(empty)
        self.latency(
            "onefile.version", f"decaudit --version (median of {r})", [*self.cmd, "--version"]
        )
        self.latency(
            "onefile.empty",
            f"check one YAML file, empty log (median of {r})",
            self.check_cmd(one, empty),
        )
        remove_log(empty)
        self.latency(
            "onefile.empty.nolog",
            f"check one YAML file --no-log (median of {r})",
            self.check_cmd(one, empty, "--no-log"),
        )
        remove_log(empty)
        try:
            big = copy_log(self.need_base_log(), self.work / "onefile-big.db")
        except MeasureError as exc:
            self.add(Figure("onefile.big", "check one file, 100k log", None, "s", error=str(exc)))
            return
        self.latency(
            "onefile.big",
            f"check one YAML file, {self.big_log} (median of {r})",
            self.check_cmd(one, big),
        )
        self.latency(
            "onefile.nolog",
            f"check one YAML file --no-log, {self.big_log} (median of {r})",
            [*self.check_cmd(one, big), "--no-log"],
        )
        remove_log(big)

    def report(self) -> None:
        html = self.work / "report.html"

        def go() -> Figure:
            proc = self.measured(
                [*self.cmd, "report", "--db", str(self.need_base_log()), "-o", str(html)], "report"
            )
            size = html.stat().st_size / 2**20
            html.unlink()
            self.add(
                Figure(
                    "report.html",
                    "report: HTML size",
                    size,
                    "MB",
                    load=proc.load,
                )
            )
            label = f"report of the {self.big_log}: peak RSS"
            return timed("report.rss", label, proc.max_rss_mb, "MB", proc)

        fig = self.guarded("report.rss", "report of the 100k-decision log", "MB", go)
        self.add_time("report.seconds", "report: time", fig)

    def add_time(self, key: str, label: str, fig: Figure) -> None:
        """The wall time of a measured command, as a figure of its own (when it ran)."""
        if fig.seconds is not None:
            self.add(
                Figure(key, label, fig.seconds, "s", load=fig.load, cpu_seconds=fig.cpu_seconds)
            )

    def diff(self) -> None:
        def go() -> Figure:
            if self.two_runs is None:
                self.need_base_log()
                self.e2e_one("big", "q.j1", "base")
            if self.two_runs is None:
                raise MeasureError("the two-run log could not be built")
            cmd = [*self.cmd, "diff", "previous", "latest", "--format", "json"]
            proc = self.measured([*cmd, "--db", str(self.two_runs)], "diff")
            label = f"diff --format json of two {self.args.big:,}-record runs: peak RSS"
            mb = proc.stdout_bytes / 2**20
            return timed("diff.rss", label, proc.max_rss_mb, "MB", proc, stdout_mb=mb)

        fig = self.guarded("diff.rss", "diff of two big runs", "MB", go)
        self.add_time("diff.seconds", "diff: time", fig)

    def log(self) -> None:
        n = self.args.log_findings
        path = self.work / "big.db"
        remove_log(path)
        try:
            proc = self.measured(
                [sys.executable, str(HERE / "biglog.py"), str(path), "--findings", str(n)],
                "biglog.py",
            )
        except MeasureError as exc:
            self.add(Figure("log.build", "log build", None, "s", error=str(exc)))
            return
        built = json.loads(proc.stdout)
        mb = path.stat().st_size / 2**20
        self.add(
            Figure(
                "log.build",
                f"build a log of {built['findings']:,} findings ({mb:,.0f} MB)",
                built["seconds"],
                "s",
                max_rss_mb=proc.max_rss_mb,
                load=proc.load,
                main_rss_mb=proc.main_rss_mb,
            )
        )
        r = self.args.repeats
        queries = (
            ("findings.rule", "findings --rule BEN008 -f json", ["--rule", "BEN008"]),
            (
                "findings.limit",
                "findings --rule BEN002 --limit 100",
                ["--rule", "BEN002", "--limit", "100"],
            ),
            (
                "findings.decision",
                "findings --decision ID",
                ["--decision", built["sample_decision"]],
            ),
        )
        for key, label, args in queries:
            cmd = [*self.cmd, "findings", *args, "--format", "json", "--db", str(path)]
            self.latency(key, f"{label}, {built['findings']:,} (median of {r})", cmd, ok=(0,))

        def verify() -> Figure:
            p = self.measured([*self.cmd, "verify", "--db", str(path)], "verify")
            return Figure(
                "verify",
                f"verify, {built['findings']:,} findings",
                p.seconds,
                "s",
                max_rss_mb=p.max_rss_mb,
                load=p.load,
                cpu_seconds=p.cpu_seconds,
                main_rss_mb=p.main_rss_mb,
            )

        self.guarded("verify", "verify", "s", verify)
        remove_log(path)

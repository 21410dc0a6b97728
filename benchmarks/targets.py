"""The performance targets (issue 12) checked against the figures, and the printed table.

Each target names the figure it judges, the threshold and the comparison; figures that are
ratios of two measurements (``--jobs 2`` over ``--jobs 1``, 100k over 10k peak RSS, the
one-file check on a big log over an empty one) are derived here from the measured ones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from measure import Figure


@dataclass(frozen=True)
class Target:
    key: str  # the figure judged
    text: str  # the target as printed
    ok: Callable[[float], bool]


TARGETS = (
    Target("e2e.q.j1.big.empty", ">= 3,000 rec/s", lambda v: v >= 3000),
    Target("ratio.jobs", ">= 1.7x", lambda v: v >= 1.7),
    Target("stages.log", "<= 0.1 ms/record", lambda v: v <= 0.1),
    Target("onefile.empty", "<= 0.25 s", lambda v: v <= 0.25),
    Target("ratio.onefile", "<= 1.5x", lambda v: v <= 1.5),
    Target("rss.all.big", "<= 250 MB", lambda v: v <= 250),
    Target("ratio.rss.q.j1", "<= 1.2x", lambda v: v <= 1.2),
    Target("ratio.rss.q.jN", "<= 1.2x", lambda v: v <= 1.2),
    Target("ratio.rss.all", "<= 1.2x", lambda v: v <= 1.2),
    Target("report.rss", "<= 300 MB", lambda v: v <= 300),
    Target("report.html", "<= 5 MB", lambda v: v <= 5),
    Target("diff.rss", "<= 300 MB", lambda v: v <= 300),
    Target("findings.rule", "<= 0.2 s", lambda v: v <= 0.2),
    Target("verify", "<= 8 s", lambda v: v <= 8),
)


def _ratio(
    figs: dict[str, Figure], key: str, label: str, num: str, den: str, attr: str = "value"
) -> Figure | None:
    a, b = figs.get(num), figs.get(den)
    if a is None or b is None:
        return None
    x, y = getattr(a, attr), getattr(b, attr)
    if not x or not y:
        return Figure(key, label, None, "x", error="a figure it needs is missing")
    extra: dict[str, Any] = {"of": [num, den]}
    if attr == "max_rss_mb" and a.main_rss_mb and b.main_rss_mb:
        extra["main_ratio"] = round(a.main_rss_mb / b.main_rss_mb, 3)
    return Figure(key, label, x / y, "x", extra=extra)


def derive(figs: dict[str, Figure], jobs: int, small: int, big: int) -> list[Figure]:
    """The ratio figures, and the peak RSS of the every-output run as a figure of its own."""
    out = [
        _ratio(
            figs,
            "ratio.jobs",
            f"--jobs {jobs} over --jobs 1 ({big:,} records, rec/s)",
            "e2e.q.jN.big.empty",
            "e2e.q.j1.big.empty",
        ),
        _ratio(
            figs,
            "ratio.onefile",
            "one file: big log over empty log (median)",
            "onefile.big",
            "onefile.empty",
        ),
    ]
    for mode, text in (
        ("q.j1", "-q --jobs 1"),
        ("q.jN", f"-q --jobs {jobs}"),
        ("all", "every output"),
    ):
        out.append(
            _ratio(
                figs,
                f"ratio.rss.{mode}",
                f"peak memory {big:,} over {small:,} records, {text}",
                f"e2e.{mode}.big.empty",
                f"e2e.{mode}.small.empty",
                "max_rss_mb",
            )
        )
    allbig = figs.get("e2e.all.big.empty")
    if allbig is not None:
        out.append(
            Figure(
                "rss.all.big",
                f"peak memory (process tree), every output, {big:,} records",
                allbig.max_rss_mb,
                "MB",
                max_rss_mb=allbig.max_rss_mb,
                main_rss_mb=allbig.main_rss_mb,
                load=allbig.load,
                error=allbig.error,
            )
        )
    return [f for f in out if f is not None]


def judge(figs: dict[str, Figure]) -> None:
    for t in TARGETS:
        f = figs.get(t.key)
        if f is not None:
            f.target = t.text
            f.met = None if f.value is None else t.ok(f.value)


def _num(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if (unit == "rec/s" and value >= 100) or (unit == "MB" and value >= 10):
        return f"{value:,.0f} {unit}"
    if unit == "x":
        return f"{value:.2f}x"
    if unit == "s":
        return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"
    if unit == "records":
        return f"{value:,.0f}"
    if unit == "ms/record":
        return f"{value:.3f} ms/rec"
    return f"{value:,.2f} {unit}"


def table(res: dict[str, Any], figures: list[Figure]) -> str:
    m = res["machine"]
    lines = [
        f"decaudit {res.get('version', '?')} at {res.get('commit', '?')}",
        f"machine: {m['cpus']} CPUs, {m['cpu_model']}, {m.get('memory_gb')} GB,"
        f" Python {m['python']}, SQLite {m.get('sqlite')}",
        f"load average (1 min) at start {res['load_start']:.2f}, at end {res['load_end']:.2f};"
        f" total {res['total_seconds'] / 60:.1f} min",
        "",
        f"{'figure':<60} {'value':>14} {'cpu s':>7} {'tree MB':>9} {'main MB':>8}"
        f" {'load':>9}  {'target':<17} verdict",
    ]
    for f in figures:
        load = f"{f.load[0]:.1f}->{f.load[1]:.1f}" if f.load else ""
        rss = f"{f.max_rss_mb:,.0f} MB" if f.max_rss_mb is not None else ""
        main = f"{f.main_rss_mb:,.0f} MB" if f.main_rss_mb is not None else ""
        verdict = "" if f.met is None else ("met" if f.met else "MISSED")
        if f.error:
            verdict = f"ERROR: {f.error[:120]}"
        value = _num(f.value, f.unit)
        cpu = ""
        if f.cpu_seconds is not None:
            cpu = f"{f.cpu_seconds:.2f}" if f.cpu_seconds < 10 else f"{f.cpu_seconds:.0f}"
        lines.append(
            f"{f.label[:60]:<60} {value:>14} {cpu:>7} {rss:>9} {main:>8} {load:>9}"
            f"  {(f.target or ''):<17} {verdict}"
        )
    judged = [f for f in figures if f.met is not None]
    lines += [
        "",
        "tree MB: the peak of the summed PSS of the command's processes (itself, the fork"
        " server, the workers), sampled every 25 ms; main MB: its own process's peak RSS.",
        f"targets: {sum(f.met for f in judged if f.met)} met,"
        f" {sum(1 for f in judged if not f.met)} missed,"
        f" {sum(1 for f in figures if f.target and f.met is None)} not measured",
    ]
    return "\n".join(lines)

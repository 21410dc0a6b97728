"""Two saved ``run.py --json`` results side by side, as a Markdown table.

Usage: ``python benchmarks/compare.py BEFORE.json AFTER.json`` prints one row per figure:
its target, the value before (with its peak RSS and the load average around it), the value
after, and whether the target is met after. A figure measured in only one of the runs
shows ``-`` in the other column. Either side may be a comma-separated list of results of
partial runs (``--skip``, ``--e2e``): each figure is taken from the first that has it, and
when they come from different commits each value names its commit.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import Figure
from targets import _num


def _cell(f: dict[str, Any] | None) -> str:
    if f is None:
        return "-"
    if f.get("error"):
        return "error"
    text = _num(f["value"], f["unit"])
    if f.get("cpu_seconds") is not None:
        text += f", CPU {f['cpu_seconds']:.3g} s"
    if f.get("max_rss_mb") is not None and f["unit"] not in ("MB", "ms/record", "x"):
        text += f", {f['max_rss_mb']:,.0f} MB"
    if f.get("load"):
        text += f" (load {f['load'][0]:.1f}-{f['load'][1]:.1f})"
    if f.get("label_commit"):
        text += f" [{f['label_commit']}]"
    return text


def _verdict(f: dict[str, Any] | None) -> str:
    if f is None or f.get("met") is None:
        return ""
    return "met" if f["met"] else "**missed**"


def merged(results: list[dict[str, Any]]) -> tuple[dict[str, dict[str, Any]], str]:
    """Figures by key, each from the first result that has it without error; the commits."""
    figs: dict[str, dict[str, Any]] = {}
    commits = sorted({r["commit"].split()[0] for r in results})
    for res in results:
        for f in res["figures"]:
            got = figs.get(f["key"])
            if got is None or (got.get("error") and not f.get("error")):
                figs[f["key"]] = {**f, "commit": res["commit"].split()[0]}
    if len(commits) > 1:
        for f in figs.values():
            f["label_commit"] = f["commit"]
    return figs, ", ".join(commits)


def markdown(
    before: list[dict[str, Any]], after: list[dict[str, Any]], only_targets: bool = False
) -> str:
    a, ca = merged(before)
    b, cb = merged(after)
    order = list(b) + [k for k in a if k not in b]
    if only_targets:
        order = [k for k in order if (b.get(k) or a[k]).get("target")]
    lines = [
        f"| figure | target | before ({ca}) | after ({cb}) | after |",
        "| --- | --- | ---: | ---: | --- |",
    ]
    for key in order:
        f = b.get(key) or a[key]
        fig = Figure(**{k: v for k, v in f.items() if k not in ("commit", "label_commit")})
        lines.append(
            f"| {fig.label} | {fig.target or ''} | {_cell(a.get(key))} | {_cell(b.get(key))} |"
            f" {_verdict(b.get(key))} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--targets", action="store_true", help="only the figures with a target")
    args = ap.parse_args(argv)
    sides = [
        [json.loads(Path(p).read_text(encoding="utf-8")) for p in side.split(",")]
        for side in (args.before, args.after)
    ]
    print(markdown(*sides, only_targets=args.targets))
    return 0


if __name__ == "__main__":
    sys.exit(main())

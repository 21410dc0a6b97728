"""Two saved ``run.py --json`` results side by side, as a Markdown table.

Usage: ``python benchmarks/compare.py BEFORE.json AFTER.json`` prints one row per figure:
its target, the value before (with the load average around it), the value after, and
whether the target is met after. A figure measured in only one of the runs shows ``-`` in
the other column.
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
    if f.get("max_rss_mb") is not None and f["unit"] != "MB":
        text += f", {f['max_rss_mb']:,.0f} MB"
    if f.get("load"):
        text += f" (load {f['load'][0]:.1f}-{f['load'][1]:.1f})"
    return text


def _verdict(f: dict[str, Any] | None) -> str:
    if f is None or f.get("met") is None:
        return ""
    return "met" if f["met"] else "**missed**"


def markdown(before: dict[str, Any], after: dict[str, Any]) -> str:
    a = {f["key"]: f for f in before["figures"]}
    b = {f["key"]: f for f in after["figures"]}
    order = list(b) + [k for k in a if k not in b]
    lines = [
        f"| figure | target | before ({before['commit'].split()[0]}) |"
        f" after ({after['commit'].split()[0]}) | after |",
        "| --- | --- | ---: | ---: | --- |",
    ]
    for key in order:
        f = b.get(key) or a[key]
        fig = Figure(**f)
        lines.append(
            f"| {fig.label} | {fig.target or ''} | {_cell(a.get(key))} | {_cell(b.get(key))} |"
            f" {_verdict(b.get(key))} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("before")
    ap.add_argument("after")
    args = ap.parse_args(argv)
    load = [json.loads(Path(p).read_text(encoding="utf-8")) for p in (args.before, args.after)]
    print(markdown(*load))
    return 0


if __name__ == "__main__":
    sys.exit(main())

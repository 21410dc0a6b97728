"""Markup helpers shared by the report's sections: escaping, anchors, number formats,
links back to record files, tables, figures and badges. Every string that reaches the page
goes through ``esc`` here or in ``svg``."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.parse import quote

from ..vocab import SEVERITIES
from .svg import esc

SEVERITY_COLORS = {
    "critical": "#991b1b",
    "high": "#dc2626",
    "medium": "#b45309",
    "low": "#2563eb",
    "info": "#9ca3af",
}
FAMILY_COLORS = {
    "incremental": "#7c3aed",
    "alternatives": "#0891b2",
    "benefits": "#ea580c",
    "governance": "#65a30d",
    "hygiene": "#64748b",
}
KIND_COLORS = {
    "do-nothing": "#9ca3af",
    "do-minimum": "#cbd5e1",
    "incremental": "#60a5fa",
    "adjacent": "#34d399",
    "breakthrough": "#f59e0b",
    "replace-own-business": "#dc2626",
    "unknown": "#e5e7eb",
}


def anchor(decision_id: str) -> str:
    """A safe, unique element id for a decision (ids are untrusted text)."""
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", decision_id).strip("-")[:60]
    digest = hashlib.sha256(decision_id.encode("utf-8")).hexdigest()[:6]
    return f"d-{slug}-{digest}" if slug else f"d-{digest}"


def money(value: float) -> str:
    """1_600_000 -> 1.6M; 250_000 -> 250k; 950 -> 950."""
    size = abs(value)
    for div, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if size >= div:
            text = f"{value / div:.1f}".rstrip("0").rstrip(".")
            return f"{text}{suffix}"
    return f"{value:.0f}"


def pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


class Links:
    """Links back to the record files.

    - ``link_base`` (a URL, e.g. ``https://github.com/org/repo/blob/main``): the file's path
      relative to ``base`` (the repository root) appended to it, with ``#L<line>``;
    - else ``report_dir`` (the folder the report is written to): a relative link from the
      report to the file, which keeps working when the report and the records move together;
    - else an absolute ``file:`` URI.

    Relative record paths are resolved against ``base``.
    """

    def __init__(
        self,
        base: Path | None,
        *,
        report_dir: Path | None = None,
        link_base: str | None = None,
    ) -> None:
        self.base = base
        self.report_dir = report_dir
        self.link_base = link_base.rstrip("/") if link_base else None

    def href(self, file: str, line: int = 0) -> str | None:
        if not file or file == "-" or self.base is None:
            return None
        path = Path(file)
        if not path.is_absolute():
            path = self.base / path
        try:
            resolved = path.resolve()
            if self.link_base is not None:
                try:
                    rel = resolved.relative_to(self.base.resolve()).as_posix()
                except ValueError:
                    return None  # outside the repository: no URL to build
                anchor = f"#L{line}" if line else ""
                return f"{self.link_base}/{quote(rel)}{anchor}"
            if self.report_dir is not None:
                rel = os.path.relpath(resolved, self.report_dir.resolve())
                return quote(Path(rel).as_posix())
            return resolved.as_uri()
        except ValueError:
            return None

    def loc(self, file: str, line: int, *, short: bool = False) -> str:
        """``file:line`` as a ``file:`` link; just ``line N`` with ``short``."""
        if short and line:
            text = f"line {line}"
        else:
            text = esc(f"{file}:{line}" if line else file) if file else "–"
        href = self.href(file, line)
        return f'<a class="loc" href="{esc(href)}">{text}</a>' if href else text


def when(stamp: str) -> str:
    """``2025-03-01T09:00:00Z`` -> ``2025-03-01 09:00 UTC`` (other text unchanged)."""
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d+)?)?(Z|\+00:00)", stamp)
    return f"{m.group(1)} {m.group(2)} UTC" if m else stamp


def sev_badge(severity: str) -> str:
    klass = severity if severity in SEVERITIES else "info"
    return f'<span class="sev sev-{klass}">{esc(severity)}</span>'


def decision_link(decision_id: str, known: set[str]) -> str:
    if decision_id in known:
        return f'<a href="#{anchor(decision_id)}">{esc(decision_id)}</a>'
    return esc(decision_id)


def html_table(
    caption: str,
    head: Sequence[str],
    rows: Iterable[Sequence[str]],
    num: set[int],
    *,
    caption_visible: bool = True,
) -> str:
    """A table; ``rows`` are markup (escape what goes in), ``num`` the right-aligned columns.
    A caption under a heading that says the same is kept for screen readers only."""
    ths = "".join(
        f'<th scope="col" class="num">{esc(h)}</th>'
        if i in num
        else f'<th scope="col">{esc(h)}</th>'
        for i, h in enumerate(head)
    )
    body = []
    for row in rows:
        cells = "".join(
            f'<td class="num">{c}</td>' if i in num else f"<td>{c}</td>" for i, c in enumerate(row)
        )
        body.append(f"<tr>{cells}</tr>")
    klass = "" if caption_visible else ' class="sr-only"'
    return (
        f"<table><caption{klass}>{esc(caption)}"
        f"</caption><thead><tr>{ths}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def html_figure(svg: str, caption: str) -> str:
    return f"<figure>{svg}<figcaption>{esc(caption)}</figcaption></figure>"


def html_section(sid: str, title: str, lead: str, body: str) -> str:
    lead_html = f'<p class="lead">{lead}</p>' if lead else ""
    return (
        f'<section id="{sid}" aria-labelledby="{sid}-h"><h2 id="{sid}-h">{esc(title)}</h2>'
        f"{lead_html}{body}</section>"
    )


def html_note(text: str) -> str:
    return f'<p class="note">{esc(text)}</p>'

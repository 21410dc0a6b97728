"""The approver's brief of a decision, as a part of its article in the report.

The same :class:`~decaudit.engine.brief.Brief` values as ``decaudit brief`` prints, built
from the decision's latest snapshot and findings in the log, laid out in HTML: what should
have been asked (or should be asked) before approving it. Footnote ids carry the decision's
anchor, so they stay unique on the page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache

from ..brief import Brief, BriefContext, Item, build_brief
from ..brief.history import finding_of_row, source_of
from ..errors import LogError
from ..types import RuleInfo
from .data import DecisionRow, ReportData
from .markup import anchor, html_table
from .svg import esc


@cache
def _rules() -> tuple[RuleInfo, ...]:
    from ..rules.loader import load_pack

    return load_pack().infos


def context(data: ReportData) -> BriefContext:
    today = dt.date.fromisoformat(data.generated_at[:10])
    return BriefContext.of(_rules(), today, data.history)


def brief_of(d: DecisionRow, ctx: BriefContext) -> Brief | None:
    """The decision's brief, or None when its logged record no longer reads."""
    if not d.record:
        return None
    try:
        src = source_of(d.record, d.file, d.line, "yaml")
    except LogError:
        return None
    return build_brief(src, [finding_of_row(f) for f in d.findings], ctx)


def _refs(notes: Sequence[int], prefix: str) -> str:
    return "".join(f'<sup><a href="#{prefix}-n{n}">[{n}]</a></sup>' for n in notes)


def _item(item: Item, prefix: str) -> str:
    lead = f"<strong>{esc(item.lead)}.</strong> " if item.lead else ""
    quotes = "".join(
        f"<li>“{esc(q.text)}”{f' (line {q.line})' if q.line else ''}</li>" for q in item.quotes
    )
    if item.quotes_left_out:
        quotes += f"<li>and {item.quotes_left_out} more in the record</li>"
    inner = f'<ul class="quotes">{quotes}</ul>' if quotes else ""
    return f"<li>{lead}{esc(item.text)} {_refs(item.notes, prefix)}{inner}</li>"


def brief_html(brief: Brief, decision_id: str) -> str:
    """The brief as an HTML block (every string escaped)."""
    prefix = anchor(decision_id) + "-brief"
    parts = [
        f'<div class="brief" id="{prefix}"><h4>Approver\'s brief</h4>',
        f'<p class="verdict"><strong>Verdict.</strong> {esc(brief.verdict)}</p>',
    ]
    check = (brief.check_first,) if brief.check_first else ()
    for title, items in (
        ("Check first", check),
        ("Ask for", brief.asks),
        ("Challenge", brief.challenges),
    ):
        if items:
            lis = "".join(_item(i, prefix) for i in items)
            parts.append(f"<h5>{title}</h5><ul>{lis}</ul>")
    if brief.realism is not None:
        real = brief.realism
        parts.append(f"<h5>Benefit realism {_refs(real.notes, prefix)}</h5>")
        if real.rows:
            rows = [[esc(r.label), esc(r.share), esc(r.amount)] for r in real.rows]
            head = ["Basis", "Share of projected benefits", "Benefits on that basis"]
            parts.append(html_table("Benefit realism", head, rows, {1, 2}, caption_visible=False))
        parts += [f"<p>{esc(s)}</p>" for s in real.sentences]
    if brief.comparison is not None:
        comp = brief.comparison
        parts.append(f"<h5>Set the comparison {_refs(comp.notes, prefix)}</h5>")
        parts += [f"<p>{esc(s)}</p>" for s in comp.sentences]
        if comp.rows:
            rows = [[esc(a), esc(b), esc(c)] for a, b, c in comp.rows]
            head = ["Line", "Projected", "Range or contingency"]
            parts.append(html_table("Benefits review", head, rows, {1}, caption_visible=False))
    if brief.questions:
        lis = "".join(_item(i, prefix) for i in brief.questions)
        parts.append(f"<h5>Questions for the meeting</h5><ol>{lis}</ol>")
    if brief.notes:
        notes = "".join(
            f'<li id="{prefix}-n{n}">{esc(note.rule_title)}. Rule {esc(note.rule_id)}, '
            f"{esc(note.file)} line {note.line}. Source: {esc(note.source)}.</li>"
            for n, note in enumerate(brief.notes, 1)
        )
        parts.append(f'<ol class="notes">{notes}</ol>')
    parts.append("</div>")
    return "".join(parts)
